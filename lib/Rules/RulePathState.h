//===- RulePathState.h - What the rules keep on each path -------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Everything the rule monitor follows along one path lives here, in one
// observer slot of the engine's State (engine::SlotKey): the engine forks
// it with the path, shares it until a rule writes it, and compares it when
// it asks whether two paths differ in anything an observer sees. Adding a
// rule-language feature changes this struct, never the engine.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_RULES_RULEPATHSTATE_H
#define NDISV_LIB_RULES_RULEPATHSTATE_H

#include "ndisv/Engine/State.h"
#include <cstdint>
#include <vector>

namespace ndisv::rules {

/// A handle a rule's `track` put in one of its sets on this path.
struct TrackedHandle {
  unsigned Set = 0;  // the monitor's index of the rule's handle set
  engine::SymValue V;
  unsigned Site = 0; // the monitor's index of the acquiring call
  unsigned Name = 0; // the monitor's interned name for where the driver keeps it (0 = none)
  unsigned NameRank = 0;
  engine::SymValue Home; // that place's address, when known
  bool Lost = false;     // the path forgot what its home held
  bool operator==(const TrackedHandle &O) const;
};

struct RulePathState {
  unsigned Phase = 0;             // the monitor's index of the harness phase ("" = 0)
  std::vector<int64_t> Vars;      // every rule's state variables, rule after rule
  std::vector<int64_t> Unmatched; // per handle set: releases not tied to a held handle
  std::vector<uint8_t> Done;      // per rule: it aborted here and stops watching the path
  std::vector<TrackedHandle> Held;
  /// Per (rule, acquisition site) the lifecycle map knows: acquired on this
  /// path. Grows as the monitor meets new sites.
  std::vector<uint8_t> HeldSites;
  /// The current IRQL (set at each callback's entry from the IRQL model) and
  /// the levels raises saved, innermost last.
  int64_t Irql = 0;
  std::vector<int64_t> IrqlSaved;

  bool operator==(const RulePathState &O) const;
  size_t hash() const;
  /// Whether a held handle's value or home names a symbol Is accepts (path
  /// joining asks before it renames symbols).
  bool mentions(llvm::function_ref<bool(engine::SymId)> Is) const;
  /// Every held handle's value and home, in order, for path joining's
  /// object correspondence, and the same values renamed by it.
  void forEachValue(llvm::function_ref<void(const engine::SymValue &)> F) const;
  void mapValues(llvm::function_ref<engine::SymValue(const engine::SymValue &)> F);
};

/// The rule monitor's slot in every path's State.
extern const engine::SlotKey<RulePathState> RuleStateKey;

} // namespace ndisv::rules

#endif

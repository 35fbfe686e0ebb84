//===- ndisv/Rules/RuleMonitor.h - Rules watching the paths -----*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Runs every selected rule's state machine alongside the executor. Rule
// variables live in each path's State, so a fork copies them; a rule that
// aborted on a path stops watching that path. Defects are kept once per
// rule, message and place, with the shortest trace seen.
//===----------------------------------------------------------------------===//
#ifndef NDISV_RULES_RULEMONITOR_H
#define NDISV_RULES_RULEMONITOR_H

#include "ndisv/Engine/Executor.h"
#include "ndisv/Report/Results.h"
#include "ndisv/Rules/Rule.h"
#include "llvm/ADT/StringMap.h"
#include <map>

namespace ndisv::rules {

class RuleMonitor : public engine::Observer {
public:
  explicit RuleMonitor(std::vector<const Rule *> Rules);

  /// Gives a new path the rules' initial variables.
  void start(engine::State &S) const;
  /// The harness moves a path into the phase of Role ("" = none).
  void setPhase(engine::State &S, llvm::StringRef Role);
  /// A role callback's entry or exit, as the harness drives it.
  void onRole(engine::State &S, llvm::StringRef Role, EventKind K, const llvm::DILocation *Loc,
              const engine::SymValue *Ret = nullptr);
  void onCall(engine::State &S, const engine::CallEvent &E) override;

  const std::vector<const Rule *> &rules() const { return Rules; }
  bool applicable(unsigned RuleIndex) const { return Applicable[RuleIndex]; }
  std::vector<Defect> defects() const;
  /// Rules that have handlers on Role.
  bool usesRole(unsigned RuleIndex, llvm::StringRef Role) const;

private:
  struct Hook {
    unsigned Rule;
    const Handler *H;
    EventKind K;
  };
  void fire(engine::State &S, llvm::StringRef Name, bool Entry, llvm::StringRef Outcome,
            const llvm::DILocation *Loc, const EvalContext &Ctx);
  void exec(engine::State &S, unsigned R, const Stmt &St, const llvm::DILocation *Loc,
            EvalContext &Ctx);
  void report(engine::State &S, unsigned R, const std::string &Msg, const llvm::DILocation *Loc);

  std::vector<const Rule *> Rules;
  std::vector<unsigned> VarBase; // first MonitorVars slot of each rule
  unsigned NumVars = 0;
  llvm::StringMap<std::vector<Hook>> Hooks;
  std::vector<std::string> Phases{""};
  std::vector<bool> Applicable;
  std::map<std::string, Defect> Found; // key: rule, message, place
};

} // namespace ndisv::rules

#endif

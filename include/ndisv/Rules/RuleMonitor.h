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
#include <set>

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
  /// What makes two reports the same defect: rule, message and place.
  static std::string defectKey(const Defect &D);
  /// Rules that have handlers on Role.
  bool usesRole(unsigned RuleIndex, llvm::StringRef Role) const;
  /// The resource lifecycle map (see Results.h). Cells' Defects index into
  /// defects() as returned by this monitor; the caller renumbers them.
  LifecycleMap lifecycle() const;

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

  // Lifecycle map bookkeeping (RuleLifecycle.cpp). A path's held
  // acquisitions live in MonitorVars past the rules' own variables, one slot
  // per (rule, acquisition site), so forks copy them like rule state.
  struct LifeSite {
    std::string Kind;
    SourceLoc Loc;
  };
  struct LifeCellAcc {
    bool Leaked = false;
    std::set<std::string> DefectKeys;
  };
  void noteAcquired(engine::State &S, unsigned R, const std::string &Text,
                    const llvm::DILocation *Loc);
  /// Rules whose handlers on (Role, K) can abort: the exits they check.
  std::vector<unsigned> checkingRules(const engine::State &S, llvm::StringRef Role,
                                      EventKind K) const;
  void recordExit(engine::State &S, llvm::StringRef Role, EventKind K, const llvm::DILocation *Loc,
                  const std::vector<unsigned> &Checking, const std::vector<uint8_t> &DoneBefore);
  llvm::StringRef CurrentEvent;     // the event whose handlers are running
  std::map<unsigned, std::string> LastDefectKey; // rule -> key of its last report()
  std::vector<LifeSite> Sites;      // acquisition sites, first seen first
  std::map<std::pair<unsigned, unsigned>, unsigned> SiteSlot; // (rule, site) -> slot
  std::vector<std::pair<unsigned, unsigned>> SlotOwner;       // slot -> (rule, site)
  std::vector<LifecycleExit> Exits;
  std::map<std::pair<unsigned, unsigned>, LifeCellAcc> Cells; // (site, exit) -> what paths did
};

} // namespace ndisv::rules

#endif

//===- ndisv/Rules/RuleMonitor.h - Rules watching the paths -----*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Runs every selected rule's state machine alongside the executor. What the
// rules follow on a path (variables, handle sets, ...) lives in the rules'
// own observer slot of the engine's State (RulePathState.h), so a fork
// shares it until a rule writes; a rule that aborted on a path stops
// watching that path. Defects are kept once per
// rule, message and place, with the shortest trace seen.
//===----------------------------------------------------------------------===//
#ifndef NDISV_RULES_RULEMONITOR_H
#define NDISV_RULES_RULEMONITOR_H

#include "ndisv/Engine/Executor.h"
#include "ndisv/Report/Results.h"
#include "ndisv/Rules/Irql.h"
#include "ndisv/Rules/Rule.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <optional>
#include <set>

namespace ndisv::rules {

struct TrackedHandle;
struct RulePathState;

class RuleMonitor : public engine::Observer {
public:
  explicit RuleMonitor(std::vector<const Rule *> Rules);

  /// Gives a new path the rules' initial variables.
  void start(engine::State &S) const;
  /// The harness moves a path into the phase of Role ("" = none).
  void setPhase(engine::State &S, llvm::StringRef Role);
  /// A role callback's entry or exit, as the harness drives it; Args are the
  /// callback's arguments (the rules' $N).
  void onRole(engine::State &S, llvm::StringRef Role, EventKind K, const llvm::DILocation *Loc,
              const engine::SymValue *Ret = nullptr, llvm::ArrayRef<engine::SymValue> Args = {});
  /// The IRQL model (model/ndis-irql.table): callbacks' entry IRQL, the
  /// calls that change it, documented ranges. Without one the IRQL stays 0.
  void setIrqlModel(IrqlModel M) { Irql = std::move(M); }
  void onCall(engine::State &S, const engine::CallEvent &E) override;
  void onStore(engine::State &S, const engine::SymValue &V, const llvm::Value *Ptr,
               const engine::SymValue &Addr) override;
  void onForget(engine::State &S, engine::ObjId O, uint64_t Off, uint64_t Len) override;
  /// Fires the event NULL_DEREFERENCE.entry at the dereference.
  void onNullDereference(engine::State &S, const llvm::DILocation *Loc) override;

  const std::vector<const Rule *> &rules() const { return Rules; }
  bool applicable(unsigned RuleIndex) const { return Applicable[RuleIndex]; }
  /// Why a rule's result is not to be trusted on some path, even without a
  /// defect (a release of a handle the path could not tie to one it held).
  const std::set<std::string> &uncertainty(unsigned RuleIndex) const { return Uncertain[RuleIndex]; }
  /// Roles any handler of the selected rules names, as an event or in `during`.
  bool watchesRole(llvm::StringRef Role) const;
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
  /// What one event offers the handlers it fires.
  struct EventData {
    llvm::ArrayRef<engine::SymValue> Args;
    const engine::SymValue *Ret = nullptr;
    const llvm::CallBase *Site = nullptr;
    const llvm::DILocation *Loc = nullptr;
  };
  /// While a handler runs: the handle its last track/release or `for` named.
  struct HandlerRun {
    EvalContext Ctx;
    std::string Handle, Acquired;
    bool InForEach = false, AbortedInForEach = false;
  };
  const RulePathState &pathState(const engine::State &S) const;
  void fire(engine::State &S, llvm::StringRef Name, bool Entry, llvm::StringRef Outcome,
            const EventData &Ev);
  void exec(engine::State &S, unsigned R, const Stmt &St, const EventData &Ev, HandlerRun &Run);
  void report(engine::State &S, unsigned R, const std::string &Msg, const llvm::DILocation *Loc);
  // Handles (RuleHandles.cpp).
  std::optional<engine::SymValue> refValue(engine::State &S, const ValueRef &Ref,
                                           const EventData &Ev) const;
  void track(engine::State &S, unsigned R, const Stmt &St, const EventData &Ev, HandlerRun &Run);
  void release(engine::State &S, unsigned R, const Stmt &St, const EventData &Ev, HandlerRun &Run);
  void forEach(engine::State &S, unsigned R, const Stmt &St, const EventData &Ev, HandlerRun &Run);
  std::string expand(const std::string &Text, const HandlerRun &Run) const;
  unsigned internName(const std::string &N);
  std::string handleName(const TrackedHandle &T) const;
  std::vector<unsigned> SetBase;   // first global handle-set index of each rule
  std::vector<std::string> Names{""}; // interned handle names; 0 = none
  llvm::StringMap<unsigned> NameIds;
  std::vector<const llvm::DILocation *> AcquireSites;
  llvm::DenseMap<const llvm::DILocation *, unsigned> AcquireSiteIds;
  std::vector<std::set<std::string>> Uncertain;

  IrqlModel Irql;
  void applyIrqlChange(engine::State &S, const engine::CallEvent &E);
  std::vector<const Rule *> Rules;
  std::vector<unsigned> VarBase; // index of each rule's first variable in RulePathState::Vars
  unsigned NumVars = 0, NumSets = 0;
  llvm::StringMap<std::vector<Hook>> Hooks;
  std::vector<std::string> Phases{""};
  std::vector<bool> Applicable;
  std::map<std::string, Defect> Found; // key: rule, message, place
  /// The trace each kept defect will show, built only in defects(): most
  /// reports repeat one already found and never need theirs.
  struct PendingTrace {
    std::shared_ptr<const engine::TraceNode> Head;
    int Rule = -1;
    size_t Length = 0; // steps once pruned
  };
  std::map<std::string, PendingTrace> Traces; // same keys as Found

  // Lifecycle map bookkeeping (RuleLifecycle.cpp). A path's held
  // acquisitions live in RulePathState::HeldSites, one entry per (rule,
  // acquisition site), so forks carry them like rule state.
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
  std::map<std::pair<unsigned, unsigned>, unsigned> SiteSlot; // (rule, site) -> HeldSites index
  std::vector<std::pair<unsigned, unsigned>> SlotOwner;       // HeldSites index -> (rule, site)
  std::vector<LifecycleExit> Exits;
  std::map<std::pair<unsigned, unsigned>, LifeCellAcc> Cells; // (site, exit) -> what paths did
};

} // namespace ndisv::rules

#endif

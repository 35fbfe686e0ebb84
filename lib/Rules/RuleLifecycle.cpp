//===- RuleLifecycle.cpp - The resource lifecycle map, from the rules -------===//
// SPDX-License-Identifier: Apache-2.0
//
// Builds Results' Lifecycle from what the rules already say, so that it
// needs no API names of its own: a resource is acquired where a rule's
// handler on one of its `applies` functions (in its `applies during` phase)
// runs a `note`; the exits are the role events on which a rule can `abort`;
// a cell is leaked when the rule aborted there on a path holding the
// resource, released when it did not. The engine is not involved.
//===----------------------------------------------------------------------===//
#include "ndisv/Program/DriverProgram.h"
#include "ndisv/Rules/RuleMonitor.h"
#include "RulePathState.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include <tuple>

using namespace llvm;
using namespace ndisv;
using namespace ndisv::rules;
using engine::State;


static const char *eventName(EventKind K) {
  switch (K) {
  case EventKind::Entry:
    return "entry";
  case EventKind::Exit:
    return "exit";
  case EventKind::Success:
    return "success";
  case EventKind::Failure:
    return "failure";
  }
  return "";
}

static auto locKey(const SourceLoc &L) { return std::tie(L.File, L.Line, L.Col); }

void RuleMonitor::noteAcquired(State &S, unsigned R, const std::string &Text, const DILocation *Loc) {
  const Rule &Ru = *Rules[R];
  if (!llvm::is_contained(Ru.Applies, CurrentEvent.str()) ||
      (!Ru.AppliesDuring.empty() && Phases[pathState(S).Phase] != Ru.AppliesDuring))
    return;
  SourceLoc SL = sourceLocOf(Loc);
  unsigned Site = 0;
  while (Site < Sites.size() && !(Sites[Site].Kind == Text && locKey(Sites[Site].Loc) == locKey(SL)))
    ++Site;
  if (Site == Sites.size())
    Sites.push_back({Text, SL});
  auto [It, New] = SiteSlot.try_emplace({R, Site}, (unsigned)SlotOwner.size());
  if (New)
    SlotOwner.push_back({R, Site});
  unsigned Slot = It->second;
  const RulePathState &PS = pathState(S);
  if (Slot < PS.HeldSites.size() && PS.HeldSites[Slot])
    return;
  std::vector<uint8_t> &HeldSites = S.mutate(RuleStateKey).HeldSites;
  if (HeldSites.size() <= Slot)
    HeldSites.resize(Slot + 1, 0);
  HeldSites[Slot] = 1;
}

std::vector<unsigned> RuleMonitor::checkingRules(const State &S, StringRef Role, EventKind K) const {
  std::vector<unsigned> Out;
  const RulePathState &PS = pathState(S);
  auto It = Hooks.find(Role);
  if (It == Hooks.end())
    return Out;
  // The same matching as fire(): an exit handler also runs on success and failure.
  for (const Hook &Hk : It->second) {
    bool Match = K == EventKind::Entry ? Hk.K == EventKind::Entry
                                       : (Hk.K == EventKind::Exit || Hk.K == K);
    if (!Match || PS.Done[Hk.Rule] || !canAbort(Hk.H->Body) ||
        (!Hk.H->During.empty() && Phases[PS.Phase] != Hk.H->During))
      continue;
    if (!llvm::is_contained(Out, Hk.Rule))
      Out.push_back(Hk.Rule);
  }
  return Out;
}

void RuleMonitor::recordExit(State &S, StringRef Role, EventKind K, const DILocation *Loc,
                             const std::vector<unsigned> &Checking,
                             const std::vector<uint8_t> &DoneBefore) {
  LifecycleExit E;
  E.Role = Role.str();
  E.Event = eventName(K);
  E.Loc = sourceLocOf(Loc);
  if (Loc)
    if (DISubprogram *SP = Loc->getScope()->getSubprogram())
      E.Function = SP->getName().str();
  unsigned Exit = 0;
  while (Exit < Exits.size() && !(Exits[Exit].Role == E.Role && Exits[Exit].Event == E.Event &&
                                  locKey(Exits[Exit].Loc) == locKey(E.Loc)))
    ++Exit;
  if (Exit == Exits.size())
    Exits.push_back(E);
  const RulePathState &PS = pathState(S);
  for (unsigned Slot = 0; Slot < SlotOwner.size(); ++Slot) {
    auto [R, Site] = SlotOwner[Slot];
    if (Slot >= PS.HeldSites.size() || !PS.HeldSites[Slot] || !llvm::is_contained(Checking, R))
      continue;
    LifeCellAcc &C = Cells[{Site, Exit}];
    if (!DoneBefore[R] && PS.Done[R]) { // the rule aborted right here
      C.Leaked = true;
      C.DefectKeys.insert(LastDefectKey[R]);
    }
  }
}

LifecycleMap RuleMonitor::lifecycle() const {
  LifecycleMap L;
  // Rows: one per (kind, place), whichever rules track it.
  std::vector<unsigned> SiteOrder(Sites.size());
  for (unsigned K = 0; K < Sites.size(); ++K)
    SiteOrder[K] = K;
  llvm::sort(SiteOrder, [&](unsigned A, unsigned B) {
    return std::tie(Sites[A].Loc.File, Sites[A].Loc.Line, Sites[A].Loc.Col, Sites[A].Kind) <
           std::tie(Sites[B].Loc.File, Sites[B].Loc.Line, Sites[B].Loc.Col, Sites[B].Kind);
  });
  std::vector<unsigned> RowOf(Sites.size());
  for (unsigned K = 0; K < SiteOrder.size(); ++K) {
    RowOf[SiteOrder[K]] = K;
    LifecycleResource Res;
    Res.Kind = Sites[SiteOrder[K]].Kind;
    Res.Acquired = Sites[SiteOrder[K]].Loc;
    L.Resources.push_back(Res);
  }
  for (auto [Key, Slot] : SiteSlot) {
    std::vector<std::string> &Rs = L.Resources[RowOf[Key.second]].Rules;
    if (!llvm::is_contained(Rs, Rules[Key.first]->Name))
      Rs.push_back(Rules[Key.first]->Name);
  }
  for (LifecycleResource &Res : L.Resources)
    llvm::sort(Res.Rules);

  // Columns: role events in the order the harness entered their phases.
  auto phaseOf = [&](const std::string &Role) {
    return (size_t)(std::find(Phases.begin(), Phases.end(), Role) - Phases.begin());
  };
  std::vector<unsigned> ExitOrder(Exits.size());
  for (unsigned K = 0; K < Exits.size(); ++K)
    ExitOrder[K] = K;
  llvm::sort(ExitOrder, [&](unsigned A, unsigned B) {
    const LifecycleExit &X = Exits[A], &Y = Exits[B];
    return std::make_tuple(phaseOf(X.Role), X.Role, X.Event, X.Loc.File, X.Loc.Line, X.Loc.Col) <
           std::make_tuple(phaseOf(Y.Role), Y.Role, Y.Event, Y.Loc.File, Y.Loc.Line, Y.Loc.Col);
  });
  std::vector<unsigned> ColOf(Exits.size());
  for (unsigned K = 0; K < ExitOrder.size(); ++K) {
    ColOf[ExitOrder[K]] = K;
    L.Exits.push_back(Exits[ExitOrder[K]]);
  }

  // Cells; defects as indexes into defects(), which walks Found in order.
  std::vector<std::string> Keys;
  for (auto &KV : Found)
    Keys.push_back(KV.first);
  for (auto &[Key, Acc] : Cells) {
    LifecycleCell C;
    C.Resource = RowOf[Key.first];
    C.Exit = ColOf[Key.second];
    C.S = Acc.Leaked ? LifecycleCell::Status::Leaked : LifecycleCell::Status::Released;
    for (const std::string &DK : Acc.DefectKeys) {
      auto It = llvm::find(Keys, DK);
      if (It != Keys.end())
        C.Defects.push_back((unsigned)(It - Keys.begin()));
    }
    llvm::sort(C.Defects);
    L.Cells.push_back(std::move(C));
  }
  llvm::sort(L.Cells, [](const LifecycleCell &A, const LifecycleCell &B) {
    return std::tie(A.Resource, A.Exit) < std::tie(B.Resource, B.Exit);
  });
  return L;
}

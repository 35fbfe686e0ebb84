//===- RuleMonitor.cpp - Rules watching the paths ---------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ndisv/Rules/RuleMonitor.h"
#include "RulePathState.h"
#include "ndisv/Program/DriverProgram.h"
#include "llvm/IR/DebugInfoMetadata.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::rules;
using engine::State;

RuleMonitor::RuleMonitor(std::vector<const Rule *> Rs) : Rules(std::move(Rs)) {
  Applicable.assign(Rules.size(), false);
  Uncertain.resize(Rules.size());
  for (unsigned R = 0; R < Rules.size(); ++R) {
    Applicable[R] = Rules[R]->Applies.empty(); // no `applies`: the rule always applies
    VarBase.push_back(NumVars);
    NumVars += Rules[R]->StateVars.size();
    SetBase.push_back(NumSets);
    NumSets += Rules[R]->HandleSets.size();
    for (const Handler &H : Rules[R]->Handlers)
      for (const Event &E : H.Events)
        Hooks[E.Name].push_back({R, &H, E.Kind});
  }
}

void RuleMonitor::start(State &S) const {
  RulePathState PS;
  PS.Vars.assign(NumVars, 0);
  PS.Unmatched.assign(NumSets, 0);
  PS.Done.assign(Rules.size(), 0);
  for (unsigned R = 0; R < Rules.size(); ++R)
    for (unsigned V = 0; V < Rules[R]->StateVars.size(); ++V)
      PS.Vars[VarBase[R] + V] = Rules[R]->StateVars[V].Initial;
  S.set(RuleStateKey, std::move(PS));
}

const RulePathState &RuleMonitor::pathState(const State &S) const {
  const RulePathState *PS = S.get(RuleStateKey);
  assert(PS && "a path the monitor did not start");
  return *PS;
}

void RuleMonitor::setPhase(State &S, StringRef Role) {
  auto It = std::find(Phases.begin(), Phases.end(), Role.str());
  if (It == Phases.end())
    It = Phases.insert(Phases.end(), Role.str());
  unsigned Phase = (unsigned)(It - Phases.begin());
  if (pathState(S).Phase != Phase)
    S.mutate(RuleStateKey).Phase = Phase;
  // NDIS calls each callback at its documented IRQL, whatever came before.
  auto It2 = Irql.Entry.find(Role);
  int64_t Level = It2 == Irql.Entry.end() ? 0 : It2->second;
  const RulePathState &PS = pathState(S);
  if (PS.Irql != Level || !PS.IrqlSaved.empty()) {
    RulePathState &M = S.mutate(RuleStateKey);
    M.Irql = Level;
    M.IrqlSaved.clear();
  }
}

void RuleMonitor::applyIrqlChange(State &S, const engine::CallEvent &E) {
  auto It = Irql.Changes.find(E.Callee);
  if (It == Irql.Changes.end())
    return;
  const IrqlModel::Change &C = It->second;
  RulePathState &M = S.mutate(RuleStateKey);
  switch (C.K) {
  case IrqlModel::Change::Kind::Raise: {
    // A raise never lowers: a spin lock acquired at DIRQL (inside a
    // synchronized routine) leaves the IRQL at DIRQL, and its release gives
    // back that DIRQL. KeRaiseIrql to a lower level is a bug check
    // (Irql_IrqlSetting_Function reports it); the path goes on as if it held.
    M.IrqlSaved.push_back(M.Irql);
    if (!C.Arg) {
      M.Irql = std::max(M.Irql, C.Level);
    } else if (C.Arg <= E.Args.size()) { // a level the path does not know leaves it as it is
      engine::SymValue V = S.resolve(E.Args[C.Arg - 1]);
      if (V.isInt())
        M.Irql = std::max(M.Irql, (int64_t)V.zext());
    }
    break;
  }
  case IrqlModel::Change::Kind::During: // the call has returned: the caller's IRQL is back
  case IrqlModel::Change::Kind::Restore:
    // A release without a matching raise on this path (acquired in a
    // caller the harness did not run) leaves the IRQL as it is.
    if (!M.IrqlSaved.empty()) {
      M.Irql = M.IrqlSaved.back();
      M.IrqlSaved.pop_back();
    }
    break;
  case IrqlModel::Change::Kind::SetArg:
    if (C.Arg <= E.Args.size()) {
      engine::SymValue V = S.resolve(E.Args[C.Arg - 1]);
      if (V.isInt())
        M.Irql = (int64_t)V.zext();
    }
    break;
  }
}

bool RuleMonitor::usesRole(unsigned R, StringRef Role) const {
  for (const Handler &H : Rules[R]->Handlers)
    for (const Event &E : H.Events)
      if (E.Name == Role)
        return true;
  return false;
}

bool RuleMonitor::watchesRole(StringRef Role) const {
  for (unsigned R = 0; R < Rules.size(); ++R) {
    if (usesRole(R, Role) || Rules[R]->AppliesDuring == Role ||
        llvm::is_contained(Rules[R]->Watches, Role) || llvm::is_contained(Rules[R]->Watches, "all"))
      return true;
    for (const Handler &H : Rules[R]->Handlers)
      if (H.During == Role)
        return true;
  }
  return false;
}

void RuleMonitor::onCall(State &S, const engine::CallEvent &E) {
  bool Entry = E.W == engine::CallEvent::When::Entry;
  if (Entry)
    for (unsigned R = 0; R < Rules.size(); ++R)
      if (!Applicable[R] &&
          (Rules[R]->AppliesDuring.empty() || Phases[pathState(S).Phase] == Rules[R]->AppliesDuring) &&
          llvm::is_contained(Rules[R]->Applies, E.Callee))
        Applicable[R] = true;
  if (!Entry && !Irql.Changes.empty())
    applyIrqlChange(S, E); // rules at .exit see the IRQL the call left
  if (Hooks.count(E.Callee)) {
    EventData Ev{E.Args, E.HasRet ? &E.Ret : nullptr, E.Site, E.Loc};
    fire(S, E.Callee, Entry, E.Outcome, Ev);
  }
  // A call that runs a routine at another IRQL: rules at .entry saw the
  // caller's IRQL; what it runs sees Level.
  if (Entry && !Irql.Changes.empty())
    if (auto It = Irql.Changes.find(E.Callee);
        It != Irql.Changes.end() && It->second.K == IrqlModel::Change::Kind::During) {
      RulePathState &M = S.mutate(RuleStateKey);
      M.IrqlSaved.push_back(M.Irql);
      M.Irql = It->second.Level;
    }
}

void RuleMonitor::onNullDereference(State &S, const DILocation *Loc) {
  static constexpr const char *Event = "NULL_DEREFERENCE";
  if (!Hooks.count(Event))
    return;
  EventData Ev{{}, nullptr, nullptr, Loc};
  fire(S, Event, /*Entry=*/true, "", Ev);
}

void RuleMonitor::onRole(State &S, StringRef Role, EventKind K, const DILocation *Loc,
                         const engine::SymValue *Ret, ArrayRef<engine::SymValue> Args) {
  // `applies MINIPORT_PAUSE`: a rule about a callback applies once NDIS calls it.
  if (K == EventKind::Entry)
    for (unsigned R = 0; R < Rules.size(); ++R)
      if (!Applicable[R] && llvm::is_contained(Rules[R]->Applies, Role))
        Applicable[R] = true;
  if (!Hooks.count(Role))
    return;
  EventData Ev{Args, Ret, nullptr, Loc};
  StringRef Outcome = K == EventKind::Success ? "success" : K == EventKind::Failure ? "failure" : "";
  std::vector<unsigned> Checking = checkingRules(S, Role, K); // lifecycle map
  std::vector<uint8_t> DoneBefore = pathState(S).Done;
  fire(S, Role, K == EventKind::Entry, Outcome, Ev);
  if (!Checking.empty())
    recordExit(S, Role, K, Loc, Checking, DoneBefore);
}

void RuleMonitor::fire(State &S, StringRef Name, bool Entry, StringRef Outcome,
                       const EventData &Ev) {
  for (const Hook &Hk : Hooks[Name]) {
    const RulePathState &PS = pathState(S);
    if (PS.Done[Hk.Rule])
      continue;
    bool Match = Entry ? Hk.K == EventKind::Entry
                       : (Hk.K == EventKind::Exit ||
                          (Hk.K == EventKind::Success && Outcome == "success") ||
                          (Hk.K == EventKind::Failure && Outcome == "failure"));
    if (!Match || (!Hk.H->During.empty() && Phases[PS.Phase] != Hk.H->During))
      continue;
    // Expressions see the event's values and this rule's variables and sets.
    HandlerRun Run;
    EvalContext &C = Run.Ctx;
    C.State = &PS.Vars;
    C.Base = VarBase[Hk.Rule];
    if (Ev.Ret) {
      engine::SymValue V = S.resolve(*Ev.Ret);
      C.HasReturn = V.isInt();
      C.Return = V.isInt() ? V.sext() : 0;
    }
    for (const engine::SymValue &A : Ev.Args) {
      engine::SymValue V = S.resolve(A);
      C.Args.push_back({V.isInt(), V.isInt() ? V.sext() : 0});
    }
    C.Read = [&S, &Ev](const Expr &E) -> std::optional<int64_t> {
      const engine::SymValue *Base =
          E.Value == 0 ? Ev.Ret : size_t(E.Value) <= Ev.Args.size() ? &Ev.Args[E.Value - 1] : nullptr;
      if (!Base)
        return std::nullopt;
      std::optional<engine::SymValue> V = S.readAt(*Base, E.Offset, E.Bytes);
      if (!V || !(V = S.resolve(*V))->isInt())
        return std::nullopt;
      return (int64_t)V->zext();
    };
    unsigned First = SetBase[Hk.Rule];
    C.Count = [this, &S, First](unsigned Set) {
      return (int64_t)llvm::count_if(pathState(S).Held, [&](const TrackedHandle &T) {
        return T.Set == First + Set;
      });
    };
    C.Holds = [this, &S, First, &Ev](const Expr &E) -> std::optional<int64_t> {
      ValueRef Ref;
      Ref.K = ValueRef::Kind(E.RefKind);
      Ref.Arg = E.RefArg;
      std::optional<engine::SymValue> V = refValue(S, Ref, Ev);
      if (!V)
        return std::nullopt;
      return (int64_t)llvm::any_of(pathState(S).Held, [&](const TrackedHandle &T) {
        return T.Set == First + E.Var && T.V.sameAs(*V);
      });
    };
    C.Irql = [this, &S, Name](Expr::Kind K) -> std::optional<int64_t> {
      if (K == Expr::Kind::Irql)
        return pathState(S).Irql;
      auto It = Irql.Ddis.find(Name);
      if (It == Irql.Ddis.end())
        return std::nullopt;
      return K == Expr::Kind::IrqlMax ? It->second.Max : It->second.Min;
    };
    CurrentEvent = Name;
    exec(S, Hk.Rule, Hk.H->Body, Ev, Run);
  }
}

void RuleMonitor::exec(State &S, unsigned R, const Stmt &St, const EventData &Ev, HandlerRun &Run) {
  if (pathState(S).Done[R])
    return;
  EvalContext &Ctx = Run.Ctx;
  Ctx.State = &pathState(S).Vars; // a write since may have copied the path's rule state
  switch (St.K) {
  case Stmt::Kind::Block:
    for (const auto &Sub : St.Body)
      exec(S, R, *Sub, Ev, Run);
    break;
  case Stmt::Kind::Assign: {
    EvalResult V = evaluate(*St.Value, Ctx);
    if (!V.Known)
      break;
    int64_t &Var = S.mutate(RuleStateKey).Vars[VarBase[R] + St.Var];
    if (St.AssignOp == "+=")
      Var += V.Value;
    else if (St.AssignOp == "-=")
      Var -= V.Value;
    else
      Var = V.Value;
    break;
  }
  case Stmt::Kind::If: {
    EvalResult C = evaluate(*St.Value, Ctx);
    if (C.Known && C.Value)
      exec(S, R, *St.Then, Ev, Run);
    else if (C.Known && St.Else)
      exec(S, R, *St.Else, Ev, Run);
    break;
  }
  case Stmt::Kind::Note: {
    std::string Text = expand(St.Text, Run);
    S.addTrace(TraceStep::Kind::Event, Ev.Loc, Text, (int)R);
    noteAcquired(S, R, Text, Ev.Loc); // lifecycle map
    break;
  }
  case Stmt::Kind::Abort:
    report(S, R, expand(St.Text, Run), Ev.Loc);
    if (Run.InForEach)
      Run.AbortedInForEach = true; // the other handles get their reports too
    else
      S.mutate(RuleStateKey).Done[R] = 1;
    break;
  case Stmt::Kind::Track:
    track(S, R, St, Ev, Run);
    break;
  case Stmt::Kind::Release:
    release(S, R, St, Ev, Run);
    break;
  case Stmt::Kind::ForEach:
    forEach(S, R, St, Ev, Run);
    break;
  }
}

/// The trace as a person reads it: calls that lead nowhere are dropped.
/// With Out null, only counts the steps (what deduplication compares).
static size_t traceOf(const engine::TraceNode *N, int Rule, std::vector<TraceStep> *Out) {
  std::vector<const engine::TraceNode *> Nodes;
  for (; N; N = N->Prev.get())
    if (N->Tag < 0 || N->Tag == Rule) // other rules' notes are not this defect's story
      Nodes.push_back(N);
  std::reverse(Nodes.begin(), Nodes.end());
  std::vector<const engine::TraceNode *> Kept;
  std::vector<size_t> OpenCalls; // indexes in Kept of Call steps not yet shown useful
  std::vector<bool> Useful;
  for (const engine::TraceNode *T : Nodes) {
    if (T->K == TraceStep::Kind::Call) {
      OpenCalls.push_back(Kept.size());
      Useful.push_back(false);
      Kept.push_back(T);
      continue;
    }
    if (T->K == TraceStep::Kind::Return) {
      if (OpenCalls.empty())
        continue;
      size_t Open = OpenCalls.back();
      bool WasUseful = Useful.back();
      OpenCalls.pop_back();
      Useful.pop_back();
      if (!WasUseful) {
        Kept.resize(Open); // nothing of note happened inside: drop the call
        continue;
      }
      if (!Useful.empty())
        Useful.back() = true;
      Kept.push_back(T);
      continue;
    }
    for (size_t K = 0; K < Useful.size(); ++K)
      Useful[K] = true;
    Kept.push_back(T);
  }
  if (Out)
    for (const engine::TraceNode *T : Kept) {
      TraceStep St;
      St.K = T->K;
      St.Loc = sourceLocOf(T->Loc);
      St.Message = T->Message;
      St.Depth = T->Depth;
      St.Iteration = T->Iteration;
      Out->push_back(std::move(St));
    }
  return Kept.size();
}

void RuleMonitor::report(State &S, unsigned R, const std::string &Msg, const DILocation *Loc) {
  Defect D;
  D.Rule = Rules[R]->Name;
  D.Message = Msg;
  D.Loc = sourceLocOf(Loc);
  std::string Key = defectKey(D);
  LastDefectKey[R] = Key;
  // The shortest trace wins; building it waits until the defect is kept.
  size_t Length = traceOf(S.Trace.get(), (int)R, nullptr);
  auto It = Traces.find(Key);
  if (It != Traces.end() && It->second.Length <= Length)
    return;
  D.UnknownCalls.assign(S.UnknownCalls.begin(), S.UnknownCalls.end());
  Found[Key] = std::move(D);
  Traces[Key] = {S.Trace, (int)R, Length};
}

std::string RuleMonitor::defectKey(const Defect &D) {
  return D.Rule + "\n" + D.Message + "\n" + D.Loc.File + ":" + std::to_string(D.Loc.Line);
}

std::vector<Defect> RuleMonitor::defects() const {
  std::vector<Defect> Out;
  for (auto &[K, D] : Found) {
    Out.push_back(D);
    if (auto It = Traces.find(K); It != Traces.end())
      traceOf(It->second.Head.get(), It->second.Rule, &Out.back().Trace);
  }
  return Out;
}

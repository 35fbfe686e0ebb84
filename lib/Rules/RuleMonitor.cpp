//===- RuleMonitor.cpp - Rules watching the paths ---------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ndisv/Rules/RuleMonitor.h"
#include "ndisv/Program/DriverProgram.h"
#include "llvm/IR/DebugInfoMetadata.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::rules;
using engine::State;

RuleMonitor::RuleMonitor(std::vector<const Rule *> Rs) : Rules(std::move(Rs)) {
  Applicable.assign(Rules.size(), false);
  for (unsigned R = 0; R < Rules.size(); ++R) {
    Applicable[R] = Rules[R]->Applies.empty(); // no `applies`: the rule always applies
    VarBase.push_back(NumVars);
    NumVars += Rules[R]->StateVars.size();
    for (const Handler &H : Rules[R]->Handlers)
      for (const Event &E : H.Events)
        Hooks[E.Name].push_back({R, &H, E.Kind});
  }
}

void RuleMonitor::start(State &S) const {
  S.MonitorVars.assign(NumVars, 0);
  S.MonitorDone.assign(Rules.size(), 0);
  for (unsigned R = 0; R < Rules.size(); ++R)
    for (unsigned V = 0; V < Rules[R]->StateVars.size(); ++V)
      S.MonitorVars[VarBase[R] + V] = Rules[R]->StateVars[V].Initial;
}

void RuleMonitor::setPhase(State &S, StringRef Role) {
  auto It = std::find(Phases.begin(), Phases.end(), Role.str());
  if (It == Phases.end())
    It = Phases.insert(Phases.end(), Role.str());
  S.Phase = (unsigned)(It - Phases.begin());
}

bool RuleMonitor::usesRole(unsigned R, StringRef Role) const {
  for (const Handler &H : Rules[R]->Handlers)
    for (const Event &E : H.Events)
      if (E.Name == Role)
        return true;
  return false;
}

static EvalContext contextFor(const State &S, ArrayRef<engine::SymValue> Args,
                              const engine::SymValue *Ret) {
  EvalContext C;
  C.State = &S.MonitorVars;
  if (Ret) {
    engine::SymValue V = S.resolve(*Ret);
    if (V.isInt()) {
      C.HasReturn = true;
      C.Return = V.sext();
    }
  }
  for (const engine::SymValue &A : Args) {
    engine::SymValue V = S.resolve(A);
    C.Args.push_back({V.isInt(), V.isInt() ? V.sext() : 0});
  }
  return C;
}

void RuleMonitor::onCall(State &S, const engine::CallEvent &E) {
  bool Entry = E.W == engine::CallEvent::When::Entry;
  if (Entry)
    for (unsigned R = 0; R < Rules.size(); ++R)
      if (!Applicable[R] &&
          (Rules[R]->AppliesDuring.empty() || Phases[S.Phase] == Rules[R]->AppliesDuring) &&
          llvm::is_contained(Rules[R]->Applies, E.Callee))
        Applicable[R] = true;
  if (!Hooks.count(E.Callee))
    return;
  EvalContext Ctx = contextFor(S, E.Args, E.HasRet ? &E.Ret : nullptr);
  fire(S, E.Callee, Entry, E.Outcome, E.Loc, Ctx);
}

void RuleMonitor::onRole(State &S, StringRef Role, EventKind K, const DILocation *Loc,
                         const engine::SymValue *Ret) {
  if (!Hooks.count(Role))
    return;
  EvalContext Ctx = contextFor(S, {}, Ret);
  StringRef Outcome = K == EventKind::Success ? "success" : K == EventKind::Failure ? "failure" : "";
  std::vector<unsigned> Checking = checkingRules(S, Role, K); // lifecycle map
  std::vector<uint8_t> DoneBefore = S.MonitorDone;
  fire(S, Role, K == EventKind::Entry, Outcome, Loc, Ctx);
  if (!Checking.empty())
    recordExit(S, Role, K, Loc, Checking, DoneBefore);
}

void RuleMonitor::fire(State &S, StringRef Name, bool Entry, StringRef Outcome,
                       const DILocation *Loc, const EvalContext &Ctx0) {
  for (const Hook &Hk : Hooks[Name]) {
    if (S.MonitorDone[Hk.Rule])
      continue;
    bool Match = Entry ? Hk.K == EventKind::Entry
                       : (Hk.K == EventKind::Exit ||
                          (Hk.K == EventKind::Success && Outcome == "success") ||
                          (Hk.K == EventKind::Failure && Outcome == "failure"));
    if (!Match || (!Hk.H->During.empty() && Phases[S.Phase] != Hk.H->During))
      continue;
    EvalContext Ctx = Ctx0;
    CurrentEvent = Name;
    exec(S, Hk.Rule, Hk.H->Body, Loc, Ctx);
  }
}

void RuleMonitor::exec(State &S, unsigned R, const Stmt &St, const DILocation *Loc,
                       EvalContext &Ctx) {
  if (S.MonitorDone[R])
    return;
  // Expressions index the rule's own variables from 0, at its base slot.
  Ctx.State = &S.MonitorVars;
  Ctx.Base = VarBase[R];
  switch (St.K) {
  case Stmt::Kind::Block:
    for (const auto &Sub : St.Body)
      exec(S, R, *Sub, Loc, Ctx);
    break;
  case Stmt::Kind::Assign: {
    EvalResult V = evaluate(*St.Value, Ctx);
    if (!V.Known)
      break;
    int64_t &Var = S.MonitorVars[VarBase[R] + St.Var];
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
      exec(S, R, *St.Then, Loc, Ctx);
    else if (C.Known && St.Else)
      exec(S, R, *St.Else, Loc, Ctx);
    break;
  }
  case Stmt::Kind::Note:
    S.addTrace(TraceStep::Kind::Event, Loc, St.Text, (int)R);
    noteAcquired(S, R, St.Text, Loc); // lifecycle map
    break;
  case Stmt::Kind::Abort:
    report(S, R, St.Text, Loc);
    S.MonitorDone[R] = 1;
    break;
  }
}

/// The trace as a person reads it: calls that lead nowhere are dropped.
static std::vector<TraceStep> traceOf(const engine::TraceNode *N, int Rule) {
  std::vector<const engine::TraceNode *> Nodes;
  for (; N; N = N->Prev.get())
    if (N->Tag < 0 || N->Tag == Rule) // other rules' notes are not this defect's story
      Nodes.push_back(N);
  std::reverse(Nodes.begin(), Nodes.end());
  std::vector<TraceStep> Out;
  std::vector<size_t> OpenCalls; // indexes in Out of Call steps not yet shown useful
  std::vector<bool> Useful;
  for (const engine::TraceNode *T : Nodes) {
    TraceStep St;
    St.K = T->K;
    St.Loc = sourceLocOf(T->Loc);
    St.Message = T->Message;
    St.Depth = T->Depth;
    if (T->K == TraceStep::Kind::Call) {
      OpenCalls.push_back(Out.size());
      Useful.push_back(false);
      Out.push_back(St);
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
        Out.resize(Open); // nothing of note happened inside: drop the call
        continue;
      }
      if (!Useful.empty())
        Useful.back() = true;
      Out.push_back(St);
      continue;
    }
    for (size_t K = 0; K < Useful.size(); ++K)
      Useful[K] = true;
    Out.push_back(St);
  }
  return Out;
}

void RuleMonitor::report(State &S, unsigned R, const std::string &Msg, const DILocation *Loc) {
  Defect D;
  D.Rule = Rules[R]->Name;
  D.Message = Msg;
  D.Loc = sourceLocOf(Loc);
  D.Trace = traceOf(S.Trace.get(), (int)R);
  D.UnknownCalls.assign(S.UnknownCalls.begin(), S.UnknownCalls.end());
  std::string Key = defectKey(D);
  LastDefectKey[R] = Key;
  auto It = Found.find(Key);
  if (It == Found.end() || It->second.Trace.size() > D.Trace.size())
    Found[Key] = std::move(D);
}

std::string RuleMonitor::defectKey(const Defect &D) {
  return D.Rule + "\n" + D.Message + "\n" + D.Loc.File + ":" + std::to_string(D.Loc.Line);
}

std::vector<Defect> RuleMonitor::defects() const {
  std::vector<Defect> Out;
  for (auto &[K, D] : Found)
    Out.push_back(D);
  return Out;
}

//===- RuleHandles.cpp - Per-handle tracking for rules ----------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// `track`, `release` and `for` statements: a rule's handle sets hold the
// values a path acquired (as FuchsiaHandleChecker holds handle symbols), so
// a release ties to the one handle it names, and a leak is reported once
// per handle, named by where the driver keeps it. A release of an unknown
// value the path cannot tie to any held handle makes that rule's leak
// reports on the path uncertain (inconclusive), never a false alarm.
//===----------------------------------------------------------------------===//
#include "ndisv/Engine/Describe.h"
#include "ndisv/Program/DriverProgram.h"
#include "ndisv/Rules/RuleMonitor.h"
#include "RulePathState.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::rules;
using engine::State;
using engine::SymValue;

namespace {
/// Naming preference: a store to lasting memory beats a local variable,
/// which beats a guess made before the value was stored.
enum Rank : unsigned { None = 0, Guess = 1, LocalVar = 2, Lasting = 3 };

std::string placeOf(const DILocation *L) {
  SourceLoc SL = sourceLocOf(L);
  if (SL.File.empty())
    return "an unknown place";
  return llvm::sys::path::filename(SL.File).str() + ":" + std::to_string(SL.Line);
}
} // namespace

unsigned RuleMonitor::internName(const std::string &N) {
  auto [It, New] = NameIds.try_emplace(N, (unsigned)Names.size());
  if (New)
    Names.push_back(N);
  return It->second;
}

std::string RuleMonitor::handleName(const TrackedHandle &T) const {
  if (T.Name)
    return Names[T.Name];
  return "the handle acquired at " + placeOf(AcquireSites[T.Site]);
}

namespace {
/// An event's value as a reader knows it: counts and small flags in
/// decimal, statuses (0xC0000001) and tags in hex.
std::string valueText(bool Known, int64_t V) {
  if (!Known)
    return "an unknown value";
  if (V >= -4096 && V < 65536)
    return std::to_string(V);
  uint64_t U = V >= INT32_MIN && V <= UINT32_MAX ? (uint64_t)(uint32_t)V : (uint64_t)V;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::format_hex(U, 2, /*Upper=*/true);
  return Out;
}

/// Replaces "{$N}" and "{$return}" with the event's values.
void expandValues(std::string &Out, const EvalContext &Ctx) {
  size_t P = 0;
  while ((P = Out.find("{$", P)) != std::string::npos) {
    size_t End = Out.find('}', P);
    if (End == std::string::npos)
      return;
    StringRef Ref = StringRef(Out).slice(P + 2, End);
    std::string Text;
    unsigned N;
    if (Ref == "return")
      Text = valueText(Ctx.HasReturn, Ctx.Return);
    else if (!Ref.getAsInteger(10, N) && N >= 1 && N <= Ctx.Args.size())
      Text = valueText(Ctx.Args[N - 1].first, Ctx.Args[N - 1].second);
    else {
      P = End; // not a value the event has: left as written
      continue;
    }
    Out.replace(P, End + 1 - P, Text);
    P += Text.size();
  }
}
} // namespace

std::string RuleMonitor::expand(const std::string &Text, const HandlerRun &Run) const {
  std::string Out = Text;
  expandValues(Out, Run.Ctx);
  std::string Callee = CurrentEvent.str();
  for (auto [Key, Val] : {std::pair<StringRef, const std::string *>{"{handle}", &Run.Handle},
                          {"{acquired}", &Run.Acquired},
                          {"{callee}", &Callee}}) {
    size_t P;
    while ((P = Out.find(Key.str())) != std::string::npos)
      Out.replace(P, Key.size(), Val->empty() ? "the handle" : *Val);
  }
  return Out;
}

std::optional<SymValue> RuleMonitor::refValue(State &S, const ValueRef &Ref,
                                              const EventData &Ev) const {
  if (Ref.K == ValueRef::Kind::Return)
    return Ev.Ret ? std::optional<SymValue>(S.resolve(*Ev.Ret)) : std::nullopt;
  if (Ref.Arg == 0 || Ref.Arg > Ev.Args.size())
    return std::nullopt;
  const SymValue &A = Ev.Args[Ref.Arg - 1];
  if (Ref.K == ValueRef::Kind::Arg)
    return S.resolve(A);
  std::optional<SymValue> V = S.readAt(A, 0, 8); // *$N, written by the call
  return V ? std::optional<SymValue>(S.resolve(*V)) : std::nullopt;
}

void RuleMonitor::track(State &S, unsigned R, const Stmt &St, const EventData &Ev, HandlerRun &Run) {
  std::optional<SymValue> V = refValue(S, St.Ref, Ev);
  if (!V || V->isNull())
    return; // nothing was acquired
  TrackedHandle T;
  T.Set = SetBase[R] + St.Var;
  T.V = *V;
  auto [Site, New] = AcquireSiteIds.try_emplace(Ev.Loc, (unsigned)AcquireSites.size());
  if (New)
    AcquireSites.push_back(Ev.Loc);
  T.Site = Site->second;
  // Name it by the expression the call wrote to, or, for a returned handle,
  // by the store of the result that follows the call (a guess until the
  // store happens: its index registers are not evaluated yet).
  engine::LocationName N;
  unsigned R0 = None;
  if (Ev.Site && St.Ref.K != ValueRef::Kind::Return && St.Ref.Arg <= Ev.Site->arg_size()) {
    // *$N names the memory the call wrote; $N is the handle itself: a value
    // loaded from memory is named by that memory (Adapter->Timer), an
    // address by what it points to (&Adapter->Lock gives Adapter->Lock).
    const Value *A = Ev.Site->getArgOperand(St.Ref.Arg - 1)->stripPointerCasts();
    if (auto *L = dyn_cast<LoadInst>(A); L && St.Ref.K == ValueRef::Kind::Arg)
      A = L->getPointerOperand();
    N = engine::describeLocation(S, A);
    R0 = N.Local ? LocalVar : Lasting;
  } else if (Ev.Site) {
    for (const User *U : Ev.Site->users())
      if (auto *SI = dyn_cast<StoreInst>(U); SI && SI->getValueOperand() == Ev.Site) {
        N = engine::describeLocation(S, SI->getPointerOperand());
        R0 = Guess;
        break;
      }
  }
  if (!N.Text.empty()) {
    T.Name = internName(N.Text);
    T.NameRank = R0;
  }
  if (St.Ref.K == ValueRef::Kind::DerefArg)
    T.Home = S.resolve(Ev.Args[St.Ref.Arg - 1]);
  Run.Handle = handleName(T);
  Run.Acquired = placeOf(Ev.Loc);
  // A handle acquired again (the same object) replaces the old entry.
  std::vector<TrackedHandle> &Held = S.mutate(RuleStateKey).Held;
  llvm::erase_if(Held, [&](const TrackedHandle &O) { return O.Set == T.Set && O.V.sameAs(T.V); });
  Held.push_back(std::move(T));
}

void RuleMonitor::release(State &S, unsigned R, const Stmt &St, const EventData &Ev, HandlerRun &Run) {
  std::optional<SymValue> V = refValue(S, St.Ref, Ev);
  if (!V || V->isNull())
    return; // releasing NULL releases nothing
  unsigned Set = SetBase[R] + St.Var;
  const std::vector<TrackedHandle> &Held = pathState(S).Held;
  for (size_t K = 0; K < Held.size(); ++K)
    if (Held[K].Set == Set && Held[K].V.sameAs(*V)) {
      Run.Handle = handleName(Held[K]);
      Run.Acquired = placeOf(AcquireSites[Held[K].Site]);
      std::vector<TrackedHandle> &Mut = S.mutate(RuleStateKey).Held;
      Mut.erase(Mut.begin() + K);
      return;
    }
  // An object the path knows is simply not one of the set's handles (a timer
  // cancelled that was never set). An unknown value may be a handle the
  // engine lost track of: leak reports on this path are then uncertain.
  if (V->isPtr())
    return;
  ++S.mutate(RuleStateKey).Unmatched[Set];
  Run.Handle.clear();
  Run.Acquired.clear();
}

void RuleMonitor::forEach(State &S, unsigned R, const Stmt &St, const EventData &Ev, HandlerRun &Run) {
  unsigned Set = SetBase[R] + St.Var;
  std::vector<TrackedHandle> Held;
  const RulePathState &PS = pathState(S);
  for (const TrackedHandle &T : PS.Held)
    if (T.Set == Set)
      Held.push_back(T);
  if (Held.empty())
    return;
  // Leak reports on a path where the engine may have lost a handle are
  // uncertain, not defects: a release of an unknown value, or a handle whose
  // home the path forgot (an unknown-length copy over it, after which a NULL
  // check may have skipped the release).
  if (canAbort(*St.Then)) {
    std::string Why;
    auto Lost = llvm::find_if(Held, [](const TrackedHandle &T) { return T.Lost; });
    if (PS.Unmatched[Set] > 0)
      Why = "a path released a handle ndisv could not tie to one it acquired (" + placeOf(Ev.Loc) + ")";
    else if (Lost != Held.end())
      Why = "ndisv lost track of " + handleName(*Lost) +
            " (an unknown-length copy or fill over the memory holding it)";
    if (!Why.empty()) {
      Uncertain[R].insert(Why);
      S.mutate(RuleStateKey).Done[R] = 1;
      return;
    }
  }
  Run.InForEach = true;
  for (const TrackedHandle &T : Held) {
    Run.Handle = handleName(T);
    Run.Acquired = placeOf(AcquireSites[T.Site]);
    exec(S, R, *St.Then, Ev, Run);
  }
  Run.InForEach = false;
  if (Run.AbortedInForEach)
    S.mutate(RuleStateKey).Done[R] = 1;
}

void RuleMonitor::onStore(State &S, const SymValue &V, const Value *Ptr, const SymValue &Addr) {
  const RulePathState *PS = S.get(RuleStateKey);
  if (!PS || PS->Held.empty())
    return;
  SymValue RV = S.resolve(V);
  if (RV.isInt())
    return; // handles are pointers or unknown numbers, never known integers
  std::optional<engine::LocationName> N;
  for (size_t K = 0; K < PS->Held.size(); ++K) {
    const TrackedHandle &T = PS->Held[K];
    if (!T.V.sameAs(RV))
      continue;
    if (!N)
      N = engine::describeLocation(S, Ptr);
    unsigned Rank = N->Local ? LocalVar : Lasting;
    if (N->Text.empty() || Rank <= T.NameRank)
      continue;
    unsigned Name = internName(N->Text);
    SymValue Home = S.resolve(Addr);
    RulePathState &Mut = S.mutate(RuleStateKey); // copied here if another path shares it
    PS = &Mut;
    TrackedHandle &M = Mut.Held[K];
    M.Name = Name;
    M.NameRank = Rank;
    M.Home = Home;
  }
}

void RuleMonitor::onForget(State &S, engine::ObjId O, uint64_t Off, uint64_t Len) {
  const RulePathState *PS = S.get(RuleStateKey);
  if (!PS)
    return;
  for (size_t K = 0; K < PS->Held.size(); ++K) {
    const TrackedHandle &T = PS->Held[K];
    if (!T.Lost && T.Home.isPtr() && T.Home.object() == O && (uint64_t)T.Home.offset() >= Off &&
        (uint64_t)T.Home.offset() < Off + Len) {
      RulePathState &Mut = S.mutate(RuleStateKey); // copied here if another path shares it
      PS = &Mut;
      Mut.Held[K].Lost = true;
    }
  }
}

//===- Executor.cpp - Path-sensitive IR executor ----------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Depth-first exploration: a state runs until it forks (the sibling goes on
// the worklist), returns from the function it was started in, or ends. A
// fork happens where a value a branch needs is undecided; the sibling is
// re-run from the same instruction with ForcedOutcome set, so every
// instruction is written once, for one outcome.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DebugProgramInstruction.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/ADT/PostOrderIterator.h"
#include <algorithm>

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

Observer::~Observer() = default;

Executor::Executor(const Module &M, const CallModelTable &Models, Observer &Obs, Budget B)
    : P(std::make_unique<Impl>(*this, M, Models, Obs, B)) {}
Executor::~Executor() = default;

std::unique_ptr<State> Executor::newState() {
  auto S = std::make_unique<State>();
  S->Id = P->NextStateId++;
  // Every global the driver uses gets its object now, in module order, so
  // that all paths number them alike: paths that touched different globals
  // first can still be joined (Merge.cpp).
  for (const GlobalVariable &G : P->M.globals())
    if (!G.use_empty())
      P->globalObject(*S, &G);
  return S;
}

SymValue Executor::freshObject(State &S, StringRef Name) {
  return SymValue::pointer(S.newObject(0, Name.str()), 0);
}

void Executor::fork(State &) { ++Stats.Forks; }

std::unique_ptr<State> Executor::Impl::clone(const State &S) {
  auto C = std::make_unique<State>(S);
  C->Id = NextStateId++;
  ++E.Stats.Forks;
  chargeFork(S);
  return C;
}

void Executor::Impl::sink(State &, const char *) { ++E.Stats.Sinks; }

bool Executor::Impl::nullAddress(const State &S, const SymValue &Ptr) const {
  SymValue R = S.resolve(Ptr);
  return R.isInt() && R.zext() < 4096; // the first page is never mapped
}

bool Executor::Impl::cut(State &, const std::string &Why) {
  ++E.Stats.PathsCut;
  if (E.Stats.CutReasons.size() < 4 &&
      std::find(E.Stats.CutReasons.begin(), E.Stats.CutReasons.end(), Why) ==
          E.Stats.CutReasons.end())
    E.Stats.CutReasons.push_back(Why);
  return false;
}

Executor::Impl::FunctionInfo &Executor::Impl::info(const Function *F) {
  auto &Info = Infos[F];
  if (!Info) {
    Info = std::make_unique<FunctionInfo>();
    Info->DT = std::make_unique<DominatorTree>(const_cast<Function &>(*F));
    Info->LI = std::make_unique<LoopInfo>(*Info->DT);
    unsigned N = 0;
    for (const BasicBlock *BB : ReversePostOrderTraversal<const Function *>(F))
      Info->Order[BB] = N++;
    for (const BasicBlock &BB : *F)
      for (const Instruction &I : BB)
        for (const User *U : I.users())
          if (auto *UI = dyn_cast<Instruction>(U); !UI || UI->getParent() != &BB || isa<PHINode>(UI))
            Info->Escaping.insert(&I);
  }
  return *Info;
}

LoopInfo &Executor::Impl::loops(const Function *F) { return *info(F).LI; }

/// An argument's source name. Clang's driver discards IR value names (its
/// release builds pass -discard-value-names), so A.getName() is empty: the
/// name is that of the debug variable for argument N (a declare in the
/// entry block, as a debug record or an intrinsic).
std::string ndisv::engine::argumentName(const Argument &A) {
  if (A.hasName())
    return A.getName().str();
  unsigned N = A.getArgNo() + 1;
  auto Named = [N](const DILocalVariable *V) { return V && V->getArg() == N && !V->getName().empty(); };
  for (const Instruction &I : A.getParent()->getEntryBlock()) {
    for (const DbgVariableRecord &R : filterDbgVars(I.getDbgRecordRange()))
      if (Named(R.getVariable()))
        return R.getVariable()->getName().str();
    if (auto *D = dyn_cast<DbgVariableIntrinsic>(&I))
      if (Named(D->getVariable()))
        return D->getVariable()->getName().str();
  }
  return "";
}

void Executor::Impl::pushFrame(State &S, const Function *F, ArrayRef<SymValue> Args,
                               const CallBase *Site) {
  Frame Fr;
  Fr.F = F;
  Fr.CallSite = Site;
  unsigned K = 0;
  for (const Argument &A : F->args()) {
    SymValue V = K < Args.size()
                     ? Args[K]
                     : SymValue::symbol(S.newSym(A.getType()->isPointerTy()
                                                     ? 64
                                                     : DL.getTypeSizeInBits(A.getType()),
                                                 argumentName(A)),
                                        64);
    Fr.Regs[&A] = V;
    ++K;
  }
  S.Stack.push_back(std::move(Fr));
  enterBlock(S, &F->getEntryBlock());
}

void Executor::Impl::enterBlock(State &S, const BasicBlock *To) {
  Frame &Fr = S.Stack.back();
  const BasicBlock *From = Fr.BB;
  if (From) {
    const auto &Escaping = info(Fr.F).Escaping;
    for (const Instruction &I : *From)
      if (!Escaping.count(&I))
        Fr.Regs.erase(&I);
  }
  Fr.PrevBB = From;
  Fr.BB = To;
  Fr.PC = To->begin();
  if (From) {
    LoopInfo &LI = loops(Fr.F);
    if (Loop *L = LI.getLoopFor(To); L && L->getHeader() == To && !L->contains(From)) {
      Fr.Visits[To] = 0; // a fresh entry into the loop
      if (!L->getParentLoop())
        Fr.FailedInLoop.clear();
    }
    if (Loop *L = LI.getLoopFor(To); L && L->getHeader() == To) {
      EnteredLoopHead = true;
      // The count at the entry before last and at this one (WalkLoops.cpp).
      auto [It, New] = Fr.MaterializedAtHead.try_emplace(To, S.Materialized, S.Materialized);
      if (!New)
        It->second = {It->second.second, S.Materialized};
    }
  }
  unsigned Visit = ++Fr.Visits[To];
  if (Loop *L = loops(Fr.F).getLoopFor(To))
    Fr.LoopIter = L->getHeader() == To ? Visit : Fr.Visits.lookup(L->getHeader());
  else
    Fr.LoopIter = 0;
  // Phis read their values on the edge just taken, all at once.
  SmallVector<std::pair<const PHINode *, SymValue>, 4> Phis;
  for (const PHINode &Phi : To->phis())
    if (From)
      Phis.push_back({&Phi, eval(S, Phi.getIncomingValueForBlock(From))});
  for (auto &[Phi, V] : Phis)
    S.Stack.back().Regs[Phi] = V;
  while (isa<PHINode>(*S.Stack.back().PC))
    ++S.Stack.back().PC;
}

/// The line a person calls the exit: the `return` statement taken, not the
/// shared return block Clang emits at the closing brace.
const DILocation *Executor::Impl::exitLocation(const State &S, const ReturnInst *RI) {
  const Frame &Fr = S.Stack.back();
  const BasicBlock *RB = RI->getParent();
  auto [It, Inserted] = DedicatedReturn.try_emplace(RB, false);
  if (Inserted) {
    const Value *RetSlot = nullptr;
    bool OnlyLoadAndRet = true;
    for (const Instruction &I : *RB) {
      if (auto *LI = dyn_cast<LoadInst>(&I))
        RetSlot = LI->getPointerOperand();
      else if (!isa<ReturnInst>(I))
        OnlyLoadAndRet = false;
    }
    bool Dedicated = OnlyLoadAndRet && !pred_empty(RB);
    for (const BasicBlock *Pred : predecessors(RB)) {
      auto *Br = dyn_cast<BranchInst>(Pred->getTerminator());
      if (!Br || Br->isConditional()) {
        Dedicated = false;
        break;
      }
      if (RetSlot) { // each way in stores the return value just before
        auto *St = dyn_cast_or_null<StoreInst>(Br->getPrevNonDebugInstruction());
        if (!St || St->getPointerOperand() != RetSlot) {
          Dedicated = false;
          break;
        }
      }
    }
    It->second = Dedicated;
  }
  if (It->second && Fr.PrevBB)
    if (const DILocation *L = Fr.PrevBB->getTerminator()->getDebugLoc().get())
      return L;
  return RI->getDebugLoc().get();
}

void Executor::run(std::unique_ptr<State> Init, const Function *F, ArrayRef<SymValue> Args,
                   const ReturnFn &OnReturn) {
  size_t Base = Init->Stack.size();
  P->pushFrame(*Init, F, Args, nullptr);
  Impl::Worklist WL;
  WL.push_back(std::move(Init));
  struct Returned {
    std::unique_ptr<State> S;
    SymValue Ret;
    const DILocation *Exit;
    size_t Hash;
  };
  std::vector<Returned> Done;
  // A returning path joins an earlier one at the same exit with the same
  // value and observer data; a few tries each, so this stays linear.
  auto keep = [&](std::unique_ptr<State> S, SymValue Ret, const DILocation *Exit) {
    size_t H = S->slotsHash();
    unsigned Tries = 0;
    for (auto It = Done.rbegin(); It != Done.rend() && Tries < 8; ++It) {
      if (It->Hash != H || It->Exit != Exit || !It->Ret.sameAs(Ret) || It->Ret.bits() != Ret.bits())
        continue;
      ++Tries;
      if (P->join(*It->S, *S))
        return;
    }
    Done.push_back({std::move(S), Ret, Exit, H});
  };
  // Paths wait at loop heads until nothing else can run, then those that
  // agree on what observers follow go on as one (Merge.cpp): a loop whose
  // body branches on unknowns costs paths per iteration, not per
  // combination of iterations.
  Impl::ParkingLot Parked;
  unsigned SinceMemoryCheck = 0;
  while (!WL.empty() || !Parked.empty()) {
    if (WL.empty()) {
      WL = P->releaseParked(Parked);
      std::reverse(WL.begin(), WL.end()); // the first parked runs first
    }
    std::unique_ptr<State> S = std::move(WL.back());
    WL.pop_back();
    if (Exhausted) {
      P->cut(*S, "analysis budget exhausted");
      continue;
    }
    while (true) {
      if ((++Stats.Instructions & (Impl::CostSampleEvery - 1)) == 0)
        P->sampleCost(*S);
      // Asking malloc costs more than an instruction: every 64K of them.
      bool OverMemory = ++SinceMemoryCheck == 65536 &&
                        Impl::residentMB() > P->B.MaxMemoryMB;
      SinceMemoryCheck &= 0xFFFF;
      if (Stats.Instructions > P->B.MaxInstructions || Stats.Forks > P->B.MaxPaths ||
          WL.size() > P->B.MaxPending || OverMemory) {
        Exhausted = true;
        std::string Why = Stats.Forks > P->B.MaxPaths ? "path budget exhausted"
                          : WL.size() > P->B.MaxPending
                              ? "memory budget exhausted (more than " +
                                    std::to_string(P->B.MaxPending) + " paths waiting)"
                          : OverMemory ? "memory budget exhausted (more than " +
                                             std::to_string(P->B.MaxMemoryMB) +
                                             " MB resident, --max-memory)"
                              : "instruction budget exhausted (--max-instructions " +
                                    std::to_string(P->B.MaxInstructions) + ")";
        // Paths are spent where they fork, not where instructions run.
        bool OnPaths = Stats.Forks > P->B.MaxPaths || WL.size() > P->B.MaxPending;
        std::string Forks = OnPaths ? P->mostForks() : "";
        std::string Where = P->costliest();
        P->cut(*S, !Forks.empty()  ? Why + "; the paths forked most at " + Forks
                   : Where.empty() ? Why
                                   : Why + "; most of it went to " + Where);
        break;
      }
      SymValue Ret;
      const DILocation *ExitLoc = nullptr;
      P->EnteredLoopHead = false;
      Impl::Step R = P->step(*S, WL, Ret, ExitLoc);
      if (R == Impl::Step::Continue) {
        // Parking turns depth-first into breadth-first; past a few hundred
        // waiting paths that did not join, the furthest along goes on depth
        // first (bounded memory).
        if (P->EnteredLoopHead && P->park(Parked, S, WL))
          break;
        continue;
      }
      if (R == Impl::Step::Returned && S->Stack.size() == Base) {
        keep(std::move(S), Ret, ExitLoc);
        break;
      }
      if (R == Impl::Step::Dead)
        break;
    }
  }
  for (Returned &D : Done)
    OnReturn(std::move(D.S), D.Ret, D.Exit);
}

std::pair<std::unique_ptr<State>, std::unique_ptr<State>>
Executor::split(std::unique_ptr<State> S, const SymValue &V, unsigned Pred, int64_t C) {
  BoolResult R = P->compare(*S, Pred, V, SymValue::integer((uint64_t)C, V.bits() ? V.bits() : 32));
  if (R.K == BoolResult::Kind::Known) {
    if (R.Value)
      return {std::move(S), nullptr};
    return {nullptr, std::move(S)};
  }
  std::unique_ptr<State> No = P->clone(*S);
  if (R.K == BoolResult::Kind::OnSymbol) {
    bool CanT = P->assume(*S, R.Cond, true), CanF = P->assume(*No, R.Cond, false);
    return {CanT ? std::move(S) : nullptr, CanF ? std::move(No) : nullptr};
  }
  return {std::move(S), std::move(No)};
}

//===- WaitLoops.cpp - Loops that wait for another thread ------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A halt routine waits for the sends still in flight,
//
//   while (Adapter->Outstanding != 0) Sleep(10);
//
// and a thread for an event another thread sets. Explored sequentially the
// condition never changes: the loop runs to the loop budget and the path is
// cut, so every rule that needs the routine's end is inconclusive. The model
// marks the calls during which another thread may run (the table's `yield`
// effect: sleeps, stalls, waits); the engine knows only that effect.
//
// When an exit branch of a loop whose body yielded stays in the loop at the
// unrolling bound because the path's values decide it, the memory the
// condition reads (the loads in the branch's block whose values feed the
// condition, not the pointers they load through) is forgotten and the
// block runs again: the condition is now undecided, and at the bound the
// Decider leaves the loop with the exit assumed (no fork; the iterations
// that stay were explored up to the bound already). Only memory another
// thread can reach is forgotten: a local variable (an alloca of a frame on
// the stack) keeps its value, so a loop on a local still runs to the
// budget. The branch's block must be free of calls and stores (it runs
// twice), and each loop and iteration is read again once.
//
// A device's registers (memory the model maps as I/O space) change without
// any thread of the driver running: the hardware sets and clears their
// bits. A loop that polls one,
//
//   Regs->Control &= ~ENABLE; while (Regs->Control & ENABLE) ;
//
// yields nothing, yet the register it reads is read again the same way at
// the bound, whether the loop yielded or not. Only the register cells are
// forgotten then; other memory the condition reads keeps its value unless
// the loop yielded.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

void Executor::Impl::noteYield(State &S) {
  for (Frame &Fr : S.Stack)
    for (const Loop *L = loops(Fr.F).getLoopFor(Fr.BB); L; L = L->getParentLoop())
      if (!is_contained(Fr.YieldingLoops, L->getHeader()))
        Fr.YieldingLoops.push_back(L->getHeader());
}

/// Whether the instructions of BB before its terminator can run twice
/// without anything but registers changing.
static bool rerunnable(const BasicBlock &BB) {
  for (const Instruction &I : BB) {
    if (I.isTerminator() || isa<PHINode>(I) || isa<DbgInfoIntrinsic>(I))
      continue;
    if (!isa<LoadInst>(I) && !isa<GetElementPtrInst>(I) && !isa<CastInst>(I) &&
        !isa<CmpInst>(I) && !isa<BinaryOperator>(I) && !isa<SelectInst>(I))
      return false;
  }
  return true;
}

bool Executor::Impl::rereadWaitCondition(State &S, const BranchInst &Br, bool Taken) {
  Frame &Fr = S.Stack.back();
  if (Fr.Visits.empty())
    return false; // every branch asks: most frames are in no loop
  const BasicBlock *BB = Br.getParent();
  const Loop *L = loops(Fr.F).getLoopFor(BB);
  if (!L || !L->contains(Br.getSuccessor(Taken ? 0 : 1)) ||
      L->contains(Br.getSuccessor(Taken ? 1 : 0)))
    return false; // not a branch that stays in its loop rather than leaving it
  const BasicBlock *H = L->getHeader();
  unsigned Visit = Fr.Visits.lookup(H);
  if (Visit < B.LoopUnroll || (Fr.WaitRereadHeader == H && Fr.WaitRereadVisit == Visit) ||
      !rerunnable(*BB))
    return false;
  bool Yielded = is_contained(Fr.YieldingLoops, H);
  // The loads whose values the condition computes with, in this block.
  SmallVector<const LoadInst *, 4> Loads;
  SmallVector<const Value *, 8> Work{Br.getCondition()};
  SmallPtrSet<const Value *, 16> Seen;
  while (!Work.empty()) {
    auto *I = dyn_cast<Instruction>(Work.pop_back_val());
    if (!I || I->getParent() != BB || isa<PHINode>(I) || !Seen.insert(I).second)
      continue;
    if (auto *LI = dyn_cast<LoadInst>(I)) {
      Loads.push_back(LI);
      continue; // the pointer it loads through keeps its value
    }
    for (const Value *Op : I->operands())
      Work.push_back(Op);
  }
  bool Forgot = false;
  for (const LoadInst *LI : Loads) {
    ObjId O;
    int64_t Off;
    if (!deref(S, eval(S, LI->getPointerOperand()), O, Off) || Off < 0)
      continue;
    if (!S.object(O)->Device) {
      if (!Yielded)
        continue; // nothing else ran: plain memory keeps its value
      bool Local = false;
      for (const Frame &F : S.Stack)
        Local |= is_contained(F.Allocas, O);
      if (Local)
        continue; // no other thread reaches a local variable
    }
    uint64_t N = DL.getTypeStoreSize(LI->getType());
    havocMem(S, O, (uint64_t)Off, N);
    Obs.onForget(S, O, (uint64_t)Off, N);
    Forgot = true;
  }
  if (!Forgot)
    return false;
  Fr.WaitRereadHeader = H;
  Fr.WaitRereadVisit = Visit;
  if (Yielded) // a polled register is counted where the loop is left at the bound
    countWaitLoop(S);
  S.addTrace(TraceStep::Kind::Branch, Br.getDebugLoc().get(),
             std::string(Yielded ? "The loop waits for another thread (it yields"
                                 : "The loop polls a device register (the hardware changes it") +
                 ", its condition did not change in " + std::to_string(Visit) +
                 " iterations): reading its condition again as unknown");
  Fr.PC = BB->getFirstNonPHIIt();
  return true;
}

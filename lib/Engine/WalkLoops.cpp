//===- WalkLoops.cpp - Loops over memory reached through unknown pointers ---===//
// SPDX-License-Identifier: Apache-2.0
//
// A cleanup routine walks a list whose head it read from memory nothing
// initialised on this path (a field a join forgot, a structure the caller
// passed in):
//
//   while (!IsListEmpty(&Adapter->List)) Free(RemoveHeadList(&Adapter->List));
//
// Each unknown link the walk follows becomes a new object (deref), and the
// engine takes a new object to be distinct from every other, so the head
// is never reached again: the comparison is decided, never forked, the
// unrolling bound (which applies where a loop's condition is undecided)
// never applies, and the walk runs to the loop budget on every path.
// Whether the list ends is in truth unknown. So at the unrolling bound, an
// exit branch that the path's values decided to stay in its loop leaves it
// instead when the iteration just run made an object for memory reached
// through an unknown pointer: the walk is bounded like a loop over an
// unknown count, and the pass says it holds under the bound. A loop over
// memory the path built itself (a list of blocks it allocated) makes no
// such object after its first iteration and still runs to its end.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

bool Executor::Impl::leaveUnknownWalk(State &S, const BranchInst &Br, bool Taken) {
  Frame &Fr = S.Stack.back();
  const Loop *L = loops(Fr.F).getLoopFor(Br.getParent());
  if (!L || !L->contains(Br.getSuccessor(Taken ? 0 : 1)) || L->contains(Br.getSuccessor(Taken ? 1 : 0)))
    return false; // not a branch that stays in its loop rather than leaving it
  const BasicBlock *H = L->getHeader();
  unsigned Visit = Fr.Visits.lookup(H);
  if (Visit < B.LoopUnroll)
    return false;
  auto It = Fr.MaterializedAtHead.find(H);
  if (It == Fr.MaterializedAtHead.end() || S.Materialized == It->second.first)
    return false;
  countBoundedLoop(S);
  S.addTrace(TraceStep::Kind::Branch, Br.getDebugLoc().get(),
             "Leaving the loop after " + std::to_string(Visit) +
                 " iterations (unrolling bound): it walks memory reached through unknown pointers");
  return true;
}

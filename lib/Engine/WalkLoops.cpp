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

// The Decider's loopExit says whether the branch is at the bound and which
// way leaves (short-circuit conditions included); this says whether to take it.
bool Executor::Impl::walkedUnknownMemory(State &S, const BranchInst &Br) {
  Frame &Fr = S.Stack.back();
  const BasicBlock *H = loops(Fr.F).getLoopFor(Br.getParent())->getHeader();
  unsigned Visit = Fr.Visits.lookup(H);
  auto It = Fr.MaterializedAtHead.find(H);
  if (It == Fr.MaterializedAtHead.end() || S.Materialized == It->second.first)
    return false;
  countBoundedLoop(S);
  S.addTrace(TraceStep::Kind::Branch, Br.getDebugLoc().get(),
             "Leaving the loop after " + std::to_string(Visit) +
                 " iterations (unrolling bound): it walks memory reached through unknown pointers");
  return true;
}

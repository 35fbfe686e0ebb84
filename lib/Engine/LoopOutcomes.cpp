//===- LoopOutcomes.cpp - Failing outcomes of calls made in loops -----------===//
// SPDX-License-Identifier: Apache-2.0
//
// A loop that acquires one handle per iteration (a buffer per queue, a pool
// per packet) and goes on when one fails multiplies its paths by the
// outcomes of each iteration: 2^8 observer states after eight iterations,
// none of which a join may merge (their observer data differ). A modelled
// call inside a loop therefore takes its other outcomes (failure) in one
// iteration only, per path and per run of the loop: after it failed once,
// later iterations take its first outcome (success), as all iterations past
// the unrolling bound already do. Every iteration can still be the one that
// fails (the paths where the 3rd or the 7th fails are both explored), but
// two iterations failing on one path are not. A verdict that relied on it
// says so (stats OneFailureLoops).
//
// The record lives in the nearest frame that is inside a loop and is
// cleared when that frame enters an outermost loop afresh.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

/// The nearest frame (from the top) whose block is inside a loop.
static Frame *loopFrame(Executor::Impl &X, State &S, const Loop *&L) {
  for (size_t K = S.Stack.size(); K-- > 0;) {
    Frame &Fr = S.Stack[K];
    if ((L = X.loops(Fr.F).getLoopFor(Fr.BB)))
      return &Fr;
  }
  return nullptr;
}

bool Executor::Impl::failedInEarlierIteration(State &S, const CallBase &CB) {
  const Loop *L = nullptr;
  Frame *Fr = loopFrame(*this, S, L);
  if (!Fr || !is_contained(Fr->FailedInLoop, &CB))
    return false;
  ++E.Stats.OneFailureLoops;
  while (L->getParentLoop())
    L = L->getParentLoop();
  noteLoopSite(E.Stats.OneFailureLoopSites, *L, Fr->F);
  return true;
}

void Executor::Impl::noteFailedInLoop(State &S, const CallBase &CB) {
  const Loop *L = nullptr;
  if (Frame *Fr = loopFrame(*this, S, L); Fr && !is_contained(Fr->FailedInLoop, &CB))
    Fr->FailedInLoop.push_back(&CB);
}

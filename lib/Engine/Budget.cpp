//===- Budget.cpp - Where the bounds and budgets went ------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A verdict that holds only under a bound, or that a budget made
// inconclusive, should say where: the loop left at the unrolling bound, the
// loop or call that ate the instructions, or the lines where the paths
// forked. The instruction budget is charged
// by sampling (every CostSampleEvery instructions), so the hot path pays a
// mask test, not a map update.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include <algorithm>
#include <cstdio>
#include <map>

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

static std::string functionName(const Function *F) {
  if (const DISubprogram *SP = F->getSubprogram())
    return SP->getName().str();
  return F->getName().str();
}

static std::string placeOf(const DILocation *L) {
  if (!L)
    return "";
  return sys::path::filename(L->getFilename()).str() + ":" + std::to_string(L->getLine());
}

/// "the loop at file.c:12 in Fn", naming the loop by its header's first line.
static std::string loopPlace(const Loop &L, const Function *F) {
  std::string At = placeOf(L.getStartLoc().get());
  return "the loop " + (At.empty() ? "" : "at " + At + " ") + "in " + functionName(F);
}

void Executor::Impl::noteLoopSite(std::vector<std::string> &Sites, const Loop &L, const Function *F) {
  if (Sites.size() >= 4)
    return;
  std::string Place = loopPlace(L, F);
  if (!llvm::is_contained(Sites, Place))
    Sites.push_back(std::move(Place));
}

void Executor::Impl::countBoundedLoop(const State &S) {
  ++E.Stats.BoundedLoops;
  if (S.Stack.empty())
    return;
  const Frame &Fr = S.Stack.back();
  if (const Loop *L = loops(Fr.F).getLoopFor(Fr.BB))
    noteLoopSite(E.Stats.BoundedLoopSites, *L, Fr.F);
}

void Executor::Impl::countWaitLoop(const State &S) {
  ++E.Stats.WaitLoops;
  if (S.Stack.empty())
    return;
  const Frame &Fr = S.Stack.back();
  if (const Loop *L = loops(Fr.F).getLoopFor(Fr.BB))
    noteLoopSite(E.Stats.WaitLoopSites, *L, Fr.F);
}

void Executor::Impl::endAtNull(State &S, const DILocation *Loc) {
  sink(S, "NULL dereference");
  ++E.Stats.NullEndsTotal;
  std::string Place = placeOf(Loc);
  if (Place.empty() && !S.Stack.empty())
    Place = "a statement in " + functionName(S.Stack.back().F);
  auto It = llvm::find_if(E.Stats.NullEnds, [&](const auto &P) { return P.first == Place; });
  if (It != E.Stats.NullEnds.end())
    ++It->second;
  else if (E.Stats.NullEnds.size() < 4)
    E.Stats.NullEnds.push_back({std::move(Place), 1});
}

std::string Executor::Impl::currentLoop(const State &S) {
  if (S.Stack.empty())
    return "";
  const Frame &Fr = S.Stack.back();
  if (const Loop *L = loops(Fr.F).getLoopFor(Fr.BB))
    return loopPlace(*L, Fr.F);
  return "in " + functionName(Fr.F);
}

void Executor::Impl::sampleCost(const State &S) { charge(S, Costs); }

void Executor::Impl::chargeFork(const State &S) {
  // The instruction that forks: the branch, switch or call whose outcomes
  // split the path (the top frame's current instruction).
  if (S.Stack.empty())
    return;
  const Frame &Fr = S.Stack.back();
  if (Fr.BB && Fr.PC != Fr.BB->end())
    ++ForkSites[&*Fr.PC];
}

void Executor::Impl::charge(const State &S, llvm::DenseMap<const void *, CostSite> &To) {
  // The innermost frame that is inside a loop pays: a helper called from a
  // loop charges the caller's loop, where the repetition is.
  for (size_t K = S.Stack.size(); K-- > 0;) {
    const Frame &Fr = S.Stack[K];
    if (const Loop *L = loops(Fr.F).getLoopFor(Fr.BB)) {
      CostSite &C = To[L];
      if (!C.Samples++)
        C.Place = loopPlace(*L, Fr.F);
      return;
    }
  }
  // Straight-line code: the call out of the function the run started in.
  if (S.Stack.size() >= 2 && S.Stack[1].CallSite) {
    const CallBase *CB = S.Stack[1].CallSite;
    CostSite &C = To[CB];
    if (!C.Samples++) {
      std::string At = placeOf(CB->getDebugLoc().get());
      C.Place = "the call to " + functionName(S.Stack[1].F) + (At.empty() ? "" : " at " + At) +
                " in " + functionName(S.Stack[0].F);
    }
    return;
  }
  if (!S.Stack.empty()) {
    CostSite &C = To[S.Stack.back().F];
    if (!C.Samples++)
      C.Place = functionName(S.Stack.back().F);
  }
}

std::string Executor::Impl::costliest() const {
  const CostSite *Best = nullptr;
  for (const auto &KV : Costs)
    if (!Best || KV.second.Samples > Best->Samples ||
        (KV.second.Samples == Best->Samples && KV.second.Place < Best->Place))
      Best = &KV.second;
  return Best ? Best->Place : "";
}

std::string Executor::Impl::mostForks() const {
  // Counted per source line: a call and the branch on its status often
  // share one. A line's own function, not the loop around it: the loop that
  // ran the most instructions is often not where the paths multiplied.
  std::map<std::string, uint64_t> PerLine;
  for (const auto &KV : ForkSites) {
    const Instruction *I = KV.first;
    std::string At = placeOf(I->getDebugLoc().get());
    std::string Fn = functionName(I->getFunction());
    PerLine[At.empty() ? "a statement in " + Fn : At + " in " + Fn] += KV.second;
  }
  std::vector<std::pair<std::string, uint64_t>> Top(PerLine.begin(), PerLine.end());
  std::stable_sort(Top.begin(), Top.end(),
                   [](const auto &A, const auto &B) { return A.second > B.second; });
  std::string Out;
  for (size_t K = 0; K < Top.size() && K < 2; ++K)
    Out += (K ? " and " : "") + Top[K].first + " (" + std::to_string(Top[K].second) + ")";
  return Out;
}

uint64_t Executor::Impl::residentMB() {
  // malloc's own statistics miss large blocks (mmap'ed), which is where the
  // paths' memory goes; the kernel's count of resident pages does not.
  unsigned long Pages = 0, Resident = 0;
  if (FILE *F = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(F, "%lu %lu", &Pages, &Resident) != 2)
      Resident = 0;
    std::fclose(F);
  }
  return Resident * sys::Process::getPageSizeEstimate() / (1024 * 1024);
}

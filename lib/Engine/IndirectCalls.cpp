//===- IndirectCalls.cpp - Calls through function pointers -----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A call through a pointer the path cannot resolve (an ops table indexed by
// an unknown chip revision) may reach any function of the module whose
// address is taken and whose type matches the call. Each such function is
// explored as a path of its own, as a model's outcomes are; the pointer is
// then bound to it for the rest of the path, so calling it again reaches the
// same function. Past MaxIndirectTargets, the remaining functions are named
// in the statistics with what they may call, so the rules those calls
// concern come out inconclusive instead of passing without them.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

const std::vector<const Function *> &Executor::Impl::targetsOfType(FunctionType *T) {
  auto [It, New] = TargetsByType.try_emplace(T);
  if (New)
    for (const Function &F : M)
      if (F.getFunctionType() == T && !F.isIntrinsic() && F.hasAddressTaken() &&
          (!F.isDeclaration() || Models.count(F.getName())))
        It->second.push_back(&F);
  return It->second;
}

/// Names of the bodiless functions Roots may call, directly or through
/// functions with a body.
static std::vector<std::string> reachableDeclarations(ArrayRef<const Function *> Roots) {
  SetVector<const Function *> Seen(Roots.begin(), Roots.end());
  std::set<std::string> Out;
  for (size_t K = 0; K < Seen.size() && K < 4096; ++K) {
    const Function *F = Seen[K];
    if (F->isDeclaration()) {
      Out.insert(F->getName().str());
      continue;
    }
    for (const BasicBlock &BB : *F)
      for (const Instruction &I : BB)
        if (auto *CB = dyn_cast<CallBase>(&I))
          if (auto *G = dyn_cast<Function>(CB->getCalledOperand()->stripPointerCasts());
              G && !G->isIntrinsic())
            Seen.insert(G);
  }
  return {Out.begin(), Out.end()};
}

static std::string siteOf(const CallBase &CB) {
  std::string At;
  if (const DILocation *L = CB.getDebugLoc().get())
    At = "at " + sys::path::filename(L->getFilename()).str() + ":" + std::to_string(L->getLine()) +
         " ";
  const Function *F = CB.getFunction();
  std::string Fn = F->getSubprogram() ? F->getSubprogram()->getName().str() : F->getName().str();
  return "the indirect call " + At + "in " + Fn;
}

static std::string nameOf(const Function &F) {
  return F.getSubprogram() ? F.getSubprogram()->getName().str() : F.getName().str();
}

const Function *Executor::Impl::chooseTarget(State &S, const CallBase &CB, const SymValue &Callee,
                                            Worklist &WL) {
  if (!Callee.isSym() || CB.isInlineAsm())
    return nullptr;
  const std::vector<const Function *> &All = targetsOfType(CB.getFunctionType());
  if (All.empty())
    return nullptr;
  size_t N = std::min<size_t>(All.size(), std::max(1u, B.MaxIndirectTargets));
  size_t K = 0;
  if (S.ForcedOutcome >= 0) {
    K = std::min<size_t>((size_t)S.ForcedOutcome, N - 1);
    S.ForcedOutcome = -1;
  } else {
    if (All.size() > N && UnexploredSites.insert(&CB).second)
      E.Stats.Unexplored.push_back(
          {siteOf(CB) + " may reach " + std::to_string(All.size()) +
               " functions of its type; the first " + std::to_string(N) + " were explored",
           reachableDeclarations(ArrayRef(All).drop_front(N))});
    for (size_t J = 1; J < N; ++J) {
      auto Other = clone(S);
      Other->ForcedOutcome = (int)J;
      WL.push_back(std::move(Other));
    }
  }
  const Function *F = All[K];
  S.mutableInfo(Callee.sym()).Callee = F;
  if (All.size() > 1)
    S.addTrace(TraceStep::Kind::Branch, CB.getDebugLoc().get(),
               "Assuming the function pointer calls '" + nameOf(*F) + "' (one of " +
                   std::to_string(All.size()) + " functions of its type whose address is taken)");
  return F;
}

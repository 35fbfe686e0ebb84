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
//
// Most such pointers come from a global table of routines indexed by an
// unknown (`&ChipOps[Revision]`): there the path forks once per entry the
// index's interval allows within the table (an index past its end would be
// undefined behaviour), before the pointer is made, so a chip's Setup and
// Teardown are read from the same entry.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/IR/GetElementPtrTypeIterator.h"
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
               " functions of its type; the first " + std::to_string(N) +
               " were explored (--max-indirect-targets); the others may call what this rule "
               "watches",
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

/// Whether a constant mentions a function (a table of routines), also
/// through the globals it points to (a table of pointers to such tables).
static bool holdsFunctions(const Constant *C, unsigned Depth = 0) {
  const Constant *Base = C->stripPointerCasts();
  if (isa<Function>(Base))
    return true;
  if (Depth > 4)
    return false;
  if (auto *G = dyn_cast<GlobalVariable>(Base))
    return G->hasDefinitiveInitializer() && holdsFunctions(G->getInitializer(), Depth + 1);
  if (!isa<ConstantAggregate>(C))
    return false;
  for (const Use &Op : C->operands())
    if (auto *Sub = dyn_cast<Constant>(Op.get()); Sub && holdsFunctions(Sub, Depth + 1))
      return true;
  return false;
}

/// The table's name in the source (a static's IR name may carry a suffix).
static std::string tableName(const GlobalVariable &G) {
  SmallVector<DIGlobalVariableExpression *, 1> DI;
  G.getDebugInfo(DI);
  if (!DI.empty() && DI[0]->getVariable())
    return DI[0]->getVariable()->getName().str();
  return G.getName().str();
}

void Executor::Impl::splitTableIndex(State &S, const GetElementPtrInst &G, Worklist &WL) {
  if (G.hasAllConstantIndices())
    return; // the common case, first
  auto *Table = dyn_cast<GlobalVariable>(G.getPointerOperand()->stripPointerCasts());
  if (!Table)
    return;
  // Constant or not: the entry is read from the path's memory afterwards.
  auto [It, New] = RoutineTables.try_emplace(Table, false);
  if (New)
    It->second = Table->hasDefinitiveInitializer() && holdsFunctions(Table->getInitializer());
  if (!It->second)
    return;
  // The one unknown index, and the array it selects in.
  const Value *Index = nullptr;
  uint64_t Count = 0;
  Type *Within = nullptr;
  for (gep_type_iterator GTI = gep_type_begin(G), E = gep_type_end(G); GTI != E; ++GTI) {
    if (!isa<ConstantInt>(GTI.getOperand())) {
      if (Index || !Within || !Within->isArrayTy())
        return;
      Index = GTI.getOperand();
      Count = Within->getArrayNumElements();
    }
    Within = GTI.getIndexedType();
  }
  if (!Index)
    return;
  SymValue V = S.resolve(eval(S, Index));
  if (!V.isSym())
    return;
  const SymInfo &I = S.info(V.sym());
  SmallVector<int64_t, 16> Entries;
  for (int64_t K = std::max<int64_t>(I.Lo, 0); K <= I.Hi && (uint64_t)K < Count; ++K) {
    if (!llvm::is_contained(I.Excluded, K))
      Entries.push_back(K);
    if (Entries.size() > B.MaxIndirectTargets)
      return; // too many: the calls through it explore the functions instead
  }
  if (Entries.size() < 2)
    return;
  size_t Chosen = 0;
  if (S.ForcedOutcome >= 0) {
    Chosen = std::min<size_t>((size_t)S.ForcedOutcome, Entries.size() - 1);
    S.ForcedOutcome = -1;
  } else {
    for (size_t K = 1; K < Entries.size(); ++K) {
      auto Other = clone(S);
      Other->ForcedOutcome = (int)K;
      WL.push_back(std::move(Other));
    }
  }
  assume(S, {V.sym(), V.bits(), CmpInst::ICMP_EQ, (uint64_t)Entries[Chosen]}, true);
  std::string What = describeValue(S, V);
  S.addTrace(TraceStep::Kind::Branch, G.getDebugLoc().get(),
             "Assuming " + (What.empty() ? "the index" : What) + " selects entry " +
                 std::to_string(Entries[Chosen]) + " of '" + tableName(*Table) + "' (one of " +
                 std::to_string(Entries.size()) + ")");
}

//===- Prune.cpp - Keep only what the harness can reach ---------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A driver is mostly send paths, OID handlers and statistics that init and
// halt never reach. Keeping their IR in the linked program cost memory in
// proportion to the whole driver; instead each TU is summarised right after
// it is compiled (what each definition refers to), the symbols reachable
// from the role functions are computed over all summaries, and unreachable
// bodies are dropped before linking. References through globals (function
// tables, vtables) count as edges, so a function whose address reaches init
// stays — except the addresses of callbacks only NDIS calls (the
// characteristics' OID and send handlers, say): DriverEntry names them all,
// and following those would keep the whole driver.
//===----------------------------------------------------------------------===//
#include "ndisv/Program/DriverProgram.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Metadata.h"

using namespace llvm;
using namespace ndisv;

static std::string keyOf(const GlobalValue &G, unsigned TU) {
  if (G.hasLocalLinkage())
    return std::to_string(TU) + ":" + G.getName().str();
  return G.getName().str();
}

/// Every global a constant mentions, looking through expressions and
/// aggregates (but not into other globals' initializers: those are nodes).
static void globalsIn(const Constant *C, SmallPtrSetImpl<const GlobalValue *> &Out,
                      SmallPtrSetImpl<const Constant *> &Seen) {
  if (!Seen.insert(C).second)
    return;
  if (auto *G = dyn_cast<GlobalValue>(C)) {
    Out.insert(G);
    return;
  }
  for (const Use &Op : C->operands())
    if (auto *Sub = dyn_cast<Constant>(Op.get()))
      globalsIn(Sub, Out, Seen);
}

ModuleSummary ndisv::summarizeModule(const Module &M, unsigned TU,
                                     const std::vector<std::string> &RootRoles) {
  ModuleSummary S;
  auto addNode = [&](const GlobalValue &G, const SmallPtrSetImpl<const GlobalValue *> &Uses,
                     const SmallPtrSetImpl<const GlobalValue *> &Called) {
    std::vector<std::string> Refs;
    for (const GlobalValue *U : Uses) // "&" marks an address taken, not a call
      Refs.push_back((Called.count(U) ? "" : "&") + keyOf(*U, TU));
    llvm::sort(Refs);
    S.Refs.push_back({keyOf(G, TU), std::move(Refs)});
  };
  for (const Function &F : M) {
    if (F.isDeclaration())
      continue;
    SmallPtrSet<const GlobalValue *, 16> Uses, Called;
    SmallPtrSet<const Constant *, 32> Seen;
    for (const BasicBlock &BB : F)
      for (const Instruction &I : BB) {
        if (auto *CB = dyn_cast<CallBase>(&I))
          if (auto *Callee = dyn_cast<GlobalValue>(CB->getCalledOperand()->stripPointerCasts()))
            Called.insert(Callee);
        for (const Use &Op : I.operands())
          if (auto *C = dyn_cast<Constant>(Op.get()))
            globalsIn(C, Uses, Seen);
      }
    addNode(F, Uses, Called);
  }
  for (const GlobalVariable &G : M.globals()) {
    if (!G.hasInitializer())
      continue;
    SmallPtrSet<const GlobalValue *, 16> Uses, None;
    SmallPtrSet<const Constant *, 32> Seen;
    globalsIn(G.getInitializer(), Uses, Seen);
    addNode(G, Uses, None);
  }
  if (const NamedMDNode *Roles = M.getNamedMetadata("ndisv.roles"))
    for (const MDNode *N : Roles->operands()) {
      auto *Role = N->getNumOperands() > 1 ? dyn_cast_or_null<MDString>(N->getOperand(0)) : nullptr;
      auto *VM = N->getNumOperands() > 1 ? dyn_cast_or_null<ValueAsMetadata>(N->getOperand(1)) : nullptr;
      if (!Role || !VM)
        continue;
      auto *F = dyn_cast<Function>(VM->getValue()->stripPointerCasts());
      if (!F)
        continue;
      if (llvm::is_contained(RootRoles, Role->getString().str()))
        S.Roots.push_back(keyOf(*F, TU));
      else
        S.OtherRoles.push_back(keyOf(*F, TU));
    }
  return S;
}

std::set<std::string> ndisv::reachableSymbols(const std::vector<ModuleSummary> &Summaries) {
  StringMap<std::vector<const std::vector<std::string> *>> Edges; // a name may be defined twice
  for (const ModuleSummary &S : Summaries)
    for (const auto &[Sym, Refs] : S.Refs)
      Edges[Sym].push_back(&Refs);
  std::set<std::string> Reached, NdisOnly;
  std::vector<std::string> Work;
  for (const ModuleSummary &S : Summaries) {
    for (const std::string &R : S.Roots)
      if (Reached.insert(R).second)
        Work.push_back(R);
    NdisOnly.insert(S.OtherRoles.begin(), S.OtherRoles.end());
  }
  for (const std::string &R : Reached)
    NdisOnly.erase(R); // a root that also has another role is still a root
  while (!Work.empty()) {
    std::string Sym = std::move(Work.back());
    Work.pop_back();
    auto It = Edges.find(Sym);
    if (It == Edges.end())
      continue;
    for (const std::vector<std::string> *Refs : It->second)
      for (StringRef R : *Refs) {
        bool AddressOnly = R.consume_front("&");
        if (AddressOnly && NdisOnly.count(R.str()))
          continue;
        if (Reached.insert(R.str()).second)
          Work.push_back(R.str());
      }
  }
  return Reached;
}

unsigned ndisv::pruneModule(Module &M, unsigned TU, const std::set<std::string> &Reachable) {
  unsigned Dropped = 0;
  for (Function &F : M) {
    if (F.isDeclaration() || Reachable.count(keyOf(F, TU)))
      continue;
    // A static function nobody reaches may still be named by metadata:
    // a declaration needs external linkage.
    F.deleteBody();
    F.setComdat(nullptr);
    if (F.hasLocalLinkage())
      F.setLinkage(GlobalValue::ExternalLinkage);
    ++Dropped;
  }
  return Dropped;
}

//===- RulePathState.cpp - What the rules keep on each path -----------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "RulePathState.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"

using namespace ndisv;
using namespace ndisv::rules;

const engine::SlotKey<RulePathState> ndisv::rules::RuleStateKey;

/// Consistent with SymValue::sameAs: equal values hash alike.
static llvm::hash_code hashOf(const engine::SymValue &V) {
  using K = engine::SymValue::Kind;
  switch (V.kind()) {
  case K::Int:
    return llvm::hash_combine(0, V.zext());
  case K::Sym:
    return llvm::hash_combine(1, V.sym());
  case K::Ptr:
    return llvm::hash_combine(2, V.object(), V.offset());
  case K::Func:
    return llvm::hash_combine(3, V.func());
  case K::Agg:
    return llvm::hash_combine(4, &V.elements());
  }
  return llvm::hash_value(0);
}

bool TrackedHandle::operator==(const TrackedHandle &O) const {
  return Set == O.Set && V.sameAs(O.V) && Site == O.Site && Name == O.Name &&
         NameRank == O.NameRank && Home.sameAs(O.Home) && Lost == O.Lost;
}

bool RulePathState::operator==(const RulePathState &O) const {
  return Phase == O.Phase && Vars == O.Vars && Unmatched == O.Unmatched && Done == O.Done &&
         Held == O.Held && HeldSites == O.HeldSites && Irql == O.Irql && IrqlSaved == O.IrqlSaved;
}

size_t RulePathState::hash() const {
  llvm::hash_code H = llvm::hash_combine(
      Phase, llvm::hash_combine_range(Vars.begin(), Vars.end()),
      llvm::hash_combine_range(Unmatched.begin(), Unmatched.end()),
      llvm::hash_combine_range(Done.begin(), Done.end()),
      llvm::hash_combine_range(HeldSites.begin(), HeldSites.end()), Irql,
      llvm::hash_combine_range(IrqlSaved.begin(), IrqlSaved.end()));
  for (const TrackedHandle &T : Held)
    H = llvm::hash_combine(H, T.Set, hashOf(T.V), T.Site, T.Name, T.NameRank, hashOf(T.Home), T.Lost);
  return H;
}

static bool names(const engine::SymValue &V, llvm::function_ref<bool(engine::SymId)> Is) {
  if (V.isSym())
    return Is(V.sym());
  if (V.isAgg())
    return llvm::any_of(V.elements(), [&](const engine::SymValue &E) { return names(E, Is); });
  return false;
}

bool RulePathState::mentions(llvm::function_ref<bool(engine::SymId)> Is) const {
  return llvm::any_of(Held, [&](const TrackedHandle &T) { return names(T.V, Is) || names(T.Home, Is); });
}

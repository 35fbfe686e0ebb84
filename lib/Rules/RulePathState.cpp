//===- RulePathState.cpp - What the rules keep on each path -----------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "RulePathState.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include <tuple>

using namespace ndisv;
using namespace ndisv::rules;

const engine::SlotKey<RulePathState> ndisv::rules::RuleStateKey;

/// Consistent with SymValue::sameAs: equal values hash alike. A pointer
/// hashes by its offset only, a symbol by its kind: path joining pairs the
/// objects and symbols two paths numbered differently, so states whose
/// handles differ only in those numbers must land in the same group.
static llvm::hash_code hashOf(const engine::SymValue &V) {
  using K = engine::SymValue::Kind;
  switch (V.kind()) {
  case K::Int:
    return llvm::hash_combine(0, V.zext());
  case K::Sym:
    return llvm::hash_value(1);
  case K::Ptr:
    return llvm::hash_combine(2, V.offset());
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

/// A total order on the values a held handle can have (a handle set holds
/// each value once, so Set and V order the handles of a path).
static std::tuple<int, uint64_t, uint64_t> keyOf(const engine::SymValue &V) {
  using K = engine::SymValue::Kind;
  switch (V.kind()) {
  case K::Int:
    return {0, V.zext(), 0};
  case K::Sym:
    return {1, V.sym(), 0};
  case K::Ptr:
    return {2, V.object(), (uint64_t)V.offset()};
  case K::Func:
    return {3, (uint64_t)(uintptr_t)V.func(), 0};
  case K::Agg:
    return {4, (uint64_t)(uintptr_t)&V.elements(), 0};
  }
  return {5, 0, 0};
}

/// Handles held as a set: two paths that acquired the same handles in a
/// different order (one allocated its transmit blocks first) hold the
/// same thing.
static bool sameHandles(const std::vector<TrackedHandle> &X, const std::vector<TrackedHandle> &Y) {
  if (X.size() != Y.size())
    return false;
  if (X == Y)
    return true;
  auto sorted = [](const std::vector<TrackedHandle> &V) {
    std::vector<const TrackedHandle *> P;
    for (const TrackedHandle &T : V)
      P.push_back(&T);
    llvm::sort(P, [](const TrackedHandle *L, const TrackedHandle *R) {
      return std::make_tuple(L->Set, keyOf(L->V)) < std::make_tuple(R->Set, keyOf(R->V));
    });
    return P;
  };
  std::vector<const TrackedHandle *> SX = sorted(X), SY = sorted(Y);
  for (size_t K = 0; K < SX.size(); ++K)
    if (!(*SX[K] == *SY[K]))
      return false;
  return true;
}

bool RulePathState::operator==(const RulePathState &O) const {
  return Phase == O.Phase && Vars == O.Vars && Unmatched == O.Unmatched && Done == O.Done &&
         sameHandles(Held, O.Held) && HeldSites == O.HeldSites && Irql == O.Irql &&
         IrqlSaved == O.IrqlSaved;
}

size_t RulePathState::hash() const {
  llvm::hash_code H = llvm::hash_combine(
      Phase, llvm::hash_combine_range(Vars.begin(), Vars.end()),
      llvm::hash_combine_range(Unmatched.begin(), Unmatched.end()),
      llvm::hash_combine_range(Done.begin(), Done.end()),
      llvm::hash_combine_range(HeldSites.begin(), HeldSites.end()), Irql,
      llvm::hash_combine_range(IrqlSaved.begin(), IrqlSaved.end()));
  size_t Handles = 0; // a sum: the same set in any order hashes alike
  for (const TrackedHandle &T : Held)
    Handles += llvm::hash_combine(T.Set, hashOf(T.V), T.Site, T.Name, T.NameRank, hashOf(T.Home), T.Lost);
  return llvm::hash_combine(H, Handles);
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

void RulePathState::forEachValue(llvm::function_ref<void(const engine::SymValue &)> F) const {
  for (const TrackedHandle &T : Held) {
    F(T.V);
    F(T.Home);
  }
}

void RulePathState::mapValues(llvm::function_ref<engine::SymValue(const engine::SymValue &)> F) {
  for (TrackedHandle &T : Held) {
    T.V = F(T.V);
    T.Home = F(T.Home);
  }
}

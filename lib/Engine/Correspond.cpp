//===- Correspond.cpp - Which objects of two paths are the same -------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "Correspond.h"
#include "Relations.h"
#include "llvm/ADT/DenseMap.h"

using namespace ndisv;
using namespace ndisv::engine;

bool ndisv::engine::sameShapeForJoin(const State &A, const State &B) {
  if (A.ForcedOutcome >= 0 || B.ForcedOutcome >= 0 || A.Stack.size() != B.Stack.size() ||
      A.Globals != B.Globals || A.Deferred.size() != B.Deferred.size() ||
      A.Slots.size() != B.Slots.size())
    return false;
  for (size_t K = 0; K < A.Stack.size(); ++K) {
    const Frame &X = A.Stack[K], &Y = B.Stack[K];
    if (X.F != Y.F || X.BB != Y.BB || X.PC != Y.PC || X.CallSite != Y.CallSite ||
        X.Allocas.size() != Y.Allocas.size() || X.Regs.size() != Y.Regs.size())
      return false;
  }
  return true;
}

namespace {
/// Pairs objects reached by the same access path, breadth first, so the
/// shortest path to an object decides what it is paired with.
class Matcher {
public:
  Matcher(const State &A, const State &B) : A(A), B(B) {}

  void run() {
    // An unknown pointer both paths got from a common ancestor (same
    // number, same serial) names the same thing on both, whichever object
    // each made for it later.
    size_t Common = std::min(A.Syms.size(), B.Syms.size());
    for (size_t K = 0; K < Common; ++K) {
      if (A.Syms.sharesChunkWith(B.Syms, K)) { // same symbols, same objects
        K |= A.Syms.chunkSize() - 1;
        continue;
      }
      const SymInfo &X = A.Syms[K], &Y = B.Syms[K];
      if (X.Serial == Y.Serial && X.Bound && Y.Bound)
        pair(X.Bound, Y.Bound);
    }
    drain();
    for (const auto &[G, O] : A.Globals)
      if (ObjId OB = B.Globals.lookup(G))
        pair(O, OB);
    drain();
    for (size_t K = 0; K < A.Stack.size() && K < B.Stack.size(); ++K) {
      const Frame &X = A.Stack[K], &Y = B.Stack[K];
      for (size_t I = 0; I < X.Allocas.size() && I < Y.Allocas.size(); ++I)
        pair(X.Allocas[I], Y.Allocas[I]);
      drain();
      for (const auto &[R, V] : X.Regs)
        if (auto It = Y.Regs.find(R); It != Y.Regs.end())
          values(V, It->second);
      drain();
    }
    for (const auto &[Name, V] : A.Slots)
      if (auto It = B.Slots.find(Name); It != B.Slots.end())
        values(V, It->second);
    for (size_t K = 0; K < A.Deferred.size() && K < B.Deferred.size(); ++K) {
      values(A.Deferred[K].Key, B.Deferred[K].Key);
      values(A.Deferred[K].Ctx, B.Deferred[K].Ctx);
    }
    drain();
    std::vector<SymValue> VA, VB;
    if (A.observedValues(VA) && B.observedValues(VB) && VA.size() == VB.size())
      for (size_t K = 0; K < VA.size(); ++K)
        values(VA[K], VB[K]);
    drain();
  }

  llvm::DenseMap<ObjId, ObjId> BtoA, AtoB;
  llvm::DenseMap<SymId, SymId> SymBtoA, SymAtoB;

  /// A symbol both paths got from a common ancestor: it keeps its number.
  bool common(SymId K) const {
    return K < A.Syms.size() && K < B.Syms.size() && A.Syms[K].Serial == B.Syms[K].Serial;
  }

private:
  /// Symbols each path made after the fork, found at the same place (the
  /// value of the same field): the same unknown, or the same allocation's
  /// result, under numbers the two paths gave in their own order.
  void pairSym(SymId X, SymId Y) {
    if (X >= A.Syms.size() || Y >= B.Syms.size())
      return;
    const SymInfo &IX = A.Syms[X], &IY = B.Syms[Y];
    if (!common(X) && !common(Y) && !SymBtoA.count(Y) && !SymAtoB.count(X) && IX.Bits == IY.Bits) {
      SymBtoA[Y] = X;
      SymAtoB[X] = Y;
    }
    pair(IX.Bound, IY.Bound);
  }

  /// An object both paths got from a common ancestor keeps its number.
  bool commonObject(const State &S, const State &O, ObjId K) const {
    const MemObject *X = S.object(K), *Y = O.object(K);
    return X && Y && X->Serial == Y->Serial;
  }

  void pair(ObjId IdA, ObjId IdB) {
    if (!IdA || !IdB || BtoA.count(IdB) || AtoB.count(IdA))
      return;
    const MemObject *X = A.object(IdA), *Y = B.object(IdB);
    if (!X || !Y || X->Name != Y->Name || X->Size != Y->Size || X->Alive != Y->Alive)
      return;
    if (IdA != IdB && (commonObject(A, B, IdA) || commonObject(B, A, IdB)))
      return;
    BtoA[IdB] = IdA;
    AtoB[IdA] = IdB;
    Work.push_back({IdA, IdB});
  }

  void values(const SymValue &X, const SymValue &Y) {
    if (X.isPtr() && Y.isPtr()) {
      pair(X.object(), Y.object());
    } else if (X.isSym() && Y.isSym()) {
      pairSym(X.sym(), Y.sym());
    } else if (X.isAgg() && Y.isAgg() && X.elements().size() == Y.elements().size()) {
      for (size_t K = 0; K < X.elements().size(); ++K)
        values(X.elements()[K], Y.elements()[K]);
    }
  }

  void drain() {
    for (; Next < Work.size(); ++Next) {
      auto [IdA, IdB] = Work[Next];
      const MemObject &X = *A.object(IdA), &Y = *B.object(IdB);
      if (&X == &Y)
        continue; // shared: what it points to is numbered alike or paired elsewhere
      auto IY = Y.Cells.begin();
      for (const auto &[Off, C] : X.Cells) {
        while (IY != Y.Cells.end() && IY->first < Off)
          ++IY;
        if (IY == Y.Cells.end())
          break;
        if (IY->first == Off)
          values(C.V, IY->second.V);
      }
    }
  }

  const State &A, &B;
  std::vector<std::pair<ObjId, ObjId>> Work;
  size_t Next = 0;
};
} // namespace

ObjectCorrespondence ndisv::engine::correspondObjects(const State &A, const State &B) {
  Matcher M(A, B);
  M.run();
  ObjectCorrespondence C;
  C.Paired = M.BtoA.size();
  size_t SizeA = A.Objects.size(), SizeB = B.Objects.size();
  ObjId Fresh = (ObjId)std::max(SizeA, SizeB);
  C.ToA.assign(SizeB, 0);
  for (size_t K = 1; K < SizeB; ++K) {
    ObjId Id = (ObjId)K;
    if (auto It = M.BtoA.find(Id); It != M.BtoA.end()) {
      C.ToA[K] = It->second;
    } else {
      // Unpaired: it keeps its number unless A's object of that number is
      // paired with another of B's or is something else (another name or
      // size), which a join would refuse to merge with it.
      // Objects from a common ancestor always keep theirs.
      const MemObject *X = A.object(Id), *Y = B.object(Id);
      bool Free = !M.AtoB.count(Id) && (!X || !Y || X->Serial == Y->Serial ||
                                        (X->Name == Y->Name && X->Size == Y->Size));
      C.ToA[K] = Free ? Id : Fresh++;
      C.Clash = C.Clash || (!Free && Y);
    }
    if (C.ToA[K] != K)
      C.Identity = false;
  }
  // Symbols: paired ones take A's number, common ones keep theirs, others
  // keep theirs unless a paired one took it (then a fresh one).
  size_t SymsA = A.Syms.size(), SymsB = B.Syms.size();
  SymId FreshSym = (SymId)std::max(SymsA, SymsB);
  C.SymToA.resize(SymsB);
  for (size_t K = 0; K < SymsB; ++K) {
    SymId Id = (SymId)K;
    if (auto It = M.SymBtoA.find(Id); It != M.SymBtoA.end())
      C.SymToA[K] = It->second;
    else
      C.SymToA[K] = M.SymAtoB.count(Id) ? FreshSym++ : Id;
    if (C.SymToA[K] != K)
      C.Identity = C.SymIdentity = false;
  }
  return C;
}

std::optional<State> ndisv::engine::renumberObjects(const State &A, const State &B,
                                                    const ObjectCorrespondence &C) {
  if (C.Identity)
    return B;
  auto map = [&](ObjId O) { return O < C.ToA.size() ? C.ToA[O] : O; };
  auto mapSym = [&](SymId S) { return S < C.SymToA.size() ? C.SymToA[S] : S; };
  std::function<SymValue(const SymValue &)> Map = [&](const SymValue &V) -> SymValue {
    if (V.isPtr())
      return map(V.object()) == V.object() ? V
                                           : SymValue::pointer(map(V.object()), V.offset(), V.memberEnd());
    if (V.isSym())
      return mapSym(V.sym()) == V.sym() ? V : SymValue::symbol(mapSym(V.sym()), V.bits());
    if (!V.isAgg())
      return V;
    std::vector<SymValue> Elems;
    for (const SymValue &E : V.elements())
      Elems.push_back(Map(E));
    return SymValue::aggregate(std::move(Elems));
  };
  std::function<bool(const SymValue &)> changes = [&](const SymValue &X) {
    if (X.isPtr())
      return map(X.object()) != X.object();
    if (X.isSym())
      return mapSym(X.sym()) != X.sym();
    if (X.isAgg())
      for (const SymValue &E : X.elements())
        if (changes(E))
          return true;
    return false;
  };
  State R = B;
  if (!R.mapObservedValues(Map))
    return std::nullopt;
  ObjId Size = 1;
  for (ObjId T : C.ToA)
    Size = std::max(Size, T + 1);
  R.Objects = ChunkedVector<std::shared_ptr<MemObject>>();
  for (ObjId K = 0; K < Size; ++K)
    R.Objects.push_back(nullptr);
  for (size_t K = 1; K < B.Objects.size(); ++K) {
    std::shared_ptr<MemObject> O = B.Objects[K];
    if (O) {
      bool Copy = changes(O->SizeValue);
      for (const auto &[Off, Cell] : O->Cells)
        Copy = Copy || changes(Cell.V);
      if (Copy) {
        O = std::make_shared<MemObject>(*O);
        O->SizeValue = Map(O->SizeValue);
        for (auto &[Off, Cell] : O->Cells)
          Cell.V = Map(Cell.V);
      }
    }
    R.Objects.mut(C.ToA[K]) = std::move(O);
  }
  if (C.SymIdentity) {
    for (size_t K = 0; K < B.Syms.size(); ++K)
      if (ObjId O = B.Syms[K].Bound; O && map(O) != O)
        R.mutableInfo((SymId)K).Bound = map(O);
  } else {
    // A number B no longer uses holds A's symbol (it joins as itself); one
    // past A's a plain unknown nothing names.
    SymId N = 0;
    for (SymId T : C.SymToA)
      N = std::max(N, T + 1);
    std::vector<SymInfo> Syms(N);
    for (SymId K = 0; K < N && K < A.Syms.size(); ++K)
      Syms[K] = A.Syms[K];
    for (size_t K = 0; K < B.Syms.size(); ++K) {
      SymInfo &I = Syms[C.SymToA[K]];
      I = B.Syms[K];
      I.Bound = map(I.Bound);
    }
    R.Syms = ChunkedVector<SymInfo>();
    for (SymInfo &I : Syms)
      R.Syms.push_back(std::move(I));
    renameRelations(R, mapSym);
  }
  R.Globals.mapObjects(map);
  for (Frame &F : R.Stack) {
    for (ObjId &O : F.Allocas)
      O = map(O);
    for (auto &[Reg, V] : F.Regs)
      V = Map(V);
  }
  for (auto &[Name, V] : R.Slots)
    V = Map(V);
  for (DeferredCall &D : R.Deferred) {
    D.Key = Map(D.Key);
    D.Fn = Map(D.Fn);
    D.Ctx = Map(D.Ctx);
  }
  // Memoised derived symbols are keyed by expressions that name objects and
  // symbols by number. One made before the fork (its symbol common to both
  // paths) is over common symbols and objects, which keep their numbers:
  // it stands. The others are dropped (forgetting only loses precision).
  for (auto It = R.Derived.begin(); It != R.Derived.end();) {
    SymId S = It->second;
    auto Next = std::next(It);
    if (!(S < A.Syms.size() && S < B.Syms.size() && A.Syms[S].Serial == B.Syms[S].Serial))
      R.Derived.erase(It);
    It = Next;
  }
  return R;
}

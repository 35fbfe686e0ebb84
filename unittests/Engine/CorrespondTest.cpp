//===- CorrespondTest.cpp - Pairing two paths' objects by access path -------===//
// SPDX-License-Identifier: Apache-2.0
//
// Two paths that made the same objects in another order: the join pairs
// them by how they are reached and renumbers one path before comparing.
//===----------------------------------------------------------------------===//
#include "Correspond.h"
#include "gtest/gtest.h"

using namespace ndisv::engine;

namespace {

/// Observer data that holds pointers and can have them renamed.
struct Handles {
  std::vector<SymValue> V;
  bool operator==(const Handles &O) const {
    if (V.size() != O.V.size())
      return false;
    for (size_t K = 0; K < V.size(); ++K)
      if (!V[K].sameAs(O.V[K]))
        return false;
    return true;
  }
  size_t hash() const { return V.size(); }
  void forEachValue(llvm::function_ref<void(const SymValue &)> F) const {
    for (const SymValue &X : V)
      F(X);
  }
  void mapValues(llvm::function_ref<SymValue(const SymValue &)> F) {
    for (SymValue &X : V)
      X = F(X);
  }
};
/// Observer data that cannot rename what it holds.
struct Opaque {
  int N = 0;
  bool operator==(const Opaque &O) const { return N == O.N; }
  size_t hash() const { return N; }
};
const SlotKey<Handles> HandlesKey;
const SlotKey<Opaque> OpaqueKey;

void store(State &S, ObjId In, uint64_t Off, ObjId To) {
  S.mutableObject(In).Cells[Off] = {SymValue::pointer(To, 0), 8};
}

/// An adapter (reached from the named slot "ctx") holding a receive
/// buffer at +8 and a transmit buffer at +16, made in the order given.
State path(bool RxFirst) {
  State S;
  ObjId Adapter = S.newObject(64, "Adapter");
  ObjId First = S.newObject(RxFirst ? 2048 : 1024, "buffer");
  ObjId Second = S.newObject(RxFirst ? 1024 : 2048, "buffer");
  store(S, Adapter, 8, RxFirst ? First : Second);
  store(S, Adapter, 16, RxFirst ? Second : First);
  S.Slots["ctx"] = SymValue::pointer(Adapter, 0);
  return S;
}

TEST(Correspond, PairsObjectsReachedByTheSameAccessPath) {
  State A = path(true), B = path(false);
  ObjectCorrespondence C = correspondObjects(A, B);
  EXPECT_FALSE(C.Identity);
  EXPECT_FALSE(C.Clash);
  EXPECT_EQ(C.Paired, 3u);
  EXPECT_EQ(C.ToA[1], 1u) << "the adapter keeps its number";
  EXPECT_EQ(C.ToA[2], 3u) << "B's transmit buffer (made first) is A's third object";
  EXPECT_EQ(C.ToA[3], 2u);
  std::optional<State> R = renumberObjects(A, B, C);
  ASSERT_TRUE(R);
  EXPECT_EQ(R->object(2)->Size, 2048u);
  EXPECT_EQ(R->object(3)->Size, 1024u);
  const MemObject &Adapter = *R->object(1);
  EXPECT_EQ(Adapter.Cells.at(8).V.object(), 2u) << "the receive field points at the renamed object";
  EXPECT_EQ(Adapter.Cells.at(16).V.object(), 3u);
  EXPECT_EQ(B.object(1)->Cells.at(8).V.object(), 3u) << "B itself is left as it was";
}

TEST(Correspond, SameOrderIsTheIdentity) {
  State A = path(true), B = path(true);
  EXPECT_TRUE(correspondObjects(A, B).Identity);
}

TEST(Correspond, SameAccessPathButAnotherSizeIsNotPaired) {
  State A = path(true), B = path(true);
  B.mutableObject(2).Size = 4096; // B's receive buffer is something else
  ObjectCorrespondence C = correspondObjects(A, B);
  EXPECT_EQ(C.Paired, 2u);
  EXPECT_NE(C.ToA[2], 2u) << "an unpaired object must not take the number of a different one";
  EXPECT_GE(C.ToA[2], 4u) << "it gets a fresh number";
  EXPECT_TRUE(C.Clash) << "one number stood for different objects: no join";
}

TEST(Correspond, UnpairedObjectKeepsAFreeNumber) {
  State A = path(true), B = path(true);
  ObjId Extra = B.newObject(16, "timer"); // only B made it, nothing reaches it
  ObjectCorrespondence C = correspondObjects(A, B);
  EXPECT_TRUE(C.Identity);
  EXPECT_EQ(C.ToA[Extra], Extra);
}

TEST(Correspond, CommonUnknownPointerPairsTheObjectsMadeForIt) {
  State Base;
  Base.newObject(8, "Adapter");
  SymId P = Base.newSym(64, "an unknown pointer");
  State A = Base, B = Base; // forked after the symbol existed
  A.newObject(4, "timer");
  ObjId OA = A.newObject(32, "*P");
  ObjId OB = B.newObject(32, "*P");
  B.newObject(4, "timer");
  A.mutableInfo(P).Bound = OA;
  B.mutableInfo(P).Bound = OB;
  ObjectCorrespondence C = correspondObjects(A, B);
  EXPECT_EQ(C.ToA[OB], OA);
  std::optional<State> R = renumberObjects(A, B, C);
  ASSERT_TRUE(R);
  EXPECT_EQ(R->info(P).Bound, OA) << "the symbol is bound to the renamed object";
}

TEST(Correspond, ObserverDataIsRenamedOrTheRenumberingRefused) {
  State A = path(true), B = path(false);
  A.set(HandlesKey, Handles{{SymValue::pointer(2, 0)}}); // A tracks its receive buffer
  B.set(HandlesKey, Handles{{SymValue::pointer(3, 0)}}); // so does B, under another number
  EXPECT_FALSE(A.sameSlots(B));
  ObjectCorrespondence C = correspondObjects(A, B);
  std::optional<State> R = renumberObjects(A, B, C);
  ASSERT_TRUE(R);
  EXPECT_TRUE(A.sameSlots(*R)) << "renamed, the observer data agrees";
  B.set(OpaqueKey, Opaque{1});
  EXPECT_FALSE(renumberObjects(A, B, C)) << "data that cannot be renamed keeps the paths apart";
}

TEST(Correspond, ObjectsFromACommonAncestorKeepTheirNumbers) {
  State Base = path(true);
  State A = Base, B = Base; // a fork: the same three objects
  // B moves its buffers around after the fork: the fields now lead to the
  // other object, but each is still the object it was before the fork.
  store(B, 1, 8, 3);
  store(B, 1, 16, 2);
  B.mutableObject(3).Size = 2048;
  B.mutableObject(2).Size = 1024;
  ObjectCorrespondence C = correspondObjects(A, B);
  EXPECT_TRUE(C.Identity) << "objects both paths had before the fork are never renumbered";
}

TEST(Correspond, PlacesMustMatchBeforeAnyRenumbering) {
  State A = path(true), B = path(false);
  EXPECT_TRUE(sameShapeForJoin(A, B));
  B.Slots["other"] = SymValue::null();
  EXPECT_FALSE(sameShapeForJoin(A, B));
}

} // namespace

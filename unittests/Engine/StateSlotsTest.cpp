//===- StateSlotsTest.cpp - Observer slots in a path's State ----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// An observer's per-path data: typed, shared between forks until written,
// compared and hashed with the state.
//===----------------------------------------------------------------------===//
#include "ndisv/Engine/State.h"
#include "gtest/gtest.h"

using namespace ndisv::engine;

namespace {

struct Counter {
  int N = 0;
  bool operator==(const Counter &O) const { return N == O.N; }
  size_t hash() const { return (size_t)N * 31; }
};
struct Names {
  std::vector<std::string> L;
  bool operator==(const Names &O) const { return L == O.L; }
  size_t hash() const { return L.size(); }
};

const SlotKey<Counter> CounterKey;
const SlotKey<Names> NamesKey;

TEST(StateSlots, UnsetUntilWrittenThenTyped) {
  State S;
  EXPECT_EQ(S.get(CounterKey), nullptr);
  S.mutate(CounterKey).N = 3; // starts from T()
  S.set(NamesKey, Names{{"a"}});
  ASSERT_NE(S.get(CounterKey), nullptr);
  EXPECT_EQ(S.get(CounterKey)->N, 3);
  EXPECT_EQ(S.get(NamesKey)->L.front(), "a");
  EXPECT_NE(CounterKey.index(), NamesKey.index());
}

TEST(StateSlots, ForksShareUntilOneWrites) {
  State A;
  A.set(CounterKey, Counter{1});
  State B = A; // a fork
  EXPECT_EQ(A.get(CounterKey), B.get(CounterKey)) << "a fork copies no observer data";
  B.mutate(CounterKey).N = 2;
  EXPECT_NE(A.get(CounterKey), B.get(CounterKey));
  EXPECT_EQ(A.get(CounterKey)->N, 1) << "the other path keeps its own value";
  EXPECT_EQ(B.get(CounterKey)->N, 2);
  const Counter *Before = B.get(CounterKey);
  B.mutate(CounterKey).N = 5; // no longer shared: written in place
  EXPECT_EQ(B.get(CounterKey), Before);
}

TEST(StateSlots, EqualityAndHashFollowTheValues) {
  State A, B;
  EXPECT_TRUE(A.sameSlots(B));
  A.set(CounterKey, Counter{4});
  EXPECT_FALSE(A.sameSlots(B)) << "set in one state only";
  B.set(CounterKey, Counter{4});
  EXPECT_TRUE(A.sameSlots(B)) << "equal values in distinct copies";
  EXPECT_EQ(A.slotsHash(), B.slotsHash());
  B.mutate(CounterKey).N = 7;
  EXPECT_FALSE(A.sameSlots(B));
  EXPECT_NE(A.slotsHash(), B.slotsHash());
  State C = A;
  C.set(NamesKey, Names{});
  EXPECT_FALSE(A.sameSlots(C));
}

} // namespace

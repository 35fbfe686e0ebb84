//===- RulePathStateTest.cpp - The rules' data on a path --------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// What the rule monitor keeps per path lives in its observer slot: two paths
// whose rule data agree compare equal there (path merging relies on it), and
// any difference a rule could observe (a variable, a held handle, its name,
// a lost home) makes them differ.
//===----------------------------------------------------------------------===//
#include "RulePathState.h"
#include "gtest/gtest.h"

using namespace ndisv;
using namespace ndisv::rules;
using engine::State;
using engine::SymValue;

namespace {

RulePathState withHandle() {
  RulePathState PS;
  PS.Phase = 1;
  PS.Vars = {0, 1};
  PS.Unmatched = {0};
  PS.Done = {0, 0};
  TrackedHandle T;
  T.V = SymValue::pointer(7, 0);
  T.Home = SymValue::pointer(3, 16);
  T.Name = 2;
  PS.Held.push_back(T);
  return PS;
}

TEST(RulePathState, EqualDataEqualHash) {
  RulePathState A = withHandle(), B = withHandle();
  EXPECT_TRUE(A == B);
  EXPECT_EQ(A.hash(), B.hash());
}

TEST(RulePathState, EveryObservableFieldCounts) {
  RulePathState Base = withHandle();
  auto differs = [&](auto Change) {
    RulePathState X = withHandle();
    Change(X);
    return !(X == Base);
  };
  EXPECT_TRUE(differs([](RulePathState &X) { X.Phase = 2; }));
  EXPECT_TRUE(differs([](RulePathState &X) { X.Vars[1] = 0; }));
  EXPECT_TRUE(differs([](RulePathState &X) { X.Unmatched[0] = 1; }));
  EXPECT_TRUE(differs([](RulePathState &X) { X.Done[0] = 1; }));
  EXPECT_TRUE(differs([](RulePathState &X) { X.Held.clear(); }));
  EXPECT_TRUE(differs([](RulePathState &X) { X.Held[0].V = SymValue::pointer(8, 0); }));
  EXPECT_TRUE(differs([](RulePathState &X) { X.Held[0].Lost = true; }));
  EXPECT_TRUE(differs([](RulePathState &X) { X.Held[0].Name = 5; }));
  EXPECT_TRUE(differs([](RulePathState &X) { X.HeldSites = {1}; }));
}

TEST(RulePathState, ComparedThroughTheEngineState) {
  State A, B;
  A.set(RuleStateKey, withHandle());
  B.set(RuleStateKey, withHandle());
  EXPECT_TRUE(A.sameSlots(B));
  EXPECT_EQ(A.slotsHash(), B.slotsHash());
  B.mutate(RuleStateKey).Held[0].Lost = true;
  EXPECT_FALSE(A.sameSlots(B));
  EXPECT_FALSE(A.get(RuleStateKey)->Held[0].Lost) << "B's write did not reach A";
}

} // namespace

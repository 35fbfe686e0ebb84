//===- RelationsTest.cpp - Comparisons between two unknowns -----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// What a path remembers of `a < b` over two unknowns, and when it asks Z3:
// only for symbols some chain of facts links, never for independent ones.
//===----------------------------------------------------------------------===//
#include "Constraints.h"
#include "Relations.h"
#include "llvm/IR/InstrTypes.h"
#include "gtest/gtest.h"

using namespace ndisv::engine;
using llvm::CmpInst;

namespace {

constexpr unsigned EQ = CmpInst::ICMP_EQ, NE = CmpInst::ICMP_NE, SLT = CmpInst::ICMP_SLT,
                   SGT = CmpInst::ICMP_SGT, ULT = CmpInst::ICMP_ULT, UGE = CmpInst::ICMP_UGE,
                   UGT = CmpInst::ICMP_UGT;

TEST(Relations, IndependentUnknownsGoBothWaysWithoutTheSolver) {
  State S;
  SymId I = S.newSym(32, "i"), N = S.newSym(32, "n");
  uint64_t Before = solverQueries();
  EXPECT_TRUE(relationCanBe(S, I, N, 32, ULT, true));
  EXPECT_TRUE(relationCanBe(S, I, N, 32, ULT, false));
  EXPECT_TRUE(relationCanBe(S, I, N, 32, EQ, true));
  EXPECT_EQ(solverQueries(), Before);
}

TEST(Relations, AnExitTestTestedAgainGoesOneWay) {
  // for (i = First; i < Count; i++) ...; if (i < Count) ...
  State S;
  SymId I = S.newSym(32, "i"), N = S.newSym(32, "Count");
  assumeRelation(S, I, N, 32, ULT, false);
  uint64_t Before = solverQueries();
  EXPECT_FALSE(relationCanBe(S, I, N, 32, ULT, true));
  EXPECT_TRUE(relationCanBe(S, I, N, 32, ULT, false));
  EXPECT_FALSE(relationCanBe(S, N, I, 32, UGT, true)); // the same test, swapped
  EXPECT_TRUE(relationCanBe(S, I, N, 32, UGE, true));  // its inverse
  EXPECT_EQ(solverQueries(), Before);
}

TEST(Relations, StatusComparedWithSavedStatus) {
  State S;
  SymId Status = S.newSym(32, "Status"), Saved = S.newSym(32, "Saved");
  assumeRelation(S, Status, Saved, 32, NE, true);
  EXPECT_FALSE(relationCanBe(S, Status, Saved, 32, EQ, true));
  EXPECT_FALSE(relationCanBe(S, Saved, Status, 32, NE, false));
  // != says nothing of the order: both ways stay (the solver decides).
  uint64_t Before = solverQueries();
  EXPECT_TRUE(relationCanBe(S, Status, Saved, 32, SLT, true));
  EXPECT_TRUE(relationCanBe(S, Status, Saved, 32, SLT, false));
  EXPECT_GT(solverQueries(), Before);
}

TEST(Relations, FactsChainThroughTheSolver) {
  State S;
  SymId A = S.newSym(32, "a"), B = S.newSym(32, "b"), C = S.newSym(32, "c");
  assumeRelation(S, A, B, 32, SLT, true);
  assumeRelation(S, B, C, 32, SLT, true);
  EXPECT_FALSE(relationCanBe(S, A, C, 32, SLT, false)); // a < b < c
  EXPECT_TRUE(relationCanBe(S, A, C, 32, SLT, true));
  // Unsigned: a < b < c as signed numbers allows a above c unsigned (a < 0 <= c).
  EXPECT_TRUE(relationCanBe(S, A, C, 32, UGT, true));
}

TEST(Relations, PointersComparedAtTheirWidth) {
  State S;
  SymId P = S.newSym(64, "Adapter+8"), Q = S.newSym(64, "Adapter+16");
  assumeRelation(S, P, Q, 64, EQ, true);
  EXPECT_FALSE(relationCanBe(S, P, Q, 64, NE, true));
  SymId R = S.newSym(64, "Adapter+24");
  assumeRelation(S, Q, R, 64, NE, true);
  EXPECT_FALSE(relationCanBe(S, P, R, 64, EQ, true)); // p == q, q != r
}

TEST(Relations, IntervalsNarrowAndDecideFirst) {
  State S;
  SymId I = S.newSym(32, "i"), N = S.newSym(32, "n");
  constrain(S.mutableInfo(N), truthSet(CmpInst::ICMP_ULE, 10, 32)); // n in [0, 10]
  constrain(S.mutableInfo(I), truthSet(CmpInst::ICMP_SGE, 0, 32));  // i >= 0
  assumeRelation(S, I, N, 32, ULT, true);
  EXPECT_EQ(S.info(I).Hi, 9); // i < n <= 10
  EXPECT_EQ(S.info(N).Lo, 1);
  // A value below zero is above every n unsigned: the intervals say so alone.
  SymId M = S.newSym(32, "m");
  constrain(S.mutableInfo(M), truthSet(SLT, 0, 32));
  uint64_t Before = solverQueries();
  EXPECT_FALSE(relationCanBe(S, M, N, 32, ULT, true));
  EXPECT_FALSE(relationCanBe(S, N, M, 32, SGT, false));
  EXPECT_EQ(solverQueries(), Before);
}

TEST(Relations, WidenedSymbolKeepsItsValue) {
  // A 32-bit status compared at 64 bits after sign extension.
  State S;
  SymId A = S.newSym(32, "a"), B = S.newSym(64, "b");
  constrain(S.mutableInfo(A), truthSet(SLT, 0, 32)); // a < 0 (a failure status)
  assumeRelation(S, A, B, 64, EQ, true);
  SymId Z = S.newSym(64, "zero-or-more");
  constrain(S.mutableInfo(Z), truthSet(CmpInst::ICMP_SGE, 0, 64));
  assumeRelation(S, B, Z, 64, EQ, false); // b != z: nothing new
  EXPECT_TRUE(relationCanBe(S, A, Z, 64, SLT, true));
  EXPECT_FALSE(relationCanBe(S, A, Z, 64, SLT, false)); // a < 0 <= z, through the extension
}

} // namespace

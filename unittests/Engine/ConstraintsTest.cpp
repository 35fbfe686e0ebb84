//===- ConstraintsTest.cpp - Intervals and abstract memory ------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "Constraints.h"
#include "Memory.h"
#include "llvm/IR/InstrTypes.h"
#include "gtest/gtest.h"

using namespace ndisv::engine;
using llvm::CmpInst;

namespace {

SymInfo fresh(unsigned Bits) {
  SymInfo I;
  I.Bits = Bits;
  auto [Lo, Hi] = fullRange(Bits);
  I.Lo = Lo;
  I.Hi = Hi;
  return I;
}

TEST(Constraints, StatusEqualsSuccessThenNotEqual) {
  SymInfo S = fresh(32);
  IntervalSet Eq0 = truthSet(CmpInst::ICMP_EQ, 0, 32);
  EXPECT_TRUE(feasible(S, Eq0));
  EXPECT_TRUE(feasible(S, complement(Eq0, 32)));
  constrain(S, complement(Eq0, 32)); // Status != NDIS_STATUS_SUCCESS
  EXPECT_FALSE(feasible(S, Eq0));
  EXPECT_EQ(S.Excluded.size(), 1u);
}

// A wait loop (`while (Outstanding) Sleep();`) assumes Outstanding != 0 on
// every turn: the hole is kept once, so later tests stay cheap.
TEST(Constraints, RepeatedNotEqualKeepsOneHole) {
  SymInfo S = fresh(32);
  IntervalSet Ne0 = complement(truthSet(CmpInst::ICMP_EQ, 0, 32), 32);
  for (int K = 0; K < 1000; ++K)
    constrain(S, Ne0);
  EXPECT_EQ(S.Excluded.size(), 1u);
  EXPECT_FALSE(feasible(S, truthSet(CmpInst::ICMP_EQ, 0, 32)));
}

// Many different holes: only a few are kept; the others are forgotten,
// which only lets the value take more values (never fewer).
TEST(Constraints, HolesAreBoundedAndForgettingIsSound) {
  SymInfo S = fresh(32);
  for (uint64_t C = 10; C < 1010; C += 10)
    constrain(S, complement(truthSet(CmpInst::ICMP_EQ, C, 32), 32));
  EXPECT_LE(S.Excluded.size(), 32u);
  EXPECT_FALSE(feasible(S, truthSet(CmpInst::ICMP_EQ, 10, 32))) << "the first holes are kept";
  EXPECT_TRUE(feasible(S, truthSet(CmpInst::ICMP_EQ, 5, 32)));
}

TEST(Constraints, NtSuccessOnAFailureCode) {
  // NT_SUCCESS(x) is x >= 0 on a signed 32-bit value; 0xC0000001 fails it.
  SymInfo S = fresh(32);
  constrain(S, truthSet(CmpInst::ICMP_EQ, 0xC0000001u, 32));
  EXPECT_EQ(S.Lo, S.Hi);
  EXPECT_FALSE(feasible(S, truthSet(CmpInst::ICMP_SGE, 0, 32)));
}

TEST(Constraints, UnsignedBoundKeepsNonNegativeInterval) {
  SymInfo S = fresh(32);
  constrain(S, truthSet(CmpInst::ICMP_ULT, 8, 32)); // count < 8 as ULONG
  EXPECT_EQ(S.Lo, 0);
  EXPECT_EQ(S.Hi, 7);
  EXPECT_FALSE(feasible(S, truthSet(CmpInst::ICMP_SGT, 7, 32)));
  EXPECT_TRUE(feasible(S, truthSet(CmpInst::ICMP_EQ, 3, 32)));
}

TEST(Constraints, ExcludedPointsShrinkTheEdges) {
  SymInfo S = fresh(8);
  constrain(S, truthSet(CmpInst::ICMP_SGE, 0, 8));
  constrain(S, truthSet(CmpInst::ICMP_SLE, 1, 8));
  constrain(S, complement(truthSet(CmpInst::ICMP_EQ, 0, 8), 8));
  EXPECT_EQ(S.Lo, 1);
  EXPECT_EQ(S.Hi, 1);
}

TEST(Constraints, BooleansAreZeroOrOne) {
  SymInfo B = fresh(1);
  EXPECT_EQ(B.Lo, 0);
  EXPECT_EQ(B.Hi, 1);
  constrain(B, truthSet(CmpInst::ICMP_NE, 0, 1));
  EXPECT_EQ(B.Lo, 1);
}

TEST(Constraints, PointerNullCheckOn64Bits) {
  SymInfo P = fresh(64);
  constrain(P, complement(truthSet(CmpInst::ICMP_EQ, 0, 64), 64));
  EXPECT_FALSE(feasible(P, truthSet(CmpInst::ICMP_EQ, 0, 64)));
  EXPECT_TRUE(feasible(P, truthSet(CmpInst::ICMP_UGT, 0, 64)));
}

TEST(Memory, ZeroedObjectReadsBackFieldsWrittenLater) {
  State S;
  ObjId O = S.newObject(64, "Adapter");
  fillMem(S, O, 0, 64, 0); // NdisZeroMemory(Adapter, sizeof(*Adapter))
  EXPECT_TRUE(readMem(S, O, 16, 4).isNull() || readMem(S, O, 16, 4).zext() == 0);
  writeMem(S, O, 16, 4, SymValue::integer(5, 32));
  EXPECT_EQ(readMem(S, O, 16, 4).zext(), 5u);
  EXPECT_EQ(readMem(S, O, 20, 4).zext(), 0u);
}

TEST(Memory, UnknownBytesReadTheSameSymbolTwice) {
  State S;
  ObjId O = S.newObject(0, "InitParams");
  SymValue A = readMem(S, O, 8, 8), B = readMem(S, O, 8, 8);
  ASSERT_TRUE(A.isSym());
  EXPECT_TRUE(A.sameAs(B));
}

TEST(Memory, PartialOverwriteKeepsTheOtherBytes) {
  State S;
  ObjId O = S.newObject(16, "flags");
  writeMem(S, O, 0, 8, SymValue::integer(0x1122334455667788ull, 64));
  writeMem(S, O, 2, 2, SymValue::integer(0, 16));
  EXPECT_EQ(readMem(S, O, 0, 2).zext(), 0x7788u);
  EXPECT_EQ(readMem(S, O, 4, 4).zext(), 0x11223344u);
  EXPECT_EQ(readMem(S, O, 2, 2).zext(), 0u);
}

TEST(Memory, ForksShareObjectsUntilOneWrites) {
  State S;
  ObjId O = S.newObject(8, "ctx");
  writeMem(S, O, 0, 8, SymValue::integer(1, 64));
  State T = S;
  writeMem(T, O, 0, 8, SymValue::integer(2, 64));
  EXPECT_EQ(readMem(S, O, 0, 8).zext(), 1u);
  EXPECT_EQ(readMem(T, O, 0, 8).zext(), 2u);
}

TEST(Memory, CopyCarriesCellsAndZeroes) {
  State S;
  ObjId Src = S.newObject(16, "src", /*Zero=*/true), Dst = S.newObject(16, "dst");
  writeMem(S, Src, 8, 8, SymValue::pointer(Src, 0));
  copyMem(S, Dst, 0, Src, 0, 16);
  EXPECT_EQ(readMem(S, Dst, 0, 8).zext(), 0u);
  SymValue P = readMem(S, Dst, 8, 8);
  ASSERT_TRUE(P.isPtr());
  EXPECT_EQ(P.object(), Src);
}

} // namespace

namespace {
TEST(Memory, CopyIntoAZeroedObjectKeepsTheRestZero) {
  // NdisZeroMemory(Adapter) on an object of unknown size, then
  // NdisMoveMemory(Adapter->CurrentAddress, ..., 6): Flags must stay zero.
  State S;
  ObjId Adapter = S.newObject(0, "Adapter"), Mac = S.newObject(6, "mac");
  fillMem(S, Adapter, 0, 256, 0);
  copyMem(S, Adapter, 32, Mac, 0, 6);
  EXPECT_EQ(readMem(S, Adapter, 64, 4).zext(), 0u);
  EXPECT_EQ(readMem(S, Adapter, 0, 8).zext(), 0u);
  EXPECT_TRUE(readMem(S, Adapter, 32, 1).isSym());
}
} // namespace

//===- Constraints.cpp - Interval reasoning about symbols ------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "Constraints.h"
#include "llvm/IR/InstrTypes.h"
#include <algorithm>

using namespace ndisv::engine;
using llvm::CmpInst;

std::pair<int64_t, int64_t> ndisv::engine::fullRange(unsigned Bits) {
  if (Bits <= 1)
    return {0, 1};
  if (Bits >= 64)
    return {INT64_MIN, INT64_MAX};
  int64_t Max = (int64_t(1) << (Bits - 1)) - 1;
  return {-Max - 1, Max};
}

static __int128 signedOf(uint64_t C, unsigned Bits) {
  if (Bits <= 1)
    return C & 1;
  if (Bits >= 64)
    return (int64_t)C;
  uint64_t Sign = uint64_t(1) << (Bits - 1);
  C &= (Sign << 1) - 1;
  return (int64_t)((C ^ Sign) - Sign);
}

static __int128 unsignedOf(uint64_t C, unsigned Bits) {
  if (Bits >= 64)
    return (__int128)C;
  return C & ((uint64_t(1) << Bits) - 1);
}

/// Maps an unsigned interval [A, B] of width Bits into the signed view.
static void addUnsigned(IntervalSet &Out, __int128 A, __int128 B, unsigned Bits) {
  if (A > B)
    return;
  if (Bits <= 1) {
    Out.push_back({A, B});
    return;
  }
  __int128 Half = (__int128)1 << (Bits - 1), Mod = (__int128)1 << Bits;
  if (B < Half)
    Out.push_back({A, B});
  else if (A >= Half)
    Out.push_back({A - Mod, B - Mod});
  else {
    Out.push_back({-Half, B - Mod});
    Out.push_back({A, Half - 1});
  }
}

IntervalSet ndisv::engine::truthSet(unsigned Pred, uint64_t C, unsigned Bits) {
  auto [Min, Max] = fullRange(Bits);
  IntervalSet S;
  __int128 SC = signedOf(C, Bits), UC = unsignedOf(C, Bits);
  __int128 UMax = Bits >= 64 ? (__int128)UINT64_MAX
                             : (Bits <= 1 ? 1 : (((__int128)1 << Bits) - 1));
  auto push = [&](__int128 A, __int128 B) {
    if (A <= B)
      S.push_back({A, B});
  };
  if (Bits <= 1) { // booleans: signed and unsigned views agree on {0,1}
    SC = UC;
  }
  switch (Pred) {
  case CmpInst::ICMP_EQ:
    push(SC, SC);
    break;
  case CmpInst::ICMP_NE:
    push(Min, SC - 1);
    push(SC + 1, Max);
    break;
  case CmpInst::ICMP_SLT:
    push(Min, SC - 1);
    break;
  case CmpInst::ICMP_SLE:
    push(Min, SC);
    break;
  case CmpInst::ICMP_SGT:
    push(SC + 1, Max);
    break;
  case CmpInst::ICMP_SGE:
    push(SC, Max);
    break;
  case CmpInst::ICMP_ULT:
    addUnsigned(S, 0, UC - 1, Bits);
    break;
  case CmpInst::ICMP_ULE:
    addUnsigned(S, 0, UC, Bits);
    break;
  case CmpInst::ICMP_UGT:
    addUnsigned(S, UC + 1, UMax, Bits);
    break;
  case CmpInst::ICMP_UGE:
    addUnsigned(S, UC, UMax, Bits);
    break;
  default:
    push(Min, Max);
  }
  std::sort(S.begin(), S.end(), [](const Interval &A, const Interval &B) { return A.Lo < B.Lo; });
  return S;
}

IntervalSet ndisv::engine::complement(const IntervalSet &S, unsigned Bits) {
  auto [Min, Max] = fullRange(Bits);
  IntervalSet Out;
  __int128 Next = Min;
  for (const Interval &I : S) {
    if (I.Lo > Next)
      Out.push_back({Next, I.Lo - 1});
    Next = std::max(Next, I.Hi + 1);
  }
  if (Next <= Max)
    Out.push_back({Next, Max});
  return Out;
}

static bool pieceHasValue(const SymInfo &I, __int128 Lo, __int128 Hi) {
  if (Lo > Hi)
    return false;
  __int128 Count = Hi - Lo + 1, Holes = 0;
  for (int64_t E : I.Excluded)
    if (E >= Lo && E <= Hi)
      ++Holes;
  return Count > Holes;
}

bool ndisv::engine::feasible(const SymInfo &I, const IntervalSet &S) {
  for (const Interval &P : S)
    if (pieceHasValue(I, std::max<__int128>(P.Lo, I.Lo), std::min<__int128>(P.Hi, I.Hi)))
      return true;
  return false;
}

static constexpr size_t MaxExcluded = 32;

void ndisv::engine::constrain(SymInfo &I, const IntervalSet &S) {
  IntervalSet Pieces;
  for (const Interval &P : S) {
    __int128 Lo = std::max<__int128>(P.Lo, I.Lo), Hi = std::min<__int128>(P.Hi, I.Hi);
    if (Lo <= Hi)
      Pieces.push_back({Lo, Hi});
  }
  if (Pieces.empty())
    return; // infeasible: the caller checked feasible() first
  I.Lo = (int64_t)Pieces.front().Lo;
  I.Hi = (int64_t)Pieces.back().Hi;
  // A hole of one value between two pieces (x != c) is kept exactly, once,
  // and only a few: a loop that tests x != c on every turn would otherwise
  // grow the list (and every later test of x) without bound. Forgetting a
  // hole only lets x take one more value.
  for (size_t K = 1; K < Pieces.size(); ++K)
    if (Pieces[K].Lo == Pieces[K - 1].Hi + 2) {
      int64_t Hole = (int64_t)(Pieces[K - 1].Hi + 1);
      if (!llvm::is_contained(I.Excluded, Hole) && I.Excluded.size() < MaxExcluded)
        I.Excluded.push_back(Hole);
    }
  // Excluded points at the edges shrink the interval.
  bool Changed = true;
  while (Changed && I.Lo < I.Hi) {
    Changed = false;
    for (int64_t E : I.Excluded) {
      if (E == I.Lo) { ++I.Lo; Changed = true; }
      else if (E == I.Hi) { --I.Hi; Changed = true; }
    }
  }
  llvm::erase_if(I.Excluded, [&](int64_t E) { return E < I.Lo || E > I.Hi; });
}

//===- Constraints.h - Interval reasoning about symbols ---------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Status codes, NULL checks and flag tests compare one unknown against a
// constant, so an interval per symbol (plus a few excluded points for !=)
// decides almost every branch a driver takes. Comparisons between two
// unknowns are relations (Relations.h).
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_ENGINE_CONSTRAINTS_H
#define NDISV_LIB_ENGINE_CONSTRAINTS_H

#include "ndisv/Engine/State.h"
#include "llvm/ADT/SmallVector.h"
#include <utility>

namespace ndisv::engine {

struct Interval {
  __int128 Lo, Hi; // inclusive, in the signed domain of the symbol's width
};
using IntervalSet = llvm::SmallVector<Interval, 2>;

std::pair<int64_t, int64_t> fullRange(unsigned Bits);

/// The values v of width Bits (signed view) for which "v Pred C" holds, where
/// C is the raw constant of that width. Pred is an llvm::CmpInst::Predicate.
IntervalSet truthSet(unsigned Pred, uint64_t C, unsigned Bits);
IntervalSet complement(const IntervalSet &S, unsigned Bits);

/// Can the symbol take a value in S on this path?
bool feasible(const SymInfo &I, const IntervalSet &S);
/// Narrows the symbol to S (a superset when S is not one interval or a
/// range with one hole).
void constrain(SymInfo &I, const IntervalSet &S);

} // namespace ndisv::engine

#endif

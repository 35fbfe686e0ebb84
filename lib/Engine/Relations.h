//===- Relations.h - Comparisons between two unknowns -----------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Intervals (Constraints.h) decide a comparison of an unknown with a
// constant. A comparison of two unknowns (`i < Count`, `Status != Saved`,
// two pointers) is a relation the path remembers: each branch taken on one
// adds a fact. A later comparison over symbols some fact mentions is
// decided by Z3 over the facts connected to it and the symbols' intervals
// (bit-vectors of the symbols' widths, so wrap-around and signedness are
// exact); one over symbols no fact mentions is decided by their intervals
// alone, which is exact for independent unknowns. So the solver runs only
// where intervals lose, and a driver that never compares two unknowns never
// calls it.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_ENGINE_RELATIONS_H
#define NDISV_LIB_ENGINE_RELATIONS_H

#include "ndisv/Engine/State.h"
#include <vector>

namespace ndisv::engine {

/// "A Pred B" held (or, with Holds false, did not) on the path, both read
/// at width Bits. Pred is an llvm::CmpInst::Predicate.
struct Relation {
  SymId A = 0, B = 0;
  uint16_t Bits = 0;
  uint8_t Pred = 0;
  bool Holds = true;
  bool operator==(const Relation &O) const {
    return A == O.A && B == O.B && Bits == O.Bits && Pred == O.Pred && Holds == O.Holds;
  }
};

/// The path's relations, kept in an engine-owned State slot (copy on
/// write). It is not an observed slot: two paths that differ only in their
/// relations are joined, keeping the facts both hold (joinRelations).
struct RelationSet {
  std::vector<Relation> Facts;
  bool operator==(const RelationSet &O) const { return Facts == O.Facts; }
  size_t hash() const;
};

/// Can "A Pred B" (width Bits) come out Outcome on this path?
bool relationCanBe(const State &S, SymId A, SymId B, unsigned Bits, unsigned Pred, bool Outcome);
/// Records that it did (the caller checked relationCanBe), narrowing the
/// two intervals where the relation says so (A < B: A below B's maximum).
void assumeRelation(State &S, SymId A, SymId B, unsigned Bits, unsigned Pred, bool Outcome);
/// The path's facts (empty if none).
const std::vector<Relation> &relationsOf(const State &S);
/// After a join of B into A: A keeps only the facts B holds too (B's
/// symbols renamed by Rename). Dropping a fact only forgets, so the joined
/// path still covers both.
void joinRelations(State &A, const State &B, const llvm::DenseMap<SymId, SymId> &Rename);
/// Renames the symbols of S's facts (a path renumbered for a join).
void renameRelations(State &S, llvm::function_ref<SymId(SymId)> Map);
/// How many times the solver was asked, process-wide (for tests and stats).
uint64_t solverQueries();

} // namespace ndisv::engine

#endif

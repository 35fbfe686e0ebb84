//===- Correspond.h - Which objects of two paths are the same ----*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Objects are numbered in creation order, so two paths that made "the
// same" objects in a different order (one allocated its receive blocks
// before a failure, the other after) hold them under different numbers,
// and path joining, which compares object K with object K, keeps them
// apart. Before it gives up, a join pairs the two states' objects by how
// they are reached: it walks both states in parallel from their roots
// (unknown pointers both got from a common ancestor, globals, each frame's
// locals and registers, named slots, pending callbacks, observer data) and
// pairs the objects the same access path leads to when they have the same
// name and size, and the symbols (unknowns, allocation results) each path
// made after the fork that sit at the same place. The second state is then renumbered so that paired
// objects carry the first's numbers; objects left unpaired keep their
// numbers where the first does not use them for something else, or get
// fresh ones. The renumbered state is the same path (a bijection of
// object names), so joining it over-approximates both as before.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_ENGINE_CORRESPOND_H
#define NDISV_LIB_ENGINE_CORRESPOND_H

#include "ndisv/Engine/State.h"
#include <optional>
#include <vector>

namespace ndisv::engine {

/// ToA[b]: the number B's object b takes in A's numbering (0 for b = 0);
/// SymToA the same for symbols. Both injective; Identity when every object
/// and symbol keeps its number.
struct ObjectCorrespondence {
  std::vector<ObjId> ToA;
  std::vector<SymId> SymToA;
  bool Identity = true, SymIdentity = true;
  unsigned Paired = 0; // objects the walk paired
  /// An unpaired object of B had to leave its number to a different object
  /// of A: the same number stood for different objects on the two paths,
  /// which a join keeps apart (only a permutation of objects is joined).
  bool Clash = false;
};

/// Whether A and B could be joined at all whatever their objects' numbers
/// (same place, same globals, same pending callbacks): a renumbering is
/// worth computing only if this holds.
bool sameShapeForJoin(const State &A, const State &B);

ObjectCorrespondence correspondObjects(const State &A, const State &B);

/// B with its objects and symbols renumbered by C (numbers B leaves unused
/// below A's count hold A's symbols); nullopt if an observer slot cannot
/// have its values renamed (then the two stay apart).
std::optional<State> renumberObjects(const State &A, const State &B, const ObjectCorrespondence &C);

} // namespace ndisv::engine

#endif

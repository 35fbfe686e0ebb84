//===- Merge.cpp - Joining paths that agree on what observers follow --------===//
// SPDX-License-Identifier: Apache-2.0
//
// Independent branches multiply paths: a driver that reads five settings,
// each of which may be present or not, reaches the end of its init on 32
// paths that differ only in a few fields nothing watches. Two states that
// hold equal observer data (State::sameSlots) and stand at the same place
// are joined into one whose every behaviour includes both (KLEE-style state
// merging): a value the two disagree on becomes a fresh symbol over the hull
// of both ranges, a symbol both use keeps the hull of both ranges. The join
// over-approximates, so it can add a false alarm but never hide a defect;
// observer data must be equal, never joined. Objects the two paths made in
// a different order are matched by how they are reached and one path is
// renumbered first (Correspond.h). What cannot be joined soundly in this
// simple domain (different places or pending callbacks) keeps them apart.
//===----------------------------------------------------------------------===//
#include "Correspond.h"
#include "ExecutorImpl.h"
#include "Relations.h"
#include "llvm/ADT/Hashing.h"
#include <algorithm>

using namespace ndisv;
using namespace ndisv::engine;

namespace {
struct Range {
  int64_t Lo, Hi;
};

class Joiner {
public:
  /// Renumbered: B's objects were matched to A's by access path, so the
  /// join must keep what the match stands on (see Executor::Impl::join).
  Joiner(State &A, const State &B, bool Renumbered = false) : A(A), B(B), Renumbered(Renumbered) {}

  bool run() {
    return joinSyms() && sameShape() && joinObjects() && joinFrames() && joinRest();
  }

private:
  /// What must be identical for a join to make sense at all.
  bool sameShape() {
    if (A.ForcedOutcome >= 0 || B.ForcedOutcome >= 0 || A.Stack.size() != B.Stack.size() ||
        A.Globals != B.Globals || A.Deferred.size() != B.Deferred.size())
      return false;
    if (A.Slots.size() != B.Slots.size())
      return false;
    auto IB = B.Slots.begin();
    for (auto IA = A.Slots.begin(); IA != A.Slots.end(); ++IA, ++IB)
      if (IA->first != IB->first || !IA->second.sameAs(fromB(IB->second)))
        return false;
    for (size_t K = 0; K < A.Deferred.size(); ++K) {
      const DeferredCall &X = A.Deferred[K], &Y = B.Deferred[K];
      if (!X.Key.sameAs(fromB(Y.Key)) || !X.Fn.sameAs(fromB(Y.Fn)) || !X.Ctx.sameAs(fromB(Y.Ctx)) ||
          X.NArgs != Y.NArgs ||
          X.CtxPos != Y.CtxPos || X.KeyPos != Y.KeyPos || X.Due != Y.Due)
        return false;
    }
    return true;
  }

  /// A symbol both paths got from a common ancestor (same serial) keeps
  /// the hull of both ranges when it is bound to the same object and, if
  /// called, to the same function on both. Two symbols the paths made after
  /// they forked under the same number are joined the same way when both
  /// are plain unknowns of one width (one unknown standing for either) or
  /// pointers bound to the same object; otherwise (one read a 64-bit
  /// address, the other a 32-bit length) B's is renamed. B's extra symbols come along (nothing of A's refers to
  /// them).
  bool joinSyms() {
    size_t Common = std::min(A.Syms.size(), B.Syms.size());
    llvm::SmallVector<SymId, 4> Conflicts;
    for (size_t K = 0; K < Common; ++K) {
      if (A.Syms.sharesChunkWith(B.Syms, K)) { // untouched since a fork
        K |= A.Syms.chunkSize() - 1;
        continue;
      }
      const SymInfo &X = A.Syms[K], &Y = B.Syms[K];
      // Two symbols the paths made after they forked under one number are
      // one symbol for either when both are plain unknowns of one width or
      // pointers bound to the same object (or called as the same
      // function); otherwise B's is renamed.
      if (X.Serial == Y.Serial && (X.Bound != Y.Bound || X.Callee != Y.Callee))
        return false;
      if (X.Bound != Y.Bound || X.Callee != Y.Callee || X.Bits != Y.Bits) {
        Conflicts.push_back((SymId)K);
        continue;
      }
      if (X.Lo == Y.Lo && X.Hi == Y.Hi && X.Excluded == Y.Excluded)
        continue;
      SymInfo &M = A.mutableInfo((SymId)K);
      M.Lo = std::min(X.Lo, Y.Lo);
      M.Hi = std::max(X.Hi, Y.Hi);
      llvm::SmallVector<int64_t, 2> Both;
      for (int64_t E : M.Excluded)
        if (llvm::is_contained(Y.Excluded, E))
          Both.push_back(E);
      M.Excluded = std::move(Both);
    }
    for (size_t K = Common; K < B.Syms.size(); ++K)
      A.Syms.push_back(B.Syms[K]);
    for (SymId K : Conflicts) {
      A.Syms.push_back(B.Syms[K]);
      Rename[K] = (SymId)A.Syms.size() - 1;
    }
    // Observer data is compared, not joined: it must not name a symbol
    // whose number means one thing on A and another on B.
    return Rename.empty() || !B.slotsMention([&](SymId S) { return Rename.count(S) != 0; });
  }

  /// B's value with B's renamed symbols.
  SymValue fromB(const SymValue &Y) const {
    if (Rename.empty())
      return Y;
    if (Y.isSym()) {
      auto It = Rename.find(Y.sym());
      return It == Rename.end() ? Y : SymValue::symbol(It->second, Y.bits());
    }
    if (!Y.isAgg())
      return Y;
    std::vector<SymValue> Elems;
    for (const SymValue &E : Y.elements())
      Elems.push_back(fromB(E));
    return SymValue::aggregate(std::move(Elems));
  }
  llvm::DenseMap<SymId, SymId> Rename;

  std::optional<Range> rangeOf(const State &S, const SymValue &V) {
    if (V.isInt())
      return Range{V.sext(), V.sext()};
    if (V.isSym() && V.sym() < S.Syms.size()) {
      const SymInfo &I = S.Syms[V.sym()];
      if (!I.Bound)
        return Range{I.Lo, I.Hi};
    }
    return std::nullopt;
  }

  /// A value that stands for both X (on A) and Y (on B).
  std::optional<SymValue> joinValue(const SymValue &X, const SymValue &YofB) {
    SymValue Y = fromB(YofB);
    if (X.sameAs(Y) && X.bits() == Y.bits())
      return X;
    if (Renumbered && !(X.isSym() && Y.isSym() && !A.info(X.sym()).Bound &&
                        !B.info(YofB.sym()).Bound && !A.info(Y.sym()).Bound))
      return std::nullopt;
    if (X.isAgg() || Y.isAgg() || X.isFunc() || Y.isFunc())
      return std::nullopt;
    unsigned Bits = X.isPtr() || Y.isPtr() ? 64 : X.bits();
    if (!X.isPtr() && !Y.isPtr() && X.bits() != Y.bits())
      return std::nullopt;
    if (!Bits)
      return std::nullopt;
    SymId S = differing(Bits).sym();
    std::optional<Range> RX = rangeOf(A, X), RY = rangeOf(B, YofB);
    if (RX && RY) {
      SymInfo &I = A.mutableInfo(S);
      I.Lo = std::max(I.Lo, std::min(RX->Lo, RY->Lo));
      I.Hi = std::min(I.Hi, std::max(RX->Hi, RY->Hi));
    }
    return SymValue::symbol(S, Bits);
  }

  /// A fresh unknown for a value that differed between the joined paths.
  SymValue differing(unsigned Bits) {
    return SymValue::symbol(A.newSym(Bits, "a value that differed between joined paths"), Bits);
  }

  /// An unknown of C's size, for a cell only one path wrote; none for what
  /// one unknown cannot stand for (an aggregate, a function, no size).
  std::optional<MemObject::Cell> unknownLike(const MemObject::Cell &C) {
    if (C.V.isAgg() || C.V.isFunc() || !C.Size)
      return std::nullopt;
    return MemObject::Cell{differing(C.V.isPtr() ? 64 : C.V.bits()), C.Size};
  }

  bool joinObjects() {
    size_t Common = std::min(A.Objects.size(), B.Objects.size());
    for (size_t K = 1; K < Common; ++K) {
      if (A.Objects.sharesChunkWith(B.Objects, K)) { // untouched since a fork
        K |= A.Objects.chunkSize() - 1;
        continue;
      }
      const std::shared_ptr<MemObject> &X = A.Objects[K], &Y = B.Objects[K];
      if (X == Y)
        continue;
      if (!X || !Y) {
        // Dead on one path: a local of a frame that returned (only those
        // die). Nothing may use it there any more, so the other's stands.
        if (!X) {
          A.Objects.mut(K) = Y;
          renameCells((ObjId)K);
        }
        continue;
      }
      if (!joinObject((ObjId)K, *X, *Y) && (Renumbered || !widenObject((ObjId)K, *X, *Y)))
        return false;
    }
    for (size_t K = std::max<size_t>(Common, 1); K < B.Objects.size(); ++K) {
      if (A.Objects.size() == 0)
        A.Objects.push_back(nullptr);
      A.Objects.push_back(B.Objects[K]);
      renameCells((ObjId)A.Objects.size() - 1);
    }
    return true;
  }

  /// An object A took from B as it is: B's renamed symbols in it renamed.
  void renameCells(ObjId Id) {
    if (Rename.empty() || !A.object(Id))
      return;
    MemObject &O = A.mutableObject(Id);
    O.SizeValue = fromB(O.SizeValue);
    for (auto &[Off, C] : O.Cells)
      C.V = fromB(C.V);
  }

  /// Objects are numbered in creation order, so one number can stand for
  /// two different objects on two paths (one path allocated memory where
  /// the other acquired a handle, or a helper's local): objects of another
  /// name are not the same object and never joined as one.
  bool joinObject(ObjId Id, const MemObject &X, const MemObject &Y) {
    if (X.Name != Y.Name || X.Device != Y.Device || X.Size != Y.Size || X.DefaultZero != Y.DefaultZero || X.Alive != Y.Alive ||
        !X.SizeValue.sameAs(fromB(Y.SizeValue)) || X.Fills.size() != Y.Fills.size())
      return false;
    for (size_t K = 0; K < X.Fills.size(); ++K)
      if (!(X.Fills[K] == Y.Fills[K]))
        return false;
    std::map<uint64_t, MemObject::Cell> Out;
    auto IX = X.Cells.begin(), IY = Y.Cells.begin();
    while (IX != X.Cells.end() || IY != Y.Cells.end()) {
      bool TakeX = IY == Y.Cells.end() || (IX != X.Cells.end() && IX->first < IY->first);
      bool TakeY = IX == X.Cells.end() || (IY != Y.Cells.end() && IY->first < IX->first);
      MemObject::Cell C;
      uint64_t Off;
      if (!TakeX && !TakeY) { // both have a cell here
        if (IX->second.Size != IY->second.Size)
          return false;
        std::optional<SymValue> V = joinValue(IX->second.V, IY->second.V);
        if (!V)
          return false;
        Off = IX->first;
        C = {*V, IX->second.Size};
        ++IX, ++IY;
      } else {
        // One path wrote here, the other reads its default: anything.
        const MemObject::Cell &Only = TakeX ? IX->second : IY->second;
        Off = TakeX ? IX->first : IY->first;
        std::optional<MemObject::Cell> Unknown;
        if (Renumbered || !(Unknown = unknownLike(Only)))
          return false;
        C = *Unknown;
        (TakeX ? IX : IY)++;
      }
      if (!Out.empty() && Out.rbegin()->first + Out.rbegin()->second.Size > Off)
        return false; // the two layouts overlap differently
      Out.emplace(Off, std::move(C));
    }
    A.mutableObject(Id).Cells = std::move(Out);
    return true;
  }

  /// The same object (same name and size) whose layouts differ: cells of
  /// different sizes, different fills or zero defaults, values joinValue
  /// cannot join (an aggregate). Where the two agree the joined object keeps
  /// it; every other byte becomes unknown (an Unknown fill over it), which
  /// covers both paths: a loop's locals and buffer bytes no longer keep its
  /// paths apart. Observer data is equal on both paths already, and a value
  /// an observer follows that lived only in forgotten bytes is treated like
  /// any value joinValue widens (a release it cannot tie to a handle).
  bool widenObject(ObjId Id, const MemObject &X, const MemObject &Y) {
    if (X.Name != Y.Name || X.Device != Y.Device || X.Size != Y.Size || X.Alive != Y.Alive ||
        !X.SizeValue.sameAs(fromB(Y.SizeValue)))
      return false;
    MemObject::Fill Forget{0, 0, 0, /*Unknown=*/true};
    // Fills: the common prefix stands; every later fill of either path
    // makes its range unknown (a later fill overrides an earlier one).
    llvm::SmallVector<MemObject::Fill, 1> Fills;
    size_t Same = 0;
    while (Same < X.Fills.size() && Same < Y.Fills.size() && X.Fills[Same] == Y.Fills[Same])
      Fills.push_back(X.Fills[Same++]);
    for (const auto *Side : {&X.Fills, &Y.Fills})
      for (size_t K = Same; K < Side->size(); ++K) {
        Forget.Lo = (*Side)[K].Lo, Forget.Hi = (*Side)[K].Hi;
        Fills.push_back(Forget);
      }
    // Cells: one at the same offset and size on both, with joinable
    // values, is joined; one the other path has no cell overlapping becomes
    // an unknown of its size; the rest are forgotten.
    auto overlaps = [](const std::map<uint64_t, MemObject::Cell> &Cells, uint64_t Lo, uint64_t Hi) {
      auto It = Cells.lower_bound(Lo >= 64 ? Lo - 64 : 0);
      for (; It != Cells.end() && It->first < Hi; ++It)
        if (It->first + It->second.Size > Lo)
          return true;
      return false;
    };
    std::map<uint64_t, MemObject::Cell> Out;
    // A cell of one path: unknown where the other has nothing over it, else
    // its bytes are forgotten.
    auto unknownOrForget = [&](uint64_t Off, const MemObject::Cell &C,
                               const std::map<uint64_t, MemObject::Cell> &Other) {
      if (!overlaps(Other, Off, Off + C.Size))
        if (std::optional<MemObject::Cell> Unknown = unknownLike(C)) {
          Out.emplace(Off, *Unknown);
          return;
        }
      Forget.Lo = Off, Forget.Hi = Off + std::max(C.Size, 1u);
      Fills.push_back(Forget);
    };
    for (const auto &[Off, C] : X.Cells) {
      auto It = Y.Cells.find(Off);
      if (It != Y.Cells.end() && It->second.Size == C.Size)
        if (std::optional<SymValue> V = joinValue(C.V, It->second.V)) {
          Out.emplace(Off, MemObject::Cell{*V, C.Size});
          continue;
        }
      unknownOrForget(Off, C, Y.Cells);
    }
    for (const auto &[Off, C] : Y.Cells) {
      if (Out.count(Off) && Out[Off].Size == C.Size && X.Cells.count(Off))
        continue; // joined above
      unknownOrForget(Off, C, X.Cells);
    }
    // A cell kept over a forgotten range still reads as itself (cells come
    // before fills), so only bytes no kept cell covers are forgotten.
    MemObject &M = A.mutableObject(Id);
    M.Cells = std::move(Out);
    M.Fills = std::move(Fills);
    M.DefaultZero = X.DefaultZero && Y.DefaultZero;
    return true;
  }

  bool joinFrames() {
    for (size_t K = 0; K < A.Stack.size(); ++K) {
      Frame &X = A.Stack[K];
      const Frame &Y = B.Stack[K];
      bool Top = K + 1 == A.Stack.size(); // at a loop head: came from before or from the latch
      if (X.F != Y.F || X.BB != Y.BB || X.PC != Y.PC || X.CallSite != Y.CallSite ||
          (Top && X.Visits.lookup(X.BB) != Y.Visits.lookup(Y.BB)) ||
          (!Top && X.PrevBB != Y.PrevBB) || X.Allocas != Y.Allocas || X.Regs.size() != Y.Regs.size())
        return false;
      for (auto &[R, V] : X.Regs) {
        auto It = Y.Regs.find(R);
        if (It == Y.Regs.end())
          return false;
        std::optional<SymValue> J = joinValue(V, It->second);
        if (!J)
          return false;
        V = *J;
      }
      for (auto &[BB, N] : Y.Visits)
        X.Visits[BB] = std::max(X.Visits.lookup(BB), N);
      // The joined path reached new memory in this iteration if either did.
      for (auto &[BB, N] : Y.MaterializedAtHead) {
        auto It = X.MaterializedAtHead.try_emplace(BB, N).first;
        It->second = {std::min(It->second.first, N.first), std::min(It->second.second, N.second)};
      }
      // Calls that failed in an earlier iteration on both paths: the joined
      // path explores failing again where either still would.
      llvm::erase_if(X.FailedInLoop, [&](const llvm::CallBase *C) {
        return !llvm::is_contained(Y.FailedInLoop, C);
      });
    }
    return true;
  }

  bool joinRest() {
    // Memoised derived symbols stay only where both paths agree.
    llvm::SmallVector<uint64_t, 8> Drop;
    for (auto &[Key, Sym] : A.Derived)
      if (auto It = B.Derived.find(Key);
          It == B.Derived.end() || It->second != Sym || Rename.count(Sym))
        Drop.push_back(Key);
    for (uint64_t Key : Drop)
      A.Derived.erase(Key);
    joinRelations(A, B, Rename);
    A.Materialized = std::max(A.Materialized, B.Materialized);
    for (const std::string &U : B.UnknownCalls)
      if (!llvm::is_contained(A.UnknownCalls, U))
        A.UnknownCalls.push_back(U);
    return true;
  }

  State &A;
  const State &B;
  bool Renumbered;
};
} // namespace

static bool tryJoin(State &Into, const State &Other, bool Renumbered = false) {
  if (!Into.sameSlots(Other))
    return false;
  State Candidate = Into; // shares everything; only what differs is copied
  if (!Joiner(Candidate, Other, Renumbered).run())
    return false;
  Into = std::move(Candidate);
  return true;
}

bool Executor::Impl::join(State &Into, const State &Other) {
  // Cheap refusals first: no renumbering helps two paths that stand at
  // different places or differ in globals or pending callbacks.
  if (!sameShapeForJoin(Into, Other))
    return false;
  if (!tryJoin(Into, Other)) {
    // Maybe the same objects under other numbers (made in another order).
    // Paths that made the same objects made as many of them: a cheap test
    // before the walk.
    if (Into.Objects.size() != Other.Objects.size())
      return false;
    ObjectCorrespondence C = correspondObjects(Into, Other);
    if (C.Identity || C.Clash)
      return false;
    std::optional<State> Renumbered = renumberObjects(Into, Other, C);
    if (!Renumbered || !tryJoin(Into, *Renumbered, /*Renumbered=*/true))
      return false;
    ++E.Stats.RenumberedJoins;
  }
  ++E.Stats.MergedPaths;
  return true;
}

/// How far along a parked state is: per frame, the reverse post-order
/// position of its block (a caller's: the block of the call), then how many
/// times the innermost frame entered that block. A shallower stack that is
/// a prefix comes first.
static std::vector<unsigned> progress(Executor::Impl &X, const State &S) {
  std::vector<unsigned> P;
  for (const Frame &F : S.Stack)
    P.push_back(X.info(F.F).Order.lookup(F.BB));
  if (!S.Stack.empty())
    P.push_back(S.Stack.back().Visits.lookup(S.Stack.back().BB));
  return P;
}

/// Where a parked state stands, for grouping: every frame's function, call
/// site and block, and observer data.
static size_t placeHash(const State &S) {
  llvm::hash_code H = llvm::hash_value(S.Stack.size());
  for (const Frame &F : S.Stack)
    H = llvm::hash_combine(H, F.F, F.CallSite, F.BB);
  return llvm::hash_combine(H, S.slotsHash());
}

bool Executor::Impl::park(ParkingLot &Lot, std::unique_ptr<State> &S, Worklist &WL) {
  size_t H = placeHash(*S);
  std::vector<unsigned> Where = progress(*this, *S);
  // Join on arrival: a path that reaches a loop head where one with the
  // same observer data waits at the same iteration goes on as part of it,
  // so the lot holds one path per place and observer data.
  unsigned Tries = 0;
  for (size_t K = Lot.size(); K-- > 0 && Tries < 8;) {
    ParkedState &P = Lot[K];
    if (P.Hash != H || P.Progress != Where)
      continue;
    ++Tries;
    if (join(*P.S, *S)) {
      S.reset();
      return true;
    }
  }
  if (Lot.size() < MaxParked) {
    Lot.push_back({std::move(S), H, std::move(Where)});
    return true;
  }
  // Full: the path furthest along goes on now, depth first. The paths that
  // wait for the others are the ones behind (a failed init's cleanup loops
  // come after the loops of its success path), so they must not crowd out
  // those that can still meet.
  size_t Furthest = Lot.size();
  for (size_t K = 0; K < Lot.size(); ++K)
    if (Lot[K].Progress > Where &&
        (Furthest == Lot.size() || Lot[K].Progress > Lot[Furthest].Progress))
      Furthest = K;
  if (Furthest == Lot.size())
    return false;
  WL.push_back(std::move(Lot[Furthest].S));
  Lot[Furthest] = {std::move(S), H, std::move(Where)};
  ++E.Stats.ParkEvictions;
  return true;
}

// Releasing only the states least far along lets the others catch up: the
// paths that leave a loop after different numbers of iterations meet at the
// next loop head in the same round instead of one round apart.
Executor::Impl::Worklist Executor::Impl::releaseParked(ParkingLot &Lot) {
  const std::vector<unsigned> *Min = &Lot.front().Progress;
  for (const ParkedState &P : Lot)
    if (P.Progress < *Min)
      Min = &P.Progress;
  std::vector<unsigned> Least = *Min;
  Worklist Out;
  ParkingLot Kept;
  std::vector<size_t> Hashes;
  for (ParkedState &P : Lot) {
    if (P.Progress != Least) {
      Kept.push_back(std::move(P));
      continue;
    }
    bool Joined = false;
    unsigned Tries = 0;
    for (size_t K = Out.size(); K-- > 0 && Tries < 8;) {
      if (Hashes[K] != P.Hash)
        continue;
      ++Tries;
      if (join(*Out[K], *P.S)) {
        Joined = true;
        break;
      }
    }
    if (!Joined) {
      Out.push_back(std::move(P.S));
      Hashes.push_back(P.Hash);
    }
  }
  Lot = std::move(Kept);
  return Out;
}

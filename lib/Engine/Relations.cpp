//===- Relations.cpp - Comparisons between two unknowns ---------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "Relations.h"
#include "Constraints.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/IR/InstrTypes.h"
#include <atomic>
#include <optional>
#include <z3++.h>

using namespace ndisv;
using namespace ndisv::engine;
using llvm::CmpInst;

static const SlotKey<RelationSet> RelationsKey{/*Observed=*/false};
static std::atomic<uint64_t> Queries{0};

size_t RelationSet::hash() const {
  llvm::hash_code H = llvm::hash_value(Facts.size());
  for (const Relation &R : Facts)
    H = llvm::hash_combine(H, R.A, R.B, R.Bits, R.Pred, R.Holds);
  return H;
}

const std::vector<Relation> &ndisv::engine::relationsOf(const State &S) {
  static const std::vector<Relation> None;
  const RelationSet *R = S.get(RelationsKey);
  return R ? R->Facts : None;
}

void ndisv::engine::joinRelations(State &A, const State &B,
                                  const llvm::DenseMap<SymId, SymId> &Rename) {
  const RelationSet *Mine = A.get(RelationsKey), *Theirs = B.get(RelationsKey);
  if (!Mine || Mine->Facts.empty() || Mine == Theirs)
    return;
  auto renamed = [&](SymId S) {
    auto It = Rename.find(S);
    return It == Rename.end() ? S : It->second;
  };
  std::vector<Relation> Both;
  for (const Relation &R : Mine->Facts)
    if (Theirs && llvm::any_of(Theirs->Facts, [&](const Relation &T) {
          Relation U = T;
          U.A = renamed(T.A), U.B = renamed(T.B);
          return U == R;
        }))
      Both.push_back(R);
  if (Both.size() != Mine->Facts.size())
    A.mutate(RelationsKey).Facts = std::move(Both);
}

void ndisv::engine::renameRelations(State &S, llvm::function_ref<SymId(SymId)> Map) {
  const RelationSet *R = S.get(RelationsKey);
  if (!R || R->Facts.empty())
    return;
  for (Relation &F : S.mutate(RelationsKey).Facts)
    F.A = Map(F.A), F.B = Map(F.B);
}

uint64_t ndisv::engine::solverQueries() { return Queries; }

static bool isUnsigned(unsigned Pred) {
  return Pred == CmpInst::ICMP_ULT || Pred == CmpInst::ICMP_ULE || Pred == CmpInst::ICMP_UGT ||
         Pred == CmpInst::ICMP_UGE;
}

/// The smallest and largest unsigned values of a symbol's signed interval
/// (a range across zero holds 0 and the top of the unsigned range).
static std::pair<__int128, __int128> unsignedBounds(const SymInfo &I) {
  __int128 Mod = (__int128)1 << (I.Bits >= 64 ? 64 : I.Bits);
  if (I.Bits <= 1 || I.Lo >= 0)
    return {I.Lo, I.Hi};
  if (I.Hi < 0)
    return {I.Lo + Mod, I.Hi + Mod};
  return {0, Mod - 1};
}

/// Whether "a Pred b" can hold for some a in A's interval and b in B's
/// (both of the comparison's width). Exact for two independent unknowns,
/// but for the few points excluded from their intervals.
static std::optional<bool> intervalsAllow(const SymInfo &A, const SymInfo &B, unsigned Pred) {
  __int128 ALo = A.Lo, AHi = A.Hi, BLo = B.Lo, BHi = B.Hi;
  if (isUnsigned(Pred)) {
    std::tie(ALo, AHi) = unsignedBounds(A);
    std::tie(BLo, BHi) = unsignedBounds(B);
  }
  switch (Pred) {
  case CmpInst::ICMP_EQ:
    return std::max(ALo, BLo) <= std::min(AHi, BHi);
  case CmpInst::ICMP_NE:
    return !(ALo == AHi && BLo == BHi && ALo == BLo);
  case CmpInst::ICMP_SLT: case CmpInst::ICMP_ULT:
    return ALo < BHi;
  case CmpInst::ICMP_SLE: case CmpInst::ICMP_ULE:
    return ALo <= BHi;
  case CmpInst::ICMP_SGT: case CmpInst::ICMP_UGT:
    return AHi > BLo;
  case CmpInst::ICMP_SGE: case CmpInst::ICMP_UGE:
    return AHi >= BLo;
  default:
    return std::nullopt;
  }
}

namespace {
/// One solver query over the facts connected to the symbols asked about.
class Query {
public:
  explicit Query(const State &S) : S(S), Ctx(context()), Solver(solver()) { Solver.push(); }
  ~Query() { Solver.pop(); }

  /// "A Pred B" at width Bits, or its negation.
  z3::expr relation(SymId A, SymId B, unsigned Bits, unsigned Pred, bool Holds) {
    z3::expr X = view(A, Bits), Y = view(B, Bits);
    z3::expr E = Ctx.bool_val(true);
    switch (Pred) {
    case CmpInst::ICMP_EQ: E = X == Y; break;
    case CmpInst::ICMP_NE: E = X != Y; break;
    case CmpInst::ICMP_SLT: E = z3::slt(X, Y); break;
    case CmpInst::ICMP_SLE: E = z3::sle(X, Y); break;
    case CmpInst::ICMP_SGT: E = z3::sgt(X, Y); break;
    case CmpInst::ICMP_SGE: E = z3::sge(X, Y); break;
    case CmpInst::ICMP_ULT: E = z3::ult(X, Y); break;
    case CmpInst::ICMP_ULE: E = z3::ule(X, Y); break;
    case CmpInst::ICMP_UGT: E = z3::ugt(X, Y); break;
    case CmpInst::ICMP_UGE: E = z3::uge(X, Y); break;
    default: break;
    }
    return Holds ? E : !E;
  }

  /// Adds every fact connected to A or B (through shared symbols).
  void addConnectedFacts(SymId A, SymId B) {
    const std::vector<Relation> &Facts = relationsOf(S);
    llvm::SmallSet<SymId, 8> Syms;
    Syms.insert(A);
    Syms.insert(B);
    std::vector<bool> Used(Facts.size());
    for (bool Grew = true; Grew;) {
      Grew = false;
      for (size_t K = 0; K < Facts.size(); ++K)
        if (!Used[K] && (Syms.count(Facts[K].A) || Syms.count(Facts[K].B))) {
          Used[K] = Grew = true;
          Syms.insert(Facts[K].A);
          Syms.insert(Facts[K].B);
          Solver.add(relation(Facts[K].A, Facts[K].B, Facts[K].Bits, Facts[K].Pred, Facts[K].Holds));
        }
    }
  }

  bool satisfiable(const z3::expr &E) {
    ++Queries;
    Solver.add(E);
    return Solver.check() != z3::unsat;
  }

private:
  static z3::context &context() {
    thread_local z3::context C;
    return C;
  }
  /// One solver per thread, for every query (push/pop): making a solver
  /// costs more than the small queries paths ask.
  static z3::solver &solver() {
    thread_local z3::solver Sv = [] {
      z3::solver New(context(), z3::solver::simple());
      z3::params P(context());
      P.set("timeout", 2000u); // an answer of "unknown" counts as feasible
      New.set(P);
      return New;
    }();
    return Sv;
  }

  /// The symbol as a bit-vector of its own width, constrained to its
  /// interval the first time it is seen.
  z3::expr var(SymId Id) {
    const SymInfo &I = S.info(Id);
    z3::expr V = Ctx.bv_const(("s" + std::to_string(Id)).c_str(), I.Bits);
    if (Seen.insert(Id).second) {
      auto [Min, Max] = fullRange(I.Bits);
      if (I.Bits == 1) { // booleans read 0/1 in the intervals too
        Solver.add(z3::ule(V, Ctx.bv_val((uint64_t)I.Hi, 1)) &&
                   z3::uge(V, Ctx.bv_val((uint64_t)I.Lo, 1)));
      } else {
        if (I.Lo > Min)
          Solver.add(z3::sge(V, Ctx.bv_val((int64_t)I.Lo, I.Bits)));
        if (I.Hi < Max)
          Solver.add(z3::sle(V, Ctx.bv_val((int64_t)I.Hi, I.Bits)));
        for (int64_t E : I.Excluded)
          Solver.add(V != Ctx.bv_val(E, I.Bits));
      }
    }
    return V;
  }

  /// The symbol read at width Bits: a widened symbol kept its value (sign
  /// extension, or zero extension of a boolean or a non-negative range);
  /// a narrowed one fitted.
  z3::expr view(SymId Id, unsigned Bits) {
    z3::expr V = var(Id);
    unsigned Own = S.info(Id).Bits;
    if (Bits > Own)
      return Own == 1 ? z3::zext(V, Bits - Own) : z3::sext(V, Bits - Own);
    if (Bits < Own)
      return V.extract(Bits - 1, 0);
    return V;
  }

  const State &S;
  z3::context &Ctx;
  z3::solver &Solver;
  llvm::SmallSet<SymId, 8> Seen;
};
} // namespace

/// Whether some chain of facts links A to B. If none does, what the facts
/// say about each is already in its interval (assumeRelation narrows it),
/// so the intervals decide, erring towards feasible.
static bool linked(const std::vector<Relation> &Facts, SymId A, SymId B) {
  llvm::SmallSet<SymId, 8> Reached;
  Reached.insert(A);
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (const Relation &R : Facts) {
      bool HasA = Reached.count(R.A), HasB = Reached.count(R.B);
      if (HasA != HasB) {
        Reached.insert(HasA ? R.B : R.A);
        Grew = true;
      }
    }
    if (Reached.count(B))
      return true;
  }
  return false;
}

bool ndisv::engine::relationCanBe(const State &S, SymId A, SymId B, unsigned Bits, unsigned Pred,
                                  bool Outcome) {
  if (A == B)
    return CmpInst::isTrueWhenEqual((CmpInst::Predicate)Pred) == Outcome;
  const std::vector<Relation> &Facts = relationsOf(S);
  unsigned Asked = Outcome ? Pred : (unsigned)CmpInst::getInversePredicate((CmpInst::Predicate)Pred);
  std::optional<bool> ByIntervals;
  if (S.info(A).Bits == Bits && S.info(B).Bits == Bits)
    ByIntervals = intervalsAllow(S.info(A), S.info(B), Asked);
  if (ByIntervals && !*ByIntervals)
    return false; // the facts can only narrow further
  if (ByIntervals && !linked(Facts, A, B))
    return true; // unrelated unknowns: their intervals decide
  // The same comparison decided before on this path (as asked, swapped or
  // inverted) answers without the solver: a loop's exit test tested again.
  for (const Relation &R : Facts) {
    unsigned RP = R.Holds ? R.Pred : (unsigned)CmpInst::getInversePredicate((CmpInst::Predicate)R.Pred);
    if (R.Bits != Bits)
      continue;
    if (R.A == B && R.B == A)
      RP = (unsigned)CmpInst::getSwappedPredicate((CmpInst::Predicate)RP);
    else if (R.A != A || R.B != B)
      continue;
    if (RP == Asked)
      return true;
    if (RP == (unsigned)CmpInst::getInversePredicate((CmpInst::Predicate)Asked))
      return false;
  }
  try {
    Query Q(S);
    Q.addConnectedFacts(A, B);
    return Q.satisfiable(Q.relation(A, B, Bits, Pred, Outcome));
  } catch (const z3::exception &) {
    return true; // the solver could not tell: both ways stay possible
  }
}

/// Narrows X to [Lo, Hi] (signed, its own width) if that is narrower.
static void narrow(State &S, SymId X, __int128 Lo, __int128 Hi) {
  const SymInfo &I = S.info(X);
  if (Lo <= I.Lo && Hi >= I.Hi)
    return;
  if (std::max<__int128>(Lo, I.Lo) > std::min<__int128>(Hi, I.Hi))
    return; // would be empty: the solver, not the intervals, knows better
  constrain(S.mutableInfo(X), IntervalSet{{Lo, Hi}});
}

void ndisv::engine::assumeRelation(State &S, SymId A, SymId B, unsigned Bits, unsigned Pred,
                                   bool Outcome) {
  if (A == B)
    return;
  Relation R;
  R.A = A;
  R.B = B;
  R.Bits = (uint16_t)Bits;
  R.Pred = (uint8_t)Pred;
  R.Holds = Outcome;
  RelationSet &Set = S.mutate(RelationsKey);
  if (llvm::is_contained(Set.Facts, R))
    return;
  Set.Facts.push_back(R);
  // What the relation says about each interval, where orders agree (same
  // width, signed, or unsigned over non-negative ranges).
  const SymInfo &IA = S.info(A), &IB = S.info(B);
  if (IA.Bits != Bits || IB.Bits != Bits || Bits < 2)
    return;
  unsigned P = Outcome ? Pred : (unsigned)CmpInst::getInversePredicate((CmpInst::Predicate)Pred);
  if (isUnsigned(P) && (IA.Lo < 0 || IB.Lo < 0))
    return;
  __int128 ALo = IA.Lo, AHi = IA.Hi, BLo = IB.Lo, BHi = IB.Hi;
  switch (P) {
  case CmpInst::ICMP_EQ:
    narrow(S, A, BLo, BHi);
    narrow(S, B, ALo, AHi);
    break;
  case CmpInst::ICMP_SLT: case CmpInst::ICMP_ULT:
    narrow(S, A, ALo, BHi - 1);
    narrow(S, B, ALo + 1, BHi);
    break;
  case CmpInst::ICMP_SLE: case CmpInst::ICMP_ULE:
    narrow(S, A, ALo, BHi);
    narrow(S, B, ALo, BHi);
    break;
  case CmpInst::ICMP_SGT: case CmpInst::ICMP_UGT:
    narrow(S, A, BLo + 1, AHi);
    narrow(S, B, BLo, AHi - 1);
    break;
  case CmpInst::ICMP_SGE: case CmpInst::ICMP_UGE:
    narrow(S, A, BLo, AHi);
    narrow(S, B, BLo, AHi);
    break;
  default:
    break;
  }
}

//===- RuleEval.cpp - Evaluation of rule expressions ----------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Rule expressions are evaluated with C semantics on int64_t, with one twist:
// $return and $N may be unknown on a path, and unknown propagates, except
// where logic already decides the result (0 && x, 1 || x). Arithmetic wraps
// (two's complement) instead of being undefined on overflow.
//===----------------------------------------------------------------------===//

#include "ndisv/Rules/Rule.h"

using namespace ndisv::rules;

namespace {
EvalResult known(int64_t V) { return {true, V}; }
EvalResult unknown() { return {false, 0}; }
} // namespace

EvalResult ndisv::rules::evaluate(const Expr &E, const EvalContext &Ctx) {
  switch (E.K) {
  case Expr::Kind::Int:
    return known(E.Value);
  case Expr::Kind::Var:
    if (!Ctx.State || Ctx.Base + E.Var >= Ctx.State->size())
      return unknown();
    return known((*Ctx.State)[Ctx.Base + E.Var]);
  case Expr::Kind::Return:
    return Ctx.HasReturn ? known(Ctx.Return) : unknown();
  case Expr::Kind::Arg: {
    if (E.Value < 1 || uint64_t(E.Value) > Ctx.Args.size())
      return unknown();
    const auto &A = Ctx.Args[E.Value - 1];
    return A.first ? known(A.second) : unknown();
  }
  case Expr::Kind::Read: {
    std::optional<int64_t> V = Ctx.Read ? Ctx.Read(E) : std::nullopt;
    return V ? known(*V) : unknown();
  }
  case Expr::Kind::Count:
    return Ctx.Count ? known(Ctx.Count(E.Var)) : unknown();
  case Expr::Kind::Holds: {
    std::optional<int64_t> V = Ctx.Holds ? Ctx.Holds(E) : std::nullopt;
    return V ? known(*V) : unknown();
  }
  case Expr::Kind::Irql:
  case Expr::Kind::IrqlMax:
  case Expr::Kind::IrqlMin: {
    std::optional<int64_t> V = Ctx.Irql ? Ctx.Irql(E.K) : std::nullopt;
    return V ? known(*V) : unknown();
  }
  case Expr::Kind::Unary: {
    EvalResult V = evaluate(*E.LHS, Ctx);
    if (!V.Known)
      return V;
    if (E.Op == "!")
      return known(V.Value == 0);
    return known(int64_t(0 - uint64_t(V.Value)));
  }
  case Expr::Kind::Binary:
    break;
  }

  EvalResult L = evaluate(*E.LHS, Ctx);
  // Logic: a known deciding operand on either side settles the result
  // (Kleene three-valued logic; expressions have no side effects).
  if (E.Op == "&&" || E.Op == "||") {
    bool IsAnd = E.Op == "&&";
    if (L.Known && (L.Value != 0) != IsAnd)
      return known(IsAnd ? 0 : 1);
    EvalResult R = evaluate(*E.RHS, Ctx);
    if (R.Known && (R.Value != 0) != IsAnd)
      return known(IsAnd ? 0 : 1);
    if (!L.Known || !R.Known)
      return unknown();
    return known(IsAnd ? 1 : 0);
  }
  EvalResult R = evaluate(*E.RHS, Ctx);
  if (!L.Known || !R.Known)
    return unknown();
  int64_t A = L.Value, B = R.Value;
  uint64_t UA = uint64_t(A), UB = uint64_t(B);
  const std::string &Op = E.Op;
  if (Op == "==")
    return known(A == B);
  if (Op == "!=")
    return known(A != B);
  if (Op == "<")
    return known(A < B);
  if (Op == "<=")
    return known(A <= B);
  if (Op == ">")
    return known(A > B);
  if (Op == ">=")
    return known(A >= B);
  if (Op == "+")
    return known(int64_t(UA + UB));
  if (Op == "-")
    return known(int64_t(UA - UB));
  if (Op == "*")
    return known(int64_t(UA * UB));
  return unknown(); // not produced by the parser
}

bool ndisv::rules::canAbort(const Stmt &St) {
  if (St.K == Stmt::Kind::Abort)
    return true;
  if (St.K == Stmt::Kind::If || St.K == Stmt::Kind::ForEach)
    return canAbort(*St.Then) || (St.Else && canAbort(*St.Else));
  for (const auto &Sub : St.Body)
    if (canAbort(*Sub))
      return true;
  return false;
}

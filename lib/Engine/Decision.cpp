//===- Decision.cpp - The branch that decided how a function left -----------===//
// SPDX-License-Identifier: Apache-2.0
//
// A fork's branch is in the trace already ("Assuming ..."), but a branch the
// path's own values decided is not: after "X fails", `if (Status != 0) goto
// Out;` is taken without a fork, and that `if` is what a reader looks for,
// the one that skipped the cleanup. Each frame remembers its last
// conditional branch (cheaply: the instruction and the compared values);
// when the function the run started in returns, that branch becomes a trace
// step with its condition and the value that decided it.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"
#include "ndisv/Engine/Describe.h"
#include "llvm/Support/Format.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

namespace {

const char *opText(CmpInst::Predicate P) {
  switch (P) {
  case CmpInst::ICMP_EQ: return "==";
  case CmpInst::ICMP_NE: return "!=";
  case CmpInst::ICMP_SLT: case CmpInst::ICMP_ULT: return "<";
  case CmpInst::ICMP_SLE: case CmpInst::ICMP_ULE: return "<=";
  case CmpInst::ICMP_SGT: case CmpInst::ICMP_UGT: return ">";
  case CmpInst::ICMP_SGE: case CmpInst::ICMP_UGE: return ">=";
  default: return "?";
  }
}

/// Status codes read best in hex (0xC0000001), counts and flags in decimal.
std::string intText(const SymValue &V) {
  int64_t S = V.sext();
  if (S >= -4096 && S < 65536)
    return std::to_string(S);
  uint64_t U = V.bits() <= 32 ? (uint64_t)(uint32_t)S : (uint64_t)S;
  std::string Out;
  raw_string_ostream OS(Out);
  OS << format_hex(U, 2, /*Upper=*/true);
  return Out;
}

} // namespace

void Executor::Impl::recordDecision(State &S, const BranchInst &Br, bool Taken, bool Noted) {
  Frame &Fr = S.Stack.back();
  if (isa<Constant>(Br.getCondition()))
    return;
  // A loop's own test (its header or latch) repeats every iteration and
  // rarely explains an exit; a `break` in the body is kept.
  if (Loop *L = loops(Fr.F).getLoopFor(Br.getParent());
      L && (L->getHeader() == Br.getParent() || L->isLoopLatch(Br.getParent())))
    return;
  Frame::Decision &D = Fr.Last;
  D.At = &Br;
  D.Taken = Taken;
  D.Forked = Noted;
  D.Iteration = Fr.LoopIter;
  D.Lhs = D.Rhs = SymValue();
  if (Noted)
    return; // the trace has it; only its place matters (it is the last)
  if (auto *Cmp = dyn_cast<ICmpInst>(Br.getCondition())) {
    D.Lhs = S.resolve(eval(S, Cmp->getOperand(0)));
    D.Rhs = S.resolve(eval(S, Cmp->getOperand(1)));
  }
}

void Executor::Impl::noteDecisiveBranch(State &S) {
  Frame &Fr = S.Stack.back();
  const Frame::Decision &D = Fr.Last;
  if (!D.At || D.Forked || !D.At->getDebugLoc())
    return;
  std::string Cond = "the condition", Value;
  if (auto *Cmp = dyn_cast<ICmpInst>(cast<BranchInst>(D.At)->getCondition())) {
    std::string Name;
    if (auto *L = dyn_cast<LoadInst>(Cmp->getOperand(0)->stripPointerCasts()))
      Name = describeLocation(S, L->getPointerOperand()).Text;
    if (Name.empty())
      Name = describeValue(S, D.Lhs);
    std::string Rhs = D.Rhs.isNull() && Cmp->getOperand(0)->getType()->isPointerTy() ? "NULL"
                      : D.Rhs.isInt()                                              ? intText(D.Rhs)
                                                                                   : describeValue(S, D.Rhs);
    if (!Name.empty() && !Rhs.empty()) {
      Cond = "'" + Name + " " + opText(Cmp->getPredicate()) + " " + Rhs + "'";
      if (D.Lhs.isNull() && Cmp->getOperand(0)->getType()->isPointerTy())
        Value = " (" + Name + " is NULL)";
      else if (D.Lhs.isInt())
        Value = " (" + Name + " = " + intText(D.Lhs) + ")";
      else if (std::string Origin = describeValue(S, D.Lhs); !Origin.empty() && Origin != Name)
        Value = " (" + Name + " holds " + Origin + ")";
    }
  }
  std::string Msg = "Taking the " + std::string(D.Taken ? "true" : "false") + " branch of " +
                    Cond + Value + ", which leads to this exit";
  unsigned Saved = Fr.LoopIter;
  Fr.LoopIter = D.Iteration;
  S.addTrace(TraceStep::Kind::Branch, D.At->getDebugLoc().get(), Msg);
  Fr.LoopIter = Saved;
}

//===- Decision.cpp - The branch that decided how a function left -----------===//
// SPDX-License-Identifier: Apache-2.0
//
// A fork's branch is in the trace already ("Assuming ..."), but a branch the
// path's own values decided is not: after "X fails", `if (Status != 0) goto
// Out;` is taken without a fork, and that `if` is what a reader looks for,
// the one that skipped the cleanup. Each frame remembers its last
// conditional branch or switch (cheaply: the instruction and the compared
// values) and the first unconditional branches after it; when the function
// the run started in returns, that branch becomes a trace step with its
// condition and the value that decided it, and the jumps become steps the
// report keeps where the source there is a `goto` or `break`.
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
  D.Case = -1;
  D.NumJumps = 0;
  D.Lhs = D.Rhs = SymValue();
  if (Noted)
    return; // the trace has it; only its place matters (it is the last)
  if (auto *Cmp = dyn_cast<ICmpInst>(Br.getCondition())) {
    D.Lhs = S.resolve(eval(S, Cmp->getOperand(0)));
    D.Rhs = S.resolve(eval(S, Cmp->getOperand(1)));
  }
}

void Executor::Impl::recordSwitch(State &S, const SwitchInst &Sw, int Case, const SymValue &Value,
                                  bool Noted) {
  Frame::Decision &D = S.Stack.back().Last;
  D.At = &Sw;
  D.Taken = true;
  D.Forked = Noted;
  D.Case = Case;
  D.Iteration = S.Stack.back().LoopIter;
  D.Lhs = Value;
  D.Rhs = SymValue();
  D.NumJumps = 0;
}

void Executor::Impl::recordJump(State &S, const BranchInst &Br) {
  Frame::Decision &D = S.Stack.back().Last;
  if (!D.At || D.NumJumps == Frame::Decision::MaxJumps || !Br.getDebugLoc())
    return;
  D.Jumps[D.NumJumps++] = &Br;
}

namespace {

/// describeValue's "'Flags'" without its quotes.
std::string unquoted(std::string Text) {
  if (Text.size() >= 2 && Text.front() == '\'' && Text.back() == '\'')
    return Text.substr(1, Text.size() - 2);
  return Text;
}

/// The name a reader knows an operand by: the argument or the variable or
/// field it was loaded from, else what the value is (unquoted: the caller
/// quotes the whole condition).
std::string operandName(State &S, const Value *Op, const SymValue &V) {
  std::string Name;
  if (auto *A = dyn_cast<Argument>(Op->stripPointerCasts()))
    Name = argumentName(*A);
  else if (auto *L = dyn_cast<LoadInst>(Op->stripPointerCasts()))
    Name = describeLocation(S, L->getPointerOperand()).Text;
  if (Name.empty())
    Name = unquoted(describeValue(S, V));
  return Name;
}

/// The line a jump lands on: the first located instruction of its target.
unsigned targetLine(const BranchInst &Br) {
  for (const Instruction &I : *Br.getSuccessor(0))
    if (const DebugLoc &L = I.getDebugLoc(); L && L.getLine())
      return L.getLine();
  return 0;
}

} // namespace

/// "Taking the false branch of 'Status != 0' (Status = 0xC0000001)" or
/// "Taking case 3 of the switch on 'State' (State = 3)": the decision the
/// path's values made; empty if nothing can be said of it.
static std::string decisionText(State &S, const Frame::Decision &D) {
  if (auto *Sw = dyn_cast<SwitchInst>(D.At)) {
    std::string Name = operandName(S, Sw->getCondition(), D.Lhs);
    std::string Value = D.Lhs.isInt() ? intText(D.Lhs) : "";
    std::string Which = "the default";
    if (D.Case >= 0) {
      const ConstantInt *C = (Sw->case_begin() + D.Case)->getCaseValue();
      Which = "case " + intText(SymValue::integer(C->getZExtValue(), C->getBitWidth()));
    }
    std::string Out = "Taking " + Which + " of the switch";
    if (!Name.empty())
      Out += " on '" + Name + "'";
    if (!Name.empty() && !Value.empty())
      Out += " (" + Name + " = " + Value + ")";
    return Out;
  }
  std::string Cond = "the condition", Value;
  if (auto *Cmp = dyn_cast<ICmpInst>(cast<BranchInst>(D.At)->getCondition())) {
    std::string Name = operandName(S, Cmp->getOperand(0), D.Lhs);
    std::string Rhs = D.Rhs.isNull() && Cmp->getOperand(0)->getType()->isPointerTy() ? "NULL"
                      : D.Rhs.isInt()                                              ? intText(D.Rhs)
                                                                                   : describeValue(S, D.Rhs);
    if (!Name.empty() && !Rhs.empty()) {
      Cond = "'" + Name + " " + opText(Cmp->getPredicate()) + " " + Rhs + "'";
      if (D.Lhs.isNull() && Cmp->getOperand(0)->getType()->isPointerTy())
        Value = " (" + Name + " is NULL)";
      else if (D.Lhs.isInt())
        Value = " (" + Name + " = " + intText(D.Lhs) + ")";
      else if (std::string Origin = describeValue(S, D.Lhs);
               !Origin.empty() && Origin != Name && unquoted(Origin) != Name)
        Value = " (" + Name + " holds " + Origin + ")";
    }
  }
  return "Taking the " + std::string(D.Taken ? "true" : "false") + " branch of " + Cond + Value;
}

void Executor::Impl::noteDecisiveBranch(State &S) {
  Frame &Fr = S.Stack.back();
  const Frame::Decision &D = Fr.Last;
  if (!D.At)
    return;
  unsigned Saved = Fr.LoopIter;
  Fr.LoopIter = D.Iteration;
  if (!D.Forked && D.At->getDebugLoc())
    S.addTrace(TraceStep::Kind::Branch, D.At->getDebugLoc().get(),
               decisionText(S, D) + ", which leads to this exit");
  // The jumps that followed it: a `goto Out` or `break` is what skipped the
  // code in between. The engine cannot tell them from the branches that
  // close an `if` or a loop body; the report reads the statement at each
  // step's place and keeps only the goto and break steps (nameJumps).
  for (unsigned K = 0; K < D.NumJumps; ++K) {
    auto *Br = cast<BranchInst>(D.Jumps[K]);
    unsigned To = targetLine(*Br);
    if (To && To != Br->getDebugLoc().getLine())
      S.addTrace(TraceStep::Kind::Branch, Br->getDebugLoc().get(),
                 "Jumping to line " + std::to_string(To));
  }
  Fr.LoopIter = Saved;
}

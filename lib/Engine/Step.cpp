//===- Step.cpp - One instruction of one path -------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/GetElementPtrTypeIterator.h"
#include "llvm/IR/Operator.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

namespace {
/// Decides a boolean for the instruction at the state's PC, forking when
/// both ways are feasible. Returns false when the state must stop.
class Decider {
public:
  Decider(Executor::Impl &X, State &S, Executor::Impl::Worklist &WL) : X(X), S(S), WL(WL) {}

  /// Whether the last decide() put the branch in the trace or forked there.
  bool Noted = false;
  /// Whether the path's values alone decided it (no fork, no assumption).
  bool Known = false;

  bool decide(const BoolResult &R, const Instruction &At, bool &Outcome) {
    Noted = false;
    Known = false;
    if (S.ForcedOutcome >= 0) {
      Noted = true;
      Outcome = S.ForcedOutcome != 0;
      S.ForcedOutcome = -1;
      note(At, R, Outcome); // before the assumption makes the operand a constant
      if (R.K == BoolResult::Kind::OnSymbol)
        X.assume(S, R.Cond, Outcome);
      return true;
    }
    if (R.K == BoolResult::Kind::Known) {
      Outcome = R.Value;
      Known = true;
      return true;
    }
    bool CanT = true, CanF = true;
    if (R.K == BoolResult::Kind::OnSymbol) {
      CanT = X.canBe(S, R.Cond, true);
      CanF = X.canBe(S, R.Cond, false);
    }
    if (!CanT && !CanF) {
      X.sink(S, "infeasible");
      return false;
    }
    if (CanT != CanF) {
      Outcome = CanT;
      X.assume(S, R.Cond, Outcome);
      return true;
    }
    int Prefer = loopExit(At);
    if (Prefer >= 0) {
      Noted = true;
      X.countBoundedLoop(S);
      Outcome = Prefer != 0;
      if (R.K == BoolResult::Kind::OnSymbol)
        X.assume(S, R.Cond, Outcome);
      S.addTrace(TraceStep::Kind::Branch, At.getDebugLoc().get(),
                 "Leaving the loop after " + std::to_string(X.B.LoopUnroll) +
                     " iterations (unrolling bound)");
      return true;
    }
    auto Other = X.clone(S);
    Other->ForcedOutcome = 0;
    WL.push_back(std::move(Other));
    Noted = true;
    Outcome = true;
    note(At, R, true); // before the assumption: 'Flags' == 3, not 3 == 3
    if (R.K == BoolResult::Kind::OnSymbol)
      X.assume(S, R.Cond, true);
    return true;
  }

  /// At the unrolling bound, the way out of the loop (0/1) or -1.
  int loopExit(const Instruction &At) {
    Frame &Fr = S.Stack.back();
    Loop *L = X.loops(Fr.F).getLoopFor(At.getParent());
    if (!L || Fr.Visits.lookup(L->getHeader()) < X.B.LoopUnroll)
      return -1;
    const BranchInst *Br = dyn_cast<BranchInst>(&At);
    if (!Br)
      for (const User *U : At.users())
        if (auto *B = dyn_cast<BranchInst>(U); B && B->isConditional() && B->getParent() == At.getParent())
          Br = B;
    if (!Br || !Br->isConditional())
      return -1;
    bool TIn = L->contains(Br->getSuccessor(0)), FIn = L->contains(Br->getSuccessor(1));
    if (TIn != FIn)
      return TIn ? 0 : 1;
    // A short-circuit condition (i < Count && Found < 2): this operand's
    // branch goes to the block that merges the operands in a phi, and the
    // constant this edge gives the phi leaves the loop there.
    for (unsigned K = 0; K < 2; ++K)
      if (leavesThroughPhi(*L, Br->getParent(), Br->getSuccessor(K)))
        return (int)K;
    return -1;
  }

private:
  void note(const Instruction &At, const BoolResult &R, bool Outcome) {
    std::string Msg = std::string("Assuming the condition is ") + (Outcome ? "true" : "false");
    if (auto *Cmp = dyn_cast<ICmpInst>(&At)) {
      std::string What = describeValue(S, X.eval(S, Cmp->getOperand(0)));
      if (!What.empty()) {
        CmpInst::Predicate P = Outcome ? Cmp->getPredicate() : Cmp->getInversePredicate();
        const char *Op = "?";
        switch (P) {
        case CmpInst::ICMP_EQ: Op = "=="; break;
        case CmpInst::ICMP_NE: Op = "!="; break;
        case CmpInst::ICMP_SLT: case CmpInst::ICMP_ULT: Op = "<"; break;
        case CmpInst::ICMP_SLE: case CmpInst::ICMP_ULE: Op = "<="; break;
        case CmpInst::ICMP_SGT: case CmpInst::ICMP_UGT: Op = ">"; break;
        case CmpInst::ICMP_SGE: case CmpInst::ICMP_UGE: Op = ">="; break;
        default: break;
        }
        std::string Rhs;
        SymValue RV = X.eval(S, Cmp->getOperand(1));
        if (RV.isNull())
          Rhs = Cmp->getOperand(0)->getType()->isPointerTy() ? "NULL" : "0";
        else if (RV.isInt())
          Rhs = std::to_string(RV.sext());
        else
          Rhs = describeValue(S, RV); // another unknown (a relation), if it has a name
        if (!Rhs.empty())
          Msg = "Assuming " + What + " " + Op + " " + Rhs;
      }
    }
    S.addTrace(TraceStep::Kind::Branch, At.getDebugLoc().get(), Msg);
  }

  static bool leavesThroughPhi(const Loop &L, const BasicBlock *From, const BasicBlock *To) {
    auto *Next = dyn_cast<BranchInst>(To->getTerminator());
    if (!Next || !Next->isConditional())
      return false;
    auto *Phi = dyn_cast<PHINode>(Next->getCondition());
    if (!Phi || Phi->getParent() != To || Phi->getBasicBlockIndex(From) < 0)
      return false;
    auto *C = dyn_cast<ConstantInt>(Phi->getIncomingValueForBlock(From));
    return C && !L.contains(Next->getSuccessor(C->isZero() ? 1 : 0));
  }

  Executor::Impl &X;
  State &S;
  Executor::Impl::Worklist &WL;
};
} // namespace

Executor::Impl::Step Executor::Impl::step(State &S, Worklist &WL, SymValue &RetVal,
                                          const DILocation *&ExitLoc) {
  Frame &Fr = S.Stack.back();
  const Instruction &I = *Fr.PC;
  Decider D(*this, S, WL);
  auto setReg = [&](SymValue V) {
    S.Stack.back().Regs[&I] = std::move(V);
    ++S.Stack.back().PC;
  };
  auto fresh = [&](const char *Why) {
    Type *T = I.getType();
    unsigned Bits = T->isPointerTy() ? 64
                    : T->isSized()   ? (unsigned)DL.getTypeSizeInBits(T).getFixedValue()
                                     : 64;
    return SymValue::symbol(S.newSym(Bits ? Bits : 64, Why), Bits ? Bits : 64);
  };

  switch (I.getOpcode()) {
  case Instruction::Br: {
    auto &Br = cast<BranchInst>(I);
    if (Br.isUnconditional()) {
      recordJump(S, Br);
      enterBlock(S, Br.getSuccessor(0));
      break;
    }
    BoolResult R = truthOf(S, eval(S, Br.getCondition()));
    bool Taken;
    if (!D.decide(R, Br, Taken))
      return Step::Dead;
    // The path's values decided it: a loop waiting for another thread may
    // read its condition again (WaitLoops.cpp).
    if (!D.Noted && rereadWaitCondition(S, Br, Taken))
      return Step::Continue;
    // A walk over memory reached through unknown pointers (a list whose
    // length nothing bounds) leaves at the unrolling bound (WalkLoops.cpp).
    if (D.Known) {
      int Out = D.loopExit(Br);
      if (Out >= 0 && Taken != (Out != 0) && walkedUnknownMemory(S, Br))
        Taken = Out != 0;
    }
    recordDecision(S, Br, Taken, D.Noted);
    if (!S.Stack.back().Visits.empty() &&
        S.Stack.back().Visits.lookup(Br.getSuccessor(Taken ? 0 : 1)) > B.MaxBlockVisits)
      return cut(S, "a loop ran more than " + std::to_string(B.MaxBlockVisits) + " times (" +
                        currentLoop(S) + ")"),
             Step::Dead;
    enterBlock(S, Br.getSuccessor(Taken ? 0 : 1));
    break;
  }
  case Instruction::Switch: {
    auto &Sw = cast<SwitchInst>(I);
    SymValue C = S.resolve(eval(S, Sw.getCondition()));
    if (C.isInt()) {
      auto It = Sw.findCaseValue(ConstantInt::get(cast<IntegerType>(Sw.getCondition()->getType()),
                                                  C.zext()));
      recordSwitch(S, Sw, It == Sw.case_default() ? -1 : (int)It->getCaseIndex(), C, false);
      enterBlock(S, It->getCaseSuccessor());
      break;
    }
    // One path per feasible case, then the default with every case excluded.
    std::vector<std::pair<int, const BasicBlock *>> Ways; // case index (-1 default)
    if (S.ForcedOutcome >= 0) {
      int K = S.ForcedOutcome;
      S.ForcedOutcome = -1;
      if (C.isSym()) {
        if (K < (int)Sw.getNumCases()) {
          auto Case = Sw.case_begin() + K;
          assume(S, {C.sym(), C.bits(), CmpInst::ICMP_EQ, Case->getCaseValue()->getZExtValue()},
                 true);
          S.addTrace(TraceStep::Kind::Branch, Sw.getDebugLoc().get(),
                     "Assuming the switch takes case " +
                         std::to_string(Case->getCaseValue()->getSExtValue()));
          recordSwitch(S, Sw, K, C, true);
          enterBlock(S, Case->getCaseSuccessor());
        } else {
          for (auto Case : Sw.cases())
            assume(S, {C.sym(), C.bits(), CmpInst::ICMP_EQ, Case.getCaseValue()->getZExtValue()},
                   false);
          S.addTrace(TraceStep::Kind::Branch, Sw.getDebugLoc().get(),
                     "Assuming the switch takes its default");
          recordSwitch(S, Sw, -1, C, true);
          enterBlock(S, Sw.getDefaultDest());
        }
      } else {
        enterBlock(S, K < (int)Sw.getNumCases() ? (Sw.case_begin() + K)->getCaseSuccessor()
                                                : Sw.getDefaultDest());
      }
      break;
    }
    unsigned N = Sw.getNumCases();
    SmallVector<int, 8> Feasible;
    for (unsigned K = 0; K <= N; ++K) {
      if (C.isSym()) {
        std::unique_ptr<State> Probe = std::make_unique<State>(S);
        bool Ok = true;
        if (K < N)
          Ok = canBe(S, {C.sym(), C.bits(), CmpInst::ICMP_EQ,
                         (Sw.case_begin() + K)->getCaseValue()->getZExtValue()},
                     true);
        else
          for (auto Case : Sw.cases())
            if (!assume(*Probe, {C.sym(), C.bits(), CmpInst::ICMP_EQ,
                                 Case.getCaseValue()->getZExtValue()},
                        false))
              Ok = false;
        if (!Ok)
          continue;
      }
      Feasible.push_back((int)K);
    }
    if (Feasible.empty())
      return sink(S, "infeasible switch"), Step::Dead;
    for (size_t K = 1; K < Feasible.size(); ++K) {
      auto Other = clone(S);
      Other->ForcedOutcome = Feasible[K];
      WL.push_back(std::move(Other));
    }
    S.ForcedOutcome = Feasible[0];
    return Step::Continue; // re-run this switch with the first way forced
  }
  case Instruction::Ret: {
    auto &RI = cast<ReturnInst>(I);
    SymValue V = RI.getReturnValue() ? eval(S, RI.getReturnValue()) : SymValue();
    const DILocation *Loc = exitLocation(S, &RI);
    for (ObjId A : Fr.Allocas) // the frame's locals die with it
      S.killObject(A);
    const CallBase *Site = Fr.CallSite;
    const std::string *Via = Fr.ViaModel;
    std::string ViaOutcome = Fr.ViaOutcome;
    if (!Site)
      noteDecisiveBranch(S);
    S.Stack.pop_back();
    if (!Site) { // leaving the function the run started in
      RetVal = V;
      ExitLoc = Loc;
      return Step::Returned;
    }
    const Function *Callee = RI.getFunction();
    S.addTrace(TraceStep::Kind::Return, Loc,
               "Returning from '" +
                   (Callee->getSubprogram() ? Callee->getSubprogram()->getName().str()
                                            : Callee->getName().str()) +
                   "'");
    SmallVector<SymValue, 4> Args;
    for (const Use &A : Site->args())
      Args.push_back(eval(S, A.get()));
    if (Via) { // pushed by a model's Call effect: the modelled call returns
      Type *RT = Site->getType();
      bool HasRet = !RT->isVoidTy();
      unsigned Bits = HasRet && RT->isIntegerTy() ? RT->getIntegerBitWidth() : 64;
      if (HasRet && (!RI.getReturnValue() || V.bits() != Bits))
        V = V.isInt() ? SymValue::integer(V.zext(), Bits)
                      : SymValue::symbol(S.newSym(Bits, "return of " + *Via), Bits);
      finishCall(S, *Site, *Via, ViaOutcome, Args, V, HasRet);
      return Step::Continue;
    }
    finishCall(S, *Site, Callee->getName(), "", Args, V, RI.getReturnValue() != nullptr);
    return Step::Continue;
  }
  case Instruction::Unreachable:
    sink(S, "unreachable");
    return Step::Dead;
  case Instruction::Call:
  case Instruction::Invoke:
    return call(S, cast<CallBase>(I), WL);
  case Instruction::Alloca: {
    auto &AI = cast<AllocaInst>(I);
    uint64_t Size = 0;
    if (auto Sz = AI.getAllocationSize(DL))
      Size = Sz->getFixedValue();
    std::string Name;
    for (DbgVariableRecord *DVR : findDVRDeclares(const_cast<AllocaInst *>(&AI)))
      if (DVR->getVariable())
        Name = DVR->getVariable()->getName().str();
    ObjId O = S.newObject(Size, Name);
    S.Stack.back().Allocas.push_back(O);
    setReg(SymValue::pointer(O, 0));
    break;
  }
  case Instruction::Load: {
    auto &LI = cast<LoadInst>(I);
    ObjId O;
    int64_t Off;
    SymValue Ptr = eval(S, LI.getPointerOperand());
    if (!deref(S, Ptr, O, Off)) {
      if (nullAddress(S, Ptr))
        Obs.onNullDereference(S, LI.getDebugLoc().get());
      if (Ptr.isNull() || (Ptr.isSym() && S.resolve(Ptr).isNull()))
        return endAtNull(S, LI.getDebugLoc().get()), Step::Dead;
      setReg(fresh("load through an unknown pointer"));
      break;
    }
    setReg(load(S, LI.getType(), O, Off));
    break;
  }
  case Instruction::Store: {
    auto &SI = cast<StoreInst>(I);
    ObjId O;
    int64_t Off;
    SymValue Ptr = eval(S, SI.getPointerOperand());
    if (!deref(S, Ptr, O, Off)) {
      if (nullAddress(S, Ptr))
        Obs.onNullDereference(S, SI.getDebugLoc().get());
      if (Ptr.isNull() || (Ptr.isSym() && S.resolve(Ptr).isNull()))
        return endAtNull(S, SI.getDebugLoc().get()), Step::Dead;
      ++S.Stack.back().PC;
      break;
    }
    SymValue V = eval(S, SI.getValueOperand());
    store(S, O, Off, SI.getValueOperand()->getType(), V);
    Obs.onStore(S, V, SI.getPointerOperand(), Ptr);
    ++S.Stack.back().PC;
    break;
  }
  case Instruction::GetElementPtr:
    splitTableIndex(S, cast<GetElementPtrInst>(I), WL); // IndirectCalls.cpp
    setReg(gep(S, cast<GEPOperator>(I)));
    break;
  case Instruction::ICmp: {
    auto &C = cast<ICmpInst>(I);
    BoolResult R = compare(S, C.getPredicate(), eval(S, C.getOperand(0)), eval(S, C.getOperand(1)));
    bool V;
    if (!D.decide(R, C, V))
      return Step::Dead;
    setReg(SymValue::integer(V, 1));
    break;
  }
  case Instruction::Select: {
    auto &Sel = cast<SelectInst>(I);
    BoolResult R = truthOf(S, eval(S, Sel.getCondition()));
    bool V;
    if (!D.decide(R, Sel, V))
      return Step::Dead;
    setReg(eval(S, V ? Sel.getTrueValue() : Sel.getFalseValue()));
    break;
  }
  case Instruction::ExtractValue: {
    auto &EV = cast<ExtractValueInst>(I);
    SymValue Agg = eval(S, EV.getAggregateOperand());
    for (unsigned Idx : EV.indices()) {
      if (!Agg.isAgg() || Idx >= Agg.elements().size()) {
        Agg = fresh("element of an aggregate");
        break;
      }
      SymValue Next = Agg.elements()[Idx];
      Agg = Next;
    }
    setReg(Agg);
    break;
  }
  case Instruction::InsertValue: {
    auto &IV = cast<InsertValueInst>(I);
    SymValue Agg = eval(S, IV.getAggregateOperand());
    if (IV.getNumIndices() == 1 && Agg.isAgg() && IV.getIndices()[0] < Agg.elements().size()) {
      std::vector<SymValue> Elems = Agg.elements();
      Elems[IV.getIndices()[0]] = eval(S, IV.getInsertedValueOperand());
      setReg(SymValue::aggregate(std::move(Elems)));
    } else {
      setReg(fresh("aggregate"));
    }
    break;
  }
  case Instruction::AtomicRMW: {
    auto &RMW = cast<AtomicRMWInst>(I);
    ObjId O;
    int64_t Off;
    if (!deref(S, eval(S, RMW.getPointerOperand()), O, Off)) {
      setReg(fresh("atomic"));
      break;
    }
    Type *T = RMW.getValOperand()->getType();
    SymValue Old = load(S, T, O, Off), Arg = eval(S, RMW.getValOperand()), New;
    unsigned Bits = Old.bits();
    if (RMW.getOperation() == AtomicRMWInst::Xchg)
      New = Arg;
    else if (Old.isInt() && Arg.isInt()) {
      uint64_t A = Old.zext(), Bv = Arg.zext();
      switch (RMW.getOperation()) {
      case AtomicRMWInst::Add: New = SymValue::integer(A + Bv, Bits); break;
      case AtomicRMWInst::Sub: New = SymValue::integer(A - Bv, Bits); break;
      case AtomicRMWInst::And: New = SymValue::integer(A & Bv, Bits); break;
      case AtomicRMWInst::Or: New = SymValue::integer(A | Bv, Bits); break;
      case AtomicRMWInst::Xor: New = SymValue::integer(A ^ Bv, Bits); break;
      default: New = fresh("atomic");
      }
    } else
      New = fresh("atomic");
    store(S, O, Off, T, New);
    setReg(Old);
    break;
  }
  case Instruction::AtomicCmpXchg: {
    auto &CX = cast<AtomicCmpXchgInst>(I);
    ObjId O;
    int64_t Off;
    if (!deref(S, eval(S, CX.getPointerOperand()), O, Off)) {
      setReg(fresh("cmpxchg"));
      break;
    }
    Type *T = CX.getNewValOperand()->getType();
    SymValue Old = load(S, T, O, Off), Cmp = eval(S, CX.getCompareOperand());
    bool Eq = Old.sameAs(Cmp);
    if (Eq)
      store(S, O, Off, T, eval(S, CX.getNewValOperand()));
    setReg(SymValue::aggregate({Old, SymValue::integer(Eq, 1)}));
    break;
  }
  case Instruction::Fence:
    ++S.Stack.back().PC;
    break;
  case Instruction::Freeze:
    setReg(eval(S, I.getOperand(0)));
    break;
  default:
    if (auto *BO = dyn_cast<BinaryOperator>(&I)) {
      SymValue A = eval(S, BO->getOperand(0)), Bv = eval(S, BO->getOperand(1));
      if ((BO->getOpcode() == Instruction::UDiv || BO->getOpcode() == Instruction::SDiv ||
           BO->getOpcode() == Instruction::URem || BO->getOpcode() == Instruction::SRem) &&
          S.resolve(Bv).isInt() && S.resolve(Bv).zext() == 0)
        return sink(S, "division by zero"), Step::Dead;
      setReg(binary(S, *BO, A, Bv));
      break;
    }
    if (auto *CI = dyn_cast<CastInst>(&I)) {
      setReg(castValue(S, *CI, eval(S, CI->getOperand(0))));
      break;
    }
    if (I.getType()->isVoidTy()) {
      ++S.Stack.back().PC;
      break;
    }
    setReg(fresh("an unmodelled instruction"));
    break;
  }
  return Step::Continue;
}

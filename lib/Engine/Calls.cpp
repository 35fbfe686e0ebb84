//===- Calls.cpp - Calls: into the driver, to models, to the unknown --------===//
// SPDX-License-Identifier: Apache-2.0
//
// A call with a body is entered. A call with a model forks once per model
// outcome before anything else happens, so observers see one consistent
// entry/exit pair per path. Anything else returns an unknown value and is
// remembered, so the caller can tell users which functions were not seen.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Demangle/Demangle.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

static std::string sourceName(const Function &F) {
  if (const DISubprogram *SP = F.getSubprogram())
    if (!SP->getName().empty())
      return SP->getName().str();
  return llvm::demangle(F.getName().str());
}

static unsigned bitsOf(const DataLayout &DL, Type *T) {
  if (T->isPointerTy())
    return 64;
  if (T->isIntegerTy())
    return T->getIntegerBitWidth();
  return T->isSized() ? (unsigned)DL.getTypeSizeInBits(T).getFixedValue() : 64;
}

void Executor::Impl::finishCall(State &S, const CallBase &CB, StringRef Callee, StringRef Outcome,
                                ArrayRef<SymValue> Args, const SymValue &Ret, bool HasRet) {
  Frame &Fr = S.Stack.back();
  if (!CB.getType()->isVoidTy())
    Fr.Regs[&CB] = HasRet ? Ret
                          : SymValue::symbol(S.newSym(bitsOf(DL, CB.getType()), ""),
                                             bitsOf(DL, CB.getType()));
  CallEvent Ev;
  Ev.W = CallEvent::When::Exit;
  Ev.Callee = Callee;
  Ev.Outcome = Outcome;
  Ev.Loc = CB.getDebugLoc().get();
  Ev.Site = &CB;
  Ev.Args = Args;
  Ev.Ret = Ret;
  Ev.HasRet = HasRet;
  Obs.onCall(S, Ev);
  if (auto *Inv = dyn_cast<InvokeInst>(&CB))
    enterBlock(S, Inv->getNormalDest());
  else
    ++S.Stack.back().PC;
}

void Executor::Impl::applyOutcome(State &S, const CallBase &CB, const CallModel &Model,
                                  const Outcome &O, ArrayRef<SymValue> Args) {
  auto arg = [&](unsigned K) { return K >= 1 && K <= Args.size() ? Args[K - 1] : SymValue(); };
  unsigned RetBits = CB.getType()->isVoidTy() ? 32 : bitsOf(DL, CB.getType());
  auto valueOf = [&](const ValueSpec &V, unsigned Bits) -> SymValue {
    switch (V.K) {
    case ValueSpec::Kind::Const:
      return SymValue::integer((uint64_t)V.Const, Bits);
    case ValueSpec::Kind::NewObject: {
      ObjId O = S.newObject(0, V.Name, V.Zeroed);
      if (V.Device)
        S.mutableObject(O).Device = true;
      if (V.SizeArg) { // remember the length, so zeroing "all of it" is recognised
        SymValue Len = S.resolve(arg(V.SizeArg));
        if (Len.isInt())
          S.mutableObject(O).Size = Len.zext();
        else if (Len.isSym()) {
          // A successful allocation had a positive length; knowing that lets
          // the length keep its identity when it is widened to size_t.
          assume(S, {Len.sym(), Len.bits(), CmpInst::ICMP_SGT, 0}, true);
          S.mutableObject(O).SizeValue = Len;
        }
      }
      return SymValue::pointer(O, 0);
    }
    case ValueSpec::Kind::Fresh:
      return SymValue::symbol(S.newSym(Bits, "return of " + Model.Function), Bits);
    case ValueSpec::Kind::Arg:
      return arg(V.Arg);
    case ValueSpec::Kind::LoadArg: {
      ObjId Obj;
      int64_t Off;
      if (!deref(S, arg(V.Arg), Obj, Off))
        return SymValue::null();
      // As wide as its use: a LONG return reads the 4 bytes of a LONG field.
      return readMem(S, Obj, (uint64_t)(Off + V.Offset), Bits >= 8 && Bits <= 64 ? Bits / 8 : 8);
    }
    }
    return SymValue();
  };
  SymValue Ret;
  bool HasRet = false;
  const Function *Calls = nullptr; // a Call effect's function, run once the other effects are done
  SmallVector<SymValue, 4> CallArgs;
  for (const Effect &Eff : O.Effects) {
    if (Eff.Guard.Present) {
      ObjId Obj;
      int64_t Off;
      if (!deref(S, arg(Eff.Guard.Arg), Obj, Off))
        continue;
      SymValue B = readMem(S, Obj, (uint64_t)(Off + Eff.Guard.Offset), 1);
      if (!B.isInt() || (uint8_t)B.zext() != Eff.Guard.Value)
        continue;
    }
    switch (Eff.K) {
    case Effect::Kind::SetReturn:
      Ret = valueOf(Eff.Value, RetBits);
      HasRet = true;
      break;
    case Effect::Kind::StoreArg: {
      ObjId Obj;
      int64_t Off;
      if (deref(S, arg(Eff.Arg), Obj, Off)) {
        SymValue V = S.resolve(valueOf(Eff.Value, Eff.Size * 8));
        if (V.isInt() && V.bits() != Eff.Size * 8) // a BOOLEAN argument stored as a LONG
          V = SymValue::integer(V.zext(), Eff.Size * 8);
        else if (V.isSym() && V.bits() != Eff.Size * 8)
          V = SymValue::symbol(S.newSym(Eff.Size * 8, "store of " + Model.Function), Eff.Size * 8);
        writeMem(S, Obj, (uint64_t)(Off + Eff.Offset), Eff.Size, V);
        if (Eff.Arg <= CB.arg_size())
          Obs.onStore(S, V, CB.getArgOperand(Eff.Arg - 1), arg(Eff.Arg));
      }
      break;
    }
    case Effect::Kind::SaveSlot:
      S.Slots[Eff.Slot] = valueOf(Eff.Value, 64);
      break;
    case Effect::Kind::Yield:
      noteYield(S); // WaitLoops.cpp
      break;
    case Effect::Kind::Call: {
      SymValue Fn = S.resolve(valueOf(Eff.Fn, 64));
      if (!Fn.isFunc() || Fn.func()->isDeclaration())
        break; // nothing the path knows to run: the call only returns
      Calls = Fn.func();
      CallArgs.clear();
      for (const ValueSpec &A : Eff.CallArgs)
        CallArgs.push_back(valueOf(A, 64));
      break;
    }
    case Effect::Kind::Defer:
    case Effect::Kind::Arm:
    case Effect::Kind::Disarm: {
      SymValue Key = S.resolve(valueOf(Eff.Key, 64));
      auto It = llvm::find_if(S.Deferred, [&](const DeferredCall &D) { return D.Key.sameAs(Key); });
      if (Eff.K == Effect::Kind::Defer) {
        if (It == S.Deferred.end())
          It = S.Deferred.insert(S.Deferred.end(), DeferredCall{});
        It->Key = Key;
        It->Fn = S.resolve(valueOf(Eff.Fn, 64));
        It->Ctx = valueOf(Eff.Value, 64);
        It->NArgs = Eff.Shape.NArgs;
        It->CtxPos = Eff.Shape.CtxPos;
        It->KeyPos = Eff.Shape.KeyPos;
        It->Due = false;
      } else if (It != S.Deferred.end()) {
        It->Due = Eff.K == Effect::Kind::Arm;
        It->DueAt = CB.getDebugLoc().get();
        It->DueBy = Model.Function;
        if (Eff.K == Effect::Kind::Arm) {
          SymValue Ctx = S.resolve(valueOf(Eff.Value, 64));
          if (!Ctx.isNull())
            It->Ctx = Ctx;
        }
      }
      break;
    }
    }
  }
  if (Calls && S.Stack.size() < B.MaxCallDepth) {
    // The modelled call runs the function now; its return finishes the call
    // (Step.cpp, Ret), with this outcome.
    S.addTrace(TraceStep::Kind::Call, CB.getDebugLoc().get(),
               Model.Function + " calls '" + sourceName(*Calls) + "'");
    pushFrame(S, Calls, CallArgs, &CB);
    S.Stack.back().ViaModel = &Model.Function;
    S.Stack.back().ViaOutcome = O.Label;
    return;
  }
  if (!HasRet && !CB.getType()->isVoidTy()) {
    Ret = SymValue::symbol(S.newSym(RetBits, "return of " + Model.Function), RetBits);
    HasRet = true;
  }
  finishCall(S, CB, Model.Function, O.Label, Args, Ret, HasRet);
}

Executor::Impl::Step Executor::Impl::call(State &S, const CallBase &CB, Worklist &WL) {
  const Value *CalleeV = CB.getCalledOperand()->stripPointerCasts();
  const Function *F = dyn_cast<Function>(CalleeV);
  if (!F) {
    SymValue V = S.resolve(eval(S, CalleeV));
    F = V.isFunc() ? V.func() : chooseTarget(S, CB, V, WL);
  }
  if (F && (F->isIntrinsic() || F->getName() == "memset" || F->getName() == "memcpy" ||
            F->getName() == "memmove")) {
    if (!intrinsic(S, CB, *F))
      return Step::Dead;
    return Step::Continue;
  }

  const CallModel *Model = nullptr;
  if (F) {
    auto It = Models.find(F->getName());
    if (It != Models.end())
      Model = &It->second;
  }
  // Fork per outcome first: the entry event must happen once per path.
  // This path takes the last outcome (failure, by the table's convention):
  // failure paths end soon, so the paths waiting stay few even when a loop
  // allocates hundreds of buffers.
  unsigned Chosen = 0;
  // Past the unrolling bound of an enclosing loop, the call takes its first
  // outcome only: the 200th buffer of a receive ring failing is explored like
  // the 8th, not once more per buffer. The loop may be a caller's: a helper
  // that allocates one buffer, called once per iteration.
  bool PastUnrollBound = false;
  if (Model && Model->Outcomes.size() > 1 && S.ForcedOutcome < 0) {
    for (size_t K = S.Stack.size(); K-- > 0 && !PastUnrollBound;) {
      const Frame &Fr = S.Stack[K];
      for (llvm::Loop *L = loops(Fr.F).getLoopFor(Fr.BB); L && !PastUnrollBound;
           L = L->getParentLoop())
        PastUnrollBound = Fr.Visits.lookup(L->getHeader()) > B.LoopUnroll;
    }
    if (PastUnrollBound)
      countBoundedLoop(S);
    else
      PastUnrollBound = failedInEarlierIteration(S, CB); // LoopOutcomes.cpp
  }
  if (Model && Model->Outcomes.size() > 1 && !PastUnrollBound) {
    if (S.ForcedOutcome >= 0) {
      Chosen = (unsigned)S.ForcedOutcome;
      S.ForcedOutcome = -1;
    } else {
      Chosen = (unsigned)Model->Outcomes.size() - 1;
      for (unsigned K = 0; K < Chosen; ++K) {
        auto Other = clone(S);
        Other->ForcedOutcome = (int)K;
        WL.push_back(std::move(Other));
      }
    }
  }

  if (Model && Chosen != 0)
    noteFailedInLoop(S, CB);
  SmallVector<SymValue, 6> Args;
  for (const Use &A : CB.args())
    Args.push_back(eval(S, A.get()));
  CallEvent Entry;
  Entry.Callee = F ? F->getName() : StringRef();
  Entry.Loc = CB.getDebugLoc().get();
  Entry.Site = &CB;
  Entry.Args = Args;
  if (F)
    Obs.onCall(S, Entry);

  if (Model) {
    const Outcome &O = Model->Outcomes[Chosen];
    if (Model->Outcomes.size() > 1) {
      std::string Says = O.Label == "success"   ? " succeeds"
                         : O.Label == "failure" ? " fails"
                                                : " (" + O.Label + ")";
      S.addTrace(TraceStep::Kind::Outcome, CB.getDebugLoc().get(), Model->Function + Says);
    }
    applyOutcome(S, CB, *Model, O, Args);
    return Step::Continue;
  }
  if (F && !F->isDeclaration()) {
    if (Recursion Why = recursionOf(S, *F, Args); Why != Recursion::None) { // Recursion.cpp
      summariseRecursion(S, CB, *F, Args, Why);
      return Step::Continue;
    }
    if (S.Stack.size() >= B.MaxCallDepth)
      return cut(S, "call depth above " + std::to_string(B.MaxCallDepth)), Step::Dead;
    S.addTrace(TraceStep::Kind::Call, CB.getDebugLoc().get(), "Calling '" + sourceName(*F) + "'");
    pushFrame(S, F, Args, &CB);
    return Step::Continue;
  }
  std::string Name = F ? F->getName().str() : "";
  if (F) {
    E.Unknown.insert(Name);
    if (!llvm::is_contained(S.UnknownCalls, Name))
      S.UnknownCalls.push_back(Name);
    havocOutParams(S, *F, Args);
  }
  SymValue Ret;
  bool HasRet = !CB.getType()->isVoidTy();
  if (HasRet) {
    unsigned Bits = bitsOf(DL, CB.getType());
    Ret = SymValue::symbol(S.newSym(Bits, F ? "return of " + sourceName(*F) : "an indirect call"),
                           Bits);
  }
  finishCall(S, CB, Name, "", Args, Ret, HasRet);
  return Step::Continue;
}

/// A function without body or model may write through each argument whose
/// parameter points to non-const data (the frontend's !ndisv.outparams gives
/// the pointee's size per parameter): those bytes become unknown, and
/// observers forget what they followed there. Left as it was, an
/// out-parameter the driver initialised to NULL would stay NULL and end the
/// path at its first use, silently. Only the pointee is written, never the
/// rest of the object the pointer was made into.
void Executor::Impl::havocOutParams(State &S, const Function &F, ArrayRef<SymValue> Args) {
  const MDNode *MD = F.getMetadata("ndisv.outparams");
  if (!MD)
    return;
  for (unsigned K = 0; K < MD->getNumOperands() && K < Args.size(); ++K) {
    auto *C = mdconst::dyn_extract_or_null<ConstantInt>(MD->getOperand(K));
    uint64_t N = C ? C->getZExtValue() : 0;
    SymValue P = S.resolve(Args[K]);
    ObjId Obj;
    int64_t Off;
    if (!N || !P.isPtr() || !deref(S, P, Obj, Off) || Off < 0)
      continue; // NULL (an optional out-parameter left out) or not an object the path knows
    if (uint64_t Size = S.object(Obj)->Size; Size && (uint64_t)Off + N > Size)
      N = Size > (uint64_t)Off ? Size - (uint64_t)Off : 0;
    if (!N)
      continue;
    havocMem(S, Obj, (uint64_t)Off, N);
    Obs.onForget(S, Obj, (uint64_t)Off, N);
  }
}

/// How far a copy or fill of unknown length Len at Dst + DOff can reach: to
/// the end of the member the pointer was made into, when the IR type says
/// (a name buffer inside the adapter; running past it would be an overflow,
/// which ndisv does not model), else to the end of the object; never further
/// than the largest value the path allows Len. Bytes before DOff and other
/// objects are never touched, so a handle kept elsewhere stays tracked.
static uint64_t unknownLengthBound(const State &S, const SymValue &DstPtr, int64_t DOff,
                                   const SymValue &Len) {
  const uint64_t ToTheEnd = uint64_t(1) << 62;
  uint64_t End = S.object(DstPtr.isPtr() ? DstPtr.object() : 0)
                     ? S.object(DstPtr.object())->Size
                     : 0;
  if (DstPtr.memberEnd() > (uint64_t)DOff && (!End || DstPtr.memberEnd() < End))
    End = DstPtr.memberEnd();
  uint64_t N = End > (uint64_t)DOff ? End - (uint64_t)DOff : ToTheEnd;
  if (Len.isSym()) {
    const SymInfo &I = S.info(Len.sym());
    if (I.Lo >= 0 && I.Hi >= 0 && (uint64_t)I.Hi < N)
      N = (uint64_t)I.Hi;
  }
  return N;
}

// {result, overflow bit} of a checked add/sub/mul intrinsic on two integers.
static SymValue overflowArith(Intrinsic::ID ID, const SymValue &A, const SymValue &B) {
  unsigned Bits = A.bits();
  APInt X(Bits, A.zext()), Y(Bits, B.zext()), R;
  bool Ov = false;
  switch (ID) {
  case Intrinsic::sadd_with_overflow: R = X.sadd_ov(Y, Ov); break;
  case Intrinsic::uadd_with_overflow: R = X.uadd_ov(Y, Ov); break;
  case Intrinsic::ssub_with_overflow: R = X.ssub_ov(Y, Ov); break;
  case Intrinsic::usub_with_overflow: R = X.usub_ov(Y, Ov); break;
  case Intrinsic::smul_with_overflow: R = X.smul_ov(Y, Ov); break;
  default: R = X.umul_ov(Y, Ov); break;
  }
  return SymValue::aggregate({SymValue::integer(R.getZExtValue(), Bits),
                              SymValue::integer(Ov ? 1 : 0, 1)});
}

bool Executor::Impl::intrinsic(State &S, const CallBase &CB, const Function &F) {
  Intrinsic::ID ID = F.getIntrinsicID();
  StringRef Name = F.getName();
  auto advance = [&](SymValue V) {
    if (!CB.getType()->isVoidTy())
      S.Stack.back().Regs[&CB] = V;
    if (auto *Inv = dyn_cast<InvokeInst>(&CB))
      enterBlock(S, Inv->getNormalDest());
    else
      ++S.Stack.back().PC;
    return true;
  };
  auto arg = [&](unsigned K) { return S.resolve(eval(S, CB.getArgOperand(K))); };
  bool IsSet = ID == Intrinsic::memset || Name == "memset";
  bool IsCopy = ID == Intrinsic::memcpy || ID == Intrinsic::memmove || Name == "memcpy" ||
                Name == "memmove";
  if (IsSet || IsCopy) {
    ObjId Dst;
    int64_t DOff;
    SymValue Len = arg(2);
    SymValue Ret = CB.getType()->isVoidTy() ? SymValue() : arg(0);
    bool Empty = Len.isInt() && Len.zext() == 0;
    if (!Empty && (nullAddress(S, arg(0)) || (IsCopy && nullAddress(S, arg(1)))))
      Obs.onNullDereference(S, CB.getDebugLoc().get()); // a fill or copy through NULL
    if (!deref(S, arg(0), Dst, DOff))
      return advance(Ret);
    SymValue DstPtr = arg(0);
    uint64_t N = Len.isInt() ? Len.zext() : unknownLengthBound(S, DstPtr, DOff, Len);
    if (IsSet) {
      SymValue Byte = arg(1);
      const MemObject *Obj = S.object(Dst);
      bool WholeObject = DOff == 0 && Len.isSym() && Obj->SizeValue.isSym() &&
                         Obj->SizeValue.sym() == Len.sym();
      if (Byte.isInt() && WholeObject) {
        // Nothing written before survives; a non-zero byte leaves it unknown.
        MemObject &M = S.mutableObject(Dst);
        M.Cells.clear();
        M.Fills.clear();
        M.DefaultZero = Byte.zext() == 0;
      } else if (Byte.isInt() && Len.isInt())
        fillMem(S, Dst, DOff, N, (uint8_t)Byte.zext());
      else {
        havocMem(S, Dst, DOff, N);
        Obs.onForget(S, Dst, DOff, N);
      }
    } else {
      ObjId Src;
      int64_t SOff;
      if (deref(S, arg(1), Src, SOff) && Len.isInt())
        copyMem(S, Dst, DOff, Src, SOff, N);
      else {
        havocMem(S, Dst, DOff, N);
        Obs.onForget(S, Dst, DOff, N);
      }
    }
    return advance(Ret);
  }
  switch (ID) {
  case Intrinsic::trap:
  case Intrinsic::debugtrap:
  case Intrinsic::ubsantrap:
    sink(S, "trap");
    return false;
  case Intrinsic::sadd_with_overflow:
  case Intrinsic::uadd_with_overflow:
  case Intrinsic::ssub_with_overflow:
  case Intrinsic::usub_with_overflow:
  case Intrinsic::smul_with_overflow:
  case Intrinsic::umul_with_overflow:
    // The checked arithmetic of ntintsafe.h (RtlULongAdd...): with known
    // operands its result and overflow bit are known, so the status the
    // routine returns does not fork paths.
    if (SymValue A = arg(0), B = arg(1); A.isInt() && B.isInt() && A.bits() <= 64)
      return advance(overflowArith(ID, A, B));
    break;
  case Intrinsic::expect:
  case Intrinsic::expect_with_probability:
  case Intrinsic::ssa_copy:
  case Intrinsic::launder_invariant_group:
  case Intrinsic::strip_invariant_group:
    return advance(arg(0));
  default:
    break;
  }
  if (CB.getType()->isVoidTy())
    return advance(SymValue());
  unsigned Bits = bitsOf(DL, CB.getType());
  return advance(SymValue::symbol(S.newSym(Bits, "an intrinsic"), Bits));
}

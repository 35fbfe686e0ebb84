//===- Values.cpp - Evaluating operands, arithmetic, memory access ----------===//
// SPDX-License-Identifier: Apache-2.0
//
// Arithmetic on an unknown makes a derived symbol, memoised by expression,
// so `Adapter->Flags & FLAG_X` tested twice on a path agrees with itself.
// Casts that keep the value (sign extension, zero extension of a
// non-negative range) keep the symbol, so constraints survive BOOLEAN and
// status-code widening.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"
#include "Relations.h"
#include "llvm/ADT/APInt.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GetElementPtrTypeIterator.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

static std::string keyOf(const SymValue &V) {
  switch (V.kind()) {
  case SymValue::Kind::Int:
    return "i" + std::to_string(V.bits()) + ":" + std::to_string(V.zext());
  case SymValue::Kind::Sym:
    return "s" + std::to_string(V.sym());
  case SymValue::Kind::Ptr:
    return "p" + std::to_string(V.object()) + ":" + std::to_string(V.offset());
  case SymValue::Kind::Func:
    return "f" + std::to_string((uintptr_t)V.func());
  case SymValue::Kind::Agg:
    return "a";
  }
  return "?";
}

std::string ndisv::engine::describeValue(const State &S, const SymValue &V) {
  if (!V.isSym())
    return "";
  StringRef O = S.info(V.sym()).Origin;
  if (O.empty() || O.contains(' '))
    return O.starts_with("return of ") ? "the " + O.str() : "";
  return "'" + O.str() + "'";
}

SymValue Executor::Impl::derived(State &S, StringRef Key, unsigned Bits, StringRef Origin) {
  uint64_t Hash = llvm::xxh3_64bits(Key);
  auto It = S.Derived.find(Hash);
  if (It != S.Derived.end())
    return SymValue::symbol(It->second, Bits);
  SymId Id = S.newSym(Bits, Origin);
  S.Derived[Hash] = Id;
  return SymValue::symbol(Id, Bits);
}

ObjId Executor::Impl::globalObject(State &S, const GlobalVariable *G) {
  if (ObjId Known = S.Globals.lookup(G))
    return Known;
  uint64_t Size = G->getValueType()->isSized() ? DL.getTypeAllocSize(G->getValueType()) : 0;
  bool Zero = G->hasInitializer() && G->getInitializer()->isNullValue();
  ObjId O = S.newObject(Size, G->getName().str(), Zero);
  S.Globals.set(G, O);
  if (G->hasInitializer() && !Zero && G->hasDefinitiveInitializer()) {
    fillMem(S, O, 0, Size, 0);
    storeConstant(S, O, 0, G->getInitializer());
  }
  return O;
}

void Executor::Impl::storeConstant(State &S, ObjId O, uint64_t Off, const Constant *C) {
  Type *T = C->getType();
  if (C->isNullValue()) {
    fillMem(S, O, Off, DL.getTypeAllocSize(T), 0);
    return;
  }
  if (auto *ST = dyn_cast<StructType>(T)) {
    const StructLayout *SL = DL.getStructLayout(ST);
    for (unsigned K = 0; K < ST->getNumElements(); ++K)
      storeConstant(S, O, Off + SL->getElementOffset(K), C->getAggregateElement(K));
    return;
  }
  if (auto *AT = dyn_cast<ArrayType>(T)) {
    uint64_t Elt = DL.getTypeAllocSize(AT->getElementType());
    for (unsigned K = 0; K < AT->getNumElements(); ++K)
      if (Constant *E = C->getAggregateElement(K))
        storeConstant(S, O, Off + K * Elt, E);
    return;
  }
  if (T->isIntegerTy() || T->isPointerTy())
    writeMem(S, O, Off, (unsigned)DL.getTypeStoreSize(T), evalConstant(S, C));
}

SymValue Executor::Impl::evalConstant(State &S, const Constant *C) {
  if (auto *CI = dyn_cast<ConstantInt>(C))
    return SymValue::integer(CI->getZExtValue(), CI->getBitWidth());
  if (isa<ConstantPointerNull>(C))
    return SymValue::null();
  if (auto *F = dyn_cast<Function>(C))
    return SymValue::function(F);
  if (auto *G = dyn_cast<GlobalVariable>(C))
    return SymValue::pointer(globalObject(S, G), 0);
  if (auto *GA = dyn_cast<GlobalAlias>(C))
    return evalConstant(S, GA->getAliasee());
  if (auto *CE = dyn_cast<ConstantExpr>(C)) {
    if (auto *GEP = dyn_cast<GEPOperator>(CE))
      return gep(S, *GEP);
    switch (CE->getOpcode()) {
    case Instruction::BitCast:
    case Instruction::AddrSpaceCast:
    case Instruction::PtrToInt:
    case Instruction::IntToPtr: {
      SymValue V = evalConstant(S, CE->getOperand(0));
      unsigned Bits = CE->getType()->isPointerTy() ? 64 : CE->getType()->getIntegerBitWidth();
      return V.isInt() ? SymValue::integer(V.zext(), Bits) : V;
    }
    default:
      break;
    }
  }
  if (C->isNullValue() && C->getType()->isIntOrPtrTy())
    return SymValue::integer(0, C->getType()->isPointerTy() ? 64 : C->getType()->getIntegerBitWidth());
  if (auto *ST = dyn_cast<StructType>(C->getType())) {
    std::vector<SymValue> Elems;
    for (unsigned K = 0; K < ST->getNumElements(); ++K)
      Elems.push_back(evalConstant(S, C->getAggregateElement(K)));
    return SymValue::aggregate(std::move(Elems));
  }
  unsigned Bits = C->getType()->isIntegerTy() ? C->getType()->getIntegerBitWidth() : 64;
  return SymValue::symbol(S.newSym(Bits, "an undefined value"), Bits);
}

SymValue Executor::Impl::eval(State &S, const Value *V) {
  if (auto *C = dyn_cast<Constant>(V))
    return evalConstant(S, C);
  if (isa<MetadataAsValue>(V) || isa<InlineAsm>(V))
    return SymValue();
  auto &Regs = S.Stack.back().Regs;
  auto It = Regs.find(V);
  if (It != Regs.end())
    return S.resolve(It->second);
  unsigned Bits = V->getType()->isIntegerTy() ? V->getType()->getIntegerBitWidth() : 64;
  return SymValue::symbol(S.newSym(Bits, "an unevaluated value"), Bits);
}

SymValue Executor::Impl::binary(State &S, const BinaryOperator &I, SymValue A, SymValue B) {
  A = S.resolve(A);
  B = S.resolve(B);
  unsigned Bits = I.getType()->isIntegerTy() ? I.getType()->getIntegerBitWidth() : 64;
  unsigned Op = I.getOpcode();
  if (A.isInt() && B.isInt() && Bits <= 64) {
    APInt X(Bits, A.zext()), Y(Bits, B.zext()), R(Bits, 0);
    switch (Op) {
    case Instruction::Add: R = X + Y; break;
    case Instruction::Sub: R = X - Y; break;
    case Instruction::Mul: R = X * Y; break;
    case Instruction::UDiv: R = X.udiv(Y); break;
    case Instruction::SDiv: R = X.sdiv(Y); break;
    case Instruction::URem: R = X.urem(Y); break;
    case Instruction::SRem: R = X.srem(Y); break;
    case Instruction::Shl: R = Y.uge(Bits) ? APInt(Bits, 0) : X.shl(Y); break;
    case Instruction::LShr: R = Y.uge(Bits) ? APInt(Bits, 0) : X.lshr(Y); break;
    case Instruction::AShr: R = Y.uge(Bits) ? APInt(Bits, 0) : X.ashr(Y); break;
    case Instruction::And: R = X & Y; break;
    case Instruction::Or: R = X | Y; break;
    case Instruction::Xor: R = X ^ Y; break;
    default:
      return derived(S, "op" + std::to_string(Op) + keyOf(A) + keyOf(B), Bits, "");
    }
    return SymValue::integer(R.getZExtValue(), Bits);
  }
  // Pointer arithmetic done on integers keeps the object.
  if (A.isPtr() && B.isInt()) {
    if (Op == Instruction::Add)
      return SymValue::pointer(A.object(), A.offset() + B.sext(), A.memberEnd());
    if (Op == Instruction::Sub)
      return SymValue::pointer(A.object(), A.offset() - B.sext(), A.memberEnd());
    // ALIGN_UP/ALIGN_DOWN: allocations are taken to start on a page, so
    // masking low bits (up to 4 KiB) rounds the offset within the object.
    uint64_t M = B.zext();
    if (Op == Instruction::And && B.bits() == 64 && (~M & (~M + 1)) == 0 && ~M < 4096)
      return SymValue::pointer(A.object(), (int64_t)((uint64_t)A.offset() & M));
  }
  if (B.isPtr() && A.isInt() && Op == Instruction::Add)
    return SymValue::pointer(B.object(), B.offset() + A.sext(), B.memberEnd());
  if (A.isPtr() && B.isPtr() && Op == Instruction::Sub && A.object() == B.object())
    return SymValue::integer((uint64_t)(A.offset() - B.offset()), Bits);
  // Identities keep the symbol.
  if (B.isInt()) {
    uint64_t C = B.zext();
    if (C == 0 && (Op == Instruction::Add || Op == Instruction::Sub || Op == Instruction::Or ||
                   Op == Instruction::Xor || Op == Instruction::Shl || Op == Instruction::LShr ||
                   Op == Instruction::AShr))
      return A;
    if (C == 0 && (Op == Instruction::And || Op == Instruction::Mul))
      return SymValue::integer(0, Bits);
    if (C == 1 && (Op == Instruction::Mul || Op == Instruction::SDiv || Op == Instruction::UDiv))
      return A;
    if (C == maskTo(~uint64_t(0), Bits) && Op == Instruction::And)
      return A;
  }
  std::string Origin;
  if (A.isSym() && B.isInt() && Op == Instruction::And && !S.info(A.sym()).Origin.empty() &&
      !S.info(A.sym()).Origin.contains(' '))
    Origin = S.info(A.sym()).Origin.str() + " & " + std::to_string(B.zext());
  return derived(S, "op" + std::to_string(Op) + "," + keyOf(A) + "," + keyOf(B), Bits, Origin);
}

SymValue Executor::Impl::castValue(State &S, const CastInst &I, SymValue V) {
  V = S.resolve(V);
  Type *To = I.getType();
  unsigned Bits = To->isPointerTy() ? 64 : To->isIntegerTy() ? To->getIntegerBitWidth() : 64;
  switch (I.getOpcode()) {
  case Instruction::Trunc:
  case Instruction::ZExt:
  case Instruction::SExt: {
    if (V.isInt()) {
      if (I.getOpcode() == Instruction::SExt)
        return SymValue::integer((uint64_t)V.sext(), Bits);
      return SymValue::integer(V.zext(), Bits);
    }
    if (V.isSym()) {
      const SymInfo &Info = S.info(V.sym());
      auto [Lo, Hi] = fullRange(Bits);
      bool Keeps = I.getOpcode() == Instruction::SExt ||
                   (I.getOpcode() == Instruction::ZExt && (Info.Lo >= 0 || V.bits() == 1)) ||
                   (I.getOpcode() == Instruction::Trunc && Info.Lo >= Lo && Info.Hi <= Hi);
      if (Keeps)
        return V.withBits(Bits);
    }
    return derived(S, "cast" + std::to_string(I.getOpcode()) + "," + std::to_string(Bits) + "," +
                          keyOf(V),
                   Bits, V.isSym() ? S.info(V.sym()).Origin : StringRef());
  }
  case Instruction::PtrToInt:
  case Instruction::IntToPtr:
  case Instruction::BitCast:
  case Instruction::AddrSpaceCast:
    if (V.isInt())
      return SymValue::integer(V.zext(), Bits);
    if (V.isSym())
      return V.withBits(Bits);
    return V;
  default:
    return SymValue::symbol(S.newSym(Bits, "a floating-point value"), Bits);
  }
}

BoolResult Executor::Impl::truthOf(State &S, const SymValue &Raw) {
  SymValue V = S.resolve(Raw);
  if (V.isInt())
    return BoolResult::known(V.zext() != 0);
  if (V.isPtr() || V.isFunc())
    return BoolResult::known(true);
  if (V.isSym()) {
    BoolResult R;
    R.K = BoolResult::Kind::OnSymbol;
    R.Cond = {V.sym(), V.bits(), CmpInst::ICMP_NE, 0};
    return R;
  }
  return BoolResult();
}

BoolResult Executor::Impl::compare(State &S, unsigned Pred, SymValue A, SymValue B) {
  A = S.resolve(A);
  B = S.resolve(B);
  auto P = (CmpInst::Predicate)Pred;
  if (A.isInt() && B.isInt()) {
    unsigned Bits = std::max<unsigned>(1, std::max(A.bits(), B.bits()));
    return BoolResult::known(ICmpInst::compare(APInt(Bits, A.zext()), APInt(Bits, B.zext()), P));
  }
  bool AddrA = A.isPtr() || A.isFunc(), AddrB = B.isPtr() || B.isFunc();
  if (AddrA && AddrB) {
    bool SameObj = A.isPtr() ? (B.isPtr() && A.object() == B.object()) : (A.func() == B.func());
    if (SameObj)
      return BoolResult::known(ICmpInst::compare(APInt(64, (uint64_t)A.offset()),
                                                 APInt(64, (uint64_t)B.offset()), P));
    if (P == CmpInst::ICMP_EQ || P == CmpInst::ICMP_NE)
      return BoolResult::known(P == CmpInst::ICMP_NE);
    return BoolResult();
  }
  if ((AddrA && B.isNull()) || (AddrB && A.isNull())) {
    if (P == CmpInst::ICMP_EQ || P == CmpInst::ICMP_NE)
      return BoolResult::known(P == CmpInst::ICMP_NE);
    // p > NULL and friends: an address is a large unsigned number.
    bool AIsAddr = AddrA;
    switch (P) {
    case CmpInst::ICMP_UGT: case CmpInst::ICMP_UGE: return BoolResult::known(AIsAddr);
    case CmpInst::ICMP_ULT: case CmpInst::ICMP_ULE: return BoolResult::known(!AIsAddr);
    default: return BoolResult();
    }
  }
  if (A.isSym() && B.isSym() && A.sym() == B.sym())
    return BoolResult::known(P == CmpInst::ICMP_EQ || P == CmpInst::ICMP_SLE ||
                             P == CmpInst::ICMP_SGE || P == CmpInst::ICMP_ULE ||
                             P == CmpInst::ICMP_UGE);
  if (B.isSym() && A.isInt()) {
    std::swap(A, B);
    P = CmpInst::getSwappedPredicate(P);
  }
  if (A.isSym() && B.isInt()) {
    BoolResult R;
    R.K = BoolResult::Kind::OnSymbol;
    R.Cond = {A.sym(), A.bits(), (unsigned)P, B.zext()};
    return R;
  }
  if (A.isSym() && B.isSym() && A.bits() == B.bits()) { // a relation (Relations.h)
    BoolResult R;
    R.K = BoolResult::Kind::OnSymbol;
    R.Cond = {A.sym(), A.bits(), (unsigned)P, 0, true, B.sym()};
    return R;
  }
  return BoolResult(); // an unknown against an address
}

bool Executor::Impl::canBe(const State &S, const SymCondition &C, bool Outcome) {
  if (C.Relational)
    return relationCanBe(S, C.Sym, C.Other, C.Bits, C.Pred, Outcome);
  const SymInfo &I = S.info(C.Sym);
  IntervalSet T = truthSet(C.Pred, C.C, C.Bits ? C.Bits : I.Bits);
  return feasible(I, Outcome ? T : complement(T, C.Bits ? C.Bits : I.Bits));
}

bool Executor::Impl::assume(State &S, const SymCondition &C, bool Outcome) {
  if (!canBe(S, C, Outcome))
    return false;
  if (C.Relational) {
    assumeRelation(S, C.Sym, C.Other, C.Bits, C.Pred, Outcome);
    return true;
  }
  SymInfo &I = S.mutableInfo(C.Sym);
  IntervalSet T = truthSet(C.Pred, C.C, C.Bits ? C.Bits : I.Bits);
  constrain(I, Outcome ? T : complement(T, C.Bits ? C.Bits : I.Bits));
  return true;
}

bool Executor::Impl::deref(State &S, const SymValue &Raw, ObjId &Obj, int64_t &Off) {
  SymValue P = S.resolve(Raw);
  if (P.isPtr()) {
    Obj = P.object();
    Off = P.offset();
    return S.object(Obj) != nullptr;
  }
  if (!P.isSym())
    return false;
  const SymInfo &I = S.info(P.sym());
  if (I.Lo == 0 && I.Hi == 0)
    return false;
  // Dereferencing an unknown pointer means it was not NULL: it now points
  // to an object of unknown contents, for the rest of the path.
  assume(S, {P.sym(), 64, CmpInst::ICMP_NE, 0}, true);
  std::string Name =
      S.info(P.sym()).Origin.empty() ? "memory" : "*" + S.info(P.sym()).Origin.str();
  ObjId O = S.newObject(0, Name);
  S.mutableInfo(P.sym()).Bound = O;
  ++S.Materialized;
  Obj = O;
  Off = 0;
  return true;
}

SymValue Executor::Impl::load(State &S, Type *T, ObjId Obj, int64_t Off) {
  if (auto *ST = dyn_cast<StructType>(T)) {
    const StructLayout *SL = DL.getStructLayout(ST);
    std::vector<SymValue> Elems;
    for (unsigned K = 0; K < ST->getNumElements(); ++K)
      Elems.push_back(load(S, ST->getElementType(K), Obj, Off + SL->getElementOffset(K)));
    return SymValue::aggregate(std::move(Elems));
  }
  if (auto *AT = dyn_cast<ArrayType>(T)) {
    std::vector<SymValue> Elems;
    uint64_t Elt = DL.getTypeAllocSize(AT->getElementType());
    for (unsigned K = 0; K < AT->getNumElements() && K < 64; ++K)
      Elems.push_back(load(S, AT->getElementType(), Obj, Off + K * Elt));
    return SymValue::aggregate(std::move(Elems));
  }
  unsigned Size = T->isSized() ? (unsigned)DL.getTypeStoreSize(T) : 8;
  SymValue V = readMem(S, Obj, (uint64_t)Off, Size);
  if (T->isPointerTy() && V.isInt() && V.bits() != 64)
    return SymValue::integer(V.zext(), 64);
  return V;
}

void Executor::Impl::store(State &S, ObjId Obj, int64_t Off, Type *T, const SymValue &V) {
  if (auto *ST = dyn_cast<StructType>(T)) {
    const StructLayout *SL = DL.getStructLayout(ST);
    for (unsigned K = 0; K < ST->getNumElements(); ++K)
      store(S, Obj, Off + SL->getElementOffset(K), ST->getElementType(K),
            V.isAgg() && K < V.elements().size() ? V.elements()[K] : SymValue());
    return;
  }
  if (auto *AT = dyn_cast<ArrayType>(T)) {
    uint64_t Elt = DL.getTypeAllocSize(AT->getElementType());
    for (unsigned K = 0; K < AT->getNumElements() && K < 64; ++K)
      store(S, Obj, Off + K * Elt, AT->getElementType(),
            V.isAgg() && K < V.elements().size() ? V.elements()[K] : SymValue());
    return;
  }
  unsigned Size = T->isSized() ? (unsigned)DL.getTypeStoreSize(T) : 8;
  if (V.kind() == SymValue::Kind::Int && V.bits() == 0) { // no value: forget
    havocMem(S, Obj, (uint64_t)Off, Size);
    return;
  }
  writeMem(S, Obj, (uint64_t)Off, Size, V);
}

SymValue Executor::Impl::gep(State &S, const GEPOperator &G) {
  SymValue Base = S.resolve(eval(S, G.getPointerOperand()));
  int64_t Off = 0;
  bool Known = true;
  // Where the innermost member indexed into ends, relative to Base (0: no
  // member was indexed into): a structure field ends with the field, an array
  // element with its array, since a pointer to one element may walk the rest.
  int64_t MemberEnd = 0;
  Type *Within = nullptr; // the aggregate the current index selects in (null: the first index)
  std::string Key = "gep," + keyOf(Base);
  for (gep_type_iterator GTI = gep_type_begin(G), E = gep_type_end(G); GTI != E; ++GTI) {
    SymValue Idx = S.resolve(eval(S, GTI.getOperand()));
    Key += "," + keyOf(Idx);
    if (StructType *ST = GTI.getStructTypeOrNull()) {
      unsigned Field = (unsigned)cast<ConstantInt>(GTI.getOperand())->getZExtValue();
      Off += DL.getStructLayout(ST)->getElementOffset(Field);
      if (Type *FT = ST->getElementType(Field); FT->isSized())
        MemberEnd = Off + (int64_t)DL.getTypeAllocSize(FT);
      Within = GTI.getIndexedType();
      continue;
    }
    if (Within && Within->isArrayTy()) // Off is where the array starts
      MemberEnd = Off + (int64_t)DL.getTypeAllocSize(Within);
    Within = GTI.getIndexedType();
    if (!Idx.isInt()) {
      Known = false;
      continue;
    }
    Off += Idx.sext() * (int64_t)GTI.getSequentialElementStride(DL);
  }
  if (!Known) // an unknown index: an unknown pointer, the same one each time
    return derived(S, Key, 64, "");
  auto pointerInto = [&](ObjId O, int64_t BOff, uint64_t BaseEnd) {
    uint64_t End = MemberEnd > 0 ? (uint64_t)(BOff + MemberEnd) : BaseEnd;
    if (BaseEnd && End > BaseEnd) // nested in the member Base points into
      End = BaseEnd;
    return SymValue::pointer(O, BOff + Off, End);
  };
  if (Base.isPtr())
    return pointerInto(Base.object(), Base.offset(), Base.memberEnd());
  if (Base.isSym()) {
    ObjId O;
    int64_t BOff;
    if (deref(S, Base, O, BOff))
      return pointerInto(O, BOff, 0);
  }
  if (Base.isInt())
    return SymValue::integer(Base.zext() + (uint64_t)Off, 64);
  return derived(S, Key, 64, "");
}

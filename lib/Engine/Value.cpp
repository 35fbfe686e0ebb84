//===- Value.cpp - Values of the symbolic executor -------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ndisv/Engine/Value.h"
#include "llvm/IR/Function.h"
#include "llvm/Support/raw_ostream.h"

using namespace ndisv::engine;

uint64_t ndisv::engine::maskTo(uint64_t V, unsigned Bits) {
  return Bits >= 64 ? V : (V & ((uint64_t(1) << Bits) - 1));
}

SymValue SymValue::integer(uint64_t V, unsigned Bits) {
  SymValue R;
  R.K = Kind::Int;
  R.Bits = Bits;
  R.Raw = maskTo(V, Bits);
  return R;
}
SymValue SymValue::symbol(SymId Id, unsigned Bits) {
  SymValue R;
  R.K = Kind::Sym;
  R.Bits = Bits;
  R.Id = Id;
  return R;
}
SymValue SymValue::pointer(ObjId Obj, int64_t Offset, uint64_t MemberEnd) {
  SymValue R;
  R.K = Kind::Ptr;
  R.Bits = 64;
  R.Id = Obj;
  R.Raw = (uint64_t)Offset;
  R.End = MemberEnd;
  return R;
}
SymValue SymValue::function(const llvm::Function *F) {
  SymValue R;
  R.K = Kind::Func;
  R.Bits = 64;
  R.F = F;
  return R;
}
SymValue SymValue::aggregate(std::vector<SymValue> Elems) {
  SymValue R;
  R.K = Kind::Agg;
  R.Elems = std::make_shared<const std::vector<SymValue>>(std::move(Elems));
  return R;
}

int64_t SymValue::sext() const {
  if (Bits == 0 || Bits >= 64)
    return (int64_t)Raw;
  if (Bits == 1)
    return (int64_t)Raw; // booleans read as 0/1
  uint64_t Sign = uint64_t(1) << (Bits - 1);
  return (int64_t)((Raw ^ Sign) - Sign);
}

SymValue SymValue::withBits(unsigned NewBits) const {
  SymValue R = *this;
  if (K == Kind::Int)
    return integer(Raw, NewBits);
  if (K == Kind::Sym)
    R.Bits = NewBits;
  return R;
}

bool SymValue::sameAs(const SymValue &O) const {
  if (K != O.K)
    return false;
  switch (K) {
  case Kind::Int:
    return Raw == O.Raw;
  case Kind::Sym:
    return Id == O.Id;
  case Kind::Ptr:
    return Id == O.Id && Raw == O.Raw;
  case Kind::Func:
    return F == O.F;
  case Kind::Agg:
    return Elems == O.Elems;
  }
  return false;
}

void SymValue::print(llvm::raw_ostream &OS) const {
  switch (K) {
  case Kind::Int:
    OS << sext() << ":i" << Bits;
    break;
  case Kind::Sym:
    OS << "$" << Id << ":i" << Bits;
    break;
  case Kind::Ptr:
    OS << "&obj" << Id << "+" << offset();
    break;
  case Kind::Func:
    OS << "@" << (F ? F->getName() : "?");
    break;
  case Kind::Agg:
    OS << "{" << Elems->size() << " elems}";
    break;
  }
}

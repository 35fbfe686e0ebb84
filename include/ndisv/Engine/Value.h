//===- ndisv/Engine/Value.h - Values of the symbolic executor ---*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// A value on a path is a concrete integer, a symbol (an unknown number whose
// range the path constrains), a pointer into an abstract memory object, a
// function, or an aggregate of these. Pointers never become plain numbers:
// pointer arithmetic moves the offset, so handles and contexts keep their
// identity across stores, loads and casts. A pointer made by indexing into a
// member of a structure also remembers where that member ends (what the IR
// type says), which bounds a copy of unknown length through it.
//===----------------------------------------------------------------------===//
#ifndef NDISV_ENGINE_VALUE_H
#define NDISV_ENGINE_VALUE_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class Function;
class raw_ostream;
} // namespace llvm

namespace ndisv::engine {

using SymId = uint32_t;
using ObjId = uint32_t; // 0 is never a valid object

class SymValue {
public:
  enum class Kind : uint8_t { Int, Sym, Ptr, Func, Agg };

  SymValue() = default;
  static SymValue integer(uint64_t V, unsigned Bits);
  static SymValue symbol(SymId Id, unsigned Bits);
  /// MemberEnd: the object offset where the member Offset points into ends
  /// (0 = unknown: the object's end). It is not part of the pointer's
  /// identity (sameAs ignores it).
  static SymValue pointer(ObjId Obj, int64_t Offset, uint64_t MemberEnd = 0);
  static SymValue function(const llvm::Function *F);
  static SymValue aggregate(std::vector<SymValue> Elems);
  static SymValue null() { return integer(0, 64); }

  Kind kind() const { return K; }
  bool isInt() const { return K == Kind::Int; }
  bool isSym() const { return K == Kind::Sym; }
  bool isPtr() const { return K == Kind::Ptr; }
  bool isFunc() const { return K == Kind::Func; }
  bool isAgg() const { return K == Kind::Agg; }
  bool isNull() const { return K == Kind::Int && Raw == 0; }

  unsigned bits() const { return Bits; }
  uint64_t zext() const { return Raw; }     // Int
  int64_t sext() const;                     // Int, sign-extended from bits()
  SymId sym() const { return Id; }          // Sym
  ObjId object() const { return Id; }       // Ptr
  int64_t offset() const { return (int64_t)Raw; } // Ptr
  uint64_t memberEnd() const { return K == Kind::Ptr ? End : 0; } // Ptr
  const llvm::Function *func() const { return K == Kind::Func ? F : nullptr; }
  const std::vector<SymValue> &elements() const { return *Elems; }

  SymValue withBits(unsigned NewBits) const;
  bool sameAs(const SymValue &O) const; // structural identity
  void print(llvm::raw_ostream &OS) const;

private:
  Kind K = Kind::Int;
  uint16_t Bits = 0;
  uint32_t Id = 0;
  uint64_t Raw = 0;
  union {
    const llvm::Function *F = nullptr; // Func
    uint64_t End;                      // Ptr: memberEnd()
  };
  std::shared_ptr<const std::vector<SymValue>> Elems;
};

uint64_t maskTo(uint64_t V, unsigned Bits);

} // namespace ndisv::engine

#endif

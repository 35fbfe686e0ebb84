//===- Memory.cpp - Reads and writes of abstract memory ---------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Byte-offset cells over a default. Writes split the integer cells they
// partly overlap so the untouched bytes keep their values; anything else
// partly overwritten becomes unknown. memset ranges are kept as fills, so
// zeroing a whole context and then writing its fields reads back exactly.
//===----------------------------------------------------------------------===//
#include "Memory.h"
#include "llvm/Support/Format.h"
#include <string>

using namespace ndisv::engine;

static std::string originOf(const MemObject &Obj, uint64_t Off) {
  std::string N = Obj.Name.empty() ? "memory" : Obj.Name;
  if (Off)
    N += "+" + std::to_string(Off);
  return N;
}

/// Removes cells overlapping [Lo, Hi), keeping the outside bytes of integer cells.
static void eraseRange(MemObject &Obj, uint64_t Lo, uint64_t Hi) {
  if (Obj.Cells.empty())
    return;
  auto It = Obj.Cells.lower_bound(Lo >= 16 ? Lo - 16 : 0);
  std::vector<std::pair<uint64_t, MemObject::Cell>> Keep;
  while (It != Obj.Cells.end() && It->first < Hi) {
    uint64_t CLo = It->first, CHi = It->first + It->second.Size;
    if (CHi <= Lo) {
      ++It;
      continue;
    }
    const SymValue &V = It->second.V;
    if (V.isInt()) {
      uint64_t Raw = V.zext();
      if (CLo < Lo) { // leading bytes survive
        unsigned N = (unsigned)(Lo - CLo);
        Keep.push_back({CLo, {SymValue::integer(Raw, N * 8), N}});
      }
      if (CHi > Hi) { // trailing bytes survive
        unsigned Shift = (unsigned)(Hi - CLo), N = (unsigned)(CHi - Hi);
        Keep.push_back({Hi, {SymValue::integer(Shift >= 8 ? 0 : Raw >> (Shift * 8), N * 8), N}});
      }
    }
    It = Obj.Cells.erase(It);
  }
  for (auto &K : Keep)
    Obj.Cells[K.first] = K.second;
}

/// The last fill covering [Lo, Hi) whole, if no later fill touches it.
static const MemObject::Fill *fillCovering(const MemObject &Obj, uint64_t Lo, uint64_t Hi) {
  for (auto It = Obj.Fills.rbegin(); It != Obj.Fills.rend(); ++It) {
    if (It->Lo <= Lo && Hi <= It->Hi)
      return &*It;
    if (It->Lo < Hi && Lo < It->Hi)
      return nullptr; // a later fill covers part of it
  }
  return nullptr;
}

static bool fillTouches(const MemObject &Obj, uint64_t Lo, uint64_t Hi) {
  for (const auto &F : Obj.Fills)
    if (F.Lo < Hi && Lo < F.Hi)
      return true;
  return false;
}

SymValue ndisv::engine::readMem(State &S, ObjId O, uint64_t Off, unsigned Size) {
  const MemObject *Obj = S.object(O);
  unsigned Bits = Size * 8;
  if (!Obj)
    return SymValue::symbol(S.newSym(Bits, "dead memory"), Bits);
  uint64_t Hi = Off + Size;
  auto It = Obj->Cells.find(Off);
  if (It != Obj->Cells.end() && It->second.Size == Size)
    return It->second.V;
  // A larger or smaller integer cell covering the read.
  auto Lb = Obj->Cells.upper_bound(Off);
  if (Lb != Obj->Cells.begin()) {
    auto Prev = std::prev(Lb);
    uint64_t CLo = Prev->first, CHi = CLo + Prev->second.Size;
    if (CLo <= Off && Hi <= CHi && Prev->second.V.isInt()) {
      unsigned Shift = (unsigned)(Off - CLo);
      uint64_t Raw = Shift >= 8 ? 0 : Prev->second.V.zext() >> (Shift * 8);
      return SymValue::integer(Raw, Bits);
    }
    if (CHi > Off)
      return SymValue::symbol(S.newSym(Bits, originOf(*Obj, Off)), Bits);
  }
  if (Lb != Obj->Cells.end() && Lb->first < Hi)
    return SymValue::symbol(S.newSym(Bits, originOf(*Obj, Off)), Bits);
  const MemObject::Fill *F = fillCovering(*Obj, Off, Hi);
  if (F && !F->Unknown) {
    uint64_t Raw = 0;
    for (unsigned K = 0; K < Size && K < 8; ++K)
      Raw |= uint64_t(F->Byte) << (8 * K);
    return SymValue::integer(Raw, Bits);
  }
  if (!F && Obj->DefaultZero && !fillTouches(*Obj, Off, Hi))
    return SymValue::integer(0, Bits);
  // Unknown: remember the fresh symbol so the path reads it consistently.
  SymValue V = SymValue::symbol(S.newSym(Bits, originOf(*Obj, Off)), Bits);
  MemObject &M = S.mutableObject(O);
  M.Cells[Off] = {V, Size};
  return V;
}

void ndisv::engine::writeMem(State &S, ObjId O, uint64_t Off, unsigned Size, const SymValue &V) {
  if (!S.object(O))
    return;
  MemObject &M = S.mutableObject(O);
  eraseRange(M, Off, Off + Size);
  M.Cells[Off] = {V, Size};
}

void ndisv::engine::fillMem(State &S, ObjId O, uint64_t Off, uint64_t Len, uint8_t Byte) {
  const MemObject *Obj = S.object(O);
  if (!Obj || !Len)
    return;
  MemObject &M = S.mutableObject(O);
  if (Off == 0 && M.Size && Len >= M.Size && Byte == 0) {
    M.Cells.clear();
    M.Fills.clear();
    M.DefaultZero = true;
    return;
  }
  eraseRange(M, Off, Off + Len);
  M.Fills.push_back({Off, Off + Len, Byte});
}

void ndisv::engine::havocMem(State &S, ObjId O, uint64_t Off, uint64_t Len) {
  if (!S.object(O) || !Len)
    return;
  MemObject &M = S.mutableObject(O);
  eraseRange(M, Off, Off + Len);
  // Fills keep the parts outside the forgotten range: copying a MAC address
  // into a zeroed context must not un-zero the rest of it.
  llvm::SmallVector<MemObject::Fill, 2> Kept;
  for (const MemObject::Fill &F : M.Fills) {
    if (F.Hi <= Off || Off + Len <= F.Lo) {
      Kept.push_back(F);
      continue;
    }
    if (F.Lo < Off)
      Kept.push_back({F.Lo, Off, F.Byte});
    if (Off + Len < F.Hi)
      Kept.push_back({Off + Len, F.Hi, F.Byte});
  }
  M.Fills = std::move(Kept);
  if (M.DefaultZero && Off == 0 && M.Size && Len >= M.Size)
    M.DefaultZero = false;
  else if (M.DefaultZero) // the rest stays zero, this range does not
    M.Fills.push_back({Off, Off + Len, 0, /*Unknown=*/true});
}

void ndisv::engine::copyMem(State &S, ObjId Dst, uint64_t DOff, ObjId Src, uint64_t SOff,
                            uint64_t Len) {
  const MemObject *SrcObj = S.object(Src);
  if (!SrcObj || !S.object(Dst) || !Len)
    return;
  MemObject SrcCopy = *SrcObj; // Dst may be Src
  havocMem(S, Dst, DOff, Len);
  if (SrcCopy.DefaultZero)
    fillMem(S, Dst, DOff, Len, 0);
  for (const auto &F : SrcCopy.Fills) {
    uint64_t Lo = std::max(F.Lo, SOff), Hi = std::min(F.Hi, SOff + Len);
    if (Lo < Hi && F.Unknown)
      havocMem(S, Dst, DOff + (Lo - SOff), Hi - Lo);
    else if (Lo < Hi)
      fillMem(S, Dst, DOff + (Lo - SOff), Hi - Lo, F.Byte);
  }
  for (auto It = SrcCopy.Cells.lower_bound(SOff); It != SrcCopy.Cells.end(); ++It) {
    if (It->first + It->second.Size > SOff + Len)
      break;
    writeMem(S, Dst, DOff + (It->first - SOff), It->second.Size, It->second.V);
  }
}

std::optional<SymValue> State::readAt(const SymValue &Ptr, int64_t Off, unsigned Size) {
  SymValue P = resolve(Ptr);
  if (!P.isPtr() || !object(P.object()))
    return std::nullopt;
  return readMem(*this, P.object(), (uint64_t)(P.offset() + Off), Size);
}

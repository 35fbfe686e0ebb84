//===- Memory.h - Reads and writes of abstract memory -----------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_ENGINE_MEMORY_H
#define NDISV_LIB_ENGINE_MEMORY_H

#include "ndisv/Engine/State.h"

namespace ndisv::engine {

/// Reads Size bytes at Off. Unknown bytes become a fresh symbol that the
/// object remembers, so the path reads the same unknown twice.
SymValue readMem(State &S, ObjId O, uint64_t Off, unsigned Size);
void writeMem(State &S, ObjId O, uint64_t Off, unsigned Size, const SymValue &V);
void fillMem(State &S, ObjId O, uint64_t Off, uint64_t Len, uint8_t Byte);
void copyMem(State &S, ObjId Dst, uint64_t DOff, ObjId Src, uint64_t SOff, uint64_t Len);
/// Forgets everything in [Off, Off+Len): later reads are unknown.
void havocMem(State &S, ObjId O, uint64_t Off, uint64_t Len);

} // namespace ndisv::engine

#endif

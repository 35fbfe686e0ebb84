//===- ndisv/Engine/CallModel.h - How a bodiless call behaves ---*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The engine knows no API. A CallModel, filled from the model's table, says
// what a function without a body does: a list of outcomes, each explored as
// its own path (SDV's nondeterministic OS model), and per outcome a few
// effects on the return value, on memory reached through arguments, and on
// named slots the harness reads back (the adapter context, say).
//===----------------------------------------------------------------------===//
#ifndef NDISV_ENGINE_CALLMODEL_H
#define NDISV_ENGINE_CALLMODEL_H

#include "llvm/ADT/StringMap.h"
#include <cstdint>
#include <string>
#include <vector>

namespace ndisv::engine {

/// A value an effect produces.
struct ValueSpec {
  enum class Kind {
    Const,     // an integer
    NewObject, // a fresh, non-null object of unknown contents named Name
    Fresh,     // an unknown number
    Arg,       // argument Arg (1-based)
    LoadArg    // the value stored at argument Arg + Offset, as wide as its use
  };
  Kind K = Kind::Fresh;
  int64_t Const = 0;
  std::string Name;
  bool Zeroed = false; // NewObject: contents start as zero
  unsigned SizeArg = 0; // NewObject: argument holding its size in bytes (0 = unknown)
  bool Device = false;  // NewObject: a device's registers, which the hardware changes
  unsigned Arg = 0;
  int64_t Offset = 0;
};

/// A guard on an effect: the byte at argument Arg + Offset equals Value.
struct ByteGuard {
  bool Present = false;
  unsigned Arg = 0;
  int64_t Offset = 0;
  uint8_t Value = 0;
};

/// How the environment later calls a callback the driver handed it: with
/// NArgs arguments, the driver's context at CtxPos and the handle it was
/// registered under at KeyPos (1-based; 0 = not passed), the rest unknown.
struct CallbackShape {
  unsigned NArgs = 0, CtxPos = 0, KeyPos = 0;
};

struct Effect {
  enum class Kind {
    SetReturn, // the call returns Value
    StoreArg,  // *(argument Arg + Offset) = Value, Size bytes
    SaveSlot,  // the path remembers Value under Slot
    Defer,     // the path remembers callback Fn with context Value under Key, not yet due
    Arm,       // the callback under Key is due (Value, if not NULL, replaces its context)
    Disarm,    // the callback under Key is no longer due
    Call,      // the function Fn holds runs now with CallArgs; its return is the call's
    Yield      // another thread may run during the call (a sleep, a wait): a
               // loop that makes it may wait for memory that thread changes
  };
  Kind K = Kind::SetReturn;
  unsigned Arg = 0;
  unsigned Size = 8; // StoreArg: bytes written
  int64_t Offset = 0; // StoreArg: bytes past argument Arg
  std::string Slot;
  ValueSpec Value;
  ByteGuard Guard;
  ValueSpec Key, Fn;   // Defer, Arm, Disarm
  CallbackShape Shape; // Defer
  std::vector<ValueSpec> CallArgs; // Call
};

struct Outcome {
  std::string Label; // "success", "failure", or "" for a single outcome
  std::vector<Effect> Effects;
};

struct CallModel {
  std::string Function;
  std::vector<Outcome> Outcomes;
  unsigned Line = 0; // in the table, for messages
};

using CallModelTable = llvm::StringMap<CallModel>;

} // namespace ndisv::engine

#endif

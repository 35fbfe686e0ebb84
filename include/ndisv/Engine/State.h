//===- ndisv/Engine/State.h - One path through the driver -------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// A State is everything one path knows: its call stack, abstract memory,
// what it has assumed about each symbol, named slots, the rule monitors'
// variables and the trace a person will read. States fork at every
// undecided branch and at every modelled call with several outcomes, so
// copying must be cheap: memory objects are shared until written
// (copy-on-write), the trace is a shared linked list.
//===----------------------------------------------------------------------===//
#ifndef NDISV_ENGINE_STATE_H
#define NDISV_ENGINE_STATE_H

#include "ndisv/Engine/Value.h"
#include "ndisv/Report/Results.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/BasicBlock.h"
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class DILocation;
class CallBase;
class Instruction;
class GlobalVariable;
} // namespace llvm

namespace ndisv::engine {

/// A vector whose chunks are shared between forked states until one of them
/// writes: a fork costs a pointer per chunk, not a copy of every element.
template <class T, unsigned ChunkSize = 128> class ChunkedVector {
public:
  size_t size() const { return Size; }
  const T &operator[](size_t I) const { return (*Chunks[I / ChunkSize])[I % ChunkSize]; }
  T &mut(size_t I) {
    auto &C = Chunks[I / ChunkSize];
    if (C.use_count() > 1)
      C = std::make_shared<std::vector<T>>(*C);
    return (*C)[I % ChunkSize];
  }
  void push_back(T V) {
    if (Size % ChunkSize == 0) {
      Chunks.push_back(std::make_shared<std::vector<T>>());
      Chunks.back()->reserve(ChunkSize);
    } else if (Chunks.back().use_count() > 1) {
      Chunks.back() = std::make_shared<std::vector<T>>(*Chunks.back());
    }
    Chunks.back()->push_back(std::move(V));
    ++Size;
  }

private:
  std::vector<std::shared_ptr<std::vector<T>>> Chunks;
  size_t Size = 0;
};

/// What a path assumes about one symbol: a signed interval of its width,
/// minus a few excluded points. Symbols constrained to one value read back
/// as that integer.
struct SymInfo {
  unsigned Bits = 32;
  int64_t Lo = 0, Hi = 0;
  llvm::SmallVector<int64_t, 2> Excluded;
  ObjId Bound = 0;     // a pointer symbol that was dereferenced: its object
  llvm::StringRef Origin; // interned: "return of ReadConfig", "Adapter+8", ...
};

/// Abstract memory: cells written at byte offsets, ranges filled by memset,
/// and a default for everything else (unknown, or zero after a whole-object
/// memset). Unknown bytes read as fresh symbols that are then remembered.
struct MemObject {
  struct Cell {
    SymValue V;
    unsigned Size = 0;
  };
  struct Fill {
    uint64_t Lo = 0, Hi = 0; // [Lo, Hi)
    uint8_t Byte = 0;
  };
  uint64_t Size = 0; // 0 = unknown
  SymValue SizeValue; // the allocation's length when it is an unknown number
  bool DefaultZero = false;
  bool Alive = true;
  std::map<uint64_t, Cell> Cells;
  llvm::SmallVector<Fill, 1> Fills;
  std::string Name; // how messages name it: "Adapter", "work item", ...
};

/// A step of the trace; the report prunes calls that hold nothing of note.
struct TraceNode {
  std::shared_ptr<const TraceNode> Prev;
  TraceStep::Kind K = TraceStep::Kind::Event;
  const llvm::DILocation *Loc = nullptr;
  std::string Message;
  unsigned Depth = 0;
  int Tag = -1; // an observer's own notes (a rule's index); -1 for the engine's
};

/// A value an observer follows along the path (a handle a rule tracks):
/// forks copy it like any other part of the state.
struct TrackedValue {
  unsigned Set = 0;  // the observer's own grouping
  SymValue V;
  unsigned Info = 0; // the observer's own data (where it was acquired, ...)
  unsigned Name = 0; // the observer's name for where the driver keeps it
  unsigned NameRank = 0;
  SymValue Home;     // that place's address, when known
  bool Lost = false; // the path forgot what its home held
};

/// A callback the driver handed the environment (a timer's function, a
/// queued work item's routine), which the environment may call later.
struct DeferredCall {
  SymValue Key, Fn, Ctx;
  unsigned NArgs = 0, CtxPos = 0, KeyPos = 0;
  bool Due = false;
  const llvm::DILocation *DueAt = nullptr; // the call that made it due
  std::string DueBy;                        // that call's callee
};

struct Frame {
  const llvm::Function *F = nullptr;
  const llvm::BasicBlock *BB = nullptr;
  const llvm::BasicBlock *PrevBB = nullptr;
  llvm::BasicBlock::const_iterator PC;
  const llvm::CallBase *CallSite = nullptr; // in the caller; null for the entry frame
  llvm::DenseMap<const llvm::Value *, SymValue> Regs;
  llvm::SmallVector<ObjId, 8> Allocas;
  llvm::DenseMap<const llvm::BasicBlock *, unsigned> Visits;
  const llvm::DILocation *LastLoc = nullptr; // last located terminator executed
};

class State {
public:
  std::vector<Frame> Stack;
  ChunkedVector<std::shared_ptr<MemObject>> Objects; // index = ObjId; 0 is never used
  ChunkedVector<SymInfo> Syms;
  std::map<const llvm::GlobalVariable *, ObjId> Globals;
  std::map<std::string, SymValue> Slots;
  /// Derived symbols (x & 4, x + 1, ...) memoised so that a path tests the
  /// same expression the same way twice.
  llvm::DenseMap<uint64_t, SymId> Derived; // keyed by a hash of the expression
  std::shared_ptr<const TraceNode> Trace;
  /// Generic tags for observers: the harness phase and rule variables.
  unsigned Phase = 0;
  std::vector<int64_t> MonitorVars;
  std::vector<uint8_t> MonitorDone; // a rule that aborted on this path stops watching it
  std::vector<TrackedValue> Tracked;
  std::vector<DeferredCall> Deferred;
  uint64_t Id = 0;
  /// Set on a state forked off at the instruction it is about to execute:
  /// which way (or which model outcome) that instruction goes.
  int ForcedOutcome = -1;
  /// Bodiless, unmodelled functions this path called (each once).
  llvm::SmallVector<std::string, 2> UnknownCalls;

  // Symbols.
  SymId newSym(unsigned Bits, llvm::StringRef Origin);
  const SymInfo &info(SymId S) const { return Syms[S]; }
  /// A symbol whose range is one value reads as an integer; a bound pointer
  /// symbol reads as its object.
  SymValue resolve(const SymValue &V) const;

  // Memory.
  ObjId newObject(uint64_t Size, std::string Name, bool Zero = false);
  const MemObject *object(ObjId O) const {
    return O != 0 && O < Objects.size() ? Objects[O].get() : nullptr;
  }
  SymInfo &mutableInfo(SymId S) { return Syms.mut(S); }
  void killObject(ObjId O) { Objects.mut(O).reset(); }
  MemObject &mutableObject(ObjId O); // copy on write
  /// For observers: Size bytes at Ptr + Off, if Ptr is a pointer this path
  /// knows (unknown bytes read as remembered symbols).
  std::optional<SymValue> readAt(const SymValue &Ptr, int64_t Off, unsigned Size);

  // Trace.
  void addTrace(TraceStep::Kind K, const llvm::DILocation *Loc, std::string Msg, int Tag = -1);
  unsigned depth() const { return Stack.empty() ? 0 : (unsigned)Stack.size() - 1; }
};

} // namespace ndisv::engine

#endif

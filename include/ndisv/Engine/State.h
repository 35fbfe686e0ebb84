//===- ndisv/Engine/State.h - One path through the driver -------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// A State is everything one path knows: its call stack, abstract memory,
// what it has assumed about each symbol, named slots, the data observers
// keep per path (typed observer slots the engine never reads) and the trace
// a person will read. States fork at every
// undecided branch and at every modelled call with several outcomes, so
// copying must be cheap: memory objects are shared until written
// (copy-on-write), the trace is a shared linked list.
//===----------------------------------------------------------------------===//
#ifndef NDISV_ENGINE_STATE_H
#define NDISV_ENGINE_STATE_H

#include "ndisv/Engine/Value.h"
#include "ndisv/Report/Results.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/BasicBlock.h"
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <type_traits>
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
  static constexpr unsigned chunkSize() { return ChunkSize; }
  /// Whether element I's chunk is the very one O holds there (shared since
  /// a fork, so equal).
  bool sharesChunkWith(const ChunkedVector &O, size_t I) const {
    size_t C = I / ChunkSize;
    return C < Chunks.size() && C < O.Chunks.size() && Chunks[C] == O.Chunks[C] &&
           (C + 1) * ChunkSize <= std::min(Size, O.Size);
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
  const llvm::Function *Callee = nullptr; // a function pointer called: the target this path chose
  llvm::StringRef Origin; // interned: "return of ReadConfig", "Adapter+8", ...
  /// Which creation this is, process-wide: two paths that hold a symbol of
  /// the same number and serial got it from a common ancestor; the same
  /// number with another serial is another symbol, made after they forked.
  uint64_t Serial = 0;
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
    /// The range holds unknown bytes (forgotten, or different on joined
    /// paths) over a zero default or an earlier fill.
    bool Unknown = false;
    bool operator==(const Fill &O) const {
      return Lo == O.Lo && Hi == O.Hi && Byte == O.Byte && Unknown == O.Unknown;
    }
  };
  uint64_t Size = 0; // 0 = unknown
  SymValue SizeValue; // the allocation's length when it is an unknown number
  bool DefaultZero = false;
  bool Alive = true;
  /// A device's registers (mapped I/O space): the hardware changes them
  /// while the driver runs, so a loop polling one may end (WaitLoops.cpp).
  bool Device = false;
  std::map<uint64_t, Cell> Cells;
  llvm::SmallVector<Fill, 1> Fills;
  std::string Name; // how messages name it: "Adapter", "work item", ...
  /// Which creation this is, process-wide (as SymInfo::Serial): two paths
  /// that hold an object of the same number and serial got it from a
  /// common ancestor, so path joining never renumbers it.
  uint64_t Serial = 0;
};

/// A step of the trace; the report prunes calls that hold nothing of note.
struct TraceNode {
  std::shared_ptr<const TraceNode> Prev;
  TraceStep::Kind K = TraceStep::Kind::Event;
  const llvm::DILocation *Loc = nullptr;
  std::string Message;
  unsigned Depth = 0;
  unsigned Iteration = 0; // of the innermost loop the step is in; 0 outside loops
  int Tag = -1; // an observer's own notes (its own numbering); -1 for the engine's
};

/// Per-path data an observer owns and the engine never looks inside: the
/// shape of the Clang Static Analyzer's generic data map
/// (REGISTER_MAP_WITH_PROGRAMSTATE). An observer declares one key per kind
/// of data,
///
///   static const engine::SlotKey<MyPathData> Key; // registers a slot
///
/// and reads and writes it through State::get / State::mutate / State::set.
/// T must be copyable, compare with ==, and have a `size_t hash() const`.
/// Forks share a slot's value until one of them writes it (copy on write),
/// so an observer pays for a copy only on the paths where its data changes.
/// States compare and hash their slots (sameSlots, slotsHash), which is how
/// path merging tells whether two states differ in what observers follow.
class SlotValueBase {
public:
  virtual ~SlotValueBase();
  virtual bool equals(const SlotValueBase &O) const = 0; // O has the same key
  virtual size_t hash() const = 0;
  virtual std::shared_ptr<SlotValueBase> clone() const = 0;
  /// Whether the data may name a symbol for which Is(Sym) holds: path
  /// joining renames symbols two paths numbered alike after they forked,
  /// and asks this first. T answers with
  /// `bool mentions(llvm::function_ref<bool(SymId)>) const`; a T without
  /// one is taken to mention every symbol (no join that renames).
  virtual bool mentions(llvm::function_ref<bool(SymId)> Is) const = 0;
  /// Path joining pairs two paths' objects by how they are reached
  /// (Correspond.h) and renumbers one path's: these visit every value the
  /// data holds, in a fixed order, and copy the data with its values
  /// mapped. T answers with `void forEachValue(function_ref<void(const
  /// SymValue &)>) const` and `void mapValues(function_ref<SymValue(const
  /// SymValue &)>)`; a T without them cannot be renumbered (false / null:
  /// no join that renumbers).
  virtual bool forEachValue(llvm::function_ref<void(const SymValue &)> F) const = 0;
  virtual std::shared_ptr<SlotValueBase>
  mapValues(llvm::function_ref<SymValue(const SymValue &)> F) const = 0;
};

namespace detail {
template <class T, class = void> struct HasMentions : std::false_type {};
template <class T>
struct HasMentions<T, std::void_t<decltype(std::declval<const T &>().mentions(
                          std::declval<llvm::function_ref<bool(SymId)>>()))>> : std::true_type {};
template <class T, class = void> struct HasValues : std::false_type {};
template <class T>
struct HasValues<T, std::void_t<decltype(std::declval<const T &>().forEachValue(
                                    std::declval<llvm::function_ref<void(const SymValue &)>>())),
                                decltype(std::declval<T &>().mapValues(
                                    std::declval<llvm::function_ref<SymValue(const SymValue &)>>()))>>
    : std::true_type {};
} // namespace detail

/// Hands out slot indexes; one per key object, process-wide. A slot that is
/// not Observed holds engine data that path joining merges itself
/// (Merge.cpp): sameSlots and slotsHash leave it out.
unsigned registerSlotKey(bool Observed = true);

template <class T> class SlotKey {
public:
  SlotKey() : Index(registerSlotKey()) {}
  explicit SlotKey(bool Observed) : Index(registerSlotKey(Observed)) {}
  SlotKey(const SlotKey &) = delete;
  SlotKey &operator=(const SlotKey &) = delete;
  unsigned index() const { return Index; }

  struct Value final : SlotValueBase {
    T V;
    explicit Value(T V) : V(std::move(V)) {}
    bool equals(const SlotValueBase &O) const override {
      return V == static_cast<const Value &>(O).V;
    }
    size_t hash() const override { return V.hash(); }
    std::shared_ptr<SlotValueBase> clone() const override { return std::make_shared<Value>(V); }
    bool mentions(llvm::function_ref<bool(SymId)> Is) const override {
      if constexpr (detail::HasMentions<T>::value)
        return V.mentions(Is);
      else
        return true;
    }
    bool forEachValue(llvm::function_ref<void(const SymValue &)> F) const override {
      if constexpr (detail::HasValues<T>::value) {
        V.forEachValue(F);
        return true;
      }
      return false;
    }
    std::shared_ptr<SlotValueBase>
    mapValues(llvm::function_ref<SymValue(const SymValue &)> F) const override {
      if constexpr (detail::HasValues<T>::value) {
        auto C = std::make_shared<Value>(V);
        C->V.mapValues(F);
        return C;
      }
      return nullptr;
    }
  };

private:
  unsigned Index;
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
  /// Pushed by a model's Call effect: returning finishes the modelled call
  /// (CallSite's callee, this outcome), not a call of F.
  const std::string *ViaModel = nullptr;
  std::string ViaOutcome;
  /// Iteration of the innermost loop holding BB (1 = first); 0 outside loops.
  unsigned LoopIter = 0;
  /// Modelled calls made inside this frame's loops (or in functions they
  /// call) that took an outcome other than the first since the frame last
  /// entered an outermost loop: in later iterations they only take the
  /// first (LoopOutcomes.cpp).
  llvm::SmallVector<const llvm::CallBase *, 2> FailedInLoop;
  /// Headers of this frame's loops whose body made a call during which
  /// another thread may run (a yield, WaitLoops.cpp), and the loop and
  /// iteration whose exit condition was last read again as unknown.
  llvm::SmallVector<const llvm::BasicBlock *, 1> YieldingLoops;
  const llvm::BasicBlock *WaitRereadHeader = nullptr;
  unsigned WaitRereadVisit = 0;
  /// Per loop header of this frame: State::Materialized when the path
  /// entered it the time before last and last, so the exit test knows
  /// whether the last iteration reached new memory through unknown
  /// pointers (WalkLoops.cpp).
  llvm::SmallDenseMap<const llvm::BasicBlock *, std::pair<unsigned, unsigned>, 2> MaterializedAtHead;
  /// The last conditional branch this frame took and why, for the trace's
  /// decisive branch: the path's values decided it (Forked false) or it was
  /// a fork's assumption (already in the trace).
  struct Decision {
    const llvm::Instruction *At = nullptr; // a conditional branch or a switch
    bool Taken = false, Forked = false;
    int Case = -1; // a switch's case index; -1: its default
    unsigned Iteration = 0;
    SymValue Lhs, Rhs; // the compared values (a switch's: its operand)
    /// The first unconditional branches after it (a `goto` or `break` that
    /// skips what follows is among them), at most MaxJumps.
    static constexpr unsigned MaxJumps = 4;
    const llvm::Instruction *Jumps[MaxJumps] = {};
    unsigned NumJumps = 0;
  } Last;
};

/// The object of each global the path uses: made once, at the start
/// (Executor::newState), then only read, so forks share one map until a
/// path adds a global (copy on write) and a fork costs a pointer.
class GlobalObjects {
public:
  using Map = std::map<const llvm::GlobalVariable *, ObjId>;
  /// The global's object; 0 if the path has none yet.
  ObjId lookup(const llvm::GlobalVariable *G) const {
    auto It = M->find(G);
    return It == M->end() ? 0 : It->second;
  }
  void set(const llvm::GlobalVariable *G, ObjId O) { mut()[G] = O; }
  Map::const_iterator begin() const { return M->begin(); }
  Map::const_iterator end() const { return M->end(); }
  /// Every object number mapped by F (a renumbered path's).
  template <class Fn> void mapObjects(Fn F) {
    for (auto &[G, O] : mut())
      O = F(O);
  }
  bool operator==(const GlobalObjects &O) const { return M == O.M || *M == *O.M; }
  bool operator!=(const GlobalObjects &O) const { return !(*this == O); }

private:
  Map &mut() {
    if (M.use_count() > 1)
      M = std::make_shared<Map>(*M);
    return *M;
  }
  std::shared_ptr<Map> M = std::make_shared<Map>();
};

class State {
public:
  std::vector<Frame> Stack;
  ChunkedVector<std::shared_ptr<MemObject>> Objects; // index = ObjId; 0 is never used
  ChunkedVector<SymInfo> Syms;
  GlobalObjects Globals;
  std::map<std::string, SymValue> Slots;
  /// Derived symbols (x & 4, x + 1, ...) memoised so that a path tests the
  /// same expression the same way twice.
  llvm::DenseMap<uint64_t, SymId> Derived; // keyed by a hash of the expression
  std::shared_ptr<const TraceNode> Trace;
  std::vector<DeferredCall> Deferred;
  uint64_t Id = 0;
  /// Set on a state forked off at the instruction it is about to execute:
  /// which way (or which model outcome) that instruction goes.
  int ForcedOutcome = -1;
  /// How many objects this path made for memory reached through an
  /// unknown pointer (Executor::Impl::deref).
  unsigned Materialized = 0;
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

  // Observer slots (see SlotKey). get() is null until the slot is set.
  template <class T> const T *get(const SlotKey<T> &K) const {
    if (K.index() >= ObserverSlots.size() || !ObserverSlots[K.index()])
      return nullptr;
    return &static_cast<const typename SlotKey<T>::Value &>(*ObserverSlots[K.index()]).V;
  }
  template <class T> void set(const SlotKey<T> &K, T V) {
    slotRef(K.index()) = std::make_shared<typename SlotKey<T>::Value>(std::move(V));
  }
  /// The slot's value for writing, copied first if another state shares it;
  /// a slot never set starts as T().
  template <class T> T &mutate(const SlotKey<T> &K) {
    std::shared_ptr<SlotValueBase> &P = slotRef(K.index());
    if (!P)
      P = std::make_shared<typename SlotKey<T>::Value>(T());
    else if (P.use_count() > 1)
      P = P->clone();
    return static_cast<typename SlotKey<T>::Value &>(*P).V;
  }
  /// Whether some observed slot's data may name a symbol Is accepts.
  bool slotsMention(llvm::function_ref<bool(SymId)> Is) const;
  /// Whether every observed slot holds equal values in both states.
  bool sameSlots(const State &O) const;
  /// A hash of the observer slots, consistent with sameSlots.
  size_t slotsHash() const;
  /// Every value the observed slots hold, slot after slot; false if a slot
  /// cannot list them (SlotValueBase::forEachValue).
  bool observedValues(std::vector<SymValue> &Out) const;
  /// Maps every value of the observed slots by F; false (the state
  /// unchanged) if a slot cannot.
  bool mapObservedValues(llvm::function_ref<SymValue(const SymValue &)> F);

  // Trace.
  void addTrace(TraceStep::Kind K, const llvm::DILocation *Loc, std::string Msg, int Tag = -1);
  unsigned depth() const { return Stack.empty() ? 0 : (unsigned)Stack.size() - 1; }

private:
  std::shared_ptr<SlotValueBase> &slotRef(unsigned Index) {
    if (ObserverSlots.size() <= Index)
      ObserverSlots.resize(Index + 1);
    return ObserverSlots[Index];
  }
  /// Index = SlotKey::index(); values are shared between forks until written.
  llvm::SmallVector<std::shared_ptr<SlotValueBase>, 2> ObserverSlots;
};

} // namespace ndisv::engine

#endif

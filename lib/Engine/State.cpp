//===- State.cpp - One path through the driver ------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ndisv/Engine/State.h"
#include "Constraints.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/StringSet.h"
#include <atomic>

using namespace ndisv;
using namespace ndisv::engine;

/// Symbol origins repeat endlessly across forks: keep one copy of each.
static llvm::StringRef intern(llvm::StringRef S) {
  static llvm::StringSet<> Pool;
  return S.empty() ? llvm::StringRef() : Pool.insert(S).first->getKey();
}

SymId State::newSym(unsigned Bits, llvm::StringRef Origin) {
  SymInfo I;
  I.Bits = Bits ? Bits : 64;
  auto [Lo, Hi] = fullRange(I.Bits);
  I.Lo = Lo;
  I.Hi = Hi;
  I.Origin = intern(Origin);
  static std::atomic<uint64_t> NextSerial{1};
  I.Serial = NextSerial++;
  Syms.push_back(std::move(I));
  return (SymId)Syms.size() - 1;
}

SymValue State::resolve(const SymValue &V) const {
  if (!V.isSym())
    return V;
  const SymInfo &I = Syms[V.sym()];
  if (I.Bound)
    return SymValue::pointer(I.Bound, 0);
  if (I.Callee)
    return SymValue::function(I.Callee);
  if (I.Lo == I.Hi)
    return SymValue::integer((uint64_t)I.Lo, V.bits());
  return V;
}

ObjId State::newObject(uint64_t Size, std::string Name, bool Zero) {
  if (Objects.size() == 0)
    Objects.push_back(nullptr); // ObjId 0 means "no object"
  auto O = std::make_shared<MemObject>();
  O->Size = Size;
  O->DefaultZero = Zero;
  O->Name = std::move(Name);
  static std::atomic<uint64_t> NextSerial{1};
  O->Serial = NextSerial++;
  Objects.push_back(std::move(O));
  return (ObjId)Objects.size() - 1;
}

MemObject &State::mutableObject(ObjId O) {
  auto &Ptr = Objects.mut(O);
  if (Ptr.use_count() > 1)
    Ptr = std::make_shared<MemObject>(*Ptr);
  return *Ptr;
}

void State::addTrace(TraceStep::Kind K, const llvm::DILocation *Loc, std::string Msg, int Tag) {
  auto N = std::make_shared<TraceNode>();
  N->Prev = Trace;
  N->K = K;
  N->Loc = Loc;
  N->Message = std::move(Msg);
  N->Depth = depth();
  N->Iteration = Stack.empty() ? 0 : Stack.back().LoopIter;
  N->Tag = Tag;
  Trace = std::move(N);
}

SlotValueBase::~SlotValueBase() = default;

/// Which slot indexes are observed (slot keys are static objects, so they
/// register before any state exists).
static std::vector<bool> &observedSlots() {
  static std::vector<bool> Observed;
  return Observed;
}

unsigned ndisv::engine::registerSlotKey(bool Observed) {
  static std::atomic<unsigned> Next{0};
  unsigned Index = Next++;
  std::vector<bool> &O = observedSlots();
  if (O.size() <= Index)
    O.resize(Index + 1, true);
  O[Index] = Observed;
  return Index;
}

static bool observed(size_t K) {
  const std::vector<bool> &O = observedSlots();
  return K >= O.size() || O[K];
}

bool State::slotsMention(llvm::function_ref<bool(SymId)> Is) const {
  for (size_t K = 0; K < ObserverSlots.size(); ++K)
    if (ObserverSlots[K] && observed(K) && ObserverSlots[K]->mentions(Is))
      return true;
  return false;
}

bool State::sameSlots(const State &O) const {
  size_t N = std::max(ObserverSlots.size(), O.ObserverSlots.size());
  for (size_t K = 0; K < N; ++K) {
    if (!observed(K))
      continue;
    const SlotValueBase *A = K < ObserverSlots.size() ? ObserverSlots[K].get() : nullptr;
    const SlotValueBase *B = K < O.ObserverSlots.size() ? O.ObserverSlots[K].get() : nullptr;
    if (A == B)
      continue; // shared since the fork, or both unset
    if (!A || !B || !A->equals(*B))
      return false;
  }
  return true;
}

size_t State::slotsHash() const {
  llvm::hash_code H = llvm::hash_value(0);
  for (size_t K = 0; K < ObserverSlots.size(); ++K)
    if (ObserverSlots[K] && observed(K)) // unset slots hash as nothing
      H = llvm::hash_combine(H, K, ObserverSlots[K]->hash());
  return H;
}

bool State::observedValues(std::vector<SymValue> &Out) const {
  for (size_t K = 0; K < ObserverSlots.size(); ++K)
    if (ObserverSlots[K] && observed(K) &&
        !ObserverSlots[K]->forEachValue([&](const SymValue &V) { Out.push_back(V); }))
      return false;
  return true;
}

bool State::mapObservedValues(llvm::function_ref<SymValue(const SymValue &)> F) {
  llvm::SmallVector<std::shared_ptr<SlotValueBase>, 2> Mapped(ObserverSlots.size());
  for (size_t K = 0; K < ObserverSlots.size(); ++K) {
    if (!ObserverSlots[K] || !observed(K))
      continue;
    Mapped[K] = ObserverSlots[K]->mapValues(F);
    if (!Mapped[K])
      return false;
  }
  for (size_t K = 0; K < ObserverSlots.size(); ++K)
    if (Mapped[K])
      ObserverSlots[K] = std::move(Mapped[K]);
  return true;
}

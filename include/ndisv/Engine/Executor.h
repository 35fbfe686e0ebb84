//===- ndisv/Engine/Executor.h - Path-sensitive IR executor -----*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Runs functions of the linked driver module symbolically, path by path,
// depth first. Branches the path cannot decide fork it; calls into the
// driver are followed (interprocedural, across files); calls without a body
// follow their CallModel or return an unknown value. Observers see every
// call's entry and exit. The engine knows nothing of NDIS.
//
// Budgets never end in a silent pass: a path cut by a budget is counted and
// the reason kept, and whoever asked for the run turns it into
// "inconclusive".
//===----------------------------------------------------------------------===//
#ifndef NDISV_ENGINE_EXECUTOR_H
#define NDISV_ENGINE_EXECUTOR_H

#include "ndisv/Engine/CallModel.h"
#include "ndisv/Engine/State.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"
#include <functional>
#include <memory>

namespace llvm {
class CallBase;
class Module;
class DataLayout;
class LoopInfo;
class DominatorTree;
} // namespace llvm

namespace ndisv::engine {

struct CallEvent {
  enum class When { Entry, Exit };
  When W = When::Entry;
  llvm::StringRef Callee;   // IR name of the called function
  llvm::StringRef Outcome;  // the model outcome on exit ("" if none)
  const llvm::DILocation *Loc = nullptr;
  const llvm::CallBase *Site = nullptr; // the call instruction (null for harness calls)
  llvm::ArrayRef<SymValue> Args;
  SymValue Ret;
  bool HasRet = false;
};

class Observer {
public:
  virtual ~Observer();
  virtual void onCall(State &S, const CallEvent &E) = 0;
  /// V was written to the memory Ptr (an IR pointer of the current frame,
  /// whose value on the path is Addr) points to: by a store, or by a
  /// modelled call through an argument.
  virtual void onStore(State &S, const SymValue &V, const llvm::Value *Ptr, const SymValue &Addr) {}
  /// The path forgot what [Off, Off+Len) of object O held (a copy or fill of
  /// unknown length): whatever an observer followed there is lost.
  virtual void onForget(State &S, ObjId O, uint64_t Off, uint64_t Len) {}
  /// The path reads, writes, fills or copies through a NULL pointer (or an
  /// address in the first page: a member of a structure at NULL) at Loc.
  /// Exploration is as it was without observers: a load or store through
  /// NULL itself ends the path, the others go on (an unknown value, no write).
  virtual void onNullDereference(State &S, const llvm::DILocation *Loc) {}
};

struct Budget {
  uint64_t MaxInstructions = 40'000'000; // per run of the harness
  uint64_t MaxPaths = 200'000;            // forks
  uint64_t MaxPending = 5'000;            // forked paths waiting at once: bounds memory
  /// Resident memory of the whole process (every path, every compiled TU),
  /// in MB: what MaxPending does not bound (paths whose states grow) must
  /// not end in the OOM killer, where a CI job gets no verdict at all.
  uint64_t MaxMemoryMB = 4096;
  unsigned MaxCallDepth = 48;
  unsigned LoopUnroll = 8;         // iterations before a loop with an undecided exit is left
  unsigned MaxBlockVisits = 20000; // same block in one frame: a loop that never ends
  /// An indirect call the path cannot resolve is explored over at most this
  /// many of the module's address-taken functions of its type.
  unsigned MaxIndirectTargets = 16;
};

/// An indirect call with more possible targets than MaxIndirectTargets: the
/// others were not explored. Whatever they may call (bodiless functions
/// reachable from them) is where a path was left unexplored.
struct UnexploredTargets {
  /// The whole reason, as a rule's verdict gives it: "the indirect call at
  /// f.c:12 in Fn may reach 20 functions ...; the others may call what this
  /// rule watches".
  std::string Why;
  std::vector<std::string> Callees; // sorted
};

struct ExecStats {
  uint64_t Instructions = 0;
  uint64_t Forks = 0;
  uint64_t PathsCut = 0;     // by a budget: makes results inconclusive
  uint64_t BoundedLoops = 0; // loops left at the unrolling bound
  /// The first few loops left at the bound: "the loop at file.c:12 in Fn".
  std::vector<std::string> BoundedLoopSites;
  /// Calls in loops whose other outcomes an earlier iteration of the path
  /// already took, so they took the first only (LoopOutcomes.cpp), and the
  /// first few loops: "the loop at file.c:12 in Fn".
  uint64_t OneFailureLoops = 0;
  std::vector<std::string> OneFailureLoopSites;
  /// Loops that waited for another thread (their body yields, their exit
  /// condition did not change) left at the unrolling bound with the memory
  /// that condition reads made unknown (WaitLoops.cpp), and the first few.
  uint64_t WaitLoops = 0;
  std::vector<std::string> WaitLoopSites;
  uint64_t Sinks = 0;        // paths ended by NULL dereference, unreachable, ...
  /// Paths ended by a load or store through NULL, per place ("adapter.c:120"),
  /// the first few places in the order met; NullEndsTotal counts all of them.
  std::vector<std::pair<std::string, uint64_t>> NullEnds;
  uint64_t NullEndsTotal = 0;
  /// Paths joined into another that held the same observer data (Merge.cpp).
  uint64_t MergedPaths = 0;
  /// Of those, joined after renumbering objects made in another order.
  uint64_t RenumberedJoins = 0;
  /// Paths sent on from a full waiting room at loop heads to make room.
  uint64_t ParkEvictions = 0;
  /// First few, for the report; a budget's names where it was spent.
  std::vector<std::string> CutReasons;
  /// One per indirect call site that had more targets than explored, and
  /// one per call site summarised as a recursion (Recursion.cpp).
  std::vector<UnexploredTargets> Unexplored;
  /// Calls that repeated an active call with the same arguments, summarised.
  uint64_t RecursionsSummarised = 0;
};

class Executor {
public:
  using ReturnFn = std::function<void(std::unique_ptr<State>, SymValue Ret,
                                      const llvm::DILocation *ExitLoc)>;

  Executor(const llvm::Module &M, const CallModelTable &Models, Observer &Obs, Budget B = {});
  ~Executor();

  /// Runs F on S with Args. Every path that returns from F is handed to
  /// OnReturn once F is explored (in the order they returned); paths that
  /// return at the same exit with the same value and equal observer data
  /// are joined first (Merge.cpp), so what follows runs once for them. Paths
  /// that end otherwise are counted in stats().
  void run(std::unique_ptr<State> S, const llvm::Function *F, llvm::ArrayRef<SymValue> Args,
           const ReturnFn &OnReturn);

  /// Splits S on "V <Pred> C" (an llvm::CmpInst::Predicate) into the states
  /// where it holds and where it does not; either may be null if infeasible.
  std::pair<std::unique_ptr<State>, std::unique_ptr<State>>
  split(std::unique_ptr<State> S, const SymValue &V, unsigned Pred, int64_t C);

  /// A fresh object for an argument the environment provides.
  SymValue freshObject(State &S, llvm::StringRef Name);

  const ExecStats &stats() const { return Stats; }
  bool budgetExhausted() const { return Exhausted; }
  /// Functions called without a body and without a model.
  const llvm::StringSet<> &unknownCallees() const { return Unknown; }
  std::unique_ptr<State> newState();
  void fork(State &S); // counts a fork against the budget

  struct Impl;

private:
  friend struct Impl;
  std::unique_ptr<Impl> P;
  ExecStats Stats;
  bool Exhausted = false;
  llvm::StringSet<> Unknown;
};

} // namespace ndisv::engine

#endif

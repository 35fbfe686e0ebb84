//===- ExecutorImpl.h - The executor's private parts ------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_ENGINE_EXECUTORIMPL_H
#define NDISV_LIB_ENGINE_EXECUTORIMPL_H

#include "Constraints.h"
#include "Memory.h"
#include "ndisv/Engine/Executor.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

namespace ndisv::engine {

/// A condition on one symbol ("Sym Pred C") or, if Relational, between two
/// ("Sym Pred Other", see Relations.h) that the path has not decided yet.
struct SymCondition {
  SymId Sym = 0;
  unsigned Bits = 0;
  unsigned Pred = 0; // llvm::CmpInst::Predicate
  uint64_t C = 0;
  bool Relational = false;
  SymId Other = 0;
};

/// The result of evaluating a boolean: known, undecided on a symbol, or
/// undecidable (both ways stay feasible, nothing is learnt).
struct BoolResult {
  enum class Kind { Known, OnSymbol, Unknown } K = Kind::Unknown;
  bool Value = false;
  SymCondition Cond;
  static BoolResult known(bool V) {
    BoolResult R;
    R.K = Kind::Known;
    R.Value = V;
    return R;
  }
};

struct Executor::Impl {
  Impl(Executor &E, const llvm::Module &M, const CallModelTable &Models, Observer &Obs, Budget B)
      : E(E), M(M), DL(M.getDataLayout()), Models(Models), Obs(Obs), B(B) {}

  Executor &E;
  const llvm::Module &M;
  const llvm::DataLayout &DL;
  const CallModelTable &Models;
  Observer &Obs;
  Budget B;
  uint64_t NextStateId = 1;

  struct FunctionInfo {
    std::unique_ptr<llvm::DominatorTree> DT;
    std::unique_ptr<llvm::LoopInfo> LI;
    /// Values used outside the block that defines them; the others are
    /// dropped from a frame when it leaves the block (most, at -O0), which
    /// keeps forked states small.
    llvm::DenseSet<const llvm::Value *> Escaping;
    /// Reverse post-order position of each block: how far along a path is.
    llvm::DenseMap<const llvm::BasicBlock *, unsigned> Order;
  };
  FunctionInfo &info(const llvm::Function *F);
  llvm::DenseMap<const llvm::Function *, std::unique_ptr<FunctionInfo>> Infos;
  llvm::DenseMap<const llvm::BasicBlock *, bool> DedicatedReturn;

  // Budget.cpp: where the bounds and budgets were spent, for the report.
  /// A loop of the current frame was left at the unrolling bound.
  void countBoundedLoop(const State &S);
  /// The path ends at a load or store through NULL at Loc: counted per
  /// place, a bound every pass then names (a sink, not a budget).
  void endAtNull(State &S, const llvm::DILocation *Loc);
  /// Called every CostSampleEvery instructions: charges the loop (or the
  /// call out of the entry function) the path is in.
  void sampleCost(const State &S);
  /// Called at every fork: counts the forking instruction, for the path
  /// and waiting-paths budgets.
  void chargeFork(const State &S);
  /// "the loop at file.c:12 in Fn" for the current frame's innermost loop
  /// (or its function, outside loops).
  std::string currentLoop(const State &S);
  /// "the loop at file.c:12 in Fn", the place the most samples charged.
  std::string costliest() const;
  /// "file.c:40 in Fn (812) and file.c:52 in Fn (400)": the one or two
  /// source lines where the most paths forked, with their fork counts.
  std::string mostForks() const;
  static constexpr uint64_t CostSampleEvery = 1024;
  /// The process's resident memory in MB (0 where the OS does not say):
  /// what the memory budget is held against.
  static uint64_t residentMB();
  struct CostSite {
    uint64_t Samples = 0;
    std::string Place;
  };
  llvm::DenseMap<const void *, CostSite> Costs;
  llvm::DenseMap<const llvm::Instruction *, uint64_t> ForkSites;
  void charge(const State &S, llvm::DenseMap<const void *, CostSite> &To);

  enum class Step { Continue, Returned, Dead };
  using Worklist = std::vector<std::unique_ptr<State>>;

  // Executor.cpp
  Step step(State &S, Worklist &WL, SymValue &RetVal, const llvm::DILocation *&ExitLoc);
  void pushFrame(State &S, const llvm::Function *F, llvm::ArrayRef<SymValue> Args,
                 const llvm::CallBase *Site);
  void enterBlock(State &S, const llvm::BasicBlock *To);
  // Decision.cpp
  void recordDecision(State &S, const llvm::BranchInst &Br, bool Taken, bool Noted);
  void recordSwitch(State &S, const llvm::SwitchInst &Sw, int Case, const SymValue &Value,
                    bool Noted);
  void recordJump(State &S, const llvm::BranchInst &Br);
  void noteDecisiveBranch(State &S);
  SymValue eval(State &S, const llvm::Value *V);
  SymValue evalConstant(State &S, const llvm::Constant *C);
  ObjId globalObject(State &S, const llvm::GlobalVariable *G);
  void storeConstant(State &S, ObjId O, uint64_t Off, const llvm::Constant *C);
  std::unique_ptr<State> clone(const State &S);
  void sink(State &S, const char *Why);
  /// Whether a load or store through Ptr reads NULL: NULL itself, or an
  /// address in the first page (a member of a structure at NULL).
  bool nullAddress(const State &S, const SymValue &Ptr) const;
  bool cut(State &S, const std::string &Why);
  const llvm::DILocation *exitLocation(const State &S, const llvm::ReturnInst *RI);
  llvm::LoopInfo &loops(const llvm::Function *F);

  // Values.cpp
  SymValue derived(State &S, llvm::StringRef Key, unsigned Bits, llvm::StringRef Origin);
  SymValue binary(State &S, const llvm::BinaryOperator &I, SymValue A, SymValue B);
  SymValue castValue(State &S, const llvm::CastInst &I, SymValue V);
  BoolResult compare(State &S, unsigned Pred, SymValue A, SymValue B);
  BoolResult truthOf(State &S, const SymValue &V);
  bool assume(State &S, const SymCondition &C, bool Outcome); // false if infeasible
  bool canBe(const State &S, const SymCondition &C, bool Outcome);
  /// Turns a pointer value into an object and offset, creating the object a
  /// symbolic pointer points to. Returns false for NULL or a non-pointer.
  bool deref(State &S, const SymValue &P, ObjId &Obj, int64_t &Off);
  SymValue load(State &S, llvm::Type *T, ObjId Obj, int64_t Off);
  void store(State &S, ObjId Obj, int64_t Off, llvm::Type *T, const SymValue &V);
  SymValue gep(State &S, const llvm::GEPOperator &G);

  // Merge.cpp
  /// Joins Other into Into when both hold equal observer data and stand at
  /// the same place; false (Into unchanged) when they cannot be joined.
  bool join(State &Into, const State &Other);
  /// A path waiting at a loop head, with the hash of its place and observer
  /// data and how far along it is (see Merge.cpp).
  struct ParkedState {
    std::unique_ptr<State> S;
    size_t Hash;
    std::vector<unsigned> Progress;
  };
  using ParkingLot = std::vector<ParkedState>;
  /// Parks S, which just entered a loop head, or joins it into a path
  /// waiting at the same place and iteration (S is then null). When
  /// MaxParked paths wait, the one furthest along, if it is further than S,
  /// goes to WL to make room; false (S untouched) if none is.
  bool park(ParkingLot &Lot, std::unique_ptr<State> &S, Worklist &WL);
  /// Takes from Lot the states that are least far along, joins what can be
  /// joined among them and returns them in park order.
  Worklist releaseParked(ParkingLot &Lot);
  /// Set by enterBlock when a path enters a loop head: the run parks it.
  bool EnteredLoopHead = false;
  static constexpr size_t MaxParked = 256;

  // LoopOutcomes.cpp
  /// Whether CB, a modelled call inside a loop of some frame, took an
  /// outcome other than its first in an earlier iteration of that loop on
  /// this path (it then takes the first only; counted for the verdict).
  bool failedInEarlierIteration(State &S, const llvm::CallBase &CB);
  /// CB takes an outcome other than its first on this path.
  void noteFailedInLoop(State &S, const llvm::CallBase &CB);

  // WaitLoops.cpp
  /// A call during which another thread may run: every loop the path is in
  /// (in every frame) yields.
  void noteYield(State &S);
  /// Br, an exit branch of a loop, stays in the loop at the unrolling bound
  /// because the path's values say so; if the loop yields and its condition
  /// reads memory another thread can reach, those cells become unknown and
  /// the branch's block runs again (true: the path goes on from there).
  bool rereadWaitCondition(State &S, const llvm::BranchInst &Br, bool Taken);
  /// Whether the loop holding Br, which the path's values keep at the
  /// unrolling bound, reached new memory through unknown pointers in its
  /// last iteration; if so counts and traces leaving it (WalkLoops.cpp).
  bool walkedUnknownMemory(State &S, const llvm::BranchInst &Br);
  /// Counts a loop left that way (Budget.cpp), naming it.
  void countWaitLoop(const State &S);
  /// Adds "the loop at file.c:12 in Fn" to Sites, the first 4 distinct ones
  /// (Budget.cpp).
  void noteLoopSite(std::vector<std::string> &Sites, const llvm::Loop &L, const llvm::Function *F);

  // Calls.cpp
  Step call(State &S, const llvm::CallBase &CB, Worklist &WL);
  bool intrinsic(State &S, const llvm::CallBase &CB, const llvm::Function &F);
  /// Writes unknown bytes through the out-parameters of a call to F, a
  /// function without body or model (see Calls.cpp).
  void havocOutParams(State &S, const llvm::Function &F, llvm::ArrayRef<SymValue> Args);
  /// For a call through a function pointer the path does not know: one of
  /// the functions it may reach, forking the others (null: none known).
  const llvm::Function *chooseTarget(State &S, const llvm::CallBase &CB, const SymValue &Callee,
                                     Worklist &WL);
  /// A GEP with one unknown index into a constant table of routines: forks
  /// one path per entry the index allows (at most MaxIndirectTargets).
  void splitTableIndex(State &S, const llvm::GetElementPtrInst &G, Worklist &WL);
  llvm::DenseMap<const llvm::GlobalVariable *, bool> RoutineTables; // holds functions?
  /// Address-taken functions (with a body or a model) of type T, in module order.
  const std::vector<const llvm::Function *> &targetsOfType(llvm::FunctionType *T);
  llvm::DenseMap<llvm::FunctionType *, std::vector<const llvm::Function *>> TargetsByType;
  llvm::DenseSet<const llvm::CallBase *> UnexploredSites;
  // Recursion.cpp
  /// A call of a function already running on the path: one level of
  /// recursion is followed, as a loop's iterations are.
  enum class Recursion { None, Repeats, TooDeep };
  static constexpr unsigned MaxRecursion = 1;
  /// Repeats: a frame on the path's stack runs F with the same argument
  /// values; TooDeep: F runs more than MaxRecursion times already.
  Recursion recursionOf(const State &S, const llvm::Function &F,
                        llvm::ArrayRef<SymValue> Args) const;
  /// Finishes such a call without running it (see Recursion.cpp).
  void summariseRecursion(State &S, const llvm::CallBase &CB, const llvm::Function &F,
                          llvm::ArrayRef<SymValue> Args, Recursion Why);
  /// The bodiless functions F may reach and the globals the functions with
  /// a body it may reach name.
  void mayReach(const llvm::Function &F, std::vector<std::string> &Declarations,
                llvm::SmallPtrSetImpl<const llvm::GlobalVariable *> &Globals);
  struct RecursionFootprint {
    std::vector<std::string> Declarations;
    llvm::SmallPtrSet<const llvm::GlobalVariable *, 8> Globals;
  };
  llvm::DenseMap<const llvm::Function *, std::unique_ptr<RecursionFootprint>> RecursionReach;
  llvm::DenseSet<const llvm::CallBase *> RecursionSites;
  void applyOutcome(State &S, const llvm::CallBase &CB, const CallModel &Model,
                    const Outcome &O, llvm::ArrayRef<SymValue> Args);
  void finishCall(State &S, const llvm::CallBase &CB, llvm::StringRef Callee,
                  llvm::StringRef Outcome, llvm::ArrayRef<SymValue> Args, const SymValue &Ret,
                  bool HasRet);
};

std::string describeValue(const State &S, const SymValue &V);
/// An argument's source name, from debug info when IR names are discarded.
std::string argumentName(const llvm::Argument &A);

} // namespace ndisv::engine

#endif

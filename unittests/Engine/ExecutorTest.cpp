//===- ExecutorTest.cpp - The executor on small IR functions ----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The engine knows no NDIS: these tests give it made-up APIs through a
// CallModel table, the same way the NDIS model does.
//===----------------------------------------------------------------------===//
#include "ReturnsOf.h"
#include "ndisv/Engine/Executor.h"
#include "ndisv/Model/Model.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"
#include "gtest/gtest.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

namespace {

struct Recorder : Observer {
  std::vector<std::string> Events;
  unsigned NullDerefs = 0;
  void onNullDereference(State &, const DILocation *) override { ++NullDerefs; }
  void onCall(State &S, const CallEvent &E) override {
    Events.push_back((E.W == CallEvent::When::Entry ? "entry " : "exit ") + E.Callee.str() +
                     (E.Outcome.empty() ? "" : "." + E.Outcome.str()));
  }
};

const char *Table = R"(
acquire  success  ret=0 *$1=new(handle)
acquire  failure  ret=0xC000009A
release  -
alloc    success  ret=new(memory)
alloc    failure  ret=0
save     -        slot(ctx)=$1
mktimer  -        *$2=new(timer) defer(*($2+0))=*($1+8),*($1+16),ctx@2/4
settimer -        arm($1)=$2
stoptimer -       disarm($1)=0
withcb   -        call($1)=$2
)";

class ExecutorTest : public ::testing::Test {
protected:
  void load(const char *IR) {
    SMDiagnostic Err;
    M = parseAssemblyString(IR, Err, Ctx);
    ASSERT_TRUE(M) << Err.getMessage().str();
    auto T = model::parseApiTable(Table, "test.table");
    ASSERT_TRUE(!!T) << toString(T.takeError());
    Models = std::move(*T);
  }
  /// Runs F and returns the concrete return values of the paths, in order.
  std::vector<int64_t> run(StringRef F, Budget B = {}) {
    X = std::make_unique<Executor>(*M, Models, Rec, B);
    return returnsOf(*X, M->getFunction(F));
  }
  LLVMContext Ctx;
  std::unique_ptr<Module> M;
  CallModelTable Models;
  Recorder Rec;
  std::unique_ptr<Executor> X;
};

TEST_F(ExecutorTest, EveryModelOutcomeIsAPath) {
  load(R"(
declare i32 @acquire(ptr)
declare void @release(ptr)
define i32 @init() {
  %h = alloca ptr
  %s = call i32 @acquire(ptr %h)
  %ok = icmp eq i32 %s, 0
  br i1 %ok, label %good, label %bad
good:
  %v = load ptr, ptr %h
  call void @release(ptr %v)
  ret i32 0
bad:
  ret i32 %s
}
)");
  // The failure outcome is explored first: failure paths end soon, so few
  // paths wait.
  std::vector<int64_t> Rets = run("init");
  ASSERT_EQ(Rets.size(), 2u);
  EXPECT_EQ(Rets[0], (int64_t)(int32_t)0xC000009A);
  EXPECT_EQ(Rets[1], 0);
  std::vector<std::string> Want = {"entry acquire", "exit acquire.failure", "entry acquire",
                                   "exit acquire.success", "entry release", "exit release"};
  EXPECT_EQ(Rec.Events, Want);
}

TEST_F(ExecutorTest, NullCheckedAllocationNeverDereferencesNull) {
  load(R"(
declare ptr @alloc()
define i32 @f() {
  %p = call ptr @alloc()
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %fail, label %use
use:
  store i32 7, ptr %p
  %v = load i32, ptr %p
  ret i32 %v
fail:
  ret i32 -1
}
)");
  std::vector<int64_t> Rets = run("f");
  EXPECT_EQ(Rets, (std::vector<int64_t>{-1, 7}));
  EXPECT_EQ(X->stats().Sinks, 0u);
}

TEST_F(ExecutorTest, UncheckedAllocationFailureEndsThePath) {
  load(R"(
declare ptr @alloc()
define i32 @f() {
  %p = call ptr @alloc()
  store i32 7, ptr %p
  ret i32 1
}
)");
  EXPECT_EQ(run("f"), (std::vector<int64_t>{1}));
  EXPECT_EQ(X->stats().Sinks, 1u);
}

TEST_F(ExecutorTest, NullDereferenceIsToldToObserversMemberAccessToo) {
  load(R"(
%struct.S = type { i32, i32 }
declare ptr @alloc()
define i32 @f() {
  %p = call ptr @alloc()
  %m = getelementptr %struct.S, ptr %p, i32 0, i32 1
  store i32 7, ptr %m
  ret i32 1
}
)");
  // The failed allocation's path writes to NULL+4: told, and it goes on as
  // it did before observers heard of it (the write is lost).
  run("f");
  EXPECT_EQ(Rec.NullDerefs, 1u);
  EXPECT_EQ(X->stats().Sinks, 0u);
}

TEST_F(ExecutorTest, ModelCallEffectRunsTheFunctionItWasHanded) {
  load(R"(
declare i8 @withcb(ptr, ptr)
define i8 @cb(ptr %ctx) {
  store i32 5, ptr %ctx
  ret i8 3
}
define i32 @f() {
  %c = alloca i32
  store i32 0, ptr %c
  %r = call i8 @withcb(ptr @cb, ptr %c)
  %v = load i32, ptr %c
  %r32 = zext i8 %r to i32
  %s = add i32 %v, %r32
  ret i32 %s
}
)");
  // cb runs inside withcb with its context; withcb returns what cb returned.
  EXPECT_EQ(run("f"), (std::vector<int64_t>{8}));
  std::vector<std::string> Want = {"entry withcb", "exit withcb"};
  EXPECT_EQ(Rec.Events, Want);
}

TEST_F(ExecutorTest, UnknownValuesAreTestedConsistently) {
  // The same unknown tested twice must take the same way both times.
  load(R"(
declare i32 @unknown()
define i32 @f() {
  %x = call i32 @unknown()
  %a = icmp sgt i32 %x, 10
  br i1 %a, label %big, label %small
big:
  %b = icmp slt i32 %x, 5
  br i1 %b, label %impossible, label %done
small:
  ret i32 2
impossible:
  ret i32 3
done:
  ret i32 1
}
)");
  EXPECT_EQ(run("f"), (std::vector<int64_t>{1, 2}));
  EXPECT_TRUE(X->unknownCallees().count("unknown"));
}

TEST_F(ExecutorTest, LoopWithUnknownBoundIsLeftAtTheUnrollingBound) {
  load(R"(
declare i32 @unknown()
define i32 @f() {
entry:
  %n = call i32 @unknown()
  br label %head
head:
  %i = phi i32 [0, %entry], [%next, %body]
  %more = icmp slt i32 %i, %n
  br i1 %more, label %body, label %exit
body:
  %next = add i32 %i, 1
  br label %head
exit:
  ret i32 %i
}
)");
  Budget B;
  B.LoopUnroll = 4;
  std::vector<int64_t> Rets = run("f", B);
  // Paths wait at the loop head each iteration, so they leave in order.
  EXPECT_EQ(Rets, (std::vector<int64_t>{0, 1, 2, 3}));
  EXPECT_EQ(X->stats().BoundedLoops, 1u);
  EXPECT_EQ(X->stats().PathsCut, 0u);
}

TEST_F(ExecutorTest, AllocationsPastTheUnrollingBoundOnlySucceed) {
  // 100 allocations in a loop: failure is explored for the first iterations
  // only, so the paths are about LoopUnroll + 1, not 101.
  load(R"(
declare ptr @alloc()
define i32 @f() {
entry:
  br label %head
head:
  %i = phi i32 [0, %entry], [%next, %ok]
  %p = call ptr @alloc()
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %fail, label %ok
ok:
  %next = add i32 %i, 1
  %more = icmp slt i32 %next, 100
  br i1 %more, label %head, label %done
fail:
  ret i32 -1
done:
  ret i32 0
}
)");
  Budget B;
  B.LoopUnroll = 4;
  std::vector<int64_t> Rets = run("f", B);
  // 4 failing iterations, then one path that gets through; the failing
  // ones return the same value at the same exit and are joined.
  EXPECT_EQ(Rets, (std::vector<int64_t>{-1, 0}));
  EXPECT_EQ(X->stats().MergedPaths, 3u);
  EXPECT_GT(X->stats().BoundedLoops, 0u);
}

// Two branches that store different values meet at a loop head and go on as
// one path; the joined value stands for both, so both tests on it stay open.
static const char *JoinIR = R"(
declare i32 @unknown()
define i32 @f() {
entry:
  %a = alloca i32
  %c = call i32 @unknown()
  %t = icmp eq i32 %c, 0
  br i1 %t, label %one, label %two
one:
  store i32 5, ptr %a
  br label %head
two:
  store i32 9, ptr %a
  br label %head
head:
  %i = phi i32 [0, %one], [0, %two], [%n, %head]
  %n = add i32 %i, 1
  %more = icmp slt i32 %n, 3
  br i1 %more, label %head, label %after
after:
  %v = load i32, ptr %a
  %lo = icmp sgt i32 %v, 4
  br i1 %lo, label %inrange, label %outside
inrange:
  %is9 = icmp eq i32 %v, PROBE
  br i1 %is9, label %yes, label %no
yes:
  ret i32 1
no:
  ret i32 0
outside:
  ret i32 -1
}
)";

TEST_F(ExecutorTest, PathsJoinAtLoopHeadsAndKeepEveryValue) {
  for (const char *Probe : {"9", "5"}) {
    std::string IR = JoinIR;
    IR.replace(IR.find("PROBE"), 5, Probe);
    load(IR.c_str());
    std::vector<int64_t> Rets = run("f");
    EXPECT_EQ(X->stats().MergedPaths, 1u);
    // Both stored values are still possible after the join (either probe
    // is feasible both ways); 5..9 is all the join allows (never -1).
    EXPECT_EQ(Rets, (std::vector<int64_t>{1, 0})) << Probe;
  }
}

// Objects are numbered in creation order, so the same number can stand for
// different objects on two paths: here the memory one branch allocates and
// the handle the other acquires. They are different objects, never joined
// as one (the paths meet at the loop head and stay apart), while the two
// failed branches, which hold no object, still join.
static const char *DifferentObjectsIR = R"(
declare i32 @unknown()
declare ptr @alloc()
declare i32 @acquire(ptr)
define i32 @f() {
entry:
  %slot = alloca ptr
  store ptr null, ptr %slot
  %c = call i32 @unknown()
  %t = icmp eq i32 %c, 0
  br i1 %t, label %one, label %two
one:
  %m = call ptr @alloc()
  store ptr %m, ptr %slot
  br label %head
two:
  %r = call i32 @acquire(ptr %slot)
  br label %head
head:
  %i = phi i32 [0, %one], [0, %two], [%n, %head]
  %n = add i32 %i, 1
  %more = icmp slt i32 %n, 3
  br i1 %more, label %head, label %after
after:
  %p = load ptr, ptr %slot
  %null = icmp eq ptr %p, null
  br i1 %null, label %none, label %some
none:
  ret i32 0
some:
  ret i32 1
}
)";

TEST_F(ExecutorTest, ObjectsOfDifferentAllocationsAreNotJoined) {
  load(DifferentObjectsIR);
  run("f");
  EXPECT_EQ(X->stats().MergedPaths, 2u);
}

namespace {
struct Marker {
  int V = 0;
  bool operator==(const Marker &O) const { return V == O.V; }
  size_t hash() const { return V; }
};
const SlotKey<Marker> MarkKey;
/// Keeps per path whether @mark was called: data the engine must not join.
struct MarkingObserver : Observer {
  void onCall(State &S, const CallEvent &E) override {
    if (E.W == CallEvent::When::Exit && E.Callee == "mark")
      S.mutate(MarkKey).V = 1;
  }
};
} // namespace

TEST_F(ExecutorTest, PathsWithDifferentObserverDataStayApart) {
  std::string IR = JoinIR;
  IR.replace(IR.find("PROBE"), 5, "9");
  IR.replace(IR.find("  store i32 5"), 0, "  call void @mark()\n");
  IR = "declare void @mark()\n" + IR;
  load(IR.c_str());
  MarkingObserver Obs;
  Executor Ex(*M, Models, Obs, Budget{});
  std::vector<std::pair<int, int64_t>> Rets;
  Ex.run(Ex.newState(), M->getFunction("f"), {},
         [&](std::unique_ptr<State> S, SymValue Ret, const DILocation *) {
           Rets.push_back({S->get(MarkKey) ? S->get(MarkKey)->V : 0, S->resolve(Ret).sext()});
         });
  EXPECT_EQ(Ex.stats().MergedPaths, 0u);
  // Each path keeps its own value: the marked one stored 5, the other 9.
  EXPECT_EQ(Rets, (std::vector<std::pair<int, int64_t>>{{1, 0}, {0, 1}}));
}

TEST_F(ExecutorTest, ConcreteLoopsRunToTheirEnd) {
  load(R"(
define i32 @f() {
entry:
  br label %head
head:
  %i = phi i32 [0, %entry], [%next, %head]
  %next = add i32 %i, 1
  %more = icmp slt i32 %next, 100
  br i1 %more, label %head, label %exit
exit:
  ret i32 %next
}
)");
  EXPECT_EQ(run("f"), (std::vector<int64_t>{100}));
}

TEST_F(ExecutorTest, PendingPathsBudgetEndsInExhaustion) {
  // Every acquire forks; with at most one waiting path the second fork
  // exceeds the budget.
  load(R"(
declare i32 @acquire(ptr)
define i32 @f(ptr %h) {
  %a = call i32 @acquire(ptr %h)
  %b = call i32 @acquire(ptr %h)
  ret i32 0
}
)");
  Budget B;
  B.MaxPending = 0;
  run("f", B);
  EXPECT_TRUE(X->budgetExhausted());
  EXPECT_NE(X->stats().CutReasons.front().find("memory budget"), std::string::npos);
}

TEST_F(ExecutorTest, PathBudgetEndsInExhaustionNotSilence) {
  load(R"(
declare i32 @acquire(ptr)
define i32 @f(ptr %h) {
  %a = call i32 @acquire(ptr %h)
  %b = call i32 @acquire(ptr %h)
  %c = call i32 @acquire(ptr %h)
  ret i32 0
}
)");
  Budget B;
  B.MaxPaths = 2;
  run("f", B);
  EXPECT_TRUE(X->budgetExhausted());
  EXPECT_GT(X->stats().PathsCut, 0u);
}

// A path whose state keeps growing is stopped by the heap in use, not by
// the OOM killer: 300,000 instructions on one path, over a budget of 0 MB.
TEST_F(ExecutorTest, MemoryBudgetEndsInExhaustion) {
  load(R"(
define void @spin() {
entry:
  br label %head
head:
  %i = phi i32 [0, %entry], [%n, %head]
  %n = add i32 %i, 1
  %more = icmp slt i32 %n, 10000
  br i1 %more, label %head, label %out
out:
  ret void
}
define i32 @f() {
entry:
  br label %head
head:
  %k = phi i32 [0, %entry], [%m, %head]
  call void @spin()
  %m = add i32 %k, 1
  %more = icmp slt i32 %m, 10
  br i1 %more, label %head, label %out
out:
  ret i32 0
}
)");
  Budget B;
  run("f", B);
  EXPECT_FALSE(X->budgetExhausted());
  B.MaxMemoryMB = 0;
  run("f", B);
  EXPECT_TRUE(X->budgetExhausted());
  EXPECT_GT(X->stats().PathsCut, 0u);
}

TEST_F(ExecutorTest, SlotsRememberWhatTheModelSaves) {
  load(R"(
declare void @save(ptr)
define i32 @f() {
  %ctx = alloca i32
  call void @save(ptr %ctx)
  ret i32 0
}
)");
  X = std::make_unique<Executor>(*M, Models, Rec);
  bool Saved = false;
  X->run(X->newState(), M->getFunction("f"), {},
         [&](std::unique_ptr<State> S, SymValue, const DILocation *) {
           Saved = S->Slots.count("ctx") && S->Slots["ctx"].isPtr();
         });
  EXPECT_TRUE(Saved);
}

TEST_F(ExecutorTest, CallbacksHandedOverAreDueUntilDisarmed) {
  load(R"(
declare void @mktimer(ptr, ptr)
declare void @settimer(ptr, ptr)
declare void @stoptimer(ptr)
define void @cb(ptr %a, ptr %ctx, ptr %b, ptr %c) {
  ret void
}
define i32 @f(i32 %stop) {
  %chars = alloca { i32, i32, ptr, ptr }
  %ctx = alloca i32
  %fnp = getelementptr inbounds { i32, i32, ptr, ptr }, ptr %chars, i32 0, i32 2
  store ptr @cb, ptr %fnp
  %ctxp = getelementptr inbounds { i32, i32, ptr, ptr }, ptr %chars, i32 0, i32 3
  store ptr %ctx, ptr %ctxp
  %h = alloca ptr
  call void @mktimer(ptr %chars, ptr %h)
  %t = load ptr, ptr %h
  call void @settimer(ptr %t, ptr null)
  %s = icmp ne i32 %stop, 0
  br i1 %s, label %halt, label %done
halt:
  call void @stoptimer(ptr %t)
  br label %done
done:
  ret i32 0
}
)");
  X = std::make_unique<Executor>(*M, Models, Rec);
  auto S = X->newState();
  SymValue Stop = SymValue::symbol(S->newSym(32, "stop"), 32);
  std::vector<std::pair<bool, bool>> Seen; // (due, fn is @cb with a pointer context)
  X->run(std::move(S), M->getFunction("f"), {Stop},
         [&](std::unique_ptr<State> St, SymValue, const DILocation *) {
           ASSERT_EQ(St->Deferred.size(), 1u);
           const DeferredCall &D = St->Deferred[0];
           Seen.push_back({D.Due, D.Fn.isFunc() && D.Fn.func()->getName() == "cb" &&
                                      St->resolve(D.Ctx).isPtr() && D.CtxPos == 2 && D.NArgs == 4});
         });
  ASSERT_EQ(Seen.size(), 2u);
  // One path stops the timer, the other leaves it due; both keep the callback.
  EXPECT_NE(Seen[0].first, Seen[1].first);
  EXPECT_TRUE(Seen[0].second && Seen[1].second);
}

TEST_F(ExecutorTest, FlagSetAfterSuccessGuardsTheRelease) {
  // if (acquire() == 0) flag = 1; ... if (flag) release();  -- no path
  // releases without having acquired.
  load(R"(
declare i32 @acquire(ptr)
declare void @release(ptr)
define i32 @f(ptr %h) {
entry:
  %flag = alloca i32
  store i32 0, ptr %flag
  %s = call i32 @acquire(ptr %h)
  %ok = icmp eq i32 %s, 0
  br i1 %ok, label %set, label %later
set:
  store i32 1, ptr %flag
  br label %later
later:
  %f = load i32, ptr %flag
  %t = icmp ne i32 %f, 0
  br i1 %t, label %rel, label %out
rel:
  call void @release(ptr %h)
  br label %out
out:
  ret i32 %f
}
)");
  EXPECT_EQ(run("f"), (std::vector<int64_t>{0, 1}));
  std::vector<std::string> Want = {"entry acquire", "exit acquire.failure", "entry acquire",
                                   "exit acquire.success", "entry release", "exit release"};
  EXPECT_EQ(Rec.Events, Want);
}

} // namespace

namespace {
TEST_F(ExecutorTest, UnknownLengthCopyStaysInTheMemberItWasIndexedInto) {
  // { i64 before, [16 x i8] name, i64 after }: a copy of unknown length into
  // the name keeps both neighbours; one through the structure's own address
  // keeps only what lies before the destination.
  load(R"(
%T = type { i64, [16 x i8], i64 }
declare i64 @len()
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
define i64 @intoMember(ptr %src) {
  %t = alloca %T
  %b = getelementptr %T, ptr %t, i32 0, i32 0
  store i64 7, ptr %b
  %a = getelementptr %T, ptr %t, i32 0, i32 2
  store i64 42, ptr %a
  %name = getelementptr %T, ptr %t, i32 0, i32 1
  %first = getelementptr [16 x i8], ptr %name, i64 0, i64 0
  %n = call i64 @len()
  call void @llvm.memcpy.p0.p0.i64(ptr %first, ptr %src, i64 %n, i1 false)
  %v = load i64, ptr %a
  %w = load i64, ptr %b
  %r = add i64 %v, %w
  ret i64 %r
}
define i64 @overTheTail(ptr %src) {
  %t = alloca %T
  %b = getelementptr %T, ptr %t, i32 0, i32 0
  store i64 7, ptr %b
  %a = getelementptr %T, ptr %t, i32 0, i32 2
  store i64 42, ptr %a
  %raw = getelementptr i8, ptr %t, i64 8
  %n = call i64 @len()
  call void @llvm.memcpy.p0.p0.i64(ptr %raw, ptr %src, i64 %n, i1 false)
  %w = load i64, ptr %b
  %v = load i64, ptr %a
  %c = icmp eq i64 %v, 42
  %r = select i1 %c, i64 %w, i64 0
  ret i64 %r
}
)");
  EXPECT_EQ(run("intoMember"), (std::vector<int64_t>{49}));
  // The field after the raw offset is forgotten (both ways), the one before it is not.
  EXPECT_EQ(run("overTheTail"), (std::vector<int64_t>{7, 0}));
}

TEST(ApiTable, ParsesOutcomesEffectsAndGuards) {
  auto T = model::parseApiTable(
      "f success ret=0 *$4=new(interrupt handle) slot(ctx)=*($2+8) when:u8($2+0)==0x9E\n"
      "f failure ret=0xC000009A  # comment\n"
      "g - *$1=0:i32\n",
      "t");
  ASSERT_TRUE(!!T) << toString(T.takeError());
  const CallModel &F = (*T)["f"];
  ASSERT_EQ(F.Outcomes.size(), 2u);
  EXPECT_EQ(F.Outcomes[0].Label, "success");
  ASSERT_EQ(F.Outcomes[0].Effects.size(), 3u);
  EXPECT_EQ(F.Outcomes[0].Effects[1].Value.Name, "interrupt handle");
  EXPECT_TRUE(F.Outcomes[0].Effects[2].Guard.Present);
  EXPECT_EQ(F.Outcomes[0].Effects[2].Guard.Value, 0x9E);
  EXPECT_EQ(F.Outcomes[0].Effects[2].Value.Offset, 8);
  EXPECT_EQ((*T)["g"].Outcomes[0].Effects[0].Size, 4u);
}

TEST(ApiTable, ParsesStoresAtAnOffset) {
  auto T = model::parseApiTable("e - ret=*($1+4) *($1+4)=1:i32\n", "t");
  ASSERT_TRUE(!!T) << toString(T.takeError());
  const Effect &St = (*T)["e"].Outcomes[0].Effects[1];
  EXPECT_EQ(St.K, Effect::Kind::StoreArg);
  EXPECT_EQ(St.Arg, 1u);
  EXPECT_EQ(St.Offset, 4);
  EXPECT_EQ(St.Size, 4u);
  for (const char *Bad : {"e - *($1+4=1\n", "e - *(x+4)=1\n"}) {
    auto E = model::parseApiTable(Bad, "t");
    EXPECT_FALSE(!!E) << Bad;
    if (!E)
      consumeError(E.takeError());
  }
}

// An event's signal state: the LONG at offset 4 is set, cleared and read back
// at its own width, and the value before a store is what the call returns.
TEST(ApiTableEffects, StoreAtOffsetAndLoadAsWideAsTheReturn) {
  LLVMContext Ctx;
  SMDiagnostic Err;
  auto M = parseAssemblyString(R"(
declare void @init(ptr, i8)
declare i32 @set(ptr)
declare i32 @read(ptr)
define i32 @f() {
  %ev = alloca [24 x i8]
  %next = getelementptr i8, ptr %ev, i64 8
  store i32 99, ptr %next
  call void @init(ptr %ev, i8 1)
  %old = call i32 @set(ptr %ev)
  %now = call i32 @read(ptr %ev)
  %n = load i32, ptr %next
  %a = mul i32 %old, 100
  %b = mul i32 %now, 10
  %c = add i32 %a, %b
  %d = add i32 %c, %n
  ret i32 %d
}
)", Err, Ctx);
  ASSERT_TRUE(M) << Err.getMessage().str();
  auto T = model::parseApiTable("init - *($1+4)=$2:i32\n"
                                "set - ret=*($1+4) *($1+4)=2:i32\n"
                                "read - ret=*($1+4)\n",
                                "t");
  ASSERT_TRUE(!!T) << toString(T.takeError());
  Recorder Rec;
  Executor X(*M, *T, Rec, Budget{});
  // old 1 (from init's BOOLEAN), now 2, the next field untouched (99).
  EXPECT_EQ(returnsOf(X, M->getFunction("f")), (std::vector<int64_t>{100 + 20 + 99}));
}

TEST(ApiTable, ParsesCallbackEffects) {
  auto T = model::parseApiTable("q - defer($1)=$2,$3,ctx@1/2,key@2 arm($1)=0\n"
                                "c - disarm($1)=0\n",
                                "t");
  ASSERT_TRUE(!!T) << toString(T.takeError());
  const Effect &D = (*T)["q"].Outcomes[0].Effects[0];
  EXPECT_EQ(D.K, Effect::Kind::Defer);
  EXPECT_EQ(D.Fn.Arg, 2u);
  EXPECT_EQ(D.Value.Arg, 3u);
  EXPECT_EQ(D.Shape.NArgs, 2u);
  EXPECT_EQ(D.Shape.CtxPos, 1u);
  EXPECT_EQ(D.Shape.KeyPos, 2u);
  EXPECT_EQ((*T)["q"].Outcomes[0].Effects[1].K, Effect::Kind::Arm);
  EXPECT_EQ((*T)["c"].Outcomes[0].Effects[0].K, Effect::Kind::Disarm);
  for (const char *Bad : {"q - defer($1)=$2,$3\n", "q - defer($1)=$2,$3,ctx@3/2\n",
                          "q - arm($1)=$2,$3\n", "q - defer($1)=$2,$3,when@1\n"}) {
    auto E = model::parseApiTable(Bad, "t");
    EXPECT_FALSE(!!E) << Bad;
    if (!E)
      EXPECT_NE(toString(E.takeError()).find("t:1:"), std::string::npos);
  }
}

TEST(ApiTable, ParsesYield) {
  auto T = model::parseApiTable("s - yield\nw - ret=fresh yield\n", "t");
  ASSERT_TRUE(!!T) << toString(T.takeError());
  EXPECT_EQ((*T)["s"].Outcomes[0].Effects[0].K, Effect::Kind::Yield);
  EXPECT_EQ((*T)["w"].Outcomes[0].Effects[1].K, Effect::Kind::Yield);
  auto E = model::parseApiTable("s - yield when:u8($1+0)==1\n", "t");
  EXPECT_FALSE(!!E);
  if (!E)
    consumeError(E.takeError());
}

TEST(ApiTable, RejectsMixedSingleAndForkingOutcomes) {
  for (const char *Text : {"f - ret=0\nf success ret=0\n", "f success ret=0\nf - ret=1\n"}) {
    auto T = model::parseApiTable(Text, "t");
    ASSERT_FALSE(!!T);
    EXPECT_NE(toString(T.takeError()).find("t:2:"), std::string::npos);
  }
}

TEST(ApiTable, TheShippedTableLoads) {
  auto T = model::loadApiTable(NDISV_SOURCE_DIR "/model/ndis-api.table");
  ASSERT_TRUE(!!T) << toString(T.takeError());
  EXPECT_EQ((*T)["NdisMRegisterInterruptEx"].Outcomes.size(), 2u);
}
} // namespace

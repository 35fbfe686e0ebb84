//===- OutParamsTest.cpp - Calls without body or model, and NULL ends -------===//
// SPDX-License-Identifier: Apache-2.0
//
// A declaration the frontend marked with !ndisv.outparams (bytes writable
// through each parameter) is written through by a call; a path that ends at
// a store through NULL is counted per place, for the passes to name.
//===----------------------------------------------------------------------===//
#include "ReturnsOf.h"
#include "ndisv/Engine/Executor.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"
#include "gtest/gtest.h"

using namespace llvm;
using namespace ndisv::engine;

namespace {

struct Forgets : Observer {
  std::vector<std::pair<uint64_t, uint64_t>> Ranges; // offset, length
  void onCall(State &, const CallEvent &) override {}
  void onForget(State &, ObjId, uint64_t Off, uint64_t Len) override {
    Ranges.push_back({Off, Len});
  }
};

class OutParamsTest : public ::testing::Test {
protected:
  std::vector<int64_t> run(const char *IR, StringRef F) {
    SMDiagnostic Err;
    M = parseAssemblyString(IR, Err, Ctx);
    EXPECT_TRUE(M) << Err.getMessage().str();
    if (!M)
      return {};
    X = std::make_unique<Executor>(*M, Models, Obs);
    return returnsOf(*X, M->getFunction(F));
  }
  LLVMContext Ctx;
  std::unique_ptr<Module> M;
  CallModelTable Models;
  Forgets Obs;
  std::unique_ptr<Executor> X;
};

// `PVOID p = NULL; GetConfig(&p); p->Field = 1;` goes on past the store.
TEST_F(OutParamsTest, AnOutParameterSetToNullIsUnknownAfterTheCall) {
  std::vector<int64_t> Rets = run(R"(
declare !ndisv.outparams !0 void @getconfig(ptr)
define i32 @f() {
  %p = alloca ptr
  store ptr null, ptr %p
  call void @getconfig(ptr %p)
  %v = load ptr, ptr %p
  store i32 1, ptr %v
  ret i32 1
}
!0 = !{i64 8}
)", "f");
  EXPECT_EQ(Rets, (std::vector<int64_t>{1}));
  EXPECT_EQ(X->stats().NullEndsTotal, 0u);
}

// Without the annotation (a pointer to const, a PVOID) nothing is written:
// the NULL stays and the path ends, counted.
TEST_F(OutParamsTest, WithoutWritableParametersTheNullStaysAndTheEndIsCounted) {
  std::vector<int64_t> Rets = run(R"(
declare void @describe(ptr)
define i32 @f() {
  %p = alloca ptr
  store ptr null, ptr %p
  call void @describe(ptr %p)
  %v = load ptr, ptr %p
  store i32 1, ptr %v
  ret i32 1
}
)", "f");
  EXPECT_TRUE(Rets.empty());
  EXPECT_EQ(X->stats().NullEndsTotal, 1u);
  ASSERT_EQ(X->stats().NullEnds.size(), 1u);
  EXPECT_EQ(X->stats().NullEnds[0].second, 1u);
}

// A member's address with the member's size: the field beside it keeps its
// value, and observers forget exactly that member.
TEST_F(OutParamsTest, OnlyThePointeeIsWrittenNotTheRestOfTheObject) {
  std::vector<int64_t> Rets = run(R"(
%struct.A = type { i64, i64, i64 }
declare !ndisv.outparams !0 void @readstats(ptr)
define i32 @f() {
  %a = alloca %struct.A
  %h = getelementptr %struct.A, ptr %a, i32 0, i32 0
  store i64 42, ptr %h
  %s = getelementptr %struct.A, ptr %a, i32 0, i32 1
  call void @readstats(ptr %s)
  %v = load i64, ptr %h
  %r = trunc i64 %v to i32
  ret i32 %r
}
!0 = !{i64 8}
)", "f");
  EXPECT_EQ(Rets, (std::vector<int64_t>{42}));
  EXPECT_EQ(Obs.Ranges, (std::vector<std::pair<uint64_t, uint64_t>>{{8, 8}}));
}

} // namespace

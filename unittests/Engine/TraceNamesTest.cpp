//===- TraceNamesTest.cpp - How the executor's trace names values ---------===//
// SPDX-License-Identifier: Apache-2.0
//
// Clang's driver discards IR value names (its release builds pass
// -discard-value-names), so an argument is %0: the trace must name it from
// its debug variable, not from the empty IR name.
//===----------------------------------------------------------------------===//
#include "ndisv/Engine/Executor.h"
#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

namespace {
struct Quiet : Observer {
  void onCall(State &, const CallEvent &) override {}
};

/// The branch notes of every path through \p F of \p IR, sorted.
std::vector<std::string> branchNotes(const char *IR, StringRef F) {
  LLVMContext Ctx;
  SMDiagnostic Err;
  std::unique_ptr<Module> M = parseAssemblyString(IR, Err, Ctx);
  EXPECT_TRUE(M) << Err.getMessage().str();
  if (!M)
    return {};
  EXPECT_TRUE(M->getFunction(F)->getArg(0)->getName().empty());
  CallModelTable Models;
  Quiet Obs;
  Executor X(*M, Models, Obs, Budget{});
  std::vector<std::string> Notes;
  X.run(X.newState(), M->getFunction(F), {}, [&](std::unique_ptr<State> S, SymValue, const DILocation *) {
    for (const TraceNode *N = S->Trace.get(); N; N = N->Prev.get())
      if (N->K == TraceStep::Kind::Branch)
        Notes.push_back(N->Message);
  });
  std::sort(Notes.begin(), Notes.end());
  return Notes;
}

TEST(TraceNames, UnnamedArgumentIsNamedFromDebugInfo) {
  // Both ways, the assumed and the deciding branch: named before the
  // assumption makes the argument the constant 3, quoted once.
  EXPECT_EQ(branchNotes(R"(
define i32 @g(i32 %0) !dbg !5 {
  %a = alloca i32
  store i32 %0, ptr %a
  call void @llvm.dbg.declare(metadata ptr %a, metadata !8, metadata !DIExpression()), !dbg !9
  %c = icmp eq i32 %0, 3, !dbg !9
  br i1 %c, label %t, label %e, !dbg !9
t:
  ret i32 1
e:
  ret i32 0
}
declare void @llvm.dbg.declare(metadata, metadata, metadata)
!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3}
!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !1, producer: "t", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "t.c", directory: "/")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "g", scope: !1, file: !1, line: 1, type: !6, scopeLine: 1, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocalVariable(name: "Flags", arg: 1, scope: !5, file: !1, line: 1, type: !10)
!9 = !DILocation(line: 2, column: 3, scope: !5)
!10 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
)", "g"),
            (std::vector<std::string>{
                "Assuming 'Flags' != 3", "Assuming 'Flags' == 3",
                "Taking the false branch of 'Flags == 3', which leads to this exit",
                "Taking the true branch of 'Flags == 3' (Flags = 3), which leads to this exit"}));
}
} // namespace

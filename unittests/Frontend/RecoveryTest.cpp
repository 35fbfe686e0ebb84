//===- RecoveryTest.cpp - The second parse for C that MSVC accepts -------===//
// SPDX-License-Identifier: Apache-2.0
//
// Pins what compileTU recovers and what it leaves an error, that the lines
// of everything after an edit stay where they were (debug locations and
// later diagnostics depend on it), and that the user's files are not
// touched.
//===----------------------------------------------------------------------===//

#include "Recovery.h"
#include "TestSupport.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gmock/gmock.h"

using namespace ndisv;
using namespace ndisv::test;
using ::testing::HasSubstr;

namespace {

class RecoveryTest : public ::testing::Test {
protected:
  RecoveryTest() {
    Opts.ModelIncludeDir = Dir.mkdir("model"); // empty on purpose
    Opts.ResourceDir = NDISV_CLANG_RESOURCE_DIR;
  }

  CompiledTU compile(llvm::StringRef Name, llvm::StringRef Text) {
    CompileJob Job;
    Job.File = Dir.write(Name, Text);
    Job.Directory = Dir.Root;
    return compileTU(Job, Opts, Ctx);
  }

  static unsigned lineOf(const llvm::Module &M, llvm::StringRef Fn) {
    const llvm::Function *F = M.getFunction(Fn);
    return F && F->getSubprogram() ? F->getSubprogram()->getLine() : 0;
  }

  static std::string errors(const CompiledTU &TU) {
    std::string S;
    for (const Diagnostic &D : TU.Result.Errors)
      S += D.Loc.File + ":" + std::to_string(D.Loc.Line) + ": " + D.Message + "\n";
    return S;
  }

  ScratchDir Dir;
  FrontendOptions Opts;
  llvm::LLVMContext Ctx;
};

TEST_F(RecoveryTest, PrototypeTakesTheDefinitionsPointerTypes) {
  const char *Header = "typedef void *HANDLE;\n"
                       "struct P { int v; };\n"
                       "void *Probe(int a,\n"   // line 3
                       "            HANDLE h);\n"
                       "static int AfterPrototype(void) { return 7; }\n"; // line 5
  Dir.write("h.h", Header);
  CompiledTU TU = compile("c.c", "#include \"h.h\"\n"
                                 "int Caller(struct P *p) { return Probe(1, p) != 0; }\n"
                                 "char *Probe(int a, struct P *p)\n" // line 3
                                 "{ return (char *)p + a; }\n"
                                 "int Use(void) { return AfterPrototype(); }\n"); // line 5
  ASSERT_TRUE(TU.Result.Compiled) << errors(TU);
  ASSERT_EQ(TU.Result.Warnings.size(), 1u);
  const Diagnostic &W = TU.Result.Warnings[0];
  EXPECT_EQ(W.L, Diagnostic::Level::Warning);
  EXPECT_EQ(W.Loc.File, Dir.path("c.c"));
  EXPECT_EQ(W.Loc.Line, 3u);
  EXPECT_THAT(W.Message, HasSubstr("conflicting types for 'Probe' here and at " +
                                   Dir.path("h.h") + ":3"));
  EXPECT_THAT(W.Message, HasSubstr("types of the definition"));
  // Lines after the two-line prototype did not move.
  EXPECT_EQ(lineOf(*TU.Module, "AfterPrototype"), 5u);
  EXPECT_EQ(lineOf(*TU.Module, "Probe"), 3u);
  EXPECT_EQ(lineOf(*TU.Module, "Use"), 5u);
  // The user's header is as it was.
  auto Buf = llvm::MemoryBuffer::getFile(Dir.path("h.h"));
  ASSERT_TRUE(Buf);
  EXPECT_EQ((*Buf)->getBuffer(), Header);
}

TEST_F(RecoveryTest, TypeNotYetDeclaredAtThePrototypeIsSpelledOut) {
  // PAD is declared after the prototype; the struct tag before it.
  CompiledTU TU = compile("d.c", "struct AD;\n"
                                 "void Show(void *a);\n"
                                 "typedef struct AD { int n; } *PAD;\n"
                                 "void Show(PAD a) { a->n = 1; }\n");
  ASSERT_TRUE(TU.Result.Compiled) << errors(TU);
  ASSERT_EQ(TU.Result.Warnings.size(), 1u);
  EXPECT_EQ(TU.Result.Warnings[0].Loc.Line, 4u);
}

TEST_F(RecoveryTest, BetweenTwoPrototypesTheEarlierTakesTheLater) {
  CompiledTU TU = compile("e.c", "int Two(void *p);\n"
                                 "int Two(int *p);\n"
                                 "int Call(int *q) { return Two(q); }\n");
  ASSERT_TRUE(TU.Result.Compiled) << errors(TU);
  ASSERT_EQ(TU.Result.Warnings.size(), 1u);
  EXPECT_THAT(TU.Result.Warnings[0].Message, HasSubstr("later declaration"));
}

TEST_F(RecoveryTest, NonPointerMismatchStaysAnError) {
  CompiledTU TU = compile("f.c", "int Three(void *p, short n);\n"
                                 "int Three(void *p, long n) { return (int)n; }\n");
  EXPECT_FALSE(TU.Result.Compiled);
  EXPECT_TRUE(TU.Result.Warnings.empty());
  ASSERT_FALSE(TU.Result.Errors.empty());
  EXPECT_EQ(TU.Result.Errors[0].Loc.Line, 2u);
  EXPECT_THAT(TU.Result.Errors[0].Message, HasSubstr("conflicting types for 'Three'"));
}

TEST_F(RecoveryTest, PrototypeMadeByAMacroIsNotRewritten) {
  CompiledTU TU = compile("g.c", "#define DECLARE(N) int N(void *p)\n"
                                 "DECLARE(Four);\n"
                                 "int Four(int *p) { return *p; }\n");
  EXPECT_FALSE(TU.Result.Compiled);
  EXPECT_TRUE(TU.Result.Warnings.empty());
  ASSERT_FALSE(TU.Result.Errors.empty());
  EXPECT_EQ(TU.Result.Errors[0].Loc.Line, 3u);
}

TEST_F(RecoveryTest, DeclspecOverTwoLinesKeepsLines) {
  CompiledTU TU = compile("h.c", "typedef unsigned char UCHAR;\n"
                                 "void *Blob = (void *)(__declspec(\n"
                                 "    align(8)) UCHAR[]){ 1, 2 };\n"
                                 "int Later(void) { return 1; }\n"); // line 4
  ASSERT_TRUE(TU.Result.Compiled) << errors(TU);
  ASSERT_EQ(TU.Result.Warnings.size(), 1u);
  EXPECT_EQ(TU.Result.Warnings[0].Loc.Line, 2u);
  EXPECT_EQ(TU.Result.Warnings[0].Loc.Col, 23u);
  EXPECT_THAT(TU.Result.Warnings[0].Message, HasSubstr("'__declspec( align(8))' in a parenthesised type name"));
  EXPECT_EQ(lineOf(*TU.Module, "Later"), 4u);
}

TEST_F(RecoveryTest, DeclspecFromAMacroDropsTheInvocation) {
  CompiledTU TU = compile("m.c", "#define MY_ALIGN(x) __declspec(align(x))\n"
                                 "#define MY_CACHE MY_ALIGN(64)\n"
                                 "typedef unsigned char UCHAR;\n"
                                 "void *A = (void *)(MY_ALIGN(16) UCHAR[]){ 1 };\n"
                                 "void *B = (void *)( MY_CACHE UCHAR[]){ 2 };\n");
  ASSERT_TRUE(TU.Result.Compiled) << errors(TU);
  ASSERT_EQ(TU.Result.Warnings.size(), 2u);
  EXPECT_EQ(TU.Result.Warnings[0].Loc.Line, 4u);
  EXPECT_EQ(TU.Result.Warnings[0].Loc.Col, 20u);
  EXPECT_THAT(TU.Result.Warnings[0].Message,
              HasSubstr("'MY_ALIGN(16)' (a __declspec) in a parenthesised type name"));
  EXPECT_EQ(TU.Result.Warnings[1].Loc.Line, 5u);
  EXPECT_THAT(TU.Result.Warnings[1].Message, HasSubstr("'MY_CACHE' (a __declspec)"));
}

TEST_F(RecoveryTest, DeclspecNotInATypeNameStaysAnError) {
  // After '=' rather than '(': not the MSVC type-name form.
  CompiledTU TU = compile("n.c", "int X = __declspec(align(8)) 3;\n");
  EXPECT_FALSE(TU.Result.Compiled);
  EXPECT_TRUE(TU.Result.Warnings.empty());
  ASSERT_FALSE(TU.Result.Errors.empty());
  EXPECT_EQ(TU.Result.Errors[0].Loc.Line, 1u);
}

TEST_F(RecoveryTest, ConditionalRecoveredOnlyWhereItCausedTheError) {
  // The first conditional is only compared (Clang's void * is fine there):
  // left alone. The second is stored through: recovered.
  CompiledTU TU = compile("i.c", "struct E { int x; };\n"
                                 "int Pick(int c, void **a, struct E **b) {\n"
                                 "  int Same = (c ? a : b) != 0;\n"
                                 "  *(c ? a : b) = 0;\n"
                                 "  return Same;\n"
                                 "}\n");
  ASSERT_TRUE(TU.Result.Compiled) << errors(TU);
  ASSERT_EQ(TU.Result.Warnings.size(), 1u);
  EXPECT_EQ(TU.Result.Warnings[0].Loc.Line, 4u);
  EXPECT_THAT(TU.Result.Warnings[0].Message,
              HasSubstr("('void **' and 'struct E **')"));
}

TEST_F(RecoveryTest, CxxIsNotRecovered) {
  CompiledTU TU = compile("j.cpp", "int *Five(void *p);\n"
                                   "int Five(void *p) { return 0; }\n");
  EXPECT_FALSE(TU.Result.Compiled);
  EXPECT_TRUE(TU.Result.Warnings.empty());
}

TEST(RecoveryPlanTest, EditsApplyBackToFrontInsertsInPlannedOrder) {
  RecoveryPlan P;
  P.Originals["f"] = "abcdef";
  P.Edits.push_back({"f", 2, 0, "X"});
  P.Edits.push_back({"f", 2, 0, "Y"});
  P.Edits.push_back({"f", 2, 2, "ZZZ"});
  P.Edits.push_back({"f", 5, 1, ""});
  llvm::StringMap<std::string> Out = P.apply();
  EXPECT_EQ(Out["f"], "abXYZZZe");
}

} // namespace

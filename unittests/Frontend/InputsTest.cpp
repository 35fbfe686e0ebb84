//===- InputsTest.cpp - collectJobs on files, trees and compile DBs -----===//
// SPDX-License-Identifier: Apache-2.0
//
// The argument filter decides which of a real build's options reach Clang;
// these tests pin the GNU and cl.exe spellings we translate and the ones we
// drop, and that bad inputs become errors that name them.
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "llvm/Support/Error.h"
#include "gmock/gmock.h"

using namespace ndisv;
using namespace ndisv::test;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

std::string errorOf(llvm::Expected<std::vector<CompileJob>> R) {
  if (R)
    return "";
  return llvm::toString(R.takeError());
}

TEST(InputsTest, SourceFileIsAbsolutised) {
  ScratchDir D;
  std::string F = D.write("a.c", "int x;\n");
  auto Jobs = collectJobs({F}, FrontendOptions());
  ASSERT_TRUE(!!Jobs) << llvm::toString(Jobs.takeError());
  ASSERT_EQ(Jobs->size(), 1u);
  EXPECT_EQ((*Jobs)[0].File, F);
  EXPECT_TRUE((*Jobs)[0].Args.empty());
}

TEST(InputsTest, MissingAndUnsupportedInputsAreErrors) {
  ScratchDir D;
  std::string Missing = D.path("nope.c");
  EXPECT_THAT(errorOf(collectJobs({Missing}, FrontendOptions())),
              HasSubstr(Missing));
  std::string Txt = D.write("readme.txt", "hi");
  std::string E = errorOf(collectJobs({Txt}, FrontendOptions()));
  EXPECT_THAT(E, HasSubstr(Txt));
  EXPECT_THAT(E, HasSubstr("unsupported"));
}

TEST(InputsTest, DirectoryAddsSourcesSortedAndHeaderDirs) {
  ScratchDir D;
  D.write("drv/src/z.c", "int z;\n");
  D.write("drv/src/a.c", "int a;\n");
  D.write("drv/src/sub/m.cpp", "int m;\n");
  D.write("drv/inc/x.h", "\n");
  D.write("drv/inc/deep/y.hpp", "\n");
  D.write("drv/.git/hidden.h", "\n");
  D.write("drv/.git/hidden.c", "\n");
  D.write("drv/notes.txt", "\n");
  auto Jobs = collectJobs({D.path("drv")}, FrontendOptions());
  ASSERT_TRUE(!!Jobs) << llvm::toString(Jobs.takeError());
  ASSERT_EQ(Jobs->size(), 3u);
  EXPECT_EQ((*Jobs)[0].File, D.path("drv/src/a.c"));
  EXPECT_EQ((*Jobs)[1].File, D.path("drv/src/sub/m.cpp"));
  EXPECT_EQ((*Jobs)[2].File, D.path("drv/src/z.c"));
  EXPECT_THAT((*Jobs)[0].Args, ElementsAre("-I" + D.path("drv/inc"),
                                           "-I" + D.path("drv/inc/deep")));
  EXPECT_EQ((*Jobs)[0].Directory, D.path("drv"));
}

TEST(InputsTest, EmptyDirectoryIsAnError) {
  ScratchDir D;
  std::string E = D.mkdir("empty");
  EXPECT_THAT(errorOf(collectJobs({E}, FrontendOptions())), HasSubstr(E));
}

TEST(InputsTest, GnuStyleCompileCommands) {
  ScratchDir D;
  D.write("b/pre.h", "\n");
  std::string Db = D.write(
      "b/compile_commands.json",
      R"([{"directory": ")" + D.path("b") + R"(",
          "command": "/usr/bin/gcc -c -O2 -Wall -g -Iinc -I /abs/x -DFOO=1 -D BAR -UBAZ -include pre.h -isystem sys -std=c11 -fno-exceptions -o out/foo.o src/foo.c",
          "file": "src/foo.c"},
         {"directory": ")" + D.path("b") + R"(",
          "arguments": ["clang++", "-std=c++20", "-DX", "-MF", "dep.d", "-c", "two.cpp"],
          "file": "two.cpp"},
         {"directory": ")" + D.path("b") + R"(",
          "arguments": ["rc.exe", "res.rc"], "file": "res.rc"}])");
  auto Jobs = collectJobs({Db}, FrontendOptions());
  ASSERT_TRUE(!!Jobs) << llvm::toString(Jobs.takeError());
  ASSERT_EQ(Jobs->size(), 2u);
  const CompileJob &J = (*Jobs)[0];
  EXPECT_EQ(J.File, D.path("b/src/foo.c"));
  EXPECT_EQ(J.Directory, D.path("b"));
  EXPECT_THAT(J.Args,
              ElementsAre("-I" + D.path("b/inc"), "-I/abs/x", "-DFOO=1", "-DBAR",
                          "-UBAZ", "-include", D.path("b/pre.h"), "-isystem",
                          D.path("b/sys"), "-std=c11"));
  EXPECT_EQ((*Jobs)[1].File, D.path("b/two.cpp"));
  EXPECT_THAT((*Jobs)[1].Args, ElementsAre("-std=c++20", "-DX"));
}

TEST(InputsTest, ClStyleCompileCommands) {
  ScratchDir D;
  std::string Dir = D.mkdir("w");
  // JSON-escaped backslashes: the command holds "C:\VS\bin\cl.exe".
  std::string Db = D.write(
      "w/compile_commands.json",
      R"([{"directory": ")" + Dir + R"(",
          "command": "\"C:\\VS\\bin\\cl.exe\" /c /nologo /W4 /WX /O2 /Zi /kernel /GS- /Iinc /I other -Ithird /DNDIS60_MINIPORT=1 /D POOL_NX_OPTIN /DHASH#2 /UNDEBUG /FIpre.h /FI \"fi two.h\" /std:c++17 /external:I ext /Foobj\\x.obj /Fd\"obj\\v.pdb\" x.cpp",
          "file": "x.cpp"},
         {"directory": ")" + Dir + R"(",
          "arguments": ["clang-cl", "/std:c++latest", "/D", "A=1", "/I", "inc", "c.c"],
          "file": "c.c"}])");
  auto Jobs = collectJobs({Db}, FrontendOptions());
  ASSERT_TRUE(!!Jobs) << llvm::toString(Jobs.takeError());
  ASSERT_EQ(Jobs->size(), 2u);
  EXPECT_THAT((*Jobs)[0].Args,
              ElementsAre("-I" + D.path("w/inc"), "-I" + D.path("w/other"),
                          "-I" + D.path("w/third"), "-DNDIS60_MINIPORT=1",
                          "-DPOOL_NX_OPTIN", "-DHASH=2", "-UNDEBUG", "-include",
                          "pre.h", "-include", "fi two.h", "-std=c++17",
                          "-isystem", D.path("w/ext")));
  // A C++ standard is dropped for a C file.
  EXPECT_THAT((*Jobs)[1].Args, ElementsAre("-DA=1", "-I" + D.path("w/inc")));
}

TEST(InputsTest, MalformedCompileCommandsNameTheFile) {
  ScratchDir D;
  std::string Bad = D.write("compile_commands.json", "[{\"directory\": \"/x\",");
  std::string E = errorOf(collectJobs({Bad}, FrontendOptions()));
  EXPECT_THAT(E, HasSubstr(Bad));
  EXPECT_THAT(E, HasSubstr("malformed JSON"));

  std::string NoFile = D.write("sub/compile_commands.json",
                               R"([{"directory": "/x", "command": "cc a.c"}])");
  E = errorOf(collectJobs({NoFile}, FrontendOptions()));
  EXPECT_THAT(E, HasSubstr(NoFile));
  EXPECT_THAT(E, HasSubstr("\"file\""));

  std::string NotArray = D.write("obj/compile_commands.json", R"({"a": 1})");
  EXPECT_THAT(errorOf(collectJobs({NotArray}, FrontendOptions())),
              HasSubstr("array"));
}

TEST(InputsTest, DuplicateFilesAreCompiledOnce) {
  ScratchDir D;
  std::string F = D.write("a.c", "int a;\n");
  auto Jobs = collectJobs({F, F}, FrontendOptions());
  ASSERT_TRUE(!!Jobs);
  EXPECT_EQ(Jobs->size(), 1u);
}

} // namespace

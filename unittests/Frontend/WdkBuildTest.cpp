//===- WdkBuildTest.cpp - WDK 7 `sources` files ---------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A `sources` file decides a driver's include directories and macros under
// nmake conditions; a mistake compiles the wrong branch silently, so each
// form is pinned here.
//===----------------------------------------------------------------------===//

#include "ndisv/Frontend/WdkBuild.h"
#include "gmock/gmock.h"

using namespace ndisv;
using namespace ndisv::wdkbuild;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

std::map<std::string, std::string> Files;

FileReader reader() {
  return [](const std::string &P) -> std::optional<std::string> {
    for (auto &[Name, Text] : Files)
      if (llvm::StringRef(P).ends_with(Name))
        return Text;
    return std::nullopt;
  };
}

SourcesFile parse(llvm::StringRef Text) {
  llvm::Expected<SourcesFile> F = parseSources(Text, "/d/sources", buildEnvironment(), reader());
  EXPECT_TRUE(!!F) << llvm::toString(F.takeError());
  return F ? *F : SourcesFile();
}

std::string parseError(llvm::StringRef Text) {
  llvm::Expected<SourcesFile> F = parseSources(Text, "/d/sources", buildEnvironment(), reader());
  return F ? "" : llvm::toString(F.takeError());
}

TEST(WdkBuild, ContinuationsCommentsAndLists) {
  SourcesFile F = parse("TARGETNAME=mp\nTARGETTYPE=DRIVER\n"
                        "SOURCES=init.c \\\n\tsend.c\t\\\n"
                        "  log.mc  mp.rc # the resources\n"
                        "INCLUDES=..\\inc;$(DDK_INC_PATH);..\\common ;\n");
  EXPECT_THAT(F.Sources, ElementsAre("init.c", "send.c", "log.mc", "mp.rc"));
  EXPECT_THAT(F.IncludeDirs, ElementsAre("..\\inc", "..\\common"));
  EXPECT_EQ(F.TargetType, "DRIVER");
  EXPECT_THAT(F.Undefined, ElementsAre("DDK_INC_PATH"));
}

TEST(WdkBuild, SelfReferenceAndDefines) {
  SourcesFile F = parse("C_DEFINES=-DNDIS_MINIPORT_DRIVER /DNDIS61_MINIPORT=1\n"
                        "C_DEFINES=$(C_DEFINES) -D NDIS_WDM=1 /W3 -UDBG\n"
                        "USER_C_FLAGS=/DEXTRA=\"x\"\n");
  EXPECT_THAT(F.Defines, ElementsAre("-DNDIS_MINIPORT_DRIVER", "-DNDIS61_MINIPORT=1",
                                     "-DNDIS_WDM=1", "-UDBG", "-DEXTRA=x"));
}

TEST(WdkBuild, ConditionsTakeTheFreeAmd64Win7Branch) {
  SourcesFile F = parse("!if $(FREEBUILD)\nA=fre\n!else\nA=chk\n!endif\n"
                        "!if defined(NDK_COMPILE) && defined(AMD64)\nB=ndk\n"
                        "!elseif $(_NT_TARGET_VERSION) >= $(_NT_TARGET_VERSION_WIN7)\nB=win7\n"
                        "!else\nB=old\n!endif\n"
                        "!IFDEF AMD64\n!IF \"$(DDK_TARGET_OS)\"==\"Win2K\"\nC=2k\n!ELSE IF 1\n"
                        "C=new\n!ENDIF\n!ENDIF\n"
                        "!ifndef NOPE\nSOURCES=$(A).c $(B).c $(C).c\n!endif\n");
  EXPECT_THAT(F.Sources, ElementsAre("fre.c", "win7.c", "new.c"));
}

TEST(WdkBuild, ArithmeticWrapsAsIntegers) {
  SourcesFile F = parse("!if 0x7fffffffffffffff + 1 < 0 && -(0x8000000000000000) < 0 && "
                        "0x8000000000000000 / -1 == 0 && 7 % 0 == 0 && (2 * 3 - 1) == 5 && 010 == 8\n"
                        "SOURCES=a.c\n!endif\n");
  EXPECT_THAT(F.Sources, ElementsAre("a.c"));
}

TEST(WdkBuild, SkippedBranchesAreNotEvaluated) {
  // An !error or a malformed condition in a branch not taken is no error.
  SourcesFile F = parse("!if 0\n!error checked builds only\n!if ((\n!endif\n!else\nSOURCES=a.c\n!endif\n");
  EXPECT_THAT(F.Sources, ElementsAre("a.c"));
}

TEST(WdkBuild, IncludeSubstitutionAndRules) {
  Files = {{"common.inc", "INCLUDES=$(INCLUDES);..\\shared\n"}};
  SourcesFile F = parse("INCLUDES=inc\n!include ..\\common.inc\n!include $(NTMAKEENV)\\x.def\n"
                        "OBJS=$(SOURCES:.c=.obj)\nSOURCES=a.c b.c\nLIST=$(SOURCES:.c=.obj)\n"
                        "$(O)\\log.h: log.mc\n\tmc log.mc\n");
  EXPECT_THAT(F.IncludeDirs, ElementsAre("inc", "..\\shared"));
  ASSERT_EQ(F.Notes.size(), 1u);
  EXPECT_THAT(F.Notes[0], HasSubstr("/d/sources:3: !include '$(NTMAKEENV)\\x.def' not found"));
}

TEST(WdkBuild, WppFromRunWpp) {
  SourcesFile F = parse("SOURCES=a.c\nRUN_WPP=$(SOURCES) -km -scan:trace.h "
                        "-func:DbgPrintEx(LEVEL,FLAGS,MSG,...) -func:LOG{LEVEL=x}(MSG,...)\n");
  EXPECT_THAT(F.TraceFunctions, ElementsAre("DbgPrintEx", "LOG"));
  EXPECT_THAT(F.WppScanFiles, ElementsAre("trace.h"));
}

TEST(WdkBuild, UnreadableConditionsAreSaidAndFalse) {
  // As for a .vcxproj: the condition is named with file and line, taken as
  // false, and the rest of the file is still read.
  SourcesFile F = parse("A=1\n!if ($(A)\nSOURCES=x.c\n!else\nSOURCES=a.c\n!endif\n");
  EXPECT_THAT(F.Sources, ElementsAre("a.c"));
  ASSERT_EQ(F.Notes.size(), 1u);
  EXPECT_THAT(F.Notes[0], HasSubstr("/d/sources:2: cannot read the condition '($(A)': missing "
                                    "')'; taken as false"));
  std::string Deep = "!if " + std::string(1000, '(') + "1" + std::string(1000, ')') +
                     "\nSOURCES=x.c\n!endif\n";
  F = parse(Deep);
  EXPECT_THAT(F.Sources, IsEmpty());
  ASSERT_EQ(F.Notes.size(), 1u);
  EXPECT_THAT(F.Notes[0], HasSubstr("nested more than 200 deep"));
}

TEST(WdkBuild, ErrorsNameFileAndLine) {
  EXPECT_THAT(parseError("!if 1\nA=1\n"), HasSubstr("!if without !endif"));
  EXPECT_THAT(parseError("!endif\n"), HasSubstr("/d/sources:1: !endif without !if"));
  EXPECT_THAT(parseError("!if 1\n!error needs the checked build\n!endif\n"),
              HasSubstr("/d/sources:2: !error needs the checked build"));
  Files = {{"self.inc", "!include self.inc\n"}};
  EXPECT_THAT(parseError("!include self.inc\n"), HasSubstr("nested more than 16 deep"));
  // Each file includes the next one 8 times: 8^3 includes in all.
  std::string Wide = "!include a.inc\n";
  auto EightTimes = [](const char *Next) {
    std::string T;
    for (int I = 0; I < 8; ++I)
      T += std::string("!include ") + Next + "\n";
    return T;
  };
  Files = {{"a.inc", EightTimes("b.inc")}, {"b.inc", EightTimes("c.inc")},
           {"c.inc", EightTimes("d.inc")}, {"d.inc", "X=1\n"}};
  EXPECT_THAT(parseError(Wide), HasSubstr("more than 256 !includes"));
  std::string Many = "A=x\n";
  for (int I = 0; I < 20; ++I)
    Many += "A=$(A)$(A)\n";
  for (int I = 0; I < 20; ++I)
    Many += "B" + std::to_string(I) + "=$(A)\n";
  EXPECT_THAT(parseError(Many), HasSubstr("the macros defined hold more than"));
  std::string Doubling = "A=x\n";
  for (int I = 0; I < 30; ++I)
    Doubling += "A=$(A)$(A)\n";
  EXPECT_THAT(parseError(Doubling), HasSubstr("$(A) expands to more than"));
}

TEST(WdkBuild, RecognisesTheFileByName) {
  EXPECT_TRUE(isSourcesFile("/x/SOURCES"));
  EXPECT_TRUE(isSourcesFile("sources"));
  EXPECT_FALSE(isSourcesFile("sources.inc"));
  EXPECT_FALSE(isSourcesFile("/x/sources/a.c"));
}

} // namespace

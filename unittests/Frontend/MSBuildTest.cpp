//===- MSBuildTest.cpp - .vcxproj evaluation and WPP scanning -----------===//
// SPDX-License-Identifier: Apache-2.0
//
// Which macros and include directories a driver gets from its project is
// decided by conditions and property expansion; a mistake there compiles
// the wrong configuration silently, so each form is pinned here.
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "Wpp.h"
#include "ndisv/Frontend/MSBuild.h"
#include "gmock/gmock.h"

using namespace ndisv;
using namespace ndisv::msbuild;
using namespace ndisv::test;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

namespace {

Properties releaseX64() {
  Properties P;
  P.set("Configuration", "Release");
  P.set("Platform", "x64");
  return P;
}

bool eval(llvm::StringRef C, const Properties &P = releaseX64()) {
  llvm::Expected<bool> V = evaluateCondition(C, P);
  EXPECT_TRUE(!!V) << llvm::toString(V.takeError());
  return V && *V;
}

std::string evalError(llvm::StringRef C) {
  llvm::Expected<bool> V = evaluateCondition(C, releaseX64());
  return V ? "" : llvm::toString(V.takeError());
}

TEST(MSBuildConditionTest, ConfigurationAndPlatformForms) {
  EXPECT_TRUE(eval("'$(Configuration)|$(Platform)'=='Release|x64'"));
  EXPECT_FALSE(eval("'$(Configuration)|$(Platform)'=='Debug|x64'"));
  EXPECT_FALSE(eval("'$(Configuration)|$(Platform)'=='Release|Win32'"));
  EXPECT_TRUE(eval(" '$(Configuration)' == 'Release' "));
  EXPECT_FALSE(eval("'$(Configuration)'=='Debug'"));
  EXPECT_TRUE(eval("'$(Platform)'!='Win32'"));
  EXPECT_TRUE(eval("$(Platform)==x64")); // unquoted operands
  EXPECT_TRUE(eval("'$(Configuration)'=='release'")); // case-insensitive, as MSBuild
  EXPECT_TRUE(eval("'$(Undefined)'==''"));
  EXPECT_TRUE(eval(""));
}

TEST(MSBuildConditionTest, AndOrNotAndParentheses) {
  EXPECT_TRUE(eval("'$(Configuration)'=='Release' And '$(Platform)'=='x64'"));
  EXPECT_FALSE(eval("'$(Configuration)'=='Release' and '$(Platform)'=='Win32'"));
  EXPECT_TRUE(eval("'$(Configuration)'=='Debug' Or '$(Platform)'=='x64'"));
  EXPECT_FALSE(eval("'$(Configuration)'=='Debug' OR '$(Platform)'=='ARM64'"));
  // And binds tighter than Or.
  EXPECT_TRUE(eval("'a'=='b' And 'c'=='d' Or 'x'=='x'"));
  EXPECT_FALSE(eval("'a'=='b' And ('c'=='d' Or 'x'=='x')"));
  EXPECT_TRUE(eval("!('$(Configuration)'=='Debug')"));
  EXPECT_FALSE(eval("!true"));
  EXPECT_TRUE(eval("'$(Configuration)'=='Release' And ('$(Platform)'=='ARM64' Or '$(Platform)'=='x64')"));
}

TEST(MSBuildConditionTest, FunctionsAndNumbers) {
  ScratchDir D;
  D.write("props/a.props", "<Project/>");
  Properties P = releaseX64();
  llvm::Expected<bool> E = evaluateCondition("Exists('props\\a.props')", P, D.Root);
  ASSERT_TRUE(!!E);
  EXPECT_TRUE(*E);
  E = evaluateCondition("!Exists('props/b.props')", P, D.Root);
  ASSERT_TRUE(!!E);
  EXPECT_TRUE(*E);
  EXPECT_TRUE(eval("HasTrailingSlash('dir\\')"));
  EXPECT_FALSE(eval("HasTrailingSlash('dir')"));
  EXPECT_TRUE(eval("'10' > '9'")); // numbers, not strings
  EXPECT_TRUE(eval("10.0 >= 10"));
}

TEST(MSBuildConditionTest, UnreadableConditionsAreErrors) {
  EXPECT_THAT(evalError("'$(Configuration)'=='Release"), HasSubstr("unterminated"));
  EXPECT_THAT(evalError("'a'=='a' Xor 'b'=='b'"), HasSubstr("unexpected"));
  EXPECT_THAT(evalError("'abc'"), HasSubstr("expected a comparison"));
  EXPECT_THAT(evalError("'a' < 'b'"), HasSubstr("needs numbers"));
  EXPECT_THAT(evalError("Frobnicate('x')"), HasSubstr("unsupported function"));
  EXPECT_THAT(evalError("('a'=='a'"), HasSubstr("expected ')'"));
}

TEST(MSBuildPropertyTest, Expansion) {
  Properties P;
  P.set("ProjectDir", "/p/");
  P.set("IncDir", "$(ProjectDir)inc"); // stored expanded by the loader; here literal
  EXPECT_EQ(expandProperties("$(ProjectDir)src\\a.c", P), "/p/src\\a.c");
  EXPECT_EQ(expandProperties("$(projectdir)x", P), "/p/x"); // names ignore case
  EXPECT_EQ(expandProperties("no refs; 50% $ ( )", P), "no refs; 50% $ ( )");
  std::vector<std::string> Unresolved;
  EXPECT_EQ(expandProperties("$(DDK_INC_PATH);$(ProjectDir)", P, &Unresolved), ";/p/");
  EXPECT_THAT(Unresolved, ElementsAre("$(DDK_INC_PATH)"));
  Unresolved.clear();
  // Property functions are not evaluated: unresolved, nested parentheses and all.
  EXPECT_EQ(expandProperties("a$([MSBuild]::Add(1, 2))b", P, &Unresolved), "ab");
  EXPECT_THAT(Unresolved, ElementsAre("$([MSBuild]::Add(1, 2))"));
  EXPECT_EQ(expandProperties("$(X);%(AdditionalIncludeDirectories)", P, nullptr, true),
            "$(X);%(AdditionalIncludeDirectories)");
  EXPECT_EQ(expandProperties("$(Unclosed", P), "$(Unclosed");
}

std::vector<std::string> argsOf(const std::vector<CompileJob> &Jobs, llvm::StringRef File) {
  for (const CompileJob &J : Jobs)
    if (llvm::StringRef(J.File).ends_with(File))
      return J.Args;
  ADD_FAILURE() << "no job for " << File.str();
  return {};
}

TEST(MSBuildProjectTest, DefinitionsItemsImportsAndNotes) {
  ScratchDir D;
  D.mkdir("inc");
  D.mkdir("shared/inc");
  D.write("a.c", "");
  D.write("b.c", "");
  D.write("shared/common.props",
          "<Project><PropertyGroup><SharedInc>$(MSBuildThisFileDirectory)inc</SharedInc>"
          "</PropertyGroup></Project>");
  D.write("drv.vcxproj", R"(<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <Configuration Condition="'$(Configuration)'==''">Debug</Configuration>
    <Flavor Condition="'$(Configuration)'=='Release'">REL</Flavor>
  </PropertyGroup>
  <Import Project="$(VCTargetsPath)\Microsoft.Cpp.props" />
  <Import Project="shared\common.props" />
  <ItemGroup>
    <ClCompile Include="a.c;b.c" />
    <ClCompile Include="b.c" Condition="'$(Platform)'=='Win32'" />
    <ClCompile Include="b.c">
      <PreprocessorDefinitions>ONLY_B;%(PreprocessorDefinitions)</PreprocessorDefinitions>
    </ClCompile>
  </ItemGroup>
  <ItemDefinitionGroup Condition="'$(Configuration)|$(Platform)'=='Release|x64'">
    <ClCompile>
      <AdditionalIncludeDirectories>inc;$(SharedInc);$(WDK_INC)\km;C:\WinDDK\inc;missing</AdditionalIncludeDirectories>
      <PreprocessorDefinitions>FLAVOR_$(Flavor)=1;%(PreprocessorDefinitions)</PreprocessorDefinitions>
      <ForcedIncludeFiles>$(WDK_INC)\warning.h</ForcedIncludeFiles>
    </ClCompile>
  </ItemDefinitionGroup>
</Project>
)");
  FrontendOptions Opts;
  std::vector<std::string> Notes;
  Opts.Note = [&](const std::string &N) { Notes.push_back(N); };
  auto Jobs = loadProject(D.path("drv.vcxproj"), Opts);
  ASSERT_TRUE(!!Jobs) << llvm::toString(Jobs.takeError());
  // b.c twice (the second for Release|x64 with its own metadata); the
  // definition group after the items still applies to them.
  ASSERT_EQ(Jobs->size(), 3u);
  EXPECT_EQ((*Jobs)[0].File, D.path("a.c"));
  EXPECT_EQ((*Jobs)[0].Directory, D.Root);
  EXPECT_THAT((*Jobs)[0].Args, ElementsAre("-I" + D.path("inc"), "-I" + D.path("shared/inc"),
                                           "-DFLAVOR_REL=1"));
  EXPECT_THAT((*Jobs)[2].Args, Contains("-DONLY_B"));
  EXPECT_THAT((*Jobs)[2].Args, Contains("-DFLAVOR_REL=1"));
  EXPECT_THAT((*Jobs)[0].Args, Not(Contains("-DONLY_B")));
  std::string All;
  for (const std::string &N : Notes)
    All += N + "\n";
  EXPECT_THAT(All, HasSubstr("'$(WDK_INC)\\km' dropped: $(WDK_INC) is not defined here"));
  EXPECT_THAT(All, HasSubstr("'C:\\WinDDK\\inc' dropped: a Windows path"));
  EXPECT_THAT(All, HasSubstr("'missing' dropped: no such directory"));
  EXPECT_THAT(All, HasSubstr("forced include '$(WDK_INC)\\warning.h' dropped"));
  EXPECT_EQ(Notes.size(), 4u) << All; // once per project, not per item

  // Debug: the definition group does not apply, so no include directories.
  Opts.Configuration = "Debug";
  Notes.clear();
  Jobs = loadProject(D.path("drv.vcxproj"), Opts);
  ASSERT_TRUE(!!Jobs) << llvm::toString(Jobs.takeError());
  EXPECT_THAT(argsOf(*Jobs, "a.c"), IsEmpty());
  EXPECT_THAT(Notes, IsEmpty());
}

TEST(MSBuildProjectTest, WppMetadataAndErrors) {
  ScratchDir D;
  D.write("t.c", "");
  D.write("w.vcxproj", R"xml(<Project><ItemGroup>
  <ClCompile Include="t.c" WppEnabled="true" WppTraceFunction="DEBUGP(LEVEL,MSG,...);Trace{FLAGS=X}(MSG,...)"
             WppScanConfigurationData="trace.h" />
</ItemGroup></Project>)xml");
  auto Jobs = loadProject(D.path("w.vcxproj"), FrontendOptions());
  ASSERT_TRUE(!!Jobs) << llvm::toString(Jobs.takeError());
  ASSERT_EQ(Jobs->size(), 1u);
  EXPECT_THAT((*Jobs)[0].TraceFunctions, ElementsAre("DEBUGP", "Trace"));
  EXPECT_THAT((*Jobs)[0].WppConfigFiles, ElementsAre(D.path("trace.h")));

  D.write("bad.vcxproj", "<Project>\n<ItemGroup>\n</Project>\n"); // line 2 is left open
  auto Bad = loadProject(D.path("bad.vcxproj"), FrontendOptions());
  ASSERT_FALSE(!!Bad);
  EXPECT_THAT(llvm::toString(Bad.takeError()),
              HasSubstr(D.path("bad.vcxproj") +
                        ":2: malformed XML (XML_ERROR_MISMATCHED_ELEMENT in <ItemGroup>)"));
}

TEST(WppTest, ConfigBlocksAndScan) {
  EXPECT_THAT(wppConfigFunctions("// FUNC NotInABlock(MSG, ...);\n"
                                 "// begin_wpp config\n"
                                 "// FUNC TraceEvents(LEVEL, FLAGS, MSG, ...);\n"
                                 "// USEPREFIX(TraceEvents, \"%!STDPREFIX!\");\n"
                                 "// FUNC TraceInit{LEVEL=TRACE_LEVEL_INFORMATION}(MSG, ...);\n"
                                 "// end_wpp\n"
                                 "// FUNC After(MSG, ...);\n"),
              ElementsAre("TraceEvents", "TraceInit"));

  ScratchDir D;
  D.write("inc/trace.h", "// begin_wpp config\n// FUNC Log(MSG, ...);\n// end_wpp\n");
  D.write("inc/have.tmh", "");
  std::string Src = D.write("src/d.c", "#include \"trace.h\"\n#include \"d.tmh\"\n"
                                       "#include \"have.tmh\"\n#include \"absent.h\"\n");
  CompileJob J;
  J.File = Src;
  J.Args = {"-I" + D.path("inc")};
  J.TraceFunctions = {"DEBUGP"};
  WppScan S = scanForWpp(J, FrontendOptions());
  EXPECT_TRUE(S.UsesWpp);
  EXPECT_THAT(S.TraceFunctions, ElementsAre("DEBUGP", "Log"));
  EXPECT_THAT(S.MissingTmh, ElementsAre(D.path("src/d.tmh"))); // have.tmh exists on -I

  CompileJob Plain;
  Plain.File = D.write("plain.c", "int x;\n");
  EXPECT_FALSE(scanForWpp(Plain, FrontendOptions()).UsesWpp);
  EXPECT_THAT(wppArgs(scanForWpp(Plain, FrontendOptions()), FrontendOptions()), IsEmpty());
}

} // namespace

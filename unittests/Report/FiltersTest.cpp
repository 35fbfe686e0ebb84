//===- FiltersTest.cpp - Tests of baselines, suppressions and exit codes -===//
// SPDX-License-Identifier: Apache-2.0
//
// CI gates builds on these: a suppression that matches too much hides a
// defect, a baseline that matches too little fails every build, so both are
// pinned here on results built by hand.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Filters.h"
#include "ndisv/Report/Writers.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace ndisv;

namespace {

Defect defectAt(const std::string &Rule, const std::string &File, unsigned Line,
                const std::string &Message = "Leaked") {
  Defect D;
  D.Rule = Rule;
  D.Loc.File = File;
  D.Loc.Line = Line;
  D.Loc.Col = 3;
  D.Message = Message;
  return D;
}

//===----------------------------------------------------------------------===//
// Suppression comments
//===----------------------------------------------------------------------===//

TEST(ParseSuppressions, LineAndBlockComments) {
  auto S = parseSuppressions(
      "int a;\n"
      "  // ndisv-suppress Init_X: halt frees it through the timer\n"
      "return s; /* ndisv-suppress Init_Y: reviewed */ int b;\n"
      "// ndisv-suppress   Init_Z   :  spaced  \r\n",
      "f.c");
  ASSERT_EQ(3u, S.size());
  EXPECT_EQ(2u, S[0].Line);
  EXPECT_EQ(3u, S[0].Col);
  EXPECT_EQ("Init_X", S[0].Rule);
  EXPECT_EQ("halt frees it through the timer", S[0].Reason);
  EXPECT_EQ(3u, S[1].Line);
  EXPECT_EQ(11u, S[1].Col);
  EXPECT_EQ("Init_Y", S[1].Rule);
  EXPECT_EQ("reviewed", S[1].Reason); // the block comment's end is not reason
  EXPECT_EQ("Init_Z", S[2].Rule);
  EXPECT_EQ("spaced", S[2].Reason);
  EXPECT_EQ("f.c", S[2].File);
}

TEST(ParseSuppressions, MalformedAndNotComments) {
  auto S = parseSuppressions("// ndisv-suppress Init_X\n"
                             "// ndisv-suppress\n"
                             "const char *s = \"ndisv-suppress Init_X: no\";\n"
                             "// ndisv-suppressed Init_X: prose\n",
                             "f.c");
  ASSERT_EQ(2u, S.size());
  EXPECT_EQ("Init_X", S[0].Rule);
  EXPECT_EQ("", S[0].Reason);
  EXPECT_EQ("", S[1].Rule);
}

class SuppressTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("ndisv-suppress", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }
  std::string write(const std::string &Name, const std::string &Text) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC);
    OS << Text;
    return std::string(P.str());
  }
  llvm::SmallString<256> Dir;
};

TEST_F(SuppressTest, SameLineOrLineAboveAndRuleMustMatch) {
  std::string F = write("drv.c", "line1\n"
                                 "// ndisv-suppress Init_A: freed by the timer\n"
                                 "return s;\n"
                                 "return t; // ndisv-suppress Init_B: reviewed\n"
                                 "\n"
                                 "return u;\n");
  Results R;
  R.Defects = {defectAt("Init_A", F, 3), defectAt("Init_B", F, 4),
               defectAt("Init_B", F, 3), defectAt("Init_A", F, 6),
               defectAt("Init_A", F, 2)};
  EXPECT_EQ(3u, applySuppressions(R, {}, {"Init_A", "Init_B"}));
  EXPECT_TRUE(R.Defects[0].Suppressed); // line above
  EXPECT_EQ("freed by the timer", R.Defects[0].SuppressionReason);
  EXPECT_TRUE(R.Defects[1].Suppressed); // same line
  EXPECT_EQ("reviewed", R.Defects[1].SuppressionReason);
  EXPECT_FALSE(R.Defects[2].Suppressed); // other rule
  EXPECT_FALSE(R.Defects[3].Suppressed); // two lines below
  EXPECT_TRUE(R.Defects[4].Suppressed);  // on the comment's own line
  EXPECT_TRUE(R.ReportWarnings.empty());
  EXPECT_EQ(1, exitCodeFor(R, 1, FailOn::Defect));
  R.Defects.erase(R.Defects.begin() + 2, R.Defects.begin() + 4);
  EXPECT_EQ(0, exitCodeFor(R, 1, FailOn::Defect));
}

TEST_F(SuppressTest, BadSuppressionsWarnAndSuppressNothing) {
  std::string F = write("drv.c", "// ndisv-suppress Init_A\n"
                                 "return s;\n"
                                 "// ndisv-suppress Init_Typo: reviewed\n"
                                 "return t;\n");
  std::string G = write("other.c", "/* ndisv-suppress: why */\n");
  Results R;
  R.Defects = {defectAt("Init_A", F, 2), defectAt("Init_Typo", F, 4)};
  EXPECT_EQ(0u, applySuppressions(R, {G, F}, {"Init_A"}));
  EXPECT_FALSE(R.Defects[0].Suppressed);
  EXPECT_FALSE(R.Defects[1].Suppressed);
  ASSERT_EQ(3u, R.ReportWarnings.size());
  // Sorted by file and line whatever order the files came in.
  EXPECT_EQ(F, R.ReportWarnings[0].Loc.File);
  EXPECT_EQ(1u, R.ReportWarnings[0].Loc.Line);
  EXPECT_EQ(Diagnostic::Level::Warning, R.ReportWarnings[0].L);
  EXPECT_NE(std::string::npos, R.ReportWarnings[0].Message.find("gives no reason"));
  EXPECT_NE(std::string::npos,
            R.ReportWarnings[1].Message.find("unknown rule 'Init_Typo'"));
  EXPECT_EQ(G, R.ReportWarnings[2].Loc.File);
  EXPECT_NE(std::string::npos, R.ReportWarnings[2].Message.find("names no rule"));
}

TEST(SuppressedInSarif, SuppressionsArrayOnlyWhenSuppressed) {
  Results R;
  R.Defects = {defectAt("Init_A", "a.c", 3), defectAt("Init_A", "a.c", 9)};
  R.Defects[0].Suppressed = true;
  R.Defects[0].SuppressionReason = "freed by the timer";
  std::string S;
  llvm::raw_string_ostream OS(S);
  writeSarif(R, OS, "0");
  size_t First = S.find("\"suppressions\"");
  ASSERT_NE(std::string::npos, First);
  EXPECT_EQ(std::string::npos, S.find("\"suppressions\"", First + 1));
  EXPECT_NE(std::string::npos, S.find("\"kind\": \"inSource\""));
  EXPECT_NE(std::string::npos, S.find("\"justification\": \"freed by the timer\""));
}

//===----------------------------------------------------------------------===//
// Baselines
//===----------------------------------------------------------------------===//

TEST(Baseline, RoundTripThroughSarifMatchesOncePerResult) {
  Results Old;
  Old.Defects = {defectAt("Init_A", "a.c", 3), defectAt("Init_B", "a.c", 9)};
  std::string Log;
  llvm::raw_string_ostream OS(Log);
  writeSarif(Old, OS, "0");
  auto FPs = parseBaseline(Log);
  ASSERT_TRUE(bool(FPs)) << toString(FPs.takeError());
  ASSERT_EQ(2u, FPs->size());

  // Lines moved, one defect new, and a second copy of a known one.
  Results New;
  New.Defects = {defectAt("Init_A", "a.c", 30), defectAt("Init_A", "a.c", 40),
                 defectAt("Init_B", "a.c", 90),
                 defectAt("Init_B", "a.c", 95, "Other message")};
  EXPECT_EQ(2u, applyBaseline(New, *FPs));
  EXPECT_TRUE(New.Defects[0].InBaseline);
  EXPECT_FALSE(New.Defects[1].InBaseline);
  EXPECT_TRUE(New.Defects[2].InBaseline);
  EXPECT_FALSE(New.Defects[3].InBaseline);
  EXPECT_EQ(1, exitCodeFor(New, 1, FailOn::Defect));
  New.Defects.erase(New.Defects.begin() + 3);
  New.Defects.erase(New.Defects.begin() + 1);
  EXPECT_EQ(0, exitCodeFor(New, 1, FailOn::Defect));
}

TEST(Baseline, SuppressedDefectsDoNotConsumeBaselineEntries) {
  Results Old;
  Old.Defects = {defectAt("Init_A", "a.c", 3)};
  std::string Log;
  llvm::raw_string_ostream OS(Log);
  writeSarif(Old, OS, "0");
  auto FPs = parseBaseline(Log);
  ASSERT_TRUE(bool(FPs));
  Results New;
  New.Defects = {defectAt("Init_A", "a.c", 3), defectAt("Init_A", "a.c", 5)};
  New.Defects[0].Suppressed = true;
  EXPECT_EQ(1u, applyBaseline(New, *FPs));
  EXPECT_FALSE(New.Defects[0].InBaseline);
  EXPECT_TRUE(New.Defects[1].InBaseline);
}

TEST(Baseline, RejectsWhatIsNotSarif) {
  auto NotJson = parseBaseline("{");
  ASSERT_FALSE(bool(NotJson));
  EXPECT_NE(std::string::npos, toString(NotJson.takeError()).find("not JSON"));
  auto NoRuns = parseBaseline("{\"version\": \"2.1.0\"}");
  ASSERT_FALSE(bool(NoRuns));
  EXPECT_NE(std::string::npos, toString(NoRuns.takeError()).find("runs"));
  // Results of other tools have no ndisv fingerprint and match nothing.
  auto Other = parseBaseline(
      R"({"runs": [{"results": [{"partialFingerprints": {"x": "1"}}, {}]}]})");
  ASSERT_TRUE(bool(Other));
  EXPECT_TRUE(Other->empty());
  auto Missing = readBaseline("/nonexistent/old.sarif");
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(std::string::npos,
            toString(Missing.takeError()).find("cannot read baseline"));
}

//===----------------------------------------------------------------------===//
// Exit code
//===----------------------------------------------------------------------===//

TEST(ExitCode, FailOnInconclusive) {
  Results R;
  RuleResult A;
  A.Rule = "Init_A";
  A.V = Verdict::Inconclusive;
  R.Rules = {A};
  EXPECT_EQ(0, exitCodeFor(R, 0, FailOn::Defect));
  EXPECT_EQ(1, exitCodeFor(R, 0, FailOn::Inconclusive));
  EXPECT_EQ(2, exitCodeFor(R, 2, FailOn::Inconclusive)); // nothing verified stays 2
  R.Rules[0].V = Verdict::Pass;
  EXPECT_EQ(0, exitCodeFor(R, 0, FailOn::Inconclusive));
}

//===----------------------------------------------------------------------===//
// Progress line
//===----------------------------------------------------------------------===//

TEST(ProgressLine, RewritesInPlaceAndErases) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  {
    ProgressLine P(OS, /*MaxWidth=*/20);
    P.update("[1/2] compiling a.c");
    P.update("linking");
    P.update("a very long line that does not fit");
  }
  EXPECT_EQ("\r[1/2] compiling a.c"
            "\rlinking            "
            "\ra very long line tha"
            "\r                    \r",
            S);
}

//===----------------------------------------------------------------------===//
// Trace repeats and loop iterations
//===----------------------------------------------------------------------===//

TraceStep step(const char *Msg, unsigned Line, unsigned Iteration) {
  TraceStep S;
  S.K = TraceStep::Kind::Outcome;
  S.Loc = {"a.c", Line, 3};
  S.Message = Msg;
  S.Iteration = Iteration;
  return S;
}

TEST(TraceRepeats, ConsecutiveIdenticalStepsBecomeOne) {
  std::vector<TraceStep> T;
  for (unsigned I = 1; I <= 8; ++I)
    T.push_back(step("NdisAllocateRWLock succeeds", 10, I));
  T.push_back(step("NdisAllocateRWLock fails", 10, 9));
  T.push_back(step("X succeeds", 20, 0));
  T.push_back(step("X succeeds", 21, 0)); // another line: not a repeat
  collapseTraceRepeats(T);
  ASSERT_EQ(4u, T.size());
  EXPECT_EQ("NdisAllocateRWLock succeeds \u00d78 (iterations 1-8)", T[0].Message);
  EXPECT_EQ("NdisAllocateRWLock fails (iteration 9)", T[1].Message);
  EXPECT_EQ("X succeeds", T[2].Message);
  EXPECT_EQ("X succeeds", T[3].Message);
}

TEST(TraceRepeats, RepeatsOutsideLoopsAndDifferentKindsStayApart) {
  std::vector<TraceStep> T = {step("Y succeeds", 5, 0), step("Y succeeds", 5, 0)};
  TraceStep Other = step("Y succeeds", 5, 0);
  Other.K = TraceStep::Kind::Event;
  T.push_back(Other);
  collapseTraceRepeats(T);
  ASSERT_EQ(2u, T.size());
  EXPECT_EQ("Y succeeds \u00d72", T[0].Message);
  EXPECT_EQ("Y succeeds", T[1].Message);
}

} // namespace

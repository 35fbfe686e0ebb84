//===- ReportTest.cpp - Tests of the text, SARIF and -verify writers ----===//
// SPDX-License-Identifier: Apache-2.0
//
// Other tools parse the text and SARIF reports and every driver test relies
// on -verify, so their exact shape is pinned here on results built by hand.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Writers.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "gtest/gtest.h"

using namespace ndisv;

namespace {

SourceLoc loc(const std::string &File, unsigned Line, unsigned Col = 0) {
  SourceLoc L;
  L.File = File;
  L.Line = Line;
  L.Col = Col;
  return L;
}

TraceStep step(TraceStep::Kind K, SourceLoc Loc, const std::string &Message,
               unsigned Depth = 0) {
  TraceStep S;
  S.K = K;
  S.Loc = std::move(Loc);
  S.Message = Message;
  S.Depth = Depth;
  return S;
}

Defect defect(const std::string &Rule, SourceLoc Loc,
              const std::string &Message) {
  Defect D;
  D.Rule = Rule;
  D.Loc = std::move(Loc);
  D.Message = Message;
  return D;
}

RuleResult rule(const std::string &Name, Verdict V,
                const std::string &Reason = "") {
  RuleResult RR;
  RR.Rule = Name;
  RR.Title = Name + " title";
  RR.Origin = "sdv";
  RR.DocPath = "docs/rules/" + Name + ".md";
  RR.V = V;
  RR.Reason = Reason;
  return RR;
}

Defect leak() {
  Defect D = defect("InterruptLeak", loc("drv.c", 10, 3),
                    "Interrupt registered in MiniportInitializeEx is not "
                    "deregistered on failure");
  D.Trace.push_back(
      step(TraceStep::Kind::Call, loc("drv.c", 5, 3), "Calling InitHw"));
  D.Trace.push_back(step(TraceStep::Kind::Event, loc("drv.c", 20, 5),
                         "Interrupt registered", 1));
  D.Trace.push_back(
      step(TraceStep::Kind::Return, SourceLoc(), "Returning from InitHw"));
  D.Trace.push_back(step(TraceStep::Kind::Exit, loc("drv.c", 10, 3),
                         "MiniportInitializeEx returns NDIS_STATUS_FAILURE"));
  return D;
}

Results sample() {
  Results R;
  TranslationUnitResult A;
  A.File = "drv.c";
  A.Compiled = true;
  TranslationUnitResult B;
  B.File = "b.c";
  Diagnostic E;
  E.Loc = loc("b.c", 3, 7);
  E.Message = "unknown type name 'FOO'";
  B.Errors.push_back(E);
  R.TUs = {A, B};
  R.Rules = {rule("InterruptLeak", Verdict::Defect),
             rule("WorkItemLeak", Verdict::Inconclusive, "b.c did not compile"),
             rule("PoolTag", Verdict::NotApplicable)};
  R.Defects.push_back(leak());
  return R;
}

std::string text(const Results &R, bool Color = false) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  TextOptions Opts;
  Opts.Color = Color;
  writeText(R, OS, Opts);
  return S;
}

std::string sarif(const Results &R) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  writeSarif(R, OS, "0.1.0");
  return S;
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

TEST(TextWriter, VerboseListsEveryRule) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  TextOptions Opts;
  Opts.Verbose = true;
  writeText(sample(), OS, Opts);
  EXPECT_NE(S.find("ndisv: WorkItemLeak:  inconclusive          0  sdv     b.c did not compile\n"
                   "ndisv: PoolTag:       not-applicable        0  sdv\n"),
            std::string::npos)
      << S;
  EXPECT_EQ(S.find("not applicable ("), std::string::npos) << S;
}

TEST(TextWriter, ExactFormat) {
  EXPECT_EQ(
      "drv.c:10:3: warning: [InterruptLeak] Interrupt registered in "
      "MiniportInitializeEx is not deregistered on failure\n"
      "  drv.c:5:3: note: Calling InitHw\n"
      "    drv.c:20:5: note: Interrupt registered\n"
      "  ndisv: note: Returning from InitHw\n"
      "  drv.c:10:3: note: MiniportInitializeEx returns NDIS_STATUS_FAILURE\n"
      "b.c:3:7: error: unknown type name 'FOO'\n"
      "ndisv: note: b.c did not compile; verdicts that depend on it are "
      "inconclusive\n"
      "ndisv: compiled 1 of 2 translation units\n"
      "ndisv: rule           verdict       defects  origin  reason\n"
            "ndisv: InterruptLeak: defect              1  sdv\n"
            "ndisv: WorkItemLeak:  inconclusive        0  sdv     b.c did not compile\n"
            "ndisv: not applicable (1 rule, --verbose says why): PoolTag\n",
      text(sample()));
}

std::string text(const Results &R, const TextOptions &Opts) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  writeText(R, OS, Opts);
  return S;
}

TEST(TextWriter, MsvcFormat) {
  TextOptions Opts;
  Opts.Format = TextFormat::Msvc;
  Results R = sample();
  Diagnostic W;
  W.L = Diagnostic::Level::Warning;
  W.Loc = loc("drv.c", 2, 1);
  W.Message = "suppression names unknown rule 'X'; it is ignored";
  R.ReportWarnings.push_back(W);
  std::string Out = text(R, Opts);
  EXPECT_EQ(0u, Out.find(
      "drv.c(10,3): warning InterruptLeak: Interrupt registered in "
      "MiniportInitializeEx is not deregistered on failure\n"
      "  drv.c(5,3): note: Calling InitHw\n"
      "    drv.c(20,5): note: Interrupt registered\n"
      "  ndisv: note: Returning from InitHw\n"
      "  drv.c(10,3): note: MiniportInitializeEx returns NDIS_STATUS_FAILURE\n"
      "b.c(3,7): error: unknown type name 'FOO'\n"
      "ndisv: note: b.c did not compile; verdicts that depend on it are "
      "inconclusive\n"
      "drv.c(2,1): warning: suppression names unknown rule 'X'; it is ignored\n"
      "ndisv: compiled 1 of 2 translation units\n"))
      << Out;
  R.Defects[0].Loc.Col = 0;
  EXPECT_EQ(0u, text(R, Opts).find("drv.c(10): warning InterruptLeak: "));
}

TEST(TextWriter, QuietPrintsOnlyDefectsAndErrors) {
  TextOptions Opts;
  Opts.Quiet = true;
  std::string Out = text(sample(), Opts);
  EXPECT_NE(std::string::npos, Out.find("warning: [InterruptLeak]"));
  EXPECT_NE(std::string::npos, Out.find("b.c:3:7: error: unknown type name"));
  EXPECT_EQ(std::string::npos, Out.find("compiled"));
  EXPECT_EQ(std::string::npos, Out.find("defects  origin"));
  EXPECT_EQ(std::string::npos, Out.find("ndisv: InterruptLeak:"));
}

TEST(TextWriter, SuppressedAreListedAndBaselinedCounted) {
  Results R = sample();
  Defect Second = leak();
  Second.Loc.Line = 40;
  Defect Third = leak();
  Third.Loc.Line = 50;
  R.Defects[0].Suppressed = true;
  R.Defects[0].SuppressionReason = "halt frees it through the timer";
  Second.InBaseline = true;
  R.Defects.push_back(Second);
  R.Defects.push_back(Third);
  std::string Out = text(R);
  // Only the reportable defect is printed as a warning.
  EXPECT_EQ(0u, Out.find("drv.c:50:3: warning: [InterruptLeak]")) << Out;
  EXPECT_EQ(std::string::npos, Out.find("drv.c:10:3: warning:"));
  EXPECT_EQ(std::string::npos, Out.find("drv.c:40:3: warning:"));
  EXPECT_NE(std::string::npos,
            Out.find("ndisv: compiled 1 of 2 translation units\n"
                     "ndisv: 1 defect suppressed in the source:\n"
                     "  drv.c:10:3: note: [InterruptLeak] Interrupt registered in "
                     "MiniportInitializeEx is not deregistered on failure; "
                     "suppressed: halt frees it through the timer\n"
                     "ndisv: 1 defect matches the baseline and is not shown\n"
                     "ndisv: rule "))
      << Out;
  EXPECT_NE(std::string::npos,
            Out.find("ndisv: InterruptLeak: defect              1  sdv     "
                     "1 suppressed; 1 in the baseline\n"))
      << Out;
}

TEST(TextWriter, EmptyResults) {
  EXPECT_EQ("ndisv: compiled 0 of 0 translation units\n", text(Results()));
}

TEST(TextWriter, ToolErrorsAndMissingColumns) {
  Results R;
  Diagnostic E;
  E.Message = "cannot read rule file";
  R.ToolErrors.push_back(E);
  R.Defects.push_back(defect("R", loc("x.c", 4), "Leaked"));
  EXPECT_EQ("x.c:4: warning: [R] Leaked\n"
            "ndisv: error: cannot read rule file\n"
            "ndisv: compiled 0 of 0 translation units\n",
            text(R));
}

TEST(TextWriter, ColorsOnlyWhenAsked) {
  Results R = sample();
  std::string Plain = text(R);
  EXPECT_EQ(std::string::npos, Plain.find('\x1b'));

  std::string Colored = text(R, /*Color=*/true);
  EXPECT_NE(std::string::npos, Colored.find("\x1b[0;1;35mwarning:")); // magenta
  EXPECT_NE(std::string::npos, Colored.find("\x1b[0;1;31merror:"));   // red
  EXPECT_NE(std::string::npos, Colored.find("\x1b[0;1;31mdefect"));
  EXPECT_NE(std::string::npos, Colored.find("\x1b[0;1;33minconclusive"));
  // Notes are not bold, like clang's.
  EXPECT_NE(std::string::npos, Colored.find("note:\x1b[0m Calling InitHw\n"));
  // Without the escapes it is the plain report.
  llvm::Regex Escape("\x1b\\[[0-9;]*m");
  std::string Stripped = Colored;
  while (Escape.match(Stripped))
    Stripped = Escape.sub("", Stripped);
  EXPECT_EQ(Plain, Stripped);
}

//===----------------------------------------------------------------------===//
// SARIF
//===----------------------------------------------------------------------===//

TEST(SarifWriter, RequiredFields) {
  std::string S = sarif(sample());
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(S);
  ASSERT_TRUE(bool(V)) << llvm::toString(V.takeError());
  const llvm::json::Object *Log = V->getAsObject();
  ASSERT_TRUE(Log);
  EXPECT_EQ("https://json.schemastore.org/sarif-2.1.0.json",
            Log->getString("$schema").value_or(""));
  EXPECT_EQ("2.1.0", Log->getString("version").value_or(""));
  const llvm::json::Object *Run = (*Log->getArray("runs"))[0].getAsObject();
  ASSERT_TRUE(Run);

  const llvm::json::Object *Driver =
      Run->getObject("tool")->getObject("driver");
  EXPECT_EQ("ndisv", Driver->getString("name").value_or(""));
  EXPECT_EQ("0.1.0", Driver->getString("version").value_or(""));
  const llvm::json::Array *Rules = Driver->getArray("rules");
  ASSERT_EQ(3u, Rules->size());
  const llvm::json::Object *R0 = (*Rules)[0].getAsObject();
  EXPECT_EQ("InterruptLeak", R0->getString("id").value_or(""));
  EXPECT_EQ("InterruptLeak title",
            R0->getObject("shortDescription")->getString("text").value_or(""));
  // No data directory and no --help-uri-base: no page to point at.
  EXPECT_FALSE(R0->get("helpUri"));
  EXPECT_EQ("sdv",
            R0->getObject("properties")->getString("origin").value_or(""));

  const llvm::json::Array *ResultsArr = Run->getArray("results");
  ASSERT_EQ(1u, ResultsArr->size());
  const llvm::json::Object *Res = (*ResultsArr)[0].getAsObject();
  EXPECT_EQ("InterruptLeak", Res->getString("ruleId").value_or(""));
  EXPECT_EQ(0, Res->getInteger("ruleIndex").value_or(-1));
  EXPECT_EQ("warning", Res->getString("level").value_or(""));
  const llvm::json::Object *Phys =
      (*Res->getArray("locations"))[0].getAsObject()->getObject(
          "physicalLocation");
  EXPECT_EQ("drv.c",
            Phys->getObject("artifactLocation")->getString("uri").value_or(""));
  EXPECT_EQ(10, Phys->getObject("region")->getInteger("startLine").value_or(0));
  EXPECT_EQ(3,
            Phys->getObject("region")->getInteger("startColumn").value_or(0));

  const llvm::json::Array *Steps =
      (*(*Res->getArray("codeFlows"))[0].getAsObject()->getArray(
          "threadFlows"))[0]
          .getAsObject()
          ->getArray("locations");
  ASSERT_EQ(4u, Steps->size());
  const llvm::json::Object *Step1 = (*Steps)[1].getAsObject();
  EXPECT_EQ(1, Step1->getInteger("nestingLevel").value_or(-1));
  EXPECT_EQ("Interrupt registered", Step1->getObject("location")
                                        ->getObject("message")
                                        ->getString("text")
                                        .value_or(""));
  EXPECT_TRUE(Step1->getArray("kinds"));
  // The step without a location has a message only.
  EXPECT_FALSE((*Steps)[2]
                   .getAsObject()
                   ->getObject("location")
                   ->get("physicalLocation"));
  EXPECT_EQ(16u, Res->getObject("partialFingerprints")
                     ->getString("ndisvDefect/v1")
                     .value_or("")
                     .size());

  const llvm::json::Object *Inv =
      (*Run->getArray("invocations"))[0].getAsObject();
  EXPECT_EQ(true, Inv->getBoolean("executionSuccessful"));
  const llvm::json::Array *Notes = Inv->getArray("toolExecutionNotifications");
  // The TU that did not compile, then each inconclusive rule.
  ASSERT_EQ(2u, Notes->size());
  EXPECT_EQ("error",
            (*Notes)[0].getAsObject()->getString("level").value_or(""));
  const llvm::json::Object *RuleNote = (*Notes)[1].getAsObject();
  EXPECT_EQ("warning", RuleNote->getString("level").value_or(""));
  EXPECT_EQ("WorkItemLeak", RuleNote->getObject("associatedRule")->getString("id").value_or(""));

  const llvm::json::Object *Props = Run->getObject("properties");
  const llvm::json::Object *Verdicts = Props->getObject("ruleVerdicts");
  EXPECT_EQ("defect", Verdicts->getString("InterruptLeak").value_or(""));
  EXPECT_EQ("inconclusive", Verdicts->getString("WorkItemLeak").value_or(""));
  EXPECT_EQ("not-applicable", Verdicts->getString("PoolTag").value_or(""));
  // One entry per TU, in order, saying whether it compiled.
  const llvm::json::Array *TUs = Props->getArray("translationUnits");
  ASSERT_EQ(2u, TUs->size());
  EXPECT_EQ(true, (*TUs)[0].getAsObject()->getBoolean("compiled"));
  EXPECT_EQ(false, (*TUs)[1].getAsObject()->getBoolean("compiled"));
}

TEST(SarifWriter, DeterministicAndKeyOrder) {
  std::string S = sarif(sample());
  EXPECT_EQ(S, sarif(sample()));
  EXPECT_EQ(0u, S.find("{\n  \"$schema\""));
  EXPECT_LT(S.find("\"ruleId\""), S.find("\"codeFlows\""));
}

TEST(SarifWriter, NothingVerifiedFailsTheInvocation) {
  Results R;
  Diagnostic E;
  E.Message = "bad rule file";
  R.ToolErrors.push_back(E);
  SarifOptions Opts;
  Opts.ExitCode = 2;
  std::string S;
  llvm::raw_string_ostream OS(S);
  writeSarif(R, OS, Opts);
  auto V = llvm::json::parse(S);
  ASSERT_TRUE(bool(V));
  const llvm::json::Object *Run =
      (*V->getAsObject()->getArray("runs"))[0].getAsObject();
  EXPECT_EQ(false, (*Run->getArray("invocations"))[0].getAsObject()->getBoolean(
                       "executionSuccessful"));
}

TEST(SarifWriter, FileOutsideTheCurrentDirectoryIsAFileUri) {
  Results R;
  R.Defects.push_back(
      defect("R", loc("/nonexistent ndisv dir/x.c", 2), "Leaked"));
  std::string S = sarif(R);
  EXPECT_NE(std::string::npos,
            S.find("\"uri\": \"file:///nonexistent%20ndisv%20dir/x.c\""))
      << S;
  // A rule with a defect but no result still gets a descriptor.
  auto V = llvm::json::parse(S);
  ASSERT_TRUE(bool(V));
  const llvm::json::Object *Run =
      (*V->getAsObject()->getArray("runs"))[0].getAsObject();
  EXPECT_EQ(
      1u,
      Run->getObject("tool")->getObject("driver")->getArray("rules")->size());
}

TEST(Fingerprint, IgnoresLinesButNotRuleOrEvents) {
  Defect A = leak();
  Defect Moved = leak();
  Moved.Loc.Line += 7;
  Moved.Loc.Col = 1;
  for (TraceStep &S : Moved.Trace)
    S.Loc.Line += 7;
  Moved.Loc.File = "/elsewhere/drv.c";
  EXPECT_EQ(defectFingerprint(A), defectFingerprint(Moved));

  Defect OtherRule = leak();
  OtherRule.Rule = "WorkItemLeak";
  EXPECT_NE(defectFingerprint(A), defectFingerprint(OtherRule));

  Defect OtherEvent = leak();
  OtherEvent.Trace[1].Message = "Timer set";
  EXPECT_NE(defectFingerprint(A), defectFingerprint(OtherEvent));

  Defect OtherFile = leak();
  OtherFile.Loc.File = "other.c";
  EXPECT_NE(defectFingerprint(A), defectFingerprint(OtherFile));
}

//===----------------------------------------------------------------------===//
// Verify
//===----------------------------------------------------------------------===//

class VerifyTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("ndisv-verify", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(const std::string &Name, const std::string &Content) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC);
    OS << Content;
    return std::string(Path.str());
  }

  bool verify(const Results &R, const std::vector<std::string> &Files) {
    Output.clear();
    llvm::raw_string_ostream OS(Output);
    return verifyExpectations(R, Files, OS);
  }

  llvm::SmallString<128> Dir;
  std::string Output;
};

TEST_F(VerifyTest, Match) {
  std::string F = write(
      "drv.c",
      "int init(void) {\n"
      "  register_interrupt(); // expected-note {{Interrupt registered}}\n"
      "  return 1; // expected-defect {{[InterruptLeak] not deregistered}}\n"
      "}\n"
      "// expected-verdict {{InterruptLeak: defect}}\n");
  Results R;
  R.Rules = {rule("InterruptLeak", Verdict::Defect)};
  Defect D =
      defect("InterruptLeak", loc(F, 3, 3), "Interrupt is not deregistered");
  D.Trace.push_back(
      step(TraceStep::Kind::Event, loc(F, 2, 3), "Interrupt registered"));
  D.Trace.push_back(
      step(TraceStep::Kind::Exit, loc(F, 3, 3), "Unexpected notes are fine"));
  R.Defects.push_back(D);
  EXPECT_TRUE(verify(R, {F}));
  EXPECT_EQ("", Output);
}

TEST_F(VerifyTest, MissingDefectAndNote) {
  std::string F = write(
      "drv.c",
      "int init(void) {\n"
      "  return 1; // expected-defect {{[InterruptLeak] not deregistered}}\n"
      "} // expected-note {{Halt}}\n"
      "// expected-verdict {{InterruptLeak: pass}}\n");
  Results R;
  R.Rules = {rule("InterruptLeak", Verdict::Pass)};
  EXPECT_FALSE(verify(R, {F}));
  EXPECT_EQ("error: 'expected-defect' not seen: " + F +
                ":2: [InterruptLeak] not deregistered\n"
                "error: 'expected-note' not seen: " +
                F + ":3: Halt\n",
            Output);
}

TEST_F(VerifyTest, UnexpectedDefect) {
  std::string F =
      write("drv.c", "int init(void) {\n"
                     "  return 1;\n"
                     "}\n"
                     "// expected-verdict {{InterruptLeak: defect}}\n");
  Results R;
  R.Rules = {rule("InterruptLeak", Verdict::Defect)};
  R.Defects.push_back(
      defect("InterruptLeak", loc(F, 2, 3), "Interrupt is not deregistered"));
  EXPECT_FALSE(verify(R, {F}));
  EXPECT_EQ("error: unexpected defect: " + F +
                ":2:3: [InterruptLeak] Interrupt is not deregistered\n",
            Output);
}

TEST_F(VerifyTest, DefectOfAnotherRuleOrFileDoesNotMatch) {
  std::string F = write("drv.c", "return 1; // expected-defect {{[A] leak}}\n"
                                 "// expected-verdict {{A: defect}}\n");
  std::string G = write("other.c", "return 1;\n");
  Results R;
  R.Rules = {rule("A", Verdict::Defect)};
  R.Defects.push_back(defect("B", loc(F, 1), "leak"));
  R.Defects.push_back(defect("A", loc(G, 1), "leak"));
  EXPECT_FALSE(verify(R, {F, G}));
  EXPECT_EQ("error: 'expected-defect' not seen: " + F +
                ":1: [A] leak\n"
                "error: unexpected defect: " +
                F +
                ":1: [B] leak\n"
                "error: unexpected defect: " +
                G + ":1: [A] leak\n",
            Output);
}

TEST_F(VerifyTest, LineOffsets) {
  std::string F = write(
      "drv.c",
      "// expected-defect@+2 {{[A] first}}\n"
      "int x;\n"
      "return 1;\n"
      "return 2;\n"
      "// expected-defect@-1 {{[A] second}} expected-verdict {{A: defect}}\n");
  Results R;
  R.Rules = {rule("A", Verdict::Defect)};
  R.Defects.push_back(defect("A", loc(F, 3), "first leak"));
  R.Defects.push_back(defect("A", loc(F, 4), "second leak"));
  EXPECT_TRUE(verify(R, {F})) << Output;

  R.Defects[1].Loc.Line = 5;
  EXPECT_FALSE(verify(R, {F}));
  EXPECT_EQ("error: 'expected-defect' not seen: " + F +
                ":4: [A] second\n"
                "error: unexpected defect: " +
                F + ":5: [A] second leak\n",
            Output);
}

TEST_F(VerifyTest, SeveralInOneComment) {
  std::string F = write(
      "drv.c",
      "return 1; // expected-defect {{[A] x}} expected-defect {{[B] y}}\n"
      "return 2; /* expected-defect {{[A] same}} {{[A] same}} */\n"
      "// expected-verdict {{A: defect}} expected-verdict {{B: defect}}\n");
  Results R;
  R.Rules = {rule("A", Verdict::Defect), rule("B", Verdict::Defect)};
  R.Defects.push_back(defect("A", loc(F, 1), "x leaked"));
  R.Defects.push_back(defect("B", loc(F, 1), "y leaked"));
  R.Defects.push_back(defect("A", loc(F, 2), "same leak"));
  R.Defects.push_back(defect("A", loc(F, 2), "same leak"));
  EXPECT_TRUE(verify(R, {F})) << Output;

  // Each expectation consumes one defect: a third identical one is extra.
  R.Defects.push_back(defect("A", loc(F, 2), "same leak"));
  EXPECT_FALSE(verify(R, {F}));
  EXPECT_EQ("error: unexpected defect: " + F + ":2: [A] same leak\n", Output);
}

TEST_F(VerifyTest, RuleMayBeOmittedAndMatchingIsMaximal) {
  // The loose expectation could take either defect; it must leave the one
  // only the strict expectation matches.
  std::string F = write(
      "drv.c",
      "return 1; // expected-defect {{leak}} expected-defect {{[A] leak of "
      "timer}}\n"
      "// expected-verdict {{A: defect}} expected-verdict {{B: defect}}\n");
  Results R;
  R.Rules = {rule("A", Verdict::Defect), rule("B", Verdict::Defect)};
  R.Defects.push_back(defect("A", loc(F, 1), "leak of timer"));
  R.Defects.push_back(defect("B", loc(F, 1), "leak of pool"));
  EXPECT_TRUE(verify(R, {F})) << Output;
}

TEST_F(VerifyTest, VerdictMismatchMissingAndUnknown) {
  std::string F = write("drv.c", "// expected-verdict {{A: pass}}\n"
                                 "/* expected-verdict {{Nope: defect}} */\n");
  Results R;
  // Unstated rules may pass or not apply (C, D); inconclusive (B) fails.
  R.Rules = {rule("A", Verdict::Inconclusive), rule("B", Verdict::Inconclusive),
             rule("C", Verdict::Pass), rule("D", Verdict::NotApplicable)};
  EXPECT_FALSE(verify(R, {F}));
  EXPECT_EQ("error: verdict of A is inconclusive, expected pass\n"
            "error: expected-verdict for unknown or unchecked rule Nope\n"
            "error: no expected-verdict for rule B (got inconclusive)\n",
            Output);
}

TEST_F(VerifyTest, MalformedDirectives) {
  std::string F = write("drv.c", "// expected-defect [A] no braces\n"
                                 "// expected-verdict {{A: maybe}}\n"
                                 "// expected-note {{unterminated\n");
  Results R;
  EXPECT_FALSE(verify(R, {F}));
  EXPECT_EQ(
      "error: " + F +
          ":1: missing '{{' after 'expected-defect'\n"
          "error: " +
          F +
          ":2: expected-verdict needs '{{Rule: verdict}}' "
          "with verdict pass, defect, not-applicable or inconclusive, got "
          "'{{A: maybe}}'\n"
          "error: " +
          F + ":3: '{{' without matching '}}' after 'expected-note'\n",
      Output);
}

TEST_F(VerifyTest, OnlyCommentsCountAndBlockCommentLines) {
  std::string F = write(
      "drv.c", "const char *s = \"// expected-defect {{[A] in a string}}\";\n"
               "int n = 1'000; // expected-verdict {{A: defect}}\n"
               "/* first line\n"
               "   expected-defect {{[A] on line four}} */\n"
               "// unexpected-defect {{not a directive}}\n");
  Results R;
  R.Rules = {rule("A", Verdict::Defect)};
  R.Defects.push_back(defect("A", loc(F, 4), "leak on line four"));
  EXPECT_TRUE(verify(R, {F})) << Output;
}

TEST_F(VerifyTest, PathsAreComparedByIdentity) {
  std::string F = write("drv.c", "return 1; // expected-defect {{[A] leak}}\n"
                                 "// expected-verdict {{A: defect}}\n");
  llvm::SmallString<256> Other(Dir);
  llvm::sys::path::append(Other, ".", "drv.c");
  Results R;
  R.Rules = {rule("A", Verdict::Defect)};
  R.Defects.push_back(defect("A", loc(std::string(Other.str()), 1), "leak"));
  EXPECT_TRUE(verify(R, {F, F})) << Output;
}

TEST_F(VerifyTest, UnreadableFile) {
  Results R;
  EXPECT_FALSE(verify(R, {std::string(Dir.str()) + "/missing.c"}));
  EXPECT_NE(std::string::npos, Output.find("error: cannot read "));
}

} // namespace

//===- TwinsTest.cpp - Tests of one report per bug (pairTwinDefects) -----===//
// SPDX-License-Identifier: Apache-2.0
//
// Joining an SDV rule's defect with its per-handle twin must never hide a
// leak: only the same leak (same released-by API) at the same exit on the
// same path is one report; anything else stays its own diagnostic.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Filters.h"
#include "ndisv/Report/Writers.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace ndisv;

namespace {

TraceStep step(TraceStep::Kind K, unsigned Line, const std::string &Msg) {
  TraceStep S;
  S.K = K;
  S.Loc.File = "a.c";
  S.Loc.Line = Line;
  S.Message = Msg;
  return S;
}

/// A leak at a.c:50 on the path that went through the branch at BranchLine.
Defect leak(const std::string &Rule, const std::string &Message, unsigned BranchLine = 20,
            unsigned ExitLine = 50) {
  Defect D;
  D.Rule = Rule;
  D.Message = Message;
  D.Loc.File = "a.c";
  D.Loc.Line = ExitLine;
  D.Loc.Col = 3;
  D.Trace = {step(TraceStep::Kind::Outcome, 10, "NdisMRegisterInterruptEx succeeds"),
             step(TraceStep::Kind::Event, 10, "note of " + Rule), // each rule words its own
             step(TraceStep::Kind::Branch, BranchLine, "Assuming the condition is true"),
             step(TraceStep::Kind::Exit, ExitLine, "'Init' returns a failure status")};
  return D;
}

Results twoRules() {
  Results R;
  RuleResult Sdv, Handle;
  Sdv.Rule = "Init_RegisterInterrupt";
  Sdv.Origin = "sdv";
  Sdv.Sets = {"Default", "Lifecycle"};
  Handle.Rule = "ndisv_Init_Interrupt";
  Handle.Origin = "ndisv";
  Handle.Sets = {"Default", "Lifecycle", "PerHandle"};
  R.Rules = {Sdv, Handle};
  return R;
}

const char *SdvMsg = "MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx for "
                     "the interrupt registered by NdisMRegisterInterruptEx";
const char *HandleMsg =
    "MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx for Adapter->Irq";

std::string text(const Results &R) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  TextOptions Opts;
  Opts.Quiet = true;
  writeText(R, OS, Opts);
  return S;
}

unsigned diagnostics(const std::string &S) {
  unsigned N = 0;
  for (size_t P = S.find("warning: ["); P != std::string::npos; P = S.find("warning: [", P + 1))
    ++N;
  return N;
}

TEST(Twins, SameLeakSameExitSamePathIsOneReport) {
  Results R = twoRules();
  R.Defects = {leak("Init_RegisterInterrupt", SdvMsg), leak("ndisv_Init_Interrupt", HandleMsg)};
  EXPECT_EQ(pairTwinDefects(R), 1u);
  EXPECT_EQ(R.Defects[0].Twins, std::vector<std::string>{"ndisv_Init_Interrupt"});
  EXPECT_EQ(R.Defects[1].TwinOf, "Init_RegisterInterrupt");
  std::string S = text(R);
  EXPECT_EQ(diagnostics(S), 1u) << S;
  EXPECT_NE(S.find("[Init_RegisterInterrupt, ndisv_Init_Interrupt] "), std::string::npos) << S;
}

TEST(Twins, SuppressedSdvDefectLeavesTheTwinReported) {
  Results R = twoRules();
  R.Defects = {leak("Init_RegisterInterrupt", SdvMsg), leak("ndisv_Init_Interrupt", HandleMsg)};
  pairTwinDefects(R);
  R.Defects[0].Suppressed = true;
  std::string S = text(R);
  EXPECT_EQ(diagnostics(S), 1u) << S;
  EXPECT_NE(S.find("[ndisv_Init_Interrupt] "), std::string::npos) << S;
}

TEST(Twins, DifferentPathsStayTwoReports) {
  // Same exit, same API left uncalled, but the paths part at the branch: two
  // leaks that may be of different resources.
  Results R = twoRules();
  R.Defects = {leak("Init_RegisterInterrupt", SdvMsg, 20),
               leak("ndisv_Init_Interrupt", HandleMsg, 30)};
  EXPECT_EQ(pairTwinDefects(R), 0u);
  EXPECT_EQ(diagnostics(text(R)), 2u);
}

TEST(Twins, DifferentExitOrApiStaysTwoReports) {
  Results R = twoRules();
  R.Defects = {leak("Init_RegisterInterrupt", SdvMsg, 20, 50),
               leak("ndisv_Init_Interrupt", HandleMsg, 20, 60)};
  EXPECT_EQ(pairTwinDefects(R), 0u);
  R.Defects = {leak("Init_RegisterInterrupt", SdvMsg),
               leak("ndisv_Init_Interrupt", "MiniportInitializeEx fails without calling "
                                            "NdisFreeIoWorkItem for Adapter->WorkItem")};
  EXPECT_EQ(pairTwinDefects(R), 0u);
  EXPECT_EQ(diagnostics(text(R)), 2u);
}

TEST(Twins, ASecondLeakedHandleStaysItsOwnReport) {
  // The SDV rule reports once; the per-handle rule once per handle. One
  // handle joins the SDV report, the other is still reported.
  Results R = twoRules();
  R.Defects = {leak("Init_RegisterInterrupt", SdvMsg), leak("ndisv_Init_Interrupt", HandleMsg),
               leak("ndisv_Init_Interrupt",
                    "MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx for "
                    "Adapter->Irq2")};
  EXPECT_EQ(pairTwinDefects(R), 1u);
  std::string S = text(R);
  EXPECT_EQ(diagnostics(S), 2u) << S;
  EXPECT_NE(S.find("for Adapter->Irq2"), std::string::npos) << S;
}

TEST(Twins, TwoSdvRulesNeverPairWithEachOther) {
  Results R = twoRules();
  R.Rules[1].Origin = "sdv";
  R.Rules[1].Sets = {"Default", "Lifecycle"};
  R.Defects = {leak("Init_RegisterInterrupt", SdvMsg), leak("ndisv_Init_Interrupt", HandleMsg)};
  EXPECT_EQ(pairTwinDefects(R), 0u);
}

} // namespace

//===- VerdictTest.cpp - One rule's verdict from its evidence ---------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Every verdict decideVerdict can give, and the order that makes a defect
// beat a budget and a budget beat a pass.
//===----------------------------------------------------------------------===//
#include "ndisv/Check/Verdict.h"
#include "gtest/gtest.h"

using namespace ndisv;

namespace {

RuleEvidence applicable() {
  RuleEvidence E;
  E.Applicable = true;
  return E;
}

TEST(Verdict, ApplicableRuleWithNothingAgainstItPasses) {
  VerdictDecision D = decideVerdict(applicable(), RunEvidence());
  EXPECT_EQ(D.V, Verdict::Pass);
  EXPECT_EQ(D.Reason, "");
  EXPECT_TRUE(D.Bounds.empty());
}

TEST(Verdict, PassUnderABoundNamesTheBound) {
  RunEvidence Run;
  Run.Bounds = {"loops left after 8 iterations (--loop-unroll): the loop at rx.c:40 in InitRing"};
  VerdictDecision D = decideVerdict(applicable(), Run);
  EXPECT_EQ(D.V, Verdict::Pass);
  EXPECT_EQ(D.Bounds, Run.Bounds);
}

TEST(Verdict, PassKeepsItsCaveat) {
  RuleEvidence E = applicable();
  E.PassCaveat = "no MiniportHaltEx was found: halt clauses were not checked";
  VerdictDecision D = decideVerdict(E, RunEvidence());
  EXPECT_EQ(D.V, Verdict::Pass);
  EXPECT_EQ(D.Reason, E.PassCaveat);
}

TEST(Verdict, DefectBeatsEverythingElse) {
  RuleEvidence E = applicable();
  E.HasDefect = true;
  E.Uncertain = "lost track";
  RunEvidence Run;
  Run.BudgetCut = "instruction budget exhausted";
  Run.LinkFailure = "b.c could not be linked";
  Run.Bounds = {"loops"};
  VerdictDecision D = decideVerdict(E, Run);
  EXPECT_EQ(D.V, Verdict::Defect);
  EXPECT_TRUE(D.Bounds.empty()) << "bounds qualify a pass, not a defect";
}

TEST(Verdict, UnreachableApiIsNotApplicableWhateverTheBudget) {
  RuleEvidence E;
  E.NeverReachable = "NdisAllocateIoWorkItem is never called from code reachable from DriverEntry";
  RunEvidence Run;
  Run.BudgetCut = "path budget exhausted";
  VerdictDecision D = decideVerdict(E, Run);
  EXPECT_EQ(D.V, Verdict::NotApplicable);
  EXPECT_EQ(D.Reason, E.NeverReachable);
}

TEST(Verdict, NoPathAppliedIsNotApplicableWithItsReason) {
  RuleEvidence E;
  E.NotApplicableWhy = "NdisMRegisterInterruptEx is never called during MINIPORT_INITIALIZE";
  VerdictDecision D = decideVerdict(E, RunEvidence());
  EXPECT_EQ(D.V, Verdict::NotApplicable);
  EXPECT_EQ(D.Reason, E.NotApplicableWhy);
  EXPECT_EQ(decideVerdict(RuleEvidence(), RunEvidence()).Reason, "not applicable");
}

TEST(Verdict, EachDoubtInOrderMakesItInconclusive) {
  RuleEvidence E = applicable();
  E.DoubtfulDefect = "a.c did not compile and the paths call functions without a body (Foo)";
  E.Uncertain = "ndisv lost track of Adapter->Pool";
  RunEvidence Run;
  Run.LinkFailure = "b.c could not be linked with the other translation units";
  Run.BudgetCut = "instruction budget exhausted (--max-instructions 100); most of it went to the loop at a.c:3 in F";
  Run.MissingBodies = "a.c did not compile and the paths call functions without a body (Bar)";
  // Each reason in turn, from the first the decision looks at to the last.
  std::vector<std::string> Expected = {Run.LinkFailure, E.DoubtfulDefect, Run.BudgetCut,
                                       Run.MissingBodies, E.Uncertain};
  for (const std::string &Why : Expected) {
    VerdictDecision D = decideVerdict(E, Run);
    EXPECT_EQ(D.V, Verdict::Inconclusive);
    EXPECT_EQ(D.Reason, Why);
    for (std::string *S : {&Run.LinkFailure, &E.DoubtfulDefect, &Run.BudgetCut, &Run.MissingBodies,
                           &E.Uncertain})
      if (*S == Why)
        S->clear();
  }
  EXPECT_EQ(decideVerdict(E, Run).V, Verdict::Pass);
}

TEST(Verdict, UncertaintyOnARuleThatNeverAppliedIsNotApplicable) {
  RuleEvidence E;
  E.Uncertain = "a path released a handle ndisv could not tie to one it acquired";
  EXPECT_EQ(decideVerdict(E, RunEvidence()).V, Verdict::NotApplicable);
}

TEST(Verdict, BudgetMakesAnApplicableOrUnseenRuleInconclusive) {
  RunEvidence Run;
  Run.BudgetCut = "memory budget exhausted (more than 5000 paths waiting)";
  EXPECT_EQ(decideVerdict(RuleEvidence(), Run).V, Verdict::Inconclusive)
      << "a rule no explored path applied to may apply on a path the budget cut";
  EXPECT_EQ(decideVerdict(applicable(), Run).V, Verdict::Inconclusive);
}

TEST(Verdict, UnexploredIndirectTargetsMakeEvenAnUnappliedRuleInconclusive) {
  // The targets left over may be the only code that calls the rule's API.
  RuleEvidence E;
  E.NotApplicableWhy = "NdisAllocateIoWorkItem is never called";
  E.Unexplored = "the indirect call at a.c:9 in Init may reach 20 functions of its type; the first "
                 "16 were explored";
  VerdictDecision D = decideVerdict(E, RunEvidence());
  EXPECT_EQ(D.V, Verdict::Inconclusive);
  EXPECT_EQ(D.Reason, E.Unexplored);
  E.Applicable = true;
  EXPECT_EQ(decideVerdict(E, RunEvidence()).V, Verdict::Inconclusive);
  // A defect found on an explored path stands; an API nothing reaches does not apply.
  E.HasDefect = true;
  EXPECT_EQ(decideVerdict(E, RunEvidence()).V, Verdict::Defect);
  E.HasDefect = false;
  E.NeverReachable = "NdisAllocateIoWorkItem is never called from code reachable from DriverEntry";
  EXPECT_EQ(decideVerdict(E, RunEvidence()).V, Verdict::NotApplicable);
}

// incompleteRunReason: when a run that went through still exits 2.
Results runWith(std::vector<Verdict> Vs, bool WithEntry) {
  Results R;
  for (size_t I = 0; I < Vs.size(); ++I) {
    RuleResult RR;
    RR.Rule = "R" + std::to_string(I);
    RR.V = Vs[I];
    R.Rules.push_back(RR);
  }
  if (WithEntry)
    R.EntryPoints.push_back({"DRIVER_INITIALIZE", "DriverEntry", "by name", {}});
  return R;
}

TEST(IncompleteRun, AllDecidedIsComplete) {
  EXPECT_EQ(incompleteRunReason(runWith({Verdict::Pass, Verdict::Inconclusive}, true),
                                "DRIVER_INITIALIZE", {}),
            "");
  EXPECT_EQ(incompleteRunReason(runWith({Verdict::NotApplicable}, false), "DRIVER_INITIALIZE", {}), "");
}

TEST(IncompleteRun, NoConclusiveVerdict) {
  std::string Why = incompleteRunReason(runWith({Verdict::Inconclusive, Verdict::Inconclusive}, true),
                                       "DRIVER_INITIALIZE", {});
  EXPECT_EQ(Why, "no rule reached a conclusive verdict (2 are inconclusive): nothing was verified");
  // A rule found not applicable is decided.
  EXPECT_EQ(incompleteRunReason(runWith({Verdict::Inconclusive, Verdict::NotApplicable}, true),
                                "DRIVER_INITIALIZE", {}),
            "");
}

TEST(IncompleteRun, EntryPointTUDidNotCompile) {
  std::string Why = incompleteRunReason(runWith({Verdict::Defect}, false), "DRIVER_INITIALIZE",
                                        {"driver.c"});
  EXPECT_NE(Why.find("DRIVER_INITIALIZE"), std::string::npos);
  EXPECT_NE(Why.find("driver.c did not compile"), std::string::npos);
  // Found in a TU that compiled: another TU failing is only a notification.
  EXPECT_EQ(incompleteRunReason(runWith({Verdict::Pass}, true), "DRIVER_INITIALIZE", {"hw.c"}), "");
}

} // namespace

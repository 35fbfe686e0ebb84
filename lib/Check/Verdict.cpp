//===- Verdict.cpp - One rule's verdict from its evidence -------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// See Verdict.h for the order of the decision and why.
//===----------------------------------------------------------------------===//
#include "ndisv/Check/Verdict.h"
#include <algorithm>

using namespace ndisv;

VerdictDecision ndisv::decideVerdict(const RuleEvidence &Rule, const RunEvidence &Run) {
  auto decide = [](Verdict V, std::string Why) {
    VerdictDecision D;
    D.V = V;
    D.Reason = std::move(Why);
    return D;
  };
  if (Rule.HasDefect)
    return decide(Verdict::Defect, "");
  if (!Rule.NeverReachable.empty())
    return decide(Verdict::NotApplicable, Rule.NeverReachable);
  if (!Run.LinkFailure.empty())
    return decide(Verdict::Inconclusive, Run.LinkFailure);
  if (!Rule.DoubtfulDefect.empty())
    return decide(Verdict::Inconclusive, Rule.DoubtfulDefect);
  if (!Run.BudgetCut.empty())
    return decide(Verdict::Inconclusive, Run.BudgetCut);
  if (!Run.MissingBodies.empty())
    return decide(Verdict::Inconclusive, Run.MissingBodies);
  if (!Rule.Unexplored.empty())
    return decide(Verdict::Inconclusive, Rule.Unexplored);
  if (Rule.Applicable && !Rule.Uncertain.empty())
    return decide(Verdict::Inconclusive, Rule.Uncertain);
  if (!Rule.Applicable)
    return decide(Verdict::NotApplicable,
                  Rule.NotApplicableWhy.empty() ? "not applicable" : Rule.NotApplicableWhy);
  VerdictDecision D = decide(Verdict::Pass, Rule.PassCaveat);
  D.Bounds = Run.Bounds;
  return D;
}

std::string ndisv::incompleteRunReason(const Results &R, const std::string &EntryRole,
                                       const std::vector<std::string> &FailedTUs) {
  bool HaveEntry = std::any_of(R.EntryPoints.begin(), R.EntryPoints.end(), [&](const EntryPoint &E) { return E.Role == EntryRole; });
  if (!FailedTUs.empty() && !HaveEntry)
    return "the driver's entry point (" + EntryRole + ") was not found and " + FailedTUs.front() +
           (FailedTUs.size() > 1 ? " and others" : "") +
           " did not compile: if it defines it, what the driver does was not verified";
  // Not applicable is a finding too (no reachable code uses the rule's API).
  bool Conclusive = std::any_of(R.Rules.begin(), R.Rules.end(), [](const RuleResult &RR) {
    return RR.V != Verdict::Inconclusive;
  });
  size_t Inconclusive = std::count_if(R.Rules.begin(), R.Rules.end(), [](const RuleResult &RR) {
    return RR.V == Verdict::Inconclusive;
  });
  if (!Conclusive && Inconclusive)
    return "no rule reached a conclusive verdict (" + std::to_string(Inconclusive) +
           (Inconclusive == 1 ? " is" : " are") + " inconclusive): nothing was verified";
  return "";
}

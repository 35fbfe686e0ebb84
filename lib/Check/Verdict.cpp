//===- Verdict.cpp - One rule's verdict from its evidence -------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// See Verdict.h for the order of the decision and why.
//===----------------------------------------------------------------------===//
#include "ndisv/Check/Verdict.h"

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

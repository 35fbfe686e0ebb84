//===- ndisv/Check/Verdict.h - One rule's verdict from its evidence -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The decision at the end of `ndisv check`, as a pure function: what the
// run established about a rule in, its verdict and the words that explain
// it out. Its order is the policy, so it lives in one place with a unit
// test per verdict:
//
//   1. a defect that survived is a defect, whatever else happened;
//   2. a rule whose API no reachable code names is not applicable, whatever
//      budget the exploration hit elsewhere;
//   3. anything that may have hidden a defect is inconclusive: a TU that
//      did not link, a defect whose path crossed a missing body, a budget
//      that cut paths, calls into a TU that did not compile, targets of an
//      indirect call left unexplored that may call the rule's API (whether
//      or not an explored path applied it), a path the rule lost track of;
//   4. a rule no explored path made applicable is not applicable;
//   5. else pass, saying which bounds (loops cut at the unrolling bound,
//      paths merged or dropped) it holds only under.
//===----------------------------------------------------------------------===//
#ifndef NDISV_CHECK_VERDICT_H
#define NDISV_CHECK_VERDICT_H

#include "ndisv/Report/Results.h"
#include <string>
#include <vector>

namespace ndisv {

/// What the run established about one rule.
struct RuleEvidence {
  bool HasDefect = false;         // a defect of the rule survived
  std::string NeverReachable;     // set: no code the harness runs names the rule's API (why)
  std::string DoubtfulDefect;     // set: a defect was dropped, its path crossed a missing body
  bool Applicable = false;        // some explored path met the rule's `applies`
  std::string NotApplicableWhy;   // for !Applicable
  std::string Uncertain;          // set: the rule lost track of a path it applied on (why)
  std::string Unexplored;         // set: paths left unexplored may call the rule's API (where)
  std::string PassCaveat;         // set: what a pass did not check ("no MiniportHaltEx ...")
};

/// What the run established about every rule at once.
struct RunEvidence {
  std::string LinkFailure;   // set: a TU could not be linked with the others
  std::string BudgetCut;     // set: a budget cut paths (which, and where it went)
  std::string MissingBodies; // set: paths called functions a failed TU may define
  /// Bounds the exploration stayed within without a word: what a pass
  /// holds only under ("loops left after 8 iterations: the loop at ...").
  std::vector<std::string> Bounds;
};

struct VerdictDecision {
  Verdict V = Verdict::Pass;
  std::string Reason;              // why, in words ("" for a plain pass or defect)
  std::vector<std::string> Bounds; // pass only: the bounds it holds under
};

VerdictDecision decideVerdict(const RuleEvidence &Rule, const RunEvidence &Run);

/// Why a run that went through must still not count as a verification
/// (exit code 2, SARIF executionSuccessful false), or "": a TU did not
/// compile and the driver's entry point (DriverEntry, found by
/// \p EntryRole) was not among those that did, so the harness did not run
/// what the driver really does; or no rule reached a conclusive verdict
/// (every rule checked is inconclusive), which a CI log must not show as a
/// clean driver.
std::string incompleteRunReason(const Results &R, const std::string &EntryRole,
                                const std::vector<std::string> &FailedTUs);

} // namespace ndisv

#endif

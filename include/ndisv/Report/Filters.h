//===- ndisv/Report/Filters.h - Baselines, suppressions, exit code -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// What CI needs on top of the verdicts: defects already known (a baseline
// SARIF log from an earlier run), defects a person has reviewed and accepted
// (`// ndisv-suppress Rule: reason` in the source), and which outcomes fail
// the build. These only mark defects in Results; the verdicts stay what the
// analysis found, so the SARIF log and ruleVerdicts never hide a defect.
//===----------------------------------------------------------------------===//
#ifndef NDISV_REPORT_FILTERS_H
#define NDISV_REPORT_FILTERS_H

#include "ndisv/Report/Results.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace ndisv {

/// One `ndisv-suppress` comment. Rule or Reason may be empty when the
/// comment is malformed; such a comment suppresses nothing.
struct Suppression {
  std::string File;
  unsigned Line = 0; // 1-based line of the comment
  unsigned Col = 0;  // 1-based column of the comment's start
  std::string Rule;
  std::string Reason;
};

/// Every `ndisv-suppress` comment (after `//` or `/*`) in Text, the contents
/// of File. The rule name follows the marker, then an optional ':' and the
/// reason, up to the end of the line or of the block comment.
std::vector<Suppression> parseSuppressions(llvm::StringRef Text, llvm::StringRef File);

/// Reads the suppression comments of Files and of every file a defect is in,
/// marks each defect whose line (or the line below the comment) a valid
/// suppression of its rule names, and adds a ReportWarning for each comment
/// without a reason or naming a rule not in KnownRules. Returns the number of
/// defects suppressed.
unsigned applySuppressions(Results &R, llvm::ArrayRef<std::string> Files,
                           llvm::ArrayRef<std::string> KnownRules);

/// The ndisvDefect/v1 partial fingerprints of every result in a SARIF log,
/// once per result (a fingerprint two results share appears twice).
llvm::Expected<std::vector<std::string>> parseBaseline(llvm::StringRef SarifText);
llvm::Expected<std::vector<std::string>> readBaseline(llvm::StringRef Path);

/// Marks InBaseline on each unsuppressed defect whose fingerprint the
/// baseline holds; each baseline result matches at most one defect, so a
/// second copy of a known defect is still new. Returns the number marked.
unsigned applyBaseline(Results &R, llvm::ArrayRef<std::string> Fingerprints);

/// Ties each defect of an SDV-named rule to the defect of an ndisv
/// per-handle rule (PerHandle set) that flags the same leak ("... without
/// calling NdisMDeregisterInterruptEx") at the same exit on the same path
/// (the traces agree on every step but the rules' notes). Returns the
/// number of pairs.
unsigned pairTwinDefects(Results &R);

/// Joins consecutive identical steps of each trace into one ("... succeeds
/// ×8 (iterations 1-8)") and writes each remaining step's loop iteration
/// into its message.
void collapseTraceRepeats(std::vector<TraceStep> &Trace);
void collapseTraceRepeats(Results &R);

/// The engine's "Jumping to line N" steps (the unconditional branches after
/// the decisive one) become "'goto Out' skips to line N" or "'break' skips
/// to line N" where the source there is a goto or break statement; the
/// others (the end of an if or a loop body) are dropped.
void nameJumps(std::vector<TraceStep> &Trace);
void nameJumps(Results &R);

/// --fail-on: what, besides a reportable defect, makes the exit code 1.
enum class FailOn { Defect, Inconclusive };

/// The exit code of a run whose pipeline returned PipelineCode (2: nothing
/// could be verified, which no filter changes): 1 when a defect is neither
/// suppressed nor in the baseline, or with FailOn::Inconclusive when a
/// verdict is inconclusive; 0 otherwise.
int exitCodeFor(const Results &R, int PipelineCode, FailOn F);

} // namespace ndisv

#endif

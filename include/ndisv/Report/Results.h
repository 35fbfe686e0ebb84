//===- ndisv/Report/Results.h - The results model every writer reads -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Analysis fills one Results; the text, SARIF and -verify writers only read
// it (IKOS renders every format from its database the same way). Nothing in
// here refers to LLVM IR: locations are plain file/line/column.
//===----------------------------------------------------------------------===//
#ifndef NDISV_REPORT_RESULTS_H
#define NDISV_REPORT_RESULTS_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ndisv {

struct SourceLoc {
  std::string File; // absolute or as given on the command line
  unsigned Line = 0;
  unsigned Col = 0;
  bool valid() const { return !File.empty() && Line != 0; }
};

/// One step of a defect's path, in execution order.
struct TraceStep {
  enum class Kind {
    Event,    // a rule note: "interrupt registered", "work item freed"
    Outcome,  // an API call whose outcome was chosen: "NdisMSetMiniportAttributes fails"
    Branch,   // a branch decided by an assumption: "Assuming the condition is true"
    Call,     // entering a driver function on the way to a later step
    Return,   // returning from it
    Phase,    // the harness moves on: "NDIS calls MiniportHaltEx"
    Exit      // the path leaves the role function
  };
  Kind K = Kind::Event;
  SourceLoc Loc;
  std::string Message;
  unsigned Depth = 0; // call depth below the role function, for indentation
  /// Iteration (1, 2, ...) of the innermost loop the step happened in; 0
  /// outside loops. collapseTraceRepeats writes it into Message.
  unsigned Iteration = 0;
};

struct Defect {
  std::string Rule;    // rule name, also the SARIF ruleId
  std::string Message; // sentence case, no final period
  SourceLoc Loc;       // where the violation happens (the exit of init or halt)
  std::vector<TraceStep> Trace;
  /// Functions without a body or model that the path called: if a TU did not
  /// compile, one of them may have been defined there.
  std::vector<std::string> UnknownCalls;
  /// Set by an `// ndisv-suppress Rule: reason` comment on the defect's line
  /// or the line above: still reported (SARIF suppressions, text summary),
  /// but it does not make the exit code 1.
  bool Suppressed = false;
  std::string SuppressionReason;
  /// Matched by a result of the --baseline SARIF log: left out of the text
  /// report and the exit code (the SARIF log still has it).
  bool InBaseline = false;
  /// One bug, two rules (pairTwinDefects): the SDV-named rule's defect lists
  /// the per-handle rules that flag the same leak at the same exit (Twins);
  /// theirs names it (TwinOf). The text report prints them as one.
  std::vector<std::string> Twins;
  std::string TwinOf;
  /// Neither suppressed nor in the baseline: what the user must act on.
  bool reportable() const { return !Suppressed && !InBaseline; }
};

enum class Verdict { Pass, Defect, NotApplicable, Inconclusive };
const char *verdictName(Verdict V); // "pass", "defect", "not-applicable", "inconclusive"
/// The inverse of verdictName; nullopt for any other spelling.
std::optional<Verdict> verdictFromName(const std::string &Name);

struct RuleResult {
  std::string Rule;
  std::string Title;   // one line: what the rule requires
  std::string Origin;  // "sdv" or "ndisv"
  std::string DocPath; // docs/rules/<Rule>.md relative to the project
  std::string Help;    // the rule's optional longer text
  std::vector<std::string> Sets; // the rule sets it is in: Default, Lifecycle, IRQL, Warning, ...
  Verdict V = Verdict::Pass;
  std::string Reason;  // why inconclusive / not-applicable, in words
  /// A pass that holds only under bounds names them: "loops left after 8
  /// iterations (--loop-unroll): the loop at rx.c:40 in InitRing".
  std::vector<std::string> Bounds;
};

struct EntryPoint {
  std::string Role;     // MINIPORT_INITIALIZE, MINIPORT_HALT, DRIVER_INITIALIZE, ...
  std::string Function; // source-level name
  std::string How;      // "role type declaration", "HaltHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS", ...
  SourceLoc Loc;
};

struct Diagnostic {
  enum class Level { Error, Warning, Note };
  Level L = Level::Error;
  SourceLoc Loc;
  std::string Message;
  /// The source line and caret under it, as Clang prints them (lines of
  /// "  12 | code" and "     |   ^"); the text report shows it after the
  /// message. Set on a TU's first error.
  std::string Snippet;
};

struct TranslationUnitResult {
  std::string File;
  bool Compiled = false;
  std::vector<Diagnostic> Errors; // first errors only, with file and line
  /// C that MSVC accepts and Clang rejects, which the frontend rewrote for
  /// a second parse (one warning per construct, with file and line).
  std::vector<Diagnostic> Warnings;
};

struct AnalysisStats {
  uint64_t Paths = 0;         // complete paths explored
  uint64_t Instructions = 0;  // IR instructions executed
  uint64_t BoundedLoops = 0;  // times a loop was cut at the unrolling bound
  uint64_t MergedPaths = 0;   // paths joined into another (same rule data)
  double FrontendSeconds = 0, AnalysisSeconds = 0;
};

/// The resource lifecycle map: what the rules saw acquired during the phase
/// they apply to, and what each exit the rules check did with it. Filled by
/// the rule monitor from the rules alone (acquisition = a rule's `note` on
/// one of its `applies` functions; exit = a role event on which the rule can
/// `abort`), so it names no API of its own.
struct LifecycleResource {
  std::vector<std::string> Rules; // rules tracking it, sorted
  std::string Kind;               // the rule's note at acquisition: "interrupt registered by ..."
  SourceLoc Acquired;             // the acquiring call
};

struct LifecycleExit {
  std::string Role;     // the role whose event it is, as the rule names it
  std::string Event;    // "failure", "exit", ... as in the rule's `on ROLE.event`
  std::string Function; // the role function that leaves there
  SourceLoc Loc;        // the return it leaves through
};

struct LifecycleCell {
  enum class Status {
    NotReached,   // no path reaching this exit held this resource
    Released,     // every path reaching it with the resource had released it
    Leaked,       // some path reaches it still holding the resource: a defect
    Inconclusive  // a leak was seen but its path went through a missing body
  };
  unsigned Resource = 0, Exit = 0; // indexes into Resources / Exits
  Status S = Status::NotReached;
  std::vector<unsigned> Defects; // Leaked: indexes into Results::Defects
};

struct LifecycleMap {
  std::vector<LifecycleResource> Resources; // sorted by Acquired, then Kind
  std::vector<LifecycleExit> Exits;         // grouped by role event, then by Loc
  std::vector<LifecycleCell> Cells;         // only cells not NotReached, by (Resource, Exit)
};

struct Results {
  std::vector<TranslationUnitResult> TUs;
  std::vector<EntryPoint> EntryPoints;
  std::vector<RuleResult> Rules;
  std::vector<Defect> Defects; // sorted by file, line, rule
  std::vector<Diagnostic> ToolErrors; // problems not tied to one TU (link errors, bad rule files)
  /// Problems with the report's own inputs that do not stop the run (a
  /// suppression comment without a reason or naming an unknown rule).
  std::vector<Diagnostic> ReportWarnings;
  AnalysisStats Stats;
  LifecycleMap Life;

  unsigned compiledCount() const;
  bool anyDefect() const { return !Defects.empty(); }
};

} // namespace ndisv

#endif

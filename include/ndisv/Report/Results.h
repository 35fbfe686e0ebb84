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
};

struct Defect {
  std::string Rule;    // rule name, also the SARIF ruleId
  std::string Message; // sentence case, no final period
  SourceLoc Loc;       // where the violation happens (the exit of init or halt)
  std::vector<TraceStep> Trace;
  /// Functions without a body or model that the path called: if a TU did not
  /// compile, one of them may have been defined there.
  std::vector<std::string> UnknownCalls;
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
  Verdict V = Verdict::Pass;
  std::string Reason;  // why inconclusive / not-applicable, in words
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
};

struct TranslationUnitResult {
  std::string File;
  bool Compiled = false;
  std::vector<Diagnostic> Errors; // first errors only, with file and line
};

struct AnalysisStats {
  uint64_t Paths = 0;         // complete paths explored
  uint64_t Instructions = 0;  // IR instructions executed
  uint64_t BoundedLoops = 0;  // times a loop was cut at the unrolling bound
  double FrontendSeconds = 0, AnalysisSeconds = 0;
};

struct Results {
  std::vector<TranslationUnitResult> TUs;
  std::vector<EntryPoint> EntryPoints;
  std::vector<RuleResult> Rules;
  std::vector<Defect> Defects; // sorted by file, line, rule
  std::vector<Diagnostic> ToolErrors; // problems not tied to one TU (link errors, bad rule files)
  AnalysisStats Stats;

  unsigned compiledCount() const;
  bool anyDefect() const { return !Defects.empty(); }
};

} // namespace ndisv

#endif

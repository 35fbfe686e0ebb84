//===- ndisv/Report/Writers.h - Text, SARIF and -verify output --*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#ifndef NDISV_REPORT_WRITERS_H
#define NDISV_REPORT_WRITERS_H

#include "ndisv/Report/Results.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace ndisv {

/// gcc: "file:line:col: warning: [Rule] message" (what gcc, clang, editors
/// and most CI log scrapers parse); msvc: "file(line,col): warning Rule:
/// message" (what Visual Studio and MSBuild parse).
enum class TextFormat { Gcc, Msvc };

struct TextOptions {
  bool Color = false;
  TextFormat Format = TextFormat::Gcc;
  /// Only the defects, errors and warnings: no summary table.
  bool Quiet = false;
  /// Where the frontend's and the tool's warnings and errors go (stderr for
  /// the CLI); null: the same stream as the defects. ErrorsColor: colour them.
  llvm::raw_ostream *Errors = nullptr;
  bool ErrorsColor = false;
  /// One table row for every rule, also those that do not apply.
  bool Verbose = false;
};

/// Each reportable defect as a warning with its trace as indented notes, TU
/// and tool errors, report warnings, then (unless Quiet) the number of TUs
/// compiled, the suppressed defects with their reasons, the number of
/// defects the baseline matched, and a table with one row per rule:
/// "ndisv: Rule: verdict defects origin reason", defects first, then
/// inconclusive, then pass; not-applicable rules on one line unless Verbose.
void writeText(const Results &R, llvm::raw_ostream &OS, const TextOptions &Opts = {});

/// One status line on a terminal ("[3/12] compiling adapter.c"), rewritten
/// in place and erased before real output is printed. Never use it on a
/// stream that is not a terminal: it writes carriage returns.
class ProgressLine {
public:
  /// Lines longer than MaxWidth (0: unlimited) are cut, since a wrapped
  /// line cannot be rewritten with a carriage return.
  explicit ProgressLine(llvm::raw_ostream &OS, unsigned MaxWidth = 0)
      : OS(OS), MaxWidth(MaxWidth) {}
  ~ProgressLine() { clear(); }
  void update(llvm::StringRef Text);
  void clear();

private:
  llvm::raw_ostream &OS;
  unsigned MaxWidth;
  size_t Width = 0; // characters currently shown
};

struct SarifOptions {
  std::string ToolVersion;
  /// Artifact URIs below this directory are written relative to it, with
  /// uriBaseId SRCROOT (whose file:// URI originalUriBaseIds gives), so that
  /// a log made in CI matches the checkout a viewer opens. Empty: the
  /// current directory.
  std::string SourceRoot;
  /// Where docs/rules/<Rule>.md are read: their first paragraph is the
  /// rule's fullDescription. Empty: no page is read (the rule's help is used).
  std::string DataDir;
  /// A rule's helpUri is HelpUriBase/<Rule>.md (--help-uri-base: where the
  /// rule pages are published); empty: the file:// URI of the page under
  /// DataDir/docs/rules, as shipped with the tool.
  std::string HelpUriBase;
  /// The command as run, for invocations[0].commandLine and arguments.
  std::vector<std::string> CommandLine;
  /// The pipeline's exit code; 2 (nothing could be verified) makes
  /// invocations[0].executionSuccessful false.
  int ExitCode = 0;
};

/// SARIF 2.1.0. ruleId is the rule name; each result carries its trace in
/// codeFlows; runs[0].properties.ruleVerdicts maps rule -> verdict name and
/// runs[0].properties.translationUnits lists every TU and whether it compiled.
void writeSarif(const Results &R, llvm::raw_ostream &OS, const SarifOptions &Opts);
/// One run of a log with several: each project of a solution.
struct SarifRun {
  const Results *R = nullptr;
  std::string Id; // runs[i].automationDetails.id ("ndisv/<project>/"); empty: none
  int ExitCode = 0;
};
/// A log of several runs; Opts.ExitCode is not used (each run has its own).
void writeSarif(const std::vector<SarifRun> &Runs, llvm::raw_ostream &OS, const SarifOptions &Opts);
/// The same with only the version known: exit code 1 if there is a defect.
void writeSarif(const Results &R, llvm::raw_ostream &OS, const std::string &ToolVersion);

/// The key of ndisv's entry in a SARIF result's partialFingerprints.
inline constexpr const char *DefectFingerprintKey = "ndisvDefect/v1";

/// The SARIF partialFingerprints["ndisvDefect/v1"] of D: a hash of the rule,
/// the message, the file's base name and the messages of the Event steps, so
/// that it survives edits that only move lines.
std::string defectFingerprint(const Defect &D);

/// clang -verify style check of the expectations written in the driver
/// sources (see docs/testing.md). Prints every mismatch to OS; returns true
/// when everything expected was produced and nothing unexpected was.
bool verifyExpectations(const Results &R, const std::vector<std::string> &SourceFiles,
                        llvm::raw_ostream &OS);

} // namespace ndisv

#endif

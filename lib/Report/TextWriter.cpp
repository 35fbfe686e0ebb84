//===- TextWriter.cpp - gcc/clang style text report ---------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Editors, CI log scrapers and `grep` already understand
// "file:line:col: warning: ..." lines, so the text report keeps exactly that
// shape: one warning per defect, its trace as indented notes, the errors of
// translation units that did not compile, then the verdict of every rule.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Writers.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>

using namespace ndisv;
using llvm::raw_ostream;

namespace {

enum class Level { Error, Warning, Note };

/// Writes one report, colouring it only when asked. Colours are forced on the
/// stream for the duration (a raw_string_ostream never enables them itself)
/// and restored afterwards.
class TextPrinter {
public:
  TextPrinter(raw_ostream &OS, bool Color)
      : OS(OS), Color(Color), SavedEnabled(OS.colors_enabled()) {
    if (Color)
      OS.enable_colors(true);
  }
  ~TextPrinter() {
    if (Color)
      OS.enable_colors(SavedEnabled);
  }

  void print(const Results &R);

private:
  void colored(llvm::StringRef Text, raw_ostream::Colors C, bool Bold) {
    // changeColor(SAVEDCOLOR) always turns bold on, so plain text is written
    // without any escape.
    bool Change = Color && (C != raw_ostream::SAVEDCOLOR || Bold);
    if (Change)
      OS.changeColor(C, Bold);
    OS << Text;
    if (Change)
      OS.resetColor();
  }

  void location(const SourceLoc &Loc, llvm::StringRef Fallback);
  void diagnostic(Level L, const SourceLoc &Loc, llvm::StringRef Message,
                  llvm::StringRef Fallback = "ndisv");
  void verdict(Verdict V);
  void summary(const Results &R);

  raw_ostream &OS;
  bool Color;
  bool SavedEnabled;
};

} // namespace

/// Paths under the working directory print relative to it, as compilers
/// print the paths they were given.
static std::string displayPath(llvm::StringRef File) {
  llvm::SmallString<256> Cwd;
  if (llvm::sys::fs::current_path(Cwd))
    return File.str();
  llvm::StringRef Rel = File;
  if (Rel.consume_front(Cwd) && llvm::sys::path::is_separator(Rel.empty() ? 'x' : Rel.front()))
    return Rel.drop_front().str();
  return File.str();
}

/// "file:line:col" (the column only when known), the file alone when there
/// is no line, or Fallback when there is no file either.
void TextPrinter::location(const SourceLoc &Loc, llvm::StringRef Fallback) {
  std::string S;
  if (Loc.File.empty()) {
    S = Fallback.str();
  } else {
    S = displayPath(Loc.File);
    if (Loc.Line != 0) {
      S += ":" + std::to_string(Loc.Line);
      if (Loc.Col != 0)
        S += ":" + std::to_string(Loc.Col);
    }
  }
  S += ":";
  colored(S, raw_ostream::SAVEDCOLOR, /*Bold=*/true);
}

void TextPrinter::diagnostic(Level L, const SourceLoc &Loc,
                             llvm::StringRef Message,
                             llvm::StringRef Fallback) {
  location(Loc, Fallback);
  OS << ' ';
  switch (L) {
  case Level::Error:
    colored("error:", raw_ostream::RED, true);
    break;
  case Level::Warning:
    colored("warning:", raw_ostream::MAGENTA, true);
    break;
  case Level::Note:
    colored("note:", raw_ostream::BLACK, true);
    break;
  }
  OS << ' ';
  // Like clang, the text of errors and warnings is bold, that of notes is not.
  colored(Message, raw_ostream::SAVEDCOLOR, L != Level::Note);
  OS << '\n';
}

void TextPrinter::verdict(Verdict V) {
  const char *Name = verdictName(V);
  switch (V) {
  case Verdict::Defect:
    colored(Name, raw_ostream::RED, true);
    return;
  case Verdict::Pass:
    colored(Name, raw_ostream::GREEN, true);
    return;
  case Verdict::Inconclusive:
    colored(Name, raw_ostream::YELLOW, true);
    return;
  case Verdict::NotApplicable:
    OS << Name;
    return;
  }
}

static Level levelOf(const Diagnostic &D) {
  switch (D.L) {
  case Diagnostic::Level::Error:
    return Level::Error;
  case Diagnostic::Level::Warning:
    return Level::Warning;
  case Diagnostic::Level::Note:
    return Level::Note;
  }
  return Level::Error;
}

void TextPrinter::summary(const Results &R) {
  OS << "ndisv: compiled " << R.compiledCount() << " of " << R.TUs.size()
     << " translation units\n";

  // Align the verdicts in one column and the reasons in the next.
  size_t RuleWidth = 0, VerdictWidth = 0;
  for (const RuleResult &RR : R.Rules) {
    RuleWidth = std::max(RuleWidth, RR.Rule.size() + 1);
    if (!RR.Reason.empty())
      VerdictWidth =
          std::max(VerdictWidth, llvm::StringRef(verdictName(RR.V)).size());
  }
  for (const RuleResult &RR : R.Rules) {
    OS << "ndisv: " << RR.Rule << ':';
    OS.indent(RuleWidth - (RR.Rule.size() + 1) + 1);
    verdict(RR.V);
    if (!RR.Reason.empty()) {
      OS.indent(VerdictWidth - llvm::StringRef(verdictName(RR.V)).size() + 1);
      OS << '(' << RR.Reason << ')';
    }
    OS << '\n';
  }
}

void TextPrinter::print(const Results &R) {
  for (const Defect &D : R.Defects) {
    diagnostic(Level::Warning, D.Loc, "[" + D.Rule + "] " + D.Message);
    for (const TraceStep &S : D.Trace) {
      OS.indent(2 + 2 * S.Depth);
      if (S.Loc.valid())
        diagnostic(Level::Note, S.Loc, S.Message);
      else
        diagnostic(Level::Note, SourceLoc(), S.Message);
    }
  }

  for (const TranslationUnitResult &TU : R.TUs) {
    if (TU.Compiled)
      continue;
    for (const Diagnostic &E : TU.Errors)
      diagnostic(levelOf(E), E.Loc, E.Message, TU.File);
    diagnostic(
        Level::Note, SourceLoc(),
        TU.File +
            " did not compile; verdicts that depend on it are inconclusive");
  }

  for (const Diagnostic &E : R.ToolErrors)
    diagnostic(levelOf(E), E.Loc, E.Message);

  summary(R);
}

void ndisv::writeText(const Results &R, raw_ostream &OS,
                      const TextOptions &Opts) {
  TextPrinter(OS, Opts.Color).print(R);
}

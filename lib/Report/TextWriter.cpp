//===- TextWriter.cpp - gcc/clang style text report ---------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Editors, CI log scrapers and `grep` already understand
// "file:line:col: warning: ..." lines (and Visual Studio "file(line,col):
// warning CODE: ..."), so the text report keeps exactly that shape: one
// warning per defect, its trace as indented notes, the errors of translation
// units that did not compile, then a table with the verdict of every rule.
// The output depends only on the results, never on timing or thread count.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Writers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
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
  TextPrinter(raw_ostream &OS, const TextOptions &Opts)
      : OS(OS), Color(Opts.Color), Msvc(Opts.Format == TextFormat::Msvc),
        Quiet(Opts.Quiet), Verbose(Opts.Verbose), SavedEnabled(OS.colors_enabled()) {
    if (Color)
      OS.enable_colors(true);
  }
  ~TextPrinter() {
    if (Color)
      OS.enable_colors(SavedEnabled);
  }

  void print(const Results &R);
  /// What print() writes, in two parts: the compiler's and the tool's
  /// warnings and errors (for stderr), and the defects and summary.
  void problems(const Results &R);
  void warning(const Diagnostic &W, llvm::StringRef File);
  void results(const Results &R);

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
                  llvm::StringRef Fallback = "ndisv",
                  llvm::StringRef Code = "");
  void defect(const Defect &D, const std::vector<std::string> &Twins);
  void defects(const Results &R);
  void verdict(Verdict V);
  void summary(const Results &R);
  void suppressed(const Results &R);
  void table(const Results &R);

  raw_ostream &OS;
  bool Color;
  bool Msvc;
  bool Quiet;
  bool Verbose;
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

/// "file:line:col" or, for msvc, "file(line,col)" (the column only when
/// known), the file alone when there is no line, or Fallback when there is
/// no file either.
void TextPrinter::location(const SourceLoc &Loc, llvm::StringRef Fallback) {
  std::string S;
  if (Loc.File.empty()) {
    S = Fallback.str();
  } else {
    S = displayPath(Loc.File);
    if (Loc.Line != 0 && Msvc) {
      S += "(" + std::to_string(Loc.Line);
      if (Loc.Col != 0)
        S += "," + std::to_string(Loc.Col);
      S += ")";
    } else if (Loc.Line != 0) {
      S += ":" + std::to_string(Loc.Line);
      if (Loc.Col != 0)
        S += ":" + std::to_string(Loc.Col);
    }
  }
  S += ":";
  colored(S, raw_ostream::SAVEDCOLOR, /*Bold=*/true);
}

/// With a Code (msvc only), "warning CODE:" as MSBuild expects; without
/// one, "warning:".
void TextPrinter::diagnostic(Level L, const SourceLoc &Loc,
                             llvm::StringRef Message, llvm::StringRef Fallback,
                             llvm::StringRef Code) {
  location(Loc, Fallback);
  OS << ' ';
  std::string Suffix = Code.empty() ? ":" : (" " + Code + ":").str();
  switch (L) {
  case Level::Error:
    colored("error" + Suffix, raw_ostream::RED, true);
    break;
  case Level::Warning:
    colored("warning" + Suffix, raw_ostream::MAGENTA, true);
    break;
  case Level::Note:
    colored("note" + Suffix, raw_ostream::BLACK, true);
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

void TextPrinter::defect(const Defect &D, const std::vector<std::string> &Twins) {
  std::string Rules = D.Rule;
  for (const std::string &T : Twins)
    Rules += (Msvc ? "," : ", ") + T;
  if (Msvc)
    diagnostic(Level::Warning, D.Loc, D.Message, "ndisv", Rules);
  else
    diagnostic(Level::Warning, D.Loc, "[" + Rules + "] " + D.Message);
  for (const TraceStep &S : D.Trace) {
    OS.indent(2 + 2 * S.Depth);
    diagnostic(Level::Note, S.Loc.valid() ? S.Loc : SourceLoc(), S.Message);
  }
}

static std::string plural(size_t N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

/// Suppressed defects are listed, with their reasons, so that accepting a
/// defect is always visible in the log.
void TextPrinter::suppressed(const Results &R) {
  size_t N = llvm::count_if(R.Defects, [](const Defect &D) { return D.Suppressed; });
  if (N == 0)
    return;
  OS << "ndisv: " << plural(N, "defect", "defects") << " suppressed in the source:\n";
  for (const Defect &D : R.Defects)
    if (D.Suppressed) {
      OS.indent(2);
      diagnostic(Level::Note, D.Loc,
                 "[" + D.Rule + "] " + D.Message + "; suppressed: " + D.SuppressionReason);
    }
}

/// One row per rule: "ndisv: Rule: verdict defects origin reason". The rule
/// and its verdict come first so that `grep 'Rule: defect'` keeps working.
/// What needs a look comes first (defects, then inconclusive rules, then
/// passes); rules that do not apply to this driver share one line unless
/// Verbose, as most rules do not apply to any one driver.
void TextPrinter::table(const Results &R) {
  if (R.Rules.empty())
    return;
  struct Row {
    std::string Rule, Verdict, Defects, Origin, Reason;
    const RuleResult *RR;
  };
  std::vector<Row> Rows;
  for (const RuleResult &RR : R.Rules) {
    size_t Shown = 0, Suppressed = 0, Known = 0;
    for (const Defect &D : R.Defects) {
      if (D.Rule != RR.Rule)
        continue;
      if (D.Suppressed)
        ++Suppressed;
      else if (D.InBaseline)
        ++Known;
      else
        ++Shown;
    }
    std::string Reason = RR.Reason;
    auto addReason = [&Reason](const std::string &Part) {
      Reason += (Reason.empty() ? "" : "; ") + Part;
    };
    if (!RR.Bounds.empty()) {
      std::string B = "holds only under bounds: ";
      for (size_t K = 0; K < RR.Bounds.size(); ++K)
        B += (K ? "; " : "") + RR.Bounds[K];
      addReason(B);
    }
    if (Suppressed)
      addReason(std::to_string(Suppressed) + " suppressed");
    if (Known)
      addReason(std::to_string(Known) + " in the baseline");
    Rows.push_back({RR.Rule + ":", verdictName(RR.V), std::to_string(Shown),
                    RR.Origin.empty() ? "-" : RR.Origin, Reason, &RR});
  }
  auto rank = [](Verdict V) {
    switch (V) {
    case Verdict::Defect: return 0;
    case Verdict::Inconclusive: return 1;
    case Verdict::Pass: return 2;
    case Verdict::NotApplicable: return 3;
    }
    return 3;
  };
  llvm::stable_sort(Rows, [&](const Row &A, const Row &B) { return rank(A.RR->V) < rank(B.RR->V); });
  std::vector<std::string> NotApplicable;
  if (!Verbose)
    while (!Rows.empty() && Rows.back().RR->V == Verdict::NotApplicable) {
      NotApplicable.insert(NotApplicable.begin(), Rows.back().RR->Rule);
      Rows.pop_back();
    }
  Row Header{"rule", "verdict", "defects", "origin", "reason", nullptr};
  size_t RuleW = Header.Rule.size(), VerdictW = Header.Verdict.size(),
         DefectsW = Header.Defects.size(), OriginW = Header.Origin.size();
  bool AnyReason = false;
  for (const Row &Ro : Rows) {
    RuleW = std::max(RuleW, Ro.Rule.size());
    VerdictW = std::max(VerdictW, Ro.Verdict.size());
    DefectsW = std::max(DefectsW, Ro.Defects.size());
    OriginW = std::max(OriginW, Ro.Origin.size());
    AnyReason |= !Ro.Reason.empty();
  }
  auto print = [&](const Row &Ro) {
    OS << "ndisv: " << Ro.Rule;
    OS.indent(RuleW - Ro.Rule.size() + 1);
    if (Ro.RR)
      verdict(Ro.RR->V);
    else
      OS << Ro.Verdict;
    OS.indent(VerdictW - Ro.Verdict.size() + 2 + DefectsW - Ro.Defects.size());
    OS << Ro.Defects << "  " << Ro.Origin;
    bool Last = Ro.RR ? Ro.Reason.empty() : !AnyReason;
    if (!Last) {
      OS.indent(OriginW - Ro.Origin.size() + 2);
      OS << Ro.Reason;
    }
    OS << '\n';
  };
  if (!Rows.empty()) {
    print(Header);
    for (const Row &Ro : Rows)
      print(Ro);
  }
  if (!NotApplicable.empty())
    OS << "ndisv: not applicable (" << NotApplicable.size()
       << (NotApplicable.size() == 1 ? " rule" : " rules") << ", --verbose says why): "
       << llvm::join(NotApplicable, ", ") << '\n';
}

void TextPrinter::summary(const Results &R) {
  OS << "ndisv: compiled " << R.compiledCount() << " of " << R.TUs.size()
     << " translation units\n";
  suppressed(R);
  size_t Known = llvm::count_if(R.Defects, [](const Defect &D) { return D.InBaseline; });
  if (Known)
    OS << "ndisv: " << plural(Known, "defect", "defects")
       << (Known == 1 ? " matches" : " match") << " the baseline and "
       << (Known == 1 ? "is" : "are") << " not shown\n";
  table(R);
}

/// One diagnostic per bug: a per-handle rule's twin is named in the SDV
/// rule's diagnostic, and printed on its own only when that one is not
/// (suppressed, in the baseline).
void TextPrinter::defects(const Results &R) {
  auto Shown = [&](llvm::StringRef Rule, const SourceLoc &L) {
    return llvm::any_of(R.Defects, [&](const Defect &P) {
      return P.Rule == Rule && P.reportable() && P.Loc.File == L.File && P.Loc.Line == L.Line &&
             P.Loc.Col == L.Col;
    });
  };
  for (const Defect &D : R.Defects) {
    if (!D.reportable() || (!D.TwinOf.empty() && Shown(D.TwinOf, D.Loc)))
      continue;
    std::vector<std::string> Twins;
    for (const std::string &T : D.Twins)
      if (llvm::any_of(R.Defects, [&](const Defect &O) {
            return O.Rule == T && O.TwinOf == D.Rule && O.reportable() && O.Loc.Line == D.Loc.Line &&
                   O.Loc.File == D.Loc.File && O.Loc.Col == D.Loc.Col;
          }))
        Twins.push_back(T);
    defect(D, Twins);
  }
}

void TextPrinter::warning(const Diagnostic &W, llvm::StringRef File) {
  diagnostic(levelOf(W), W.Loc, W.Message, File);
}

void TextPrinter::print(const Results &R) {
  // What the frontend recovered comes first, as a compiler's warnings would.
  for (const TranslationUnitResult &TU : R.TUs)
    for (const Diagnostic &W : TU.Warnings)
      diagnostic(levelOf(W), W.Loc, W.Message, TU.File);
  defects(R);
  problems(R);
  if (!Quiet)
    summary(R);
}

void TextPrinter::results(const Results &R) {
  defects(R);
  if (!Quiet)
    summary(R);
}

void TextPrinter::problems(const Results &R) {
  for (const TranslationUnitResult &TU : R.TUs) {
    if (TU.Compiled)
      continue;
    for (const Diagnostic &E : TU.Errors) {
      diagnostic(levelOf(E), E.Loc, E.Message, TU.File);
      if (!E.Snippet.empty())
        OS << E.Snippet << '\n';
    }
    diagnostic(
        Level::Note, SourceLoc(),
        TU.File +
            " did not compile; verdicts that depend on it are inconclusive");
  }

  for (const Diagnostic &E : R.ToolErrors)
    diagnostic(levelOf(E), E.Loc, E.Message);
  for (const Diagnostic &E : R.ReportWarnings)
    diagnostic(levelOf(E), E.Loc, E.Message);
}

void ndisv::writeText(const Results &R, raw_ostream &OS,
                      const TextOptions &Opts) {
  if (!Opts.Errors || Opts.Errors == &OS) {
    TextPrinter(OS, Opts).print(R);
    return;
  }
  // Warnings and errors first, on their own stream, as a compiler's.
  TextOptions EO = Opts;
  EO.Color = Opts.ErrorsColor;
  {
    TextPrinter Err(*Opts.Errors, EO);
    for (const TranslationUnitResult &TU : R.TUs)
      for (const Diagnostic &W : TU.Warnings)
        Err.warning(W, TU.File);
    Err.problems(R);
  }
  Opts.Errors->flush();
  TextPrinter(OS, Opts).results(R);
}

void ProgressLine::update(llvm::StringRef Text) {
  if (MaxWidth && Text.size() > MaxWidth)
    Text = Text.take_front(MaxWidth);
  OS << '\r' << Text;
  // Blank what is left of a longer previous line.
  if (Width > Text.size())
    OS.indent(Width - Text.size());
  Width = Text.size();
  OS.flush();
}

void ProgressLine::clear() {
  if (Width == 0)
    return;
  OS << '\r';
  OS.indent(Width);
  OS << '\r';
  Width = 0;
  OS.flush();
}

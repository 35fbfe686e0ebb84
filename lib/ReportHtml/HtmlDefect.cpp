//===- HtmlDefect.cpp - One page per defect: the trace over the source ------===//
// SPDX-License-Identifier: Apache-2.0
//
// A defect's path crosses files (init in adapter.c, the helper that
// registers the interrupt in hardware.c), so the page shows one section per
// file the path touches, in the order the path first enters it, each line
// the path stops at highlighted with its numbered step under it and links to
// the previous and next step wherever they are. Only windows of source
// around the steps are shown: the path, not the whole file, is the story.
//===----------------------------------------------------------------------===//
#include "HtmlCommon.h"
#include <algorithm>
#include <set>

using namespace llvm;
using namespace ndisv;
using namespace ndisv::html;

namespace {
struct Step {
  unsigned N = 0; // 1-based
  const char *Class = "";
  SourceLoc Loc;
  std::string Message;
  unsigned Depth = 0;
  int File = -1; // index into the page's files
};

constexpr unsigned ContextBefore = 5, ContextAfter = 3, MaxGap = 12;
} // namespace

static const char *kindClass(TraceStep::Kind K) {
  switch (K) {
  case TraceStep::Kind::Event: return "k-event";
  case TraceStep::Kind::Outcome: return "k-outcome";
  case TraceStep::Kind::Branch: return "k-branch";
  case TraceStep::Kind::Call: return "k-call";
  case TraceStep::Kind::Return: return "k-return";
  case TraceStep::Kind::Phase: return "k-phase";
  case TraceStep::Kind::Exit: return "k-exit";
  }
  return "";
}

/// Where a link to step N goes: its bubble in the source, or its line in the
/// step list when it has no source location.
static std::string stepHref(const Step &S) {
  return S.File >= 0 ? "#step-" + std::to_string(S.N) : "#trace-" + std::to_string(S.N);
}

static void writeNav(const std::vector<Step> &Steps, size_t K, const PathNames &Names, raw_ostream &OS) {
  OS << "<span class=\"nav\">";
  if (K > 0) {
    const Step &P = Steps[K - 1];
    OS << "<a class=\"prev\" href=\"" << stepHref(P) << "\">&#9664; " << P.N;
    if (P.File != Steps[K].File && P.Loc.valid())
      OS << " (" << esc(Names.at(P.Loc)) << ")";
    OS << "</a>";
  }
  if (K + 1 < Steps.size()) {
    const Step &X = Steps[K + 1];
    OS << "<a class=\"next\" href=\"" << stepHref(X) << "\">" << X.N;
    if (X.File != Steps[K].File && X.Loc.valid())
      OS << " (" << esc(Names.at(X.Loc)) << ")";
    OS << " &#9654;</a>";
  }
  OS << "</span>";
}

/// Lines of a file to show: windows around the step lines, merged when the
/// gap between them is small.
static std::vector<std::pair<unsigned, unsigned>> windows(const std::set<unsigned> &Lines, unsigned Last) {
  std::vector<std::pair<unsigned, unsigned>> Out;
  for (unsigned L : Lines) {
    unsigned Lo = L > ContextBefore ? L - ContextBefore : 1, Hi = std::min(Last, L + ContextAfter);
    if (!Out.empty() && Lo <= Out.back().second + MaxGap + 1)
      Out.back().second = std::max(Out.back().second, Hi);
    else
      Out.push_back({Lo, Hi});
  }
  return Out;
}

static void writeFileSection(const std::vector<Step> &Steps, int FileIdx, const std::string &Path,
                             const PathNames &Names, SourceHighlighter &Src, raw_ostream &OS) {
  OS << "<section class=\"file\" id=\"file-" << FileIdx + 1 << "\">\n<h2 class=\"path\">"
     << esc(Names.show(Path)) << "</h2>\n";
  const HighlightedFile &HF = Src.get(Path);
  std::set<unsigned> Lines;
  for (const Step &S : Steps)
    if (S.File == FileIdx)
      Lines.insert(S.Loc.Line);
  if (!HF.Ok) {
    OS << "<p class=\"muted\">" << esc(Path) << ": " << esc(HF.Error) << "</p>\n";
    for (size_t K = 0; K < Steps.size(); ++K)
      if (Steps[K].File == FileIdx) {
        OS << "<div class=\"step " << Steps[K].Class << "\" id=\"step-" << Steps[K].N << "\"><span class=\"n\">"
           << Steps[K].N << "</span>line " << Steps[K].Loc.Line << ": " << esc(Steps[K].Message) << " ";
        writeNav(Steps, K, Names, OS);
        OS << "</div><br>\n";
      }
    OS << "</section>\n";
    return;
  }
  unsigned Last = (unsigned)HF.Lines.size();
  OS << "<table class=\"code\">\n";
  unsigned Shown = 0;
  for (auto [Lo, Hi] : windows(Lines, std::max(Last, *Lines.rbegin()))) {
    if (Lo > Shown + 1)
      OS << "<tr class=\"gap\"><td class=\"num\">&#8942;</td><td>lines " << Shown + 1 << "&#8211;" << Lo - 1
         << "</td></tr>\n";
    for (unsigned L = Lo; L <= Hi; ++L) {
      bool Hl = Lines.count(L);
      OS << "<tr class=\"codeline" << (Hl ? " hl" : "") << "\" id=\"f" << FileIdx + 1 << "-L" << L
         << "\"><td class=\"num\">" << L << "</td><td class=\"line\">"
         << (L <= Last ? HF.Lines[L - 1] : std::string()) << "</td></tr>\n";
      if (!Hl)
        continue;
      for (size_t K = 0; K < Steps.size(); ++K) {
        const Step &S = Steps[K];
        if (S.File != FileIdx || S.Loc.Line != L)
          continue;
        unsigned Indent = S.Loc.Col > 1 ? std::min(S.Loc.Col - 1, 60u) : 0;
        OS << "<tr class=\"steprow\"><td class=\"num\"></td><td><div class=\"step " << S.Class << "\" id=\"step-"
           << S.N << "\" style=\"margin-left:" << Indent << "ch\"><span class=\"n\">" << S.N
           << "</span><span class=\"msg\">" << esc(S.Message) << "</span>";
        writeNav(Steps, K, Names, OS);
        OS << "</div></td></tr>\n";
      }
    }
    Shown = Hi;
  }
  if (Shown < Last)
    OS << "<tr class=\"gap\"><td class=\"num\">&#8942;</td><td>lines " << Shown + 1 << "&#8211;" << Last
       << "</td></tr>\n";
  OS << "</table>\n</section>\n";
}

void html::writeDefectPage(const Results &R, const Bugs &B, unsigned Index, const PathNames &Names,
                           SourceHighlighter &Src, StringRef ToolVersion, raw_ostream &OS) {
  // One bug: the first defect's path and message, every rule that flags it
  // (its twins' traces are the same path, pairTwinDefects checked).
  const Defect &D = R.Defects[B.Entries[Index][0]];
  const std::string Rules = B.rules(R, Index);
  std::vector<Step> Steps;
  std::vector<std::string> Files;
  auto add = [&](const char *Class, const SourceLoc &Loc, const std::string &Msg, unsigned Depth) {
    Step S;
    S.N = (unsigned)Steps.size() + 1;
    S.Class = Class;
    S.Loc = Loc;
    S.Message = Msg;
    S.Depth = Depth;
    if (Loc.valid()) {
      auto It = std::find(Files.begin(), Files.end(), Loc.File);
      S.File = (int)(It - Files.begin());
      if (It == Files.end())
        Files.push_back(Loc.File);
    }
    Steps.push_back(std::move(S));
  };
  for (const TraceStep &T : D.Trace)
    add(kindClass(T.K), T.Loc, T.Message, T.Depth);
  add("k-defect", D.Loc, "[" + Rules + "] " + D.Message, 0); // the violation itself, last

  beginPage(OS, "ndisv: defect #" + std::to_string(Index + 1) + " " + Rules);
  OS << "<header class=\"top\"><h1>Defect #" << Index + 1 << " of " << B.Entries.size()
     << "</h1><span class=\"sub\"><a href=\"index.html\">index</a>";
  if (Index > 0)
    OS << " &#183; <a href=\"" << defectPage(Index - 1) << "\">&#9664; defect #" << Index << "</a>";
  if (Index + 1 < B.Entries.size())
    OS << " &#183; <a href=\"" << defectPage(Index + 1) << "\">defect #" << Index + 2 << " &#9654;</a>";
  OS << "</span></header>\n<main>\n";
  OS << "<div class=\"warnbox\"><span class=\"rule mono\">" << esc(Rules) << "</span> &#8212; "
     << esc(D.Message) << "<br><span class=\"path\">" << esc(Names.at(D.Loc)) << "</span>";
  if (D.Suppressed)
    OS << "<br><span class=\"muted\">Suppressed in the source: " << esc(D.SuppressionReason) << "</span>";
  if (D.InBaseline)
    OS << "<br><span class=\"muted\">Known: the baseline has it</span>";
  if (!D.UnknownCalls.empty()) {
    OS << "<br><span class=\"muted\">The path calls functions without a body: ";
    for (size_t K = 0; K < D.UnknownCalls.size(); ++K)
      OS << (K ? ", " : "") << "<code>" << esc(D.UnknownCalls[K]) << "</code>";
    OS << "</span>";
  }
  OS << "</div>\n";

  OS << "<h2 id=\"trace\">Path (" << Steps.size() << " steps)</h2>\n<ol class=\"trace\">\n";
  for (const Step &S : Steps) {
    OS << "<li class=\"" << S.Class << "\" id=\"trace-" << S.N << "\" style=\"padding-left:" << S.Depth * 22
       << "px\"><a href=\"" << stepHref(S) << "\"><span class=\"n\">" << S.N << "</span></a>";
    if (S.Loc.valid())
      OS << "<span class=\"path\">" << esc(Names.at(S.Loc)) << "</span> ";
    OS << esc(S.Message) << "</li>\n";
  }
  OS << "</ol>\n";
  for (size_t F = 0; F < Files.size(); ++F)
    writeFileSection(Steps, (int)F, Files[F], Names, Src, OS);
  OS << "</main>\n";
  endPage(OS, ToolVersion);
}

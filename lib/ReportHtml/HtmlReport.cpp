//===- HtmlReport.cpp - index.html and the report directory -----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// index.html answers "what was checked and what failed" at a glance: the
// verdict of each rule, the lifecycle map of what init acquired against every
// way init fails and halt returns, then the inputs. Pages are static: inline
// CSS, no script, no external asset, so a report can be archived from CI and
// opened anywhere, and a hostile driver source has nothing to run in.
//===----------------------------------------------------------------------===//
#include "ndisv/ReportHtml/HtmlReport.h"
#include "HtmlCommon.h"
#include "HtmlMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::html;

std::string html::esc(StringRef S) {
  std::string Out;
  Out.reserve(S.size());
  for (char C : S) {
    switch (C) {
    case '&': Out += "&amp;"; break;
    case '<': Out += "&lt;"; break;
    case '>': Out += "&gt;"; break;
    case '"': Out += "&quot;"; break;
    case '\'': Out += "&#39;"; break;
    default: Out += C;
    }
  }
  return Out;
}

std::string html::defectPage(unsigned Index) { return "defect-" + std::to_string(Index + 1) + ".html"; }

Bugs::Bugs(const Results &R) : EntryOf(R.Defects.size()) {
  auto SameStatus = [](const Defect &A, const Defect &B) {
    return A.Suppressed == B.Suppressed && A.InBaseline == B.InBaseline;
  };
  auto SameLoc = [](const Defect &A, const Defect &B) {
    return A.Loc.File == B.Loc.File && A.Loc.Line == B.Loc.Line && A.Loc.Col == B.Loc.Col;
  };
  std::vector<bool> Taken(R.Defects.size());
  for (unsigned K = 0; K < R.Defects.size(); ++K) {
    if (Taken[K] || !R.Defects[K].TwinOf.empty())
      continue;
    const Defect &D = R.Defects[K];
    Entries.push_back({K});
    Taken[K] = true;
    for (const std::string &T : D.Twins)
      for (unsigned J = 0; J < R.Defects.size(); ++J) {
        const Defect &O = R.Defects[J];
        if (!Taken[J] && O.Rule == T && O.TwinOf == D.Rule && SameLoc(O, D) && SameStatus(O, D)) {
          Entries.back().push_back(J);
          Taken[J] = true;
          break;
        }
      }
  }
  // Twins left over (their SDV defect has another status) stand alone.
  for (unsigned K = 0; K < R.Defects.size(); ++K)
    if (!Taken[K])
      Entries.push_back({K});
  // In the order of the defects (by their first), as the text report.
  llvm::stable_sort(Entries, [](const std::vector<unsigned> &A, const std::vector<unsigned> &B) {
    return *llvm::min_element(A) < *llvm::min_element(B);
  });
  for (unsigned E = 0; E < Entries.size(); ++E)
    for (unsigned K : Entries[E])
      EntryOf[K] = E;
}

std::string Bugs::rules(const Results &R, unsigned Entry) const {
  std::string S;
  for (unsigned K : Entries[Entry])
    S += (S.empty() ? "" : ", ") + R.Defects[K].Rule;
  return S;
}

size_t Bugs::reportable(const Results &R) const {
  return llvm::count_if(Entries, [&](const std::vector<unsigned> &E) { return R.Defects[E[0]].reportable(); });
}

PathNames::PathNames(const Results &R) {
  std::vector<std::string> Files;
  for (const TranslationUnitResult &TU : R.TUs)
    Files.push_back(TU.File);
  for (const Defect &D : R.Defects)
    for (const TraceStep &S : D.Trace)
      if (S.Loc.valid())
        Files.push_back(S.Loc.File);
  bool First = true;
  for (const std::string &F : Files) {
    if (!sys::path::is_absolute(F))
      continue;
    std::string Dir = sys::path::parent_path(F).str() + "/";
    if (First) {
      Root = Dir;
      First = false;
      continue;
    }
    size_t K = 0;
    while (K < Root.size() && K < Dir.size() && Root[K] == Dir[K])
      ++K;
    Root.resize(K);
    Root.resize(Root.rfind('/') == std::string::npos ? 0 : Root.rfind('/') + 1);
  }
  // Keep the driver's own directory name: it says which driver this is.
  if (!Root.empty() && Root != "/") {
    StringRef Parent = sys::path::parent_path(StringRef(Root).drop_back());
    Root = Parent.empty() ? "" : Parent.str() + "/";
  }
}

std::string PathNames::show(StringRef File) const {
  if (!Root.empty() && File.starts_with(Root))
    return File.drop_front(Root.size()).str();
  return File.str();
}

std::string PathNames::at(const SourceLoc &L) const {
  std::string S = show(L.File) + ":" + std::to_string(L.Line);
  if (L.Col)
    S += ":" + std::to_string(L.Col);
  return S;
}

static const char *Css = R"css(
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--bad:#cf222e;--badbg:#ffebe9;
--ok:#1a7f37;--okbg:#dafbe1;--warn:#9a6700;--warnbg:#fff8c5;--na:#6e7781;--nabg:#eef1f4;--link:#0969da}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header.top{background:#24292f;color:#fff;padding:14px 28px;display:flex;align-items:baseline;gap:18px;flex-wrap:wrap}
header.top h1{font-size:20px;margin:0;font-weight:600}
header.top .sub{color:#d0d7de}
header.top a{color:#9ecbff}
main{padding:8px 28px 40px;max-width:1500px}
h2{font-size:17px;margin:26px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
table.grid{border-collapse:collapse;margin:6px 0}
table.grid th,table.grid td{border:1px solid var(--line);padding:5px 10px;text-align:left;vertical-align:top}
table.grid th{background:var(--soft);font-weight:600}
code,.mono,.path{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12.5px}
.verdict{display:inline-block;padding:1px 9px;border-radius:10px;font-weight:600;font-size:12.5px}
.verdict.defect{background:var(--badbg);color:var(--bad)}
.verdict.pass{background:var(--okbg);color:var(--ok)}
.verdict.inconclusive{background:var(--warnbg);color:var(--warn)}
.verdict.not-applicable{background:var(--nabg);color:var(--na)}
.bounds{color:var(--warn)}
.summary{display:flex;gap:10px;margin:16px 0 4px;flex-wrap:wrap}
.summary .box{border:1px solid var(--line);border-radius:8px;padding:8px 16px;min-width:120px;background:var(--soft)}
.summary .box b{display:block;font-size:22px}
.summary .box .verdict{margin-left:4px}
.summary .box.bad b{color:var(--bad)}.summary .box.ok b{color:var(--ok)}
.muted{color:var(--muted)}
table.map td.cell{text-align:center;font-weight:600;white-space:nowrap}
table.map td.leak{background:var(--badbg);color:var(--bad)}
table.map td.leak a{color:var(--bad);text-decoration:underline}
table.map td.released{background:var(--okbg);color:var(--ok)}
table.map td.not-reached{color:var(--na);font-weight:400}
table.map td.inconclusive{background:var(--warnbg);color:var(--warn)}
table.map th.exit{font-weight:400;font-size:12.5px}
table.map th.exit b{display:block;font-size:13px}
table.map th.group{text-align:center}
ul.errors{margin:4px 0;padding-left:20px;color:var(--bad)}
.trace{margin:8px 0;padding:0;list-style:none;counter-reset:none}
.trace li{padding:2px 0}
.trace .n{display:inline-block;min-width:26px;text-align:center;border-radius:10px;background:#ddf4ff;color:#0550ae;
font-weight:600;font-size:12px;margin-right:6px}
.trace .k-event .n,.trace .k-defect .n{background:var(--badbg);color:var(--bad)}
.warnbox{border-left:4px solid var(--bad);background:var(--badbg);padding:10px 14px;margin:14px 0;border-radius:4px}
.warnbox .rule{font-weight:600}
section.file{margin-top:22px}
section.file h2{position:sticky;top:0;background:var(--bg);z-index:1}
table.code{border-collapse:collapse;width:100%;font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12.5px;line-height:1.45}
table.code td{padding:0 8px;vertical-align:top}
table.code td.num{color:#8c959f;text-align:right;user-select:none;width:1%;white-space:nowrap;border-right:1px solid var(--line)}
table.code td.line{white-space:pre-wrap;word-break:break-all}
table.code tr.hl td.line{background:#fff8c5}
table.code tr.hl td.num{color:var(--fg);font-weight:600}
table.code tr.gap td{color:#8c959f;background:var(--soft);text-align:center;font-size:11.5px}
.keyword{color:#cf222e;font-weight:600}.comment{color:#6e7781;font-style:italic}
.directive{color:#8250df}.string_literal{color:#0a3069}
tr.steprow td{padding:3px 8px 5px}
div.step{display:inline-block;border:1px solid #54aeff;background:#ddf4ff;border-radius:6px;padding:3px 10px;
font-family:-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;font-size:13px;white-space:normal}
div.step.k-event,div.step.k-defect{border-color:#ff8182;background:var(--badbg)}
div.step.k-phase,div.step.k-exit{border-color:#afb8c1;background:var(--soft)}
div.step .n{display:inline-block;min-width:22px;text-align:center;border-radius:10px;background:#0969da;color:#fff;
font-weight:600;font-size:12px;margin-right:6px}
div.step.k-event .n,div.step.k-defect .n{background:var(--bad)}
div.step .nav{margin-left:12px;font-size:12px}
div.step .nav a{margin-left:6px}
:target{outline:2px solid #0969da;outline-offset:1px}
footer{color:var(--muted);font-size:12px;padding:0 28px 24px}
)css";

void html::beginPage(raw_ostream &OS, StringRef Title) {
  OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
     << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
     << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'\">\n"
     << "<title>" << esc(Title) << "</title>\n<style>" << Css << "</style>\n</head>\n<body>\n";
}

void html::endPage(raw_ostream &OS, StringRef ToolVersion) {
  OS << "<footer>Generated by ndisv" << (ToolVersion.empty() ? "" : " ") << esc(ToolVersion)
     << "</footer>\n</body>\n</html>\n";
}

static const char *statusClass(LifecycleCell::Status S) {
  switch (S) {
  case LifecycleCell::Status::NotReached: return "not-reached";
  case LifecycleCell::Status::Released: return "released";
  case LifecycleCell::Status::Leaked: return "leak";
  case LifecycleCell::Status::Inconclusive: return "inconclusive";
  }
  return "";
}

static void writeLifecycle(const Results &R, const Bugs &B, const PathNames &Names, raw_ostream &OS) {
  const LifecycleMap L = compactLifecycleMap(R.Life);
  OS << "<h2 id=\"lifecycle\">Resource lifecycle</h2>\n";
  if (L.Resources.empty()) {
    OS << "<p class=\"muted\">No path acquired a resource the rules track.</p>\n";
    return;
  }
  OS << "<p class=\"muted\">Rows: each resource acquired during initialization, where, and the rules "
        "tracking it. Columns: each way the checked role functions leave (grouped by role event; events "
        "no path reached holding a resource are left out). A leaking cell links to its defect.</p>\n";
  OS << "<table class=\"grid map\">\n<thead>\n<tr><th rowspan=\"2\">resource</th><th rowspan=\"2\">acquired at</th>";
  // Group header: consecutive exits of the same role event.
  for (size_t K = 0; K < L.Exits.size();) {
    size_t E = K;
    while (E < L.Exits.size() && L.Exits[E].Role == L.Exits[K].Role && L.Exits[E].Event == L.Exits[K].Event)
      ++E;
    OS << "<th class=\"group\" colspan=\"" << (E - K) << "\">" << esc(L.Exits[K].Role) << "."
       << esc(L.Exits[K].Event) << "</th>";
    K = E;
  }
  OS << "</tr>\n<tr>";
  for (unsigned K = 0; K < L.Exits.size(); ++K) {
    const LifecycleExit &X = L.Exits[K];
    OS << "<th class=\"exit\" data-exit=\"" << K << "\"><b>" << esc(X.Function) << "</b>"
       << "<span class=\"path\">" << esc(Names.at(X.Loc)) << "</span></th>";
  }
  OS << "</tr>\n</thead>\n<tbody>\n";
  for (unsigned Row = 0; Row < L.Resources.size(); ++Row) {
    const LifecycleResource &Res = L.Resources[Row];
    OS << "<tr class=\"resource\"><td>" << esc(Res.Kind) << "<br><span class=\"muted\">";
    for (size_t K = 0; K < Res.Rules.size(); ++K)
      OS << (K ? ", " : "") << esc(Res.Rules[K]);
    OS << "</span></td><td class=\"path\">" << esc(Names.at(Res.Acquired)) << "</td>";
    for (unsigned Col = 0; Col < L.Exits.size(); ++Col) {
      const LifecycleCell *C = nullptr;
      for (const LifecycleCell &Cell : L.Cells)
        if (Cell.Resource == Row && Cell.Exit == Col)
          C = &Cell;
      LifecycleCell::Status S = C ? C->S : LifecycleCell::Status::NotReached;
      OS << "<td class=\"cell " << statusClass(S) << "\">";
      switch (S) {
      case LifecycleCell::Status::NotReached:
        OS << "not reached";
        break;
      case LifecycleCell::Status::Released:
        OS << "released";
        break;
      case LifecycleCell::Status::Inconclusive:
        OS << "inconclusive";
        break;
      case LifecycleCell::Status::Leaked: {
        // The cell's defects as the index numbers them: a bug's twins are one.
        std::vector<unsigned> Es;
        for (unsigned D : C->Defects)
          Es.push_back(B.EntryOf[D]);
        llvm::sort(Es);
        Es.erase(std::unique(Es.begin(), Es.end()), Es.end());
        if (Es.size() == 1) { // the common case: the whole cell is the link
          OS << "<a href=\"" << defectPage(Es[0]) << "\">leaked (#" << Es[0] + 1 << ")</a>";
          break;
        }
        OS << "leaked (";
        for (size_t K = 0; K < Es.size(); ++K)
          OS << (K ? ", " : "") << "<a href=\"" << defectPage(Es[K]) << "\">#" << Es[K] + 1 << "</a>";
        OS << ")";
        break;
      }
      }
      OS << "</td>";
    }
    OS << "</tr>\n";
  }
  OS << "</tbody>\n</table>\n";
}

static void writeIndex(const Results &R, const Bugs &B, const PathNames &Names, StringRef Version,
                       raw_ostream &OS) {
  beginPage(OS, "ndisv report");
  unsigned Compiled = R.compiledCount();
  // Counted as the text report prints them: one per bug, the reportable ones;
  // suppressed and known ones are said apart.
  size_t Shown = B.reportable(R), Accepted = B.Entries.size() - Shown;
  OS << "<header class=\"top\"><h1>ndisv report</h1><span class=\"sub\">" << Shown
     << (Shown == 1 ? " defect" : " defects");
  if (Accepted)
    OS << " (and " << Accepted << " suppressed or in the baseline)";
  OS << ", " << R.Rules.size()
     << (R.Rules.size() == 1 ? " rule" : " rules") << ", " << Compiled << " of " << R.TUs.size()
     << " translation units compiled</span></header>\n<main>\n";

  unsigned Count[4] = {0, 0, 0, 0};
  for (const RuleResult &RR : R.Rules)
    ++Count[(int)RR.V];
  OS << "<div class=\"summary\">";
  OS << "<div class=\"box " << (Shown == 0 ? "ok" : "bad") << "\"><b>" << Shown << "</b>"
     << (Shown == 1 ? "defect found" : "defects found") << "</div>";
  const Verdict Order[] = {Verdict::Defect, Verdict::Pass, Verdict::Inconclusive, Verdict::NotApplicable};
  for (Verdict V : Order)
    OS << "<div class=\"box\"><b>" << Count[(int)V] << "</b>" << (Count[(int)V] == 1 ? "rule " : "rules ")
       << "<span class=\"verdict " << verdictName(V) << "\">" << verdictName(V) << "</span></div>";
  OS << "</div>\n";

  // What the reader must act on first, right under the summary boxes.
  OS << "<h2 id=\"defects\">Defects</h2>\n";
  if (R.Defects.empty())
    OS << "<p class=\"muted\">None.</p>\n";
  else {
    OS << "<table class=\"grid defects\">\n<thead><tr><th>#</th><th>rule</th><th>where</th><th>message</th></tr></thead>\n<tbody>\n";
    for (unsigned K = 0; K < B.Entries.size(); ++K) {
      const Defect &D = R.Defects[B.Entries[K][0]];
      OS << "<tr class=\"defect\" data-rules=\"" << esc(B.rules(R, K)) << "\"><td><a href=\"" << defectPage(K)
         << "\">#" << K + 1 << "</a></td><td class=\"mono\">" << esc(B.rules(R, K)) << "</td><td class=\"path\">" << esc(Names.at(D.Loc)) << "</td><td>" << esc(D.Message);
      if (D.Suppressed)
        OS << "<br><span class=\"muted\">suppressed: " << esc(D.SuppressionReason) << "</span>";
      if (D.InBaseline)
        OS << "<br><span class=\"muted\">known: in the baseline</span>";
      OS << "</td></tr>\n";
    }
    OS << "</tbody>\n</table>\n";
  }

  OS << "<h2 id=\"verdicts\">Verdicts</h2>\n<table class=\"grid verdicts\">\n"
     << "<thead><tr><th>rule</th><th>verdict</th><th>what it requires</th><th>details</th></tr></thead>\n<tbody>\n";
  for (const RuleResult &RR : R.Rules) {
    OS << "<tr class=\"rule\" data-rule=\"" << esc(RR.Rule) << "\" data-verdict=\"" << verdictName(RR.V)
       << "\"><td class=\"mono\">" << esc(RR.Rule) << "</td><td><span class=\"verdict " << verdictName(RR.V)
       << "\">" << verdictName(RR.V) << "</span></td><td>" << esc(RR.Title) << "</td><td>";
    bool Any = false;
    for (unsigned K = 0; K < R.Defects.size(); ++K)
      if (R.Defects[K].Rule == RR.Rule) {
        OS << (Any ? "<br>" : "") << "<a href=\"" << defectPage(B.EntryOf[K]) << "\">defect #" << B.EntryOf[K] + 1
           << "</a> at <span class=\"path\">"
           << esc(Names.at(R.Defects[K].Loc)) << "</span>";
        Any = true;
      }
    if (!RR.Reason.empty()) {
      OS << (Any ? "<br>" : "") << esc(RR.Reason);
      Any = true;
    }
    if (!RR.Bounds.empty()) {
      OS << (Any ? "<br>" : "") << "<span class=\"bounds\">holds only under bounds:";
      for (const std::string &B : RR.Bounds)
        OS << "<br>" << esc(B);
      OS << "</span>";
    }
    OS << "</td></tr>\n";
  }
  OS << "</tbody>\n</table>\n";

  writeLifecycle(R, B, Names, OS);

  OS << "<h2 id=\"entry-points\">Entry points</h2>\n";
  if (R.EntryPoints.empty())
    OS << "<p class=\"muted\">No role function was found.</p>\n";
  else {
    OS << "<table class=\"grid entries\">\n<thead><tr><th>role</th><th>function</th><th>where</th><th>found as</th></tr></thead>\n<tbody>\n";
    // One row per role function, with every way it was found (as --list-entry-points).
    std::vector<std::pair<const EntryPoint *, std::string>> Rows;
    for (const EntryPoint &E : R.EntryPoints) {
      auto It = std::find_if(Rows.begin(), Rows.end(), [&](auto &Row) {
        return Row.first->Role == E.Role && Row.first->Function == E.Function;
      });
      if (It == Rows.end())
        Rows.push_back({&E, E.How});
      else
        It->second += "; " + E.How;
    }
    for (auto &[E, How] : Rows)
      OS << "<tr class=\"entry\"><td class=\"mono\">" << esc(E->Role) << "</td><td class=\"mono\">" << esc(E->Function)
         << "</td><td class=\"path\">" << esc(Names.at(E->Loc)) << "</td><td>" << esc(How) << "</td></tr>\n";
    OS << "</tbody>\n</table>\n";
  }

  OS << "<h2 id=\"translation-units\">Translation units</h2>\n<p>" << Compiled << " of " << R.TUs.size()
     << " compiled.</p>\n<table class=\"grid tus\">\n<thead><tr><th>file</th><th>status</th></tr></thead>\n<tbody>\n";
  for (const TranslationUnitResult &TU : R.TUs) {
    OS << "<tr class=\"tu\" data-compiled=\"" << (TU.Compiled ? "yes" : "no") << "\"><td class=\"path\">"
       << esc(Names.show(TU.File)) << "</td><td>"
       << (TU.Compiled ? "<span class=\"verdict pass\">compiled</span>"
                       : "<span class=\"verdict defect\">did not compile</span>");
    auto List = [&](const char *Class, const std::vector<Diagnostic> &Ds) {
      if (Ds.empty())
        return;
      OS << "<ul class=\"" << Class << "\">";
      for (const Diagnostic &D : Ds)
        OS << "<li><span class=\"path\">" << esc(D.Loc.Line ? Names.at(D.Loc) : Names.show(D.Loc.File))
           << "</span>: " << esc(D.Message) << "</li>";
      OS << "</ul>";
    };
    List("errors", TU.Errors);
    List("warnings", TU.Warnings);
    OS << "</td></tr>\n";
  }
  OS << "</tbody>\n</table>\n";
  if (!R.ToolErrors.empty()) {
    OS << "<h2 id=\"errors\">Errors</h2>\n<ul class=\"errors\">\n";
    for (const Diagnostic &D : R.ToolErrors)
      OS << "<li>" << esc(D.Message) << "</li>\n";
    OS << "</ul>\n";
  }
  OS << "<h2 id=\"statistics\">Analysis</h2>\n<p class=\"muted\">" << R.Stats.Paths << " paths, "
     << R.Stats.Instructions << " instructions executed, " << R.Stats.BoundedLoops
     << " loops left at the unrolling bound, " << R.Stats.MergedPaths
     << " paths joined with another that held the same rule data.</p>\n</main>\n";
  endPage(OS, Version);
}

static Error writeFile(const std::string &Path, const std::string &Text) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC)
    return createStringError(EC, "cannot write '" + Path + "': " + EC.message());
  OS << Text;
  OS.close();
  if (OS.has_error())
    return createStringError(OS.error(), "cannot write '" + Path + "': " + OS.error().message());
  return Error::success();
}

Error ndisv::writeHtmlReport(const Results &R, StringRef Dir, const HtmlOptions &Opts) {
  if (std::error_code EC = sys::fs::create_directories(Dir))
    return createStringError(EC, "cannot create '" + Dir + "': " + EC.message());
  PathNames Names(R);
  Bugs B(R);
  SourceHighlighter Src;
  std::string Text;
  raw_string_ostream OS(Text);
  writeIndex(R, B, Names, Opts.ToolVersion, OS);
  if (Error E = writeFile((Dir + "/index.html").str(), Text))
    return E;
  for (unsigned K = 0; K < B.Entries.size(); ++K) {
    Text.clear();
    writeDefectPage(R, B, K, Names, Src, Opts.ToolVersion, OS);
    if (Error E = writeFile((Dir + "/" + defectPage(K)).str(), Text))
      return E;
  }
  return Error::success();
}

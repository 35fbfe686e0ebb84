//===- ndisv.cpp - The ndisv command ----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// `ndisv check` verifies a driver against the NDIS interface rules;
// `ndisv rules` lists them. Options only: the pipeline is lib/Check.
//===----------------------------------------------------------------------===//
#include "ndisv/Check/Check.h"
#include "ndisv/Frontend/MSBuild.h"
#include "ndisv/Report/Filters.h"
#include "ndisv/Report/Writers.h"
#include "ndisv/ReportHtml/HtmlReport.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <optional>
#include <set>

using namespace llvm;
using namespace ndisv;

static cl::OptionCategory Cat("ndisv options");
static cl::SubCommand CheckCmd("check", "Verify a driver: source files, directories, a compile_commands.json, a .vcxproj or a .sln");
static cl::SubCommand RulesCmd("rules", "List the rules, or print one rule's documentation");

static cl::list<std::string> Inputs(cl::Positional, cl::desc("<input>..."), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> RuleSel("rules", cl::desc("Rules to check: names, globs (Init_*), sets (Default, SDV, ndisv), @file.sdv (a rule list file)"),
                                    cl::sub(CheckCmd), cl::cat(Cat));
static cl::list<std::string> RuleFiles("rule-file", cl::desc("Load an extra rule file"), cl::sub(CheckCmd),
                                       cl::sub(RulesCmd), cl::cat(Cat));
static cl::opt<std::string> SarifOut("sarif", cl::desc("Write SARIF 2.1.0 to this file"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> SourceRoot("source-root", cl::desc("SARIF file URIs are relative to this directory (default: the current one)"),
                                       cl::value_desc("dir"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> HelpUriBase("help-uri-base",
                                        cl::desc("SARIF helpUri of each rule: URL/<Rule>.md (default: the file:// "
                                                 "URI of the rule page installed with ndisv)"),
                                        cl::value_desc("url"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> HtmlOut("html", cl::desc("Write an HTML report (index.html, defect-N.html) into this directory"),
                                    cl::value_desc("dir"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::list<std::string> IncDirs("I", cl::Prefix, cl::desc("Add an include directory"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::list<std::string> Defines("D", cl::Prefix, cl::desc("Define a macro NAME[=VALUE]"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::list<std::string> WdkInc("wdk-include", cl::desc("Use a real WDK include directory instead of the model (repeatable)"),
                                    cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> Configuration("configuration", cl::desc("Configuration of a .vcxproj input"),
                                          cl::init("Release"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> Platform("platform", cl::desc("Platform of a .vcxproj input"), cl::init("x64"),
                                     cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> BuildDir("p", cl::desc("Build directory holding compile_commands.json"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> Verify("verify", cl::desc("Check the expected-* comments in the sources instead of printing results"),
                            cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> ListEntries("list-entry-points", cl::desc("Print the role functions found and how"),
                                 cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<unsigned> Threads("j", cl::Prefix, cl::desc("Translation units compiled in parallel (default: all cores)"),
                                 cl::init(0), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<ColorMode> Color("color", cl::desc("Colour the output (--color alone: always)"), cl::ValueOptional,
                                cl::values(clEnumValN(ColorMode::Auto, "auto", "only on a terminal (default)"),
                                           clEnumValN(ColorMode::Enable, "always", "always"),
                                           clEnumValN(ColorMode::Disable, "never", "never"),
                                           clEnumValN(ColorMode::Enable, "", ""), // --color alone; not listed
                                           // The spellings of the former boolean option.
                                           clEnumValN(ColorMode::Enable, "true", "always (former spelling)"),
                                           clEnumValN(ColorMode::Disable, "false", "never (former spelling)")),
                                cl::init(ColorMode::Auto), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<TextFormat> Format("format", cl::desc("Diagnostic format"),
                                  cl::values(clEnumValN(TextFormat::Gcc, "gcc", "file:line:col: warning: [Rule] text (default)"),
                                             clEnumValN(TextFormat::Msvc, "msvc", "file(line,col): warning Rule: text (Visual Studio, MSBuild)")),
                                  cl::init(TextFormat::Gcc), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> Verbose("verbose", cl::desc("List every rule in the summary table, also those that do not apply"),
                             cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> Quiet("quiet", cl::desc("Print only defects, errors and warnings: no progress, no summary"),
                           cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> BaselineFile("baseline", cl::desc("Report only defects not in this SARIF log of an earlier run"),
                                         cl::value_desc("sarif"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<FailOn> FailOnOpt("fail-on", cl::desc("What makes the exit code 1"),
                                 cl::values(clEnumValN(FailOn::Defect, "defect", "a defect not suppressed or in the baseline (default)"),
                                            clEnumValN(FailOn::Inconclusive, "inconclusive", "that, or an inconclusive verdict")),
                                 cl::init(FailOn::Defect), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<unsigned> MaxPaths("max-paths", cl::desc("Path budget; past it the verdict is inconclusive"),
                                  cl::init(200000), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<uint64_t> MaxInstructions("max-instructions",
                                          cl::desc("Instruction budget; past it the verdict is inconclusive"),
                                          cl::init(40'000'000), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<uint64_t> MaxMemory("max-memory",
                                    cl::desc("Memory budget in MB (resident memory); past it the verdict is inconclusive"),
                                    cl::init(4096), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<unsigned> LoopUnroll("loop-unroll", cl::desc("Iterations of a loop whose exit is undecided"),
                                    cl::init(8), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<unsigned> MaxIndirectTargets(
    "max-indirect-targets",
    cl::desc("Functions explored for a call through an unknown function pointer; past it the rules the "
             "others may concern are inconclusive"),
    cl::init(16), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> RuleName(cl::Positional, cl::desc("[rule | set | glob]"), cl::sub(RulesCmd),
                                     cl::cat(Cat));

/// `ndisv rules`: every rule, one a line (name, origin, sets, title), then
/// the sets. `ndisv rules NAME` prints that rule's doc page; a set or glob
/// lists just those rules.
static int listRules(const std::string &DataDir) {
  auto Rules = loadRules(DataDir, std::vector<std::string>(RuleFiles.begin(), RuleFiles.end()));
  if (!Rules) {
    WithColor::error(errs(), "ndisv") << toString(Rules.takeError()) << "\n";
    return 2;
  }
  for (auto &R : *Rules)
    if (!RuleName.empty() && R.Name == RuleName) {
      std::string Doc = DataDir + "/docs/rules/" + R.Name + ".md";
      if (auto Buf = MemoryBuffer::getFile(Doc)) {
        outs() << (*Buf)->getBuffer();
        return 0;
      }
      outs() << R.Name << ": " << R.Title << "\n";
      if (!R.Help.empty())
        outs() << "\n" << R.Help << "\n";
      outs() << "\nDefined in " << R.File << "\n";
      return 0;
    }
  // `ndisv rules` lists every rule, the opt-in sets' too.
  auto Chosen = rules::selectRules(*Rules, RuleName.empty() ? std::string("all") : std::string(RuleName));
  if (!Chosen) {
    WithColor::error(errs(), "ndisv") << toString(Chosen.takeError()) << "\n";
    return 2;
  }
  size_t W = 0, WS = 0;
  std::map<std::string, unsigned> Sets{{"all", 0}, {"SDV", 0}, {"ndisv", 0}};
  for (const rules::Rule *R : *Chosen) {
    W = std::max(W, R->Name.size());
    WS = std::max(WS, join(R->Sets, ",").size());
  }
  for (const rules::Rule &R : *Rules) {
    ++Sets["all"];
    ++Sets[R.Origin == "sdv" ? "SDV" : "ndisv"];
    for (const std::string &S : R.Sets)
      ++Sets[S];
  }
  for (const rules::Rule *R : *Chosen)
    outs() << left_justify(R->Name, W) << "  " << left_justify(R->Origin, 5) << "  "
           << left_justify(join(R->Sets, ","), WS) << "  " << R->Title << "\n";
  if (RuleName.empty()) {
    outs() << "\nrule sets (ndisv check --rules SET):";
    for (auto &[Name, N] : Sets)
      outs() << " " << Name << " (" << N << ")";
    outs() << "\n";
  }
  return 0;
}

/// One verification: the INPUTs that are not solutions, together (as
/// always), or one project of a solution, with its own verdict table.
struct CheckUnit {
  CheckOptions Opts;
  bool FromSolution = false;
  std::string Name;  // the project's name in the solution
  std::string Where; // the solution and line that name it
  std::string Label; // "name (path, Configuration|Platform)"
};

/// Splits the INPUTs into units: each .sln becomes its projects, in the
/// solution configuration asked for (else the solution's release x64 one),
/// each evaluated in the project configuration the solution maps it to.
/// Projects that are not built there or are not drivers are skipped with a
/// note; a solution or project that cannot be read is an error naming the
/// file and line. Returns 2 if there was such an error, else 0.
static int planUnits(const CheckOptions &Opts, std::vector<CheckUnit> &Units) {
  int Exit = 0;
  CheckUnit Rest;
  Rest.Opts = Opts;
  Rest.Opts.Inputs.clear();
  auto error = [&](const std::string &Msg) {
    WithColor::error(errs(), "ndisv") << Msg << "\n";
    Exit = 2;
  };
  auto note = [](const std::string &Msg) { WithColor::note(errs(), "ndisv") << Msg << "\n"; };
  std::vector<CheckUnit> FromSolutions;
  for (const std::string &In : Opts.Inputs) {
    if (!StringRef(In).ends_with_insensitive(".sln")) {
      Rest.Opts.Inputs.push_back(In);
      continue;
    }
    Expected<msbuild::Solution> Sln = msbuild::loadSolution(In, Opts.Frontend);
    if (!Sln) {
      error(toString(Sln.takeError()));
      continue;
    }
    for (const std::string &N : Sln->Notes)
      note(N);
    for (const msbuild::SolutionProject &P : Sln->Projects) {
      std::string Where = In + ":" + std::to_string(P.Line);
      std::string Pair = P.Configuration + "|" + P.Platform;
      if (!P.Build) {
        note(Where + ": project '" + P.Name + "' is not built in the solution configuration '" +
             Sln->Configuration + "|" + Sln->Platform + "': not checked");
        continue;
      }
      if (!sys::fs::exists(P.Path)) {
        error(Where + ": project '" + P.Name + "': " + P.Path + ": no such file");
        continue;
      }
      CheckUnit U;
      U.Opts = Opts;
      U.Opts.Inputs = {P.Path};
      U.Opts.Frontend.Configuration = P.Configuration;
      U.Opts.Frontend.Platform = P.Platform;
      Expected<std::string> Type = msbuild::configurationType(P.Path, U.Opts.Frontend);
      if (!Type) {
        error(toString(Type.takeError()));
        continue;
      }
      // Applications, libraries and utilities are not drivers; a project
      // that does not say is checked (and skipped if no miniport is found).
      if (!Type->empty() && !StringRef(*Type).equals_insensitive("Driver")) {
        note(Where + ": project '" + P.Name + "' is not a driver (ConfigurationType " + *Type +
             "): not checked");
        continue;
      }
      U.FromSolution = true;
      U.Name = P.Name;
      U.Where = Where;
      U.Label = P.Name + " (" + P.Path + ", " + Pair + ")";
      FromSolutions.push_back(std::move(U));
    }
  }
  if (!Rest.Opts.Inputs.empty()) {
    Rest.Name = "inputs";
    Rest.Label = "the other inputs";
    Units.push_back(std::move(Rest));
  }
  for (CheckUnit &U : FromSolutions)
    Units.push_back(std::move(U));
  return Exit;
}

/// --list-entry-points: one line per role function, with every way it was found.
static void listEntryPoints(const CheckOutcome &Out) {
  std::vector<std::pair<const EntryPoint *, std::string>> Rows;
  for (const EntryPoint &E : Out.R.EntryPoints) {
    auto It = llvm::find_if(Rows, [&](auto &Row) {
      return Row.first->Role == E.Role && Row.first->Function == E.Function;
    });
    if (It == Rows.end())
      Rows.push_back({&E, E.How});
    else
      It->second += "; " + E.How;
  }
  for (auto &[E, How] : Rows)
    outs() << left_justify(E->Role, 20) << " " << left_justify(E->Function, 24) << " "
           << E->Loc.File << ":" << E->Loc.Line << "  (" << How << ")\n";
  for (const TranslationUnitResult &TU : Out.R.TUs)
    for (const Diagnostic &D : TU.Errors)
      errs() << D.Loc.File << ":" << D.Loc.Line << ":" << D.Loc.Col << ": error: " << D.Message << "\n";
  for (const Diagnostic &D : Out.R.ToolErrors)
    WithColor::error(errs(), "ndisv") << D.Message << "\n";
  if (Out.R.EntryPoints.empty())
    outs() << "no entry points found\n";
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Cat);
  cl::SetVersionPrinter([](raw_ostream &OS) { OS << "ndisv " NDISV_VERSION " (LLVM " LLVM_VERSION_STRING ")\n"; });
  // `--rules @file.sdv` names an SDV rule list, read by --rules itself; LLVM
  // would take a lone "@file" argument for a response file and splice its
  // words into the command line, so join the pair first.
  std::vector<std::string> Store;
  Store.reserve(argc); // Args points into it
  std::vector<char *> Args;
  for (int I = 0; I < argc; ++I) {
    StringRef A = argv[I];
    if ((A == "--rules" || A == "-rules") && I + 1 < argc && argv[I + 1][0] == '@') {
      Store.push_back(A.str() + "=" + argv[++I]);
      Args.push_back(Store.back().data());
    } else {
      Args.push_back(argv[I]);
    }
  }
  argc = (int)Args.size();
  argv = Args.data();
  // With an error stream the parser returns instead of exiting with 1,
  // which is the "defect" code: a usage error is 2, as README says.
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "ndisv: static verifier for NDIS miniport drivers\n\n"
                                   "  ndisv check [options] <source|dir|compile_commands.json|.vcxproj|.sln>...\n"
                                   "  ndisv rules [NAME]\n",
                                   &errs()))
    return 2;
  Expected<std::string> FoundData = findDataDir(argv[0]);
  if (!FoundData) {
    WithColor::error(errs(), "ndisv") << toString(FoundData.takeError()) << "\n";
    return 2;
  }
  std::string DataDir = *FoundData;
  if (RulesCmd)
    return listRules(DataDir);
  if (!CheckCmd) {
    cl::PrintHelpMessage();
    return 2;
  }

  CheckOptions Opts;
  Opts.Inputs.assign(Inputs.begin(), Inputs.end());
  if (!BuildDir.empty())
    Opts.Inputs.push_back(BuildDir + "/compile_commands.json");
  if (Opts.Inputs.empty()) {
    WithColor::error(errs(), "ndisv") << "no input: give source files, a directory or a compile_commands.json\n";
    return 2;
  }
  Opts.RuleSelection = RuleSel;
  Opts.RuleFiles.assign(RuleFiles.begin(), RuleFiles.end());
  Opts.DataDir = DataDir;
  Opts.Frontend.IncludeDirs.assign(IncDirs.begin(), IncDirs.end());
  Opts.Frontend.Defines.assign(Defines.begin(), Defines.end());
  Opts.Frontend.WdkIncludeDirs.assign(WdkInc.begin(), WdkInc.end());
  Opts.Frontend.Configuration = Configuration;
  Opts.Frontend.Platform = Platform;
  Expected<std::string> Resources = findResourceDir(argv[0], DataDir);
  if (!Resources) {
    WithColor::error(errs(), "ndisv") << toString(Resources.takeError()) << "\n";
    return 2;
  }
  Opts.Frontend.ResourceDir = *Resources;
  Opts.Threads = Threads ? Threads : std::max(1u, llvm::hardware_concurrency().compute_thread_count());
  Opts.Budget.MaxPaths = MaxPaths;
  Opts.Budget.MaxInstructions = MaxInstructions;
  Opts.Budget.MaxMemoryMB = MaxMemory;
  Opts.EntryPointsOnly = ListEntries;
  Opts.Budget.LoopUnroll = LoopUnroll;
  Opts.Budget.MaxIndirectTargets = MaxIndirectTargets;

  // Known defects are read first: a bad baseline must not cost a whole run.
  std::vector<std::string> Baseline;
  if (!BaselineFile.empty()) {
    auto FPs = readBaseline(BaselineFile);
    if (!FPs) {
      WithColor::error(errs(), "ndisv") << toString(FPs.takeError()) << "\n";
      return 2;
    }
    Baseline = std::move(*FPs);
  }
  // Progress only for a person watching stderr, never in a log.
  std::optional<ProgressLine> Progress;
  if (!Quiet && !Verify && !ListEntries && sys::Process::StandardErrIsDisplayed()) {
    unsigned Cols = sys::Process::StandardErrColumns();
    Progress.emplace(errs(), Cols > 1 ? Cols - 1 : 0);
    Opts.Progress = [&Progress](const CheckProgress &P) {
      switch (P.P) {
      case CheckProgress::Phase::Compiling:
        Progress->update("[" + std::to_string(P.Done + 1) + "/" + std::to_string(P.Total) + "] compiling " +
                         sys::path::filename(P.Item).str());
        return;
      case CheckProgress::Phase::Linking:
        Progress->update("linking " + std::to_string(P.Total) + " translation units");
        return;
      case CheckProgress::Phase::Checking:
        Progress->update("checking " + std::to_string(P.Total) + (P.Total == 1 ? " rule" : " rules"));
        return;
      }
    };
  }

  std::vector<CheckUnit> Units;
  int Exit = planUnits(Opts, Units);
  if (Units.empty()) {
    if (Exit == 0) // the solutions were read, but hold no driver project
      WithColor::error(errs(), "ndisv") << "no NDIS miniport project in the solution: nothing could be verified\n";
    return 2;
  }
  std::vector<std::pair<const CheckUnit *, CheckOutcome>> Done;
  std::set<std::string> Warned;
  bool Labelled = Units.size() > 1 || Units.front().FromSolution;
  for (const CheckUnit &U : Units) {
    CheckOutcome Out = runCheck(U.Opts);
    if (Progress)
      Progress->clear();
    for (const std::string &W : Out.Warnings)
      if (Warned.insert(W).second)
        WithColor::warning(errs(), "ndisv") << W << "\n";
    if (U.FromSolution && Out.NoMiniport) {
      WithColor::note(errs(), "ndisv") << U.Where << ": project '" << U.Name
                                       << "' is not an NDIS miniport (no MiniportInitializeEx): not checked\n";
      continue;
    }
    if (ListEntries) {
      if (Labelled)
        outs() << "== " << U.Label << "\n";
      listEntryPoints(Out);
      Exit = std::max(Exit, Out.ExitCode);
      continue;
    }
    // Suppressions are part of the SARIF log (as suppressions); the baseline
    // only filters the text and the exit code, so the log stays complete (and
    // can serve as the next baseline).
    nameJumps(Out.R); // --verify's expected-note may name a goto
    if (!Verify) {
      collapseTraceRepeats(Out.R);
      pairTwinDefects(Out.R);
      applySuppressions(Out.R, Out.SourceFiles, Out.KnownRules);
      applyBaseline(Out.R, Baseline);
      Out.ExitCode = exitCodeFor(Out.R, Out.ExitCode, FailOnOpt);
    }
    Done.emplace_back(&U, std::move(Out));
  }
  if (ListEntries)
    return Exit;
  if (Done.empty()) {
    WithColor::error(errs(), "ndisv") << "no NDIS miniport project in the solution: nothing could be verified\n";
    return 2;
  }
  if (!SarifOut.empty()) {
    std::error_code EC;
    raw_fd_ostream OS(SarifOut, EC);
    if (EC) {
      WithColor::error(errs(), "ndisv") << "cannot write '" << SarifOut << "': " << EC.message() << "\n";
      return 2;
    }
    SarifOptions SO;
    SO.ToolVersion = NDISV_VERSION;
    SO.SourceRoot = SourceRoot;
    SO.DataDir = DataDir;
    SO.HelpUriBase = HelpUriBase;
    SO.CommandLine.assign(argv, argv + argc);
    std::vector<SarifRun> Runs;
    for (auto &[U, Out] : Done)
      Runs.push_back({&Out.R, Labelled ? "ndisv/" + U->Name + "/" : "", Out.ExitCode});
    writeSarif(Runs, OS, SO);
  }
  if (!HtmlOut.empty())
    for (auto &[U, Out] : Done) {
      HtmlOptions HO;
      HO.ToolVersion = NDISV_VERSION;
      // Several projects: one report each, in a folder named after it.
      std::string Dir = Labelled ? HtmlOut + "/" + U->Name : std::string(HtmlOut);
      if (Error E = writeHtmlReport(Out.R, Dir, HO)) {
        WithColor::error(errs(), "ndisv") << toString(std::move(E)) << "\n";
        return 2;
      }
    }
  if (Verify) {
    bool Ok = true;
    for (auto &[U, Out] : Done) {
      for (const Diagnostic &D : Out.R.ToolErrors)
        if (Out.R.TUs.empty())
          WithColor::error(errs(), "ndisv") << D.Message << "\n";
      Ok &= verifyExpectations(Out.R, Out.SourceFiles, errs());
    }
    return Ok && Exit != 2 ? 0 : 1;
  }
  TextOptions TO;
  TO.Color = Color == ColorMode::Auto ? sys::Process::StandardOutHasColors() : Color == ColorMode::Enable;
  TO.Format = Format;
  TO.Quiet = Quiet;
  TO.Errors = &errs();
  TO.ErrorsColor = Color == ColorMode::Auto ? sys::Process::StandardErrHasColors() : Color == ColorMode::Enable;
  TO.Verbose = Verbose;
  for (auto &[U, Out] : Done) {
    if (Labelled && !Quiet)
      outs() << (U == Done.front().first ? "" : "\n") << "== " << U->Label << "\n";
    writeText(Out.R, outs(), TO);
    Exit = std::max(Exit, Out.ExitCode);
  }
  return Exit;
}

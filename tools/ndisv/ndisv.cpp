//===- ndisv.cpp - The ndisv command ----------------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// `ndisv check` verifies a driver against the NDIS interface rules;
// `ndisv rules` lists them. Options only: the pipeline is lib/Check.
//===----------------------------------------------------------------------===//
#include "ndisv/Check/Check.h"
#include "ndisv/Report/Writers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace ndisv;

static cl::OptionCategory Cat("ndisv options");
static cl::SubCommand CheckCmd("check", "Verify a driver: source files, directories or a compile_commands.json");
static cl::SubCommand RulesCmd("rules", "List the rules, or print one rule's documentation");

static cl::list<std::string> Inputs(cl::Positional, cl::desc("<input>..."), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> RuleSel("rules", cl::desc("Rules to check: names, globs (Init_*), sets (Default, SDV, ndisv)"),
                                    cl::sub(CheckCmd), cl::cat(Cat));
static cl::list<std::string> RuleFiles("rule-file", cl::desc("Load an extra rule file"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> SarifOut("sarif", cl::desc("Write SARIF 2.1.0 to this file"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::list<std::string> IncDirs("I", cl::Prefix, cl::desc("Add an include directory"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::list<std::string> Defines("D", cl::Prefix, cl::desc("Define a macro NAME[=VALUE]"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::list<std::string> WdkInc("wdk-include", cl::desc("Use a real WDK include directory instead of the model (repeatable)"),
                                    cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> BuildDir("p", cl::desc("Build directory holding compile_commands.json"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> Verify("verify", cl::desc("Check the expected-* comments in the sources instead of printing results"),
                            cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> ListEntries("list-entry-points", cl::desc("Print the role functions found and how"),
                                 cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<unsigned> Threads("j", cl::Prefix, cl::desc("Translation units compiled in parallel (default: all cores)"),
                                 cl::init(0), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<cl::boolOrDefault> Color("color", cl::desc("Colour the output (default: on a terminal)"),
                                       cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<unsigned> MaxPaths("max-paths", cl::desc("Path budget; past it the verdict is inconclusive"),
                                  cl::init(200000), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<unsigned> LoopUnroll("loop-unroll", cl::desc("Iterations of a loop whose exit is undecided"),
                                    cl::init(8), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> RuleName(cl::Positional, cl::desc("[rule]"), cl::sub(RulesCmd), cl::cat(Cat));

static int listRules(const std::string &DataDir) {
  auto Rules = loadRules(DataDir, {});
  if (!Rules) {
    WithColor::error(errs(), "ndisv") << toString(Rules.takeError()) << "\n";
    return 2;
  }
  if (RuleName.empty()) {
    size_t W = 0;
    for (auto &R : *Rules)
      W = std::max(W, R.Name.size());
    for (auto &R : *Rules)
      outs() << left_justify(R.Name, W) << "  " << left_justify(R.Origin, 5) << "  " << R.Title << "\n";
    return 0;
  }
  for (auto &R : *Rules)
    if (R.Name == RuleName) {
      std::string Doc = DataDir + "/docs/rules/" + R.Name + ".md";
      if (auto Buf = MemoryBuffer::getFile(Doc)) {
        outs() << (*Buf)->getBuffer();
        return 0;
      }
      outs() << R.Name << ": " << R.Title << "\n";
      return 0;
    }
  WithColor::error(errs(), "ndisv") << "unknown rule '" << RuleName << "'\n";
  return 2;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Cat);
  cl::SetVersionPrinter([](raw_ostream &OS) { OS << "ndisv " NDISV_VERSION " (LLVM " LLVM_VERSION_STRING ")\n"; });
  cl::ParseCommandLineOptions(argc, argv,
                              "ndisv: static verifier for NDIS miniport drivers\n\n"
                              "  ndisv check [options] <source|dir|compile_commands.json>...\n"
                              "  ndisv rules [NAME]\n");
  std::string DataDir = findDataDir(argv[0]);
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
  Opts.Frontend.ResourceDir = NDISV_CLANG_RESOURCE_DIR;
  Opts.Threads = Threads ? Threads : std::max(1u, llvm::hardware_concurrency().compute_thread_count());
  Opts.Budget.MaxPaths = MaxPaths;
  Opts.EntryPointsOnly = ListEntries;
  Opts.Budget.LoopUnroll = LoopUnroll;

  CheckOutcome Out = runCheck(Opts);

  if (ListEntries) {
    // One line per role function, with every way it was found.
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
    return Out.ExitCode;
  }
  if (!SarifOut.empty()) {
    std::error_code EC;
    raw_fd_ostream OS(SarifOut, EC);
    if (EC) {
      WithColor::error(errs(), "ndisv") << "cannot write '" << SarifOut << "': " << EC.message() << "\n";
      return 2;
    }
    writeSarif(Out.R, OS, NDISV_VERSION);
  }
  if (Verify) {
    for (const Diagnostic &D : Out.R.ToolErrors)
      if (Out.R.TUs.empty())
        WithColor::error(errs(), "ndisv") << D.Message << "\n";
    bool Ok = verifyExpectations(Out.R, Out.SourceFiles, errs());
    return Ok ? 0 : 1;
  }
  TextOptions TO;
  TO.Color = Color == cl::BOU_UNSET ? sys::Process::StandardOutHasColors() : Color == cl::BOU_TRUE;
  writeText(Out.R, outs(), TO);
  return Out.ExitCode;
}

//===- Check.cpp - The `ndisv check` pipeline -------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Bad input never stops the run early: every TU that compiles is verified,
// and verdicts that might depend on one that did not are inconclusive.
//===----------------------------------------------------------------------===//
#include "ndisv/Check/Check.h"
#include "ndisv/Check/Verdict.h"
#include "ndisv/Harness/Harness.h"
#include "ndisv/Model/Model.h"
#include "ndisv/Program/DriverProgram.h"
#include "ndisv/Rules/RuleMonitor.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include <chrono>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <map>
#include <set>

using namespace llvm;
using namespace ndisv;

/// share/ndisv beside the executable: bin/../share/ndisv. An installed tree
/// holds copies there; the build tree holds links to the checkout and to
/// LLVM's Clang headers (CMakeLists.txt), so no path of the build host is
/// compiled into the binary and the installed tree can move anywhere.
static std::string shareDir(const char *Argv0) {
  std::string Exe = sys::fs::getMainExecutable(Argv0, (void *)&shareDir);
  SmallString<256> Share(sys::path::parent_path(sys::path::parent_path(Exe)));
  sys::path::append(Share, "share", "ndisv");
  return std::string(Share);
}

Expected<std::string> ndisv::findDataDir(const char *Argv0) {
  std::vector<std::string> Searched;
  auto Has = [&](const std::string &Dir, const char *What) {
    Searched.push_back(Dir + " (" + What + ")");
    return sys::fs::exists(Dir + "/model/ndis-api.table");
  };
  if (auto Env = sys::Process::GetEnv("NDISV_DATA_DIR")) {
    if (Has(*Env, "$NDISV_DATA_DIR"))
      return *Env;
  } else if (std::string Share = shareDir(Argv0); Has(Share, "beside the executable")) {
    return Share;
  }
  return createStringError(inconvertibleErrorCode(),
                           "cannot find ndisv's model and rules: no model/ndis-api.table in " +
                               join(Searched, ", ") + "; set NDISV_DATA_DIR to a checkout or to share/ndisv");
}

Expected<std::string> ndisv::findResourceDir(const char *Argv0, StringRef DataDir) {
  std::vector<std::string> Searched;
  for (std::string Dir : {(DataDir + "/clang").str(), shareDir(Argv0) + "/clang"}) {
    if (llvm::is_contained(Searched, Dir))
      continue;
    Searched.push_back(Dir);
    if (sys::fs::exists(Dir + "/include/stddef.h"))
      return Dir;
  }
  return createStringError(inconvertibleErrorCode(),
                           "cannot find Clang's resource headers: no include/stddef.h in " + join(Searched, ", "));
}

Expected<std::vector<rules::Rule>> ndisv::loadRules(StringRef DataDir,
                                                    const std::vector<std::string> &Extra) {
  std::vector<std::string> Files;
  SmallString<256> Dir(DataDir);
  sys::path::append(Dir, "rules");
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
    if (sys::path::extension(It->path()) == ".rule")
      Files.push_back(It->path());
  if (EC)
    return createStringError(EC, "cannot read rules from '" + Dir + "': " + EC.message());
  llvm::sort(Files);
  Files.insert(Files.end(), Extra.begin(), Extra.end());
  std::vector<rules::Rule> Rules;
  for (const std::string &F : Files) {
    Expected<rules::Rule> R = rules::loadRuleFile(F);
    if (!R)
      return R.takeError();
    for (const rules::Rule &Old : Rules)
      if (Old.Name == R->Name)
        return createStringError(inconvertibleErrorCode(),
                                 F + ": rule '" + R->Name + "' is already defined in " + Old.File);
    Rules.push_back(std::move(*R));
  }
  llvm::sort(Rules, [](const rules::Rule &A, const rules::Rule &B) { return A.Name < B.Name; });
  return Rules;
}

/// Nothing could be verified: say why, and no rule may claim a verdict.
static void fail(CheckOutcome &O, const Twine &Msg) {
  Diagnostic D;
  D.Message = Msg.str();
  for (RuleResult &RR : O.R.Rules) {
    RR.V = Verdict::Inconclusive;
    RR.Reason = D.Message;
  }
  O.R.ToolErrors.push_back(std::move(D));
  O.ExitCode = 2;
}

/// Why a verdict cannot rely on paths that called functions without a body.
static std::string missingBodies(const std::vector<std::string> &FailedTUs,
                                 llvm::ArrayRef<std::string> Calls) {
  std::string Why = FailedTUs.front() + (FailedTUs.size() > 1 ? " and others" : "") +
                    " did not compile and the paths call functions without a body (";
  for (size_t K = 0; K < Calls.size() && K < 3; ++K)
    Why += (K ? ", " : "") + Calls[K];
  return Why + (Calls.size() > 3 ? ", ...)" : ")");
}

static void collectSourceFiles(const std::vector<std::string> &Inputs,
                               const std::vector<CompileJob> &Jobs, std::vector<std::string> &Out) {
  std::set<std::string> Seen;
  auto add = [&](const std::string &F) {
    if (Seen.insert(F).second)
      Out.push_back(F);
  };
  for (const CompileJob &J : Jobs)
    add(J.File);
  for (const std::string &In : Inputs) {
    if (!sys::fs::is_directory(In))
      continue;
    if (Expected<SourceTree> Tree = walkSourceTree(In)) // errors: said by collectJobs
      for (const std::string &H : Tree->Headers)
        add(H);
    else
      consumeError(Tree.takeError());
  }
}

/// The bounds a pass holds only under: what the exploration cut without
/// making anything inconclusive.
static std::vector<std::string> boundsOf(const engine::ExecStats &St, const engine::Budget &B) {
  std::vector<std::string> Out;
  auto at = [](const std::vector<std::string> &Sites) { // ": the loop at a.c:1 in F, ..."
    return Sites.empty() ? std::string() : ": " + join(Sites, ", ");
  };
  if (St.BoundedLoops)
    Out.push_back("loops left after " + std::to_string(B.LoopUnroll) + " iterations (--loop-unroll)" +
                  at(St.BoundedLoopSites));
  if (St.WaitLoops) // left when another thread may have changed what they wait for
    Out.push_back("loops waiting for another thread left after " + std::to_string(B.LoopUnroll) +
                  " iterations" + at(St.WaitLoopSites));
  if (St.OneFailureLoops)
    Out.push_back("calls inside loops explored failing in one iteration per path" +
                  at(St.OneFailureLoopSites));
  if (St.NullEndsTotal) {
    // What the driver does after a load or store through NULL is not
    // explored: a real crash (NullCheck reports it when selected) or a NULL
    // the engine believed (state set up by code the harness never runs).
    auto paths = [](uint64_t N) { return std::to_string(N) + (N == 1 ? " path" : " paths"); };
    std::string Text = paths(St.NullEndsTotal) + " ended at a dereference of NULL";
    if (St.NullEnds.size() == 1 && St.NullEnds.front().second == St.NullEndsTotal)
      Text += " at " + St.NullEnds.front().first;
    else {
      uint64_t Named = 0;
      for (size_t K = 0; K < St.NullEnds.size(); ++K) {
        Text += (K ? ", " : ": ") + std::to_string(St.NullEnds[K].second) + " at " +
                St.NullEnds[K].first;
        Named += St.NullEnds[K].second;
      }
      if (Named < St.NullEndsTotal)
        Text += ", " + std::to_string(St.NullEndsTotal - Named) + " elsewhere";
    }
    Out.push_back(std::move(Text));
  }
  return Out;
}

/// The rules and API model a run needs, loaded and checked.
struct RuleSetup {
  std::vector<rules::Rule> All;
  std::vector<const rules::Rule *> Selected; // into All
  engine::CallModelTable Models;
  rules::IrqlModel Irql;
  /// Roles whose functions the harness may run: what pruning keeps.
  std::vector<std::string> Roots;
};

/// Loads the rules and the model; on an error, fails O and returns false.
static bool setUpRules(const CheckOptions &Opts, CheckOutcome &O, RuleSetup &RS) {

  Expected<std::vector<rules::Rule>> AllRules = loadRules(Opts.DataDir, Opts.RuleFiles);
  if (!AllRules) {
    fail(O, toString(AllRules.takeError()));
    return false;
  }
  RS.All = std::move(*AllRules);
  for (const rules::Rule &Ru : RS.All)
    O.KnownRules.push_back(Ru.Name);
  Expected<std::string> Selection = rules::expandRuleListFiles(Opts.RuleSelection);
  if (!Selection) {
    fail(O, toString(Selection.takeError()));
    return false;
  }
  // SDV's NDIS rule names, so a migrated rule list is not rejected whole.
  SmallString<256> SdvNamesPath(Opts.DataDir);
  sys::path::append(SdvNamesPath, "rules", "sdv-ndis-rule-names.txt");
  auto SdvNamesBuf = MemoryBuffer::getFile(SdvNamesPath, /*IsText=*/true);
  if (!SdvNamesBuf) {
    fail(O, "cannot read '" + SdvNamesPath + "': " + SdvNamesBuf.getError().message());
    return false;
  }
  std::vector<std::string> SdvNames = rules::parseRuleNameList((*SdvNamesBuf)->getBuffer());
  std::vector<std::string> MissingSdv;
  Expected<std::vector<const rules::Rule *>> Selected =
      rules::selectRules(RS.All, *Selection, SdvNames, &MissingSdv);
  if (!Selected) {
    fail(O, toString(Selected.takeError()));
    return false;
  }
  if (!MissingSdv.empty())
    O.Warnings.push_back("SDV " + std::string(MissingSdv.size() == 1 ? "rule" : "rules") +
                         " that ndisv does not implement, not checked: " + join(MissingSdv, ", "));
  if (Selected->empty() && !MissingSdv.empty()) {
    fail(O, "none of the rules named is implemented by ndisv");
    return false;
  }
  RS.Selected = std::move(*Selected);
  SmallString<256> TablePath(Opts.DataDir);
  sys::path::append(TablePath, "model", "ndis-api.table");
  Expected<engine::CallModelTable> Models = model::loadApiTable(TablePath);
  if (!Models) {
    fail(O, toString(Models.takeError()));
    return false;
  }
  RS.Models = std::move(*Models);
  SmallString<256> IrqlPath(Opts.DataDir);
  sys::path::append(IrqlPath, "model", "ndis-irql.table");
  Expected<rules::IrqlModel> Irql = rules::loadIrqlTable(IrqlPath);
  if (!Irql) {
    fail(O, toString(Irql.takeError()));
    return false;
  }
  RS.Irql = std::move(*Irql);
  // A misspelt role in a rule would make it silently never fire.
  RoleTable Roles = model::ndisRoleTable();
  for (const rules::Rule *Ru : RS.Selected) {
    auto known = [&](const std::string &Role) {
      return Role.empty() || Role == model::PhaseAfterHalt || Role == model::RoleTimer ||
             Role == model::RoleWorkItem || llvm::is_contained(Roles.RoleTypes, Role);
    };
    bool Ok = known(Ru->AppliesDuring);
    for (const rules::Handler &H : Ru->Handlers)
      Ok &= known(H.During);
    for (const std::string &W : Ru->Watches)
      Ok &= W == "all" || known(W);
    if (!Ok) {
      fail(O, Ru->File + ": rule '" + Ru->Name + "' names a role that is not an NDIS role type "
                                                 "(in 'during' or 'watches')");
      return false;
    }
  }
  RS.Roots = model::harnessRoles();
  rules::RuleMonitor Watching(RS.Selected);
  for (const std::string &Role : model::callbackRoles())
    if (Watching.watchesRole(Role))
      RS.Roots.push_back(Role);
  for (const rules::Rule *Ru : RS.Selected) {
    RuleResult RR;
    RR.Rule = Ru->Name;
    RR.Title = Ru->Title;
    RR.Origin = Ru->Origin;
    RR.DocPath = "docs/rules/" + Ru->Name + ".md";
    RR.Help = Ru->Help;
    RR.Sets = Ru->Sets;
    O.R.Rules.push_back(RR);
  }
  return true;
}

/// Moves the monitor's defects into R, all but those whose path crossed a
/// missing body while a TU failed (returned: rule -> why inconclusive), and
/// renumbers the lifecycle map's defects to match.
static std::map<std::string, std::string> keepDefects(Results &R, const rules::RuleMonitor &Monitor,
                                                      const std::vector<std::string> &FailedTUs) {
  // A defect whose path went through a function without a body, while a TU
  // failed, may be an artefact of the missing body: inconclusive, not defect.
  std::map<std::string, std::string> Doubtful; // rule -> reason
  const std::vector<Defect> Reported = Monitor.defects();
  for (const Defect &D : Reported) {
    if (!FailedTUs.empty() && !D.UnknownCalls.empty()) {
      Doubtful.emplace(D.Rule, missingBodies(FailedTUs, D.UnknownCalls));
      continue;
    }
    R.Defects.push_back(D);
  }
  llvm::sort(R.Defects, [](const Defect &A, const Defect &B) {
    return std::tie(A.Loc.File, A.Loc.Line, A.Rule) < std::tie(B.Loc.File, B.Loc.Line, B.Rule);
  });

  // The lifecycle map names defects by their index in Monitor.defects();
  // renumber them into R.Defects. A leak kept out as doubtful is inconclusive.
  R.Life = Monitor.lifecycle();
  {
    std::map<std::string, unsigned> Final; // defect key -> index in R.Defects
    for (unsigned D = 0; D < R.Defects.size(); ++D)
      Final[rules::RuleMonitor::defectKey(R.Defects[D])] = D;
    for (LifecycleCell &C : R.Life.Cells) {
      std::vector<unsigned> Idx;
      for (unsigned K : C.Defects) {
        auto It = Final.find(rules::RuleMonitor::defectKey(Reported[K]));
        if (It != Final.end())
          Idx.push_back(It->second);
      }
      llvm::sort(Idx);
      C.Defects = std::move(Idx);
      if (C.S == LifecycleCell::Status::Leaked && C.Defects.empty())
        C.S = LifecycleCell::Status::Inconclusive;
    }
  }
  return Doubtful;
}

/// Why a rule is uncertain when an indirect call left targets unexplored
/// that may call one of the rule's functions ("" if none may).
static std::string unexploredFor(const rules::Rule &Ru, const engine::ExecStats &St) {
  for (const engine::UnexploredTargets &U : St.Unexplored) {
    auto mayCall = [&](const std::string &Fn) {
      return std::binary_search(U.Callees.begin(), U.Callees.end(), Fn);
    };
    bool Hit = llvm::any_of(Ru.Applies, mayCall);
    for (const rules::Handler &H : Ru.Handlers)
      for (const rules::Event &Ev : H.Events)
        Hit |= mayCall(Ev.Name);
    if (Hit)
      return U.Why;
  }
  return "";
}

/// Each rule's verdict, from what the run established (see Verdict.h).
static void decideVerdicts(Results &R, const std::vector<const rules::Rule *> &Selected,
                           const rules::RuleMonitor &Monitor, const HarnessResult &HR,
                           const engine::Budget &B, const std::vector<std::string> &FailedTUs,
                           const std::string &LinkFailure, const std::set<std::string> &Reachable,
                           const std::map<std::string, std::string> &Doubtful) {
  // Unknown callees are where a TU that did not compile may have mattered.
  RunEvidence Run;
  Run.LinkFailure = LinkFailure;
  if (!FailedTUs.empty() && !HR.UnknownCallees.empty())
    Run.MissingBodies = missingBodies(FailedTUs, HR.UnknownCallees);
  if (HR.Stats.PathsCut || HR.DroppedPaths)
    Run.BudgetCut = !HR.Stats.CutReasons.empty() ? HR.Stats.CutReasons.front()
                    : HR.DroppedPaths ? "DriverEntry has more successful paths than the harness explores"
                                      : "a budget was hit";
  Run.Bounds = boundsOf(HR.Stats, B);
  for (unsigned K = 0; K < R.Rules.size(); ++K) {
    RuleResult &RR = R.Rules[K];
    const rules::Rule &Ru = *Selected[K];
    RuleEvidence Ev;
    Ev.HasDefect = llvm::any_of(R.Defects, [&](const Defect &D) { return D.Rule == RR.Rule; });
    // No code the harness runs even names the rule's API.
    if (!Ru.Applies.empty() && FailedTUs.empty() &&
        llvm::none_of(Ru.Applies, [&](const std::string &F) {
          return Reachable.count(F) || llvm::is_contained(model::harnessRoles(), F) ||
                 llvm::is_contained(model::callbackRoles(), F);
        }))
      Ev.NeverReachable = Ru.Applies.front() + " is never called from code reachable from "
                                               "DriverEntry, MiniportInitializeEx or MiniportHaltEx";
    if (auto It = Doubtful.find(RR.Rule); It != Doubtful.end())
      Ev.DoubtfulDefect = It->second;
    Ev.Applicable = Monitor.applicable(K);
    Ev.NotApplicableWhy = Ru.Applies.empty() ? "not applicable"
                                             : Ru.Applies.front() + " is never called" +
                                                   (Ru.AppliesDuring.empty() ? "" : " during " + Ru.AppliesDuring);
    if (!Monitor.uncertainty(K).empty())
      Ev.Uncertain = *Monitor.uncertainty(K).begin();
    Ev.Unexplored = unexploredFor(Ru, HR.Stats);
    if (!HR.RanHalt && Monitor.usesRole(K, model::RoleHalt) && !HR.Notes.empty())
      Ev.PassCaveat = HR.Notes.front();
    VerdictDecision D = decideVerdict(Ev, Run);
    RR.V = D.V;
    RR.Reason = std::move(D.Reason);
    RR.Bounds = std::move(D.Bounds);
  }
}

CheckOutcome ndisv::runCheck(const CheckOptions &Opts) {
  CheckOutcome O;
  Results &R = O.R;
  RuleSetup RS;
  if (!setUpRules(Opts, O, RS))
    return O;

  FrontendOptions FO = Opts.Frontend;
  FO.Roles = model::ndisRoleTable();
  if (FO.ModelIncludeDir.empty()) {
    SmallString<256> Inc(Opts.DataDir);
    sys::path::append(Inc, "model", "include");
    FO.ModelIncludeDir = std::string(Inc);
  }
  // Each INPUT on its own: one that cannot be read is reported, the others
  // are still verified (and verdicts cannot be "pass" for what was skipped).
  std::vector<CompileJob> Jobs;
  std::vector<std::string> FailedTUs;
  for (const std::string &In : Opts.Inputs) {
    Expected<std::vector<CompileJob>> Some = collectJobs({In}, FO);
    if (Some) {
      Jobs.insert(Jobs.end(), Some->begin(), Some->end());
      continue;
    }
    TranslationUnitResult Bad;
    Bad.File = In;
    Diagnostic D;
    D.Loc.File = In;
    D.Message = toString(Some.takeError());
    Bad.Errors.push_back(std::move(D));
    R.TUs.push_back(std::move(Bad));
    FailedTUs.push_back(In);
  }
  removeDuplicateJobs(Jobs); // one file named by several INPUTs
  if (Jobs.empty()) {
    fail(O, FailedTUs.empty() ? "no C or C++ source files in the input"
                              : "no input could be read: nothing could be verified");
    return O;
  }
  collectSourceFiles(Opts.Inputs, Jobs, O.SourceFiles);

  // Compile a few TUs at a time, each batch in its own context, keeping
  // only compact bitcode and a summary of what each definition refers to:
  // memory stays near one batch of IR plus the parts of the driver the
  // harness can reach, not the whole driver.
  auto T0 = std::chrono::steady_clock::now();
  std::vector<SmallVector<char, 0>> Bitcode;
  std::vector<ModuleSummary> Summaries;
  size_t Batch = std::max<size_t>(1, Opts.Threads) * 2;
  for (size_t First = 0; First < Jobs.size(); First += Batch) {
    std::vector<CompileJob> Some(Jobs.begin() + First,
                                 Jobs.begin() + std::min(Jobs.size(), First + Batch));
    if (Opts.Progress)
      Opts.Progress({CheckProgress::Phase::Compiling, (unsigned)First, (unsigned)Jobs.size(),
                     Jobs[First].File});
    LLVMContext BatchCtx;
    for (CompiledTU &TU : compileAll(Some, FO, BatchCtx, Opts.Threads)) {
      if (!TU.Result.Compiled)
        FailedTUs.push_back(TU.Result.File);
      R.TUs.push_back(TU.Result);
      if (!TU.Module)
        continue;
      Summaries.push_back(summarizeModule(*TU.Module, (unsigned)Bitcode.size(), RS.Roots));
      raw_svector_ostream OS(Bitcode.emplace_back());
      WriteBitcodeToFile(*TU.Module, OS);
    }
#ifdef __GLIBC__
    // Each batch's ASTs and IR are gone now; glibc keeps the freed pages
    // unless asked, and they would add up in the process's footprint.
    malloc_trim(0);
#endif
  }
  auto T1 = std::chrono::steady_clock::now();
  R.Stats.FrontendSeconds = std::chrono::duration<double>(T1 - T0).count();
  if (Bitcode.empty()) {
    fail(O, "no translation unit compiled: nothing could be verified");
    for (RuleResult &RR : R.Rules)
      RR.Reason = "no translation unit compiled";
    return O;
  }

  // A TU that cannot be linked with the others was not verified either.
  std::vector<Diagnostic> LinkErrors;
  if (Opts.Progress)
    Opts.Progress({CheckProgress::Phase::Linking, 0, (unsigned)Bitcode.size(), ""});
  LLVMContext Ctx;
  std::set<std::string> Reachable = reachableSymbols(Summaries);
  size_t NextTU = 0;
  std::unique_ptr<DriverProgram> Prog = DriverProgram::link(
      [&]() -> std::unique_ptr<Module> {
        while (NextTU < Bitcode.size()) {
          unsigned TU = (unsigned)NextTU;
          SmallVector<char, 0> Buf = std::move(Bitcode[NextTU++]);
          Expected<std::unique_ptr<Module>> M =
              parseBitcodeFile(MemoryBufferRef(StringRef(Buf.data(), Buf.size()), "tu"), Ctx);
          if (!M) {
            Diagnostic D;
            D.Message = "internal error reading back a compiled TU: " + toString(M.takeError());
            LinkErrors.push_back(std::move(D));
            continue;
          }
          pruneModule(**M, TU, Reachable);
          return std::move(*M);
        }
        return nullptr;
      },
      Ctx, LinkErrors);
  std::string LinkFailure;
  for (Diagnostic &D : LinkErrors) {
    for (TranslationUnitResult &TU : R.TUs)
      if (TU.File == D.Loc.File) {
        TU.Compiled = false;
        TU.Errors.push_back(D);
      }
    FailedTUs.push_back(D.Loc.File);
    if (LinkFailure.empty())
      LinkFailure = D.Loc.File + " could not be linked with the other translation units";
    R.ToolErrors.push_back(std::move(D));
  }
  for (const DriverProgram::LinkWarning &W : Prog->linkWarnings())
    for (TranslationUnitResult &TU : R.TUs)
      if (TU.File == W.TU)
        TU.Warnings.push_back(W.Warning);
  for (const RoleFunction &RF : Prog->roles())
    R.EntryPoints.push_back({RF.Role, RF.Name, RF.How, RF.Loc});
  if (Opts.EntryPointsOnly) {
    O.ExitCode = R.EntryPoints.empty() ? 2 : 0;
    return O;
  }
  if (Prog->withRole(model::RoleInitialize).empty()) {
    fail(O, "no MiniportInitializeEx found: no function is declared with the MINIPORT_INITIALIZE "
            "role type or stored in InitializeHandlerEx of NDIS_MINIPORT_DRIVER_CHARACTERISTICS");
    O.NoMiniport = FailedTUs.empty();
    for (RuleResult &RR : R.Rules) {
      RR.V = FailedTUs.empty() ? Verdict::NotApplicable : Verdict::Inconclusive;
      RR.Reason = FailedTUs.empty() ? "no MiniportInitializeEx entry point"
                                    : "no entry point found; " + FailedTUs.front() +
                                          " was not verified";
    }
    return O;
  }

  rules::RuleMonitor Monitor(RS.Selected);
  Monitor.setIrqlModel(RS.Irql);
  if (Opts.Progress)
    Opts.Progress({CheckProgress::Phase::Checking, 0, (unsigned)RS.Selected.size(), ""});
  HarnessResult HR = runLifecycle(*Prog, RS.Models, Monitor, Opts.Budget);
  R.Stats.AnalysisSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - T1).count();
  R.Stats.Paths = HR.Stats.Forks + 1;
  R.Stats.Instructions = HR.Stats.Instructions;
  R.Stats.BoundedLoops = HR.Stats.BoundedLoops;
  R.Stats.MergedPaths = HR.Stats.MergedPaths;
  std::map<std::string, std::string> Doubtful = keepDefects(R, Monitor, FailedTUs);
  decideVerdicts(R, RS.Selected, Monitor, HR, Opts.Budget, FailedTUs, LinkFailure, Reachable, Doubtful);
  O.ExitCode = R.Defects.empty() ? 0 : 1;
  std::string Incomplete = incompleteRunReason(R, model::RoleDriverEntry, FailedTUs);
  if (!Incomplete.empty()) { // the defects found are still reported
    Diagnostic D;
    D.Message = std::move(Incomplete);
    R.ToolErrors.push_back(std::move(D));
    O.ExitCode = 2;
  }
  return O;
}

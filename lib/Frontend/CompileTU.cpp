//===- CompileTU.cpp - One compile job to an llvm::Module ---------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Clang runs in process: spawning clang per TU and re-reading bitcode would
// cost more than the parse, and in process we can watch the AST for role
// functions. The command line pins what ndisv verifies against: an x64
// kernel-mode MSVC compilation, with our model (or the user's WDK) as the
// only system headers, debug info for source locations and no LLVM passes
// so the IR mirrors the source. Diagnostics are collected, never printed.
//===----------------------------------------------------------------------===//

#include "InputAdvice.h"
#include "LargeStack.h"
#include "Recovery.h"
#include "OutParams.h"
#include "RoleFinder.h"
#include "WindowsPaths.h"
#include "MessageText.h"
#include "Wpp.h"
#include "ndisv/Frontend/Frontend.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/CodeGen/CodeGenAction.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Frontend/Utils.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>

using namespace llvm;

namespace ndisv {

namespace {

constexpr unsigned MaxErrors = 5;

bool isCxx(StringRef File) {
  std::string Ext = sys::path::extension(File).lower();
  return Ext == ".cpp" || Ext == ".cc" || Ext == ".cxx";
}

/// Keeps the first errors with their presumed (file, line, column); the
/// first one also with its source line and caret.
class ErrorCollector : public clang::DiagnosticConsumer {
public:
  ErrorCollector(std::string MainFile, std::vector<Diagnostic> &Out,
                 RecoveryHints *Hints = nullptr)
      : MainFile(std::move(MainFile)), Out(Out), Hints(Hints) {}

  void BeginSourceFile(const clang::LangOptions &LO, const clang::Preprocessor *) override {
    LangOpts = &LO;
  }
  void EndSourceFile() override { LangOpts = nullptr; }

  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    if (Hints)
      Hints->diagnostic(Level, Info);
    if (Level == clang::DiagnosticsEngine::Remark &&
        Info.getID() == clang::diag::ext_pp_bad_paste_ms) {
      pasteKeptApart(Info);
      return;
    }
    if (Level != clang::DiagnosticsEngine::Error &&
        Level != clang::DiagnosticsEngine::Fatal)
      return;
    ++Count;
    if (Out.size() >= MaxErrors)
      return;
    Diagnostic D;
    D.L = Diagnostic::Level::Error;
    SmallString<256> Msg;
    Info.FormatDiagnostic(Msg);
    D.Message = std::string(Msg.str());
    if (Info.getID() == clang::diag::err_pp_file_not_found && Info.getNumArgs() > 0 &&
        Info.getArgKind(0) == clang::DiagnosticsEngine::ak_std_string)
      D.Message += missingHeaderAdvice(Info.getArgStdStr(0));
    if (Out.empty() && LangOpts)
      D.Snippet = snippetOf(Info, *LangOpts);
    D.Loc.File = MainFile;
    if (Info.getLocation().isValid() && Info.hasSourceManager()) {
      const clang::SourceManager &SM = Info.getSourceManager();
      clang::PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Info.getLocation()));
      if (P.isValid()) {
        D.Loc.File = P.getFilename();
        D.Loc.Line = P.getLine();
        D.Loc.Col = P.getColumn();
      }
    }
    Out.push_back(std::move(D));
  }

  unsigned count() const { return Count; }
  /// One warning per line where a paste MSVC accepts was left undone.
  std::vector<Diagnostic> Pastes;

private:
  /// A ## whose result is no token (`s##.`, `x##(`): cl.exe keeps the two
  /// tokens apart and goes on, and so does Clang in MS mode once the
  /// diagnostic is not an error; it is reported as the recovery it is.
  void pasteKeptApart(const clang::Diagnostic &Info) {
    if (!Info.hasSourceManager() || Info.getLocation().isInvalid())
      return;
    const clang::SourceManager &SM = Info.getSourceManager();
    clang::PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Info.getLocation()));
    if (P.isInvalid())
      return;
    SmallString<64> Formed;
    Info.FormatDiagnostic(Formed);
    Diagnostic W;
    W.L = Diagnostic::Level::Warning;
    W.Loc = {P.getFilename(), P.getLine(), P.getColumn()};
    W.Message = std::string(Formed.str()) +
                "; MSVC keeps the two tokens apart and goes on; so did ndisv";
    for (const Diagnostic &Old : Pastes)
      if (Old.Loc.File == W.Loc.File && Old.Loc.Line == W.Loc.Line)
        return;
    Pastes.push_back(std::move(W));
  }

  std::string MainFile;
  std::vector<Diagnostic> &Out;
  RecoveryHints *Hints;
  const clang::LangOptions *LangOpts = nullptr;
  unsigned Count = 0;
};

/// EmitLLVMOnlyAction with the role finder beside the code generator.
class RoleAction : public clang::EmitLLVMOnlyAction {
public:
  RoleAction(LLVMContext *Ctx, RoleFinderState &State, OutParamState &OutParams,
             RecoveryHints *Hints, RecoveryPlan *Plan, NdisVersionCheck &Version)
      : EmitLLVMOnlyAction(Ctx), State(State), OutParams(OutParams), Hints(Hints), Plan(Plan),
        Version(Version) {}

protected:
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, StringRef InFile) override {
    std::unique_ptr<clang::ASTConsumer> CodeGen =
        EmitLLVMOnlyAction::CreateASTConsumer(CI, InFile);
    if (!CodeGen)
      return nullptr;
    addFunctionClassCallback(CI.getPreprocessor(), State);
    watchNdisVersion(CI.getPreprocessor(), Version);
    std::vector<std::unique_ptr<clang::ASTConsumer>> Consumers;
    // The planner reads the failed AST; first, like the role finder below.
    if (Hints && Plan)
      Consumers.push_back(Hints->createPlanner(*Plan));
    // The role finder must come first: with clang 19 and this target, walking
    // the TU's declarations after code generation's HandleTranslationUnit
    // crashed (a LinkageSpecDecl with a dangling child appears in a C TU).
    Consumers.push_back(createRoleFinder(State));
    Consumers.push_back(createOutParamFinder(OutParams)); // before code generation, likewise
    Consumers.push_back(std::move(CodeGen));
    return std::make_unique<clang::MultiplexConsumer>(std::move(Consumers));
  }

private:
  RoleFinderState &State;
  OutParamState &OutParams;
  RecoveryHints *Hints;
  RecoveryPlan *Plan;
  NdisVersionCheck &Version;
};

void initialiseOnce() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    InitializeAllTargetInfos();
    InitializeAllTargets();
    InitializeAllTargetMCs();
    // Turns a crash inside Clang into a failed TU instead of a dead tool.
    CrashRecoveryContext::Enable();
    handleCrashSignalsOnAltStack(); // a stack overflow too (LargeStack.h)
  });
}

void fail(CompiledTU &Out, const Twine &Message) {
  Diagnostic D;
  D.L = Diagnostic::Level::Error;
  D.Loc.File = Out.Result.File;
  D.Message = Message.str();
  Out.Result.Errors.push_back(std::move(D));
  Out.Result.Compiled = false;
  Out.Module.reset();
}

unsigned roleCount(const Module &M) {
  const NamedMDNode *N = M.getNamedMetadata("ndisv.roles");
  return N ? N->getNumOperands() : 0;
}

} // namespace

/// The command line for a job whose WPP use is already known.
static std::vector<std::string> argsWith(const CompileJob &Job, const FrontendOptions &Opts,
                                         const WppScan &Wpp) {
  bool Cxx = isCxx(Job.File);
  std::vector<std::string> A = {
      "--target=x86_64-pc-windows-msvc", "-fms-extensions", "-fms-compatibility",
      "-fms-compatibility-version=19.40", "-x", Cxx ? "c++" : "c"};
  if (Cxx)
    A.push_back("-std=c++17");
  else
    A.push_back("-fcommon"); // tentative definitions merge at link, as with cl.exe
  for (const char *F : {"-O0", "-g", "-gdwarf", "-gcolumn-info", "-w",
                        "-ferror-limit=20", "-fno-spell-checking", "-D_AMD64_=1",
                        "-DAMD64=1", "-D_WIN64=1", "-D_KERNEL_MODE=1", "-nostdinc"})
    A.push_back(F);
  // Clang 16+ makes these errors by default where MSVC only warns (C4013,
  // C4047, C4113, C4133 ...), so drivers that ship built with MSVC would
  // fail here; demoted to warnings, -w then silences them.
  for (const char *F : {"-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int",
                        "-Wno-error=int-conversion",
                        "-Wno-error=incompatible-function-pointer-types",
                        "-Wno-error=incompatible-pointer-types"})
    A.push_back(F);
  if (!Opts.WdkIncludeDirs.empty()) {
    for (const std::string &D : Opts.WdkIncludeDirs)
      A.insert(A.end(), {"-isystem", D});
  } else if (!Opts.ModelIncludeDir.empty()) {
    A.insert(A.end(), {"-isystem", Opts.ModelIncludeDir});
  }
  if (!Opts.ResourceDir.empty()) {
    // -nostdinc also drops Clang's own headers (stddef.h, stdarg.h,
    // intrin.h); keep them last so the model or WDK copies win.
    SmallString<256> Builtin(Opts.ResourceDir);
    sys::path::append(Builtin, "include");
    A.insert(A.end(), {"-isystem", std::string(Builtin.str()), "-resource-dir",
                       Opts.ResourceDir});
  }
  A.insert(A.end(), {"-Xclang", "-disable-llvm-passes"});
  A.insert(A.end(), Job.Args.begin(), Job.Args.end());
  for (const std::string &D : Opts.IncludeDirs)
    A.push_back("-I" + D);
  for (const std::string &D : Opts.Defines)
    A.push_back("-D" + D);
  std::vector<std::string> W = wppArgs(Wpp, Opts);
  A.insert(A.end(), W.begin(), W.end());
  // A message header is found beside its .mc file, after everything else.
  for (const std::string &M : Job.MessageFiles)
    A.insert(A.end(), {"-idirafter", sys::path::parent_path(M).str()});
  return A;
}

/// What the driver's build would have generated before compiling: an empty
/// stand-in for each missing .tmh beside its includer, and the header of
/// each message text file (.mc) beside it where the tree has none.
static StringMap<std::string> generatedHeaders(const CompileJob &Job, const WppScan &Wpp) {
  StringMap<std::string> Files;
  for (const std::string &P : Wpp.MissingTmh)
    Files[P] = "";
  for (const std::string &M : Job.MessageFiles) {
    SmallString<256> H(M);
    sys::path::replace_extension(H, ".h");
    if (sys::fs::exists(H))
      continue; // the build's own output is there: it wins
    auto Buf = MemoryBuffer::getFile(M, /*IsText=*/true);
    if (Buf)
      Files[H] = messageHeader((*Buf)->getBuffer());
  }
  return Files;
}

std::vector<std::string> clangArgsFor(const CompileJob &Job, const FrontendOptions &Opts) {
  return argsWith(Job, Opts, scanForWpp(Job, Opts));
}

namespace {

/// One run of Clang over a job.
struct Attempt {
  enum { Compiled, Failed, Crashed } Status = Failed;
  std::unique_ptr<Module> M;
  std::vector<RoleFinding> Findings;
  NdisVersionCheck Version;
  std::vector<Diagnostic> Pastes; // token pastes kept apart, as warnings
};

/// Keeps what a crashed compile leaves behind reachable (not a leak to
/// LeakSanitizer) and never touches it again.
void abandonAfterCrash(const void *P) {
  static std::mutex M;
  static std::vector<const void *> Kept;
  std::lock_guard<std::mutex> L(M);
  Kept.push_back(P);
}

/// Parses and lowers the job once. With \p Hints and \p Plan, a failed
/// parse also plans its recovery; \p Remap replaces file contents by path.
Attempt parseOnce(const CompileJob &Job, const FrontendOptions &Opts,
                  const StringMap<std::string> &Generated,
                  const std::vector<std::string> &Args, LLVMContext &Ctx, CompiledTU &Out,
                  RecoveryHints *Hints, RecoveryPlan *Plan,
                  const StringMap<std::string> *Remap) {
  Attempt A;
  ErrorCollector Errors(Job.File, Out.Result.Errors, Hints);
  std::vector<const char *> Argv;
  for (const std::string &S : Args)
    Argv.push_back(S.c_str());

  // Driver errors (bad options in a compile database) land in Errors too.
  IntrusiveRefCntPtr<clang::DiagnosticOptions> DriverDiagOpts =
      new clang::DiagnosticOptions();
  IntrusiveRefCntPtr<clang::DiagnosticsEngine> DriverDiags =
      new clang::DiagnosticsEngine(new clang::DiagnosticIDs(), DriverDiagOpts,
                                   &Errors, /*ShouldOwnClient=*/false);
  clang::CreateInvocationOptions CIOpts;
  CIOpts.Diags = DriverDiags;
  CIOpts.ProbePrecompiled = false;
  std::shared_ptr<clang::CompilerInvocation> Inv =
      clang::createInvocation(Argv, std::move(CIOpts));
  if (!Inv || Errors.count()) {
    if (Out.Result.Errors.empty())
      fail(Out, "cannot build a clang invocation for this file");
    return A;
  }
  Inv->getFrontendOpts().DisableFree = false;
  Inv->getCodeGenOpts().DisableFree = false;
  Inv->getCodeGenOpts().DisableLLVMPasses = true;
  Inv->getDiagnosticOpts().ShowCarets = false; // no "N errors generated."
  if (Remap)
    for (const auto &F : *Remap) // owned by the SourceManager from here
      Inv->getPreprocessorOpts().addRemappedFile(
          F.getKey(), MemoryBuffer::getMemBufferCopy(F.getValue(), F.getKey()).release());

  auto CI = std::make_unique<clang::CompilerInstance>();
  CI->setInvocation(std::move(Inv));
  CI->createDiagnostics(&Errors, /*ShouldOwnClient=*/false);
  // Through -w as a remark: ErrorCollector turns it into a warning.
  CI->getDiagnostics().setSeverity(clang::diag::ext_pp_bad_paste_ms,
                                   clang::diag::Severity::Remark, clang::SourceLocation());
  if (Hints)
    RecoveryHints::prepare(CI->getDiagnostics());
  // Include names and paths resolve as on Windows (case ignored, '\'
  // separates), for the driver's headers and the model's alike.
  IntrusiveRefCntPtr<vfs::FileSystem> FS = createWindowsPathFileSystem(vfs::getRealFileSystem());
  if (!Generated.empty()) {
    // The headers the driver's build generates, in memory only: the
    // user's tree is never written to.
    auto Made = makeIntrusiveRefCnt<vfs::InMemoryFileSystem>();
    for (const auto &F : Generated)
      Made->addFile(F.getKey(), 0, MemoryBuffer::getMemBuffer(F.getValue(), F.getKey()));
    auto Overlay = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(FS);
    Overlay->pushOverlay(Made);
    FS = Overlay;
  }
  CI->createFileManager(FS);
  RoleFinderState State;
  State.Roles = &Opts.Roles;
  // The action writes the version check while it parses: on the heap, so
  // a crash halfway through leaves A untouched.
  auto Version = std::make_unique<NdisVersionCheck>();
  // On the heap like the version check: a crash leaves it unread.
  auto OutParams = std::make_unique<OutParamState>();
  auto Act = std::make_unique<RoleAction>(&Ctx, State, *OutParams, Hints, Plan, *Version);

  bool Ok = false;
  CrashRecoveryContext CRC;
  if (!CRC.RunSafely([&] { Ok = CI->ExecuteAction(*Act); })) {
    // The compiler's state is unknown after a crash: keep it, unread and
    // undestroyed, rather than run its destructors. That includes the
    // errors the collector was writing when the crash hit (a vector halfway
    // through growing; the sanitized build caught reading it).
    abandonAfterCrash(CI.release());
    abandonAfterCrash(Act.release());
    abandonAfterCrash(Version.release());
    abandonAfterCrash(OutParams.release());
    abandonAfterCrash(new std::vector<Diagnostic>(std::move(Out.Result.Errors)));
    Out.Result.Errors = {};
    fail(Out, "clang crashed while compiling this file (nesting too deep for its "
              "stack, or a clang bug); the other TUs are still verified");
    A.Status = Attempt::Crashed;
    return A;
  }
  A.Version = *Version;
  A.Pastes = std::move(Errors.Pastes);
  std::unique_ptr<Module> M = Act->takeModule();
  if (!Ok || Errors.count() || !M) {
    if (Out.Result.Errors.empty())
      fail(Out, "compilation failed");
    return A;
  }
  A.Status = Attempt::Compiled;
  attachOutParamMetadata(*M, *OutParams);
  A.M = std::move(M);
  A.Findings = std::move(State.Findings);
  return A;
}

} // namespace

static CompiledTU compileTUHere(const CompileJob &Job, const FrontendOptions &Opts,
                                LLVMContext &Ctx) {
  CompiledTU Out;
  Out.Result.File = Job.File;
  sys::fs::file_status St;
  if (sys::fs::status(Job.File, St) || !sys::fs::exists(St)) {
    fail(Out, "no such file or directory");
    return Out;
  }
  if (!sys::fs::is_regular_file(St)) {
    fail(Out, "not a regular file");
    return Out;
  }
  initialiseOnce();

  WppScan Wpp = scanForWpp(Job, Opts);
  std::vector<std::string> Args = argsWith(Job, Opts, Wpp);
  Args.insert(Args.begin(), "clang");
  Args.push_back(Job.File);

  auto Hints = std::make_unique<RecoveryHints>();
  RecoveryPlan Plan;
  StringMap<std::string> Generated = generatedHeaders(Job, Wpp);
  Attempt A = parseOnce(Job, Opts, Generated, Args, Ctx, Out, Hints.get(), &Plan, nullptr);
  // Clang reports one error per statement or declaration, so a recovery
  // can uncover the next construct of the same line: a few rounds, each
  // planned on the files as the one before edited them. What the last
  // parse still rejects is reported as is, with the same lines, after the
  // warnings for what was recovered.
  StringMap<std::string> Edited;
  std::vector<std::string> Again = Args;
  std::vector<Diagnostic> Recovered;
  for (unsigned Round = 0; A.Status == Attempt::Failed && !Plan.empty() && Round < 3; ++Round) {
    Out.Result.Errors.clear();
    Recovered.insert(Recovered.end(), Plan.Warnings.begin(), Plan.Warnings.end());
    for (auto &F : Plan.apply())
      Edited[F.getKey()] = std::move(F.getValue());
    if (Plan.NoAccessControl && !llvm::is_contained(Again, "-fno-access-control"))
      Again.insert(Again.end() - 1, {"-Xclang", "-fno-access-control"}); // before the file
    Plan = RecoveryPlan();
    Hints = std::make_unique<RecoveryHints>();
    bool Last = Round == 2;
    A = parseOnce(Job, Opts, Generated, Again, Ctx, Out, Last ? nullptr : Hints.get(),
                  Last ? nullptr : &Plan, &Edited);
  }
  if (!Recovered.empty())
    Out.Result.Warnings = std::move(Recovered);
  Out.Result.Warnings.insert(Out.Result.Warnings.end(), A.Pastes.begin(), A.Pastes.end());
  if (A.Status != Attempt::Compiled) {
    if (A.Version.Missing) {
      // Said first: what follows is usually its consequence.
      Diagnostic D;
      D.Loc = {A.Version.File, A.Version.Line, A.Version.Col};
      D.Message = missingNdisVersionMessage();
      Out.Result.Errors.insert(Out.Result.Errors.begin(), std::move(D));
    }
    Out.Result.Compiled = false;
    Out.Module.reset();
    return Out;
  }
  std::unique_ptr<Module> M = std::move(A.M);
  attachRoleMetadata(*M, A.Findings);
  std::string Broken;
  raw_string_ostream BrokenOS(Broken);
  if (verifyModule(*M, &BrokenOS)) {
    fail(Out, "internal error: clang produced invalid IR: " +
                  StringRef(BrokenOS.str()).split('\n').first);
    return Out;
  }
  Out.Result.Compiled = true;
  Out.Module = std::move(M);
  return Out;
}

CompiledTU compileTU(const CompileJob &Job, const FrontendOptions &Opts, LLVMContext &Ctx) {
  initialiseOnce();
  CompiledTU Out;
  runOnLargeStack([&] { Out = compileTUHere(Job, Opts, Ctx); });
  return Out;
}

std::vector<CompiledTU> compileAll(const std::vector<CompileJob> &Jobs,
                                   const FrontendOptions &Opts, LLVMContext &Ctx,
                                   unsigned Threads) {
  std::vector<CompiledTU> Out(Jobs.size());
  if (Threads <= 1 || Jobs.size() <= 1) {
    for (size_t I = 0; I < Jobs.size(); ++I)
      Out[I] = compileTU(Jobs[I], Opts, Ctx);
    return Out;
  }
  initialiseOnce(); // before the workers race for it

  // Each worker compiles in its own context; modules come back as bitcode
  // and are re-read into the caller's context in job order.
  struct Slot {
    TranslationUnitResult Result;
    SmallVector<char, 0> Bitcode;
    unsigned Roles = 0;
  };
  std::vector<Slot> Slots(Jobs.size());
  {
    DefaultThreadPool Pool(hardware_concurrency(Threads));
    for (size_t I = 0; I < Jobs.size(); ++I)
      Pool.async([&, I] {
        LLVMContext Local;
        CompiledTU TU = compileTU(Jobs[I], Opts, Local);
        Slots[I].Result = std::move(TU.Result);
        if (TU.Module) {
          Slots[I].Roles = roleCount(*TU.Module);
          raw_svector_ostream OS(Slots[I].Bitcode);
          WriteBitcodeToFile(*TU.Module, OS);
        }
      });
    Pool.wait();
  }
  for (size_t I = 0; I < Jobs.size(); ++I) {
    Slot &S = Slots[I];
    Out[I].Result = std::move(S.Result);
    if (!Out[I].Result.Compiled)
      continue;
    Expected<std::unique_ptr<Module>> M = parseBitcodeFile(
        MemoryBufferRef(StringRef(S.Bitcode.data(), S.Bitcode.size()), Jobs[I].File),
        Ctx);
    if (!M) {
      fail(Out[I], "internal error: cannot re-read the module: " +
                       toString(M.takeError()));
      continue;
    }
    if (roleCount(**M) != S.Roles) {
      fail(Out[I], "internal error: role metadata lost in the bitcode round trip");
      continue;
    }
    Out[I].Module = std::move(*M);
    SmallVector<char, 0>().swap(S.Bitcode); // free as we go
  }
  return Out;
}

} // namespace ndisv

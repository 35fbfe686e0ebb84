//===- ndisv/Frontend/Frontend.h - Driver sources to LLVM IR ----*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The frontend turns the user's INPUTs (source files, directories,
// compile_commands.json) into compile jobs and each job into an llvm::Module
// with debug info, parsed as MSVC would. While Clang has the AST it also
// finds the driver's role functions; they are recorded in the module as
// named metadata so that they survive linking (static functions get renamed).
//
//   !ndisv.roles = !{!0, ...}
//   !0 = !{!"MINIPORT_INITIALIZE", ptr @MPInitializeEx, !"role type declaration"}
//
// Which typedef names are role types and which structure fields hold role
// functions comes from RoleTable (filled from the model), not from here.
//===----------------------------------------------------------------------===//
#ifndef NDISV_FRONTEND_FRONTEND_H
#define NDISV_FRONTEND_FRONTEND_H

#include "ndisv/Report/Results.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace ndisv {

/// How role functions are recognised. Filled by the model library.
struct RoleTable {
  /// Role typedef names: "MINIPORT_INITIALIZE" -> role "MINIPORT_INITIALIZE".
  /// Matches `MINIPORT_INITIALIZE X;` declarations and
  /// `_Function_class_(MINIPORT_INITIALIZE)` on definitions.
  std::vector<std::string> RoleTypes;
  /// Structure field -> role: "InitializeHandlerEx" -> "MINIPORT_INITIALIZE".
  /// Matches `chars.F = X;`, `p->F = X;` and designated initializers `.F = X`.
  llvm::StringMap<std::string> HandlerFields;
  /// The structure type whose fields these are (for the "how" text).
  std::string CharacteristicsType;
  /// Functions found by name alone: "DriverEntry" -> "DRIVER_INITIALIZE".
  llvm::StringMap<std::string> NamedRoles;
};

struct FrontendOptions {
  std::vector<std::string> IncludeDirs;    // -I
  std::vector<std::string> Defines;        // -D NAME[=VALUE]
  std::vector<std::string> WdkIncludeDirs; // --wdk-include: replaces the model headers
  std::string ModelIncludeDir;             // bundled model headers
  std::string ResourceDir;                 // Clang's resource directory
  std::string Configuration = "Release";   // of a .vcxproj INPUT
  std::string Platform = "x64";            // of a .vcxproj INPUT
  /// Receives notes about the inputs (include directories of a project that
  /// cannot be resolved here); unset: printed to stderr as "ndisv: note:".
  std::function<void(const std::string &)> Note;
  RoleTable Roles;

  /// Says \p Msg through Note, or on stderr when Note is unset.
  void note(const std::string &Msg) const;
};

/// One translation unit to compile.
struct CompileJob {
  std::string File;              // absolute path of the main source
  std::string Directory;         // working directory for relative paths
  std::vector<std::string> Args; // extra arguments from a compile DB (-I, -D, ...), already
                                 // translated from cl.exe style where needed; never the compiler name
  std::vector<std::string> TraceFunctions; // WPP trace macros the project names (WppTraceFunction)
  std::vector<std::string> WppConfigFiles; // WppScanConfigurationData: more begin_wpp blocks
  std::vector<std::string> MessageFiles;   // message text files (.mc) whose headers the build makes
};

/// Expands INPUTs: a .c/.cpp/.cc/.cxx file, a directory (every such file
/// below it; the directories holding headers are added as -I), a
/// compile_commands.json or an MSBuild .vcxproj. Errors name the input.
llvm::Expected<std::vector<CompileJob>> collectJobs(const std::vector<std::string> &Inputs,
                                                    const FrontendOptions &Opts);

/// What a directory INPUT holds, each real directory walked once (symlinks
/// followed; a cycle is entered once), sorted.
struct SourceTree {
  std::vector<std::string> Sources;    // .c/.cpp/.cc/.cxx
  std::vector<std::string> Headers;    // .h/.hpp
  std::vector<std::string> HeaderDirs; // the directories holding headers
};

/// Walks \p Root. A directory, source or header that cannot be read, or a
/// FIFO or device with a source or header name, is an error naming it.
llvm::Expected<SourceTree> walkSourceTree(llvm::StringRef Root);

/// An error naming \p Path unless it is a regular file this process can
/// read (FIFOs and devices are refused before anything blocks on them).
llvm::Error checkReadableFile(llvm::StringRef Path);

bool isSourceFileName(llvm::StringRef Path); // .c/.cpp/.cc/.cxx, any case
bool isHeaderFileName(llvm::StringRef Path); // .h/.hpp, any case

/// Keeps the first job of each file: one named twice, by two paths or
/// through a symlink, is compiled (and linked) once.
void removeDuplicateJobs(std::vector<CompileJob> &Jobs);

/// The clang command line ndisv uses for a job (without the input file),
/// shown by --verbose and reused by the benchmark's clang -fsyntax-only runs.
std::vector<std::string> clangArgsFor(const CompileJob &Job, const FrontendOptions &Opts);

struct CompiledTU {
  TranslationUnitResult Result;        // Compiled=false with errors if it failed
  std::unique_ptr<llvm::Module> Module; // null when it failed
};

/// Parses and lowers one TU in process. Never throws or aborts on bad input.
CompiledTU compileTU(const CompileJob &Job, const FrontendOptions &Opts, llvm::LLVMContext &Ctx);

/// Compiles every job; results (and modules, all in \p Ctx) in job order.
/// With Threads > 1 the TUs are compiled in parallel, each in its own
/// context, and their modules moved into \p Ctx through in-memory bitcode.
std::vector<CompiledTU> compileAll(const std::vector<CompileJob> &Jobs,
                                   const FrontendOptions &Opts, llvm::LLVMContext &Ctx,
                                   unsigned Threads);

} // namespace ndisv

#endif

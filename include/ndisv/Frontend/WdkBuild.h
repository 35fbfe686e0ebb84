//===- ndisv/Frontend/WdkBuild.h - Reading WDK 7 `sources` files -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Drivers built with the WDK 7 build utility (build.exe) have no project
// file: a `sources` file, in nmake syntax, names the sources (SOURCES),
// the include directories (INCLUDES) and the macros (C_DEFINES), often
// under `!if` conditions and with `!include`d fragments. Many public NDIS 6
// miniports of the Windows 7 era still build that way. ndisv evaluates the
// part of nmake that decides those three, for a free (release) amd64 build
// targeting Windows 7, as the WDK 7.1 build environment sets it up.
//===----------------------------------------------------------------------===//
#ifndef NDISV_FRONTEND_WDKBUILD_H
#define NDISV_FRONTEND_WDKBUILD_H

#include "ndisv/Frontend/Frontend.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ndisv {
namespace wdkbuild {

/// What a `sources` file says about its compile, after nmake evaluation.
struct SourcesFile {
  std::vector<std::string> Sources;     // SOURCES and AMD64_SOURCES, as written
  std::vector<std::string> IncludeDirs; // INCLUDES, as written (';'-separated)
  std::vector<std::string> Defines;     // -D/-U words of C_DEFINES and USER_C_FLAGS
  std::string TargetType;               // TARGETTYPE (DRIVER, EXPORT_DRIVER, ...)
  std::vector<std::string> TraceFunctions; // RUN_WPP's -func: names
  std::vector<std::string> WppScanFiles;   // RUN_WPP's -scan: files, as written
  /// Macros referenced but defined neither by the file nor by the build
  /// environment (each expands to nothing, as in nmake).
  std::vector<std::string> Undefined;
  std::vector<std::string> Notes; // `!include`s not found, `!message`s
};

/// The macros the WDK 7.1 build environment defines for `setenv <WDK>
/// fre x64 WIN7` (FREEBUILD, AMD64, _BUILDARCH, _NT_TARGET_VERSION and the
/// _NT_TARGET_VERSION_* constants, DDK_TARGET_OS, BUILD_ALT_DIR, O, ...).
llvm::StringMap<std::string> buildEnvironment();

/// Reads an `!include`d file: its text, or nothing when it does not exist.
using FileReader = std::function<std::optional<std::string>(const std::string &Path)>;

/// Evaluates the nmake text \p Text of the file \p Path (directives `!if`,
/// `!ifdef`, `!ifndef`, `!else`, `!elseif`, `!endif`, `!include`,
/// `!undef`, `!message`, `!error`; macro definitions with $(NAME) and
/// $(NAME:a=b) expanded; `\` continuations; `#` comments) starting from
/// the macros \p Env. Errors name the file and line.
llvm::Expected<SourcesFile> parseSources(llvm::StringRef Text, llvm::StringRef Path,
                                         llvm::StringMap<std::string> Env,
                                         const FileReader &Read);

/// Whether \p Path names a `sources` file (any case, no extension).
bool isSourcesFile(llvm::StringRef Path);

/// Compile jobs for the C and C++ sources of the `sources` file at \p Path:
/// its INCLUDES (those that do not exist here dropped with a note), its
/// C_DEFINES and the Windows version macros of the build environment.
llvm::Expected<std::vector<CompileJob>> loadSources(llvm::StringRef Path,
                                                    const FrontendOptions &Opts);

} // namespace wdkbuild
} // namespace ndisv

#endif

//===- Wpp.h - Compiling WPP-traced drivers without tracewpp ---*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// WPP tracing is generated at build time: tracewpp writes x.tmh for each
// source and turns the trace functions declared in `begin_wpp config`
// comments into macros. Neither exists outside the WDK build, and tracing
// never affects the NDIS lifecycle, so ndisv makes the missing .tmh files
// empty and every trace call a no-op.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_FRONTEND_WPP_H
#define NDISV_LIB_FRONTEND_WPP_H

#include "ndisv/Frontend/Frontend.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace ndisv {

struct WppScan {
  /// The sources mention WPP_ or include a .tmh, or the project enables WPP.
  bool UsesWpp = false;
  /// Trace macros to define as no-ops: the project's, the begin_wpp FUNCs.
  std::vector<std::string> TraceFunctions;
  /// Absolute paths at which an empty .tmh stands in for the generated one.
  std::vector<std::string> MissingTmh;
};

/// Reads the job's source and the local headers it includes ("..." includes
/// found beside the includer or in the job's -I directories, not the model's).
WppScan scanForWpp(const CompileJob &Job, const FrontendOptions &Opts);

/// The FUNC names declared in begin_wpp config ... end_wpp blocks of \p Text.
std::vector<std::string> wppConfigFunctions(llvm::StringRef Text);

/// Extra clang arguments for a job that uses WPP: -include of the model's
/// wpp-support.h and one variadic no-op macro per trace function.
std::vector<std::string> wppArgs(const WppScan &Scan, const FrontendOptions &Opts);

/// Rel (with Windows or POSIX separators) made absolute against Dir, dots
/// removed, and, if it does not exist as written, the path on disk Windows
/// would find (case ignored). Shared by the WPP scanner and the project readers.
std::string absolutePath(llvm::StringRef Dir, llvm::StringRef Rel);

/// Whether \p Path is a C or C++ source by its extension (.c, .cpp, .cc,
/// .cxx, any case), as build.exe and MSBuild compile them.
bool isCSource(llvm::StringRef Path);

} // namespace ndisv

#endif

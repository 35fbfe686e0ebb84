//===- ndisv/Check/Check.h - The `ndisv check` pipeline ---------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// frontend -> program -> harness + rules -> results. The tool only parses
// options and prints; everything worth testing happens here.
//===----------------------------------------------------------------------===//
#ifndef NDISV_CHECK_CHECK_H
#define NDISV_CHECK_CHECK_H

#include "ndisv/Engine/Executor.h"
#include "ndisv/Frontend/Frontend.h"
#include "ndisv/Report/Results.h"
#include "ndisv/Rules/Rule.h"
#include <functional>

namespace ndisv {

/// Where a run is, for a progress line on a terminal. Called on the thread
/// that called runCheck, between steps, never from a worker.
struct CheckProgress {
  enum class Phase { Compiling, Linking, Checking };
  Phase P = Phase::Compiling;
  unsigned Done = 0, Total = 0; // Compiling: TUs before Item; Checking: rules
  std::string Item;             // Compiling: the first TU of the batch
};

struct CheckOptions {
  std::vector<std::string> Inputs;
  std::string RuleSelection;          // --rules
  std::vector<std::string> RuleFiles; // --rule-file
  FrontendOptions Frontend;           // Roles and ModelIncludeDir are filled in by runCheck
  std::string DataDir;                // holds model/ and rules/
  unsigned Threads = 1;
  bool EntryPointsOnly = false; // stop after finding the role functions
  engine::Budget Budget;
  std::function<void(const CheckProgress &)> Progress; // unset: no progress
};

struct CheckOutcome {
  Results R;
  /// 0 no defect, 1 defect, 2 nothing could be verified.
  int ExitCode = 0;
  /// Every file a -verify run should read expectations from.
  std::vector<std::string> SourceFiles;
  /// The names of every rule loaded, checked or not (suppression comments may name any).
  std::vector<std::string> KnownRules;
  /// Problems with the command line that do not stop the run (SDV rules
  /// named that ndisv does not implement), for stderr.
  std::vector<std::string> Warnings;
  /// Every TU compiled and none holds a MiniportInitializeEx: not an NDIS
  /// miniport (a solution's other drivers and libraries are skipped so).
  bool NoMiniport = false;
};

/// Where the model, rules and rule pages are: $NDISV_DATA_DIR if set, else
/// ../share/ndisv beside the executable (in an installed tree or the build
/// tree). The error names every place searched.
llvm::Expected<std::string> findDataDir(const char *Argv0);

/// Clang's resource headers (stddef.h, intrinsics): DataDir/clang, else
/// ../share/ndisv/clang beside the executable (a copy in an installed tree,
/// a link to LLVM's in the build tree). The error names every place searched.
llvm::Expected<std::string> findResourceDir(const char *Argv0, llvm::StringRef DataDir);

/// Every rule file in DataDir/rules plus Extra, parsed and sorted by name.
llvm::Expected<std::vector<rules::Rule>> loadRules(llvm::StringRef DataDir,
                                                   const std::vector<std::string> &Extra);

CheckOutcome runCheck(const CheckOptions &Opts);

} // namespace ndisv

#endif

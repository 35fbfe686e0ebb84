//===- ndisv/Frontend/MSBuild.h - Reading .vcxproj projects ------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Driver projects are MSBuild files, and the include paths and macros a
// driver needs are only written there. ndisv evaluates the small part of
// MSBuild that decides them — properties, conditions for one configuration
// and platform, item definitions, ClCompile items, local .props imports —
// without Visual Studio or the WDK. Anything it cannot evaluate (WDK
// properties, property functions) is dropped with a note rather than
// guessed, because the model headers stand in for the WDK anyway.
//===----------------------------------------------------------------------===//
#ifndef NDISV_FRONTEND_MSBUILD_H
#define NDISV_FRONTEND_MSBUILD_H

#include "ndisv/Frontend/Frontend.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace ndisv {
namespace msbuild {

/// MSBuild properties; names are case-insensitive, so keys are lower case.
class Properties {
public:
  void set(llvm::StringRef Name, llvm::StringRef Value);
  /// Null when the property is not defined, neither by the project nor as
  /// an environment variable (MSBuild's initial properties).
  const std::string *get(llvm::StringRef Name) const;

private:
  llvm::StringMap<std::string> Map;
  mutable llvm::StringMap<std::string> Env; // environment values looked up

};

/// Longest value a property expands to: past it expansion stops, and the
/// project reader reports the property (one that doubles itself would
/// otherwise eat all memory).
constexpr size_t MaxExpansionBytes = 1 << 20;
/// Deepest nesting of '!' and parentheses in a condition.
constexpr unsigned MaxConditionNesting = 200;

/// Replaces each $(Name) by its value. A reference that is not a defined
/// property (or is a property function such as $([MSBuild]::...)) expands
/// to nothing, as in MSBuild, and its text is added to \p Unresolved; with
/// \p KeepUnresolved it stays as written, to be reported later.
std::string expandProperties(llvm::StringRef Text, const Properties &Props,
                             std::vector<std::string> *Unresolved = nullptr,
                             bool KeepUnresolved = false);

/// Evaluates an MSBuild Condition: quoted operands with $(...) expanded,
/// ==, !=, <, >, <=, >=, !, And, Or, parentheses, Exists('path') (relative
/// to \p BaseDir) and HasTrailingSlash('x'). String comparison ignores
/// case, as MSBuild's does. An empty condition is true. Errors describe the
/// syntax that could not be read.
llvm::Expected<bool> evaluateCondition(llvm::StringRef Condition, const Properties &Props,
                                       llvm::StringRef BaseDir = "");

/// Compile jobs for the ClCompile items of the project at \p Path in the
/// configuration and platform of \p Opts. Unresolvable include directories
/// are dropped and reported through Opts.Note. Errors name the file (and
/// the line for malformed XML).
llvm::Expected<std::vector<CompileJob>> loadProject(llvm::StringRef Path,
                                                    const FrontendOptions &Opts);

/// The ConfigurationType property of the project at \p Path in the
/// configuration of \p Opts ("Driver", "Application", "StaticLibrary", ...;
/// empty if the project does not set it).
llvm::Expected<std::string> configurationType(llvm::StringRef Path, const FrontendOptions &Opts);

/// One project of a Visual Studio solution.
struct SolutionProject {
  std::string Name;     // as the solution names it
  std::string Path;     // beside the solution, resolved as on Windows; may not exist
  unsigned Line = 0;    // of its Project(...) line
  /// The project configuration the solution's maps it to (ActiveCfg); the
  /// solution's own names when the solution maps none.
  std::string Configuration, Platform;
  bool Build = true; // Build.0 is set for the solution configuration
};

struct Solution {
  std::string Configuration, Platform;   // the solution configuration chosen
  std::vector<SolutionProject> Projects; // the .vcxproj projects, in order
  /// Said on stderr: the configuration chosen when the one asked for is not
  /// listed, projects of other kinds that are not run.
  std::vector<std::string> Notes;
};

/// Reads the solution \p Text (the file \p Path) for the solution
/// configuration \p Configuration|\p Platform, or, if the solution does not
/// list it, its own release configuration for x64 (chosen as for a project).
/// A malformed Project, configuration or mapping line is an error naming
/// the file and line.
llvm::Expected<Solution> parseSolution(llvm::StringRef Text, llvm::StringRef Path,
                                       llvm::StringRef Configuration, llvm::StringRef Platform);
llvm::Expected<Solution> loadSolution(llvm::StringRef Path, const FrontendOptions &Opts);

} // namespace msbuild
} // namespace ndisv

#endif

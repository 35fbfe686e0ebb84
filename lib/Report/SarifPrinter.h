//===- SarifPrinter.h - The SARIF log writer's state -----------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Private to lib/Report: SarifWriter.cpp writes the log's runs, results and
// code flows; SarifRules.cpp the rule descriptors (their help text and
// default severity from the rules' documentation pages).
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_REPORT_SARIFPRINTER_H
#define NDISV_LIB_REPORT_SARIFPRINTER_H

#include "ndisv/Report/Writers.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace ndisv {
namespace sarif {

using llvm::StringRef;
using llvm::json::OStream;

/// A file: URI for an absolute path.
std::string fileUri(StringRef AbsPath);
/// The severity a rule's violation has by default (SarifRules.cpp).
const char *defaultLevel(const RuleResult &RR);


struct ArtifactUri {
  std::string Uri;
  std::string Display; // the path for messages: relative when Uri is
  bool Relative = false; // relative to SRCROOT, the source root
};

/// Writes the log. Keeps the source root and the URIs it has already
/// computed, since every trace step repeats the same few files.
class SarifPrinter {
public:
  SarifPrinter(llvm::raw_ostream &OS, const SarifOptions &Opts)
      : J(OS, 2), Opts(Opts) {
    llvm::SmallString<256> Dir(Opts.SourceRoot);
    if (Dir.empty() ? llvm::sys::fs::current_path(Dir)
                    : llvm::sys::fs::make_absolute(Dir))
      return;
    llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    while (Dir.size() > 1 && llvm::sys::path::is_separator(Dir.back()))
      Dir.pop_back();
    Root = std::string(Dir.str());
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Root, Real))
      RealRoot = std::string(Real.str());
  }

  void print(const std::vector<SarifRun> &Runs);

private:
  const ArtifactUri &uriOf(StringRef File);
  void physicalLocation(const SourceLoc &Loc);
  void message(StringRef Text) {
    J.attributeObject("message", [&] { J.attribute("text", Text); });
  }
  bool relativeTo(StringRef Dir, StringRef AbsPath, ArtifactUri &A);
  void tool(const Results &R);
  void ruleDescriptor(const RuleResult &RR);
  void invocation(const Results &R);
  void result(const Defect &D, size_t RuleIndex, const char *Level);
  void threadFlowLocation(const TraceStep &S);
  void runProperties(const Results &R);
  void run(const SarifRun &Run);

  OStream J;
  const SarifOptions &Opts;
  std::string Root;     // absolute, no trailing separator; "" if unknown
  std::string RealRoot; // Root with symbolic links resolved
  llvm::StringMap<ArtifactUri> Uris;
  std::vector<std::string> RuleIds; // R.Rules, then rules only defects name
  int ExitCode = 0;                 // of the run being printed
};

} // namespace sarif
} // namespace ndisv

#endif

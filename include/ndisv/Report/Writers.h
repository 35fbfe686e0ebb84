//===- ndisv/Report/Writers.h - Text, SARIF and -verify output --*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#ifndef NDISV_REPORT_WRITERS_H
#define NDISV_REPORT_WRITERS_H

#include "ndisv/Report/Results.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace ndisv {

struct TextOptions {
  bool Color = false;
};

/// gcc/clang style: "file:line:col: warning: [Rule] message" then indented
/// "file:line:col: note: step" lines, TU errors, and one verdict line per rule.
void writeText(const Results &R, llvm::raw_ostream &OS, const TextOptions &Opts = {});

/// SARIF 2.1.0. ruleId is the rule name; each result carries its trace in
/// codeFlows; runs[0].properties.ruleVerdicts maps rule -> verdict name.
void writeSarif(const Results &R, llvm::raw_ostream &OS, const std::string &ToolVersion);

/// The SARIF partialFingerprints["ndisvDefect/v1"] of D: a hash of the rule,
/// the message, the file's base name and the messages of the Event steps, so
/// that it survives edits that only move lines.
std::string defectFingerprint(const Defect &D);

/// clang -verify style check of the expectations written in the driver
/// sources (see docs/testing.md). Prints every mismatch to OS; returns true
/// when everything expected was produced and nothing unexpected was.
bool verifyExpectations(const Results &R, const std::vector<std::string> &SourceFiles,
                        llvm::raw_ostream &OS);

} // namespace ndisv

#endif

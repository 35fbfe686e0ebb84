//===- ndisv/ReportHtml/HtmlReport.h - The HTML report ----------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// A directory of self-contained pages a person opens in a browser: index.html
// (entry points, translation units, one verdict per rule, the resource
// lifecycle map) and defect-N.html, one per defect, drawing its trace over the
// syntax-highlighted sources. It reads only Results and the source files; the
// sources go through Clang's own HTML rewriter (escaping, line numbers,
// highlighting), which is why this library links Clang.
//===----------------------------------------------------------------------===//
#ifndef NDISV_REPORTHTML_HTMLREPORT_H
#define NDISV_REPORTHTML_HTMLREPORT_H

#include "ndisv/Report/Results.h"
#include "llvm/Support/Error.h"
#include <string>

namespace ndisv {

struct HtmlOptions {
  std::string ToolVersion; // shown in the footer
};

/// Writes index.html and defect-1.html ... defect-N.html (in Results::Defects
/// order) into Dir, creating it. The output depends on R and the sources
/// only: no time stamps, so two runs on the same input give the same bytes.
llvm::Error writeHtmlReport(const Results &R, llvm::StringRef Dir, const HtmlOptions &Opts = {});

} // namespace ndisv

#endif

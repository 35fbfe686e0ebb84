//===- HtmlCommon.h - Shared pieces of the HTML report ----------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Escaping, the inline style sheet, page framing and the highlighted-source
// cache shared by index.html and the defect pages. Everything that reaches a
// page from the driver or from a message goes through esc() or Clang's
// EscapeText; nothing is written raw.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_REPORTHTML_HTMLCOMMON_H
#define NDISV_LIB_REPORTHTML_HTMLCOMMON_H

#include "ndisv/Report/Results.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ndisv::html {

/// Text or attribute value: & < > " ' become entities.
std::string esc(llvm::StringRef S);

/// Paths as the report shows them: relative to the deepest directory common
/// to every file the report names, so pages do not repeat a long prefix.
class PathNames {
public:
  explicit PathNames(const Results &R);
  std::string show(llvm::StringRef File) const;
  std::string at(const SourceLoc &L) const; // "dir/file.c:12:3"

private:
  std::string Root; // ends with '/' or is empty
};

/// One source file after Clang's HTML rewriter: Lines[K] is the escaped,
/// highlighted text of line K+1 (no row markup).
struct HighlightedFile {
  bool Ok = false;
  std::string Error;
  std::vector<std::string> Lines;
};

/// Runs Clang's html::EscapeText, AddLineNumbers and SyntaxHighlight over
/// files, each read once, with C or C++ keywords by extension.
class SourceHighlighter {
public:
  SourceHighlighter();
  ~SourceHighlighter();
  const HighlightedFile &get(const std::string &Path);

private:
  struct Impl;
  std::unique_ptr<Impl> P;
  std::map<std::string, HighlightedFile> Cache;
};

void beginPage(llvm::raw_ostream &OS, llvm::StringRef Title);
void endPage(llvm::raw_ostream &OS, llvm::StringRef ToolVersion);

/// The defect page file name for Results::Defects[Index].
std::string defectPage(unsigned Index);

/// One defect page.
void writeDefectPage(const Results &R, unsigned Index, const PathNames &Names,
                     SourceHighlighter &Src, llvm::StringRef ToolVersion, llvm::raw_ostream &OS);

} // namespace ndisv::html

#endif

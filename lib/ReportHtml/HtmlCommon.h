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

/// The report's defects, one per bug (#12): an SDV rule's defect and the
/// per-handle twins pairTwinDefects tied to it are one entry, one page and
/// one count, as they are one diagnostic in the text report. A twin whose
/// SDV defect is suppressed or in the baseline while it is not (or the
/// other way round) stays an entry of its own, as the text report prints it.
struct Bugs {
  explicit Bugs(const Results &R);
  /// Indices into Results::Defects; the first names the entry, the others
  /// are its twins.
  std::vector<std::vector<unsigned>> Entries;
  std::vector<unsigned> EntryOf; // Results::Defects index -> entry
  /// "Init_RegisterInterrupt, ndisv_Init_Interrupt"
  std::string rules(const Results &R, unsigned Entry) const;
  size_t reportable(const Results &R) const;
};

/// The defect page file name of entry Index of Bugs.
std::string defectPage(unsigned Index);

/// One defect page: entry Index of Bugs.
void writeDefectPage(const Results &R, const Bugs &B, unsigned Index, const PathNames &Names,
                     SourceHighlighter &Src, llvm::StringRef ToolVersion, llvm::raw_ostream &OS);

} // namespace ndisv::html

#endif

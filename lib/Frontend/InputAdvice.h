//===- InputAdvice.h - Errors that say what to do ----------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Private to lib/Frontend. What a user sees when a TU does not compile
// should lead to the fix, not only to the symptom:
//  - a TU that includes <ndis.h> with no NDIS version macro defined (a
//    folder or compile DB without the project's macros) fails in ways that
//    name neither; one line first says which macros to pass;
//  - a header found nowhere is named with the two ways out (the WDK's
//    headers, or the directory of the driver's own);
//  - the first error shows its source line and caret, as Clang prints it.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_FRONTEND_INPUTADVICE_H
#define NDISV_LIB_FRONTEND_INPUTADVICE_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/Preprocessor.h"
#include <string>

namespace ndisv {

/// Whether <ndis.h> came in without a version macro, and where.
struct NdisVersionCheck {
  bool Missing = false;
  std::string File; // of the #include
  unsigned Line = 0, Col = 0;
};

/// Watches \p PP for the first entry into ndis.h and records in \p Out
/// whether any NDISxxx_MINIPORT or NDISxxx macro was defined then.
void watchNdisVersion(clang::Preprocessor &PP, NdisVersionCheck &Out);

/// The one line said first when \p C found <ndis.h> without a version.
std::string missingNdisVersionMessage();

/// Advice appended to "'x.h' file not found".
std::string missingHeaderAdvice(llvm::StringRef Header);

/// The source line and caret of \p Info as Clang prints them ("  12 |
/// code" and "     |   ^"), or "" without a file location.
std::string snippetOf(const clang::Diagnostic &Info, const clang::LangOptions &LO);

} // namespace ndisv

#endif

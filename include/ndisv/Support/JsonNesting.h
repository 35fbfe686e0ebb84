//===- ndisv/Support/JsonNesting.h - Bound JSON nesting ---------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// llvm::json::parse recurses once per '[' or '{': a file nested deeply
// enough overflows the stack. Readers check the depth first.
//===----------------------------------------------------------------------===//
#ifndef NDISV_SUPPORT_JSONNESTING_H
#define NDISV_SUPPORT_JSONNESTING_H

#include "llvm/ADT/StringRef.h"

namespace ndisv {

constexpr unsigned MaxJsonNesting = 256;

/// The line (1-based) where \p Text nests arrays and objects deeper than
/// MaxJsonNesting, or 0. Brackets inside strings do not count.
inline unsigned jsonTooDeepAt(llvm::StringRef Text) {
  unsigned Depth = 0, Line = 1;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\n')
      ++Line;
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
    } else if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > MaxJsonNesting)
        return Line;
    } else if ((C == ']' || C == '}') && Depth) {
      --Depth;
    }
  }
  return 0;
}

} // namespace ndisv

#endif

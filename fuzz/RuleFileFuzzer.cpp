//===- RuleFileFuzzer.cpp - libFuzzer target: the rule-file parser -------===//
// SPDX-License-Identifier: Apache-2.0
//
// Any bytes: parseRule returns a rule or an error, never crashes, hangs or
// trips a sanitizer.
//===----------------------------------------------------------------------===//
#include "ndisv/Rules/Rule.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<ndisv::rules::Rule> R = ndisv::rules::parseRule(Text, "fuzz.rule");
  if (!R)
    llvm::consumeError(R.takeError());
  return 0;
}

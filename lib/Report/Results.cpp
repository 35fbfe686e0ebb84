//===- Results.cpp - Verdict names and results queries ------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The verdict spellings are part of the output contract (text summary, SARIF
// ruleVerdicts, expected-verdict comments), so they live in one place.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Results.h"

using namespace ndisv;

const char *ndisv::verdictName(Verdict V) {
  switch (V) {
  case Verdict::Pass:
    return "pass";
  case Verdict::Defect:
    return "defect";
  case Verdict::NotApplicable:
    return "not-applicable";
  case Verdict::Inconclusive:
    return "inconclusive";
  }
  return "inconclusive";
}

std::optional<Verdict> ndisv::verdictFromName(const std::string &Name) {
  for (Verdict V : {Verdict::Pass, Verdict::Defect, Verdict::NotApplicable,
                    Verdict::Inconclusive})
    if (Name == verdictName(V))
      return V;
  return std::nullopt;
}

unsigned Results::compiledCount() const {
  unsigned N = 0;
  for (const TranslationUnitResult &TU : TUs)
    if (TU.Compiled)
      ++N;
  return N;
}

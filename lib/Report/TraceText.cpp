//===- TraceText.cpp - Traces as a person reads them --------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A loop that allocates eight locks leaves eight identical steps; a reader
// wants "NdisAllocateRWLock succeeds ×8 (iterations 1-8)". Steps inside a
// loop say which iteration they belong to. Done once on the results model,
// so the text, SARIF and HTML reports read the same words.
//===----------------------------------------------------------------------===//
#include "ndisv/Report/Filters.h"

using namespace ndisv;

namespace {
bool sameStep(const TraceStep &A, const TraceStep &B) {
  return A.K == B.K && A.Message == B.Message && A.Depth == B.Depth && A.Loc.File == B.Loc.File &&
         A.Loc.Line == B.Loc.Line && A.Loc.Col == B.Loc.Col;
}
} // namespace

void ndisv::collapseTraceRepeats(std::vector<TraceStep> &Trace) {
  std::vector<TraceStep> Out;
  for (size_t I = 0; I < Trace.size();) {
    size_t J = I + 1;
    while (J < Trace.size() && sameStep(Trace[I], Trace[J]))
      ++J;
    TraceStep S = std::move(Trace[I]);
    unsigned First = S.Iteration, Last = Trace[J - 1].Iteration;
    if (J - I > 1) {
      S.Message += " \u00d7" + std::to_string(J - I);
      if (First && Last && Last != First)
        S.Message += " (iterations " + std::to_string(First) + "-" + std::to_string(Last) + ")";
      else if (First)
        S.Message += " (iteration " + std::to_string(First) + ")";
    } else if (First) {
      S.Message += " (iteration " + std::to_string(First) + ")";
    }
    S.Iteration = 0; // now in the message
    Out.push_back(std::move(S));
    I = J;
  }
  Trace = std::move(Out);
}

void ndisv::collapseTraceRepeats(Results &R) {
  for (Defect &D : R.Defects)
    collapseTraceRepeats(D.Trace);
}

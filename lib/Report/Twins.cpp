//===- Twins.cpp - One report per bug: SDV rules and per-handle twins ----===//
// SPDX-License-Identifier: Apache-2.0
//
// A lifecycle leak is usually caught twice: by the SDV-named rule
// (Init_RegisterInterrupt) and by ndisv's per-handle rule for the same
// resource (ndisv_Init_Interrupt), on the same path, at the same exit. Both
// verdicts stay, and SARIF keeps one result per rule (code scanning filters
// by rule), but a person reads one diagnostic naming both rules.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Filters.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

using namespace ndisv;
using llvm::StringRef;

/// "MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx"
/// of "... for the interrupt registered by ...": what was left undone,
/// without which resource it names.
static StringRef leakKey(StringRef Message) {
  size_t For = Message.find(" for ");
  return For == StringRef::npos ? StringRef() : Message.take_front(For);
}

/// The same path: every step but the rules' own notes (which each rule words
/// its own way) is the same, so the two traces end at the same exit after
/// the same choices. Two leaks found on different paths stay two reports.
static bool samePath(const Defect &A, const Defect &B) {
  auto Next = [](const std::vector<TraceStep> &T, size_t I) {
    while (I < T.size() && T[I].K == TraceStep::Kind::Event)
      ++I;
    return I;
  };
  size_t I = Next(A.Trace, 0), J = Next(B.Trace, 0);
  for (; I < A.Trace.size() && J < B.Trace.size();
       I = Next(A.Trace, I + 1), J = Next(B.Trace, J + 1)) {
    const TraceStep &X = A.Trace[I], &Y = B.Trace[J];
    if (X.K != Y.K || X.Message != Y.Message || X.Loc.File != Y.Loc.File ||
        X.Loc.Line != Y.Loc.Line || X.Loc.Col != Y.Loc.Col)
      return false;
  }
  return I == A.Trace.size() && J == B.Trace.size();
}

unsigned ndisv::pairTwinDefects(Results &R) {
  llvm::StringMap<const RuleResult *> Rules;
  for (const RuleResult &RR : R.Rules)
    Rules[RR.Rule] = &RR;
  auto IsPerHandle = [&](const Defect &D) {
    auto It = Rules.find(D.Rule);
    return It != Rules.end() && It->second->Origin == "ndisv" &&
           llvm::is_contained(It->second->Sets, "PerHandle");
  };
  auto IsSdv = [&](const Defect &D) {
    auto It = Rules.find(D.Rule);
    return It != Rules.end() && It->second->Origin == "sdv";
  };
  unsigned Paired = 0;
  for (Defect &Sdv : R.Defects) {
    if (!IsSdv(Sdv) || leakKey(Sdv.Message).empty())
      continue;
    for (Defect &Twin : R.Defects) {
      if (!Twin.TwinOf.empty() || !IsPerHandle(Twin) || Twin.Loc.File != Sdv.Loc.File ||
          Twin.Loc.Line != Sdv.Loc.Line || Twin.Loc.Col != Sdv.Loc.Col ||
          leakKey(Twin.Message) != leakKey(Sdv.Message) || !samePath(Sdv, Twin))
        continue;
      Twin.TwinOf = Sdv.Rule;
      Sdv.Twins.push_back(Twin.Rule);
      ++Paired;
      break;
    }
  }
  return Paired;
}

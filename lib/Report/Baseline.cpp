//===- Baseline.cpp - --baseline matching and the CI exit code ------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Adopting a verifier on an old driver must not fail every build on the
// defects everyone already knows: a baseline (the SARIF log of an earlier
// run) lists them by their partial fingerprints, which survive edits that
// only move lines, and only new defects are reported. The exit-code policy
// lives here too, beside the filters it depends on.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Filters.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "ndisv/Report/Writers.h"
#include "ndisv/Support/JsonNesting.h"
#include <map>

using namespace ndisv;
using llvm::StringRef;


llvm::Expected<std::vector<std::string>>
ndisv::parseBaseline(StringRef SarifText) {
  if (unsigned Line = jsonTooDeepAt(SarifText))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "line " + std::to_string(Line) + ": JSON nested more than " +
                                       std::to_string(MaxJsonNesting) + " levels deep");
  llvm::Expected<llvm::json::Value> Log = llvm::json::parse(SarifText);
  if (!Log)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not JSON: " + toString(Log.takeError()));
  const llvm::json::Object *Top = Log->getAsObject();
  const llvm::json::Array *Runs = Top ? Top->getArray("runs") : nullptr;
  if (!Runs)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a SARIF log: no \"runs\" array");
  std::vector<std::string> Out;
  for (const llvm::json::Value &Run : *Runs) {
    const llvm::json::Object *RunObj = Run.getAsObject();
    const llvm::json::Array *ResultsArr =
        RunObj ? RunObj->getArray("results") : nullptr;
    if (!ResultsArr)
      continue;
    for (const llvm::json::Value &Res : *ResultsArr) {
      const llvm::json::Object *ResObj = Res.getAsObject();
      const llvm::json::Object *FPs =
          ResObj ? ResObj->getObject("partialFingerprints") : nullptr;
      if (!FPs)
        continue;
      if (std::optional<StringRef> FP = FPs->getString(DefectFingerprintKey))
        Out.push_back(FP->str());
    }
  }
  return Out;
}

llvm::Expected<std::vector<std::string>> ndisv::readBaseline(StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return llvm::createStringError(Buf.getError(), "cannot read baseline '" +
                                                       Path + "': " +
                                                       Buf.getError().message());
  auto FPs = parseBaseline((*Buf)->getBuffer());
  if (!FPs)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "baseline '" + Path + "' is " +
                                       toString(FPs.takeError()));
  return FPs;
}

unsigned ndisv::applyBaseline(Results &R,
                              llvm::ArrayRef<std::string> Fingerprints) {
  std::map<std::string, unsigned> Left;
  for (const std::string &FP : Fingerprints)
    ++Left[FP];
  unsigned N = 0;
  for (Defect &D : R.Defects) {
    if (D.Suppressed || D.InBaseline)
      continue;
    auto It = Left.find(defectFingerprint(D));
    if (It == Left.end() || It->second == 0)
      continue;
    --It->second;
    D.InBaseline = true;
    ++N;
  }
  return N;
}

int ndisv::exitCodeFor(const Results &R, int PipelineCode, FailOn F) {
  if (PipelineCode == 2)
    return 2;
  for (const Defect &D : R.Defects)
    if (D.reportable())
      return 1;
  if (F == FailOn::Inconclusive)
    for (const RuleResult &RR : R.Rules)
      if (RR.V == Verdict::Inconclusive)
        return 1;
  return 0;
}

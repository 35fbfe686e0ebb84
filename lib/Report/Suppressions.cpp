//===- Suppressions.cpp - `// ndisv-suppress Rule: reason` comments -------===//
// SPDX-License-Identifier: Apache-2.0
//
// A reviewed defect is accepted where it happens, next to the code, with the
// reason a reviewer can read. It is never silent: suppressed defects stay in
// the SARIF log (as suppressions) and in the text summary, and a comment
// that cannot be trusted (no reason, unknown rule) is a warning and
// suppresses nothing.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Filters.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>

using namespace ndisv;
using llvm::StringRef;

static const char Marker[] = "ndisv-suppress";

/// Parses the text after the marker: "Rule: reason", "Rule reason", "Rule".
static void parseBody(StringRef Body, bool BlockComment, Suppression &S) {
  if (BlockComment) {
    size_t End = Body.find("*/");
    if (End != StringRef::npos)
      Body = Body.take_front(End);
  }
  Body = Body.ltrim();
  size_t NameEnd = 0;
  while (NameEnd < Body.size() &&
         (llvm::isAlnum(Body[NameEnd]) || Body[NameEnd] == '_'))
    ++NameEnd;
  S.Rule = Body.take_front(NameEnd).str();
  StringRef Rest = Body.drop_front(NameEnd).ltrim();
  Rest.consume_front(":");
  S.Reason = Rest.trim().str();
}

std::vector<Suppression> ndisv::parseSuppressions(StringRef Text,
                                                  StringRef File) {
  std::vector<Suppression> Out;
  unsigned LineNo = 0;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    ++LineNo;
    size_t At = Line.find(Marker);
    if (At == StringRef::npos)
      continue;
    // Only inside a comment: the marker in a string or identifier is code.
    StringRef Before = Line.take_front(At);
    size_t Slash = Before.rfind("//"), Block = Before.rfind("/*");
    if (Slash == StringRef::npos && Block == StringRef::npos)
      continue;
    StringRef After = Line.drop_front(At + sizeof(Marker) - 1);
    if (!After.empty() && !llvm::isSpace(After.front()) && After.front() != ':')
      continue; // "ndisv-suppressed" and the like are prose
    bool IsBlock = Block != StringRef::npos &&
                   (Slash == StringRef::npos || Block > Slash);
    Suppression S;
    S.File = File.str();
    S.Line = LineNo;
    S.Col = static_cast<unsigned>(IsBlock ? Block : Slash) + 1;
    parseBody(After.rtrim("\r"), IsBlock, S);
    Out.push_back(std::move(S));
  }
  return Out;
}

namespace {

/// The suppressions of each file read so far, keyed by the file's real path
/// so that two spellings of one file are read (and warned about) once.
class SuppressionIndex {
public:
  SuppressionIndex(Results &R, llvm::ArrayRef<std::string> KnownRules)
      : R(R), KnownRules(KnownRules) {}

  const std::vector<Suppression> &of(const std::string &File) {
    llvm::SmallString<256> Real;
    std::string Key =
        llvm::sys::fs::real_path(File, Real) ? File : std::string(Real.str());
    auto [It, Inserted] = ByFile.try_emplace(Key);
    if (!Inserted)
      return It->second;
    auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
    if (!Buf)
      return It->second; // no source, nothing suppressed
    for (Suppression &S : parseSuppressions((*Buf)->getBuffer(), File)) {
      if (check(S))
        It->second.push_back(std::move(S));
    }
    return It->second;
  }

private:
  /// Warns about a comment that cannot suppress anything; true if it can.
  bool check(const Suppression &S) {
    std::string Why;
    if (S.Rule.empty())
      Why = "suppression names no rule; write '// ndisv-suppress Rule: reason'";
    else if (!KnownRules.empty() && !llvm::is_contained(KnownRules, S.Rule))
      Why = "suppression names unknown rule '" + S.Rule + "'; it is ignored";
    else if (S.Reason.empty())
      Why = "suppression of " + S.Rule +
            " gives no reason; it is ignored (write '// ndisv-suppress " +
            S.Rule + ": reason')";
    if (Why.empty())
      return true;
    Diagnostic D;
    D.L = Diagnostic::Level::Warning;
    D.Loc = {S.File, S.Line, S.Col};
    D.Message = std::move(Why);
    R.ReportWarnings.push_back(std::move(D));
    return false;
  }

  Results &R;
  llvm::ArrayRef<std::string> KnownRules;
  std::map<std::string, std::vector<Suppression>> ByFile;
};

} // namespace

unsigned ndisv::applySuppressions(Results &R, llvm::ArrayRef<std::string> Files,
                                  llvm::ArrayRef<std::string> KnownRules) {
  size_t FirstWarning = R.ReportWarnings.size();
  SuppressionIndex Index(R, KnownRules);
  for (const std::string &F : Files)
    Index.of(F);
  unsigned N = 0;
  for (Defect &D : R.Defects) {
    if (!D.Loc.valid() || D.Suppressed)
      continue;
    for (const Suppression &S : Index.of(D.Loc.File)) {
      if (S.Rule != D.Rule || (S.Line != D.Loc.Line && S.Line + 1 != D.Loc.Line))
        continue;
      D.Suppressed = true;
      D.SuppressionReason = S.Reason;
      ++N;
      break;
    }
  }
  // Files come in directory order; warnings must not.
  std::stable_sort(R.ReportWarnings.begin() + FirstWarning,
                   R.ReportWarnings.end(),
                   [](const Diagnostic &A, const Diagnostic &B) {
                     return std::tie(A.Loc.File, A.Loc.Line, A.Loc.Col) <
                            std::tie(B.Loc.File, B.Loc.Line, B.Loc.Col);
                   });
  return N;
}

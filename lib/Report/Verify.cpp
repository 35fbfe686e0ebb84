//===- Verify.cpp - clang -verify style check of expected results -------===//
// SPDX-License-Identifier: Apache-2.0
//
// A test driver states what ndisv must report in comments on the lines
// concerned (docs/testing.md), the way clang's -verify tests state their
// diagnostics. Keeping the expectation next to the code it is about means a
// test cannot silently drift from its driver, and nothing about a test lives
// outside its sources.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Writers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <cstring>
#include <functional>
#include <tuple>

using namespace ndisv;
using llvm::StringRef;

namespace {

struct Expectation {
  enum class Kind { Defect, Note, Verdict };
  Kind K = Kind::Defect;
  size_t FileIdx = 0; // into the de-duplicated source files
  unsigned Line = 0;  // the line it is about (after @+N / @-N)
  std::string Rule;   // Defect (may be empty: any rule) and Verdict
  std::string Text;   // Defect and Note: a substring; Verdict: the verdict
};

bool isIdentChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// Calls OnComment(Text, Line) for every // and /* */ comment of a C or C++
/// source, Line being the line where the comment text starts. String and
/// character literals are skipped so that "//" inside them is not a comment.
class CommentScanner {
public:
  explicit CommentScanner(StringRef Buf) : B(Buf) {}

  template <typename Fn> void scan(Fn OnComment) {
    while (I < B.size()) {
      char C = B[I];
      char Next = I + 1 < B.size() ? B[I + 1] : '\0';
      if (C == '\n') {
        ++Line;
        ++I;
      } else if (C == '/' && Next == '/') {
        size_t End = I + 2;
        // A backslash at the end of the line continues the comment.
        while ((End = B.find('\n', End)) != StringRef::npos &&
               B.substr(0, End).rtrim('\r').ends_with("\\"))
          ++End;
        comment(B.slice(I + 2, End), OnComment);
      } else if (C == '/' && Next == '*') {
        size_t End = B.find("*/", I + 2);
        comment(B.slice(I + 2, End), OnComment);
        I = End == StringRef::npos ? B.size() : End + 2;
      } else if (C == 'R' && Next == '"' && isLiteralPrefix(I)) {
        rawString();
      } else if (C == '"' || (C == '\'' && isLiteralPrefix(I))) {
        quoted(C);
      } else {
        ++I;
      }
    }
  }

private:
  template <typename Fn> void comment(StringRef Text, Fn &OnComment) {
    OnComment(Text, Line);
    Line += Text.count('\n');
    I = Text.end() - B.begin();
  }

  /// Whether the identifier characters just before Pos, if any, are an
  /// encoding prefix (L, u, U, u8), so that a quote or R at Pos starts a
  /// literal rather than, say, ending a digit group like 1'000.
  bool isLiteralPrefix(size_t Pos) const {
    size_t Start = Pos;
    while (Start > 0 && isIdentChar(B[Start - 1]))
      --Start;
    StringRef Prefix = B.slice(Start, Pos);
    return Prefix.empty() || Prefix == "L" || Prefix == "u" || Prefix == "U" ||
           Prefix == "u8";
  }

  void quoted(char Quote) {
    for (++I; I < B.size() && B[I] != Quote && B[I] != '\n'; ++I)
      if (B[I] == '\\' && I + 1 < B.size()) {
        if (B[I + 1] == '\n')
          ++Line;
        ++I;
      }
    if (I < B.size() && B[I] == Quote)
      ++I;
  }

  void rawString() {
    size_t Open = B.find('(', I + 2);
    if (Open == StringRef::npos || Open - (I + 2) > 16) {
      I += 2; // not a raw string after all
      return;
    }
    std::string Close = (")" + B.slice(I + 2, Open) + "\"").str();
    size_t End = B.find(Close, Open + 1);
    End = End == StringRef::npos ? B.size() : End + Close.size();
    Line += B.slice(I, End).count('\n');
    I = End;
  }

  StringRef B;
  size_t I = 0;
  unsigned Line = 1;
};

class Verifier {
public:
  Verifier(const Results &R, llvm::raw_ostream &OS) : R(R), OS(OS) {}
  bool run(const std::vector<std::string> &SourceFiles);

private:
  std::string canonical(StringRef Path);
  int fileIndexOf(StringRef Path);
  void parseFile(size_t FileIdx, StringRef Buf);
  void parseComment(size_t FileIdx, StringRef Text, unsigned Line);
  bool addExpectation(Expectation::Kind K, size_t FileIdx, unsigned Line,
                      StringRef Body);
  void checkDefects();
  void checkNotes();
  void checkVerdicts();
  void error(const llvm::Twine &Message) {
    OS << "error: " << Message << '\n';
    Failed = true;
  }
  std::string where(size_t FileIdx, unsigned Line) const {
    return Files[FileIdx] + ":" + std::to_string(Line);
  }

  const Results &R;
  llvm::raw_ostream &OS;
  std::vector<std::string> Files; // as given, without duplicates
  std::vector<std::string> Keys;  // their canonical paths
  llvm::StringMap<std::string> CanonicalCache;
  std::vector<Expectation> Expected;
  bool Failed = false;
};

} // namespace

/// The real path when the file exists, else the absolute path without
/// "." and "..", so that "./a.c", "a.c" and "/src/a.c" compare equal.
std::string Verifier::canonical(StringRef Path) {
  auto [It, Inserted] = CanonicalCache.try_emplace(Path);
  if (!Inserted)
    return It->second;
  llvm::SmallString<256> P;
  if (llvm::sys::fs::real_path(Path, P)) {
    P = Path;
    llvm::sys::fs::make_absolute(P);
    llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  }
  It->second = std::string(P.str());
  return It->second;
}

int Verifier::fileIndexOf(StringRef Path) {
  if (Path.empty())
    return -1;
  std::string Key = canonical(Path);
  for (size_t I = 0; I < Keys.size(); ++I)
    if (Keys[I] == Key)
      return static_cast<int>(I);
  return -1;
}

void Verifier::parseFile(size_t FileIdx, StringRef Buf) {
  CommentScanner(Buf).scan([&](StringRef Text, unsigned Line) {
    parseComment(FileIdx, Text, Line);
  });
}

static constexpr struct {
  const char *Name;
  Expectation::Kind K;
} Directives[] = {{"expected-defect", Expectation::Kind::Defect},
                  {"expected-note", Expectation::Kind::Note},
                  {"expected-verdict", Expectation::Kind::Verdict}};

/// Parses every "expected-<kind>[@+N|@-N|@N] {{body}} [{{body}}...]" in one
/// comment.
void Verifier::parseComment(size_t FileIdx, StringRef Text, unsigned Line) {
  size_t P = 0;
  while ((P = Text.find("expected-", P)) != StringRef::npos) {
    size_t Start = P;
    P += strlen("expected-");
    if (Start > 0 && (isIdentChar(Text[Start - 1]) || Text[Start - 1] == '-'))
      continue;
    StringRef Rest = Text.drop_front(Start);
    const auto *D = llvm::find_if(Directives, [&](const auto &D) {
      StringRef Name(D.Name);
      return Rest.starts_with(Name) &&
             (Rest.size() == Name.size() ||
              !(isIdentChar(Rest[Name.size()]) || Rest[Name.size()] == '-'));
    });
    if (D == std::end(Directives))
      continue;
    StringRef Name(D->Name);
    unsigned DirectiveLine = Line + Text.take_front(Start).count('\n');
    std::string At = where(FileIdx, DirectiveLine);
    P = Start + Name.size();

    // The line it is about.
    int64_t Target = DirectiveLine;
    if (P < Text.size() && Text[P] == '@') {
      ++P;
      char Sign = P < Text.size() ? Text[P] : '\0';
      if (Sign == '+' || Sign == '-')
        ++P;
      size_t DigitsEnd = P;
      while (DigitsEnd < Text.size() && llvm::isDigit(Text[DigitsEnd]))
        ++DigitsEnd;
      unsigned long long N = 0;
      if (DigitsEnd == P ||
          llvm::getAsUnsignedInteger(Text.slice(P, DigitsEnd), 10, N) ||
          N > 1000000) {
        error(At + ": invalid line offset after '" + Name + "@'");
        continue;
      }
      P = DigitsEnd;
      Target = Sign == '+'   ? DirectiveLine + static_cast<int64_t>(N)
               : Sign == '-' ? DirectiveLine - static_cast<int64_t>(N)
                             : static_cast<int64_t>(N);
      if (Target < 1) {
        error(At + ": line offset of '" + Name + "' points before the file");
        continue;
      }
    }

    // One or more bodies.
    auto SkipSpace = [&](size_t From) {
      while (From < Text.size() && llvm::isSpace(Text[From]))
        ++From;
      return From;
    };
    size_t Q = SkipSpace(P);
    if (!Text.substr(Q).starts_with("{{")) {
      error(At + ": missing '{{' after '" + Name + "'");
      continue;
    }
    while (Text.substr(Q).starts_with("{{")) {
      size_t Close = Text.find("}}", Q + 2);
      if (Close == StringRef::npos) {
        error(At + ": '{{' without matching '}}' after '" + Name + "'");
        P = Text.size();
        break;
      }
      if (!addExpectation(D->K, FileIdx, static_cast<unsigned>(Target),
                          Text.slice(Q + 2, Close)))
        error(At +
              ": expected-verdict needs '{{Rule: verdict}}' with verdict "
              "pass, defect, not-applicable or inconclusive, got '{{" +
              Text.slice(Q + 2, Close) + "}}'");
      P = Close + 2;
      Q = SkipSpace(P);
    }
  }
}

bool Verifier::addExpectation(Expectation::Kind K, size_t FileIdx,
                              unsigned Line, StringRef Body) {
  Expectation E;
  E.K = K;
  E.FileIdx = FileIdx;
  E.Line = Line;
  Body = Body.trim();
  switch (K) {
  case Expectation::Kind::Defect:
    if (Body.starts_with("[") && Body.contains(']')) {
      size_t Close = Body.find(']');
      E.Rule = Body.slice(1, Close).trim().str();
      Body = Body.drop_front(Close + 1).trim();
    }
    E.Text = Body.str();
    break;
  case Expectation::Kind::Note:
    E.Text = Body.str();
    break;
  case Expectation::Kind::Verdict: {
    auto [Rule, V] = Body.split(':');
    Rule = Rule.trim();
    V = V.trim();
    if (Rule.empty() || !Body.contains(':') || !verdictFromName(V.str()))
      return false;
    E.Rule = Rule.str();
    E.Text = V.str();
    break;
  }
  }
  Expected.push_back(std::move(E));
  return true;
}

static std::string formatLoc(const SourceLoc &L) {
  if (L.File.empty())
    return "ndisv";
  std::string S = L.File;
  if (L.Line != 0) {
    S += ":" + std::to_string(L.Line);
    if (L.Col != 0)
      S += ":" + std::to_string(L.Col);
  }
  return S;
}

/// Pairs expected defects with reported ones so that as many as possible are
/// matched (a maximum bipartite matching, by augmenting paths): a loose
/// expectation must not take the only defect a stricter one could match.
void Verifier::checkDefects() {
  std::vector<size_t> Exps;
  for (size_t I = 0; I < Expected.size(); ++I)
    if (Expected[I].K == Expectation::Kind::Defect)
      Exps.push_back(I);

  std::vector<int> DefectFile;
  for (const Defect &D : R.Defects)
    DefectFile.push_back(D.Loc.valid() ? fileIndexOf(D.Loc.File) : -1);

  std::vector<std::vector<size_t>> Candidates(Exps.size());
  for (size_t E = 0; E < Exps.size(); ++E) {
    const Expectation &X = Expected[Exps[E]];
    for (size_t DI = 0; DI < R.Defects.size(); ++DI) {
      const Defect &D = R.Defects[DI];
      if (DefectFile[DI] == static_cast<int>(X.FileIdx) &&
          D.Loc.Line == X.Line && (X.Rule.empty() || X.Rule == D.Rule) &&
          StringRef(D.Message).contains(X.Text))
        Candidates[E].push_back(DI);
    }
  }

  std::vector<int> OwnerOf(R.Defects.size(), -1); // defect -> expectation
  std::vector<char> Visited;
  std::function<bool(size_t)> Augment = [&](size_t E) {
    for (size_t DI : Candidates[E]) {
      if (Visited[DI])
        continue;
      Visited[DI] = true;
      if (OwnerOf[DI] < 0 || Augment(OwnerOf[DI])) {
        OwnerOf[DI] = static_cast<int>(E);
        return true;
      }
    }
    return false;
  };
  std::vector<char> Matched(Exps.size(), false);
  for (size_t E = 0; E < Exps.size(); ++E) {
    Visited.assign(R.Defects.size(), false);
    Augment(E);
  }
  for (int Owner : OwnerOf)
    if (Owner >= 0)
      Matched[Owner] = true;

  for (size_t E = 0; E < Exps.size(); ++E) {
    if (Matched[E])
      continue;
    const Expectation &X = Expected[Exps[E]];
    std::string What = X.Rule.empty() ? X.Text : "[" + X.Rule + "] " + X.Text;
    error("'expected-defect' not seen: " + where(X.FileIdx, X.Line) + ": " +
          What);
  }
  for (size_t DI = 0; DI < R.Defects.size(); ++DI)
    if (OwnerOf[DI] < 0)
      error("unexpected defect: " + formatLoc(R.Defects[DI].Loc) + ": [" +
            R.Defects[DI].Rule + "] " + R.Defects[DI].Message);
}

void Verifier::checkNotes() {
  for (const Expectation &X : Expected) {
    if (X.K != Expectation::Kind::Note)
      continue;
    bool Seen = llvm::any_of(R.Defects, [&](const Defect &D) {
      return llvm::any_of(D.Trace, [&](const TraceStep &S) {
        return S.Loc.valid() && S.Loc.Line == X.Line &&
               StringRef(S.Message).contains(X.Text) &&
               fileIndexOf(S.Loc.File) == static_cast<int>(X.FileIdx);
      });
    });
    if (!Seen)
      error("'expected-note' not seen: " + where(X.FileIdx, X.Line) + ": " +
            X.Text);
  }
}

void Verifier::checkVerdicts() {
  llvm::StringMap<bool> Stated;
  for (const Expectation &X : Expected) {
    if (X.K != Expectation::Kind::Verdict)
      continue;
    Stated[X.Rule] = true;
    const RuleResult *RR = nullptr;
    for (const RuleResult &Candidate : R.Rules)
      if (Candidate.Rule == X.Rule) {
        RR = &Candidate;
        break;
      }
    if (!RR)
      error("expected-verdict for unknown or unchecked rule " + X.Rule);
    else if (X.Text != verdictName(RR->V))
      error("verdict of " + X.Rule + " is " + verdictName(RR->V) +
            ", expected " + X.Text);
  }
  // A driver states the verdicts it is about; any other checked rule must
  // pass or not apply, so a new rule's false alarm or inconclusive result
  // on an old driver still fails the test.
  for (const RuleResult &RR : R.Rules)
    if (!Stated.count(RR.Rule) && RR.V != Verdict::Pass && RR.V != Verdict::NotApplicable)
      error("no expected-verdict for rule " + RR.Rule + " (got " +
            verdictName(RR.V) + ")");
}

bool Verifier::run(const std::vector<std::string> &SourceFiles) {
  for (const std::string &F : SourceFiles) {
    std::string Key = canonical(F);
    if (llvm::is_contained(Keys, Key))
      continue;
    Files.push_back(F);
    Keys.push_back(Key);
  }
  for (size_t I = 0; I < Files.size(); ++I) {
    auto Buf = llvm::MemoryBuffer::getFile(Files[I], /*IsText=*/true);
    if (!Buf) {
      error("cannot read " + Files[I] + ": " + Buf.getError().message());
      continue;
    }
    parseFile(I, (*Buf)->getBuffer());
  }
  // Report in source order whatever order the comments were found in.
  std::stable_sort(Expected.begin(), Expected.end(),
                   [](const Expectation &A, const Expectation &B) {
                     return std::tie(A.FileIdx, A.Line) <
                            std::tie(B.FileIdx, B.Line);
                   });
  checkDefects();
  checkNotes();
  checkVerdicts();
  return !Failed;
}

bool ndisv::verifyExpectations(const Results &R,
                               const std::vector<std::string> &SourceFiles,
                               llvm::raw_ostream &OS) {
  return Verifier(R, OS).run(SourceFiles);
}

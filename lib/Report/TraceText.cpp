//===- TraceText.cpp - Traces as a person reads them --------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A loop that allocates eight locks leaves eight identical steps; a reader
// wants "NdisAllocateRWLock succeeds ×8 (iterations 1-8)". Steps inside a
// loop say which iteration they belong to. Done once on the results model,
// so the text, SARIF and HTML reports read the same words.
//===----------------------------------------------------------------------===//
#include "ndisv/Report/Filters.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <optional>

using namespace ndisv;
using llvm::StringRef;

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

namespace {
/// Source lines by file, read once.
class SourceLines {
public:
  /// The text of \p Loc's line from its column on; empty if unreadable.
  StringRef at(const SourceLoc &Loc) {
    const File &F = file(Loc.File);
    if (Loc.Line == 0 || Loc.Line > F.Lines.size())
      return {};
    StringRef Line = F.Lines[Loc.Line - 1];
    return Loc.Col ? Line.substr(Loc.Col - 1) : Line.ltrim();
  }
  /// Line \p N (1-based) of \p Path; empty past the end.
  StringRef line(StringRef Path, unsigned N) {
    const File &F = file(Path);
    return N && N <= F.Lines.size() ? F.Lines[N - 1] : StringRef();
  }
  unsigned lines(StringRef Path) { return file(Path).Lines.size(); }

private:
  struct File {
    std::unique_ptr<llvm::MemoryBuffer> Buf;
    llvm::SmallVector<StringRef, 0> Lines;
  };
  const File &file(StringRef Path) {
    auto [It, New] = Files.try_emplace(Path);
    if (New) {
      if (auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true)) {
        It->second.Buf = std::move(*Buf);
        for (StringRef Rest = It->second.Buf->getBuffer(); !Rest.empty();) {
          auto [Line, Next] = Rest.split('\n');
          It->second.Lines.push_back(Line);
          Rest = Next;
        }
      }
    }
    return It->second;
  }
  llvm::StringMap<File> Files;
};

bool startsWord(StringRef Text, StringRef Word) {
  return Text.starts_with(Word) &&
         (Text.size() == Word.size() || !(llvm::isAlnum(Text[Word.size()]) || Text[Word.size()] == '_'));
}

bool identChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// "GT_CHECK(Status, Out)" at the start of \p Text: a macro invocation
/// (a name that is no statement keyword, then its balanced arguments on
/// this line, or none); its name in \p Name. Empty if \p Text is not one.
StringRef macroCall(StringRef Text, StringRef &Name) {
  Name = Text.take_while(identChar);
  if (Name.empty() || llvm::isDigit(Name[0]) ||
      llvm::is_contained({"if", "else", "while", "for", "do", "switch", "return", "case", "default",
                          "continue", "goto", "break"},
                         Name))
    return {};
  StringRef Rest = Text.drop_front(Name.size());
  size_t Open = Rest.size() - Rest.ltrim().size();
  if (!Rest.ltrim().starts_with("("))
    return Rest.ltrim().starts_with(";") ? Name : StringRef();
  unsigned Depth = 0;
  for (size_t K = Open; K < Rest.size(); ++K) {
    Depth += Rest[K] == '(';
    if (Rest[K] == ')' && --Depth == 0)
      return Text.take_front(Name.size() + K + 1);
  }
  return {};
}

/// The jump a macro's body makes, from its #define in \p Path (with its
/// continuation lines): "goto Out" (the label, when the macro's parameter
/// names it, as the invocation's argument), "break", or "" when the body
/// has neither (its branches close an if: no jump in the source). None if
/// the file does not define it (a header's macro).
std::optional<std::string> macroJump(SourceLines &Src, StringRef Path, StringRef Name, StringRef Call) {
  for (unsigned N = 1, E = Src.lines(Path); N <= E; ++N) {
    StringRef L = Src.line(Path, N).ltrim();
    if (!L.consume_front("#") || !(L = L.ltrim()).consume_front("define"))
      continue;
    L = L.ltrim();
    if (!L.starts_with(Name) || (L.size() > Name.size() && identChar(L[Name.size()])))
      continue;
    std::string Body = L.drop_front(Name.size()).str();
    for (unsigned M = N + 1; StringRef(Body).rtrim().ends_with("\\") && M <= E; ++M)
      Body = StringRef(Body).rtrim().drop_back().str() + " " + Src.line(Path, M).str();
    // Parameters, and the invocation's arguments, to name a label passed in.
    std::vector<std::string> Params, Args;
    StringRef B = Body;
    if (B.consume_front("(")) {
      auto [List, After] = B.split(')');
      for (StringRef P : llvm::split(List, ','))
        Params.push_back(P.trim().str());
      B = After;
    }
    StringRef C = Call.drop_front(Name.size()).ltrim();
    if (C.consume_front("(") && C.consume_back(")"))
      for (StringRef A : llvm::split(C, ','))
        Args.push_back(A.trim().str());
    for (size_t K = 0; K < B.size(); ++K) {
      if (K && identChar(B[K - 1]))
        continue;
      StringRef At = B.drop_front(K);
      if (startsWord(At, "break"))
        return std::string("break");
      if (!startsWord(At, "goto"))
        continue;
      std::string Label = At.drop_front(4).ltrim().take_while(identChar).str();
      for (size_t P = 0; P < Params.size() && P < Args.size(); ++P)
        if (Params[P] == Label)
          Label = Args[P];
      return "goto " + Label;
    }
    return std::string();
  }
  return std::nullopt;
}
/// Whether a line strictly between \p From and line \p To holds code (not
/// blank, a comment, a brace or a label).
bool skipsCode(SourceLines &Src, const SourceLoc &From, unsigned To) {
  for (unsigned N = From.Line + 1; N < To; ++N) {
    StringRef L = Src.line(From.File, N).trim();
    if (L.empty() || L.starts_with("//") || L.starts_with("/*") || L.starts_with("*") || L == "{" ||
        L == "}" || (L.ends_with(":") && llvm::all_of(L.drop_back(), identChar)))
      continue;
    return true;
  }
  return false;
}
} // namespace

static void nameJumpsIn(std::vector<TraceStep> &Trace, SourceLines &Sources) {
  std::vector<TraceStep> Out;
  for (TraceStep &S : Trace) {
    StringRef Msg = S.Message;
    if (S.K != TraceStep::Kind::Branch || !Msg.consume_front("Jumping to line ")) {
      Out.push_back(std::move(S));
      continue;
    }
    std::string Line = Msg.str();
    StringRef Text = Sources.at(S.Loc);
    if (startsWord(Text, "goto")) {
      StringRef Label = Text.drop_front(4).ltrim().take_while(
          [](char C) { return llvm::isAlnum(C) || C == '_'; });
      S.Message = "'goto " + Label.str() + "' skips to line " + Line;
    } else if (startsWord(Text, "break")) {
      S.Message = "'break' skips to line " + Line;
    } else if (StringRef Name, Call = macroCall(Text, Name); !Call.empty()) {
      // Debug locations of a macro's code are its invocation's (the
      // expansion location): the jump is named by the invocation, with
      // what the macro's #define in this file says it does.
      std::optional<std::string> Jump = macroJump(Sources, S.Loc.File, Name, Call);
      if (Jump && Jump->empty())
        continue; // the macro's body has no goto or break
      // A macro defined elsewhere (a header): a jump only if it skips code,
      // not the end of a do/while(0) landing on the next statement.
      if (!Jump && !skipsCode(Sources, S.Loc, std::stoul(Line)))
        continue;
      S.Message = (Jump ? "'" + *Jump + "' in '" : "'") + Call.str() + "' skips to line " + Line;
    } else {
      continue; // the end of an if or a loop body, not a jump in the source
    }
    Out.push_back(std::move(S));
  }
  Trace = std::move(Out);
}

void ndisv::nameJumps(std::vector<TraceStep> &Trace) {
  SourceLines Sources;
  nameJumpsIn(Trace, Sources);
}

void ndisv::nameJumps(Results &R) {
  SourceLines Sources;
  for (Defect &D : R.Defects)
    nameJumpsIn(D.Trace, Sources);
}

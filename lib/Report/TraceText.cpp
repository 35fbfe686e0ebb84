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
    auto [It, New] = Files.try_emplace(Loc.File);
    if (New) {
      if (auto Buf = llvm::MemoryBuffer::getFile(Loc.File, /*IsText=*/true)) {
        It->second.Buf = std::move(*Buf);
        for (StringRef Rest = It->second.Buf->getBuffer(); !Rest.empty();) {
          auto [Line, Next] = Rest.split('\n');
          It->second.Lines.push_back(Line);
          Rest = Next;
        }
      }
    }
    const File &F = It->second;
    if (Loc.Line == 0 || Loc.Line > F.Lines.size())
      return {};
    StringRef Line = F.Lines[Loc.Line - 1];
    return Loc.Col ? Line.substr(Loc.Col - 1) : Line.ltrim();
  }

private:
  struct File {
    std::unique_ptr<llvm::MemoryBuffer> Buf;
    llvm::SmallVector<StringRef, 0> Lines;
  };
  llvm::StringMap<File> Files;
};

bool startsWord(StringRef Text, StringRef Word) {
  return Text.starts_with(Word) &&
         (Text.size() == Word.size() || !(llvm::isAlnum(Text[Word.size()]) || Text[Word.size()] == '_'));
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

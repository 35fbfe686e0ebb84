//===- InputAdvice.cpp - Errors that say what to do ----------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//

#include "InputAdvice.h"

#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/TextDiagnostic.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace llvm;

namespace ndisv {

namespace {

/// NDIS630_MINIPORT (a miniport) or NDIS630 (a protocol or filter driver).
bool isNdisVersionMacro(StringRef Name) {
  if (!Name.consume_front("NDIS"))
    return false;
  StringRef Digits = Name.take_while(isDigit);
  if (Digits.empty())
    return false;
  Name = Name.drop_front(Digits.size());
  return Name.empty() || Name == "_MINIPORT";
}

class NdisVersionWatch : public PPCallbacks {
public:
  NdisVersionWatch(Preprocessor &PP, NdisVersionCheck &Out) : PP(PP), Out(Out) {}

  void FileChanged(SourceLocation Loc, FileChangeReason Reason, SrcMgr::CharacteristicKind,
                   FileID) override {
    if (Done || Reason != EnterFile)
      return;
    SourceManager &SM = PP.getSourceManager();
    OptionalFileEntryRef F = SM.getFileEntryRefForID(SM.getFileID(Loc));
    if (!F || !sys::path::filename(F->getName()).equals_insensitive("ndis.h"))
      return;
    Done = true;
    for (const auto &M : PP.macros())
      if (isNdisVersionMacro(M.first->getName()) && PP.isMacroDefined(M.first))
        return;
    Out.Missing = true;
    PresumedLoc P = SM.getPresumedLoc(SM.getIncludeLoc(SM.getFileID(Loc)));
    if (P.isValid()) {
      Out.File = P.getFilename();
      Out.Line = P.getLine();
      Out.Col = P.getColumn();
    }
  }

private:
  Preprocessor &PP;
  NdisVersionCheck &Out;
  bool Done = false;
};

/// Clang's own snippet and caret, without the message line, the include
/// stack or macro notes around them.
class SnippetOnly : public TextDiagnostic {
public:
  using TextDiagnostic::TextDiagnostic;
  void snippet(FullSourceLoc Loc, DiagnosticsEngine::Level Level,
               SmallVectorImpl<CharSourceRange> &Ranges) {
    emitCodeContext(Loc, Level, Ranges, {});
  }
};

} // namespace

void watchNdisVersion(Preprocessor &PP, NdisVersionCheck &Out) {
  PP.addPPCallbacks(std::make_unique<NdisVersionWatch>(PP, Out));
}

std::string missingNdisVersionMessage() {
  return "<ndis.h> is included with no NDIS version macro defined: the driver's project "
         "file sets them; pass them, e.g. -DNDIS_MINIPORT_DRIVER=1 -DNDIS630_MINIPORT=1 "
         "(NDISxxx_MINIPORT for the NDIS version the driver is written for)";
}

std::string missingHeaderAdvice(StringRef Header) {
  return " (neither the model headers nor the include directories have it: if '" +
         Header.str() + "' is a WDK header, --wdk-include DIR uses the WDK's headers; if it "
         "is the driver's own or one its build generates, -I DIR adds its directory)";
}

std::string snippetOf(const clang::Diagnostic &Info, const LangOptions &LO) {
  if (!Info.hasSourceManager() || Info.getLocation().isInvalid())
    return "";
  const SourceManager &SM = Info.getSourceManager();
  SourceLocation L = SM.getExpansionLoc(Info.getLocation());
  SmallVector<CharSourceRange, 4> Ranges;
  for (const CharSourceRange &R : Info.getRanges())
    if (R.getBegin().isFileID() && R.getEnd().isFileID() &&
        SM.getFileID(R.getBegin()) == SM.getFileID(L))
      Ranges.push_back(R);
  IntrusiveRefCntPtr<DiagnosticOptions> Opts = new DiagnosticOptions();
  Opts->ShowColors = false;
  std::string Text;
  raw_string_ostream OS(Text);
  SnippetOnly(OS, LO, Opts.get()).snippet(FullSourceLoc(L, SM), DiagnosticsEngine::Error, Ranges);
  return StringRef(Text).rtrim("\n").str();
}

} // namespace ndisv

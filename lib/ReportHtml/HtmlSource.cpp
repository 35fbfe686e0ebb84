//===- HtmlSource.cpp - Driver sources through Clang's HTML rewriter --------===//
// SPDX-License-Identifier: Apache-2.0
//
// The report never tokenizes C itself: Clang's lexer decides what is a
// keyword, a comment or a directive, and Clang's rewriter escapes every
// byte. A Preprocessor is needed only for its language options and keyword
// table, so it is set up without a main file and never runs.
//===----------------------------------------------------------------------===//
#include "HtmlCommon.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Rewrite/Core/HTMLRewrite.h"
#include "clang/Rewrite/Core/Rewriter.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::html;

namespace {
/// One language: its own compiler instance (source manager, preprocessor).
struct Lang {
  clang::CompilerInstance CI;

  explicit Lang(bool CPlusPlus) {
    CI.createDiagnostics(new clang::IgnoringDiagConsumer(), /*ShouldOwnClient=*/true);
    clang::LangOptions &LO = CI.getLangOpts();
    LO.C99 = LO.C11 = true;
    LO.LineComment = true;
    LO.Bool = CPlusPlus;
    LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = CPlusPlus;
    LO.MicrosoftExt = LO.MSVCCompat = LO.DeclSpecKeyword = true;
    auto TO = std::make_shared<clang::TargetOptions>();
    TO->Triple = "x86_64-pc-windows-msvc";
    CI.setTarget(clang::TargetInfo::CreateTargetInfo(CI.getDiagnostics(), TO));
    CI.createFileManager();
    CI.createSourceManager(CI.getFileManager());
    CI.createPreprocessor(clang::TU_Complete);
  }
};
} // namespace

struct SourceHighlighter::Impl {
  std::unique_ptr<Lang> C, Cxx;
  Lang &lang(StringRef Path) {
    StringRef Ext = sys::path::extension(Path);
    bool IsCxx = Ext == ".cpp" || Ext == ".cc" || Ext == ".cxx" || Ext == ".hpp" || Ext == ".hh";
    std::unique_ptr<Lang> &L = IsCxx ? Cxx : C;
    if (!L)
      L = std::make_unique<Lang>(IsCxx);
    return *L;
  }
};

SourceHighlighter::SourceHighlighter() : P(std::make_unique<Impl>()) {}
SourceHighlighter::~SourceHighlighter() = default;

/// AddLineNumbers wraps line N in this prefix and "</td></tr>"; the report
/// draws its own rows, so the wrapper is taken off again, checked exactly.
static bool unwrapRow(StringRef Row, unsigned N, std::string &Out) {
  std::string Head = "<tr class=\"codeline\" data-linenumber=\"" + std::to_string(N) +
                     "\"><td class=\"num\" id=\"LN" + std::to_string(N) + "\">" +
                     std::to_string(N) + "</td><td class=\"line\">";
  if (!Row.consume_front(Head) || !Row.consume_back("</td></tr>"))
    return false;
  Out = Row == " " ? "" : Row.str(); // AddLineNumbers puts a space in empty lines
  return true;
}

const HighlightedFile &SourceHighlighter::get(const std::string &Path) {
  auto [It, New] = Cache.try_emplace(Path);
  HighlightedFile &HF = It->second;
  if (!New)
    return HF;
  Lang &L = P->lang(Path);
  clang::SourceManager &SM = L.CI.getSourceManager();
  auto FE = L.CI.getFileManager().getFileRef(Path);
  if (!FE) {
    HF.Error = "cannot read the source file";
    consumeError(FE.takeError());
    return HF;
  }
  clang::FileID FID = SM.createFileID(*FE, clang::SourceLocation(), clang::SrcMgr::C_User);
  clang::Rewriter RW(SM, L.CI.getLangOpts());
  clang::html::EscapeText(RW, FID, /*EscapeSpaces=*/false, /*ReplaceTabs=*/true);
  clang::html::AddLineNumbers(RW, FID);
  clang::html::SyntaxHighlight(RW, FID, L.CI.getPreprocessor());
  std::string Text;
  if (const clang::RewriteBuffer *RB = RW.getRewriteBufferFor(FID))
    Text.assign(RB->begin(), RB->end());
  // "<table class="code" data-fileid="N">\n" rows "</table>": keep the rows.
  StringRef Body(Text);
  size_t Open = Body.find(">\n");
  if (!Body.starts_with("<table") || Open == StringRef::npos || !Body.ends_with("</table>")) {
    HF.Error = "unexpected output of the HTML rewriter";
    return HF;
  }
  Body = Body.drop_front(Open + 2).drop_back(strlen("</table>"));
  SmallVector<StringRef, 0> Rows;
  Body.split(Rows, '\n');
  unsigned N = 0;
  for (StringRef Row : Rows) {
    Row = Row.rtrim('\r');
    if (Row.empty() && N == Rows.size() - 1)
      break;
    std::string Line;
    if (!unwrapRow(Row, ++N, Line)) {
      HF.Error = "unexpected output of the HTML rewriter at line " + std::to_string(N);
      HF.Lines.clear();
      return HF;
    }
    HF.Lines.push_back(std::move(Line));
  }
  HF.Ok = true;
  return HF;
}

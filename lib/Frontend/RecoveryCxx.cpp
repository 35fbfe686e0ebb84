//===- RecoveryCxx.cpp - C++ that MSVC accepts and Clang rejects ---------===//
// SPDX-License-Identifier: Apache-2.0
//
// The C++ constructs the second parse recovers (listed in Recovery.h).
//===----------------------------------------------------------------------===//

#include "RecoveryPlanner.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

namespace ndisv {

bool RecoveryPlanner::isTypeKeyword(const Token &T) {
  static const char *const Words[] = {"unsigned", "signed", "short",   "long",    "int",
                                      "char",     "double", "float",   "__int8",  "__int16",
                                      "__int32",  "__int64", "wchar_t"};
  return T.is(tok::raw_identifier) && llvm::is_contained(Words, T.getRawIdentifier());
}

void RecoveryPlanner::keywordCast(SourceLocation L) {
  const LangOptions &LO = Ctx->getLangOpts();
  // Out of the macro arguments it was passed through, to where it is
  // spelled: in the file, or in the body of the type's macro.
  while (L.isMacroID() && SM->isMacroArgExpansion(L))
    L = SM->getImmediateSpellingLoc(L);
  SourceLocation Begin = L, Last = L;
  if (L.isMacroID()) {
    CharSourceRange E = SM->getImmediateExpansionRange(L);
    // The macro may be written in another macro's argument: its
    // spelling is then in the file.
    Begin = spelledInFile(E.getBegin());
    Last = spelledInFile(E.getEnd());
    if (Begin.isInvalid() || Last.isInvalid() || SM->getFileID(Begin) != SM->getFileID(Last))
      return;
  }
  if (SM->isInSystemHeader(Begin))
    return;
  auto [FID, Off] = SM->getDecomposedLoc(Begin);
  StringRef Buf = bufferOf(FID);
  if (Buf.empty() || !Done.insert({FID.getHashValue(), Off}).second)
    return;
  // Keywords before it on its line belong to the type too.
  unsigned LineStart = Buf.rfind('\n', Off) == StringRef::npos ? 0 : Buf.rfind('\n', Off) + 1;
  Lexer Back(SM->getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin() + LineStart,
             Buf.end());
  Token T;
  SourceLocation RunStart;
  while (true) {
    Back.LexFromRawLexer(T);
    if (T.is(tok::eof) || SM->getFileOffset(T.getLocation()) >= Off)
      break;
    RunStart = isTypeKeyword(T) ? (RunStart.isValid() ? RunStart : T.getLocation())
                                : SourceLocation();
  }
  if (RunStart.isValid())
    Begin = RunStart;
  // Then the keywords after it, up to the '('.
  unsigned After = SM->getFileOffset(Lexer::getLocForEndOfToken(Last, 0, *SM, LO));
  Lexer Fwd(SM->getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin() + After, Buf.end());
  do
    Fwd.LexFromRawLexer(T);
  while (isTypeKeyword(T));
  if (!T.is(tok::l_paren))
    return;
  SourceLocation Paren = T.getLocation();
  Fwd.LexFromRawLexer(T);
  bool Empty = T.is(tok::r_paren);
  std::string Type = flatText(CharSourceRange::getCharRange(Begin, Paren));
  if (Type.empty())
    return;
  insert(Begin, "(");
  insert(Paren, ")");
  if (Empty)
    insert(T.getLocation(), "0"); // `unsigned int()` is a zero
  commit(Begin, "functional cast '" + Type + "(...)' to a type of several keywords; MSVC "
                "accepts it, Clang does not; ndisv read it as the cast '(" + Type + ")(...)'");
}

void RecoveryPlanner::hiddenDelete(SourceLocation L, bool Implicit) {
  SourceLocation At = SM->getFileLoc(L);
  if (At.isInvalid() || SM->isInSystemHeader(At) ||
      !Done.insert({SM->getFileID(At).getHashValue(), SM->getFileOffset(At)}).second)
    return;
  Out.NoAccessControl = true;
  insert(At, ""); // a group of one empty edit carries the warning
  commit(At, std::string(Implicit ? "the implicit virtual destructor of this class"
                                  : "this virtual destructor") +
                 " needs an operator delete that is not accessible here; MSVC does not "
                 "check its access, Clang does; ndisv parsed the file again without "
                 "access checks");
}

bool RecoveryPlanner::isDestructorAt(SourceLocation L) {
  struct Finder : RecursiveASTVisitor<Finder> {
    SourceLocation L;
    bool Found = false;
    bool shouldVisitTemplateInstantiations() const { return true; }
    bool VisitCXXDestructorDecl(CXXDestructorDecl *D) {
      Found |= D->getLocation() == L;
      return !Found;
    }
  } F;
  F.L = L;
  F.TraverseDecl(Ctx->getTranslationUnitDecl());
  return F.Found;
}

} // namespace ndisv

//===- Recovery.cpp - Second parse for C that MSVC accepts ---------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Every range edited here comes from the failed parse itself: the location
// of an error, the note that goes with it, the ranges a diagnostic
// underlines, or a declaration of the AST. Text is only read back to copy
// tokens from one place of the TU to another. This file holds the planner's
// dispatch and its edit primitives; the constructs are in RecoveryC.cpp and
// RecoveryCxx.cpp.
//===----------------------------------------------------------------------===//

#include "RecoveryPlanner.h"

#include "clang/Lex/Lexer.h"

namespace ndisv {

void RecoveryPlanner::HandleTranslationUnit(ASTContext &C) {
  if (!C.getDiagnostics().hasErrorOccurred())
    return;
  Ctx = &C;
  SM = &C.getSourceManager();
  if (C.getLangOpts().CPlusPlus) {
    for (SourceLocation L : Hints.KeywordCasts)
      keywordCast(L);
    for (SourceLocation L : Hints.HiddenDeletes)
      if (isDestructorAt(L)) // not a delete-expression: cl.exe checks that
        hiddenDelete(L);
    for (SourceLocation L : Hints.ImplicitHiddenDeletes)
      hiddenDelete(L, /*Implicit=*/true);
    return;
  }
  for (const RecoveryHints::Conflict &X : Hints.Conflicts)
    conflict(X);
  for (const RecoveryHints::Conflict &X : Hints.TypedefConflicts)
    typedefRedefinition(X);
  for (SourceLocation L : Hints.ExpectedExpression)
    declspecInTypeName(L);
  for (const RecoveryHints::Conditional &X : Hints.Conditionals)
    conditional(X);
  if (!Hints.LvalueCasts.empty())
    for (CStyleCastExpr *Cast : castsAt(Hints.LvalueCasts))
      lvalueCast(Cast);
}

std::optional<CharSourceRange> RecoveryPlanner::fileRange(SourceRange R) {
  if (R.isInvalid())
    return std::nullopt;
  CharSourceRange C = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), *SM,
                                               Ctx->getLangOpts());
  if (C.isInvalid() || SM->isInSystemHeader(C.getBegin()) ||
      SM->getFileID(C.getBegin()) != SM->getFileID(C.getEnd()))
    return std::nullopt;
  return C;
}

StringRef RecoveryPlanner::bufferOf(FileID FID) {
  bool Invalid = false;
  StringRef B = SM->getBufferData(FID, &Invalid);
  return Invalid ? StringRef() : B;
}

std::string RecoveryPlanner::flatText(CharSourceRange C) {
  auto [FID, Begin] = SM->getDecomposedLoc(C.getBegin());
  unsigned End = SM->getFileOffset(C.getEnd());
  StringRef Buf = bufferOf(FID);
  if (Buf.empty() || End > Buf.size())
    return "";
  Lexer L(SM->getLocForStartOfFile(FID), Ctx->getLangOpts(), Buf.begin(),
          Buf.begin() + Begin, Buf.end());
  std::string Text;
  Token T;
  while (true) {
    L.LexFromRawLexer(T);
    if (T.is(tok::eof))
      break;
    unsigned Off = SM->getFileOffset(T.getLocation());
    if (Off >= End)
      break;
    if (T.is(tok::hash) && T.isAtStartOfLine())
      return ""; // a directive inside the range: not copied
    if (!Text.empty() && (T.hasLeadingSpace() || T.isAtStartOfLine()))
      Text += ' ';
    Text += Buf.substr(Off, T.getLength()).str();
  }
  if (StringRef(Text).contains('\n') || StringRef(Text).contains('\r'))
    return "";
  return Text;
}

void RecoveryPlanner::replace(CharSourceRange C, std::string Text) {
  auto [FID, Begin] = SM->getDecomposedLoc(C.getBegin());
  unsigned End = SM->getFileOffset(C.getEnd());
  StringRef Old = bufferOf(FID).slice(Begin, End);
  size_t Newlines = Old.count('\n');
  if (!Newlines && Text.size() < Old.size())
    Text.append(Old.size() - Text.size(), ' ');
  Text.append(Newlines, '\n');
  addEdit(FID, Begin, End - Begin, std::move(Text));
}

void RecoveryPlanner::insert(SourceLocation L, std::string Text) {
  auto [FID, Off] = SM->getDecomposedLoc(L);
  addEdit(FID, Off, 0, std::move(Text));
}

void RecoveryPlanner::addEdit(FileID FID, unsigned Off, unsigned Len, std::string Text) {
  OptionalFileEntryRef F = SM->getFileEntryRefForID(FID);
  if (!F)
    return;
  std::string Name = F->getName().str();
  if (!Out.Originals.count(Name))
    Out.Originals[Name] = bufferOf(FID).str();
  Group.push_back({Name, Off, Len, std::move(Text)});
}

SourceLoc RecoveryPlanner::locOf(SourceLocation L) {
  SourceLoc S;
  PresumedLoc P = SM->getPresumedLoc(SM->getFileLoc(L));
  if (P.isValid()) {
    S.File = P.getFilename();
    S.Line = P.getLine();
    S.Col = P.getColumn();
  }
  return S;
}

std::string RecoveryPlanner::place(const SourceLoc &S) {
  return S.File + ":" + std::to_string(S.Line);
}

void RecoveryPlanner::commit(SourceLocation At, std::string Message) {
  std::vector<SourceEdit> G = std::move(Group);
  Group.clear();
  if (G.empty())
    return;
  for (const SourceEdit &E : G)
    for (const SourceEdit &X : Out.Edits)
      if (E.File == X.File && E.Offset < X.Offset + X.Length &&
          X.Offset < E.Offset + E.Length)
        return;
  Out.Edits.insert(Out.Edits.end(), G.begin(), G.end());
  Diagnostic W;
  W.L = Diagnostic::Level::Warning;
  W.Loc = locOf(At);
  W.Message = std::move(Message);
  Out.Warnings.push_back(std::move(W));
}

FunctionDecl *RecoveryPlanner::functionAt(SourceLocation L) {
  if (L.isInvalid())
    return nullptr;
  for (Decl *D : Ctx->getTranslationUnitDecl()->decls())
    if (auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->getLocation() == L)
        return FD;
  return nullptr;
}

bool RecoveryPlanner::declaredBefore(const NamedDecl *D, SourceLocation L) {
  for (const Decl *R : D->redecls())
    if (SM->isBeforeInTranslationUnit(R->getLocation(), L))
      return true;
  return false;
}

bool RecoveryPlanner::namesDeclaredBefore(TypeLoc TL, SourceLocation L) {
  for (; !TL.isNull(); TL = TL.getNextTypeLoc()) {
    if (auto T = TL.getAs<TypedefTypeLoc>()) {
      if (!declaredBefore(T.getTypedefNameDecl(), L))
        return false;
    } else if (auto T = TL.getAs<TagTypeLoc>()) {
      if (!declaredBefore(T.getDecl(), L))
        return false;
    } else if (TL.getAs<FunctionTypeLoc>() || TL.getAs<ArrayTypeLoc>()) {
      return false; // not walked into; not worth the risk
    }
  }
  return true;
}

std::string RecoveryPlanner::canonicalSpelling(QualType T, SourceLocation L) {
  QualType C = T.getCanonicalType(), P = C;
  while (P->isPointerType())
    P = P->getPointeeType();
  if (const auto *Tag = P->getAs<TagType>()) {
    if (!Tag->getDecl()->getIdentifier() || !declaredBefore(Tag->getDecl(), L))
      return "";
  } else if (!P->isBuiltinType()) {
    return "";
  }
  return C.getAsString(PrintingPolicy(Ctx->getLangOpts()));
}

SourceLocation RecoveryPlanner::inDefinition(SourceLocation Loc) {
  if (Loc.isMacroID() && SM->isMacroArgExpansion(Loc))
    Loc = SM->getImmediateExpansionRange(Loc).getBegin();
  Loc = SM->getSpellingLoc(Loc);
  return Loc.isFileID() ? Loc : SourceLocation();
}

SourceLocation RecoveryPlanner::spelledInFile(SourceLocation L) {
  if (L.isFileID())
    return L;
  if (SM->isMacroArgExpansion(L)) {
    SourceLocation S = SM->getSpellingLoc(L);
    if (S.isFileID())
      return S;
  }
  return SourceLocation();
}

std::unique_ptr<ASTConsumer> RecoveryHints::createPlanner(RecoveryPlan &Out) {
  return std::make_unique<RecoveryPlanner>(*this, Out);
}

} // namespace ndisv

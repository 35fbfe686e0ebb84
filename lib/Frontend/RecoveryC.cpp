//===- RecoveryC.cpp - C that MSVC accepts and Clang rejects -------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The C constructs the second parse recovers (listed in Recovery.h).
//===----------------------------------------------------------------------===//

#include "RecoveryPlanner.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Lex/Lexer.h"
#include <algorithm>

namespace ndisv {

bool RecoveryPlanner::retype(QualType TargetTy, SourceRange TargetR, QualType SourceTy,
                             SourceRange SourceR, TypeLoc SourceTL) {
  if (Ctx->typesAreCompatible(TargetTy.getUnqualifiedType(), SourceTy.getUnqualifiedType()))
    return true;
  if (!TargetTy->isPointerType() || !SourceTy->isPointerType())
    return false;
  std::optional<CharSourceRange> T = fileRange(TargetR);
  if (!T)
    return false;
  std::string Text;
  std::optional<CharSourceRange> S = fileRange(SourceR);
  if (S && namesDeclaredBefore(SourceTL, T->getBegin()))
    Text = flatText(*S);
  if (Text.empty())
    Text = canonicalSpelling(SourceTy, T->getBegin());
  if (Text.empty())
    return false;
  replace(*T, Text);
  return true;
}

void RecoveryPlanner::conflict(const RecoveryHints::Conflict &X) {
  FunctionDecl *New = functionAt(X.New), *Old = functionAt(X.Old);
  if (!New || !Old)
    return;
  bool OldDef = Old->isThisDeclarationADefinition();
  if (OldDef && New->isThisDeclarationADefinition())
    return;
  FunctionDecl *Target = OldDef ? New : Old, *Source = OldDef ? Old : New;
  if (!Target->getFunctionTypeLoc() && Source->isThisDeclarationADefinition()) {
    declaredThroughTypedef(Target, Source);
    return;
  }
  const auto *TP = Target->getType()->getAs<FunctionProtoType>();
  const auto *SP = Source->getType()->getAs<FunctionProtoType>();
  FunctionTypeLoc TL = Target->getFunctionTypeLoc(), SL = Source->getFunctionTypeLoc();
  if (!TP || !SP || !TL || !SL || TP->getNumParams() != SP->getNumParams() ||
      TP->isVariadic() != SP->isVariadic() || TL.getNumParams() != TP->getNumParams() ||
      SL.getNumParams() != SP->getNumParams())
    return;
  bool Ok = retype(Target->getReturnType(), Target->getReturnTypeSourceRange(),
                   Source->getReturnType(), Source->getReturnTypeSourceRange(),
                   SL.getReturnLoc());
  for (unsigned I = 0; Ok && I < TL.getNumParams(); ++I) {
    ParmVarDecl *T = TL.getParam(I), *S = SL.getParam(I);
    Ok = T && S && S->getTypeSourceInfo() &&
         retype(T->getType(), T->getSourceRange(), S->getType(), S->getSourceRange(),
                S->getTypeSourceInfo()->getTypeLoc());
  }
  if (!Ok) {
    Group.clear();
    return;
  }
  SourceLoc Other = locOf(Old->getLocation());
  commit(X.New, "conflicting types for '" + New->getNameAsString() +
                    "' here and at " + place(Other) +
                    "; MSVC accepts them (C4028); ndisv used the types of the " +
                    (Source->isThisDeclarationADefinition() ? "definition"
                                                            : "later declaration"));
}

TypedefNameDecl *RecoveryPlanner::typedefAt(SourceLocation L) {
  if (L.isInvalid())
    return nullptr;
  for (Decl *D : Ctx->getTranslationUnitDecl()->decls())
    if (auto *TD = dyn_cast<TypedefNameDecl>(D))
      if (TD->getLocation() == L)
        return TD;
  return nullptr;
}

void RecoveryPlanner::typedefRedefinition(const RecoveryHints::Conflict &X) {
  TypedefNameDecl *New = typedefAt(X.New), *Old = typedefAt(X.Old);
  if (!New || !Old || !New->getTypeSourceInfo() || !Old->getTypeSourceInfo())
    return;
  QualType NT = New->getUnderlyingType().getCanonicalType();
  QualType OT = Old->getUnderlyingType().getCanonicalType();
  if (!NT->isIntegerType() || !OT->isIntegerType() || !NT->isBuiltinType() ||
      !OT->isBuiltinType() || NT.getQualifiers() != OT.getQualifiers() ||
      Ctx->getTypeSize(NT) != Ctx->getTypeSize(OT) ||
      NT->isSignedIntegerType() != OT->isSignedIntegerType())
    return;
  TypeLoc NL = New->getTypeSourceInfo()->getTypeLoc();
  TypeLoc OL = Old->getTypeSourceInfo()->getTypeLoc();
  std::optional<CharSourceRange> NR = fileRange(NL.getSourceRange());
  std::optional<CharSourceRange> OR = fileRange(OL.getSourceRange());
  TypedefNameDecl *Target = NR ? New : Old;
  std::optional<CharSourceRange> R = NR ? NR : OR;
  if (!R)
    return;
  QualType Keep = Target == New ? OT : NT;
  std::string Text = Keep.getAsString(PrintingPolicy(Ctx->getLangOpts()));
  replace(*R, Text);
  TypedefNameDecl *Other = Target == New ? Old : New;
  PrintingPolicy PP(Ctx->getLangOpts());
  commit(Target->getLocation(),
         "typedef '" + Target->getNameAsString() + "' is '" +
             Target->getUnderlyingType().getAsString(PP) + "' here and '" +
             Other->getUnderlyingType().getAsString(PP) + "' at " +
             place(locOf(Other->getLocation())) +
             "; MSVC accepts the redefinition (C4142), the types being integers of one size "
             "and signedness; ndisv used '" + Text + "'");
}

void RecoveryPlanner::declspecInTypeName(SourceLocation L) {
  std::optional<CharSourceRange> R = L.isFileID() ? spelledDeclspec(L) : macroDeclspec(L);
  if (!R || SM->isInSystemHeader(R->getBegin()))
    return;
  auto [FID, Off] = SM->getDecomposedLoc(R->getBegin());
  if (!bufferOf(FID).take_front(Off).rtrim().ends_with("("))
    return;
  std::string Spelled = flatText(*R);
  if (Spelled.empty())
    return;
  SourceLocation At = R->getBegin();
  replace(*R, "");
  commit(At, "'" + Spelled + "'" + (L.isFileID() ? "" : " (a __declspec)") +
                 " in a parenthesised type name: MSVC accepts it, Clang does not; "
                 "ndisv ignored it");
}

std::optional<CharSourceRange> RecoveryPlanner::spelledDeclspec(SourceLocation L) {
  auto [FID, Off] = SM->getDecomposedLoc(L);
  StringRef Buf = bufferOf(FID);
  if (Off >= Buf.size())
    return std::nullopt;
  Lexer Lex(SM->getLocForStartOfFile(FID), Ctx->getLangOpts(), Buf.begin(),
            Buf.begin() + Off, Buf.end());
  Token T;
  Lex.LexFromRawLexer(T);
  if (!T.is(tok::raw_identifier) || T.getRawIdentifier() != "__declspec")
    return std::nullopt;
  Lex.LexFromRawLexer(T);
  if (!T.is(tok::l_paren))
    return std::nullopt;
  for (int Depth = 1; Depth > 0;) {
    Lex.LexFromRawLexer(T);
    if (T.is(tok::eof) || (T.is(tok::hash) && T.isAtStartOfLine()))
      return std::nullopt;
    Depth += T.is(tok::l_paren) ? 1 : T.is(tok::r_paren) ? -1 : 0;
  }
  return CharSourceRange::getCharRange(L, T.getEndLoc());
}

std::optional<CharSourceRange> RecoveryPlanner::macroDeclspec(SourceLocation L) {
  const LangOptions &LO = Ctx->getLangOpts();
  SourceLocation Spelling = SM->getSpellingLoc(L);
  Token T;
  if (Lexer::getRawToken(Spelling, T, *SM, LO, /*IgnoreWhiteSpace=*/false) ||
      !T.is(tok::raw_identifier) || T.getRawIdentifier() != "__declspec")
    return std::nullopt;
  for (SourceLocation Cur = L; Cur.isMacroID();) {
    SourceLocation Begin;
    if (!Lexer::isAtStartOfMacroExpansion(Cur, *SM, LO, &Begin))
      return std::nullopt;
    Cur = Begin;
  }
  CharSourceRange E = SM->getExpansionRange(L);
  if (E.isInvalid() || !E.getBegin().isFileID() || !E.getEnd().isFileID())
    return std::nullopt;
  SourceLocation End = Lexer::getLocForEndOfToken(E.getEnd(), 0, *SM, LO);
  if (End.isInvalid() || SM->getFileID(End) != SM->getFileID(E.getBegin()))
    return std::nullopt;
  return CharSourceRange::getCharRange(E.getBegin(), End);
}

bool RecoveryPlanner::implicatedInError(SourceLocation Q) {
  SourceLocation QE = SM->getExpansionLoc(Q);
  for (const RecoveryHints::ErrorSite &E : Hints.Errors) {
    if (E.Loc.isValid() && SM->getExpansionLoc(E.Loc) == QE)
      return true;
    for (SourceRange R : E.Ranges)
      if (R.isValid() && SM->isPointWithin(QE, SM->getExpansionLoc(R.getBegin()),
                                           SM->getExpansionLoc(R.getEnd())))
        return true;
  }
  return false;
}

void RecoveryPlanner::conditional(const RecoveryHints::Conditional &X) {
  QualType LT = QualType::getFromOpaquePtr(X.LHSType);
  QualType RT = QualType::getFromOpaquePtr(X.RHSType);
  if (LT.isNull() || RT.isNull() || !LT->isPointerType() || !RT->isPointerType())
    return;
  QualType LP = LT->getPointeeType(), RP = RT->getPointeeType();
  if (!LP->isScalarType() || !RP->isScalarType() || LP->isIncompleteType() ||
      RP->isIncompleteType() || Ctx->getTypeSize(LP) != Ctx->getTypeSize(RP))
    return;
  if (!implicatedInError(X.Question))
    return;
  std::optional<CharSourceRange> L = fileRange(X.LHS), R = fileRange(X.RHS);
  if (!L || !R)
    return;
  std::string Second = flatText(*L);
  if (Second.empty())
    return;
  insert(R->getBegin(), "(__typeof__(" + Second + "))(");
  insert(R->getEnd(), ")");
  PrintingPolicy PP = Ctx->getPrintingPolicy();
  commit(X.Question, "operands of '?:' are pointers to different types ('" +
                         LT.getAsString(PP) + "' and '" + RT.getAsString(PP) +
                         "'); MSVC accepts them (C4133); ndisv converted the third "
                         "operand to the type of the second");
}

void RecoveryPlanner::declaredThroughTypedef(FunctionDecl *Decl, FunctionDecl *Def) {
  const TypeSourceInfo *TSI = Decl->getTypeSourceInfo();
  const auto *Role = TSI ? TSI->getType()->getAs<TypedefType>() : nullptr;
  const auto *DP = Decl->getType()->getAs<FunctionProtoType>();
  const auto *FP = Def->getType()->getAs<FunctionProtoType>();
  FunctionTypeLoc FL = Def->getFunctionTypeLoc();
  if (!Role || !DP || !FP || !FL || DP->getNumParams() != FP->getNumParams() ||
      DP->isVariadic() || FP->isVariadic() || FL.getNumParams() != FP->getNumParams())
    return;
  std::string RoleName = Role->getDecl()->getName().str(), Name = Decl->getNameAsString();
  std::optional<CharSourceRange> At = fileRange(Decl->getSourceRange());
  if (!At || flatText(*At) != RoleName + " " + Name)
    return; // `ROLE A, B;` or annotations: not rewritten
  PrintingPolicy PP(Ctx->getLangOpts());
  auto spell = [&](QualType Declared, QualType Defined, SourceRange R,
                   TypeLoc TL) -> std::string {
    if (Ctx->typesAreCompatible(Declared.getUnqualifiedType(), Defined.getUnqualifiedType()))
      return Declared.getAsString(PP); // names the typedef already uses
    if (!Declared->isPointerType() || !Defined->isPointerType())
      return "";
    std::optional<CharSourceRange> S = fileRange(R);
    std::string Text = S && namesDeclaredBefore(TL, At->getBegin()) ? flatText(*S) : "";
    return Text.empty() ? canonicalSpelling(Defined, At->getBegin()) : Text;
  };
  std::string Proto = spell(DP->getReturnType(), FP->getReturnType(),
                            Def->getReturnTypeSourceRange(), FL.getReturnLoc());
  if (Proto.empty())
    return;
  Proto = "_Function_class_(" + RoleName + ") " + Proto + " " + Name + "(";
  for (unsigned I = 0; I < FP->getNumParams(); ++I) {
    ParmVarDecl *P = FL.getParam(I);
    if (!P || !P->getTypeSourceInfo())
      return;
    // The parameter's type only: its name may be a macro or unused.
    std::string T = spell(DP->getParamType(I), FP->getParamType(I),
                          P->getTypeSourceInfo()->getTypeLoc().getSourceRange(),
                          P->getTypeSourceInfo()->getTypeLoc());
    if (T.empty())
      return;
    Proto += (I ? ", " : "") + T;
  }
  if (FP->getNumParams() == 0)
    Proto += "void";
  Proto += ")";
  replace(*At, Proto);
  commit(Def->getLocation(), "conflicting types for '" + Name + "' here and at " +
                                 place(locOf(Decl->getLocation())) + ", where it is declared as " +
                                 RoleName + "; MSVC accepts them (C4028); ndisv declared it "
                                 "with the types of the definition");
}

std::vector<CStyleCastExpr *> RecoveryPlanner::castsAt(const std::vector<SourceLocation> &Locs) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const std::vector<SourceLocation> *Locs;
    std::vector<CStyleCastExpr *> Found;
    bool VisitCStyleCastExpr(CStyleCastExpr *E) {
      if (llvm::is_contained(*Locs, E->getBeginLoc()) && !llvm::is_contained(Found, E))
        Found.push_back(E);
      return true;
    }
    // Clang puts the error at the outermost parenthesis: `((T *)p) = x`,
    // as a macro that parenthesises its cast writes it.
    bool VisitParenExpr(ParenExpr *E) {
      auto *C = dyn_cast<CStyleCastExpr>(E->IgnoreParens());
      if (C && llvm::is_contained(*Locs, E->getBeginLoc()) && !llvm::is_contained(Found, C))
        Found.push_back(C);
      return true;
    }
  } F;
  F.Locs = &Locs;
  F.TraverseDecl(Ctx->getTranslationUnitDecl());
  return F.Found;
}

void RecoveryPlanner::lvalueCast(CStyleCastExpr *Cast) {
  const Expr *Sub = Cast->getSubExprAsWritten();
  QualType To = Cast->getType(), From = Sub->getType();
  if (!Sub->IgnoreParens()->isLValue() || !To->isScalarType() || !From->isScalarType() ||
      Ctx->getTypeSize(To) != Ctx->getTypeSize(From))
    return;
  SourceLocation At = Cast->getLParenLoc(), L = At, R = Cast->getRParenLoc(), End;
  std::string Macro;
  if (L.isFileID() && R.isFileID()) {
    std::optional<CharSourceRange> Operand = fileRange(Sub->getSourceRange());
    if (!Operand || !fileRange(Cast->getSourceRange()))
      return;
    End = Operand->getEnd();
  } else {
    if (SM->isInSystemHeader(SM->getExpansionLoc(L)))
      return;
    Macro = Lexer::getImmediateMacroName(L, *SM, Ctx->getLangOpts()).str();
    L = inDefinition(L);
    R = inDefinition(R);
    SourceLocation B = inDefinition(Sub->getBeginLoc()), E = inDefinition(Sub->getEndLoc());
    if (L.isInvalid() || R.isInvalid() || B.isInvalid() || E.isInvalid() ||
        SM->isInSystemHeader(L) || !SM->isWrittenInSameFile(L, R) ||
        !SM->isWrittenInSameFile(L, B) || !SM->isWrittenInSameFile(L, E) ||
        !(SM->getFileOffset(L) < SM->getFileOffset(R) &&
          SM->getFileOffset(R) < SM->getFileOffset(B) &&
          SM->getFileOffset(B) <= SM->getFileOffset(E)))
      return;
    End = Lexer::getLocForEndOfToken(E, 0, *SM, Ctx->getLangOpts());
    if (End.isInvalid())
      return;
  }
  replace(CharSourceRange::getCharRange(L, L.getLocWithOffset(1)), "(*(__typeof__(");
  replace(CharSourceRange::getCharRange(R, R.getLocWithOffset(1)), ")*)&(");
  insert(End, "))");
  PrintingPolicy PP = Ctx->getPrintingPolicy();
  commit(At, "cast of '" + From.getAsString(PP) + "' to '" + To.getAsString(PP) +
                 "' used as an lvalue" +
                 (Macro.empty() ? "" : " through macro '" + Macro + "'") +
                 "; MSVC accepts it (C4213); ndisv stored through the operand as '" +
                 To.getAsString(PP) + "'" +
                 (Macro.empty() ? "" : " (the macro's definition rewritten for this translation unit)"));
}

} // namespace ndisv

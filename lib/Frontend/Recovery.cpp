//===- Recovery.cpp - Second parse for C that MSVC accepts ---------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Every range edited here comes from the failed parse itself: the location
// of an error, the note that goes with it, the ranges a diagnostic
// underlines, or a declaration of the AST. Text is only read back to copy
// tokens from one place of the TU to another.
//===----------------------------------------------------------------------===//

#include "Recovery.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/DiagnosticParse.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include <algorithm>
#include <set>

using namespace clang;

namespace ndisv {

/// Plans the edits at the end of the TU. Each construct gives a group of
/// edits and one warning, kept only if the group overlaps no earlier one.
class RecoveryPlanner : public ASTConsumer {
public:
  RecoveryPlanner(RecoveryHints &Hints, RecoveryPlan &Out) : Hints(Hints), Out(Out) {}

  void HandleTranslationUnit(ASTContext &C) override {
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

private:
  RecoveryHints &Hints;
  RecoveryPlan &Out;
  ASTContext *Ctx = nullptr;
  SourceManager *SM = nullptr;
  std::vector<SourceEdit> Group;

  /// The file range of a token range, if it is one piece of a user file.
  std::optional<CharSourceRange> fileRange(SourceRange R) {
    if (R.isInvalid())
      return std::nullopt;
    CharSourceRange C = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), *SM,
                                                 Ctx->getLangOpts());
    if (C.isInvalid() || SM->isInSystemHeader(C.getBegin()) ||
        SM->getFileID(C.getBegin()) != SM->getFileID(C.getEnd()))
      return std::nullopt;
    return C;
  }

  StringRef bufferOf(FileID FID) {
    bool Invalid = false;
    StringRef B = SM->getBufferData(FID, &Invalid);
    return Invalid ? StringRef() : B;
  }

  /// The tokens of \p C on one line, without comments: the copy may land on
  /// a line of its own and must not change the line count.
  std::string flatText(CharSourceRange C) {
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

  /// Replaces \p C with \p Text, padding a shorter text with spaces and
  /// keeping every newline the range held.
  void replace(CharSourceRange C, std::string Text) {
    auto [FID, Begin] = SM->getDecomposedLoc(C.getBegin());
    unsigned End = SM->getFileOffset(C.getEnd());
    StringRef Old = bufferOf(FID).slice(Begin, End);
    size_t Newlines = Old.count('\n');
    if (!Newlines && Text.size() < Old.size())
      Text.append(Old.size() - Text.size(), ' ');
    Text.append(Newlines, '\n');
    addEdit(FID, Begin, End - Begin, std::move(Text));
  }

  void insert(SourceLocation L, std::string Text) {
    auto [FID, Off] = SM->getDecomposedLoc(L);
    addEdit(FID, Off, 0, std::move(Text));
  }

  void addEdit(FileID FID, unsigned Off, unsigned Len, std::string Text) {
    OptionalFileEntryRef F = SM->getFileEntryRefForID(FID);
    if (!F)
      return;
    std::string Name = F->getName().str();
    if (!Out.Originals.count(Name))
      Out.Originals[Name] = bufferOf(FID).str();
    Group.push_back({Name, Off, Len, std::move(Text)});
  }

  SourceLoc locOf(SourceLocation L) {
    SourceLoc S;
    PresumedLoc P = SM->getPresumedLoc(SM->getFileLoc(L));
    if (P.isValid()) {
      S.File = P.getFilename();
      S.Line = P.getLine();
      S.Col = P.getColumn();
    }
    return S;
  }

  static std::string place(const SourceLoc &S) {
    return S.File + ":" + std::to_string(S.Line);
  }

  /// Keeps the group (and its warning) unless it is empty or overlaps an
  /// edit already planned.
  void commit(SourceLocation At, std::string Message) {
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

  FunctionDecl *functionAt(SourceLocation L) {
    if (L.isInvalid())
      return nullptr;
    for (Decl *D : Ctx->getTranslationUnitDecl()->decls())
      if (auto *FD = dyn_cast<FunctionDecl>(D))
        if (FD->getLocation() == L)
          return FD;
    return nullptr;
  }

  /// Whether some declaration of \p D comes before \p L.
  bool declaredBefore(const NamedDecl *D, SourceLocation L) {
    for (const Decl *R : D->redecls())
      if (SM->isBeforeInTranslationUnit(R->getLocation(), L))
        return true;
    return false;
  }

  /// Whether the typedefs and tags \p TL names are all declared before
  /// \p L, so that its text means the same there.
  bool namesDeclaredBefore(TypeLoc TL, SourceLocation L) {
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

  /// \p T spelled without typedefs, when all it names is declared before
  /// \p L: pointers down to a builtin or a named struct, union or enum.
  std::string canonicalSpelling(QualType T, SourceLocation L) {
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

  /// Gives Target's type (a parameter or the result) Source's where the two
  /// differ: Source's own text if it means the same at Target, else the
  /// type spelled out. False if they differ in more than pointer types.
  bool retype(QualType TargetTy, SourceRange TargetR, QualType SourceTy, SourceRange SourceR,
              TypeLoc SourceTL) {
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

  /// C4028: MSVC warns and goes on when a prototype and the definition
  /// disagree. Callers after the prototype are typed by it, so the
  /// prototype takes the definition's types (or, between two prototypes, the
  /// earlier takes the later's).
  void conflict(const RecoveryHints::Conflict &X) {
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

  TypedefNameDecl *typedefAt(SourceLocation L) {
    if (L.isInvalid())
      return nullptr;
    for (Decl *D : Ctx->getTranslationUnitDecl()->decls())
      if (auto *TD = dyn_cast<TypedefNameDecl>(D))
        if (TD->getLocation() == L)
          return TD;
    return nullptr;
  }

  /// C4142: cl.exe accepts a typedef redefined with another type that has
  /// no effect on the code (`typedef signed char CHAR;` in a driver, then
  /// `typedef char CHAR;` in the kernel headers, MSVC's char being signed).
  /// Only builtin integer types of one size and signedness are taken as
  /// such; the driver's typedef (the later one when both are the driver's)
  /// is given the other's type, spelled as a builtin.
  void typedefRedefinition(const RecoveryHints::Conflict &X) {
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

  /// cl.exe takes __declspec(align(N)) and the like at the start of a
  /// parenthesised type name; Clang sees an expression there. The
  /// attribute is dropped: where a cast or a compound literal is aligned
  /// does not change what the driver does.
  void declspecInTypeName(SourceLocation L) {
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

  /// `__declspec ( ... )` written at \p L in the file.
  std::optional<CharSourceRange> spelledDeclspec(SourceLocation L) {
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

  /// A macro invocation (DECLSPEC_ALIGN(8)) whose expansion starts with the
  /// __declspec at \p L: the whole invocation, as written in the file.
  std::optional<CharSourceRange> macroDeclspec(SourceLocation L) {
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

  bool implicatedInError(SourceLocation Q) {
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

  /// C4133: for pointers to different types MSVC converts one operand to
  /// the other's type and goes on; Clang gives the conditional void *, which
  /// cannot be dereferenced into an lvalue or a value. ndisv takes the
  /// second operand's type, and only for pointees that are scalars of one
  /// size: then which type MSVC takes cannot change the bytes read or
  /// written (its choice is not documented).
  void conditional(const RecoveryHints::Conditional &X) {
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

  /// `MINIPORT_HALT MPHalt;` and a definition whose types differ in
  /// pointer types only (C4028 as for any prototype). The typedef is the
  /// model's and stays; the declaration is written out with the
  /// definition's types where they differ, and keeps its role as
  /// `_Function_class_(MINIPORT_HALT)`.
  void declaredThroughTypedef(FunctionDecl *Decl, FunctionDecl *Def) {
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

  /// The C-style casts that begin at \p Locs (Clang keeps them in the
  /// recovery expression of the failed assignment).
  std::vector<CStyleCastExpr *> castsAt(const std::vector<SourceLocation> &Locs) {
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

  /// C4213: cl.exe lets a cast be assigned to (`(PUCHAR)p += n`, `++(PVOID)q`)
  /// and stores through it into the operand. For scalars of one size that
  /// is the operand's storage read and written as the cast type, which is
  /// what the rewrite `(*(__typeof__(T)*)&(p))` says. Other sizes stay errors.
  /// A cast a driver's macro writes (`#define INFO(nbl) ((T *)(nbl)->Reserved[0])`,
  /// then `INFO(nbl) = p;`) is rewritten in the macro's definition, for this
  /// TU: its other uses read the same bytes as the same type, as before.
  void lvalueCast(CStyleCastExpr *Cast) {
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

  /// Where the token at \p Loc is written in the definition of the macro
  /// that produced it (for a macro argument, the parameter's name there);
  /// \p Loc itself when it is in a file.
  SourceLocation inDefinition(SourceLocation Loc) {
    if (Loc.isMacroID() && SM->isMacroArgExpansion(Loc))
      Loc = SM->getImmediateExpansionRange(Loc).getBegin();
    Loc = SM->getSpellingLoc(Loc);
    return Loc.isFileID() ? Loc : SourceLocation();
  }

  static bool isTypeKeyword(const Token &T) {
    static const char *const Words[] = {"unsigned", "signed", "short",   "long",    "int",
                                        "char",     "double", "float",   "__int8",  "__int16",
                                        "__int32",  "__int64", "wchar_t"};
    return T.is(tok::raw_identifier) && llvm::is_contained(Words, T.getRawIdentifier());
  }

  /// cl.exe reads `unsigned short(x)` (often `u16(x)` through a macro) as a
  /// functional cast; Clang takes only one keyword before the '('. The
  /// type is parenthesised, which makes it the C-style cast it means.
  /// \p L is the keyword Clang stopped at, in the file or in the expansion
  /// of an object-like macro written in the file.
  void keywordCast(SourceLocation L) {
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

  /// A virtual destructor needs its class's operator delete (for the
  /// deleting form), and Clang checks that operator delete's access; cl.exe
  /// does not. The TU is parsed again without access checks: they only
  /// reject code, and cl.exe compiled this one.
  void hiddenDelete(SourceLocation L, bool Implicit = false) {
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

  bool isDestructorAt(SourceLocation L) {
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

  SourceLocation spelledInFile(SourceLocation L) {
    if (L.isFileID())
      return L;
    if (SM->isMacroArgExpansion(L)) {
      SourceLocation S = SM->getSpellingLoc(L);
      if (S.isFileID())
        return S;
    }
    return SourceLocation();
  }

  std::set<std::pair<unsigned, unsigned>> Done; // (file, offset) already planned
};

std::unique_ptr<ASTConsumer> RecoveryHints::createPlanner(RecoveryPlan &Out) {
  return std::make_unique<RecoveryPlanner>(*this, Out);
}

} // namespace ndisv

//===- RecoveryPlanner.h - Plans the edits of the second parse --*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Private to lib/Frontend (see Recovery.h for what is recovered and why).
// The planner's edit primitives and its dispatch are in RecoveryPlanner.cpp,
// the C constructs in RecoveryC.cpp, the C++ ones in RecoveryCxx.cpp.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_FRONTEND_RECOVERYPLANNER_H
#define NDISV_LIB_FRONTEND_RECOVERYPLANNER_H

#include "Recovery.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Token.h"
#include <optional>
#include <set>

namespace ndisv {

using namespace clang;

/// Plans the edits at the end of the TU. Each construct gives a group of
/// edits and one warning, kept only if the group overlaps no earlier one.
class RecoveryPlanner : public ASTConsumer {
public:
  RecoveryPlanner(RecoveryHints &Hints, RecoveryPlan &Out) : Hints(Hints), Out(Out) {}
  void HandleTranslationUnit(ASTContext &C) override;
private:
  RecoveryHints &Hints;
  RecoveryPlan &Out;
  ASTContext *Ctx = nullptr;
  SourceManager *SM = nullptr;
  std::vector<SourceEdit> Group;
  /// The file range of a token range, if it is one piece of a user file.
  std::optional<CharSourceRange> fileRange(SourceRange R);
  StringRef bufferOf(FileID FID);
  /// The tokens of \p C on one line, without comments: the copy may land on
  /// a line of its own and must not change the line count.
  std::string flatText(CharSourceRange C);
  /// Replaces \p C with \p Text, padding a shorter text with spaces and
  /// keeping every newline the range held.
  void replace(CharSourceRange C, std::string Text);
  void insert(SourceLocation L, std::string Text);
  void addEdit(FileID FID, unsigned Off, unsigned Len, std::string Text);
  SourceLoc locOf(SourceLocation L);
  static std::string place(const SourceLoc &S);
  /// Keeps the group (and its warning) unless it is empty or overlaps an
  /// edit already planned.
  void commit(SourceLocation At, std::string Message);
  FunctionDecl *functionAt(SourceLocation L);
  /// Whether some declaration of \p D comes before \p L.
  bool declaredBefore(const NamedDecl *D, SourceLocation L);
  /// Whether the typedefs and tags \p TL names are all declared before
  /// \p L, so that its text means the same there.
  bool namesDeclaredBefore(TypeLoc TL, SourceLocation L);
  /// \p T spelled without typedefs, when all it names is declared before
  /// \p L: pointers down to a builtin or a named struct, union or enum.
  std::string canonicalSpelling(QualType T, SourceLocation L);
  /// Gives Target's type (a parameter or the result) Source's where the two
  /// differ: Source's own text if it means the same at Target, else the
  /// type spelled out. False if they differ in more than pointer types.
  bool retype(QualType TargetTy, SourceRange TargetR, QualType SourceTy, SourceRange SourceR,
              TypeLoc SourceTL);
  /// C4028: MSVC warns and goes on when a prototype and the definition
  /// disagree. Callers after the prototype are typed by it, so the
  /// prototype takes the definition's types (or, between two prototypes, the
  /// earlier takes the later's).
  void conflict(const RecoveryHints::Conflict &X);
  TypedefNameDecl *typedefAt(SourceLocation L);
  /// C4142: cl.exe accepts a typedef redefined with another type that has
  /// no effect on the code (`typedef signed char CHAR;` in a driver, then
  /// `typedef char CHAR;` in the kernel headers, MSVC's char being signed).
  /// Only builtin integer types of one size and signedness are taken as
  /// such; the driver's typedef (the later one when both are the driver's)
  /// is given the other's type, spelled as a builtin.
  void typedefRedefinition(const RecoveryHints::Conflict &X);
  /// cl.exe takes __declspec(align(N)) and the like at the start of a
  /// parenthesised type name; Clang sees an expression there. The
  /// attribute is dropped: where a cast or a compound literal is aligned
  /// does not change what the driver does.
  void declspecInTypeName(SourceLocation L);
  /// `__declspec ( ... )` written at \p L in the file.
  std::optional<CharSourceRange> spelledDeclspec(SourceLocation L);
  /// A macro invocation (DECLSPEC_ALIGN(8)) whose expansion starts with the
  /// __declspec at \p L: the whole invocation, as written in the file.
  std::optional<CharSourceRange> macroDeclspec(SourceLocation L);
  bool implicatedInError(SourceLocation Q);
  /// C4133: for pointers to different types MSVC converts one operand to
  /// the other's type and goes on; Clang gives the conditional void *, which
  /// cannot be dereferenced into an lvalue or a value. ndisv takes the
  /// second operand's type, and only for pointees that are scalars of one
  /// size: then which type MSVC takes cannot change the bytes read or
  /// written (its choice is not documented).
  void conditional(const RecoveryHints::Conditional &X);
  /// `MINIPORT_HALT MPHalt;` and a definition whose types differ in
  /// pointer types only (C4028 as for any prototype). The typedef is the
  /// model's and stays; the declaration is written out with the
  /// definition's types where they differ, and keeps its role as
  /// `_Function_class_(MINIPORT_HALT)`.
  void declaredThroughTypedef(FunctionDecl *Decl, FunctionDecl *Def);
  /// The C-style casts that begin at \p Locs (Clang keeps them in the
  /// recovery expression of the failed assignment).
  std::vector<CStyleCastExpr *> castsAt(const std::vector<SourceLocation> &Locs);
  /// C4213: cl.exe lets a cast be assigned to (`(PUCHAR)p += n`, `++(PVOID)q`)
  /// and stores through it into the operand. For scalars of one size that
  /// is the operand's storage read and written as the cast type, which is
  /// what the rewrite `(*(__typeof__(T)*)&(p))` says. Other sizes stay errors.
  /// A cast a driver's macro writes (`#define INFO(nbl) ((T *)(nbl)->Reserved[0])`,
  /// then `INFO(nbl) = p;`) is rewritten in the macro's definition, for this
  /// TU: its other uses read the same bytes as the same type, as before.
  void lvalueCast(CStyleCastExpr *Cast);
  /// Where the token at \p Loc is written in the definition of the macro
  /// that produced it (for a macro argument, the parameter's name there);
  /// \p Loc itself when it is in a file.
  SourceLocation inDefinition(SourceLocation Loc);
  static bool isTypeKeyword(const Token &T);
  /// cl.exe reads `unsigned short(x)` (often `u16(x)` through a macro) as a
  /// functional cast; Clang takes only one keyword before the '('. The
  /// type is parenthesised, which makes it the C-style cast it means.
  /// \p L is the keyword Clang stopped at, in the file or in the expansion
  /// of an object-like macro written in the file.
  void keywordCast(SourceLocation L);
  /// A virtual destructor needs its class's operator delete (for the
  /// deleting form), and Clang checks that operator delete's access; cl.exe
  /// does not. The TU is parsed again without access checks: they only
  /// reject code, and cl.exe compiled this one.
  void hiddenDelete(SourceLocation L, bool Implicit = false);
  bool isDestructorAt(SourceLocation L);
  SourceLocation spelledInFile(SourceLocation L);
  std::set<std::pair<unsigned, unsigned>> Done; // (file, offset) already planned
};

} // namespace ndisv

#endif

//===- RecoveryHints.cpp - What the failed parse says, and applying edits ===//
// SPDX-License-Identifier: Apache-2.0
//
// The diagnostics of the first parse are recorded here for the planner in
// RecoveryPlanner.h; the planned edits are applied here for the second parse.
//===----------------------------------------------------------------------===//

#include "Recovery.h"

#include "clang/Basic/DiagnosticParse.h"
#include "clang/Basic/DiagnosticSema.h"
#include "llvm/ADT/SmallString.h"
#include <algorithm>

using namespace clang;

namespace ndisv {

void RecoveryHints::prepare(DiagnosticsEngine &Diags) {
  // -w ignores every warning, and this one carries the operand ranges of
  // the conditional; a remark is not a warning, so it still comes through.
  Diags.setSeverity(diag::ext_typecheck_cond_incompatible_pointers,
                    diag::Severity::Remark, SourceLocation());
}

void RecoveryHints::diagnostic(DiagnosticsEngine::Level Level, const clang::Diagnostic &Info) {
  unsigned ID = Info.getID();
  if (Level == DiagnosticsEngine::Note) {
    // An implicit virtual destructor Clang deleted for the same reason.
    if (ID == diag::note_deleted_dtor_no_operator_delete)
      ImplicitHiddenDeletes.push_back(Info.getLocation());
    // Clang points at the earlier declaration right after the error.
    if (LastWasConflict && Conflicts.back().Old.isInvalid() &&
        (ID == diag::note_previous_declaration || ID == diag::note_previous_definition))
      Conflicts.back().Old = Info.getLocation();
    if (LastWasTypedef && TypedefConflicts.back().Old.isInvalid() &&
        ID == diag::note_previous_definition)
      TypedefConflicts.back().Old = Info.getLocation();
    return;
  }
  LastWasConflict = LastWasTypedef = false;
  if (Level == DiagnosticsEngine::Remark &&
      ID == diag::ext_typecheck_cond_incompatible_pointers) {
    if (Info.getNumRanges() < 2 || Info.getNumArgs() < 2 ||
        Info.getArgKind(0) != DiagnosticsEngine::ak_qualtype ||
        Info.getArgKind(1) != DiagnosticsEngine::ak_qualtype)
      return;
    Conditional C;
    C.Question = Info.getLocation();
    C.LHS = Info.getRange(0).getAsRange();
    C.RHS = Info.getRange(1).getAsRange();
    C.LHSType = reinterpret_cast<void *>(Info.getRawArg(0));
    C.RHSType = reinterpret_cast<void *>(Info.getRawArg(1));
    Conditionals.push_back(C);
    return;
  }
  if (Level != DiagnosticsEngine::Error && Level != DiagnosticsEngine::Fatal)
    return;
  ErrorSite S;
  S.Loc = Info.getLocation();
  for (const CharSourceRange &R : Info.getRanges())
    S.Ranges.push_back(R.getAsRange());
  Errors.push_back(std::move(S));
  if (ID == diag::err_conflicting_types) {
    Conflicts.push_back({Info.getLocation(), SourceLocation()});
    LastWasConflict = true;
  } else if (ID == diag::err_redefinition_different_typedef) {
    TypedefConflicts.push_back({Info.getLocation(), SourceLocation()});
    LastWasTypedef = true;
  } else if (ID == diag::err_expected_expression) {
    ExpectedExpression.push_back(Info.getLocation());
  } else if (ID == diag::err_typecheck_lvalue_casts_not_supported) {
    LvalueCasts.push_back(Info.getLocation()); // the cast's begin
  } else if (ID == diag::err_expected_lparen_after_type) {
    KeywordCasts.push_back(Info.getLocation()); // the second type keyword
  } else if (ID == diag::err_access) {
    llvm::SmallString<64> Msg;
    Info.FormatDiagnostic(Msg);
    if (llvm::StringRef(Msg).starts_with("'operator delete' is a "))
      HiddenDeletes.push_back(Info.getLocation());
  }
}

llvm::StringMap<std::string> RecoveryPlan::apply() const {
  llvm::StringMap<std::string> Result;
  for (const auto &O : Originals) {
    std::vector<const SourceEdit *> Mine;
    for (const SourceEdit &E : Edits)
      if (E.File == O.getKey())
        Mine.push_back(&E);
    // Back to front, so earlier offsets stay valid.
    std::stable_sort(Mine.begin(), Mine.end(), [](const SourceEdit *A, const SourceEdit *B) {
      return A->Offset > B->Offset;
    });
    std::string Text = O.getValue();
    // At one offset a replacement goes first, then the inserts, last-planned
    // first, so that the earliest-planned ends up in front.
    std::vector<const SourceEdit *> Ordered;
    for (size_t I = 0; I < Mine.size();) {
      size_t J = I;
      while (J < Mine.size() && Mine[J]->Offset == Mine[I]->Offset)
        ++J;
      for (size_t K = I; K < J; ++K)
        if (Mine[K]->Length)
          Ordered.push_back(Mine[K]);
      for (size_t K = J; K-- > I;)
        if (!Mine[K]->Length)
          Ordered.push_back(Mine[K]);
      I = J;
    }
    for (const SourceEdit *E : Ordered)
      if (E->Offset + E->Length <= Text.size())
        Text.replace(E->Offset, E->Length, E->Text);
    Result[O.getKey()] = std::move(Text);
  }
  return Result;
}

} // namespace ndisv

//===- Recovery.h - Second parse for C that MSVC accepts --------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Private to lib/Frontend. Some C that cl.exe compiles with a warning is a
// hard error in Clang. When a TU fails, the diagnostics and the AST of that
// failed parse say exactly which source range is at fault; RecoveryHints
// records them and plans edits to those ranges that give the code the
// meaning MSVC gives it. compileTU then parses the TU once more with the
// edited buffers remapped (the user's files are never written) and reports
// each edit as a warning with its file and line. Edits never add or remove
// a line, so every later diagnostic and debug location stays where it was.
//
// Recovered (C only):
//  - conflicting prototype and definition whose parameters or result differ
//    only in pointer types (C4028): the prototype takes the definition's types;
//  - __declspec(...) at the start of a parenthesised type name (a cast or a
//    compound literal): dropped;
//  - a conditional whose operands are pointers to different scalar types of
//    the same size, used where Clang's void * result cannot be (C4133): the
//    third operand is converted to the second's type.
//  - a cast used as an lvalue (`(PUCHAR)p += n`, C4213) between scalars of
//    one size: the operand's storage is taken as the cast type;
//  - a function declared through a role typedef (`MINIPORT_HALT MPHalt;`)
//    whose definition differs in pointer types only: the declaration is
//    written out with the definition's types, keeping the role as a
//    _Function_class_ annotation;
//  - a typedef redefined with a different builtin integer type of the same
//    size and signedness (`typedef signed char CHAR;` before the kernel
//    headers' `typedef char CHAR;`, C4142): the driver's typedef takes the
//    other's type.
// Recovered (C++):
//  - a functional cast whose type is several keywords (`unsigned short(x)`,
//    often through a macro such as `#define u16 unsigned short`): written
//    as the C-style cast it means, `(unsigned short)(x)`;
//  - a virtual destructor whose operator delete is not accessible (MSVC does
//    not check that access, so a base class can make operator delete
//    private to forbid delete-expressions): the TU is parsed again without
//    access checks, which reject code but do not change what it does.
// Token pastes that form no token are not parsed twice: Clang in MS mode
// keeps the tokens apart as cl.exe does, once the diagnostic is not an error.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_FRONTEND_RECOVERY_H
#define NDISV_LIB_FRONTEND_RECOVERY_H

#include "ndisv/Report/Results.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>
#include <vector>

namespace ndisv {

/// Replace Length bytes at Offset of File with Text.
struct SourceEdit {
  std::string File;
  unsigned Offset = 0, Length = 0;
  std::string Text;
};

struct RecoveryPlan {
  std::vector<SourceEdit> Edits;
  std::vector<Diagnostic> Warnings; // one per recovered construct
  llvm::StringMap<std::string> Originals; // contents of every edited file
  bool NoAccessControl = false;           // parse again without access checks

  bool empty() const { return Edits.empty() && !NoAccessControl; }
  /// The edited contents of each file; overlapping edits keep the first.
  llvm::StringMap<std::string> apply() const;
};

/// Fed every diagnostic of the first parse; plans the recovery at the end of
/// the TU, while the AST is still there.
class RecoveryHints {
public:
  /// Lets the one warning the plan needs through -w (as a remark).
  static void prepare(clang::DiagnosticsEngine &Diags);
  void diagnostic(clang::DiagnosticsEngine::Level Level, const clang::Diagnostic &Info);
  /// Runs before the code generator; fills \p Out only if errors occurred.
  std::unique_ptr<clang::ASTConsumer> createPlanner(RecoveryPlan &Out);

  struct Conflict {
    clang::SourceLocation New, Old;
  };
  struct Conditional {
    clang::SourceLocation Question;
    clang::SourceRange LHS, RHS;
    void *LHSType = nullptr, *RHSType = nullptr; // opaque QualTypes
  };
  struct ErrorSite {
    clang::SourceLocation Loc;
    std::vector<clang::SourceRange> Ranges;
  };

private:
  std::vector<Conflict> Conflicts;
  std::vector<Conflict> TypedefConflicts;
  std::vector<clang::SourceLocation> ExpectedExpression;
  std::vector<clang::SourceLocation> LvalueCasts;
  std::vector<clang::SourceLocation> KeywordCasts;     // C++: `unsigned short(x)`
  std::vector<clang::SourceLocation> HiddenDeletes;    // C++: at a destructor
  std::vector<clang::SourceLocation> ImplicitHiddenDeletes; // C++: at its class
  std::vector<Conditional> Conditionals;
  std::vector<ErrorSite> Errors;
  bool LastWasConflict = false;
  bool LastWasTypedef = false;
  friend class RecoveryPlanner;
};

} // namespace ndisv

#endif

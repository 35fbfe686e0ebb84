//===- RoleFinder.h - Finds NDIS role functions in the AST -----*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Private to lib/Frontend. The role finder sees the AST while Clang lowers it
// (it sits beside the code generator in a MultiplexConsumer), because after
// lowering the facts it needs are gone: typedef names, SAL annotations that
// expand to nothing, which struct field a function was stored into. Its
// findings are attached to the module as !ndisv.roles.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_FRONTEND_ROLEFINDER_H
#define NDISV_LIB_FRONTEND_ROLEFINDER_H

#include "ndisv/Frontend/Frontend.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/SourceLocation.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class Preprocessor;
} // namespace clang

namespace llvm {
class Module;
} // namespace llvm

namespace ndisv {

/// One role function found in the TU.
struct RoleFinding {
  std::string Role;       // MINIPORT_INITIALIZE, ...
  std::string SymbolName; // IR name (mangled for C++)
  std::string How;        // "role type declaration", ...
  std::string File;       // where the function is defined (or declared)
  unsigned Line = 0;
  std::string SourceName; // qualified source-level name
};

/// One expansion of _Function_class_(NAME), in file coordinates.
struct FunctionClassUse {
  std::string Name;
  clang::SourceLocation Loc;
};

/// Shared between the preprocessor callback, the AST consumer and the action
/// that reads the results after the AST is gone.
struct RoleFinderState {
  const RoleTable *Roles = nullptr;
  std::vector<FunctionClassUse> FunctionClassUses;
  std::vector<RoleFinding> Findings;
};

/// Records every _Function_class_ expansion into \p State.
void addFunctionClassCallback(clang::Preprocessor &PP, RoleFinderState &State);

/// The AST consumer; runs on HandleTranslationUnit unless errors occurred.
std::unique_ptr<clang::ASTConsumer> createRoleFinder(RoleFinderState &State);

/// Adds !ndisv.roles to \p M for the findings whose function exists in \p M.
/// Returns the number of nodes added.
unsigned attachRoleMetadata(llvm::Module &M, const std::vector<RoleFinding> &Findings);

} // namespace ndisv

#endif

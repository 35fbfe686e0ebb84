//===- ndisv/Program/DriverProgram.h - The linked driver ---------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// All translation units of a driver linked into one module, and the role
// functions the frontend found in them (read back from !ndisv.roles, which
// follows functions through the renaming that linking static functions does).
//===----------------------------------------------------------------------===//
#ifndef NDISV_PROGRAM_DRIVERPROGRAM_H
#define NDISV_PROGRAM_DRIVERPROGRAM_H

#include "ndisv/Report/Results.h"
#include "llvm/IR/Module.h"
#include <memory>
#include <vector>

namespace ndisv {

struct RoleFunction {
  std::string Role;
  const llvm::Function *F = nullptr; // has a body
  std::string Name;                  // source-level name
  std::string How;
  SourceLoc Loc;
};

class DriverProgram {
public:
  /// Links Modules (in order) into one. A module that cannot be linked
  /// (duplicate definitions, say) is left out with an error in Errors.
  static std::unique_ptr<DriverProgram> link(std::vector<std::unique_ptr<llvm::Module>> Modules,
                                             llvm::LLVMContext &Ctx,
                                             std::vector<Diagnostic> &Errors);

  const llvm::Module &module() const { return *M; }
  const std::vector<RoleFunction> &roles() const { return Roles; }
  /// Defined functions with this role, each once, in discovery order.
  std::vector<const RoleFunction *> withRole(llvm::StringRef Role) const;

private:
  std::unique_ptr<llvm::Module> M;
  std::vector<RoleFunction> Roles;
};

/// file path of a debug location, as written when compiling.
SourceLoc sourceLocOf(const llvm::DILocation *L);

} // namespace ndisv

#endif

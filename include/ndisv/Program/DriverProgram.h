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
#include <functional>
#include <memory>
#include <set>
#include <vector>

namespace ndisv {

struct RoleFunction {
  std::string Role;
  const llvm::Function *F = nullptr; // a declaration when its body was pruned
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
  /// The same, taking modules one at a time from Next (null ends), so that
  /// only one TU's IR besides the program is in memory at once.
  static std::unique_ptr<DriverProgram>
  link(const std::function<std::unique_ptr<llvm::Module>()> &Next, llvm::LLVMContext &Ctx,
       std::vector<Diagnostic> &Errors);

  const llvm::Module &module() const { return *M; }
  const std::vector<RoleFunction> &roles() const { return Roles; }
  /// A global defined with the same initializer by several TUs (a header's
  /// `ULONG Mode = 1;` included by each) is linked as one definition, as the
  /// driver's authors meant it; each such definition left out is reported
  /// here: the TU's source file and a warning at the definition.
  struct LinkWarning {
    std::string TU;
    Diagnostic Warning;
  };
  const std::vector<LinkWarning> &linkWarnings() const { return Warnings; }
  /// Defined functions with this role, each once, in discovery order.
  std::vector<const RoleFunction *> withRole(llvm::StringRef Role) const;

private:
  std::unique_ptr<llvm::Module> M;
  std::vector<RoleFunction> Roles;
  std::vector<LinkWarning> Warnings;
};

/// What one TU defines and what each definition refers to: enough to find,
/// before linking, the functions the harness can reach from the role
/// functions it runs. Static symbols are keyed "<TU>:<name>".
struct ModuleSummary {
  std::vector<std::pair<std::string, std::vector<std::string>>> Refs; // symbol -> symbols it uses
  std::vector<std::string> Roots;      // role functions of the given roles
  std::vector<std::string> OtherRoles; // role functions only NDIS calls
};
ModuleSummary summarizeModule(const llvm::Module &M, unsigned TU,
                              const std::vector<std::string> &RootRoles);
std::set<std::string> reachableSymbols(const std::vector<ModuleSummary> &Summaries);
/// Turns every function definition nobody can reach into a declaration.
/// Returns how many bodies were dropped.
unsigned pruneModule(llvm::Module &M, unsigned TU, const std::set<std::string> &Reachable);

/// file path of a debug location, as written when compiling.
SourceLoc sourceLocOf(const llvm::DILocation *L);

} // namespace ndisv

#endif

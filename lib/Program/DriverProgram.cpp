//===- DriverProgram.cpp - Linking a driver's translation units ------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ndisv/Program/DriverProgram.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Metadata.h"
#include "llvm/Linker/Linker.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace ndisv;

SourceLoc ndisv::sourceLocOf(const DILocation *L) {
  SourceLoc S;
  if (!L)
    return S;
  SmallString<256> Path(L->getFilename());
  if (!sys::path::is_absolute(Path) && !L->getDirectory().empty()) {
    SmallString<256> Full(L->getDirectory());
    sys::path::append(Full, Path);
    Path = Full;
  }
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  S.File = std::string(Path);
  S.Line = L->getLine();
  S.Col = L->getColumn();
  return S;
}

/// C globals defined in a header that several TUs include: tentative ones
/// are common symbols (the frontend compiles C with -fcommon, as cl.exe
/// does) and merge by themselves; initialized ones would be duplicate
/// definitions. When \p Mod defines with the same type and initializer a
/// global \p Program already defines, Mod's becomes a declaration of it.
static void mergeIdenticalGlobals(Module &Program, Module &Mod, const std::string &TU,
                                  std::vector<DriverProgram::LinkWarning> &Warnings) {
  for (GlobalVariable &G : Mod.globals()) {
    if (G.isDeclaration() || !G.hasExternalLinkage())
      continue;
    GlobalVariable *Old = Program.getGlobalVariable(G.getName());
    if (!Old || Old->isDeclaration() || !Old->hasExternalLinkage() ||
        Old->getValueType() != G.getValueType() ||
        Old->getInitializer() != G.getInitializer())
      continue; // not the same definition: the linker reports it
    Diagnostic W;
    W.L = Diagnostic::Level::Warning;
    W.Loc.File = TU;
    SmallVector<DIGlobalVariableExpression *, 1> Debug;
    G.getDebugInfo(Debug);
    std::string Name = G.getName().str();
    if (!Debug.empty() && Debug.front()->getVariable()) {
      const DIGlobalVariable *V = Debug.front()->getVariable();
      Name = V->getName().str();
      if (const DIFile *F = V->getFile()) {
        SmallString<256> Path(F->getFilename());
        if (!sys::path::is_absolute(Path) && !F->getDirectory().empty()) {
          Path = F->getDirectory();
          sys::path::append(Path, F->getFilename());
        }
        sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
        W.Loc.File = std::string(Path);
        W.Loc.Line = V->getLine();
      }
    }
    W.Message = "'" + Name + "' is defined with the same initializer by " + TU +
                " and an earlier translation unit; ndisv linked them as one definition";
    Warnings.push_back({TU, std::move(W)});
    G.setInitializer(nullptr);
    G.setComdat(nullptr);
    G.eraseMetadata(LLVMContext::MD_dbg);
  }
}

std::unique_ptr<DriverProgram> DriverProgram::link(std::vector<std::unique_ptr<Module>> Modules,
                                                   LLVMContext &Ctx,
                                                   std::vector<Diagnostic> &Errors) {
  size_t Next = 0;
  return link([&]() -> std::unique_ptr<Module> {
    while (Next < Modules.size())
      if (auto M = std::move(Modules[Next++]))
        return M;
    return nullptr;
  }, Ctx, Errors);
}

std::unique_ptr<DriverProgram>
DriverProgram::link(const std::function<std::unique_ptr<Module>()> &NextModule, LLVMContext &Ctx,
                    std::vector<Diagnostic> &Errors) {
  auto P = std::unique_ptr<DriverProgram>(new DriverProgram());
  P->M = std::make_unique<Module>("driver", Ctx);
  std::string LinkMsg;
  auto OldHandler = Ctx.getDiagnosticHandlerCallBack();
  void *OldCtx = Ctx.getDiagnosticContext();
  Ctx.setDiagnosticHandlerCallBack(
      [](const DiagnosticInfo *DI, void *C) {
        if (DI->getSeverity() != DS_Error)
          return;
        raw_string_ostream OS(*static_cast<std::string *>(C));
        DiagnosticPrinterRawOStream DP(OS);
        DI->print(DP);
      },
      &LinkMsg);
  // One Linker for all: a fresh one per module would walk the whole
  // program's types and metadata each time (quadratic in the TU count).
  Linker L(*P->M);
  bool First = true;
  while (std::unique_ptr<Module> Mod = NextModule()) {
    std::string Name = Mod->getSourceFileName();
    if (First) {
      P->M->setDataLayout(Mod->getDataLayout());
      P->M->setTargetTriple(Mod->getTargetTriple());
      First = false;
    }
    LinkMsg.clear();
    mergeIdenticalGlobals(*P->M, *Mod, Name, P->Warnings);
    if (L.linkInModule(std::move(Mod))) {
      Diagnostic D;
      D.Loc.File = Name;
      D.Message = "cannot link this translation unit with the others: " +
                  (LinkMsg.empty() ? std::string("unknown link error") : LinkMsg);
      Errors.push_back(std::move(D));
    }
  }
  Ctx.setDiagnosticHandlerCallBack(OldHandler, OldCtx);

  if (NamedMDNode *Roles = P->M->getNamedMetadata("ndisv.roles")) {
    for (const MDNode *N : Roles->operands()) {
      if (N->getNumOperands() < 2)
        continue;
      RoleFunction R;
      if (auto *S = dyn_cast_or_null<MDString>(N->getOperand(0)))
        R.Role = S->getString().str();
      auto *VM = dyn_cast_or_null<ValueAsMetadata>(N->getOperand(1));
      auto *F = VM ? dyn_cast<Function>(VM->getValue()->stripPointerCasts()) : nullptr;
      if (!F)
        continue; // declared in this TU, defined nowhere
      R.F = F;
      if (N->getNumOperands() > 2)
        if (auto *S = dyn_cast_or_null<MDString>(N->getOperand(2)))
          R.How = S->getString().str();
      if (N->getNumOperands() > 3)
        if (auto *S = dyn_cast_or_null<MDString>(N->getOperand(3)))
          R.Loc.File = S->getString().str();
      if (N->getNumOperands() > 4)
        if (auto *C = mdconst::dyn_extract_or_null<ConstantInt>(N->getOperand(4)))
          R.Loc.Line = (unsigned)C->getZExtValue();
      if (N->getNumOperands() > 5)
        if (auto *S = dyn_cast_or_null<MDString>(N->getOperand(5)))
          R.Name = S->getString().str();
      if (R.Name.empty())
        R.Name = F->getSubprogram() ? F->getSubprogram()->getName().str() : F->getName().str();
      if (F->getSubprogram()) { // where the function is defined, whatever found it
        R.Loc.File = sourceLocOf(DILocation::get(F->getContext(), F->getSubprogram()->getLine(), 0,
                                                 F->getSubprogram()))
                         .File;
        R.Loc.Line = F->getSubprogram()->getLine();
      }
      bool Dup = false;
      for (const RoleFunction &Old : P->Roles)
        Dup |= Old.Role == R.Role && Old.F == R.F && Old.How == R.How;
      if (!Dup)
        P->Roles.push_back(std::move(R));
    }
  }
  return P;
}

std::vector<const RoleFunction *> DriverProgram::withRole(StringRef Role) const {
  std::vector<const RoleFunction *> Out;
  for (const RoleFunction &R : Roles) {
    if (R.Role != Role || R.F->isDeclaration()) // pruned: the harness never runs it
      continue;
    bool Seen = false;
    for (const RoleFunction *O : Out)
      Seen |= O->F == R.F;
    if (!Seen)
      Out.push_back(&R);
  }
  return Out;
}

//===- OutParams.cpp - Which arguments a bodiless function may write -------===//
// SPDX-License-Identifier: Apache-2.0
//
// A parameter is an out-parameter candidate when its type is a pointer (or
// C++ reference) to sized, non-const data: `PVOID *`, `PULONG`,
// `PUNICODE_STRING`. SAL's `_Out_` expands to nothing before the AST exists,
// so the type is all there is. `PVOID` itself is left alone: it is the type
// of every context handed through (KeInitializeDpc's DeferredContext is the
// adapter), and the callee cannot know the size behind it either.
//===----------------------------------------------------------------------===//
#include "OutParams.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Mangle.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"

using namespace clang;

namespace ndisv {
namespace {

uint64_t writableBytes(ASTContext &Ctx, QualType T) {
  T = T.getCanonicalType();
  if (!T->isPointerType() && !T->isReferenceType())
    return 0;
  QualType P = T->getPointeeType();
  if (P.isConstQualified() || P->isVoidType() || P->isIncompleteType() || P->isFunctionType() ||
      P->isDependentType() || !P->isConstantSizeType())
    return 0;
  return (uint64_t)Ctx.getTypeSizeInChars(P).getQuantity();
}

class OutParamFinder : public ASTConsumer {
public:
  explicit OutParamFinder(OutParamState &State) : State(State) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    ASTNameGenerator Names(Ctx);
    walk(Ctx, Names, Ctx.getTranslationUnitDecl());
  }

private:
  void walk(ASTContext &Ctx, ASTNameGenerator &Names, const DeclContext *DC) {
    for (const Decl *D : DC->decls()) {
      if (isa<LinkageSpecDecl>(D) || isa<NamespaceDecl>(D)) {
        walk(Ctx, Names, cast<DeclContext>(D));
        continue;
      }
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (!FD || FD->isInvalidDecl() || FD->isTemplated() || FD->hasBody() ||
          FD->getNumParams() == 0)
        continue;
      std::vector<uint64_t> Sizes;
      bool Any = false;
      for (const ParmVarDecl *P : FD->parameters()) {
        Sizes.push_back(writableBytes(Ctx, P->getType()));
        Any |= Sizes.back() != 0;
      }
      if (!Any)
        continue;
      std::string Name = Names.getName(FD);
      if (!Name.empty())
        State.Sizes[Name] = std::move(Sizes);
    }
  }

  OutParamState &State;
};

} // namespace

std::unique_ptr<ASTConsumer> createOutParamFinder(OutParamState &State) {
  return std::make_unique<OutParamFinder>(State);
}

void attachOutParamMetadata(llvm::Module &M, const OutParamState &State) {
  llvm::LLVMContext &C = M.getContext();
  for (llvm::Function &F : M) {
    if (!F.isDeclaration() || F.isIntrinsic())
      continue;
    auto It = State.Sizes.find(F.getName());
    if (It == State.Sizes.end())
      continue;
    std::vector<llvm::Metadata *> Ops;
    for (uint64_t N : It->second)
      Ops.push_back(llvm::ConstantAsMetadata::get(
          llvm::ConstantInt::get(llvm::Type::getInt64Ty(C), N)));
    F.setMetadata("ndisv.outparams", llvm::MDNode::get(C, Ops));
  }
}

} // namespace ndisv

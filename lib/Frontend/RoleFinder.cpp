//===- RoleFinder.cpp - Finds NDIS role functions in the AST ------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A driver tells NDIS which function plays which role in four ways, and we
// accept all of them because real drivers mix them: a role-typed prototype
// (`MINIPORT_INITIALIZE MPInitializeEx;`), a SAL `_Function_class_(ROLE)`
// annotation (a macro that usually expands to nothing, hence the PPCallbacks),
// a store into the miniport characteristics structure, and DriverEntry's
// fixed name. Findings carry the IR symbol name so they can be attached to
// the module after Clang has finished lowering it.
//===----------------------------------------------------------------------===//

#include "RoleFinder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <set>
#include <tuple>

using namespace clang;

namespace ndisv {

namespace {

//===-- _Function_class_ expansions ----------------------------------------===//

class FunctionClassCallback : public PPCallbacks {
public:
  FunctionClassCallback(Preprocessor &PP, RoleFinderState &State)
      : PP(PP), State(State) {}

  void MacroExpands(const Token &MacroNameTok, const MacroDefinition &MD,
                    SourceRange Range, const MacroArgs *Args) override {
    const IdentifierInfo *II = MacroNameTok.getIdentifierInfo();
    if (!II || II->getName() != "_Function_class_" || !Args ||
        Args->getNumMacroArguments() < 1)
      return;
    std::string Name;
    for (const Token *T = Args->getUnexpArgument(0); T && T->isNot(tok::eof); ++T)
      Name += PP.getSpelling(*T);
    SourceLocation Loc = PP.getSourceManager().getExpansionLoc(Range.getBegin());
    if (!Name.empty() && Loc.isValid())
      State.FunctionClassUses.push_back({std::move(Name), Loc});
  }

private:
  Preprocessor &PP;
  RoleFinderState &State;
};

//===-- AST walk ----------------------------------------------------------===//

struct RawFinding {
  std::string Role;
  const FunctionDecl *Fn; // the declaration that carried the evidence
  std::string How;
};

/// Where a declaration starts and where its name is, as file offsets; used to
/// decide which declaration a _Function_class_ expansion belongs to.
struct DeclSpan {
  FileID File;
  unsigned Begin, Name;
  const Decl *D;
};

class Visitor : public RecursiveASTVisitor<Visitor> {
public:
  Visitor(ASTContext &Ctx, const RoleTable &Roles,
          const llvm::DenseSet<FileID> &AnnotatedFiles)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Roles(Roles),
        AnnotatedFiles(AnnotatedFiles) {
    for (const std::string &R : Roles.RoleTypes)
      RoleTypes.insert(R);
  }

  std::vector<RawFinding> Findings;
  std::vector<DeclSpan> Spans;

  bool VisitDecl(Decl *D) {
    if (AnnotatedFiles.empty() || D->isImplicit() || isa<TranslationUnitDecl>(D))
      return true;
    SourceLocation B = D->getBeginLoc(), N = D->getLocation();
    if (B.isInvalid() || N.isInvalid())
      return true;
    auto [BF, BO] = SM.getDecomposedExpansionLoc(B);
    auto [NF, NO] = SM.getDecomposedExpansionLoc(N);
    if (BF == NF && AnnotatedFiles.count(BF))
      Spans.push_back({BF, BO, NO, D});
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!usable(FD))
      return true;
    // a. `ROLE_TYPE Name;`: the written type is (sugar for) the role typedef.
    if (const TypeSourceInfo *TSI = FD->getTypeSourceInfo()) {
      if (std::string R = roleTypedef(TSI->getType()); !R.empty()) {
        add(R, FD, "role type declaration");
        return true;
      }
    }
    if (std::string R = roleTypedef(FD->getType()); !R.empty()) {
      add(R, FD, "role type declaration");
      return true;
    }
    // d. DriverEntry and friends, by name, at global scope, with a body.
    if (FD->doesThisDeclarationHaveABody() && FD->getIdentifier() &&
        !isa<CXXMethodDecl>(FD) &&
        FD->getDeclContext()->getRedeclContext()->isTranslationUnit()) {
      auto It = Roles.NamedRoles.find(FD->getName());
      if (It != Roles.NamedRoles.end())
        add(It->second, FD, "by name");
    }
    return true;
  }

  // c. `X.Field = F;`, `P->Field = F;`, `(&X)->Field = F;`
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    if (!ME)
      return true;
    auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field)
      return true;
    QualType BaseTy = ME->getBase()->getType();
    if (ME->isArrow())
      BaseTy = BaseTy->getPointeeType();
    if (!BaseTy.isNull() && isCharacteristics(BaseTy, Field->getParent()))
      store(Field, BO->getRHS());
    return true;
  }

  // c. `NDIS_MINIPORT_DRIVER_CHARACTERISTICS C = { .Field = F, ... }` and
  // positional initializers; the semantic form maps inits to fields.
  bool VisitInitListExpr(InitListExpr *ILE) {
    InitListExpr *Sem = ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
    if (!Sem)
      Sem = ILE;
    const RecordType *RT = Sem->getType()->getAs<RecordType>();
    if (!RT)
      return true;
    const RecordDecl *RD = RT->getDecl()->getDefinition();
    if (!RD || !isCharacteristics(Sem->getType(), RD))
      return true;
    if (RD->isUnion()) {
      if (const FieldDecl *F = Sem->getInitializedFieldInUnion())
        if (Sem->getNumInits() == 1)
          store(F, Sem->getInit(0));
      return true;
    }
    unsigned I = 0;
    if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
      I = CRD->getNumBases(); // C++17 aggregates initialise bases first.
    for (const FieldDecl *F : RD->fields()) {
      if (I >= Sem->getNumInits())
        break;
      store(F, Sem->getInit(I++));
    }
    return true;
  }

private:
  bool usable(const FunctionDecl *FD) const {
    return !FD->isInvalidDecl() && !FD->isTemplated() &&
           !isa<CXXConstructorDecl>(FD) && !isa<CXXDestructorDecl>(FD);
  }

  void add(StringRef Role, const FunctionDecl *FD, const std::string &How) {
    if (usable(FD))
      Findings.push_back({Role.str(), FD, How});
  }

  /// The role typedef that \p T is sugar for, looking through typedef chains,
  /// attributes and parentheses, or "".
  std::string roleTypedef(QualType T) const {
    for (unsigned Steps = 0; !T.isNull() && Steps < 32; ++Steps) {
      if (const auto *TT = dyn_cast<TypedefType>(T.getTypePtr()))
        if (RoleTypes.count(TT->getDecl()->getName()))
          return TT->getDecl()->getName().str();
      QualType Next = T.getSingleStepDesugaredType(Ctx);
      if (Next == T)
        break;
      T = Next;
    }
    return "";
  }

  bool isCharacteristics(QualType T, const RecordDecl *RD) const {
    StringRef CT = Roles.CharacteristicsType;
    if (CT.empty())
      return true;
    for (unsigned Steps = 0; !T.isNull() && Steps < 32; ++Steps) {
      if (const auto *TT = dyn_cast<TypedefType>(T.getTypePtr()))
        if (TT->getDecl()->getName() == CT)
          return true;
      QualType Next = T.getSingleStepDesugaredType(Ctx);
      if (Next == T)
        break;
      T = Next;
    }
    if (!RD)
      return false;
    StringRef Name = RD->getName();
    if (Name == CT || (Name.consume_front("_") && Name == CT))
      return true;
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      return TD->getName() == CT;
    return false;
  }

  static const FunctionDecl *functionOf(const Expr *E) {
    if (!E)
      return nullptr;
    E = E->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        E = UO->getSubExpr()->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<FunctionDecl>(DRE->getDecl());
    return nullptr;
  }

  void store(const FieldDecl *Field, const Expr *Value) {
    if (!Field->getIdentifier())
      return;
    auto It = Roles.HandlerFields.find(Field->getName());
    if (It == Roles.HandlerFields.end())
      return;
    if (const FunctionDecl *FD = functionOf(Value))
      add(It->second, FD,
          (Field->getName() + " in " + Roles.CharacteristicsType).str());
  }

  ASTContext &Ctx;
  SourceManager &SM;
  const RoleTable &Roles;
  const llvm::DenseSet<FileID> &AnnotatedFiles;
  llvm::StringSet<> RoleTypes;
};

/// b. Gives each _Function_class_(NAME) expansion to the declaration it
/// annotates: the innermost one whose [begin, name] contains it, or else the
/// first one starting after it. It counts only if that is a function.
void matchFunctionClassUses(const RoleFinderState &State, const SourceManager &SM,
                            const llvm::StringSet<> &RoleTypes,
                            const std::vector<DeclSpan> &Spans,
                            std::vector<RawFinding> &Out) {
  for (const FunctionClassUse &U : State.FunctionClassUses) {
    if (!RoleTypes.count(U.Name) || SM.isInSystemHeader(U.Loc))
      continue;
    auto [File, Off] = SM.getDecomposedLoc(U.Loc);
    const DeclSpan *Containing = nullptr, *Next = nullptr;
    for (const DeclSpan &S : Spans) {
      if (S.File != File)
        continue;
      if (S.Begin <= Off && Off <= S.Name) {
        if (!Containing || S.Begin > Containing->Begin ||
            (S.Begin == Containing->Begin && isa<FunctionDecl>(S.D)))
          Containing = &S;
      } else if (S.Begin > Off) {
        if (!Next || S.Begin < Next->Begin ||
            (S.Begin == Next->Begin && isa<FunctionDecl>(S.D)))
          Next = &S;
      }
    }
    const DeclSpan *Owner = Containing ? Containing : Next;
    if (!Owner)
      continue;
    if (const auto *FD = dyn_cast<FunctionDecl>(Owner->D))
      if (!FD->isInvalidDecl() && !FD->isTemplated())
        Out.push_back({U.Name, FD, "_Function_class_ annotation"});
  }
}

class RoleFinderConsumer : public ASTConsumer {
public:
  explicit RoleFinderConsumer(RoleFinderState &State) : State(State) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (!State.Roles || Ctx.getDiagnostics().hasErrorOccurred())
      return;
    const SourceManager &SM = Ctx.getSourceManager();
    llvm::StringSet<> RoleTypes;
    for (const std::string &R : State.Roles->RoleTypes)
      RoleTypes.insert(R);
    llvm::DenseSet<FileID> AnnotatedFiles;
    for (const FunctionClassUse &U : State.FunctionClassUses)
      if (RoleTypes.count(U.Name) && !SM.isInSystemHeader(U.Loc))
        AnnotatedFiles.insert(SM.getFileID(U.Loc));

    Visitor V(Ctx, *State.Roles, AnnotatedFiles);
    V.TraverseDecl(Ctx.getTranslationUnitDecl());
    matchFunctionClassUses(State, SM, RoleTypes, V.Spans, V.Findings);

    ASTNameGenerator Names(Ctx);
    std::set<std::tuple<std::string, std::string, std::string>> Seen;
    for (const RawFinding &F : V.Findings) {
      const FunctionDecl *Where = F.Fn->getDefinition();
      if (!Where)
        Where = F.Fn;
      RoleFinding R;
      R.Role = F.Role;
      R.How = F.How;
      R.SymbolName = Names.getName(F.Fn->getCanonicalDecl());
      if (R.SymbolName.empty() ||
          !Seen.insert({R.Role, R.SymbolName, R.How}).second)
        continue;
      R.SourceName = Where->getQualifiedNameAsString();
      PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Where->getLocation()));
      if (P.isValid()) {
        llvm::SmallString<256> Path(P.getFilename());
        if (!Path.empty() && !llvm::sys::path::is_absolute(Path))
          llvm::sys::fs::make_absolute(Path);
        R.File = std::string(Path.str());
        R.Line = P.getLine();
      }
      State.Findings.push_back(std::move(R));
    }
  }

private:
  RoleFinderState &State;
};

} // namespace

void addFunctionClassCallback(Preprocessor &PP, RoleFinderState &State) {
  PP.addPPCallbacks(std::make_unique<FunctionClassCallback>(PP, State));
}

std::unique_ptr<ASTConsumer> createRoleFinder(RoleFinderState &State) {
  return std::make_unique<RoleFinderConsumer>(State);
}

unsigned attachRoleMetadata(llvm::Module &M, const std::vector<RoleFinding> &Findings) {
  llvm::LLVMContext &C = M.getContext();
  llvm::NamedMDNode *Roles = nullptr;
  unsigned Added = 0;
  for (const RoleFinding &F : Findings) {
    llvm::Function *Fn = M.getFunction(F.SymbolName);
    if (!Fn)
      continue; // Declared here, unused here: its defining TU reports it.
    if (!Roles)
      Roles = M.getOrInsertNamedMetadata("ndisv.roles");
    llvm::Metadata *Ops[] = {
        llvm::MDString::get(C, F.Role),
        llvm::ValueAsMetadata::get(Fn),
        llvm::MDString::get(C, F.How),
        llvm::MDString::get(C, F.File),
        llvm::ConstantAsMetadata::get(
            llvm::ConstantInt::get(llvm::Type::getInt32Ty(C), F.Line)),
        llvm::MDString::get(C, F.SourceName)};
    Roles->addOperand(llvm::MDNode::get(C, Ops));
    ++Added;
  }
  return Added;
}

} // namespace ndisv

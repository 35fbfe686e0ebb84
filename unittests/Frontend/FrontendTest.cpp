//===- FrontendTest.cpp - compileTU, role finding and compileAll --------===//
// SPDX-License-Identifier: Apache-2.0
//
// Every later stage trusts !ndisv.roles and the TU error reports, so these
// tests pin each way a role is found (in C and C++), the metadata layout,
// and that bad input fails softly with a usable location.
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "gmock/gmock.h"

using namespace ndisv;
using namespace ndisv::test;
using ::testing::HasSubstr;

namespace {

/// What the tests declare instead of the model headers.
const char *Prelude = R"(typedef int NDIS_STATUS;
typedef void *NDIS_HANDLE;
#define _Function_class_(x)
typedef NDIS_STATUS MINIPORT_INITIALIZE(NDIS_HANDLE, NDIS_HANDLE, void *);
typedef void MINIPORT_HALT(NDIS_HANDLE, int);
typedef void MINIPORT_SHUTDOWN(NDIS_HANDLE, int);
typedef NDIS_STATUS DRIVER_INITIALIZE(void *, void *);
typedef struct _NDIS_MINIPORT_DRIVER_CHARACTERISTICS {
  int Header;
  MINIPORT_INITIALIZE *InitializeHandlerEx;
  MINIPORT_HALT *HaltHandlerEx;
  MINIPORT_SHUTDOWN *ShutdownHandlerEx;
} NDIS_MINIPORT_DRIVER_CHARACTERISTICS, *PNDIS_MINIPORT_DRIVER_CHARACTERISTICS;
struct OTHER { MINIPORT_HALT *HaltHandlerEx; };
)";
const unsigned PreludeLines = 14;

struct Role {
  std::string Name;
  llvm::Function *Fn = nullptr;
  std::string How, File;
  unsigned Line = 0;
  std::string Source;
};

std::vector<Role> rolesOf(const llvm::Module &M) {
  std::vector<Role> Out;
  const llvm::NamedMDNode *N = M.getNamedMetadata("ndisv.roles");
  if (!N)
    return Out;
  for (const llvm::MDNode *Op : N->operands()) {
    EXPECT_EQ(Op->getNumOperands(), 6u);
    if (Op->getNumOperands() != 6)
      continue;
    Role R;
    R.Name = llvm::cast<llvm::MDString>(Op->getOperand(0))->getString().str();
    R.Fn = llvm::dyn_cast_or_null<llvm::Function>(
        llvm::cast<llvm::ValueAsMetadata>(Op->getOperand(1))->getValue());
    R.How = llvm::cast<llvm::MDString>(Op->getOperand(2))->getString().str();
    R.File = llvm::cast<llvm::MDString>(Op->getOperand(3))->getString().str();
    R.Line = llvm::mdconst::extract<llvm::ConstantInt>(Op->getOperand(4))->getZExtValue();
    R.Source = llvm::cast<llvm::MDString>(Op->getOperand(5))->getString().str();
    Out.push_back(R);
  }
  return Out;
}

const Role *find(const std::vector<Role> &Rs, llvm::StringRef Source,
                 llvm::StringRef How) {
  for (const Role &R : Rs)
    if (R.Source == Source && R.How == How)
      return &R;
  return nullptr;
}

class FrontendTest : public ::testing::Test {
protected:
  FrontendTest() {
    Opts.ModelIncludeDir = Dir.mkdir("model"); // empty on purpose
    Opts.ResourceDir = NDISV_CLANG_RESOURCE_DIR;
    Opts.Roles.RoleTypes = {"MINIPORT_INITIALIZE", "MINIPORT_HALT",
                            "MINIPORT_SHUTDOWN", "DRIVER_INITIALIZE"};
    Opts.Roles.HandlerFields["InitializeHandlerEx"] = "MINIPORT_INITIALIZE";
    Opts.Roles.HandlerFields["HaltHandlerEx"] = "MINIPORT_HALT";
    Opts.Roles.HandlerFields["ShutdownHandlerEx"] = "MINIPORT_SHUTDOWN";
    Opts.Roles.CharacteristicsType = "NDIS_MINIPORT_DRIVER_CHARACTERISTICS";
    Opts.Roles.NamedRoles["DriverEntry"] = "DRIVER_INITIALIZE";
  }

  CompiledTU compile(llvm::StringRef Name, llvm::StringRef Body,
                     bool WithPrelude = true) {
    std::string Text = (WithPrelude ? std::string(Prelude) : "") + Body.str();
    CompileJob Job;
    Job.File = Dir.write(Name, Text);
    Job.Directory = Dir.Root;
    return compileTU(Job, Opts, Ctx);
  }

  /// Compiles and expects success; returns the roles.
  std::vector<Role> roles(llvm::StringRef Name, llvm::StringRef Body) {
    CompiledTU TU = compile(Name, Body);
    EXPECT_TRUE(TU.Result.Compiled);
    for (const Diagnostic &D : TU.Result.Errors)
      ADD_FAILURE() << D.Loc.File << ":" << D.Loc.Line << ": " << D.Message;
    if (!TU.Module)
      return {};
    Modules.push_back(std::move(TU.Module));
    return rolesOf(*Modules.back());
  }

  ScratchDir Dir;
  FrontendOptions Opts;
  llvm::LLVMContext Ctx;
  std::vector<std::unique_ptr<llvm::Module>> Modules;
};

TEST_F(FrontendTest, RoleTypeDeclarationInC) {
  auto Rs = roles("a.c", "MINIPORT_INITIALIZE MPInitializeEx;\n"
                         "MINIPORT_INITIALIZE MPInitializeEx;\n"
                         "NDIS_STATUS MPInitializeEx(NDIS_HANDLE a, NDIS_HANDLE b, void *c)\n"
                         "{ return 0; }\n");
  ASSERT_EQ(Rs.size(), 1u); // two declarations, one finding
  EXPECT_EQ(Rs[0].Name, "MINIPORT_INITIALIZE");
  EXPECT_EQ(Rs[0].How, "role type declaration");
  ASSERT_TRUE(Rs[0].Fn);
  EXPECT_EQ(Rs[0].Fn->getName(), "MPInitializeEx");
  EXPECT_FALSE(Rs[0].Fn->isDeclaration());
  EXPECT_EQ(Rs[0].File, Dir.path("a.c"));
  EXPECT_EQ(Rs[0].Line, PreludeLines + 3); // the definition
  EXPECT_EQ(Rs[0].Source, "MPInitializeEx");
}

TEST_F(FrontendTest, FunctionClassAnnotationInC) {
  auto Rs = roles("b.c", "_Function_class_(MINIPORT_HALT)\n"
                         "static void MPHalt(NDIS_HANDLE h, int a) {}\n"
                         "void _Function_class_(MINIPORT_SHUTDOWN) MPShutdown(NDIS_HANDLE h, int a) {}\n"
                         "typedef _Function_class_(MINIPORT_HALT) void (MY_HALT)(void);\n"
                         "_Function_class_(NOT_A_ROLE) void Plain(void) {}\n"
                         "void NotAnnotated(void) {}\n"
                         "void *Use(void) { return (void *)MPHalt; }\n");
  ASSERT_EQ(Rs.size(), 2u);
  const Role *Halt = find(Rs, "MPHalt", "_Function_class_ annotation");
  ASSERT_TRUE(Halt);
  EXPECT_EQ(Halt->Name, "MINIPORT_HALT");
  ASSERT_TRUE(Halt->Fn);
  EXPECT_TRUE(Halt->Fn->hasInternalLinkage());
  EXPECT_EQ(Halt->Line, PreludeLines + 2);
  const Role *Shut = find(Rs, "MPShutdown", "_Function_class_ annotation");
  ASSERT_TRUE(Shut);
  EXPECT_EQ(Shut->Name, "MINIPORT_SHUTDOWN");
}

TEST_F(FrontendTest, FunctionClassWithNonEmptyExpansion) {
  CompileJob Job;
  Job.File = Dir.write("c.c", "typedef void MINIPORT_HALT(void *, int);\n"
                              "#define _Function_class_(x) __declspec(noinline)\n"
                              "_Function_class_(MINIPORT_HALT)\n"
                              "void MPHalt(void *h, int a) {}\n");
  CompiledTU TU = compileTU(Job, Opts, Ctx);
  ASSERT_TRUE(TU.Result.Compiled);
  auto Rs = rolesOf(*TU.Module);
  ASSERT_EQ(Rs.size(), 1u);
  EXPECT_EQ(Rs[0].Source, "MPHalt");
  EXPECT_EQ(Rs[0].How, "_Function_class_ annotation");
}

TEST_F(FrontendTest, CharacteristicsAssignmentsInC) {
  auto Rs = roles("d.c",
                  "static NDIS_STATUS Init(NDIS_HANDLE a, NDIS_HANDLE b, void *c) { return 0; }\n"
                  "static void Halt(NDIS_HANDLE h, int a) {}\n"
                  "static void Shut(NDIS_HANDLE h, int a) {}\n"
                  "static void Other(NDIS_HANDLE h, int a) {}\n"
                  "void Register(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS p) {\n"
                  "  NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;\n"
                  "  struct OTHER o;\n"
                  "  chars.InitializeHandlerEx = Init;\n"
                  "  p->HaltHandlerEx = &Halt;\n"
                  "  (&chars)->ShutdownHandlerEx = (MINIPORT_SHUTDOWN *)Shut;\n"
                  "  o.HaltHandlerEx = Other;\n"
                  "}\n");
  ASSERT_EQ(Rs.size(), 3u);
  const Role *Init = find(Rs, "Init", "InitializeHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS");
  ASSERT_TRUE(Init);
  EXPECT_EQ(Init->Name, "MINIPORT_INITIALIZE");
  EXPECT_EQ(Init->Line, PreludeLines + 1);
  ASSERT_TRUE(find(Rs, "Halt", "HaltHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS"));
  ASSERT_TRUE(find(Rs, "Shut", "ShutdownHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS"));
  for (const Role &R : Rs)
    EXPECT_NE(R.Source, "Other");
}

TEST_F(FrontendTest, CharacteristicsInitializersInC) {
  auto Rs = roles("e.c",
                  "static NDIS_STATUS I1(NDIS_HANDLE a, NDIS_HANDLE b, void *c) { return 0; }\n"
                  "static void H1(NDIS_HANDLE h, int a) {}\n"
                  "static NDIS_STATUS I2(NDIS_HANDLE a, NDIS_HANDLE b, void *c) { return 0; }\n"
                  "static void H2(NDIS_HANDLE h, int a) {}\n"
                  "static void S2(NDIS_HANDLE h, int a) {}\n"
                  "NDIS_MINIPORT_DRIVER_CHARACTERISTICS D = { .HaltHandlerEx = &H1,\n"
                  "  .InitializeHandlerEx = I1 };\n"
                  "void f(void) {\n"
                  "  NDIS_MINIPORT_DRIVER_CHARACTERISTICS P = { 0, I2, H2, S2 };\n"
                  "  (void)P;\n"
                  "}\n");
  EXPECT_EQ(Rs.size(), 5u);
  EXPECT_TRUE(find(Rs, "I1", "InitializeHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS"));
  EXPECT_TRUE(find(Rs, "H1", "HaltHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS"));
  EXPECT_TRUE(find(Rs, "I2", "InitializeHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS"));
  EXPECT_TRUE(find(Rs, "H2", "HaltHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS"));
  EXPECT_TRUE(find(Rs, "S2", "ShutdownHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS"));
}

TEST_F(FrontendTest, DriverEntryByName) {
  auto Rs = roles("f.c", "NDIS_STATUS DriverEntry(void *d, void *r) { return 0; }\n");
  ASSERT_EQ(Rs.size(), 1u);
  EXPECT_EQ(Rs[0].Name, "DRIVER_INITIALIZE");
  EXPECT_EQ(Rs[0].How, "by name");
  ASSERT_TRUE(Rs[0].Fn);
  EXPECT_EQ(Rs[0].Fn->getName(), "DriverEntry");
}

TEST_F(FrontendTest, RolesInCxxAreMangled) {
  auto Rs = roles("g.cpp",
                  "namespace drv {\n"
                  "MINIPORT_INITIALIZE MPInit;\n"
                  "NDIS_STATUS MPInit(NDIS_HANDLE a, NDIS_HANDLE b, void *c) { return 0; }\n"
                  "}\n"
                  "struct Adapter {\n"
                  "  _Function_class_(MINIPORT_HALT) static void Halt(NDIS_HANDLE h, int a) {}\n"
                  "  static MINIPORT_SHUTDOWN Shutdown;\n"
                  "};\n"
                  "void Adapter::Shutdown(NDIS_HANDLE h, int a) {}\n"
                  "extern \"C\" NDIS_STATUS DriverEntry(void *d, void *r) {\n"
                  "  NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars = {};\n"
                  "  chars.HaltHandlerEx = Adapter::Halt;\n"
                  "  chars.InitializeHandlerEx = &drv::MPInit;\n"
                  "  return 0;\n"
                  "}\n");
  const Role *Init = find(Rs, "drv::MPInit", "role type declaration");
  ASSERT_TRUE(Init);
  ASSERT_TRUE(Init->Fn);
  EXPECT_TRUE(Init->Fn->getName().starts_with("?MPInit@drv@@"));
  EXPECT_FALSE(Init->Fn->isDeclaration());
  EXPECT_TRUE(find(Rs, "drv::MPInit", "InitializeHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS"));

  const Role *Halt = find(Rs, "Adapter::Halt", "_Function_class_ annotation");
  ASSERT_TRUE(Halt);
  ASSERT_TRUE(Halt->Fn);
  EXPECT_TRUE(Halt->Fn->getName().starts_with("?Halt@Adapter@@"));
  EXPECT_EQ(Halt->Name, "MINIPORT_HALT");
  EXPECT_TRUE(find(Rs, "Adapter::Halt", "HaltHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS"));

  const Role *Shut = find(Rs, "Adapter::Shutdown", "role type declaration");
  ASSERT_TRUE(Shut);
  ASSERT_TRUE(Shut->Fn);
  EXPECT_EQ(Shut->Line, PreludeLines + 9);

  const Role *Entry = find(Rs, "DriverEntry", "by name");
  ASSERT_TRUE(Entry);
  ASSERT_TRUE(Entry->Fn);
  EXPECT_EQ(Entry->Fn->getName(), "DriverEntry");
  EXPECT_EQ(Rs.size(), 6u);
}

TEST_F(FrontendTest, DeclaredOnlyRoleFunctions) {
  auto Rs = roles("h.c", "MINIPORT_HALT Unused;\n"
                         "MINIPORT_HALT Elsewhere;\n"
                         "void f(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS p) { p->HaltHandlerEx = Elsewhere; }\n");
  // Unused is not in the module; Elsewhere is, as a declaration.
  ASSERT_EQ(Rs.size(), 2u);
  for (const Role &R : Rs) {
    EXPECT_EQ(R.Source, "Elsewhere");
    ASSERT_TRUE(R.Fn);
    EXPECT_TRUE(R.Fn->isDeclaration());
    EXPECT_EQ(R.Line, PreludeLines + 2);
  }
}

TEST_F(FrontendTest, ModuleHasDebugInfoAndNoOptimisation) {
  CompiledTU TU = compile("i.c", "int add(int a, int b) { int c = a + b; return c; }\n");
  ASSERT_TRUE(TU.Module);
  EXPECT_TRUE(llvm::StringRef(TU.Module->getTargetTriple()).starts_with("x86_64-pc-windows-msvc"));
  EXPECT_NE(TU.Module->debug_compile_units().begin(),
            TU.Module->debug_compile_units().end());
  llvm::Function *F = TU.Module->getFunction("add");
  ASSERT_TRUE(F);
  ASSERT_TRUE(F->getSubprogram());
  bool HasAlloca = false; // -O0 without passes keeps the locals in memory
  for (llvm::Instruction &I : F->getEntryBlock())
    HasAlloca |= llvm::isa<llvm::AllocaInst>(I);
  EXPECT_TRUE(HasAlloca);
}

TEST_F(FrontendTest, MsvcDialectAndKernelMacros) {
  CompiledTU TU = compile("j.c", "#if !defined(_MSC_VER) || !defined(_KERNEL_MODE) || !defined(_WIN64) || !defined(_AMD64_)\n"
                                 "#error wrong dialect\n"
                                 "#endif\n"
                                 "int f(int x) { __try { return x; } __except(1) { return 0; } }\n"
                                 "unsigned __int64 g;\n");
  EXPECT_TRUE(TU.Result.Compiled);
  for (const Diagnostic &D : TU.Result.Errors)
    ADD_FAILURE() << D.Loc.Line << ": " << D.Message;
}

TEST_F(FrontendTest, SyntaxErrorGivesFileAndLine) {
  CompiledTU TU = compile("k.c", "int ok(void) { return 0; }\n"
                                 "int bad(void) { return 0 }\n",
                          /*WithPrelude=*/false);
  EXPECT_FALSE(TU.Result.Compiled);
  EXPECT_FALSE(TU.Module);
  ASSERT_FALSE(TU.Result.Errors.empty());
  EXPECT_EQ(TU.Result.Errors[0].Loc.File, Dir.path("k.c"));
  EXPECT_EQ(TU.Result.Errors[0].Loc.Line, 2u);
  EXPECT_GT(TU.Result.Errors[0].Loc.Col, 0u);
  EXPECT_EQ(TU.Result.File, Dir.path("k.c"));
}

TEST_F(FrontendTest, ManyErrorsKeepFirstFive) {
  std::string Body;
  for (int I = 0; I < 40; ++I)
    Body += "int f" + std::to_string(I) + "(void) { return undeclared" +
            std::to_string(I) + "; }\n";
  CompiledTU TU = compile("l.c", Body, false);
  EXPECT_FALSE(TU.Result.Compiled);
  EXPECT_EQ(TU.Result.Errors.size(), 5u);
  EXPECT_EQ(TU.Result.Errors[4].Loc.Line, 5u);
}

TEST_F(FrontendTest, HashErrorAndMissingInclude) {
  CompiledTU TU = compile("m.c", "#error this driver needs the WDK\n", false);
  EXPECT_FALSE(TU.Result.Compiled);
  ASSERT_FALSE(TU.Result.Errors.empty());
  EXPECT_THAT(TU.Result.Errors[0].Message, HasSubstr("this driver needs the WDK"));
  EXPECT_EQ(TU.Result.Errors[0].Loc.Line, 1u);

  TU = compile("n.c", "\n#include <ndis.h>\nint x;\n", false);
  EXPECT_FALSE(TU.Result.Compiled);
  ASSERT_FALSE(TU.Result.Errors.empty());
  EXPECT_THAT(TU.Result.Errors[0].Message, HasSubstr("ndis.h"));
  EXPECT_EQ(TU.Result.Errors[0].Loc.Line, 2u);
}

TEST_F(FrontendTest, NonexistentFileAndGarbage) {
  CompileJob Job;
  Job.File = Dir.path("missing.c");
  CompiledTU TU = compileTU(Job, Opts, Ctx);
  EXPECT_FALSE(TU.Result.Compiled);
  EXPECT_FALSE(TU.Module);
  ASSERT_EQ(TU.Result.Errors.size(), 1u);
  EXPECT_EQ(TU.Result.Errors[0].Loc.File, Job.File);

  std::string Garbage;
  for (int I = 0; I < 4096; ++I)
    Garbage.push_back(static_cast<char>((I * 7919 + 13) % 256));
  TU = compile("garbage.c", Garbage, false);
  EXPECT_FALSE(TU.Result.Compiled);
  EXPECT_FALSE(TU.Result.Errors.empty());
  EXPECT_LE(TU.Result.Errors.size(), 5u);
}

TEST_F(FrontendTest, JobArgsAndOptionsReachClang) {
  Dir.write("inc/cfg.h", "#define FROM_HEADER 1\n");
  CompileJob Job;
  Job.File = Dir.write("o.c", "#include \"cfg.h\"\n"
                              "#if !FROM_HEADER || FOO != 3 || !defined(BAR)\n"
                              "#error options lost\n"
                              "#endif\n"
                              "int x;\n");
  Job.Args = {"-I" + Dir.path("inc"), "-DFOO=3"};
  Opts.Defines = {"BAR"};
  CompiledTU TU = compileTU(Job, Opts, Ctx);
  EXPECT_TRUE(TU.Result.Compiled);
  for (const Diagnostic &D : TU.Result.Errors)
    ADD_FAILURE() << D.Message;
}

TEST_F(FrontendTest, ClangArgs) {
  CompileJob Job;
  Job.File = "/x/a.cpp";
  Job.Args = {"-DJOB"};
  std::vector<std::string> A = clangArgsFor(Job, Opts);
  auto Has = [&](llvm::StringRef S) { return llvm::is_contained(A, S); };
  EXPECT_TRUE(Has("--target=x86_64-pc-windows-msvc"));
  EXPECT_TRUE(Has("-std=c++17"));
  EXPECT_TRUE(Has("-nostdinc"));
  EXPECT_TRUE(Has(Opts.ModelIncludeDir));
  EXPECT_TRUE(Has("-DJOB"));
  EXPECT_FALSE(Has("/x/a.cpp"));
  Opts.WdkIncludeDirs = {"/wdk/km", "/wdk/shared"};
  A = clangArgsFor(Job, Opts);
  EXPECT_TRUE(Has("/wdk/km"));
  EXPECT_TRUE(Has("/wdk/shared"));
  EXPECT_FALSE(Has(Opts.ModelIncludeDir));
}

TEST_F(FrontendTest, CompileAllInParallelKeepsOrderAndRoles) {
  std::vector<CompileJob> Jobs;
  for (int I = 0; I < 4; ++I) {
    CompileJob J;
    std::string Name = "p" + std::to_string(I);
    J.File = Dir.write(Name + ".c", std::string(Prelude) + "MINIPORT_HALT " + Name +
                                        ";\nvoid " + Name +
                                        "(NDIS_HANDLE h, int a) {}\n");
    Jobs.push_back(J);
  }
  Jobs.insert(Jobs.begin() + 2, CompileJob{Dir.write("broken.c", "int ;;; x y z\n"), "", {}});
  for (unsigned Threads : {1u, 3u}) {
    llvm::LLVMContext Local;
    std::vector<CompiledTU> TUs = compileAll(Jobs, Opts, Local, Threads);
    ASSERT_EQ(TUs.size(), Jobs.size());
    for (size_t I = 0; I < Jobs.size(); ++I) {
      EXPECT_EQ(TUs[I].Result.File, Jobs[I].File);
      if (I == 2) {
        EXPECT_FALSE(TUs[I].Result.Compiled);
        EXPECT_FALSE(TUs[I].Module);
        continue;
      }
      ASSERT_TRUE(TUs[I].Module) << Threads;
      EXPECT_EQ(&TUs[I].Module->getContext(), &Local);
      auto Rs = rolesOf(*TUs[I].Module);
      ASSERT_EQ(Rs.size(), 1u);
      ASSERT_TRUE(Rs[0].Fn);
      EXPECT_EQ(Rs[0].Fn->getName(), llvm::sys::path::stem(Jobs[I].File));
      EXPECT_EQ(Rs[0].Name, "MINIPORT_HALT");
    }
  }
}

} // namespace

//===- Recursion.cpp - Recursion followed one level, then summarised --------===//
// SPDX-License-Identifier: Apache-2.0
//
// Recursion is followed one level, as a loop is unrolled: a call of a
// function already running twice on the path, or running with the very same
// argument values, is not entered again. Unrolled, it would recurse until
// the call-depth budget ended the path, and that cut makes every rule
// inconclusive. The typical case is an indirect call that the engine itself
// assumed may reach the function it is in (a completion routine that calls
// the request's callback, whose type is its own): with the pointer bound to
// that function for the rest of the path, each level calls it again, with
// the same arguments or with the request it took for an inner one.
//
// Such a call is summarised instead, sound for what it writes one pointer deep: it
// returns an unknown value; the objects its pointer arguments point to and
// the globals the functions it may reach name become unknown (observers
// forget what they followed there); and the bodiless functions it may reach,
// directly or through calls of a matching type, are recorded as unexplored,
// so the rules watching them come out inconclusive with the call named,
// while the rules it cannot concern keep their verdicts.
//===----------------------------------------------------------------------===//
#include "ExecutorImpl.h"
#include "Memory.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/Support/Path.h"
#include <set>

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

static std::string nameOf(const Function &F) {
  return F.getSubprogram() ? F.getSubprogram()->getName().str() : F.getName().str();
}

Executor::Impl::Recursion Executor::Impl::recursionOf(const State &S, const Function &F,
                                                     ArrayRef<SymValue> Args) const {
  unsigned Running = 0;
  for (const Frame &Fr : S.Stack) {
    if (Fr.F != &F || Fr.ViaModel)
      continue;
    ++Running;
    if (F.arg_size() != Args.size())
      continue; // a call through a mismatched type: never the same call
    bool Same = true;
    unsigned K = 0;
    for (const Argument &A : F.args()) {
      auto It = Fr.Regs.find(&A);
      Same = It != Fr.Regs.end() && S.resolve(It->second).sameAs(S.resolve(Args[K++]));
      if (!Same)
        break;
    }
    if (Same)
      return Recursion::Repeats;
  }
  return Running > MaxRecursion ? Recursion::TooDeep : Recursion::None;
}

/// The functions F may run: those it calls directly, and for each call
/// through a pointer, the address-taken functions of the call's type; the
/// bodiless ones are named, the globals the others name collected.
void Executor::Impl::mayReach(const Function &F, std::vector<std::string> &Declarations,
                              SmallPtrSetImpl<const GlobalVariable *> &Globals) {
  SetVector<const Function *> Seen;
  Seen.insert(&F);
  std::set<std::string> Out;
  auto addGlobals = [&](const Value *V) {
    SmallVector<const Value *, 4> Work{V};
    for (unsigned Depth = 0; !Work.empty() && Depth < 64; ++Depth) {
      const Value *W = Work.pop_back_val();
      if (auto *G = dyn_cast<GlobalVariable>(W)) {
        if (!G->isConstant())
          Globals.insert(G);
      } else if (auto *CE = dyn_cast<ConstantExpr>(W))
        Work.append(CE->op_begin(), CE->op_end());
    }
  };
  for (size_t K = 0; K < Seen.size() && K < 4096; ++K) {
    const Function *G = Seen[K];
    if (G->isDeclaration()) {
      Out.insert(G->getName().str());
      continue;
    }
    for (const BasicBlock &BB : *G)
      for (const Instruction &I : BB) {
        for (const Value *Op : I.operands())
          if (isa<Constant>(Op))
            addGlobals(Op);
        auto *CB = dyn_cast<CallBase>(&I);
        if (!CB || CB->isInlineAsm())
          continue;
        if (auto *Callee = dyn_cast<Function>(CB->getCalledOperand()->stripPointerCasts())) {
          if (!Callee->isIntrinsic())
            Seen.insert(Callee);
        } else
          for (const Function *T : targetsOfType(CB->getFunctionType()))
            Seen.insert(T);
      }
  }
  Declarations.assign(Out.begin(), Out.end());
}

void Executor::Impl::summariseRecursion(State &S, const CallBase &CB, const Function &F,
                                        ArrayRef<SymValue> Args, Recursion Why) {
  ++E.Stats.RecursionsSummarised;
  auto &Reach = RecursionReach[&F];
  if (!Reach) {
    Reach = std::make_unique<RecursionFootprint>();
    mayReach(F, Reach->Declarations, Reach->Globals);
  }
  if (RecursionSites.insert(&CB).second) {
    std::string At;
    if (const DILocation *L = CB.getDebugLoc().get())
      At = "at " + sys::path::filename(L->getFilename()).str() + ":" +
           std::to_string(L->getLine()) + " ";
    std::string What = Why == Recursion::Repeats
                           ? " repeats a running call of " + nameOf(F) + " with the same arguments"
                           : " calls " + nameOf(F) + " while it runs " +
                                 std::to_string(MaxRecursion + 1) + " times on the path";
    E.Stats.Unexplored.push_back(
        {"the call " + At + "in " + nameOf(*CB.getFunction()) + What +
             "; it was summarised (an unknown result, what it may write unknown), not run: it "
             "may call what this rule watches",
         Reach->Declarations});
  }
  S.addTrace(TraceStep::Kind::Outcome, CB.getDebugLoc().get(),
             "Calling '" + nameOf(F) + "' again (a recursion): summarised, not run");
  const uint64_t ToTheEnd = uint64_t(1) << 62;
  auto forget = [&](ObjId O) {
    const MemObject *M = S.object(O);
    if (!M)
      return;
    uint64_t Len = M->Size ? M->Size : ToTheEnd;
    havocMem(S, O, 0, Len);
    Obs.onForget(S, O, 0, Len);
  };
  for (const SymValue &A : Args) {
    SymValue P = S.resolve(A);
    ObjId Obj;
    int64_t Off;
    if (P.isPtr() && deref(S, P, Obj, Off))
      forget(Obj);
  }
  for (const GlobalVariable *G : Reach->Globals)
    forget(globalObject(S, G));
  SymValue Ret;
  bool HasRet = !CB.getType()->isVoidTy();
  if (HasRet) {
    unsigned Bits = CB.getType()->isPointerTy()   ? 64
                    : CB.getType()->isIntegerTy() ? CB.getType()->getIntegerBitWidth()
                                                  : 64;
    Ret = SymValue::symbol(S.newSym(Bits, "return of " + nameOf(F)), Bits);
  }
  finishCall(S, CB, F.getName(), "", Args, Ret, HasRet);
}

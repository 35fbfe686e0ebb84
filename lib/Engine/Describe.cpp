//===- Describe.cpp - Source names for IR pointers --------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// At -O0 Clang writes `Adapter->Queue[i].WorkItem = X` as a load of the
// local `Adapter`, struct and array GEPs, and a store. Walking that chain
// back, with the DWARF types of the locals for member names, gives the
// expression again. Anything the walk does not understand gives "" rather
// than a guess: callers then name the value by where it was acquired.
//===----------------------------------------------------------------------===//
#include "ndisv/Engine/Describe.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

using namespace llvm;
using namespace ndisv::engine;

namespace {

const DIType *strip(const DIType *T) {
  while (auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    unsigned Tag = D->getTag();
    if (Tag != dwarf::DW_TAG_typedef && Tag != dwarf::DW_TAG_const_type &&
        Tag != dwarf::DW_TAG_volatile_type && Tag != dwarf::DW_TAG_restrict_type &&
        Tag != dwarf::DW_TAG_atomic_type)
      break;
    T = D->getBaseType();
  }
  return T;
}

const DIType *pointee(const DIType *T) {
  if (auto *D = dyn_cast_or_null<DIDerivedType>(strip(T)))
    if (D->getTag() == dwarf::DW_TAG_pointer_type || D->getTag() == dwarf::DW_TAG_reference_type)
      return D->getBaseType();
  return nullptr;
}

const DILocalVariable *variableOf(const AllocaInst *A) {
  Value *V = const_cast<AllocaInst *>(A);
  for (DbgVariableRecord *R : findDVRDeclares(V))
    return R->getVariable();
  for (DbgDeclareInst *D : findDbgDeclares(V))
    return D->getVariable();
  return nullptr;
}

/// A location being named: Text, or *Text when Deref (Text is a pointer).
struct Loc {
  std::string Text;
  const DIType *Ty = nullptr; // type of the location (not of the pointer)
  bool Deref = false;
  bool Local = false;
  bool Ok = false;
};

class Describer {
public:
  Describer(const State &S, std::vector<std::string> &Bindings) : S(S), Bindings(Bindings) {}

  Loc loc(const Value *P, unsigned Depth = 0) {
    Loc D;
    if (!P || Depth > 16)
      return D;
    // Not stripPointerCasts(): it also drops all-zero GEPs, and with them the
    // name of a struct's first member.
    while (auto *C = dyn_cast<Operator>(P)) {
      if (C->getOpcode() != Instruction::BitCast && C->getOpcode() != Instruction::AddrSpaceCast)
        break;
      P = C->getOperand(0);
    }
    if (auto *A = dyn_cast<AllocaInst>(P)) {
      if (const DILocalVariable *V = variableOf(A)) {
        D.Text = V->getName().str();
        D.Ty = V->getType();
        D.Local = D.Ok = !D.Text.empty();
      }
      return D;
    }
    if (auto *G = dyn_cast<GlobalVariable>(P)) {
      SmallVector<DIGlobalVariableExpression *, 1> GVs;
      G->getDebugInfo(GVs);
      if (!GVs.empty()) {
        D.Text = GVs.front()->getVariable()->getName().str();
        D.Ty = GVs.front()->getVariable()->getType();
        D.Ok = !D.Text.empty();
      }
      return D;
    }
    if (auto *L = dyn_cast<LoadInst>(P)) {
      // A pointer parameter the callee never reassigns points where the
      // caller's argument does: name it in the caller's terms
      // (`&Adapter->Timer`, not `*Timer`).
      if (const Value *Arg = callerArgument(L->getPointerOperand())) {
        unsigned Saved = FrameIdx--;
        Loc Outer = loc(Arg, Depth + 1);
        FrameIdx = Saved;
        if (Outer.Ok)
          return Outer;
      }
      Loc Inner = loc(L->getPointerOperand(), Depth + 1);
      if (!Inner.Ok)
        return D;
      D.Text = Inner.Deref ? "*" + Inner.Text : Inner.Text;
      D.Ty = pointee(Inner.Ty);
      D.Deref = D.Ok = true;
      return D;
    }
    if (auto *G = dyn_cast<GEPOperator>(P)) {
      D = loc(G->getPointerOperand(), Depth + 1);
      if (D.Ok)
        D.Ok = walk(D, *G);
      return D;
    }
    return D;
  }

private:
  const State &S;
  std::vector<std::string> &Bindings;
  unsigned FrameIdx = S.Stack.empty() ? 0 : (unsigned)S.Stack.size() - 1;

  /// The caller's IR argument for the parameter whose home is alloca A, if
  /// A is stored to once (parameters at -O0) and the caller is on the stack.
  const Value *callerArgument(const Value *P) const {
    auto *A = dyn_cast<AllocaInst>(P);
    if (!A || FrameIdx == 0 || FrameIdx >= S.Stack.size())
      return nullptr;
    const DILocalVariable *V = variableOf(A);
    const CallBase *Site = S.Stack[FrameIdx].CallSite;
    if (!V || !V->isParameter() || !Site || V->getArg() == 0 || V->getArg() > Site->arg_size())
      return nullptr;
    unsigned Stores = 0;
    for (const User *U : A->users())
      if (auto *SI = dyn_cast<StoreInst>(U); SI && SI->getPointerOperand() == A)
        ++Stores;
    if (Stores != 1)
      return nullptr;
    // C++ methods number `this` as argument 1, like the IR.
    return Site->getArgOperand(V->getArg() - 1);
  }

  const DataLayout &layout(const GEPOperator &G) {
    if (auto *I = dyn_cast<Instruction>(&G))
      return I->getModule()->getDataLayout();
    return cast<GlobalValue>(G.getPointerOperand()->stripPointerCasts())->getParent()->getDataLayout();
  }

  bool walk(Loc &D, const GEPOperator &G) {
    if (!isa<Instruction>(&G) && !isa<GlobalValue>(G.getPointerOperand()->stripPointerCasts()))
      return false;
    const DataLayout &DL = layout(G);
    Type *T = G.getSourceElementType();
    auto Idx = G.idx_begin(), End = G.idx_end();
    if (Idx == End)
      return true;
    const Value *First = Idx->get();
    ++Idx;
    auto *C0 = dyn_cast<ConstantInt>(First);
    if (T->isIntegerTy(8) && C0 && Idx == End) // a byte offset into the pointee
      return member(D, C0->getZExtValue());
    if (!C0 || !C0->isZero()) { // pointer arithmetic: P[k]
      std::string K = index(First);
      D.Text = D.Deref ? D.Text + "[" + K + "]" : "(&" + D.Text + ")[" + K + "]";
      D.Deref = false;
    }
    for (; Idx != End; ++Idx) {
      if (auto *ST = dyn_cast<StructType>(T)) {
        auto *F = dyn_cast<ConstantInt>(Idx->get());
        if (!F || !member(D, DL.getStructLayout(ST)->getElementOffset(F->getZExtValue())))
          return false;
        T = ST->getElementType(F->getZExtValue());
      } else if (auto *AT = dyn_cast<ArrayType>(T)) {
        auto *Arr = dyn_cast_or_null<DICompositeType>(strip(D.Ty));
        if (!Arr || Arr->getTag() != dwarf::DW_TAG_array_type)
          return false;
        if (D.Deref)
          D.Text = "(*" + D.Text + ")";
        D.Text += "[" + index(Idx->get()) + "]";
        D.Deref = false;
        D.Ty = Arr->getBaseType();
        T = AT->getElementType();
      } else {
        return false;
      }
    }
    return true;
  }

  /// Steps into the member at byte Off of D's struct type (through anonymous
  /// structs and unions, which add no name).
  bool member(Loc &D, uint64_t Off) {
    auto *CT = dyn_cast_or_null<DICompositeType>(strip(D.Ty));
    if (!CT || CT->getTag() == dwarf::DW_TAG_array_type)
      return false;
    for (const DINode *N : CT->getElements()) {
      auto *M = dyn_cast_or_null<DIDerivedType>(N);
      if (!M || M->isStaticMember() ||
          (M->getTag() != dwarf::DW_TAG_member && M->getTag() != dwarf::DW_TAG_inheritance))
        continue;
      uint64_t Begin = M->getOffsetInBits() / 8, Size = std::max<uint64_t>(M->getSizeInBits() / 8, 1);
      if (Off < Begin || Off >= Begin + Size)
        continue;
      if (M->getTag() == dwarf::DW_TAG_member && !M->getName().empty()) {
        D.Text += (D.Deref ? "->" : ".") + M->getName().str();
        D.Deref = false;
      }
      D.Ty = M->getBaseType();
      if (Off == Begin) {
        // Stop at a named member; go on into an anonymous aggregate only when
        // the GEP will (the caller's next index does that).
        return true;
      }
      return member(D, Off - Begin);
    }
    return false;
  }

  std::string index(const Value *I) {
    if (auto *C = dyn_cast<ConstantInt>(I))
      return std::to_string(C->getSExtValue());
    std::optional<int64_t> Known;
    if (FrameIdx < S.Stack.size()) {
      auto It = S.Stack[FrameIdx].Regs.find(I);
      if (It != S.Stack[FrameIdx].Regs.end()) {
        SymValue V = S.resolve(It->second);
        if (V.isInt())
          Known = V.sext();
      }
    }
    const Value *X = I;
    while (auto *C = dyn_cast<CastInst>(X))
      X = C->getOperand(0);
    std::string Name;
    if (auto *L = dyn_cast<LoadInst>(X))
      if (auto *A = dyn_cast<AllocaInst>(L->getPointerOperand()))
        if (const DILocalVariable *V = variableOf(A))
          Name = V->getName().str();
    if (Name.empty())
      return Known ? std::to_string(*Known) : "?";
    if (Known) {
      std::string B = Name + " = " + std::to_string(*Known);
      if (!is_contained(Bindings, B))
        Bindings.push_back(B);
    }
    return Name;
  }
};

} // namespace

LocationName ndisv::engine::describeLocation(const State &S, const Value *Ptr) {
  std::vector<std::string> Bindings;
  Loc D = Describer(S, Bindings).loc(Ptr);
  LocationName N;
  if (!D.Ok)
    return N;
  N.Text = D.Deref ? "*" + D.Text : D.Text;
  N.Local = D.Local;
  if (!Bindings.empty())
    N.Text += " (" + join(Bindings, ", ") + ")";
  return N;
}

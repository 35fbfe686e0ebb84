//===- Harness.cpp - The lifecycle as NDIS drives it ------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ndisv/Harness/Harness.h"
#include "ndisv/Model/Model.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstrTypes.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;
using namespace ndisv::model;

namespace {
class Lifecycle {
public:
  Lifecycle(const DriverProgram &P, Executor &X, rules::RuleMonitor &Mon, HarnessResult &Res)
      : P(P), X(X), Mon(Mon), Res(Res) {}

  void run() {
    auto S = X.newState();
    Mon.start(*S);
    std::vector<const RoleFunction *> Entries = P.withRole(RoleDriverEntry);
    Inits = P.withRole(RoleInitialize);
    Halts = P.withRole(RoleHalt);
    if (Halts.empty())
      Res.Notes.push_back("no MiniportHaltEx was found: halt clauses were not checked");
    if (Entries.empty()) {
      initialize(std::move(S));
      return;
    }
    const Function *DE = Entries.front()->F;
    SmallVector<SymValue, 2> Args{X.freshObject(*S, "DriverObject"),
                                  X.freshObject(*S, "RegistryPath")};
    unsigned Kept = 0;
    X.run(std::move(S), DE, Args, [&](std::unique_ptr<State> Done, SymValue Ret, const DILocation *) {
      // NDIS initializes adapters only after DriverEntry succeeded.
      auto [Ok, Failed] = X.split(std::move(Done), Ret, CmpInst::ICMP_SGE, 0);
      if (!Ok)
        return;
      if (++Kept > MaxDriverEntryPaths) { // a budget: never a silent pass
        ++Res.DroppedPaths;
        return;
      }
      initialize(std::move(Ok));
    });
  }

private:
  static constexpr unsigned MaxDriverEntryPaths = 64;

  const RoleFunction *haltFor(const RoleFunction *Init) const {
    if (Halts.empty())
      return nullptr;
    // Prefer the halt registered next to this init (same characteristics).
    const RoleFunction *Best = Halts.front();
    for (const RoleFunction *H : Halts)
      if (H->Loc.File == Init->Loc.File &&
          (Best->Loc.File != Init->Loc.File ||
           std::labs((long)H->Loc.Line - (long)Init->Loc.Line) <
               std::labs((long)Best->Loc.Line - (long)Init->Loc.Line)))
        Best = H;
    return Best;
  }

  void initialize(std::unique_ptr<State> S) {
    for (size_t K = 0; K < Inits.size(); ++K) {
      std::unique_ptr<State> Si = K + 1 == Inits.size() ? std::move(S) : std::make_unique<State>(*S);
      runInit(std::move(Si), Inits[K]);
    }
  }

  void runInit(std::unique_ptr<State> S, const RoleFunction *Init) {
    Res.RanInit = true;
    S->Trace = nullptr; // what DriverEntry did is not part of any rule's story
    const RoleFunction *Halt = haltFor(Init);
    Mon.setPhase(*S, RoleInitialize);
    const DILocation *At = nullptr;
    if (auto *SP = Init->F->getSubprogram())
      At = DILocation::get(SP->getContext(), SP->getLine(), 0, SP);
    S->addTrace(TraceStep::Kind::Phase, At, "NDIS calls '" + Init->Name + "'");
    Mon.onRole(*S, RoleInitialize, rules::EventKind::Entry, At);
    SymValue DriverCtx = S->Slots.count(SlotDriverContext) ? S->Slots[SlotDriverContext]
                                                            : X.freshObject(*S, "MiniportDriverContext");
    SmallVector<SymValue, 3> Args{X.freshObject(*S, "NdisMiniportHandle"), DriverCtx,
                                  X.freshObject(*S, "MiniportInitParameters")};
    X.run(std::move(S), Init->F, Args,
          [&](std::unique_ptr<State> Done, SymValue Ret, const DILocation *Exit) {
            auto [Ok, Failed] = X.split(std::move(Done), Ret, CmpInst::ICMP_EQ, 0);
            if (Failed) {
              Failed->addTrace(TraceStep::Kind::Exit, Exit,
                               "'" + Init->Name + "' returns a failure status");
              Mon.onRole(*Failed, RoleInitialize, rules::EventKind::Exit, Exit, &Ret);
              Mon.onRole(*Failed, RoleInitialize, rules::EventKind::Failure, Exit, &Ret);
            }
            if (Ok) {
              Ok->addTrace(TraceStep::Kind::Phase, Exit,
                           "'" + Init->Name + "' returns NDIS_STATUS_SUCCESS");
              Mon.onRole(*Ok, RoleInitialize, rules::EventKind::Exit, Exit, &Ret);
              Mon.onRole(*Ok, RoleInitialize, rules::EventKind::Success, Exit, &Ret);
              if (Halt)
                runHalt(std::move(Ok), Halt);
            }
          });
  }

  void runHalt(std::unique_ptr<State> S, const RoleFunction *Halt) {
    Res.RanHalt = true;
    Mon.setPhase(*S, RoleHalt);
    SymValue Ctx = S->Slots.count(SlotAdapterContext) ? S->Slots[SlotAdapterContext]
                                                      : X.freshObject(*S, "MiniportAdapterContext");
    const DILocation *At = nullptr;
    if (auto *SP = Halt->F->getSubprogram())
      At = DILocation::get(SP->getContext(), SP->getLine(), 0, SP);
    S->addTrace(TraceStep::Kind::Phase, At, "NDIS calls '" + Halt->Name + "'");
    Mon.onRole(*S, RoleHalt, rules::EventKind::Entry, At);
    SymValue Action = SymValue::symbol(S->newSym(32, "HaltAction"), 32);
    SmallVector<SymValue, 2> Args{Ctx, Action};
    X.run(std::move(S), Halt->F, Args,
          [&](std::unique_ptr<State> Done, SymValue Ret, const DILocation *Exit) {
            Done->addTrace(TraceStep::Kind::Exit, Exit, "'" + Halt->Name + "' returns");
            Mon.onRole(*Done, RoleHalt, rules::EventKind::Exit, Exit, nullptr);
          });
  }

  const DriverProgram &P;
  Executor &X;
  rules::RuleMonitor &Mon;
  HarnessResult &Res;
  std::vector<const RoleFunction *> Inits, Halts;
};
} // namespace

HarnessResult ndisv::runLifecycle(const DriverProgram &P, const CallModelTable &Models,
                                  rules::RuleMonitor &Monitor, const Budget &B) {
  HarnessResult Res;
  Executor X(P.module(), Models, Monitor, B);
  Lifecycle(P, X, Monitor, Res).run();
  Res.Stats = X.stats();
  Res.Exhausted = X.budgetExhausted();
  for (const auto &E : X.unknownCallees())
    Res.UnknownCallees.push_back(E.getKey().str());
  llvm::sort(Res.UnknownCallees);
  return Res;
}

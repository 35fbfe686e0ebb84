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
    return Halts.empty() ? nullptr : nearest(Halts, Init);
  }

  /// Prefer the callback registered next to this init (same characteristics).
  static const RoleFunction *nearest(const std::vector<const RoleFunction *> &Fs,
                                     const RoleFunction *Init) {
    const RoleFunction *Best = Fs.front();
    for (const RoleFunction *H : Fs)
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
    const DILocation *At = entryLoc(Init);
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
              running(std::move(Ok), Init, Halt);
            }
          });
  }

  /// The adapter is initialized. Rules that watch them also see a restart
  /// and pause before the halt, as NDIS drives a running adapter down, and
  /// a shutdown on a path of its own (NDIS calls no halt after it).
  void running(std::unique_ptr<State> S, const RoleFunction *Init, const RoleFunction *Halt) {
    const RoleFunction *Shutdown = watched(RoleShutdown, Init);
    const RoleFunction *Restart = watched(RoleRestart, Init);
    const RoleFunction *Pause = watched(RolePause, Init);
    if (Shutdown) {
      SymValue Action = SymValue::symbol(S->newSym(32, "ShutdownAction"), 32);
      runRole(std::make_unique<State>(*S), Shutdown, RoleShutdown, Action, false,
              [](std::unique_ptr<State>, bool) {});
    }
    auto ThenHalt = [&](std::unique_ptr<State> St, bool) {
      if (Halt)
        runHalt(std::move(St), Halt);
    };
    auto ThenPause = [&](std::unique_ptr<State> St, bool Ok) {
      if (Ok && Pause) {
        SymValue Params = X.freshObject(*St, "MiniportPauseParameters");
        runRole(std::move(St), Pause, RolePause, Params, true, ThenHalt);
      } else {
        ThenHalt(std::move(St), true);
      }
    };
    if (Restart) {
      SymValue Params = X.freshObject(*S, "MiniportRestartParameters");
      runRole(std::move(S), Restart, RoleRestart, Params, true, ThenPause);
    } else {
      ThenPause(std::move(S), true);
    }
  }

  /// The function playing Role for this adapter, if a selected rule watches it.
  const RoleFunction *watched(const char *Role, const RoleFunction *Init) const {
    if (!Mon.watchesRole(Role))
      return nullptr;
    std::vector<const RoleFunction *> Fs = P.withRole(Role);
    return Fs.empty() ? nullptr : nearest(Fs, Init);
  }

  /// Runs a callback that takes (MiniportAdapterContext, Arg) and hands each
  /// returning path on, with whether it returned NDIS_STATUS_SUCCESS.
  void runRole(std::unique_ptr<State> S, const RoleFunction *F, const char *Role, SymValue Arg,
               bool ReturnsStatus, const std::function<void(std::unique_ptr<State>, bool)> &Then) {
    Mon.setPhase(*S, Role);
    SymValue Ctx = S->Slots.count(SlotAdapterContext) ? S->Slots[SlotAdapterContext]
                                                      : X.freshObject(*S, "MiniportAdapterContext");
    S->addTrace(TraceStep::Kind::Phase, entryLoc(F), "NDIS calls '" + F->Name + "'");
    Mon.onRole(*S, Role, rules::EventKind::Entry, entryLoc(F));
    SmallVector<SymValue, 2> Args{Ctx, Arg};
    X.run(std::move(S), F->F, Args,
          [&](std::unique_ptr<State> Done, SymValue Ret, const DILocation *Exit) {
            if (!ReturnsStatus) {
              Done->addTrace(TraceStep::Kind::Exit, Exit, "'" + F->Name + "' returns");
              Mon.onRole(*Done, Role, rules::EventKind::Exit, Exit, nullptr);
              return Then(std::move(Done), true);
            }
            auto [Ok, Failed] = X.split(std::move(Done), Ret, CmpInst::ICMP_EQ, 0);
            for (auto *St : {&Failed, &Ok}) {
              if (!*St)
                continue;
              bool Success = St == &Ok;
              (*St)->addTrace(TraceStep::Kind::Exit, Exit,
                              "'" + F->Name + "' returns " +
                                  (Success ? "NDIS_STATUS_SUCCESS" : "a status other than NDIS_STATUS_SUCCESS"));
              Mon.onRole(**St, Role, rules::EventKind::Exit, Exit, &Ret);
              Mon.onRole(**St, Role, Success ? rules::EventKind::Success : rules::EventKind::Failure, Exit,
                         &Ret);
              Then(std::move(*St), Success);
            }
          });
  }

  static const DILocation *entryLoc(const RoleFunction *F) {
    if (auto *SP = F->F->getSubprogram())
      return DILocation::get(SP->getContext(), SP->getLine(), 0, SP);
    return nullptr;
  }

  void runHalt(std::unique_ptr<State> S, const RoleFunction *Halt) {
    Res.RanHalt = true;
    SymValue Action = SymValue::symbol(S->newSym(32, "HaltAction"), 32);
    runRole(std::move(S), Halt, RoleHalt, Action, false, [&](std::unique_ptr<State> Done, bool) {
      if (Mon.watchesRole(PhaseAfterHalt))
        runDue(std::move(Done), 0);
    });
  }

  /// After the halt: each callback still due runs, one after the other, as
  /// the environment would call it, with the context the driver gave.
  void runDue(std::unique_ptr<State> S, size_t From) {
    size_t K = From;
    while (K < S->Deferred.size() &&
           !(S->Deferred[K].Due && S->Deferred[K].Fn.isFunc() && !S->Deferred[K].Fn.func()->isDeclaration()))
      ++K;
    if (K == S->Deferred.size())
      return;
    DeferredCall D = S->Deferred[K];
    const Function *F = D.Fn.func();
    Mon.setPhase(*S, PhaseAfterHalt);
    std::string Name = F->getSubprogram() ? F->getSubprogram()->getName().str() : F->getName().str();
    S->addTrace(TraceStep::Kind::Phase, D.DueAt,
                "'" + Name + "' runs after MiniportHaltEx returned: " + D.DueBy + " left it due here");
    SmallVector<SymValue, 4> Args;
    for (unsigned A = 1; A <= D.NArgs; ++A) {
      if (A == D.CtxPos)
        Args.push_back(D.Ctx);
      else if (A == D.KeyPos)
        Args.push_back(D.Key);
      else if (A <= F->arg_size() && F->getArg(A - 1)->getType()->isPointerTy())
        Args.push_back(X.freshObject(*S, "SystemSpecific"));
      else
        Args.push_back(SymValue::symbol(S->newSym(64, "SystemSpecific"), 64));
    }
    Args.resize(std::min<size_t>(Args.size(), F->arg_size()));
    S->Deferred[K].Due = false;
    X.run(std::move(S), F, Args, [&](std::unique_ptr<State> Done, SymValue, const DILocation *) {
      runDue(std::move(Done), K + 1);
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

//===- Harness.cpp - The lifecycle as NDIS drives it ------------------------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "ndisv/Harness/Harness.h"
#include "OidRequest.h"
#include "ndisv/Model/Model.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstrTypes.h"
#include <unordered_map>

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;
using namespace ndisv::model;

namespace {
class Lifecycle {
public:
  Lifecycle(const DriverProgram &P, Executor &X, rules::RuleMonitor &Mon, HarnessResult &Res)
      : P(P), X(X), Mon(Mon), Res(Res), Oids(P.module()) {}

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
  static constexpr unsigned MaxOidRequests = 2; // OID requests in a row
  static constexpr int64_t NdisStatusPending = 0x103;
  static constexpr const char *SlotOidPending = "harness-oid-pending";

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
  /// a shutdown on a path of its own (NDIS calls no halt after it). Rules
  /// that watch the running adapter's callbacks (OID requests, sends, the
  /// interrupt, timers...) see them between the restart and the pause
  /// (runCallbacks' order), and the halt straight after the initialization.
  void running(std::unique_ptr<State> S, const RoleFunction *Init, const RoleFunction *Halt) {
    const RoleFunction *Shutdown = watched(RoleShutdown, Init);
    const RoleFunction *Restart = watched(RoleRestart, Init);
    const RoleFunction *Pause = watched(RolePause, Init);
    bool Callbacks = runsCallbacks(Init);
    if (Callbacks && !Restart)
      Restart = roleFor(RoleRestart, Init); // the adapter runs only once restarted
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
    if (Callbacks && Halt) // NDIS may halt an adapter it never restarted
      runHalt(std::make_unique<State>(*S), Halt);
    if (Restart) {
      SymValue Params = X.freshObject(*S, "MiniportRestartParameters");
      runRole(std::move(S), Restart, RoleRestart, Params, true,
              [&](std::unique_ptr<State> St, bool Ok) {
                if (!Ok || !Callbacks)
                  return ThenPause(std::move(St), Ok);
                States Out = runCallbacks(std::move(St), Init);
                for (auto &O : Out)
                  ThenPause(std::move(O), true);
              });
    } else {
      ThenPause(std::move(S), true);
    }
  }

  /// The function playing Role for this adapter, if a selected rule watches it.
  const RoleFunction *watched(const char *Role, const RoleFunction *Init) const {
    return Mon.watchesRole(Role) ? roleFor(Role, Init) : nullptr;
  }
  const RoleFunction *roleFor(const char *Role, const RoleFunction *Init) const {
    std::vector<const RoleFunction *> Fs = P.withRole(Role);
    return Fs.empty() ? nullptr : nearest(Fs, Init);
  }

  // The running adapter (below the class).
  /// Paths between two callbacks. A step's output keeps one path per
  /// distinct rule state, as they arrive (so memory holds only the kept
  /// ones); the temporaries inside a step keep every path.
  class States {
  public:
    States() = default;
    explicit States(rules::RuleMonitor *Mon) : Mon(Mon) {}
    void push_back(std::unique_ptr<State> S) {
      if (Mon) {
        Mon->setPhase(*S, "");
        std::vector<State *> &Bucket = Seen[S->slotsHash()];
        if (llvm::any_of(Bucket, [&](State *K) { return K->sameSlots(*S); }))
          return; // the first (shortest story) is kept
        Bucket.push_back(S.get());
      }
      V.push_back(std::move(S));
    }
    std::vector<std::unique_ptr<State>>::iterator begin() { return V.begin(); }
    std::vector<std::unique_ptr<State>>::iterator end() { return V.end(); }

  private:
    rules::RuleMonitor *Mon = nullptr;
    std::vector<std::unique_ptr<State>> V;
    std::unordered_map<size_t, std::vector<State *>> Seen;
  };
  bool runsCallbacks(const RoleFunction *Init) const;
  States runCallbacks(std::unique_ptr<State> S, const RoleFunction *Init);
  States step(States In, const std::function<void(std::unique_ptr<State>, States &)> &Run,
             bool Optional = true);
  void runCallback(std::unique_ptr<State> S, const RoleFunction *F, const char *Role,
                   SmallVectorImpl<SymValue> &Args, SymValue Ctx, States &Out);
  void fireDeferred(std::unique_ptr<State> S, States &Out, size_t From = 0);

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
           !(S->Deferred[K].Due && S->Deferred[K].DueBy != QueueWorkItemCall && S->Deferred[K].Fn.isFunc() &&
             !S->Deferred[K].Fn.func()->isDeclaration()))
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
  OidRequestBuilder Oids;
};

/// The running adapter's callbacks, in this order, each once or skipped:
/// OID requests (up to MaxOidRequests in a row, none while one pends; each
/// built as NDIS builds it, OidRequest.h), a cancel of the pending request,
/// a send, a return of received NBLs, the interrupt (the ISR, then the DPC
/// when the ISR asks for it), the timers and work items then due, a
/// cancel-send, a PnP event. Only callbacks a selected rule watches run.
/// After each, paths that agree on everything the rules follow are kept
/// once: what a callback does is explored once per distinct rule state,
/// which bounds the cost at (number of rule states) x (callbacks). The
/// kept path is a real one, so no defect is invented; a defect that needs
/// a memory difference between two merged paths may be missed (a bound the
/// README names).
bool Lifecycle::runsCallbacks(const RoleFunction *Init) const {
  for (const char *R : {RoleOidRequest, RoleSend, RoleReturn, RoleIsr, RoleDpc, RoleCancelSend,
                        RoleCancelOid, RolePnpEvent, RoleTimer, RoleWorkItem})
    if (Mon.watchesRole(R))
      return true;
  return false;
}

Lifecycle::States Lifecycle::step(States In,
                                  const std::function<void(std::unique_ptr<State>, States &)> &Run,
                                  bool Optional) {
  States Out(&Mon); // one path per distinct rule state
  for (auto &S : In) {
    if (!Optional) {
      Run(std::move(S), Out);
      continue;
    }
    std::unique_ptr<State> Copy = std::make_unique<State>(*S);
    Out.push_back(std::move(S)); // the callback may not come at all
    Run(std::move(Copy), Out);
  }
  return Out;
}

void Lifecycle::runCallback(std::unique_ptr<State> S, const RoleFunction *F, const char *Role,
                            SmallVectorImpl<SymValue> &Args, SymValue Ctx, States &Out) {
  Mon.setPhase(*S, Role);
  S->addTrace(TraceStep::Kind::Phase, entryLoc(F), "NDIS calls '" + F->Name + "'");
  Args.insert(Args.begin(), Ctx);
  Args.resize(std::min<size_t>(Args.size(), F->F->arg_size()));
  Mon.onRole(*S, Role, rules::EventKind::Entry, entryLoc(F), nullptr, Args);
  SmallVector<SymValue, 4> Kept(Args.begin(), Args.end());
  X.run(std::move(S), F->F, Args, [&](std::unique_ptr<State> Done, SymValue Ret, const DILocation *Exit) {
    // An OID request either pends or is answered: rules see which, and NDIS
    // issues no new request while one pends.
    std::unique_ptr<State> Parts[2] = {std::move(Done), nullptr};
    if (Role == StringRef(RoleOidRequest))
      std::tie(Parts[1], Parts[0]) = X.split(std::move(Parts[0]), Ret, CmpInst::ICMP_EQ, NdisStatusPending);
    for (int K = 0; K < 2; ++K) {
      if (!Parts[K])
        continue;
      Parts[K]->addTrace(TraceStep::Kind::Exit, Exit,
                         "'" + F->Name + "' returns" + (K ? " NDIS_STATUS_PENDING" : ""));
      Mon.onRole(*Parts[K], Role, rules::EventKind::Exit, Exit, &Ret, Kept);
      if (K) // the request pends: NDIS remembers which one
        Parts[K]->Slots[SlotOidPending] = Kept.size() > 1 ? Kept[1] : SymValue::integer(1, 32);
      Out.push_back(std::move(Parts[K]));
    }
  });
}

Lifecycle::States Lifecycle::runCallbacks(std::unique_ptr<State> S0, const RoleFunction *Init) {
  States Cur;
  Cur.push_back(std::move(S0));
  auto ctxOf = [&](State &S, const char *Slot) {
    return S.Slots.count(Slot) ? S.Slots[Slot] : X.freshObject(S, "MiniportAdapterContext");
  };
  auto fresh = [&](State &S, unsigned Bits, const char *Name) {
    return SymValue::symbol(S.newSym(Bits, Name), Bits);
  };
  if (const RoleFunction *F = watched(RoleOidRequest, Init)) {
    if (!Oids.laidOut())
      Res.Notes.push_back("the program declares no NDIS_OID_REQUEST: OID requests were handed over "
                          "as objects of unknown contents");
    for (unsigned K = 0; K < MaxOidRequests; ++K)
      Cur = step(std::move(Cur), [&](std::unique_ptr<State> S, States &Out) {
        // NDIS issues no request while one is pending.
        if (S->Slots.count(SlotOidPending)) {
          Out.push_back(std::move(S));
          return;
        }
        // A request as NDIS builds it: query, statistics or set (one path,
        // the type unknown among them) or method (DATA differs), the OID
        // unknown, the buffer as long as its length says.
        for (auto Kind : {OidRequestBuilder::Kind::QueryOrSet, OidRequestBuilder::Kind::Method}) {
          std::unique_ptr<State> Si = Kind == OidRequestBuilder::Kind::Method || !Oids.laidOut()
                                          ? std::move(S)
                                          : std::make_unique<State>(*S);
          SmallVector<SymValue, 2> A{Oids.build(*Si, X, Kind)};
          SymValue Ctx = ctxOf(*Si, SlotAdapterContext);
          runCallback(std::move(Si), F, RoleOidRequest, A, Ctx, Out);
          if (!Oids.laidOut())
            break;
        }
      });
  }
  // NDIS may cancel a request while it pends, before whatever the driver
  // deferred its completion to runs: with that request's RequestId.
  if (const RoleFunction *F = watched(RoleCancelOid, Init))
    Cur = step(std::move(Cur), [&](std::unique_ptr<State> S, States &Out) {
      auto Pending = S->Slots.find(SlotOidPending);
      std::optional<SymValue> Id;
      if (Pending != S->Slots.end())
        Id = Oids.requestId(*S, Pending->second);
      if (Pending == S->Slots.end()) {
        Out.push_back(std::move(S)); // nothing to cancel
        return;
      }
      SmallVector<SymValue, 2> A{Id ? *Id : X.freshObject(*S, "RequestId")};
      SymValue Ctx = ctxOf(*S, SlotAdapterContext);
      runCallback(std::move(S), F, RoleCancelOid, A, Ctx, Out);
    });
  if (const RoleFunction *F = watched(RoleSend, Init))
    Cur = step(std::move(Cur), [&](std::unique_ptr<State> S, States &Out) {
      SmallVector<SymValue, 4> A{X.freshObject(*S, "NetBufferLists"), fresh(*S, 32, "PortNumber"),
                                 fresh(*S, 32, "SendFlags")};
      SymValue Ctx = ctxOf(*S, SlotAdapterContext);
      runCallback(std::move(S), F, RoleSend, A, Ctx, Out);
    });
  if (const RoleFunction *F = watched(RoleReturn, Init))
    Cur = step(std::move(Cur), [&](std::unique_ptr<State> S, States &Out) {
      SmallVector<SymValue, 4> A{X.freshObject(*S, "NetBufferLists"), fresh(*S, 32, "ReturnFlags")};
      SymValue Ctx = ctxOf(*S, SlotAdapterContext);
      runCallback(std::move(S), F, RoleReturn, A, Ctx, Out);
    });
  const RoleFunction *Isr = watched(RoleIsr, Init);
  const RoleFunction *Dpc = watched(RoleDpc, Init);
  if (Isr || Dpc) {
    Isr = roleFor(RoleIsr, Init);
    Dpc = roleFor(RoleDpc, Init);
  }
  if (Isr)
    Cur = step(std::move(Cur), [&](std::unique_ptr<State> S, States &Out) {
      if (!S->Slots.count(SlotInterruptContext)) {
        Out.push_back(std::move(S)); // no interrupt registered on this path
        return;
      }
      SymValue Ctx = S->Slots[SlotInterruptContext];
      SymValue QueueDpc = X.freshObject(*S, "QueueMiniportInterruptDpcHandler");
      SmallVector<SymValue, 4> A{QueueDpc, X.freshObject(*S, "TargetProcessors")};
      States AfterIsr;
      runCallback(std::move(S), Isr, RoleIsr, A, Ctx, AfterIsr);
      for (auto &St : AfterIsr) {
        std::optional<SymValue> Asked = St->readAt(QueueDpc, 0, 1);
        bool No = Asked && St->resolve(*Asked).isInt() && St->resolve(*Asked).zext() == 0;
        if (!Dpc || No) {
          Out.push_back(std::move(St));
          continue;
        }
        SmallVector<SymValue, 4> D{X.freshObject(*St, "MiniportDpcContext"),
                                   X.freshObject(*St, "ReceiveThrottleParameters"),
                                   X.freshObject(*St, "NdisReserved2")};
        runCallback(std::move(St), Dpc, RoleDpc, D, Ctx, Out);
      }
    }, /*Optional=*/false); // an interrupt the driver waits for comes

  if (Mon.watchesRole(RoleTimer) || Mon.watchesRole(RoleWorkItem))
    Cur = step(std::move(Cur), [&](std::unique_ptr<State> S, States &Out) { fireDeferred(std::move(S), Out); },
               /*Optional=*/false); // what is due runs before the pause
  if (const RoleFunction *F = watched(RoleCancelSend, Init))
    Cur = step(std::move(Cur), [&](std::unique_ptr<State> S, States &Out) {
      SmallVector<SymValue, 2> A{X.freshObject(*S, "CancelId")};
      SymValue Ctx = ctxOf(*S, SlotAdapterContext);
      runCallback(std::move(S), F, RoleCancelSend, A, Ctx, Out);
    });
  if (const RoleFunction *F = watched(RolePnpEvent, Init))
    Cur = step(std::move(Cur), [&](std::unique_ptr<State> S, States &Out) {
      SmallVector<SymValue, 2> A{X.freshObject(*S, "NetDevicePnPEvent")};
      SymValue Ctx = ctxOf(*S, SlotAdapterContext);
      runCallback(std::move(S), F, RolePnpEvent, A, Ctx, Out);
    });
  return Cur;
}

/// Timers set and work items queued fire once each, in the order the
/// driver handed them over, at the IRQL of their kind.
void Lifecycle::fireDeferred(std::unique_ptr<State> S, States &Out, size_t From) {
  size_t K = From;
  while (K < S->Deferred.size() &&
         !(S->Deferred[K].Due && S->Deferred[K].Fn.isFunc() && !S->Deferred[K].Fn.func()->isDeclaration()))
    ++K;
  if (K == S->Deferred.size()) {
    Out.push_back(std::move(S));
    return;
  }
  DeferredCall D = S->Deferred[K];
  const Function *F = D.Fn.func();
  const char *Role = D.DueBy == QueueWorkItemCall ? RoleWorkItem : RoleTimer;
  Mon.setPhase(*S, Role);
  std::string Name = F->getSubprogram() ? F->getSubprogram()->getName().str() : F->getName().str();
  S->addTrace(TraceStep::Kind::Phase, D.DueAt, "'" + Name + "' runs: " + D.DueBy + " made it due here");
  SmallVector<SymValue, 4> Args;
  for (unsigned A = 1; A <= D.NArgs; ++A) {
    if (A == D.CtxPos)
      Args.push_back(D.Ctx);
    else if (A == D.KeyPos)
      Args.push_back(D.Key);
    else
      Args.push_back(X.freshObject(*S, "SystemSpecific"));
  }
  Args.resize(std::min<size_t>(Args.size(), F->arg_size()));
  S->Deferred[K].Due = false;
  Mon.onRole(*S, Role, rules::EventKind::Entry, D.DueAt, nullptr, Args);
  States Done;
  X.run(std::move(S), F, Args, [&](std::unique_ptr<State> St, SymValue, const DILocation *Exit) {
    Mon.onRole(*St, Role, rules::EventKind::Exit, Exit, nullptr, Args);
    Done.push_back(std::move(St));
  });
  for (auto &St : Done)
    fireDeferred(std::move(St), Out, K + 1); // the next one due, if any
}
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

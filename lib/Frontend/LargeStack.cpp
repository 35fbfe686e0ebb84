//===- LargeStack.cpp - Run the compiler where deep nesting fits --------===//
// SPDX-License-Identifier: Apache-2.0
//
// A TU nested deeper than any stack is that TU's error, never a dead run:
// clang recurses without a depth limit for unary operators and the like.
// CrashRecoveryContext catches SIGSEGV, but a stack overflow's signal can
// only be delivered on an alternate stack (sigaltstack, per thread, with
// SA_ONSTACK on the handler), which CrashRecoveryContext does not set up.
//===----------------------------------------------------------------------===//

#include "LargeStack.h"

#include "llvm/Support/thread.h"

#include <memory>
#include <optional>
#ifdef __unix__
#include <signal.h>
#endif

using namespace llvm;

namespace ndisv {

void handleCrashSignalsOnAltStack() {
#ifdef __unix__
  for (int Sig : {SIGSEGV, SIGBUS}) {
    struct sigaction SA;
    if (sigaction(Sig, nullptr, &SA) == 0 && !(SA.sa_flags & SA_ONSTACK)) {
      SA.sa_flags |= SA_ONSTACK;
      sigaction(Sig, &SA, nullptr);
    }
  }
#endif
}

void runOnLargeStack(function_ref<void()> Fn) {
  llvm::thread T(std::optional<unsigned>(CompileStackBytes), [&Fn] {
#ifdef __unix__
    // Enough for the crash handler and its longjmp (AddressSanitizer's
    // frames included).
    constexpr size_t AltBytes = 256 << 10;
    auto Alt = std::make_unique<char[]>(AltBytes);
    stack_t SS = {}, Old = {};
    SS.ss_sp = Alt.get();
    SS.ss_size = AltBytes;
    bool Installed = sigaltstack(&SS, &Old) == 0;
    Fn();
    if (Installed) {
      // Leave the thread without an alternate stack before freeing it.
      stack_t Off = {};
      Off.ss_flags = SS_DISABLE;
      sigaltstack(&Off, nullptr);
    }
#else
    Fn();
#endif
  });
  T.join();
}

} // namespace ndisv

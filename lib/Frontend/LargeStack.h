//===- LargeStack.h - Run the compiler where deep nesting fits ---*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
#ifndef NDISV_FRONTEND_LARGESTACK_H
#define NDISV_FRONTEND_LARGESTACK_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace ndisv {

/// Stack of the thread each TU is compiled on. Clang's parser, Sema and
/// CodeGen recurse once per nesting level (about 5 KiB each): 10,000 nested
/// operators need ~60 MiB (256 MiB: ~40,000 levels), more than a default 8 MiB thread has.
constexpr unsigned CompileStackBytes = 256u << 20;

/// Runs \p Fn on a new thread with CompileStackBytes of stack and an
/// alternate signal stack, and waits for it. Past even that stack, the
/// overflow's SIGSEGV runs on the alternate stack, so a CrashRecoveryContext
/// inside \p Fn recovers from it (one TU fails; the run goes on).
void runOnLargeStack(llvm::function_ref<void()> Fn);

/// Lets CrashRecoveryContext's SIGSEGV/SIGBUS handlers run on a thread's
/// alternate stack; call after CrashRecoveryContext::Enable().
void handleCrashSignalsOnAltStack();

} // namespace ndisv

#endif

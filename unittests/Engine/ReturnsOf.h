//===- ReturnsOf.h - Running a function and collecting its returns -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#ifndef NDISV_UNITTESTS_ENGINE_RETURNSOF_H
#define NDISV_UNITTESTS_ENGINE_RETURNSOF_H

#include "ndisv/Engine/Executor.h"
#include <vector>

namespace ndisv::engine {

/// Runs F from a new state and returns the value each path returns, in the
/// order the paths end (999 where it is not a known number).
inline std::vector<int64_t> returnsOf(Executor &X, llvm::Function *F) {
  std::vector<int64_t> Rets;
  X.run(X.newState(), F, {},
        [&](std::unique_ptr<State> S, SymValue Ret, const llvm::DILocation *) {
          SymValue V = S->resolve(Ret);
          Rets.push_back(V.isInt() ? V.sext() : 999);
        });
  return Rets;
}

} // namespace ndisv::engine

#endif

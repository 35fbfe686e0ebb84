//===- ndisv/Engine/Describe.h - Source names for IR pointers ---*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Turns the IR pointer a store or call writes through back into the
// expression the driver wrote, from debug info: `Adapter->RecvNblPool`,
// `Adapter->Queue[i].WorkItem (i = 2)`, `g_Timer`. Index values come from
// the path's registers when it knows them.
//===----------------------------------------------------------------------===//
#ifndef NDISV_ENGINE_DESCRIBE_H
#define NDISV_ENGINE_DESCRIBE_H

#include "ndisv/Engine/State.h"
#include <string>

namespace llvm {
class Value;
}

namespace ndisv::engine {

struct LocationName {
  std::string Text;   // "" when debug info does not say
  bool Local = false; // a local variable of the function (it dies with the frame)
};

/// The memory Ptr points to, as source text. Registers are read from the
/// path's innermost frame, where Ptr must have been evaluated.
LocationName describeLocation(const State &S, const llvm::Value *Ptr);

} // namespace ndisv::engine

#endif

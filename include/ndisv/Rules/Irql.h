//===- ndisv/Rules/Irql.h - The IRQL model the rules follow ------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// What model/ndis-irql.table says about IRQL, as data: the IRQL each
// callback runs at when NDIS calls it, the calls that change the current
// IRQL (a spin lock raises it to DISPATCH_LEVEL and its release restores
// it), and the documented IRQL range of each DDI (the reference pages'
// req.irql). The rule monitor keeps the current IRQL in its own per-path
// slot; the engine never sees any of it.
//===----------------------------------------------------------------------===//
#ifndef NDISV_RULES_IRQL_H
#define NDISV_RULES_IRQL_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>

namespace ndisv::rules {

struct IrqlModel {
  /// How a call changes the current IRQL once it returns.
  struct Change {
    /// During: what the call runs while it is in progress (a routine it was
    /// handed) runs at Level; the caller's IRQL is back once it returns.
    enum class Kind { Raise, Restore, SetArg, During } K = Kind::Raise;
    int64_t Level = 0; // Raise, During: the new IRQL (the old one is saved)
    unsigned Arg = 0;  // SetArg, or Raise when nonzero: the argument holding the new IRQL
  };
  struct Range {
    int64_t Min = 0, Max = 0;
  };
  llvm::StringMap<int64_t> Entry;  // role or phase -> IRQL its callback starts at
  llvm::StringMap<Change> Changes; // function -> its effect on the IRQL
  llvm::StringMap<Range> Ddis;     // function -> documented IRQL range
  bool empty() const { return Entry.empty() && Changes.empty() && Ddis.empty(); }
};

/// Levels by name: PASSIVE_LEVEL 0, APC_LEVEL 1, DISPATCH_LEVEL 2, DIRQL 3
/// (any device level: one stands for all), HIGH_LEVEL 15, or an integer.
std::optional<int64_t> irqlLevel(llvm::StringRef Name);
/// Errors read "FILE:LINE: message".
llvm::Expected<IrqlModel> parseIrqlTable(llvm::StringRef Text, llvm::StringRef File);
llvm::Expected<IrqlModel> loadIrqlTable(llvm::StringRef Path);

} // namespace ndisv::rules

#endif

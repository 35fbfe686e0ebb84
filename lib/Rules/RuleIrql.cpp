//===- RuleIrql.cpp - Reading model/ndis-irql.table ------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
//   entry ROLE LEVEL            NDIS calls ROLE's callback at LEVEL
//   change FUNCTION raise LEVEL  after the call the IRQL is the higher of LEVEL and the
//                                current one (the current one saved)
//   change FUNCTION raise $N     the same, with the level argument N holds
//   change FUNCTION restore      after the call the IRQL is the last one saved
//   change FUNCTION set $N       after the call the IRQL is argument N
//   change FUNCTION during LEVEL what the call runs runs at LEVEL; back after it
//   ddi FUNCTION MIN MAX [...]   documented range; the rest of the line is ignored
//===----------------------------------------------------------------------===//
#include "ndisv/Rules/Irql.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;
using namespace ndisv::rules;

std::optional<int64_t> ndisv::rules::irqlLevel(StringRef Name) {
  static const std::pair<const char *, int64_t> Names[] = {
      {"PASSIVE_LEVEL", 0}, {"APC_LEVEL", 1}, {"DISPATCH_LEVEL", 2}, {"DIRQL", 3}, {"HIGH_LEVEL", 15}};
  for (auto &[N, L] : Names)
    if (Name == N)
      return L;
  int64_t V;
  if (!Name.getAsInteger(0, V))
    return V;
  return std::nullopt;
}

Expected<IrqlModel> ndisv::rules::parseIrqlTable(StringRef Text, StringRef File) {
  IrqlModel M;
  unsigned LineNo = 0;
  auto Err = [&](const Twine &Msg) {
    return createStringError(inconvertibleErrorCode(), File + ":" + Twine(LineNo) + ": " + Msg);
  };
  for (StringRef Line : split(Text, '\n')) {
    ++LineNo;
    Line = Line.split('#').first.trim();
    if (Line.empty())
      continue;
    SmallVector<StringRef, 8> W;
    Line.split(W, ' ', -1, false);
    auto Level = [&](StringRef N) { return irqlLevel(N); };
    if (W[0] == "entry" && W.size() == 3) {
      if (!Level(W[2]))
        return Err("unknown IRQL '" + W[2] + "'");
      M.Entry[W[1]] = *Level(W[2]);
    } else if (W[0] == "change" && W.size() >= 3) {
      IrqlModel::Change C;
      if (W[2] == "raise" && W.size() == 4 && Level(W[3])) {
        C.Level = *Level(W[3]);
      } else if (W[2] == "raise" && W.size() == 4 && W[3].starts_with("$") &&
                 !W[3].drop_front().getAsInteger(10, C.Arg) && C.Arg > 0) {
        // the level is argument Arg
      } else if (W[2] == "during" && W.size() == 4 && Level(W[3])) {
        C.K = IrqlModel::Change::Kind::During;
        C.Level = *Level(W[3]);
      } else if (W[2] == "restore" && W.size() == 3) {
        C.K = IrqlModel::Change::Kind::Restore;
      } else if (W[2] == "set" && W.size() == 4 && W[3].starts_with("$") &&
                 !W[3].drop_front().getAsInteger(10, C.Arg) && C.Arg > 0) {
        C.K = IrqlModel::Change::Kind::SetArg;
      } else {
        return Err("expected 'change FUNCTION raise LEVEL|$N', 'restore', 'set $N' or 'during LEVEL'");
      }
      M.Changes[W[1]] = C;
    } else if (W[0] == "ddi" && W.size() >= 4) {
      if (!Level(W[2]) || !Level(W[3]))
        return Err("unknown IRQL in '" + Line + "'");
      M.Ddis[W[1]] = {*Level(W[2]), *Level(W[3])};
    } else {
      return Err("expected 'entry', 'change' or 'ddi' line, found '" + Line + "'");
    }
  }
  return M;
}

Expected<IrqlModel> ndisv::rules::loadIrqlTable(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return createStringError(Buf.getError(), Path + ": cannot read: " + Buf.getError().message());
  return parseIrqlTable((*Buf)->getBuffer(), Path);
}

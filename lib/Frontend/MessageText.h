//===- MessageText.h - The header mc.exe makes of a .mc file ----*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Private to lib/Frontend. Drivers that write event-log entries
// (NdisWriteEventLogEntry, IoWriteErrorLogEntry) name their messages by the
// symbols the message compiler generates from a message text file (.mc)
// during the build: `#include "drvlog.h"` of a header that is in no
// checkout. ndisv makes that header the way the documented format says
// (learn.microsoft.com, "Message Text Files"), in memory, never in the
// user's tree: each `;` line copied without its `;`, then per message
// `#define SymbolicName ((MessageIdTypedef)0xSFFFIIII)` with the severity
// in bits 30-31, the facility in bits 16-27 and the message id below, and
// `#define` of the symbols SeverityNames and FacilityNames give.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_FRONTEND_MESSAGETEXT_H
#define NDISV_LIB_FRONTEND_MESSAGETEXT_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace ndisv {

/// The C header mc.exe generates from the message text \p Text.
std::string messageHeader(llvm::StringRef Text);

} // namespace ndisv

#endif

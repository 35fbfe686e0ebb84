//===- FuzzFile.h - Hand a fuzz input to a reader that takes a path -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
#ifndef NDISV_FUZZ_FUZZFILE_H
#define NDISV_FUZZ_FUZZFILE_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <string>

/// The input written to one file per process (name kept, content replaced),
/// in a directory of its own under the system's temporary directory.
inline std::string writeFuzzInput(const uint8_t *Data, size_t Size, llvm::StringRef Name) {
  static std::string Dir = [] {
    llvm::SmallString<128> D;
    llvm::sys::fs::createUniqueDirectory("ndisv-fuzz", D);
    return std::string(D);
  }();
  llvm::SmallString<128> P(Dir);
  llvm::sys::path::append(P, Name);
  std::error_code EC;
  llvm::raw_fd_ostream OS(P, EC);
  OS.write(reinterpret_cast<const char *>(Data), Size);
  return std::string(P);
}

#endif

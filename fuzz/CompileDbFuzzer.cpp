//===- CompileDbFuzzer.cpp - libFuzzer target: the compile-DB reader ------===//
// SPDX-License-Identifier: Apache-2.0
//
// Any bytes as compile_commands.json: JSON, commands (GNU and cl.exe
// quoting), response files and option translation end in compile jobs or an
// error, never a crash, hang or sanitizer report.
//===----------------------------------------------------------------------===//
#include "FuzzFile.h"
#include "ndisv/Frontend/Frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  ndisv::FrontendOptions Opts;
  Opts.Note = [](const std::string &) {};
  std::string Path = writeFuzzInput(Data, Size, "compile_commands.json");
  auto Jobs = ndisv::collectJobs({Path}, Opts);
  if (!Jobs)
    llvm::consumeError(Jobs.takeError());
  return 0;
}

//===- VcxProjFuzzer.cpp - libFuzzer target: the .vcxproj reader ---------===//
// SPDX-License-Identifier: Apache-2.0
//
// Any bytes as a project file: XML, properties, conditions and items are
// evaluated to compile jobs or an error, never a crash, hang or sanitizer
// report. The conditions are also evaluated on their own.
//===----------------------------------------------------------------------===//
#include "FuzzFile.h"
#include "ndisv/Frontend/MSBuild.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  ndisv::FrontendOptions Opts;
  Opts.Note = [](const std::string &) {};
  std::string Path = writeFuzzInput(Data, Size, "fuzz.vcxproj");
  auto Jobs = ndisv::msbuild::loadProject(Path, Opts);
  if (!Jobs)
    llvm::consumeError(Jobs.takeError());
  ndisv::msbuild::Properties Props;
  Props.set("Configuration", "Release");
  Props.set("Platform", "x64");
  auto V = ndisv::msbuild::evaluateCondition(
      llvm::StringRef(reinterpret_cast<const char *>(Data), Size), Props);
  if (!V)
    llvm::consumeError(V.takeError());
  return 0;
}

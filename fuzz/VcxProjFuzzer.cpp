//===- VcxProjFuzzer.cpp - libFuzzer target: the .vcxproj reader ---------===//
// SPDX-License-Identifier: Apache-2.0
//
// Any bytes as a project file: XML, properties, conditions and items are
// evaluated to compile jobs or an error, never a crash, hang or sanitizer
// report. The conditions are also evaluated on their own, and the bytes read
// as a Visual Studio solution (.sln, a line format in the same family) and
// as a WDK 7 `sources` file (nmake), whose `!include`s read the same bytes.
//===----------------------------------------------------------------------===//
#include "FuzzFile.h"
#include "ndisv/Frontend/MSBuild.h"
#include "ndisv/Frontend/WdkBuild.h"

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
  auto Sln = ndisv::msbuild::parseSolution(llvm::StringRef(reinterpret_cast<const char *>(Data), Size),
                                           "fuzz.sln", "Release", "x64");
  if (!Sln)
    llvm::consumeError(Sln.takeError());
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  auto Sources = ndisv::wdkbuild::parseSources(
      Text, "fuzz/sources", ndisv::wdkbuild::buildEnvironment(),
      [&Text](const std::string &) -> std::optional<std::string> { return Text; });
  if (!Sources)
    llvm::consumeError(Sources.takeError());
  return 0;
}

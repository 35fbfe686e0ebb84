//===- PathsAndConfigurationsTest.cpp - Windows paths, project defaults --===//
// SPDX-License-Identifier: Apache-2.0
//
// The Windows lookup runs on every include miss and the default
// configuration decides which macros a project's files get; both are pinned
// here on an in-memory tree and on configuration lists as projects have them.
//===----------------------------------------------------------------------===//

#include "ProjectConfigurations.h"
#include "WindowsPaths.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::msbuild;

namespace {

IntrusiveRefCntPtr<vfs::InMemoryFileSystem> tree() {
  auto FS = makeIntrusiveRefCnt<vfs::InMemoryFileSystem>();
  FS->setCurrentWorkingDirectory("/drv/src");
  for (const char *P : {"/drv/inc/adapter.h", "/drv/inc/Twin.h", "/drv/inc/twin.h",
                        "/drv/src/main.c", "/model/ntstrsafe.h"})
    FS->addFile(P, 0, MemoryBuffer::getMemBuffer("", P));
  return FS;
}

TEST(WindowsPaths, ResolvesCaseAndBackslashes) {
  WindowsPathResolver R(tree());
  EXPECT_EQ(R.resolve("/drv/src/..\\INC\\Adapter.H"), "/drv/inc/adapter.h");
  EXPECT_EQ(R.resolve("..\\inc\\adapter.h"), "/drv/inc/adapter.h"); // from the working dir
  EXPECT_EQ(R.resolve("/MODEL/Ntstrsafe.h"), "/model/ntstrsafe.h");
  EXPECT_EQ(R.resolve("/drv/inc/TWIN.H"), "/drv/inc/Twin.h"); // first in sorted order
  EXPECT_EQ(R.resolve("/drv/inc/twin.h"), "/drv/inc/twin.h"); // exact spelling wins
  EXPECT_EQ(R.resolve("/drv/inc/missing.h"), std::nullopt);
  EXPECT_EQ(R.resolve("/drv/src/main.c/x.h"), std::nullopt);
}

TEST(WindowsPaths, FileSystemNamesTheFileOnDisk) {
  IntrusiveRefCntPtr<vfs::FileSystem> FS = createWindowsPathFileSystem(tree());
  ErrorOr<vfs::Status> S = FS->status("/drv/inc\\ADAPTER.h");
  ASSERT_TRUE(S);
  EXPECT_EQ(S->getName(), "/drv/inc/adapter.h");
  EXPECT_TRUE(S->ExposesExternalVFSPath);
  auto F = FS->openFileForRead("/Drv/Inc/Adapter.h");
  ASSERT_TRUE(F);
  ErrorOr<vfs::Status> FSt = (*F)->status();
  ASSERT_TRUE(FSt);
  EXPECT_TRUE(FSt->ExposesExternalVFSPath);
  // What exists as written is not renamed.
  ErrorOr<vfs::Status> Exact = FS->status("/drv/inc/adapter.h");
  ASSERT_TRUE(Exact);
  EXPECT_FALSE(Exact->ExposesExternalVFSPath);
  EXPECT_FALSE(FS->status("/drv/inc/none.h"));
}

std::string pick(std::vector<ProjectConfiguration> L) {
  const ProjectConfiguration &C = defaultConfiguration(L);
  return C.Name + "|" + C.Platform;
}

TEST(ProjectConfigurations, NewestReleaseForX64) {
  EXPECT_EQ(pick({{"Win7 Debug", "x64"}, {"Win7 Release", "x64"}, {"Win8.1 Release", "x64"},
                  {"Win10 Release", "Win32"}, {"Win8 Release", "x64"}}),
            "Win8.1 Release|x64");
  EXPECT_EQ(pick({{"Win10 Release", "x64"}, {"Win11 Release", "ARM64"}, {"Win11 Release", "x64"}}),
            "Win11 Release|x64");
  EXPECT_EQ(pick({{"Debug", "x64"}, {"Release", "x64"}, {"Win10 Release", "x64"}}),
            "Release|x64");
  EXPECT_EQ(pick({{"Debug", "Win32"}, {"Release", "Win32"}}), "Release|Win32");
  // No x64: the 64-bit ARM platform before 32-bit ones, whatever the order.
  EXPECT_EQ(pick({{"Debug", "ARM"}, {"Release", "ARM"}, {"Release", "ARM64"}}), "Release|ARM64");
  EXPECT_EQ(pick({{"Release", "Win32"}, {"Release", "ARM64"}, {"Release", "x64"}}), "Release|x64");
  EXPECT_EQ(pick({{"Checked", "x64"}, {"Free", "x64"}}), "Checked|x64");
}

} // namespace

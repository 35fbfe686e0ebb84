//===- WindowsPaths.h - Paths resolved the way Windows resolves them -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Private to lib/Frontend. Drivers are written on Windows, where file names
// ignore case and '\' separates directories: `#include "..\inc\Adapter.H"`
// and `#include <Ntstrsafe.h>` find `../inc/adapter.h` and `ntstrsafe.h`
// there, and so do a project's include directories and ClCompile items. Here
// a path that is not found as written is looked up once more, component by
// component, with '\' as a separator and case ignored. The lookup goes
// through a file system wrapper, never a copy of the tree: what exists as
// written is taken as is, and only misses pay for the second look.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_FRONTEND_WINDOWSPATHS_H
#define NDISV_LIB_FRONTEND_WINDOWSPATHS_H

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <optional>
#include <string>

namespace ndisv {

/// Resolves paths component by component, ignoring case, over one file
/// system, remembering the directories it listed. Not thread-safe: one per
/// compilation.
class WindowsPathResolver {
public:
  explicit WindowsPathResolver(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)
      : FS(std::move(FS)) {}
  /// The existing path \p Path names on Windows ('\' and '/' separate, ".."
  /// is lexical, case is ignored), or nullopt. Relative paths are taken
  /// from the file system's working directory. Where several entries differ
  /// only in case, the exact spelling wins, else the first in sorted order.
  std::optional<std::string> resolve(llvm::StringRef Path);

private:
  /// The entry of \p Dir whose name equals \p Name ignoring case.
  std::optional<std::string> findInDirectory(llvm::StringRef Dir, llvm::StringRef Name);

  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS;
  // Directory -> lower-case entry name -> the entry's name on disk.
  llvm::StringMap<llvm::StringMap<std::string>> Listings;
};

/// A file system that answers a miss of the one below with the path
/// WindowsPathResolver finds; the status and files it returns carry the
/// path on disk, so diagnostics and debug info name the real file.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
createWindowsPathFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Below);

/// \p Path as it exists on the real file system, resolved as on Windows if
/// it does not exist as written; unchanged if it cannot be resolved.
std::string resolveWindowsPathOnDisk(llvm::StringRef Path);

} // namespace ndisv

#endif

//===- SourceTree.cpp - The sources and headers below a directory -------===//
// SPDX-License-Identifier: Apache-2.0
//
// A driver tree is walked once for its sources (to compile) and headers
// (include directories, suppression comments). Symlinks are followed, as a
// checkout may link shared code in, but each real directory is entered once:
// two links to their own folder cannot make the walk endless. What cannot be
// read is an error naming it, never a silent gap in what was verified, and a
// FIFO or device is refused before anything blocks reading it.
//===----------------------------------------------------------------------===//

#include "ndisv/Frontend/Frontend.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace llvm;

namespace ndisv {

bool isSourceFileName(StringRef Path) {
  std::string Ext = sys::path::extension(Path).lower();
  return Ext == ".c" || Ext == ".cpp" || Ext == ".cc" || Ext == ".cxx";
}

bool isHeaderFileName(StringRef Path) {
  std::string Ext = sys::path::extension(Path).lower();
  return Ext == ".h" || Ext == ".hpp";
}

static Error treeError(const Twine &Path, const Twine &What) {
  return createStringError(inconvertibleErrorCode(), Path + ": " + What);
}

const char *specialFileKind(sys::fs::file_type T) {
  switch (T) {
  case sys::fs::file_type::fifo_file:
    return "a FIFO";
  case sys::fs::file_type::block_file:
  case sys::fs::file_type::character_file:
    return "a device";
  case sys::fs::file_type::socket_file:
    return "a socket";
  default:
    return nullptr;
  }
}

Error checkReadableFile(StringRef Path) {
  sys::fs::file_status St;
  if (std::error_code EC = sys::fs::status(Path, St))
    return treeError(Path, EC == std::errc::no_such_file_or_directory
                               ? "no such file or directory (a broken symlink?)"
                               : EC.message());
  if (const char *Kind = specialFileKind(St.type()))
    return treeError(Path, Twine("is ") + Kind + ", not a source file");
  if (!sys::fs::is_regular_file(St))
    return treeError(Path, "not a regular file");
  Expected<sys::fs::file_t> F = sys::fs::openNativeFileForRead(Path);
  if (!F)
    return treeError(Path, "cannot read: " + toString(F.takeError()));
  sys::fs::closeFile(*F);
  return Error::success();
}

namespace {
struct UniqueIDInfo {
  static sys::fs::UniqueID getEmptyKey() { return {~0ull, ~0ull}; }
  static sys::fs::UniqueID getTombstoneKey() { return {~0ull, ~0ull - 1}; }
  static unsigned getHashValue(const sys::fs::UniqueID &ID) {
    return hash_combine(ID.getDevice(), ID.getFile());
  }
  static bool isEqual(const sys::fs::UniqueID &A, const sys::fs::UniqueID &B) { return A == B; }
};
} // namespace

Expected<SourceTree> walkSourceTree(StringRef Root) {
  SourceTree Out;
  DenseSet<sys::fs::UniqueID, UniqueIDInfo> Entered;
  std::set<std::string> HeaderDirs;
  std::vector<std::string> Pending{Root.str()};
  while (!Pending.empty()) {
    std::string Dir = std::move(Pending.back());
    Pending.pop_back();
    sys::fs::UniqueID ID;
    if (std::error_code EC = sys::fs::getUniqueID(Dir, ID))
      return treeError(Dir, "cannot read directory: " + EC.message());
    if (!Entered.insert(ID).second)
      continue; // reached again through a symlink
    std::error_code EC;
    std::vector<std::string> Here;
    for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
      Here.push_back(It->path());
    if (EC)
      return treeError(Dir, "cannot read directory: " + EC.message());
    llvm::sort(Here);
    for (const std::string &Path : Here) {
      StringRef Name = sys::path::filename(Path);
      sys::fs::file_status St;
      bool Source = isSourceFileName(Path), Header = isHeaderFileName(Path);
      if (std::error_code SEC = sys::fs::status(Path, St)) {
        if (Source || Header) // a broken link where a source should be
          return treeError(Path, "cannot read: " + SEC.message());
        continue;
      }
      if (sys::fs::is_directory(St)) {
        if (!Name.starts_with(".")) // .git, .vs, ...
          Pending.push_back(Path);
        continue;
      }
      if (!Source && !Header)
        continue;
      if (Error E = checkReadableFile(Path))
        return std::move(E);
      if (Source)
        Out.Sources.push_back(Path);
      else {
        Out.Headers.push_back(Path);
        HeaderDirs.insert(sys::path::parent_path(Path).str());
      }
    }
  }
  llvm::sort(Out.Sources);
  llvm::sort(Out.Headers);
  Out.HeaderDirs.assign(HeaderDirs.begin(), HeaderDirs.end());
  return std::move(Out);
}

} // namespace ndisv

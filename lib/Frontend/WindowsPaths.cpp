//===- WindowsPaths.cpp - Paths resolved the way Windows resolves them ---===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//

#include "WindowsPaths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace ndisv {

std::optional<std::string> WindowsPathResolver::findInDirectory(StringRef Dir, StringRef Name) {
  auto It = Listings.find(Dir);
  if (It == Listings.end()) {
    StringMap<std::string> Entries;
    std::error_code EC;
    for (vfs::directory_iterator D = FS->dir_begin(Dir, EC), End; D != End && !EC;
         D.increment(EC)) {
      StringRef Entry = sys::path::filename(D->path());
      std::string &Slot = Entries[Entry.lower()];
      if (Slot.empty() || Entry < StringRef(Slot)) // deterministic among case twins
        Slot = Entry.str();
    }
    It = Listings.try_emplace(Dir, std::move(Entries)).first;
  }
  auto E = It->second.find(Name.lower());
  if (E == It->second.end())
    return std::nullopt;
  return E->second;
}

std::optional<std::string> WindowsPathResolver::resolve(StringRef Path) {
  SmallString<256> P(Path);
  std::replace(P.begin(), P.end(), '\\', '/');
  if (!sys::path::is_absolute(P)) {
    ErrorOr<std::string> Cwd = FS->getCurrentWorkingDirectory();
    if (!Cwd)
      return std::nullopt;
    SmallString<256> Abs(*Cwd);
    sys::path::append(Abs, P);
    P = Abs;
  }
  // Windows takes "a\..\b" lexically, whatever a is.
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  SmallString<256> Cur(sys::path::root_path(P));
  for (auto C = sys::path::begin(sys::path::relative_path(P)),
            E = sys::path::end(sys::path::relative_path(P));
       C != E; ++C) {
    SmallString<256> Next(Cur);
    sys::path::append(Next, *C);
    if (!FS->status(Next)) {
      std::optional<std::string> Found = findInDirectory(Cur, *C);
      if (!Found)
        return std::nullopt;
      Next = Cur;
      sys::path::append(Next, *Found);
    }
    Cur = Next;
  }
  return std::string(Cur);
}

namespace {

/// A file opened under another name: reports the name on disk, and that it
/// is the one to show (FileManager then names the file by it).
class RenamedFile : public vfs::File {
public:
  explicit RenamedFile(std::unique_ptr<vfs::File> F) : F(std::move(F)) {}
  ErrorOr<vfs::Status> status() override {
    ErrorOr<vfs::Status> S = F->status();
    if (S)
      S->ExposesExternalVFSPath = true;
    return S;
  }
  ErrorOr<std::string> getName() override { return F->getName(); }
  ErrorOr<std::unique_ptr<MemoryBuffer>> getBuffer(const Twine &Name, int64_t FileSize,
                                                   bool RequiresNullTerminator,
                                                   bool IsVolatile) override {
    return F->getBuffer(Name, FileSize, RequiresNullTerminator, IsVolatile);
  }
  std::error_code close() override { return F->close(); }

private:
  std::unique_ptr<vfs::File> F;
};

class WindowsPathFileSystem : public vfs::ProxyFileSystem {
public:
  explicit WindowsPathFileSystem(IntrusiveRefCntPtr<vfs::FileSystem> Below)
      : ProxyFileSystem(Below), Resolver(Below) {}

  ErrorOr<vfs::Status> status(const Twine &Path) override {
    ErrorOr<vfs::Status> S = ProxyFileSystem::status(Path);
    if (S || S.getError() != std::errc::no_such_file_or_directory)
      return S;
    std::optional<std::string> Real = resolved(Path);
    if (!Real)
      return S;
    ErrorOr<vfs::Status> R = ProxyFileSystem::status(*Real);
    if (R)
      R->ExposesExternalVFSPath = true;
    return R;
  }

  ErrorOr<std::unique_ptr<vfs::File>> openFileForRead(const Twine &Path) override {
    ErrorOr<std::unique_ptr<vfs::File>> F = ProxyFileSystem::openFileForRead(Path);
    if (F || F.getError() != std::errc::no_such_file_or_directory)
      return F;
    std::optional<std::string> Real = resolved(Path);
    if (!Real)
      return F;
    ErrorOr<std::unique_ptr<vfs::File>> R = ProxyFileSystem::openFileForRead(*Real);
    if (!R)
      return R;
    return std::unique_ptr<vfs::File>(std::make_unique<RenamedFile>(std::move(*R)));
  }

  bool exists(const Twine &Path) override { return static_cast<bool>(status(Path)); }

private:
  std::optional<std::string> resolved(const Twine &Path) {
    std::string P = Path.str();
    auto It = Cache.find(P);
    if (It == Cache.end())
      It = Cache.try_emplace(P, Resolver.resolve(P)).first;
    return It->second;
  }

  WindowsPathResolver Resolver;
  StringMap<std::optional<std::string>> Cache;
};

} // namespace

IntrusiveRefCntPtr<vfs::FileSystem>
createWindowsPathFileSystem(IntrusiveRefCntPtr<vfs::FileSystem> Below) {
  return makeIntrusiveRefCnt<WindowsPathFileSystem>(std::move(Below));
}

std::string resolveWindowsPathOnDisk(StringRef Path) {
  IntrusiveRefCntPtr<vfs::FileSystem> Real = vfs::getRealFileSystem();
  if (Real->exists(Path))
    return Path.str();
  std::optional<std::string> R = WindowsPathResolver(Real).resolve(Path);
  return R ? *R : Path.str();
}

} // namespace ndisv

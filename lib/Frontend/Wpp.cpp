//===- Wpp.cpp - Finding WPP use in a job's sources ---------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The trace functions of a driver are declared in comments that only
// tracewpp reads, so the frontend reads them too: the source and the
// headers it includes with "...", the ones the driver owns. System headers
// (the model, a WDK) never hold a driver's WPP configuration.
//===----------------------------------------------------------------------===//

#include "Wpp.h"
#include "WindowsPaths.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <deque>

using namespace llvm;

namespace ndisv {

namespace {

constexpr size_t MaxFiles = 256;
constexpr uint64_t MaxFileSize = 4 << 20;


/// The name of each `#include "name"` in \p Text.
std::vector<std::string> quotedIncludes(StringRef Text) {
  std::vector<std::string> Out;
  SmallVector<StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (StringRef L : Lines) {
    L = L.ltrim();
    if (!L.consume_front("#"))
      continue;
    L = L.ltrim();
    if (!L.consume_front("include"))
      continue;
    L = L.ltrim();
    if (!L.consume_front("\""))
      continue;
    size_t End = L.find('"');
    if (End != StringRef::npos && End > 0)
      Out.push_back(L.take_front(End).str());
  }
  return Out;
}

} // namespace

std::vector<std::string> wppConfigFunctions(StringRef Text) {
  std::vector<std::string> Out;
  bool InConfig = false;
  SmallVector<StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (StringRef L : Lines) {
    if (L.contains("begin_wpp")) {
      InConfig = L.contains("config");
      continue;
    }
    if (L.contains("end_wpp")) {
      InConfig = false;
      continue;
    }
    if (!InConfig)
      continue;
    // "// FUNC Name(LEVEL, FLAGS, MSG, ...);" or "// FUNC Name{FLAGS=X}(LEVEL, MSG, ...);"
    size_t At = L.find("FUNC");
    if (At == StringRef::npos || (At > 0 && (isAlnum(L[At - 1]) || L[At - 1] == '_')))
      continue;
    StringRef Rest = L.drop_front(At + 4);
    if (Rest.empty() || !isSpace(Rest[0]))
      continue;
    Rest = Rest.ltrim();
    StringRef Name = Rest.take_while([](char C) { return isAlnum(C) || C == '_'; });
    if (!Name.empty() && !isDigit(Name[0]))
      Out.push_back(Name.str());
  }
  return Out;
}

WppScan scanForWpp(const CompileJob &Job, const FrontendOptions &Opts) {
  WppScan S;
  std::vector<std::string> SearchDirs;
  for (size_t I = 0; I < Job.Args.size(); ++I) {
    StringRef A = Job.Args[I];
    if (A.starts_with("-I") && A.size() > 2)
      SearchDirs.push_back(A.drop_front(2).str());
    else if ((A == "-I" || A == "-iquote") && I + 1 < Job.Args.size())
      SearchDirs.push_back(Job.Args[++I]);
  }
  SearchDirs.insert(SearchDirs.end(), Opts.IncludeDirs.begin(), Opts.IncludeDirs.end());

  StringSet<> Seen, Functions, Missing;
  auto addFunction = [&](StringRef F) {
    if (Functions.insert(F).second)
      S.TraceFunctions.push_back(F.str());
  };
  for (const std::string &F : Job.TraceFunctions)
    addFunction(F);
  S.UsesWpp = !Job.TraceFunctions.empty() || !Job.WppConfigFiles.empty();

  std::deque<std::string> Work(Job.WppConfigFiles.begin(), Job.WppConfigFiles.end());
  Work.push_front(Job.File);
  while (!Work.empty() && Seen.size() < MaxFiles) {
    std::string File = std::move(Work.front());
    Work.pop_front();
    if (!Seen.insert(File).second)
      continue;
    uint64_t Size = 0;
    if (sys::fs::file_size(File, Size) || Size > MaxFileSize)
      continue;
    auto Buf = MemoryBuffer::getFile(File, /*IsText=*/true);
    if (!Buf)
      continue;
    StringRef Text = (*Buf)->getBuffer();
    if (Text.contains("WPP_") || Text.contains("begin_wpp"))
      S.UsesWpp = true;
    for (const std::string &F : wppConfigFunctions(Text))
      addFunction(F);
    StringRef Dir = sys::path::parent_path(File);
    for (const std::string &Inc : quotedIncludes(Text)) {
      bool Tmh = StringRef(Inc).ends_with_insensitive(".tmh");
      std::string Found;
      std::string Beside = absolutePath(Dir, Inc);
      if (sys::fs::is_regular_file(Beside))
        Found = Beside;
      for (size_t I = 0; Found.empty() && I < SearchDirs.size(); ++I) {
        std::string P = absolutePath(SearchDirs[I], Inc);
        if (sys::fs::is_regular_file(P))
          Found = P;
      }
      if (Tmh) {
        S.UsesWpp = true;
        if (Found.empty() && Missing.insert(Beside).second)
          S.MissingTmh.push_back(Beside);
      } else if (!Found.empty()) {
        Work.push_back(Found);
      }
    }
  }
  return S;
}

std::vector<std::string> wppArgs(const WppScan &Scan, const FrontendOptions &Opts) {
  std::vector<std::string> A;
  if (!Scan.UsesWpp)
    return A;
  if (!Opts.ModelIncludeDir.empty()) {
    SmallString<256> Header(Opts.ModelIncludeDir);
    sys::path::append(Header, "wpp-support.h");
    if (sys::fs::exists(Header))
      A.insert(A.end(), {"-include", std::string(Header.str())});
  }
  for (const std::string &F : Scan.TraceFunctions)
    A.push_back("-D" + F + "(...)=((void)0)");
  return A;
}

bool isCSource(StringRef Path) {
  std::string Ext = sys::path::extension(Path).lower();
  return Ext == ".c" || Ext == ".cpp" || Ext == ".cc" || Ext == ".cxx";
}

std::string absolutePath(StringRef Dir, StringRef Rel) {
  SmallString<256> P(Rel);
  std::replace(P.begin(), P.end(), '\\', '/');
  if (!sys::path::is_absolute(P)) {
    SmallString<256> B(Dir);
    sys::path::append(B, P);
    P = B;
  }
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return resolveWindowsPathOnDisk(P);
}

} // namespace ndisv

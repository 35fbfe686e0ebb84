//===- Solution.cpp - Reading Visual Studio .sln files -------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A solution is a line format, not XML: `Project("{type}") = "name",
// "path", "{guid}"` ... `EndProject` per project, then a Global block whose
// SolutionConfigurationPlatforms section lists the solution configurations
// and whose ProjectConfigurationPlatforms section maps each one to a
// configuration of each project (`{guid}.Release|x64.ActiveCfg = Win10
// Release|x64`, `.Build.0` when the project is built in it). Driver
// solutions rely on that map: the solution's `Release|x64` is often the
// project's `Win10 Release|x64`, where its NDIS version macros are set.
//===----------------------------------------------------------------------===//

#include "ProjectConfigurations.h"
#include "WindowsPaths.h"
#include "ndisv/Frontend/MSBuild.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace ndisv {
namespace msbuild {

namespace {

/// Visual Studio's type GUID of a solution folder: a node of the tree in
/// the Solution Explorer, not something that is built.
constexpr StringLiteral SolutionFolderType = "{2150E333-8FDC-42A3-9474-1A3956D46DE8}";

Error lineError(StringRef Path, unsigned Line, const Twine &What) {
  return createStringError(inconvertibleErrorCode(), Path + ":" + Twine(Line) + ": " + What);
}

/// Takes a "quoted" string from the front of \p S (after blanks).
std::optional<std::string> takeQuoted(StringRef &S) {
  S = S.ltrim();
  if (!S.consume_front("\""))
    return std::nullopt;
  size_t End = S.find('"');
  if (End == StringRef::npos)
    return std::nullopt;
  std::string Out = S.take_front(End).str();
  S = S.drop_front(End + 1);
  return Out;
}

bool takePunct(StringRef &S, StringRef P) {
  S = S.ltrim();
  return S.consume_front(P);
}

struct ProjectLine {
  std::string Type, Name, Path, Guid;
};

/// Project("{type}") = "name", "path", "{guid}"
std::optional<ProjectLine> parseProjectLine(StringRef S) {
  ProjectLine P;
  std::optional<std::string> Type, Name, Path, Guid;
  if (!S.consume_front("Project") || !takePunct(S, "(") || !(Type = takeQuoted(S)) ||
      !takePunct(S, ")") || !takePunct(S, "=") || !(Name = takeQuoted(S)) ||
      !takePunct(S, ",") || !(Path = takeQuoted(S)) || !takePunct(S, ",") ||
      !(Guid = takeQuoted(S)) || !S.trim().empty() || Name->empty() || Path->empty())
    return std::nullopt;
  return ProjectLine{*Type, *Name, *Path, *Guid};
}

/// "Name|Platform" -> the pair; nullopt unless both are there.
std::optional<ProjectConfiguration> splitPair(StringRef S) {
  auto [Name, Plat] = S.trim().split('|');
  if (Name.trim().empty() || Plat.trim().empty() || Plat.contains('|'))
    return std::nullopt;
  return ProjectConfiguration{Name.trim().str(), Plat.trim().str()};
}

bool samePair(const ProjectConfiguration &A, StringRef Name, StringRef Plat) {
  return StringRef(A.Name).equals_insensitive(Name) && StringRef(A.Platform).equals_insensitive(Plat);
}

struct Mapping {
  std::string Guid;           // upper case
  ProjectConfiguration Solution, Project;
  bool Build = false;         // a .Build.0 line, else .ActiveCfg
};

} // namespace

Expected<Solution> parseSolution(StringRef Text, StringRef Path, StringRef Configuration,
                                 StringRef Platform) {
  Text.consume_front("\xEF\xBB\xBF");
  // Project paths are relative to the solution, and shown as such when it
  // was named by a relative path.
  std::string Dir = sys::path::parent_path(Path).str();
  std::vector<std::pair<ProjectLine, unsigned>> Lines;
  std::vector<ProjectConfiguration> Configs;
  std::vector<Mapping> Maps;
  bool Header = false;
  enum { Top, InProject, InGlobal, InSection } Where = Top;
  StringRef Section;
  unsigned LineNo = 0, ProjectStart = 0;
  for (StringRef Rest = Text; !Rest.empty();) {
    auto [Raw, Next] = Rest.split('\n');
    Rest = Next;
    ++LineNo;
    StringRef L = Raw.trim();
    if (L.empty() || L.starts_with("#"))
      continue;
    if (!Header) {
      if (!L.starts_with("Microsoft Visual Studio Solution File"))
        return lineError(Path, LineNo,
                         "not a Visual Studio solution (it does not start with 'Microsoft Visual "
                         "Studio Solution File, Format Version ...')");
      Header = true;
      continue;
    }
    switch (Where) {
    case Top:
      if (L.starts_with("Project(") || L.starts_with("Project (")) {
        std::optional<ProjectLine> P = parseProjectLine(L);
        if (!P)
          return lineError(Path, LineNo,
                           "malformed project line (expected Project(\"{type}\") = \"name\", "
                           "\"path\", \"{guid}\")");
        Lines.push_back({*P, LineNo});
        Where = InProject;
        ProjectStart = LineNo;
      } else if (L == "Global") {
        Where = InGlobal;
      } else if (!L.starts_with("VisualStudioVersion") &&
                 !L.starts_with("MinimumVisualStudioVersion")) {
        return lineError(Path, LineNo, "unexpected line '" + L.take_front(60) + "' in the solution");
      }
      break;
    case InProject: // ProjectSection(...) ... EndProjectSection: dependencies, items
      if (L == "EndProject")
        Where = Top;
      else if (L.starts_with("Project("))
        return lineError(Path, ProjectStart, "project without EndProject");
      break;
    case InGlobal:
      if (L == "EndGlobal") {
        Where = Top;
      } else if (L.starts_with("GlobalSection(")) {
        Section = L.drop_front(14).take_until([](char C) { return C == ')'; }).trim();
        Where = InSection;
      } else {
        return lineError(Path, LineNo, "unexpected line '" + L.take_front(60) + "' in Global");
      }
      break;
    case InSection: {
      if (L == "EndGlobalSection") {
        Where = InGlobal;
        break;
      }
      if (Section != "SolutionConfigurationPlatforms" && Section != "ProjectConfigurationPlatforms")
        break; // nesting, properties, extensibility: nothing that builds
      auto [Key, Value] = L.split('=');
      if (Value.empty() && !L.contains('='))
        return lineError(Path, LineNo, "malformed line in " + Section + " (expected KEY = VALUE)");
      if (Section == "SolutionConfigurationPlatforms") {
        std::optional<ProjectConfiguration> C = splitPair(Key);
        if (!C)
          return lineError(Path, LineNo,
                           "malformed solution configuration (expected Name|Platform = Name|Platform)");
        Configs.push_back(*C);
        break;
      }
      // {guid}.Name|Platform.ActiveCfg = Name|Platform; a configuration
      // name may hold dots (Win8.1 Release), so the suffix is cut from the end.
      Key = Key.trim();
      Mapping M;
      if (Key.consume_back(".ActiveCfg"))
        M.Build = false;
      else if (Key.consume_back(".Build.0"))
        M.Build = true;
      else
        break; // .Deploy.0 and others
      size_t Close = Key.find('}');
      std::optional<ProjectConfiguration> Sol, Prj;
      if (!Key.starts_with("{") || Close == StringRef::npos || Key.size() < Close + 2 ||
          Key[Close + 1] != '.' || !(Sol = splitPair(Key.drop_front(Close + 2))) ||
          !(Prj = splitPair(Value)))
        return lineError(Path, LineNo,
                         "malformed project configuration (expected {guid}.Name|Platform.ActiveCfg "
                         "= Name|Platform)");
      M.Guid = Key.take_front(Close + 1).upper();
      M.Solution = *Sol;
      M.Project = *Prj;
      Maps.push_back(std::move(M));
      break;
    }
    }
  }
  if (!Header)
    return lineError(Path, 1, "empty file: not a Visual Studio solution");
  if (Where == InProject)
    return lineError(Path, ProjectStart, "project without EndProject");
  if (Where != Top)
    return lineError(Path, LineNo, "the Global block does not end (no EndGlobal)");

  Solution S;
  S.Configuration = Configuration.str();
  S.Platform = Platform.str();
  if (!Configs.empty() && llvm::none_of(Configs, [&](const ProjectConfiguration &C) {
        return samePair(C, Configuration, Platform);
      })) {
    const ProjectConfiguration &Pick = defaultConfiguration(Configs);
    S.Notes.push_back(Path.str() + ": no solution configuration '" + Configuration.str() + "|" +
                      Platform.str() + "'; using '" + Pick.Name + "|" + Pick.Platform +
                      "'; choose with --configuration and --platform");
    S.Configuration = Pick.Name;
    S.Platform = Pick.Platform;
  }
  // The chosen solution configuration's rows, by project GUID.
  struct Row {
    std::optional<ProjectConfiguration> Active;
    bool Build = false;
  };
  StringMap<Row> Rows;
  for (const Mapping &M : Maps) {
    if (!samePair(M.Solution, S.Configuration, S.Platform))
      continue;
    Row &R = Rows[M.Guid];
    if (M.Build)
      R.Build = true;
    else
      R.Active = M.Project;
  }
  for (auto &[P, Line] : Lines) {
    if (StringRef(P.Type).equals_insensitive(SolutionFolderType))
      continue;
    std::string Rel = P.Path;
    std::replace(Rel.begin(), Rel.end(), '\\', '/');
    if (!StringRef(Rel).ends_with_insensitive(".vcxproj")) {
      S.Notes.push_back(Path.str() + ":" + std::to_string(Line) + ": project '" + P.Name + "' (" +
                        P.Path + ") is not a C/C++ project (.vcxproj): not checked");
      continue;
    }
    SmallString<256> Abs(Rel);
    if (!sys::path::is_absolute(Rel) && !Dir.empty()) {
      Abs = Dir;
      sys::path::append(Abs, Rel);
    }
    sys::path::remove_dots(Abs, true);
    SolutionProject SP;
    SP.Name = P.Name;
    SP.Path = resolveWindowsPathOnDisk(Abs);
    SmallString<256> Cwd;
    if (!sys::path::is_absolute(Abs) && !sys::fs::current_path(Cwd) &&
        StringRef(SP.Path).starts_with((Cwd + "/").str()))
      SP.Path = SP.Path.substr(Cwd.size() + 1); // the resolver answers absolute paths
    SP.Line = Line;
    SP.Configuration = S.Configuration;
    SP.Platform = S.Platform;
    auto It = Rows.find(StringRef(P.Guid).upper());
    bool Mapped = It != Rows.end() && It->second.Active;
    if (Mapped) {
      SP.Configuration = It->second.Active->Name;
      SP.Platform = It->second.Active->Platform;
    }
    bool Built = It != Rows.end() && It->second.Build;
    // A project the solution maps but does not build there is left out by
    // Visual Studio too; one it does not map at all is built as the solution.
    SP.Build = !Mapped || Built;
    S.Projects.push_back(std::move(SP));
  }
  return S;
}

Expected<Solution> loadSolution(StringRef Path, const FrontendOptions &Opts) {
  if (!sys::fs::exists(Path))
    return createStringError(inconvertibleErrorCode(), Path + ": no such file or directory");
  if (Error E = checkReadableFile(Path)) // a FIFO would block for ever
    return std::move(E);
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(inconvertibleErrorCode(),
                             Path + ": cannot read: " + Buf.getError().message());
  return parseSolution((*Buf)->getBuffer(), Path, Opts.Configuration, Opts.Platform);
}

} // namespace msbuild
} // namespace ndisv

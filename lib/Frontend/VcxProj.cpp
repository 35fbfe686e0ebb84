//===- VcxProj.cpp - ClCompile items of a .vcxproj to compile jobs ----===//
// SPDX-License-Identifier: Apache-2.0
//
// Evaluates a project the way MSBuild does, in its three passes: first the
// properties (through the project and the .props files it imports that
// exist here), then the item definitions, then the items — so a definition
// group written after the items still applies to them. Only what changes
// how a file parses is kept: include directories, macros, forced includes,
// the language standard and the WPP settings. The WDK's own props cannot be
// read off Windows; the model headers replace what they would add.
//===----------------------------------------------------------------------===//

#include "ndisv/Frontend/MSBuild.h"
#include "ProjectConfigurations.h"
#include "WindowsPaths.h"
#include "Wpp.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <tinyxml2.h>

#include <map>

using namespace llvm;
using tinyxml2::XMLElement;

namespace ndisv {
namespace msbuild {

namespace {

using Metadata = std::map<std::string, std::string>; // lower-case name -> value

std::string slashes(StringRef P) {
  std::string S = P.str();
  std::replace(S.begin(), S.end(), '\\', '/');
  return S;
}


// "C:\WinDDK\inc" is relative on POSIX but never means a local directory.
bool isDrivePath(StringRef P) { return P.size() >= 2 && isAlpha(P[0]) && P[1] == ':'; }

bool isTrue(StringRef V) { return V.trim().equals_insensitive("true"); }

std::vector<std::string> splitList(StringRef V) {
  SmallVector<StringRef, 8> Parts;
  V.split(Parts, ';', -1, false);
  std::vector<std::string> Out;
  for (StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

/// Replaces %(Name) by the item's current metadata value.
std::string expandMetadata(StringRef Text, const Metadata &M) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    size_t Close = Text[I] == '%' && I + 1 < Text.size() && Text[I + 1] == '('
                       ? Text.find(')', I)
                       : StringRef::npos;
    if (Close == StringRef::npos) {
      Out += Text[I];
      continue;
    }
    auto It = M.find(Text.slice(I + 2, Close).trim().lower());
    if (It != M.end())
      Out += It->second;
    I = Close;
  }
  return Out;
}

/// A group element waiting for pass 2 or 3, with the file it came from
/// (its MSBuildThisFile* properties differ).
struct Pending {
  const XMLElement *E;
  std::string File;
};

class Loader {
public:
  Loader(StringRef Project, const FrontendOptions &Opts) : Project(Project), Opts(Opts) {
    ProjectDir = sys::path::parent_path(Project).str();
    std::string Name = sys::path::stem(Project).str();
    Props.set("Configuration", Opts.Configuration);
    Props.set("Platform", Opts.Platform);
    Props.set("MSBuildProjectFullPath", Project);
    Props.set("MSBuildProjectDirectory", ProjectDir);
    Props.set("MSBuildProjectName", Name);
    Props.set("MSBuildProjectFile", sys::path::filename(Project));
    Props.set("MSBuildProjectExtension", sys::path::extension(Project));
    Props.set("ProjectDir", ProjectDir + "/");
    Props.set("ProjectName", Name);
    Props.set("ProjectPath", Project);
    Props.set("SolutionDir", solutionDir() + "/");
  }

  /// Only the properties, for \p Name.
  Expected<std::string> property(StringRef Name) {
    chooseConfiguration();
    if (Error E = loadFile(Project, 0))
      return std::move(E);
    const std::string *V = Props.get(Name);
    return V ? *V : std::string();
  }

  Expected<std::vector<CompileJob>> run() {
    chooseConfiguration();
    if (Error E = loadFile(Project, 0))
      return std::move(E);
    evaluateDefinitions();
    evaluateItems();
    return makeJobs();
  }

private:
  /// Many projects have no plain Release|x64 (`Win10 Release`, `Win8.1
  /// Debug`) and set their NDIS version only in their own configurations:
  /// evaluating one the project does not list would compile the driver
  /// without it. When the asked-for pair is not listed, the project's own
  /// release configuration for x64 is taken, and the choice said.
  void chooseConfiguration() {
    Config = Opts.Configuration;
    Plat = Opts.Platform;
    std::vector<ProjectConfiguration> Listed = listedConfigurations(Project);
    if (Listed.empty() || llvm::any_of(Listed, [&](const ProjectConfiguration &C) {
          return StringRef(C.Name).equals_insensitive(Config) &&
                 StringRef(C.Platform).equals_insensitive(Plat);
        }))
      return;
    const ProjectConfiguration &Pick = defaultConfiguration(Listed);
    std::string Others;
    for (const ProjectConfiguration &C : Listed)
      if (&C != &Pick)
        Others += (Others.empty() ? "" : ", ") + C.Name + "|" + C.Platform;
    // Without x64 the platform is a choice of ours: say why it was made.
    std::string Why;
    if (StringRef(Pick.Platform).equals_insensitive("ARM64"))
      Why = " (the project has no x64 configuration; ndisv analyses a 64-bit target)";
    else if (!StringRef(Pick.Platform).equals_insensitive("x64"))
      Why = " (the project has no 64-bit configuration; ndisv still analyses it as a 64-bit "
            "target)";
    note(Project + ": no configuration '" + Config + "|" + Plat + "' in the project; using '" +
         Pick.Name + "|" + Pick.Platform + "'" + Why +
         (Others.empty() ? std::string() : " (the others: " + Others + ")") +
         "; choose with --configuration and --platform");
    Config = Pick.Name;
    Plat = Pick.Platform;
    Props.set("Configuration", Config);
    Props.set("Platform", Plat);
  }

  // Best effort: the nearest directory upwards holding a .sln, else the
  // project's own directory (what Visual Studio uses for a lone project).
  std::string solutionDir() {
    for (StringRef D = ProjectDir; !D.empty(); D = sys::path::parent_path(D)) {
      std::error_code EC;
      for (sys::fs::directory_iterator It(D, EC), End; It != End && !EC; It.increment(EC))
        if (StringRef(It->path()).ends_with_insensitive(".sln"))
          return D.str();
      if (D == sys::path::root_path(D))
        break;
    }
    return ProjectDir;
  }

  void note(const std::string &Msg) {
    if (!Noted.insert(Msg).second)
      return;
    Opts.note(Msg);
  }

  void setThisFile(StringRef File) {
    std::string Dir = sys::path::parent_path(File).str();
    Props.set("MSBuildThisFileDirectory", Dir + "/");
    Props.set("MSBuildThisFileFullPath", File);
    Props.set("MSBuildThisFile", sys::path::filename(File));
    Props.set("MSBuildThisFileName", sys::path::stem(File));
    Props.set("MSBuildThisFileExtension", sys::path::extension(File));
  }

  // An unreadable condition is false: that part of the project is skipped,
  // and said so, rather than guessed.
  bool holds(const XMLElement *E, StringRef File) {
    const char *C = E->Attribute("Condition");
    if (!C)
      return true;
    Expected<bool> V = evaluateCondition(C, Props, sys::path::parent_path(File));
    if (V)
      return *V;
    note(File.str() + ":" + std::to_string(E->GetLineNum()) + ": " + toString(V.takeError()) +
         "; taken as false");
    return false;
  }

  Error loadFile(StringRef File, unsigned Depth) {
    auto Doc = std::make_unique<tinyxml2::XMLDocument>();
    std::string F = File.str();
    if (Doc->LoadFile(F.c_str()) != tinyxml2::XML_SUCCESS) {
      if (Doc->ErrorID() == tinyxml2::XML_ERROR_FILE_NOT_FOUND ||
          Doc->ErrorID() == tinyxml2::XML_ERROR_FILE_COULD_NOT_BE_OPENED)
        return createStringError(inconvertibleErrorCode(), F + ": cannot read the project");
      // tinyxml2 names the element it was in: "... Line number=4: XMLElement name=ClCompile".
      StringRef Detail = Doc->ErrorStr();
      std::string In;
      size_t At = Detail.find("XMLElement name=");
      if (At != StringRef::npos)
        In = " in <" + Detail.substr(At + 16).take_until(isSpace).str() + ">";
      return createStringError(inconvertibleErrorCode(),
                               F + ":" + std::to_string(Doc->ErrorLineNum()) + ": malformed XML (" +
                                   Doc->ErrorIDToName(Doc->ErrorID()) + In + ")");
    }
    const XMLElement *Root = Doc->RootElement();
    if (!Root || StringRef(Root->Name()) != "Project")
      return createStringError(inconvertibleErrorCode(),
                               F + ":" + std::to_string(Root ? Root->GetLineNum() : 1) +
                                   ": not an MSBuild project (the root element is not <Project>)");
    Docs.push_back(std::move(Doc));
    setThisFile(F);
    return walk(Root, F, Depth);
  }

  Error walk(const XMLElement *Parent, const std::string &File, unsigned Depth) {
    for (const XMLElement *E = Parent->FirstChildElement(); E; E = E->NextSiblingElement()) {
      StringRef Name = E->Name();
      if (Name == "PropertyGroup") {
        if (holds(E, File))
          for (const XMLElement *P = E->FirstChildElement(); P; P = P->NextSiblingElement())
            if (Error Err = setProperty(P, File))
              return Err;
      } else if (Name == "Import") {
        if (Error Err = import(E, File, Depth))
          return Err;
      } else if (Name == "ImportGroup") {
        if (holds(E, File))
          for (const XMLElement *I = E->FirstChildElement("Import"); I;
               I = I->NextSiblingElement("Import"))
            if (Error Err = import(I, File, Depth))
              return Err;
      } else if (Name == "Choose") {
        const XMLElement *Taken = nullptr;
        for (const XMLElement *W = E->FirstChildElement("When"); W && !Taken;
             W = W->NextSiblingElement("When"))
          if (holds(W, File))
            Taken = W;
        if (!Taken)
          Taken = E->FirstChildElement("Otherwise");
        if (Taken)
          if (Error Err = walk(Taken, File, Depth))
            return Err;
      } else if (Name == "ItemDefinitionGroup") {
        Definitions.push_back({E, File});
      } else if (Name == "ItemGroup") {
        Items.push_back({E, File});
      }
    }
    return Error::success();
  }

  Error setProperty(const XMLElement *P, const std::string &File) {
    std::string Name = P->Name();
    // Configuration and Platform are global properties: the command line's
    // values win over the project's defaults, as with msbuild /p:.
    if (StringRef(Name).equals_insensitive("Configuration") ||
        StringRef(Name).equals_insensitive("Platform") || !holds(P, File))
      return Error::success();
    const char *T = P->GetText();
    std::string V = expandProperties(StringRef(T ? T : "").trim(), Props);
    if (V.size() > MaxExpansionBytes)
      return createStringError(inconvertibleErrorCode(),
                               File + ":" + std::to_string(P->GetLineNum()) + ": property '" + Name +
                                   "' expands to more than " +
                                   std::to_string(MaxExpansionBytes >> 20) +
                                   " MiB (does it refer to itself?)");
    Props.set(Name, V);
    return Error::success();
  }

  Error import(const XMLElement *I, const std::string &File, unsigned Depth) {
    const char *Attr = I->Attribute("Project");
    if (!Attr || !holds(I, File))
      return Error::success();
    std::vector<std::string> Unresolved;
    std::string Path = expandProperties(Attr, Props, &Unresolved);
    // $(VCTargetsPath), $(UserRootDir), the WDK's props: not here, silently.
    if (!Unresolved.empty() || Path.find_first_of("*?") != std::string::npos)
      return Error::success();
    std::string Abs = absolutePath(sys::path::parent_path(File), Path);
    if (!sys::fs::is_regular_file(Abs)) {
      note(File + ":" + std::to_string(I->GetLineNum()) + ": imported project '" + Path +
           "' does not exist; skipped");
      return Error::success();
    }
    if (Depth > 16 || !Imported.insert(Abs).second)
      return Error::success(); // import cycles and repeats are ignored, as MSBuild warns
    Error E = loadFile(Abs, Depth + 1);
    setThisFile(File);
    return E;
  }

  // Pass 2: <ItemDefinitionGroup><ClCompile><Meta>...</Meta>.
  void evaluateDefinitions() {
    for (const Pending &G : Definitions) {
      setThisFile(G.File);
      if (!holds(G.E, G.File))
        continue;
      for (const XMLElement *C = G.E->FirstChildElement("ClCompile"); C;
           C = C->NextSiblingElement("ClCompile"))
        if (holds(C, G.File))
          applyMetadata(C, G.File, ClDefaults);
    }
  }

  void applyMetadata(const XMLElement *Item, const std::string &File, Metadata &M) {
    static const StringSet<> NotMetadata = {"include", "exclude", "remove", "update",
                                            "condition", "label", "keepmetadata",
                                            "removemetadata", "keepduplicates"};
    for (const tinyxml2::XMLAttribute *A = Item->FirstAttribute(); A; A = A->Next())
      if (!NotMetadata.contains(StringRef(A->Name()).lower()))
        M[StringRef(A->Name()).lower()] =
            expandMetadata(expandProperties(A->Value(), Props, nullptr, true), M);
    for (const XMLElement *E = Item->FirstChildElement(); E; E = E->NextSiblingElement()) {
      if (!holds(E, File))
        continue;
      const char *T = E->GetText();
      M[StringRef(E->Name()).lower()] =
          expandMetadata(expandProperties(StringRef(T ? T : "").trim(), Props, nullptr, true), M);
    }
  }

  // Include="a.c;src\*.c": files relative to the project directory; a '*'
  // or '?' in the file name matches within that one directory.
  std::vector<std::string> expandInclude(StringRef Spec, StringRef BaseDir) {
    std::vector<std::string> Out;
    for (const std::string &Part : splitList(expandProperties(Spec, Props))) {
      std::string Abs = absolutePath(BaseDir, Part);
      StringRef Name = sys::path::filename(Abs);
      if (Name.find_first_of("*?") == StringRef::npos) {
        Out.push_back(Abs);
        continue;
      }
      Expected<GlobPattern> Pat = GlobPattern::create(Name);
      if (!Pat) {
        consumeError(Pat.takeError());
        continue;
      }
      std::vector<std::string> Matches;
      std::error_code EC;
      std::string Dir = resolveWindowsPathOnDisk(sys::path::parent_path(Abs));
      for (sys::fs::directory_iterator It(Dir, EC), End;
           It != End && !EC; It.increment(EC))
        if (Pat->match(sys::path::filename(It->path())))
          Matches.push_back(It->path());
      llvm::sort(Matches);
      Out.insert(Out.end(), Matches.begin(), Matches.end());
    }
    return Out;
  }

  // Pass 3: <ItemGroup><ClCompile Include=...>.
  void evaluateItems() {
    for (const Pending &G : Items) {
      setThisFile(G.File);
      if (!holds(G.E, G.File))
        continue;
      StringRef Base = sys::path::parent_path(G.File);
      for (const XMLElement *C = G.E->FirstChildElement("ClCompile"); C;
           C = C->NextSiblingElement("ClCompile")) {
        if (!holds(C, G.File))
          continue;
        if (const char *R = C->Attribute("Remove")) {
          std::vector<std::string> Gone = expandInclude(R, Base);
          llvm::erase_if(ClItems, [&](const auto &It) { return llvm::is_contained(Gone, It.first); });
          continue;
        }
        const char *Inc = C->Attribute("Include");
        if (!Inc)
          continue; // Update= is not evaluated
        std::vector<std::string> Excluded;
        if (const char *Ex = C->Attribute("Exclude"))
          Excluded = expandInclude(Ex, Base);
        for (const std::string &F : expandInclude(Inc, Base)) {
          if (llvm::is_contained(Excluded, F))
            continue;
          Metadata M = ClDefaults;
          applyMetadata(C, G.File, M);
          ClItems.push_back({F, std::move(M)});
        }
      }
      // Message text files: their headers are generated before the compile.
      for (const XMLElement *C = G.E->FirstChildElement("MessageCompile"); C;
           C = C->NextSiblingElement("MessageCompile"))
        if (const char *Inc = C->Attribute("Include"); Inc && holds(C, G.File))
          for (const std::string &F : expandInclude(Inc, Base))
            if (!llvm::is_contained(MessageItems, F))
              MessageItems.push_back(F);
    }
  }

  std::string expand(StringRef V) { return expandProperties(V, Props); }

  std::string meta(const Metadata &M, StringRef Name) {
    auto It = M.find(Name.lower());
    return It == M.end() ? "" : It->second;
  }

  // A path list entry as a local directory, or "" after saying why not.
  std::string resolveDir(const std::string &Raw) {
    std::vector<std::string> Unresolved;
    std::string V = expandProperties(Raw, Props, &Unresolved);
    if (!Unresolved.empty()) {
      note(Project + ": include directory '" + Raw + "' dropped: " + Unresolved.front() +
           " is not defined here (the model headers stand in for the WDK)");
      return "";
    }
    if (isDrivePath(V)) {
      note(Project + ": include directory '" + Raw + "' dropped: a Windows path");
      return "";
    }
    std::string Abs = absolutePath(ProjectDir, V);
    if (!sys::fs::is_directory(Abs)) {
      note(Project + ": include directory '" + Raw + "' dropped: no such directory");
      return "";
    }
    return Abs;
  }

  Expected<std::vector<CompileJob>> makeJobs() {
    std::vector<CompileJob> Jobs;
    for (auto &[File, M] : ClItems) {
      if (isTrue(meta(M, "ExcludedFromBuild")) || !isCSource(File))
        continue;
      bool Cxx = !StringRef(File).ends_with_insensitive(".c"); // as clang will parse it
      CompileJob J;
      J.File = File;
      J.Directory = ProjectDir;
      J.MessageFiles = MessageItems;
      // Metadata keeps the $(...) it could not resolve, so that what is
      // dropped here can be named.
      for (const std::string &D : splitList(meta(M, "AdditionalIncludeDirectories"))) {
        std::string Dir = resolveDir(D);
        if (!Dir.empty())
          J.Args.push_back("-I" + Dir);
      }
      for (const std::string &Raw : splitList(meta(M, "PreprocessorDefinitions"))) {
        std::vector<std::string> Unset;
        std::string D = expandProperties(Raw, Props, &Unset);
        if (!Unset.empty() && StringRef(Raw).contains('=')) {
          std::string Name = StringRef(Raw).split('=').first.trim().str();
          std::string Prop = StringRef(Unset.front()).drop_front(2).drop_back().str();
          note(Project + ": " + Raw + ": " + Prop + " is not set, so " + Name +
               " is empty (MSBuild takes undefined properties from the environment); set " +
               Prop + " there, as the project's build does, or pass -D " + Name + "=VALUE");
        }
        for (const std::string &Piece : splitList(D)) // a property may hold a list
          J.Args.push_back("-D" + Piece);
      }
      for (const std::string &U : splitList(expand(meta(M, "UndefinePreprocessorDefinitions"))))
        J.Args.push_back("-U" + U);
      for (const std::string &Raw : splitList(meta(M, "ForcedIncludeFiles"))) {
        std::vector<std::string> Unresolved;
        std::string F = expandProperties(Raw, Props, &Unresolved);
        if (!Unresolved.empty()) {
          note(Project + ": forced include '" + Raw + "' dropped: " + Unresolved.front() +
               " is not defined here");
          continue;
        }
        std::string Abs = absolutePath(ProjectDir, F);
        J.Args.push_back("-include");
        J.Args.push_back(sys::fs::exists(Abs) ? Abs : slashes(F));
      }
      std::string StdValue = meta(M, Cxx ? "LanguageStandard" : "LanguageStandard_C");
      StringRef Std = StdValue; // not a view of meta()'s temporary
      if (Std.consume_front_insensitive(Cxx ? "stdcpp" : "stdc") && !Std.empty())
        J.Args.push_back((Cxx ? "-std=c++" : "-std=c") +
                         (Std == "latest" ? std::string(Cxx ? "20" : "17") : Std.str()));
      if (isTrue(meta(M, "WppEnabled"))) {
        for (const std::string &F : splitList(expand(meta(M, "WppTraceFunction"))))
          J.TraceFunctions.push_back(StringRef(F).take_until([](char C) {
            return C == '(' || C == '{' || isSpace(C);
          }).str());
        std::string Config = expand(meta(M, "WppScanConfigurationData"));
        if (!StringRef(Config).trim().empty())
          J.WppConfigFiles.push_back(absolutePath(ProjectDir, Config));
      }
      Jobs.push_back(std::move(J));
    }
    if (Jobs.empty())
      return createStringError(inconvertibleErrorCode(),
                               Project + ": no C or C++ ClCompile items for " + Config + "|" +
                                   Plat);
    return std::move(Jobs);
  }

  std::string Project, ProjectDir;
  std::string Config, Plat; // the configuration evaluated
  const FrontendOptions &Opts;
  Properties Props;
  std::vector<std::unique_ptr<tinyxml2::XMLDocument>> Docs; // own the elements below
  std::vector<Pending> Definitions, Items;
  StringSet<> Imported, Noted;
  Metadata ClDefaults;
  std::vector<std::pair<std::string, Metadata>> ClItems;
  std::vector<std::string> MessageItems; // MessageCompile Include=, absolute
};

} // namespace

Expected<std::vector<CompileJob>> loadProject(StringRef Path, const FrontendOptions &Opts) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, true);
  if (!sys::fs::exists(Abs))
    return createStringError(inconvertibleErrorCode(), Path + ": no such file or directory");
  return Loader(Abs, Opts).run();
}

Expected<std::string> configurationType(StringRef Path, const FrontendOptions &Opts) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, true);
  if (!sys::fs::exists(Abs))
    return createStringError(inconvertibleErrorCode(), Path + ": no such file or directory");
  FrontendOptions Quiet = Opts; // loading the project says the same notes again
  Quiet.Note = [](const std::string &) {};
  return Loader(Abs, Quiet).property("ConfigurationType");
}

} // namespace msbuild
} // namespace ndisv

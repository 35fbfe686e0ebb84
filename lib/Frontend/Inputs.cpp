//===- Inputs.cpp - INPUTs to compile jobs ------------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Driver projects arrive as loose files, as source trees (usually built by
// msbuild, so there is no include path we could read) or as a compilation
// database. Everything is reduced to CompileJobs carrying only the options
// that change how the code parses (-I, -D, -U, -include, -std); optimisation,
// output and warning flags of the real build are irrelevant to us, and
// cl.exe spellings are translated so that one clang command line fits all.
//===----------------------------------------------------------------------===//

#include "ndisv/Frontend/Frontend.h"
#include "ndisv/Frontend/MSBuild.h"
#include "ndisv/Frontend/WdkBuild.h"
#include "WindowsPaths.h"
#include "ndisv/Support/JsonNesting.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"

#include <algorithm>
#include <set>

using namespace llvm;

namespace ndisv {

namespace {

enum class Lang { None, C, CXX };

Lang langOf(StringRef Path) {
  std::string Ext = sys::path::extension(Path).lower();
  if (Ext == ".c")
    return Lang::C;
  if (Ext == ".cpp" || Ext == ".cc" || Ext == ".cxx")
    return Lang::CXX;
  return Lang::None;
}

Error inputError(const Twine &Input, const Twine &What) {
  return createStringError(inconvertibleErrorCode(), Input + ": " + What);
}

std::string absolute(StringRef Path, StringRef Base) {
  SmallString<256> P(Path);
  if (!Base.empty() && !sys::path::is_absolute(P)) {
    SmallString<256> B(Base);
    sys::path::append(B, P);
    P = B;
  }
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return resolveWindowsPathOnDisk(P); // a compile DB written on Windows
}

// The basename of a compiler path, Windows or POSIX, lower case, no ".exe".
std::string compilerName(StringRef Path) {
  size_t Slash = Path.find_last_of("/\\");
  std::string Name =
      (Slash == StringRef::npos ? Path : Path.substr(Slash + 1)).lower();
  if (StringRef(Name).ends_with(".exe"))
    Name.resize(Name.size() - 4);
  return Name;
}

/// Keeps the parse-relevant options of one compile command, translated to
/// clang's GNU spelling. \p ClStyle allows '/' as option prefix.
class ArgFilter {
public:
  ArgFilter(StringRef Dir, Lang L, bool ClStyle)
      : Dir(Dir), L(L), ClStyle(ClStyle) {}

  std::vector<std::string> run(ArrayRef<std::string> Argv) {
    // Argv[0] is the compiler; the source file and everything else is dropped.
    for (size_t I = 1; I < Argv.size(); ++I) {
      StringRef A = Argv[I];
      StringRef Next = I + 1 < Argv.size() ? StringRef(Argv[I + 1]) : "";
      if (A.size() < 2 || !(A[0] == '-' || (ClStyle && A[0] == '/')))
        continue;
      StringRef Body = A.drop_front();
      if (handle(Body, Next, A[0] == '/'))
        ++I; // Consumed the separate value.
    }
    return std::move(Out);
  }

private:
  std::string path(StringRef P) { return absolute(P, Dir); }

  // For -include: absolute only if it exists relative to the directory,
  // otherwise clang searches the include path for it.
  std::string forcedInclude(StringRef P) {
    std::string Abs = path(P);
    return sys::fs::exists(Abs) ? Abs : std::string(P);
  }

  void define(StringRef V) {
    std::string D(V);
    if (D.find('=') == std::string::npos) {
      size_t Hash = D.find('#'); // cl.exe accepts /DNAME#VALUE
      if (Hash != std::string::npos)
        D[Hash] = '=';
    }
    Out.push_back("-D" + D);
  }

  void standard(StringRef V, bool Cl) {
    if (Cl) { // /std:c++17, /std:c++latest, /std:c11, /std:clatest
      if (V == "c++latest")
        V = "c++20";
      else if (V == "clatest")
        V = "c17";
    }
    bool IsCxx = V.contains("++");
    if ((L == Lang::C && IsCxx) || (L == Lang::CXX && !IsCxx))
      return; // A shared flag set meant for the other language.
    Out.push_back(("-std=" + V).str());
  }

  // Returns true when the option consumed the next argument as its value.
  bool handle(StringRef Body, StringRef Next, bool Slash) {
    enum Kind { Inc, Def, Undef, Force, Sys, Quote, After };
    struct Spelling {
      StringRef Name;
      bool SlashOk; // cl.exe also spells it /Name
      bool ClOnly;
      Kind K;
    };
    // Longest names first where one is a prefix of another.
    static const Spelling Table[] = {
        {"isystem", false, false, Sys},   {"imsvc", true, false, Sys},
        {"iquote", false, false, Quote},  {"idirafter", false, false, After},
        {"include", false, false, Force}, {"external:I", true, true, Sys},
        {"FI", true, true, Force},        {"I", true, false, Inc},
        {"D", true, false, Def},          {"U", true, false, Undef}};
    if (!Slash && Body.starts_with("std=")) {
      standard(Body.drop_front(4), false);
      return false;
    }
    if (ClStyle && Body.starts_with("std:")) {
      standard(Body.drop_front(4), true);
      return false;
    }
    for (const Spelling &J : Table) {
      if ((Slash && !J.SlashOk) || (J.ClOnly && !ClStyle) ||
          !Body.starts_with(J.Name))
        continue;
      StringRef Value = Body.drop_front(J.Name.size());
      bool Separate = Value.empty();
      if (Separate) {
        if (Next.empty())
          return false;
        Value = Next;
      }
      Value = Value.ltrim(); // "/I foo" sometimes arrives as one token.
      switch (J.K) {
      case Inc:
        Out.push_back("-I" + path(Value));
        break;
      case Def:
        define(Value);
        break;
      case Undef:
        Out.push_back(("-U" + Value).str());
        break;
      case Force:
        Out.push_back("-include");
        Out.push_back(forcedInclude(Value));
        break;
      case Sys:
        Out.push_back("-isystem");
        Out.push_back(path(Value));
        break;
      case Quote:
        Out.push_back("-iquote");
        Out.push_back(path(Value));
        break;
      case After:
        Out.push_back("-idirafter");
        Out.push_back(path(Value));
        break;
      }
      return Separate;
    }
    return false;
  }

  std::string Dir;
  Lang L;
  bool ClStyle;
  std::vector<std::string> Out;
};

} // namespace

/// Splits a "command" string; cl.exe commands use Windows quoting rules.
static std::vector<std::string> splitCommand(StringRef Command) {
  BumpPtrAllocator Alloc;
  StringSaver Saver(Alloc);
  SmallVector<const char *, 64> Argv;
  cl::TokenizeWindowsCommandLineFull(Command, Saver, Argv);
  bool Cl = !Argv.empty() &&
            (compilerName(Argv[0]) == "cl" || compilerName(Argv[0]) == "clang-cl");
  if (!Cl) {
    Argv.clear();
    cl::TokenizeGNUCommandLine(Command, Saver, Argv);
  }
  return std::vector<std::string>(Argv.begin(), Argv.end());
}

/// Replaces each @file argument by the arguments in that file, read
/// relative to the entry's directory (msbuild passes cl.exe its options in
/// such files). A response file that does not exist is an error here: the
/// options it held would silently be missing.
static Error expandResponseFiles(std::vector<std::string> &Argv, StringRef Dir) {
  if (llvm::none_of(Argv, [](const std::string &A) { return StringRef(A).starts_with("@"); }))
    return Error::success();
  bool Cl = !Argv.empty() &&
            (compilerName(Argv[0]) == "cl" || compilerName(Argv[0]) == "clang-cl");
  for (std::string &A : Argv) {
    if (!StringRef(A).starts_with("@"))
      continue;
    if (Cl) // @build\x.rsp, written on Windows
      std::replace(A.begin(), A.end(), '\\', '/');
    std::string Path = absolute(StringRef(A).drop_front(), Dir);
    if (!sys::fs::is_regular_file(Path))
      return createStringError(inconvertibleErrorCode(),
                               "response file '" + Path + "' does not exist");
    A = "@" + Path;
  }
  BumpPtrAllocator Alloc;
  SmallVector<const char *, 64> Args;
  for (const std::string &A : Argv)
    Args.push_back(A.c_str());
  cl::ExpansionContext ECtx(Alloc, Cl ? cl::TokenizeWindowsCommandLine : cl::TokenizeGNUCommandLine);
  ECtx.setCurrentDir(Dir);
  if (Error E = ECtx.expandResponseFiles(Args))
    return E;
  std::vector<std::string> Expanded(Args.begin(), Args.end()); // Args may point into Argv
  Argv = std::move(Expanded);
  return Error::success();
}

static Error addCompileDatabase(StringRef Input, std::vector<CompileJob> &Jobs,
                                StringSet<> &Seen, const FrontendOptions &Opts) {
  StringSet<> MissingDirs; // said once each
  auto Buf = MemoryBuffer::getFile(Input);
  if (!Buf)
    return inputError(Input, "cannot read: " + Buf.getError().message());
  if (unsigned Line = jsonTooDeepAt((*Buf)->getBuffer()))
    return inputError(Input + ":" + Twine(Line),
                      "JSON nested more than " + Twine(MaxJsonNesting) + " levels deep");
  Expected<json::Value> Root = json::parse((*Buf)->getBuffer());
  if (!Root)
    return inputError(Input, "malformed JSON: " + toString(Root.takeError()));
  const json::Array *Entries = Root->getAsArray();
  if (!Entries)
    return inputError(Input, "expected a JSON array of compile commands");
  for (size_t I = 0; I < Entries->size(); ++I) {
    std::string Where = "entry " + std::to_string(I + 1);
    const json::Object *E = (*Entries)[I].getAsObject();
    if (!E)
      return inputError(Input, Where + " is not an object");
    std::optional<StringRef> Dir = E->getString("directory");
    std::optional<StringRef> File = E->getString("file");
    if (!Dir)
      return inputError(Input, Where + " has no \"directory\" string");
    if (!File)
      return inputError(Input, Where + " has no \"file\" string");
    std::vector<std::string> Argv;
    if (const json::Array *A = E->getArray("arguments")) {
      for (const json::Value &V : *A) {
        std::optional<StringRef> S = V.getAsString();
        if (!S)
          return inputError(Input, Where + ": \"arguments\" holds a non-string");
        Argv.push_back(S->str());
      }
    } else if (std::optional<StringRef> C = E->getString("command")) {
      Argv = splitCommand(*C);
    } else {
      return inputError(Input,
                        Where + " has neither \"arguments\" nor \"command\"");
    }
    Lang L = langOf(*File);
    if (L == Lang::None)
      continue; // .rc, .asm, ...: not ours.
    if (Error E = expandResponseFiles(Argv, absolute(*Dir, "")))
      return inputError(Input, Where + ": " + toString(std::move(E)));
    CompileJob Job;
    Job.Directory = absolute(*Dir, "");
    Job.File = absolute(*File, Job.Directory);
    if (!Seen.insert(Job.File).second)
      continue; // Several configurations of one file: the first one wins.
    // A database written on another machine: what is relative to its
    // directory (-I, the source) silently resolves nowhere, so say so.
    if (!sys::fs::is_directory(Job.Directory) && MissingDirs.insert(Job.Directory).second)
      Opts.note((Input + ": " + Where + ": directory '" + Job.Directory +
                 "' does not exist; paths relative to it will not be found")
                    .str());
    bool ClStyle = !Argv.empty() && (compilerName(Argv[0]) == "cl" ||
                                     compilerName(Argv[0]) == "clang-cl");
    Job.Args = ArgFilter(Job.Directory, L, ClStyle).run(Argv);
    Jobs.push_back(std::move(Job));
  }
  return Error::success();
}

static Error addDirectory(StringRef Input, std::vector<CompileJob> &Jobs,
                          StringSet<> &Seen) {
  std::string Root = absolute(Input, "");
  Expected<SourceTree> Tree = walkSourceTree(Root);
  if (!Tree)
    return Tree.takeError();
  if (Tree->Sources.empty())
    return inputError(Input, "no .c/.cpp/.cc/.cxx sources below this directory");
  std::vector<std::string> Args;
  for (const std::string &D : Tree->HeaderDirs)
    Args.push_back("-I" + D);
  for (std::string &S : Tree->Sources) {
    if (!Seen.insert(S).second)
      continue;
    CompileJob Job;
    Job.File = std::move(S);
    Job.Directory = Root;
    Job.Args = Args;
    Jobs.push_back(std::move(Job));
  }
  return Error::success();
}

/// A folder walked as sources drops what its build file says (include
/// directories, macros); point at the build file when there is one.
static void noteBuildFileIn(StringRef Dir, const FrontendOptions &Opts) {
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; !EC && It != End; It.increment(EC)) {
    StringRef Name = sys::path::filename(It->path());
    if (!wdkbuild::isSourcesFile(Name) && !Name.ends_with_insensitive(".vcxproj"))
      continue;
    Opts.note((Dir + ": compiled as a folder, without the include directories and "
                     "macros its build file '" + Name + "' names; give 'ndisv check " +
               It->path() + "' to use them")
                  .str());
    return;
  }
}

void FrontendOptions::note(const std::string &Msg) const {
  if (Note)
    Note(Msg);
  else
    WithColor::note(errs(), "ndisv") << Msg << "\n";
}

void removeDuplicateJobs(std::vector<CompileJob> &Jobs) {
  std::set<std::pair<uint64_t, uint64_t>> IDs;
  StringSet<> Paths;
  std::vector<CompileJob> Kept;
  for (CompileJob &J : Jobs) {
    sys::fs::UniqueID ID;
    bool New = sys::fs::getUniqueID(J.File, ID)
                   ? Paths.insert(J.File).second
                   : IDs.insert({ID.getDevice(), ID.getFile()}).second;
    if (New)
      Kept.push_back(std::move(J));
  }
  Jobs = std::move(Kept);
}

Expected<std::vector<CompileJob>> collectJobs(const std::vector<std::string> &Inputs,
                                              const FrontendOptions &Opts) {
  std::vector<CompileJob> Jobs;
  StringSet<> Seen;
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  for (const std::string &Input : Inputs) {
    sys::fs::file_status St;
    if (std::error_code EC = sys::fs::status(Input, St))
      return inputError(Input, EC == std::errc::no_such_file_or_directory
                                   ? "no such file or directory"
                                   : EC.message());
    if (sys::fs::is_directory(St)) {
      noteBuildFileIn(Input, Opts);
      if (Error E = addDirectory(Input, Jobs, Seen))
        return std::move(E);
      continue;
    }
    // Before anything opens it: reading a FIFO would block for ever.
    if (Error E = checkReadableFile(Input))
      return std::move(E);
    StringRef Name = sys::path::filename(Input);
    if (Name.ends_with("compile_commands.json") ||
        sys::path::extension(Name).lower() == ".json") {
      if (Error E = addCompileDatabase(Input, Jobs, Seen, Opts))
        return std::move(E);
      continue;
    }
    if (wdkbuild::isSourcesFile(Name)) {
      Expected<std::vector<CompileJob>> Build = wdkbuild::loadSources(Input, Opts);
      if (!Build)
        return Build.takeError();
      for (CompileJob &J : *Build)
        if (Seen.insert(J.File).second)
          Jobs.push_back(std::move(J));
      continue;
    }
    if (sys::path::extension(Name).lower() == ".vcxproj") {
      Expected<std::vector<CompileJob>> Project = msbuild::loadProject(Input, Opts);
      if (!Project)
        return Project.takeError();
      for (CompileJob &J : *Project)
        if (Seen.insert(J.File).second)
          Jobs.push_back(std::move(J));
      continue;
    }
    if (langOf(Input) == Lang::None)
      return inputError(Input, "unsupported input (expected a .c, .cpp, .cc or "
                               ".cxx file, a directory, a "
                               "compile_commands.json, a .vcxproj or a WDK 7 "
                               "'sources' file)");
    CompileJob Job;
    Job.File = absolute(Input, "");
    Job.Directory = std::string(Cwd.str());
    if (Seen.insert(Job.File).second)
      Jobs.push_back(std::move(Job));
  }
  removeDuplicateJobs(Jobs);
  return std::move(Jobs);
}

} // namespace ndisv

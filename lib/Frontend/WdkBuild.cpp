//===- WdkBuild.cpp - Reading WDK 7 `sources` files -----------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// nmake as build.exe runs it on a `sources` file: only what decides SOURCES,
// INCLUDES, C_DEFINES and RUN_WPP. Macros are expanded when defined, which
// is what nmake's self-references (`C_DEFINES=$(C_DEFINES) -DX`) need;
// rule and command lines (`$(O)\x.h: x.mc`) do not affect the compile and
// are passed over.
//===----------------------------------------------------------------------===//

#include "ndisv/Frontend/WdkBuild.h"
#include "ndisv/Frontend/MSBuild.h" // MaxExpansionBytes, MaxConditionNesting
#include "Wpp.h"                    // absolutePath, isCSource
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include <cstdint>

using namespace llvm;

namespace ndisv {
namespace wdkbuild {

StringMap<std::string> buildEnvironment() {
  StringMap<std::string> E;
  // The _NT_TARGET_VERSION_* values makefile.def compares against.
  E["_NT_TARGET_VERSION_WIN2K"] = "0x500";
  E["_NT_TARGET_VERSION_WINXP"] = "0x501";
  E["_NT_TARGET_VERSION_WS03"] = "0x502";
  E["_NT_TARGET_VERSION_LONGHORN"] = "0x600";
  E["_NT_TARGET_VERSION_VISTA"] = "0x600";
  E["_NT_TARGET_VERSION_WIN7"] = "0x601";
  E["_NT_TARGET_VERSION"] = "0x601";
  E["DDK_TARGET_OS"] = "Win7";
  E["FREEBUILD"] = "1";
  E["AMD64"] = "1";
  E["_BUILDARCH"] = "AMD64";
  E["BUILD_ALT_DIR"] = "fre_win7_AMD64";
  E["_OBJ_DIR"] = "objfre_win7_amd64";
  E["O"] = "objfre_win7_amd64\\amd64";
  E["TARGET_DIRECTORY"] = "amd64";
  return E;
}

bool isSourcesFile(StringRef Path) {
  return sys::path::filename(Path).equals_insensitive("sources");
}

namespace {

struct Line {
  std::string Text;
  unsigned Number; // of its first physical line
};

/// Logical lines: comments dropped, `\` continuations joined.
std::vector<Line> logicalLines(StringRef Text) {
  std::vector<Line> Out;
  SmallVector<StringRef, 64> Phys;
  Text.split(Phys, '\n');
  std::string Cur;
  unsigned Start = 0;
  for (unsigned I = 0; I < Phys.size(); ++I) {
    StringRef L = Phys[I].rtrim("\r");
    size_t Hash = L.find('#');
    while (Hash != StringRef::npos && Hash > 0 && L[Hash - 1] == '^')
      Hash = L.find('#', Hash + 1); // ^# is a literal '#'
    if (Hash != StringRef::npos)
      L = L.take_front(Hash);
    if (Cur.empty())
      Start = I + 1;
    StringRef T = L.rtrim();
    if (T.ends_with("\\")) {
      Cur += T.drop_back().str() + " ";
      continue;
    }
    Cur += L.str();
    Out.push_back({Cur, Start});
    Cur.clear();
  }
  if (!Cur.empty())
    Out.push_back({Cur, Start});
  return Out;
}

class Evaluator {
public:
  Evaluator(StringMap<std::string> Env, const FileReader &Read) : Macros(std::move(Env)), Read(Read) {}

  Error run(StringRef Text, StringRef Path, unsigned Depth);
  SourcesFile result();

private:
  struct Cond {
    bool Active, Taken, Outer;
  };
  StringMap<std::string> Macros;
  const FileReader &Read;
  size_t MacroBytes = 0; // all values held: bounded like one expansion's
  unsigned Includes = 0; // !includes followed, all files together
  std::vector<Cond> Conds;
  std::vector<std::string> Undefined, Notes;

  bool active() const { return Conds.empty() || Conds.back().Active; }
  Expected<std::string> expand(StringRef Text, const Twine &Where);
  Expected<bool> condition(StringRef Expr, const Twine &Where);
  Error directive(StringRef Body, StringRef Path, const Twine &Where, unsigned Depth);
  std::string get(StringRef Name) const {
    auto It = Macros.find(Name);
    return It == Macros.end() ? "" : It->second;
  }
};

Error failAt(const Twine &Where, const Twine &What) {
  return createStringError(inconvertibleErrorCode(), Where + ": " + What);
}

Expected<std::string> Evaluator::expand(StringRef Text, const Twine &Where) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] != '$' || I + 1 == Text.size()) {
      Out += Text[I];
      continue;
    }
    if (Text[I + 1] == '$') { // $$ is a literal '$'
      Out += '$';
      ++I;
      continue;
    }
    StringRef Name;
    size_t Next;
    if (Text[I + 1] == '(') {
      size_t Close = Text.find(')', I);
      if (Close == StringRef::npos)
        return failAt(Where, "'$(' without ')'");
      Name = Text.slice(I + 2, Close);
      Next = Close;
    } else { // $X: a one-letter macro
      Name = Text.substr(I + 1, 1);
      Next = I + 1;
    }
    auto [Base, Subst] = Name.split(':');
    auto It = Macros.find(Base);
    std::string Value;
    if (It != Macros.end())
      Value = It->second;
    else if (std::optional<std::string> V = sys::Process::GetEnv(Base.str()))
      Value = *V; // nmake starts from the environment
    else if (!llvm::is_contained(Undefined, Base.str()))
      Undefined.push_back(Base.str());
    if (!Subst.empty()) { // $(NAME:from=to)
      auto [From, To] = Subst.split('=');
      if (!From.empty())
        Value = llvm::join(llvm::split(Value, From), To);
    }
    Out += Value;
    if (Out.size() > msbuild::MaxExpansionBytes)
      return failAt(Where, "$(" + Base + ") expands to more than " +
                               Twine(msbuild::MaxExpansionBytes) + " bytes");
    I = Next;
  }
  return Out;
}

/// nmake's `!if` expressions: integers (decimal, 0x, 0 octal), "strings",
/// defined(NAME), exist(path), ! ~ - unary, * / %, + -, < <= > >=, == !=,
/// &&, ||, parentheses.
class ConditionParser {
public:
  ConditionParser(StringRef S, const StringMap<std::string> &Macros) : S(S), Macros(Macros) {}
  std::optional<std::string> Error;

  long long parse() {
    long long V = orExpr(0);
    skip();
    if (!S.empty() && !Error)
      Error = "unexpected '" + S.str() + "'";
    return V;
  }

private:
  StringRef S;
  const StringMap<std::string> &Macros;
  std::string LastString;
  bool IsString = false;

  // Arithmetic wraps as the 64-bit integers it is done in (never UB).
  static unsigned long long U(long long V) { return (unsigned long long)V; }
  static long long wrap(unsigned long long V) {
    return V <= (unsigned long long)INT64_MAX ? (long long)V
                                              : -(long long)(~V) - 1; // two's complement
  }
  void skip() { S = S.ltrim(); }
  bool eat(StringRef Op) {
    skip();
    return S.consume_front(Op);
  }
  bool tooDeep(unsigned D) {
    if (D > msbuild::MaxConditionNesting && !Error)
      Error = "nested more than " + std::to_string(msbuild::MaxConditionNesting) + " deep";
    return Error.has_value();
  }
  long long orExpr(unsigned D) {
    long long V = andExpr(D);
    while (!Error && eat("||"))
      V = andExpr(D) || V ? 1 : 0;
    return V;
  }
  long long andExpr(unsigned D) {
    long long V = cmpExpr(D);
    while (!Error && eat("&&"))
      V = cmpExpr(D) && V ? 1 : 0;
    return V;
  }
  long long cmpExpr(unsigned D) {
    long long V = addExpr(D);
    bool LS = IsString;
    std::string L = LastString;
    for (StringRef Op : {"==", "!=", "<=", ">=", "<", ">"}) {
      if (Error || !eat(Op))
        continue;
      long long R = addExpr(D);
      if (LS || IsString) { // strings compare as text, case kept
        int C = StringRef(L).compare(LastString);
        V = Op == "==" ? C == 0 : Op == "!=" ? C != 0 : Op == "<" ? C < 0
          : Op == ">" ? C > 0 : Op == "<=" ? C <= 0 : C >= 0;
      } else {
        V = Op == "==" ? V == R : Op == "!=" ? V != R : Op == "<" ? V < R
          : Op == ">" ? V > R : Op == "<=" ? V <= R : V >= R;
      }
      IsString = false;
      break;
    }
    return V;
  }
  long long addExpr(unsigned D) {
    long long V = mulExpr(D);
    while (!Error) {
      skip();
      if (S.starts_with("+") || (S.starts_with("-") && !S.starts_with("->"))) {
        bool Plus = S.front() == '+';
        S = S.drop_front();
        long long R = mulExpr(D);
        V = wrap(Plus ? U(V) + U(R) : U(V) - U(R));
      } else {
        return V;
      }
    }
    return V;
  }
  long long mulExpr(unsigned D) {
    long long V = unary(D);
    while (!Error) {
      skip();
      if (S.empty() || !StringRef("*/%").contains(S.front()))
        return V;
      char Op = S.front();
      S = S.drop_front();
      long long R = unary(D);
      V = Op == '*' ? wrap(U(V) * U(R)) : R == 0 || (R == -1 && V == INT64_MIN) ? 0
          : Op == '/' ? V / R : V % R;
    }
    return V;
  }
  long long unary(unsigned D) {
    if (tooDeep(D))
      return 0;
    skip();
    if (S.starts_with("!") && !S.starts_with("!="))
      return (S = S.drop_front(), !unary(D + 1));
    if (S.consume_front("~"))
      return ~unary(D + 1);
    if (S.consume_front("-"))
      return wrap(0 - U(unary(D + 1)));
    return primary(D);
  }
  long long primary(unsigned D) {
    IsString = false;
    skip();
    if (S.consume_front("(")) {
      long long V = orExpr(D + 1);
      if (!eat(")") && !Error)
        Error = "missing ')'";
      return V;
    }
    if (S.consume_front("\"")) {
      size_t End = S.find('"');
      if (End == StringRef::npos) {
        Error = "missing '\"'";
        return 0;
      }
      LastString = S.take_front(End).str();
      S = S.drop_front(End + 1);
      IsString = true;
      return 0;
    }
    StringRef Word = S.take_while([](char C) { return isAlnum(C) || C == '_' || C == '.'; });
    S = S.drop_front(Word.size());
    if (Word.empty()) {
      Error = S.empty() ? "expression expected" : "unexpected '" + S.str() + "'";
      return 0;
    }
    bool Defined = Word.equals_insensitive("defined"), Exist = Word.equals_insensitive("exist");
    if ((Defined || Exist) && eat("(")) {
      size_t Close = S.find(')');
      if (Close == StringRef::npos) {
        Error = "missing ')'";
        return 0;
      }
      StringRef Arg = S.take_front(Close).trim().trim('"');
      S = S.drop_front(Close + 1);
      return Defined ? Macros.count(Arg) != 0 : 0; // exist(): resolved by the caller
    }
    unsigned long long N;
    if (!Word.getAsInteger(0, N))
      return wrap(N);
    LastString = Word.str(); // a bare word compares as a string
    IsString = true;
    return 0;
  }
};

Expected<bool> Evaluator::condition(StringRef Expr, const Twine &Where) {
  Expected<std::string> E = expand(Expr, Where);
  if (!E)
    return E.takeError();
  ConditionParser P(*E, Macros);
  long long V = P.parse();
  if (P.Error) { // as for a .vcxproj condition: said, taken as false, the rest read
    Notes.push_back((Where + ": cannot read the condition '" + Expr.trim() + "': " + *P.Error +
                     "; taken as false")
                        .str());
    return false;
  }
  return V != 0;
}

Error Evaluator::directive(StringRef Body, StringRef Path, const Twine &Where, unsigned Depth) {
  StringRef Word = Body.take_while([](char C) { return isAlpha(C); });
  std::string Kw = Word.lower();
  StringRef Rest = Body.drop_front(Word.size()).trim();
  if (Kw == "else") { // `!else`, `!else if`, `!else ifdef` ...
    if (Conds.empty())
      return failAt(Where, "!else without !if");
    StringRef Next = Rest.take_while([](char C) { return isAlpha(C); });
    if (!Next.empty()) {
      Kw = "else" + Next.lower();
      Rest = Rest.drop_front(Next.size()).trim();
    }
  }
  auto Open = [&](Expected<bool> V) -> Error {
    if (!V)
      return V.takeError();
    bool Outer = active();
    Conds.push_back({Outer && *V, Outer && *V, Outer});
    return Error::success();
  };
  auto Else = [&](Expected<bool> V) -> Error {
    if (Conds.empty())
      return failAt(Where, "!" + Word + " without !if");
    Cond &C = Conds.back();
    if (!V)
      return V.takeError();
    C.Active = C.Outer && !C.Taken && *V;
    C.Taken |= C.Active;
    return Error::success();
  };
  bool Skipping = !active();
  if (Kw == "if")
    return Open(Skipping ? Expected<bool>(false) : condition(Rest, Where));
  if (Kw == "ifdef" || Kw == "ifndef")
    return Open(Skipping ? false : (Macros.count(Rest) != 0) == (Kw == "ifdef"));
  if (Kw == "else")
    return Else(true);
  if (Kw == "elseif" || Kw == "elif" || Kw == "elseifdef" || Kw == "elseifndef") {
    if (Conds.empty())
      return failAt(Where, "!" + Word + " without !if");
    const Cond &C = Conds.back();
    if (!C.Outer || C.Taken)
      return Else(false);
    if (Kw == "elseif" || Kw == "elif")
      return Else(condition(Rest, Where));
    return Else((Macros.count(Rest) != 0) == (Kw == "elseifdef"));
  }
  if (Kw == "endif") {
    if (Conds.empty())
      return failAt(Where, "!endif without !if");
    Conds.pop_back();
    return Error::success();
  }
  if (Skipping)
    return Error::success();
  if (Kw == "undef") {
    Macros.erase(Rest);
    return Error::success();
  }
  if (Kw == "message") {
    Expected<std::string> M = expand(Rest, Where);
    if (!M)
      return M.takeError();
    Notes.push_back((Where + ": !message " + *M).str());
    return Error::success();
  }
  if (Kw == "error") {
    Expected<std::string> M = expand(Rest, Where);
    return M ? failAt(Where, "!error " + *M) : M.takeError();
  }
  if (Kw == "include") {
    Expected<std::string> F = expand(Rest.trim("<>\" \t"), Where);
    if (!F)
      return F.takeError();
    if (Depth >= 16)
      return failAt(Where, "!include nested more than 16 deep (does it include itself?)");
    if (++Includes > 256)
      return failAt(Where, "more than 256 !includes");
    std::string Inc = absolutePath(sys::path::parent_path(Path), *F);
    std::optional<std::string> Text = Read(Inc);
    if (!Text) {
      Notes.push_back((Where + ": !include '" + Rest + "' not found here; skipped").str());
      return Error::success();
    }
    return run(*Text, Inc, Depth + 1);
  }
  // !cmdswitches and the like change nothing ndisv reads.
  return Error::success();
}

Error Evaluator::run(StringRef Text, StringRef Path, unsigned Depth) {
  size_t Open = Conds.size();
  for (const Line &L : logicalLines(Text)) {
    std::string Where = (Path + ":" + Twine(L.Number)).str();
    StringRef T = StringRef(L.Text).trim();
    if (T.empty())
      continue;
    if (T.consume_front("!")) {
      if (Error E = directive(T.trim(), Path, Where, Depth))
        return E;
      continue;
    }
    if (!active() || isSpace(L.Text.front()))
      continue; // a skipped branch, or a command line of a rule
    size_t Eq = T.find('='), Colon = T.find(':');
    StringRef Name = T.take_front(Eq).trim();
    bool IsName = Eq != StringRef::npos && !Name.empty() &&
                  llvm::all_of(Name, [](char C) { return isAlnum(C) || C == '_'; });
    if (!IsName || (Colon != StringRef::npos && Colon < Eq))
      continue; // a rule (`target: dependents`): not part of the compile
    Expected<std::string> V = expand(T.drop_front(Eq + 1).trim(), Where);
    if (!V)
      return V.takeError();
    std::string &Slot = Macros[Name];
    MacroBytes = MacroBytes - Slot.size() + V->size(); // Slot is counted in it
    if (MacroBytes > 16 * msbuild::MaxExpansionBytes)
      return failAt(Where, "the macros defined hold more than " +
                               Twine(16 * msbuild::MaxExpansionBytes) + " bytes");
    Slot = std::move(*V);
  }
  if (Conds.size() > Open)
    return failAt(Path, "!if without !endif at the end of the file");
  return Error::success();
}

std::vector<std::string> words(StringRef V) {
  SmallVector<StringRef, 16> Parts;
  SplitString(V, Parts);
  return {Parts.begin(), Parts.end()};
}

SourcesFile Evaluator::result() {
  SourcesFile F;
  for (StringRef List : {"SOURCES", "AMD64_SOURCES"})
    for (const std::string &S : words(get(List)))
      F.Sources.push_back(S);
  std::string Includes = get("INCLUDES");
  for (StringRef Dir : llvm::split(Includes, ';'))
    for (const std::string &D : words(Dir)) // a stray blank splits too
      F.IncludeDirs.push_back(D);
  for (StringRef Flags : {"C_DEFINES", "USER_C_FLAGS"}) {
    std::vector<std::string> W = words(get(Flags));
    for (size_t I = 0; I < W.size(); ++I) {
      StringRef T = W[I];
      if (T.size() < 2 || (T[0] != '-' && T[0] != '/') || (T[1] != 'D' && T[1] != 'U'))
        continue; // /W3, /Gz, ...: nothing a parse needs
      std::string Flag = "-" + T.substr(1, 1).str(), Arg = T.drop_front(2).str();
      if (Arg.empty() && I + 1 < W.size())
        Arg = W[++I];
      llvm::erase(Arg, '"'); // as cl.exe's command line reads /DX="y"
      if (!Arg.empty())
        F.Defines.push_back(Flag + Arg);
    }
  }
  F.TargetType = StringRef(get("TARGETTYPE")).trim().str();
  for (const std::string &W : words(get("RUN_WPP"))) {
    StringRef T = W;
    if (T.consume_front("-func:"))
      F.TraceFunctions.push_back(T.take_until([](char C) { return C == '(' || C == '{'; }).str());
    else if (T.consume_front("-scan:"))
      F.WppScanFiles.push_back(T.str());
  }
  F.Undefined = Undefined;
  F.Notes = Notes;
  return F;
}

} // namespace

Expected<SourcesFile> parseSources(StringRef Text, StringRef Path, StringMap<std::string> Env,
                                   const FileReader &Read) {
  Evaluator E(std::move(Env), Read);
  if (Error Err = E.run(Text, Path, 0))
    return std::move(Err);
  return E.result();
}

Expected<std::vector<CompileJob>> loadSources(StringRef Path, const FrontendOptions &Opts) {
  auto Note = [&](const std::string &M) { Opts.note(M); };
  FileReader Read = [](const std::string &P) -> std::optional<std::string> {
    auto B = MemoryBuffer::getFile(P, /*IsText=*/true);
    return B ? std::optional<std::string>((*B)->getBuffer().str()) : std::nullopt;
  };
  std::optional<std::string> Text = Read(Path.str());
  if (!Text)
    return failAt(Path, "cannot read");
  Expected<SourcesFile> F = parseSources(*Text, Path, buildEnvironment(), Read);
  if (!F)
    return F.takeError();
  for (const std::string &N : F->Notes)
    Note(N);
  SmallString<256> AbsPath(Path);
  sys::fs::make_absolute(AbsPath);
  std::string Dir = absolutePath(sys::path::parent_path(AbsPath), "");
  std::vector<std::string> Args;
  for (const std::string &I : F->IncludeDirs) {
    std::string Abs = absolutePath(Dir, I);
    if (sys::fs::is_directory(Abs))
      Args.push_back("-I" + Abs);
    else
      Note((Path + ": include directory '" + I +
            "' dropped: no such directory (the model headers stand in for the WDK's)")
               .str());
  }
  // Last, the folder itself: a header named as its precompiled header
  // (`#include <precomp.h>` under /Yu) is found there by cl.exe.
  Args.push_back("-I" + Dir);
  if (!F->Undefined.empty())
    Note((Path + ": not defined here, so empty: $(" + llvm::join(F->Undefined, "), $(") +
          "); set them in the environment, as the build does, if they matter (the model "
          "headers stand in for the WDK's)")
             .str());
  // What makefile.def passes for the target Windows version.
  for (StringRef D : {"-D_WIN32_WINNT=0x0601", "-DWINVER=0x0601", "-DNTDDI_VERSION=0x06010000"})
    Args.push_back(D.str());
  Args.insert(Args.end(), F->Defines.begin(), F->Defines.end());
  StringRef Type = F->TargetType;
  if (!Type.empty() && !Type.ends_with_insensitive("DRIVER") &&
      !Type.equals_insensitive("DRIVER_LIBRARY") && !Type.equals_insensitive("LIBRARY"))
    Note((Path + ": TARGETTYPE=" + Type + " is not a kernel-mode driver; verified anyway").str());
  std::vector<std::string> Messages; // .mc: build.exe runs mc before compiling
  for (const std::string &S : F->Sources)
    if (StringRef(S).ends_with_insensitive(".mc"))
      Messages.push_back(absolutePath(Dir, S));
  std::vector<CompileJob> Jobs;
  for (const std::string &S : F->Sources) {
    if (!isCSource(S))
      continue; // .rc, .mc, .asm: nothing Clang parses as C
    CompileJob J;
    J.File = absolutePath(Dir, S);
    J.Directory = Dir;
    J.Args = Args;
    J.TraceFunctions = F->TraceFunctions;
    J.MessageFiles = Messages;
    for (const std::string &W : F->WppScanFiles)
      J.WppConfigFiles.push_back(absolutePath(Dir, W));
    Jobs.push_back(std::move(J));
  }
  if (Jobs.empty())
    return failAt(Path, "SOURCES names no C or C++ file (for a free amd64 build of Windows 7)");
  return std::move(Jobs);
}

} // namespace wdkbuild
} // namespace ndisv

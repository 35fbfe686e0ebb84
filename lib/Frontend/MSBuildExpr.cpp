//===- MSBuildExpr.cpp - MSBuild properties and conditions ----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Which include paths and macros apply depends on Condition attributes such
// as '$(Configuration)|$(Platform)'=='Release|x64'. This is the part of
// MSBuild's expression language that driver projects use; property
// functions and item transforms are out of scope and expand to nothing.
//===----------------------------------------------------------------------===//

#include "ndisv/Frontend/MSBuild.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cstdlib>

using namespace llvm;

namespace ndisv {
namespace msbuild {

void Properties::set(StringRef Name, StringRef Value) { Map[Name.lower()] = Value.str(); }

extern "C" char **environ;

const std::string *Properties::get(StringRef Name) const {
  auto It = Map.find(Name.lower());
  if (It != Map.end())
    return &It->second;
  // MSBuild starts from the environment: a variable is a property of the
  // same name (case ignored, as on Windows) until the project sets it.
  // Builds pass version numbers and paths this way.
  for (char **E = environ; E && *E; ++E) {
    auto [Var, Value] = StringRef(*E).split('=');
    if (Var.equals_insensitive(Name))
      return &(Env[Name.lower()] = Value.str());
  }
  return nullptr;
}

/// Length of the $(...) reference starting at \p I (nested parentheses and
/// quotes inside property functions included), or 0 if it is not closed.
static size_t referenceLength(StringRef Text, size_t I) {
  int Depth = 0;
  char Quote = 0;
  for (size_t J = I + 1; J < Text.size(); ++J) {
    char C = Text[J];
    if (Quote) {
      if (C == Quote)
        Quote = 0;
    } else if (C == '\'' || C == '"' || C == '`') {
      Quote = C;
    } else if (C == '(') {
      ++Depth;
    } else if (C == ')' && --Depth == 0) {
      return J - I + 1;
    }
  }
  return 0;
}

static bool isPropertyName(StringRef S) {
  if (S.empty() || !(isAlpha(S[0]) || S[0] == '_'))
    return false;
  return llvm::all_of(S, [](char C) { return isAlnum(C) || C == '_' || C == '-'; });
}

std::string expandProperties(StringRef Text, const Properties &Props,
                             std::vector<std::string> *Unresolved, bool KeepUnresolved) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    size_t Len = Text[I] == '$' && I + 1 < Text.size() && Text[I + 1] == '('
                     ? referenceLength(Text, I)
                     : 0;
    if (Out.size() > MaxExpansionBytes)
      break; // the caller reports it (a property that doubles itself)
    if (!Len) {
      Out += Text[I];
      continue;
    }
    StringRef Name = Text.substr(I + 2, Len - 3).trim();
    const std::string *V = isPropertyName(Name) ? Props.get(Name) : nullptr;
    if (V) {
      Out += *V;
    } else {
      if (Unresolved)
        Unresolved->push_back(Text.substr(I, Len).str());
      if (KeepUnresolved)
        Out += Text.substr(I, Len);
    }
    I += Len - 1;
  }
  return Out;
}

namespace {

/// Recursive descent over one condition string. Operands are compared as
/// strings after expansion, or as numbers by the ordering operators.
class ConditionParser {
public:
  ConditionParser(StringRef Text, const Properties &Props, StringRef BaseDir)
      : Text(Text), Props(Props), BaseDir(BaseDir) {}

  Expected<bool> run() {
    bool V = parseOr();
    skipSpace();
    if (Failure.empty() && Pos != Text.size())
      fail("unexpected '" + Text.substr(Pos).str() + "'");
    if (!Failure.empty()) {
      std::string Shown = Text.size() > 120 ? Text.take_front(120).str() + "..." : Text.str();
      return createStringError(inconvertibleErrorCode(),
                               "cannot evaluate condition \"" + Shown + "\": " + Failure);
    }
    return V;
  }

private:
  void fail(const std::string &Why) {
    if (Failure.empty())
      Failure = Why;
    Pos = Text.size();
  }

  void skipSpace() {
    while (Pos < Text.size() && isSpace(Text[Pos]))
      ++Pos;
  }

  bool consume(StringRef S) {
    skipSpace();
    if (!Text.substr(Pos).starts_with(S))
      return false;
    Pos += S.size();
    return true;
  }

  // And/Or are case-insensitive words.
  bool consumeWord(StringRef W) {
    skipSpace();
    StringRef Rest = Text.substr(Pos);
    if (!Rest.starts_with_insensitive(W) ||
        (Rest.size() > W.size() && (isAlnum(Rest[W.size()]) || Rest[W.size()] == '_')))
      return false;
    Pos += W.size();
    return true;
  }

  bool parseOr() {
    bool V = parseAnd();
    while (consumeWord("or"))
      V = parseAnd() || V; // evaluate both sides: errors surface either way
    return V;
  }

  bool parseAnd() {
    bool V = parseNot();
    while (consumeWord("and"))
      V = parseNot() && V;
    return V;
  }

  // '!' and '(' recurse: bounded, so a hostile condition is an error and
  // not a stack overflow.
  bool deeper() {
    if (++Depth <= MaxConditionNesting)
      return true;
    fail("nested more than " + std::to_string(MaxConditionNesting) + " levels deep");
    return false;
  }

  bool parseNot() {
    if (!deeper())
      return false;
    bool V = parseNotHere();
    --Depth;
    return V;
  }

  bool parseNotHere() {
    skipSpace();
    if (Pos < Text.size() && Text[Pos] == '!' &&
        !(Pos + 1 < Text.size() && Text[Pos + 1] == '=')) {
      ++Pos;
      return !parseNot();
    }
    return parseComparison();
  }

  // Function calls: Exists('...'), HasTrailingSlash('...').
  bool parseFunction(StringRef Name) {
    std::string Arg = parseOperand();
    if (!consume(")"))
      fail("expected ')' after the argument of " + Name.str());
    if (Name.equals_insensitive("exists")) {
      std::string P = StringRef(Arg).trim().str();
      std::replace(P.begin(), P.end(), '\\', '/');
      if (P.empty())
        return false;
      SmallString<256> Abs(P);
      if (!sys::path::is_absolute(Abs) && !BaseDir.empty()) {
        Abs = BaseDir;
        sys::path::append(Abs, P);
      }
      return sys::fs::exists(Abs);
    }
    if (Name.equals_insensitive("hastrailingslash"))
      return !Arg.empty() && (Arg.back() == '/' || Arg.back() == '\\');
    fail("unsupported function '" + Name.str() + "'");
    return false;
  }

  bool parseComparison() {
    skipSpace();
    if (consume("(")) {
      bool V = parseOr();
      if (!consume(")"))
        fail("expected ')'");
      return V;
    }
    // A bare word followed by '(' is a function call.
    size_t Start = Pos;
    while (Pos < Text.size() && (isAlnum(Text[Pos]) || Text[Pos] == '_'))
      ++Pos;
    StringRef Word = Text.slice(Start, Pos);
    if (!Word.empty() && consume("("))
      return parseFunction(Word);
    Pos = Start;

    std::string L = parseOperand();
    static const char *const Ops[] = {"==", "!=", "<=", ">=", "<", ">"};
    for (StringRef Op : Ops) {
      if (!consume(Op))
        continue;
      std::string R = parseOperand();
      if (Op == "==")
        return StringRef(L).equals_insensitive(R);
      if (Op == "!=")
        return !StringRef(L).equals_insensitive(R);
      double A, B;
      if (!number(L, A) || !number(R, B)) {
        fail("'" + Op.str() + "' needs numbers, not '" + L + "' and '" + R + "'");
        return false;
      }
      return Op == "<" ? A < B : Op == ">" ? A > B : Op == "<=" ? A <= B : A >= B;
    }
    StringRef B = StringRef(L).trim();
    if (B.equals_insensitive("true") || B.equals_insensitive("on") || B.equals_insensitive("yes"))
      return true;
    if (B.equals_insensitive("false") || B.equals_insensitive("off") || B.equals_insensitive("no"))
      return false;
    fail("expected a comparison, found '" + L + "'");
    return false;
  }

  static bool number(StringRef S, double &Out) {
    S = S.trim();
    if (S.empty())
      return false;
    std::string Z = S.str();
    char *End = nullptr;
    Out = std::strtod(Z.c_str(), &End);
    return End && *End == 0;
  }

  // 'quoted text', $(Property) or a bare word; expanded.
  std::string parseOperand() {
    skipSpace();
    if (Pos >= Text.size()) {
      fail("expected an operand");
      return "";
    }
    if (Text[Pos] == '\'') {
      size_t End = Text.find('\'', Pos + 1);
      if (End == StringRef::npos) {
        fail("unterminated quoted string");
        return "";
      }
      StringRef Raw = Text.slice(Pos + 1, End);
      Pos = End + 1;
      return expandProperties(Raw, Props);
    }
    if (Text[Pos] == '$' && Pos + 1 < Text.size() && Text[Pos + 1] == '(') {
      size_t Len = referenceLength(Text, Pos);
      if (!Len) {
        fail("unterminated $(");
        return "";
      }
      StringRef Raw = Text.substr(Pos, Len);
      Pos += Len;
      return expandProperties(Raw, Props);
    }
    size_t Start = Pos;
    while (Pos < Text.size() && (isAlnum(Text[Pos]) || StringRef("_.-").contains(Text[Pos])))
      ++Pos;
    if (Start == Pos)
      fail("unexpected '" + Text.substr(Pos).str() + "'");
    return Text.slice(Start, Pos).str();
  }

  StringRef Text;
  const Properties &Props;
  StringRef BaseDir;
  size_t Pos = 0;
  unsigned Depth = 0;
  std::string Failure;
};

} // namespace

Expected<bool> evaluateCondition(StringRef Condition, const Properties &Props, StringRef BaseDir) {
  if (Condition.trim().empty())
    return true;
  return ConditionParser(Condition, Props, BaseDir).run();
}

} // namespace msbuild
} // namespace ndisv

//===- RuleParser.cpp - Lexer and parser for rule files -------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Rule files are small and hand-written, so a tokenize-everything lexer plus a
// recursive-descent parser is enough. The first error wins and is reported as
// "FILE:LINE: message" so rule authors can jump straight to it.
//===----------------------------------------------------------------------===//

#include "ndisv/Rules/Rule.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;
using namespace ndisv::rules;

namespace {

enum class Tok { Ident, Int, String, Punct, Return, Arg, Eof };

struct Token {
  Tok K = Tok::Eof;
  std::string Text; // spelling; String: the unescaped contents
  int64_t Int = 0;  // Int; Arg: 1-based index
  unsigned Line = 1;
};

std::string describe(const Token &T) {
  if (T.K == Tok::Eof)
    return "end of file";
  return T.K == Tok::String ? "string \"" + T.Text + "\"" : "'" + T.Text + "'";
}

class Parser {
public:
  Parser(StringRef Text, StringRef File) : Src(Text), File(File) {}

  Expected<Rule> run() {
    if (lex() && parseFile()) {
      R.File = File.str();
      return std::move(R);
    }
    return createStringError(File + ":" + Twine(ErrLine) + ": " + ErrMsg);
  }

private:
  StringRef Src, File;
  std::vector<Token> Toks;
  size_t Pos = 0;
  Rule R;
  std::string ErrMsg;
  unsigned ErrLine = 0;
  // Statements and expressions recurse once per nesting level: bounded, so
  // a hostile file is an error, not a stack overflow.
  static constexpr unsigned MaxNesting = 200;
  unsigned Depth = 0;
  struct Nesting {
    unsigned &D;
    bool Ok;
    explicit Nesting(unsigned &D) : D(D), Ok(++D <= MaxNesting) {}
    ~Nesting() { --D; }
  };
  std::nullptr_t tooDeep() {
    return null(peek().Line, "nested more than " + Twine(MaxNesting) + " levels deep");
  }

  bool fail(unsigned Line, const Twine &Msg) {
    if (ErrMsg.empty()) {
      ErrLine = Line;
      ErrMsg = Msg.str();
    }
    return false;
  }

  std::nullptr_t null(unsigned Line, const Twine &Msg) {
    fail(Line, Msg);
    return nullptr;
  }

  //===--- Lexer ---------------------------------------------------------===//

  bool lex() {
    unsigned Line = 1;
    size_t I = 0, N = Src.size();
    auto Push = [&](Tok K, std::string Text, int64_t V = 0) {
      Toks.push_back({K, std::move(Text), V, Line});
    };
    while (I < N) {
      char C = Src[I];
      if (C == '\n') {
        ++Line, ++I;
      } else if (isSpace(C)) {
        ++I;
      } else if (C == '#' || Src.substr(I).starts_with("//")) {
        while (I < N && Src[I] != '\n')
          ++I;
      } else if (isAlnum(C) || C == '_' || C == '$') {
        size_t B = I++;
        while (I < N && (isAlnum(Src[I]) || Src[I] == '_'))
          ++I;
        StringRef W = Src.slice(B, I);
        uint64_t V = 0;
        if (C == '$') {
          if (W == "$return")
            Push(Tok::Return, W.str());
          else if (W.size() > 1 && all_of(W.drop_front(), isDigit) &&
                   !W.drop_front().getAsInteger(10, V) && V >= 1 && V <= 0xffff)
            Push(Tok::Arg, W.str(), int64_t(V));
          else
            return fail(Line,
                        "expected '$return' or '$N' with N >= 1, found '" + W +
                            "'");
        } else if (isDigit(C)) {
          bool Hex = W.starts_with_insensitive("0x");
          StringRef Digits = Hex ? W.drop_front(2) : W;
          if (Digits.empty() || !all_of(Digits, Hex ? isHexDigit : isDigit))
            return fail(Line, "malformed integer '" + W + "'");
          if (Digits.getAsInteger(Hex ? 16 : 10, V) || V > uint64_t(INT64_MAX))
            return fail(Line, "integer '" + W + "' is too large");
          Push(Tok::Int, W.str(), int64_t(V));
        } else {
          Push(Tok::Ident, W.str());
        }
      } else if (C == '"') {
        std::string S;
        for (++I;; ++I) {
          if (I >= N || Src[I] == '\n')
            return fail(Line, "unterminated string");
          if (Src[I] == '"')
            break;
          if (Src[I] == '\\') {
            if (I + 1 >= N || (Src[I + 1] != '"' && Src[I + 1] != '\\'))
              return fail(Line, "unknown escape in string (only \\\" and "
                                "\\\\ are allowed)");
            ++I;
          }
          S += Src[I];
        }
        ++I;
        Push(Tok::String, std::move(S));
      } else {
        static const char *Two[] = {
            "||", "&&", "==", "!=", "<=", ">=", "+=", "-="};
        StringRef P;
        for (const char *T : Two)
          if (Src.substr(I).starts_with(T))
            P = T;
        if (P.empty() && StringRef("{}();,.=<>+-*!").contains(C))
          P = Src.substr(I, 1);
        if (P.empty())
          return fail(Line, "unexpected character '" + Twine(C) + "'");
        I += P.size();
        Push(Tok::Punct, P.str());
      }
    }
    Push(Tok::Eof, "");
    return true;
  }

  //===--- Token helpers -------------------------------------------------===//

  const Token &peek(size_t Ahead = 0) const {
    return Toks[std::min(Pos + Ahead, Toks.size() - 1)];
  }
  const Token &next() {
    const Token &T = peek();
    if (Pos + 1 < Toks.size())
      ++Pos;
    return T;
  }
  bool isPunct(StringRef P) const {
    return peek().K == Tok::Punct && peek().Text == P;
  }
  bool isWord(StringRef W) const {
    return peek().K == Tok::Ident && peek().Text == W;
  }
  bool accept(StringRef P) { return isPunct(P) && (next(), true); }
  bool expect(StringRef P, const Twine &Where) {
    if (accept(P))
      return true;
    return fail(peek().Line, "expected '" + P + "' " + Where + ", found " +
                                 describe(peek()));
  }
  bool expectKind(Tok K, StringRef What, const Twine &Where, std::string &Out) {
    if (peek().K != K)
      return fail(peek().Line, "expected " + What + " " + Where + ", found " +
                                   describe(peek()));
    Out = next().Text;
    return true;
  }
  bool parseDuring(std::string &Out) {
    if (!isWord("during"))
      return true;
    next();
    return expectKind(Tok::Ident, "a role", "after 'during'", Out);
  }
  static bool isReserved(StringRef W) {
    return is_contained({"if", "else", "note", "abort", "irql", "irqlmax", "irqlmin"}, W);
  }
  int findSet(StringRef Name) const {
    for (size_t I = 0; I < R.HandleSets.size(); ++I)
      if (R.HandleSets[I] == Name)
        return int(I);
    return -1;
  }
  int findVar(StringRef Name) const {
    for (size_t I = 0; I < R.StateVars.size(); ++I)
      if (R.StateVars[I].Name == Name)
        return int(I);
    return -1;
  }

  //===--- File structure ------------------------------------------------===//

  bool parseFile() {
    StringSet<> Seen;
    bool SeenItem = false;
    unsigned RuleLine = 0;
    if (!isWord("rule"))
      return fail(peek().Line, "missing 'rule NAME' (it must come first)");
    while (peek().K != Tok::Eof) {
      const Token &T = peek();
      unsigned Line = T.Line;
      if (T.K != Tok::Ident)
        return fail(Line, "unexpected " + describe(T));
      std::string W = T.Text;
      bool Header = W == "rule" || W == "title" || W == "origin" ||
                    W == "help" || W == "applies" || W == "sets" || W == "watches";
      if (Header || W == "state") {
        if (!Seen.insert(W).second)
          return fail(Line, "duplicate '" + W + "'");
        if (Header && SeenItem)
          return fail(Line, "'" + W + "' must come before 'state' and 'on'");
      }
      next();
      if (W == "rule") {
        RuleLine = Line;
        if (!expectKind(Tok::Ident, "a name", "after 'rule'", R.Name))
          return false;
      } else if (W == "title" || W == "help") {
        std::string &Out = W == "title" ? R.Title : R.Help;
        if (!expectKind(Tok::String, "a string", "after '" + W + "'", Out))
          return false;
        if (StringRef(Out).trim().empty())
          return fail(Line, "'" + W + "' text is empty");
      } else if (W == "origin") {
        if (!expectKind(Tok::Ident, "'sdv' or 'ndisv'", "after 'origin'",
                        R.Origin))
          return false;
        if (R.Origin != "sdv" && R.Origin != "ndisv")
          return fail(Line, "origin must be 'sdv' or 'ndisv', not '" +
                                R.Origin + "'");
      } else if (W == "applies") {
        do {
          std::string F;
          if (!expectKind(Tok::Ident, "a function name", "in 'applies'", F))
            return false;
          R.Applies.push_back(F);
        } while (accept(","));
        if (!parseDuring(R.AppliesDuring))
          return false;
      } else if (W == "watches") {
        do {
          std::string Role;
          if (!expectKind(Tok::Ident, "a role", "in 'watches'", Role))
            return false;
          R.Watches.push_back(Role);
        } while (accept(","));
      } else if (W == "sets") {
        do {
          std::string Set;
          if (!expectKind(Tok::Ident, "a rule set name", "in 'sets'", Set))
            return false;
          if (Set == "all" || Set == "SDV" || Set == "ndisv")
            return fail(Line, "'" + Set + "' is a built-in rule set; it cannot be listed");
          R.Sets.push_back(Set);
        } while (accept(","));
      } else if (W == "state") {
        SeenItem = true;
        if (!parseState(Line))
          return false;
      } else if (W == "handles") {
        SeenItem = true;
        do {
          unsigned HLine = peek().Line;
          std::string Name;
          if (!expectKind(Tok::Ident, "a handle set name", "after 'handles'", Name))
            return false;
          if (isReserved(Name))
            return fail(HLine, "'" + Name + "' is a reserved word");
          if (findVar(Name) >= 0 || findSet(Name) >= 0)
            return fail(HLine, "'" + Name + "' is already declared");
          R.HandleSets.push_back(Name);
        } while (accept(","));
        if (!expect(";", "after the handle sets"))
          return false;
      } else if (W == "on") {
        SeenItem = true;
        if (!parseHandler(Line))
          return false;
      } else {
        return fail(Line, "unexpected '" + W + "'");
      }
    }
    if (R.Title.empty())
      return fail(RuleLine, "rule '" + R.Name + "' has no 'title'");
    return true;
  }

  bool parseState(unsigned Line) {
    if (!expect("{", "after 'state'"))
      return false;
    while (!accept("}")) {
      if (peek().K == Tok::Eof)
        return fail(Line, "unterminated 'state' block");
      unsigned VLine = peek().Line;
      std::string Name;
      if (!expectKind(Tok::Ident, "a variable name", "in 'state'", Name))
        return false;
      if (isReserved(Name))
        return fail(VLine, "'" + Name + "' is a reserved word");
      if (findSet(Name) >= 0)
        return fail(VLine, "'" + Name + "' is already declared");
      if (findVar(Name) >= 0)
        return fail(VLine, "duplicate state variable '" + Name + "'");
      if (!expect("=", "after '" + Name + "'"))
        return false;
      bool Neg = accept("-");
      if (peek().K != Tok::Int)
        return fail(peek().Line, "expected an integer initial value for '" +
                                     Name + "', found " + describe(peek()));
      int64_t V = next().Int;
      R.StateVars.push_back({Name, Neg ? -V : V});
      if (!expect(";", "after the initial value of '" + Name + "'"))
        return false;
    }
    return true;
  }

  bool parseHandler(unsigned Line) {
    Handler H;
    H.Line = Line;
    do {
      if (peek().K != Tok::Ident || isWord("during")) {
        if (H.Events.empty())
          return fail(Line, "'on' has no events");
        return fail(peek().Line, "expected an event after ','");
      }
      Event E;
      E.Name = next().Text;
      if (!expect(".", "and an event kind after '" + E.Name + "'"))
        return false;
      std::string Kind;
      unsigned KLine = peek().Line;
      if (!expectKind(Tok::Ident, "an event kind", "after '.'", Kind))
        return false;
      auto K = StringSwitch<std::optional<EventKind>>(Kind)
                   .Case("entry", EventKind::Entry)
                   .Case("exit", EventKind::Exit)
                   .Case("success", EventKind::Success)
                   .Case("failure", EventKind::Failure)
                   .Default(std::nullopt);
      if (!K)
        return fail(KLine, "unknown event kind '" + Kind +
                               "' (expected entry, exit, success or failure)");
      E.Kind = *K;
      H.Events.push_back(std::move(E));
    } while (accept(","));
    if (!parseDuring(H.During))
      return false;
    if (!isPunct("{"))
      return expect("{", "to begin the handler body");
    if (!parseBlock(H.Body))
      return false;
    R.Handlers.push_back(std::move(H));
    return true;
  }

  //===--- Statements ----------------------------------------------------===//

  bool parseBlock(Stmt &S) {
    S.K = Stmt::Kind::Block;
    S.Line = next().Line; // '{'
    while (!accept("}")) {
      if (peek().K == Tok::Eof)
        return fail(S.Line, "unterminated block: '{' is never closed");
      S.Body.push_back(parseStmt());
      if (!S.Body.back())
        return false;
    }
    return true;
  }

  std::unique_ptr<Stmt> parseStmt() {
    Nesting N(Depth);
    if (!N.Ok)
      return tooDeep();
    auto S = std::make_unique<Stmt>();
    const Token &T = peek();
    S->Line = T.Line;
    if (isPunct("{"))
      return parseBlock(*S) ? std::move(S) : nullptr;
    if (T.K != Tok::Ident)
      return null(T.Line,
                  "unexpected " + describe(T) + " at the start of a statement");
    std::string W = next().Text;
    if (W == "if") {
      S->K = Stmt::Kind::If;
      if (!expect("(", "after 'if'") || !(S->Value = parseExpr()) ||
          !expect(")", "after the 'if' condition") || !(S->Then = parseStmt()))
        return nullptr;
      if (isWord("else") && (next(), !(S->Else = parseStmt())))
        return nullptr;
      return S;
    }
    if (W == "note" || W == "abort") {
      S->K = W == "note" ? Stmt::Kind::Note : Stmt::Kind::Abort;
      if (!expectKind(Tok::String, "a string", "after '" + W + "'", S->Text))
        return nullptr;
      if (StringRef(S->Text).trim().empty())
        return null(S->Line, "'" + W + "' text is empty");
      return expect(";", "after the '" + W + "' text") ? std::move(S) : nullptr;
    }
    // track/release/for are keywords only before a name: `release = 1;` is
    // still an assignment to a variable called release.
    if ((W == "track" || W == "release" || W == "for") && peek().K == Tok::Ident) {
      S->K = W == "track" ? Stmt::Kind::Track : W == "release" ? Stmt::Kind::Release : Stmt::Kind::ForEach;
      std::string Set;
      if (!expectKind(Tok::Ident, "a handle set", "after '" + W + "'", Set))
        return nullptr;
      int H = findSet(Set);
      if (H < 0)
        return null(S->Line, "unknown handle set '" + Set + "' (declare it with 'handles " + Set + ";')");
      S->Var = unsigned(H);
      if (W == "for") {
        if (!(S->Then = parseStmt()))
          return nullptr;
        return S;
      }
      if (!parseValueRef(S->Ref))
        return nullptr;
      return expect(";", "after the '" + W + "' value") ? std::move(S) : nullptr;
    }
    if (W == "else")
      return null(S->Line, "'else' without 'if'");
    int V = findVar(W);
    if (V < 0)
      return null(S->Line, "unknown variable '" + W + "'");
    S->K = Stmt::Kind::Assign;
    S->Var = unsigned(V);
    if (!isPunct("=") && !isPunct("+=") && !isPunct("-="))
      return null(peek().Line, "expected '=', '+=' or '-=' after '" + W +
                                   "', found " + describe(peek()));
    S->AssignOp = next().Text;
    if (!(S->Value = parseExpr()) || !expect(";", "after the assignment"))
      return nullptr;
    return S;
  }

  /// `$return`, `$N` or `*$N`.
  bool parseValueRef(ValueRef &Ref) {
    bool Deref = accept("*");
    const Token &T = peek();
    if (T.K == Tok::Return && !Deref) {
      Ref.K = ValueRef::Kind::Return;
    } else if (T.K == Tok::Arg) {
      Ref.K = Deref ? ValueRef::Kind::DerefArg : ValueRef::Kind::Arg;
      Ref.Arg = unsigned(T.Int);
    } else {
      return fail(T.Line, "expected '$return', '$N' or '*$N', found " + describe(T));
    }
    next();
    return true;
  }

  //===--- Expressions ---------------------------------------------------===//

  static int precedence(const Token &T) {
    if (T.K != Tok::Punct)
      return 0;
    return StringSwitch<int>(T.Text)
        .Case("||", 1)
        .Case("&&", 2)
        .Cases("==", "!=", 3)
        .Cases("<", "<=", ">", ">=", 4)
        .Cases("+", "-", 5)
        .Case("*", 6)
        .Default(0);
  }

  std::unique_ptr<Expr> parseExpr(int MinPrec = 1) {
    Nesting N(Depth);
    if (!N.Ok)
      return tooDeep();
    auto L = parseUnary();
    while (L) {
      int P = precedence(peek());
      if (P == 0 || P < MinPrec)
        break;
      auto B = std::make_unique<Expr>();
      B->K = Expr::Kind::Binary;
      B->Op = next().Text;
      B->LHS = std::move(L);
      if (!(B->RHS = parseExpr(P + 1))) // left-associative
        return nullptr;
      L = std::move(B);
    }
    return L;
  }

  std::unique_ptr<Expr> parseUnary() {
    Nesting N(Depth);
    if (!N.Ok)
      return tooDeep();
    if (isPunct("!") || isPunct("-")) {
      std::string Op = next().Text;
      auto Sub = parseUnary();
      if (!Sub)
        return nullptr;
      if (Op == "-" && Sub->K == Expr::Kind::Int) { // fold negative literals
        Sub->Value = int64_t(0 - uint64_t(Sub->Value));
        return Sub;
      }
      auto U = std::make_unique<Expr>();
      U->K = Expr::Kind::Unary;
      U->Op = Op;
      U->LHS = std::move(Sub);
      return U;
    }
    return parsePrimary();
  }

  std::unique_ptr<Expr> parsePrimary() {
    const Token &T = peek();
    auto E = std::make_unique<Expr>();
    E->Value = T.Int;
    if (T.K == Tok::Int || T.K == Tok::Arg || T.K == Tok::Return) {
      E->K = T.K == Tok::Int   ? Expr::Kind::Int
             : T.K == Tok::Arg ? Expr::Kind::Arg
                               : Expr::Kind::Return;
    } else if (T.K == Tok::Ident && peek(1).K == Tok::Punct && peek(1).Text == "(" &&
               (T.Text == "u8" || T.Text == "u16" || T.Text == "u32" || T.Text == "u64")) {
      // uN(BASE [+|- INT]): N bits at the address an argument or the result holds.
      E->K = Expr::Kind::Read;
      E->Bytes = unsigned(std::stoi(T.Text.substr(1))) / 8;
      next(), next();
      const Token &B = peek();
      if (B.K != Tok::Return && B.K != Tok::Arg)
        return null(B.Line, "expected '$return' or '$N' in '" + T.Text + "(...)', found " + describe(B));
      E->Value = B.K == Tok::Return ? 0 : B.Int;
      next();
      if (isPunct("+") || isPunct("-")) {
        bool Minus = next().Text == "-";
        if (peek().K != Tok::Int)
          return null(peek().Line, "expected an integer offset, found " + describe(peek()));
        E->Offset = Minus ? -next().Int : next().Int;
      }
      return expect(")", "to close '" + T.Text + "('") ? std::move(E) : nullptr;
    } else if (T.K == Tok::Ident && T.Text == "count" && peek(1).K == Tok::Punct &&
               peek(1).Text == "(") {
      next();
      std::string Set;
      if (!expect("(", "after 'count'") ||
          !expectKind(Tok::Ident, "a handle set", "in 'count(...)'", Set))
        return nullptr;
      int H = findSet(Set);
      if (H < 0)
        return null(T.Line, "unknown handle set '" + Set + "'");
      E->K = Expr::Kind::Count;
      E->Var = unsigned(H);
      return expect(")", "to close 'count('") ? std::move(E) : nullptr;
    } else if (T.K == Tok::Ident && T.Text == "holds" && peek(1).K == Tok::Punct &&
               peek(1).Text == "(") {
      next();
      std::string Set;
      if (!expect("(", "after 'holds'") ||
          !expectKind(Tok::Ident, "a handle set", "in 'holds(...)'", Set))
        return nullptr;
      int H = findSet(Set);
      if (H < 0)
        return null(T.Line, "unknown handle set '" + Set + "'");
      ValueRef Ref;
      if (!expect(",", "after the handle set in 'holds('") || !parseValueRef(Ref))
        return nullptr;
      E->K = Expr::Kind::Holds;
      E->Var = unsigned(H);
      E->RefKind = unsigned(Ref.K);
      E->RefArg = Ref.Arg;
      return expect(")", "to close 'holds('") ? std::move(E) : nullptr;
    } else if (T.K == Tok::Ident && (T.Text == "irql" || T.Text == "irqlmax" || T.Text == "irqlmin")) {
      E->K = T.Text == "irql" ? Expr::Kind::Irql : T.Text == "irqlmax" ? Expr::Kind::IrqlMax : Expr::Kind::IrqlMin;
    } else if (T.K == Tok::Ident) {
      int V = findVar(T.Text);
      if (V < 0)
        return null(T.Line, "unknown variable '" + T.Text + "'");
      E->K = Expr::Kind::Var;
      E->Var = unsigned(V);
    } else if (accept("(")) {
      if (!(E = parseExpr()) || !expect(")", "to close '('"))
        return nullptr;
      return E;
    } else {
      return null(T.Line, "expected an expression, found " + describe(T));
    }
    next();
    return E;
  }
};

} // namespace

Expected<Rule> ndisv::rules::parseRule(StringRef Text, StringRef FileName) {
  return Parser(Text, FileName).run();
}

Expected<Rule> ndisv::rules::loadRuleFile(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return createStringError(
        Buf.getError(), Path + ": cannot read: " + Buf.getError().message());
  return parseRule((*Buf)->getBuffer(), Path);
}

//===- RuleParserTest.cpp - Tests for the rule language -------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The rule language is what rule authors write by hand, so its AST, its error
// messages (with line numbers), expression evaluation with unknowns and rule
// selection are all pinned down here.
//===----------------------------------------------------------------------===//

#include "ndisv/Rules/Rule.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace ndisv::rules;
using llvm::Expected;

namespace {

const char *InitRegisterInterrupt =
    R"(// Init_RegisterInterrupt - an interrupt registered during init is deregistered
rule Init_RegisterInterrupt
title "NdisMRegisterInterruptEx during MiniportInitializeEx is undone"
origin sdv
help "Longer \"help\" text \\ here"
applies NdisMRegisterInterruptEx during MINIPORT_INITIALIZE
state { registered = 0; released = 0x10; count = -3; }
on NdisMRegisterInterruptEx.success during MINIPORT_INITIALIZE {
  registered = 1; released = 0;
  note "interrupt registered by NdisMRegisterInterruptEx";
}
# hash comments work too
on NdisMDeregisterInterruptEx.entry { released = 1; note "interrupt deregistered"; }
on MINIPORT_INITIALIZE.failure {
  if (registered && !released)
    abort "MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx";
}
on MINIPORT_INITIALIZE.success { released = 0; }
on MINIPORT_HALT.exit, MINIPORT_PAUSE.entry {
  if (registered && !released) abort "MiniportHaltEx returns without deregistering";
  else { count += 1; count -= $return + $2; }
}
)";

Rule parseOK(llvm::StringRef Text) {
  Expected<Rule> R = parseRule(Text, "t.rule");
  if (!R) {
    ADD_FAILURE() << llvm::toString(R.takeError());
    return Rule();
  }
  return std::move(*R);
}

std::string parseErr(llvm::StringRef Text) {
  Expected<Rule> R = parseRule(Text, "t.rule");
  if (R)
    return "<no error>";
  return llvm::toString(R.takeError());
}

TEST(RuleParser, FullRule) {
  Rule R = parseOK(InitRegisterInterrupt);
  EXPECT_EQ(R.Name, "Init_RegisterInterrupt");
  EXPECT_EQ(R.Title,
            "NdisMRegisterInterruptEx during MiniportInitializeEx is undone");
  EXPECT_EQ(R.Origin, "sdv");
  EXPECT_EQ(R.Help, "Longer \"help\" text \\ here");
  EXPECT_EQ(R.File, "t.rule");
  ASSERT_EQ(R.Applies.size(), 1u);
  EXPECT_EQ(R.Applies[0], "NdisMRegisterInterruptEx");
  EXPECT_EQ(R.AppliesDuring, "MINIPORT_INITIALIZE");

  ASSERT_EQ(R.StateVars.size(), 3u);
  EXPECT_EQ(R.StateVars[0].Name, "registered");
  EXPECT_EQ(R.StateVars[0].Initial, 0);
  EXPECT_EQ(R.StateVars[1].Name, "released");
  EXPECT_EQ(R.StateVars[1].Initial, 16);
  EXPECT_EQ(R.StateVars[2].Name, "count");
  EXPECT_EQ(R.StateVars[2].Initial, -3);

  ASSERT_EQ(R.Handlers.size(), 5u);
  const Handler &H0 = R.Handlers[0];
  EXPECT_EQ(H0.Line, 8u);
  ASSERT_EQ(H0.Events.size(), 1u);
  EXPECT_EQ(H0.Events[0].Name, "NdisMRegisterInterruptEx");
  EXPECT_EQ(H0.Events[0].Kind, EventKind::Success);
  EXPECT_EQ(H0.During, "MINIPORT_INITIALIZE");
  EXPECT_EQ(H0.Body.K, Stmt::Kind::Block);
  EXPECT_EQ(H0.Body.Line, 8u);
  ASSERT_EQ(H0.Body.Body.size(), 3u);
  const Stmt &A0 = *H0.Body.Body[0];
  EXPECT_EQ(A0.K, Stmt::Kind::Assign);
  EXPECT_EQ(A0.Var, 0u);
  EXPECT_EQ(A0.AssignOp, "=");
  EXPECT_EQ(A0.Value->K, Expr::Kind::Int);
  EXPECT_EQ(A0.Value->Value, 1);
  EXPECT_EQ(A0.Line, 9u);
  EXPECT_EQ(H0.Body.Body[1]->Var, 1u);
  EXPECT_EQ(H0.Body.Body[2]->K, Stmt::Kind::Note);
  EXPECT_EQ(H0.Body.Body[2]->Text,
            "interrupt registered by NdisMRegisterInterruptEx");
  EXPECT_EQ(H0.Body.Body[2]->Line, 10u);

  const Handler &H1 = R.Handlers[1];
  EXPECT_EQ(H1.Line, 13u);
  EXPECT_EQ(H1.Events[0].Kind, EventKind::Entry);
  EXPECT_EQ(H1.During, "");
  EXPECT_EQ(H1.Body.Body.size(), 2u);

  const Handler &H2 = R.Handlers[2];
  EXPECT_EQ(H2.Events[0].Name, "MINIPORT_INITIALIZE");
  EXPECT_EQ(H2.Events[0].Kind, EventKind::Failure);
  ASSERT_EQ(H2.Body.Body.size(), 1u);
  const Stmt &If = *H2.Body.Body[0];
  EXPECT_EQ(If.K, Stmt::Kind::If);
  EXPECT_EQ(If.Line, 15u);
  EXPECT_EQ(If.Value->K, Expr::Kind::Binary);
  EXPECT_EQ(If.Value->Op, "&&");
  EXPECT_EQ(If.Value->LHS->K, Expr::Kind::Var);
  EXPECT_EQ(If.Value->LHS->Var, 0u);
  EXPECT_EQ(If.Value->RHS->K, Expr::Kind::Unary);
  EXPECT_EQ(If.Value->RHS->Op, "!");
  EXPECT_EQ(If.Value->RHS->LHS->Var, 1u);
  ASSERT_TRUE(If.Then);
  EXPECT_EQ(If.Then->K, Stmt::Kind::Abort);
  EXPECT_EQ(If.Then->Line, 16u);
  EXPECT_FALSE(If.Else);

  EXPECT_EQ(R.Handlers[3].Events[0].Kind, EventKind::Success);

  const Handler &H4 = R.Handlers[4];
  ASSERT_EQ(H4.Events.size(), 2u);
  EXPECT_EQ(H4.Events[0].Name, "MINIPORT_HALT");
  EXPECT_EQ(H4.Events[0].Kind, EventKind::Exit);
  EXPECT_EQ(H4.Events[1].Name, "MINIPORT_PAUSE");
  EXPECT_EQ(H4.Events[1].Kind, EventKind::Entry);
  const Stmt &If2 = *H4.Body.Body[0];
  ASSERT_TRUE(If2.Else);
  EXPECT_EQ(If2.Else->K, Stmt::Kind::Block);
  EXPECT_EQ(If2.Else->Line, 21u);
  ASSERT_EQ(If2.Else->Body.size(), 2u);
  EXPECT_EQ(If2.Else->Body[0]->AssignOp, "+=");
  EXPECT_EQ(If2.Else->Body[0]->Var, 2u);
  const Stmt &Sub = *If2.Else->Body[1];
  EXPECT_EQ(Sub.AssignOp, "-=");
  EXPECT_EQ(Sub.Value->Op, "+");
  EXPECT_EQ(Sub.Value->LHS->K, Expr::Kind::Return);
  EXPECT_EQ(Sub.Value->RHS->K, Expr::Kind::Arg);
  EXPECT_EQ(Sub.Value->RHS->Value, 2);
}

TEST(RuleParser, Defaults) {
  Rule R = parseOK("rule X title \"t\"");
  EXPECT_EQ(R.Origin, "ndisv");
  EXPECT_TRUE(R.Help.empty());
  EXPECT_TRUE(R.Applies.empty());
  EXPECT_TRUE(R.StateVars.empty());
  EXPECT_TRUE(R.Handlers.empty());
  Rule R2 = parseOK("rule X title \"t\" applies A, B,C during R2");
  EXPECT_EQ(R2.Applies, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(R2.AppliesDuring, "R2");
  Rule R3 = parseOK("rule X title \"t\" on A.exit {}");
  ASSERT_EQ(R3.Handlers.size(), 1u);
  EXPECT_TRUE(R3.Handlers[0].Body.Body.empty());
}

// Parses "x = EXPR;" in a rule with state vars a, b, c and returns the value.
std::unique_ptr<Expr> parseExpr(const std::string &E) {
  Expected<Rule> R =
      parseRule("rule X title \"t\" state { a = 0; b = 0; c = 0; x = 0; }\n"
                "on F.entry { x = " +
                    E + "; }",
                "e.rule");
  if (!R) {
    ADD_FAILURE() << llvm::toString(R.takeError());
    return nullptr;
  }
  return std::move(R->Handlers[0].Body.Body[0]->Value);
}

// Renders an expression fully parenthesized, to check precedence.
std::string show(const Expr &E) {
  switch (E.K) {
  case Expr::Kind::Int:
    return std::to_string(E.Value);
  case Expr::Kind::Var:
    return std::string(1, "abcx"[E.Var]);
  case Expr::Kind::Return:
    return "$return";
  case Expr::Kind::Arg:
    return "$" + std::to_string(E.Value);
  case Expr::Kind::Unary:
    return "(" + E.Op + show(*E.LHS) + ")";
  case Expr::Kind::Binary:
    return "(" + show(*E.LHS) + " " + E.Op + " " + show(*E.RHS) + ")";
  }
  return "?";
}

TEST(RuleParser, Precedence) {
  auto S = [](const char *E) {
    auto P = parseExpr(E);
    return P ? show(*P) : std::string("<error>");
  };
  EXPECT_EQ(S("a || b && c"), "(a || (b && c))");
  EXPECT_EQ(S("a && b || c"), "((a && b) || c)");
  EXPECT_EQ(S("a == b < c"), "(a == (b < c))");
  EXPECT_EQ(S("a != b + c * 2"), "(a != (b + (c * 2)))");
  EXPECT_EQ(S("a - b - c"), "((a - b) - c)");
  EXPECT_EQ(S("a <= b >= c"), "((a <= b) >= c)");
  EXPECT_EQ(S("(a + b) * c"), "((a + b) * c)");
  EXPECT_EQ(S("!a && -b"), "((!a) && (-b))");
  EXPECT_EQ(S("-5 + 0x1F"), "(-5 + 31)");
  EXPECT_EQ(S("a>b"), "(a > b)");
  EXPECT_EQ(S("$return == 0 && $1 != $12"), "(($return == 0) && ($1 != $12))");
  EXPECT_EQ(S("!!a"), "(!(!a))");
}

TEST(RuleParser, Errors) {
  const std::string H = "rule R\ntitle \"t\"\n"; // lines 1-2
  // Missing rule / title.
  EXPECT_EQ(parseErr(""), "t.rule:1: missing 'rule NAME' (it must come first)");
  EXPECT_EQ(parseErr("\n\ntitle \"t\"\nrule R"),
            "t.rule:3: missing 'rule NAME' (it must come first)");
  EXPECT_EQ(parseErr("\nrule R\norigin sdv\n"),
            "t.rule:2: rule 'R' has no 'title'");
  EXPECT_EQ(parseErr("rule R\nrule S\ntitle \"t\""),
            "t.rule:2: duplicate 'rule'");
  EXPECT_EQ(parseErr(H + "on A.entry {}\ntitle \"u\""),
            "t.rule:4: duplicate 'title'");
  EXPECT_EQ(parseErr(H + "on A.entry {}\nhelp \"u\""),
            "t.rule:4: 'help' must come before 'state' and 'on'");
  EXPECT_EQ(parseErr(H + "origin slic"),
            "t.rule:3: origin must be 'sdv' or 'ndisv', not 'slic'");
  // Duplicate state var; second state block.
  EXPECT_EQ(parseErr(H + "state {\n a = 0;\n a = 1;\n}"),
            "t.rule:5: duplicate state variable 'a'");
  EXPECT_EQ(parseErr(H + "state { a = 0; }\nstate { b = 0; }"),
            "t.rule:4: duplicate 'state'");
  EXPECT_EQ(parseErr(H + "state { if = 0; }"),
            "t.rule:3: 'if' is a reserved word");
  EXPECT_EQ(parseErr(H + "state { a = b; }"),
            "t.rule:3: expected an integer initial value for 'a', found 'b'");
  // Unknown variable, as target and in an expression.
  EXPECT_EQ(parseErr(H + "state { a = 0; }\non A.entry {\n  b = 1;\n}"),
            "t.rule:5: unknown variable 'b'");
  EXPECT_EQ(parseErr(H + "state { a = 0; }\non A.entry {\n\n  a = a + z;\n}"),
            "t.rule:6: unknown variable 'z'");
  EXPECT_EQ(parseErr(H + "on A.entry { if (q) note \"n\"; }"),
            "t.rule:3: unknown variable 'q'");
  // 'on' with no events.
  EXPECT_EQ(parseErr(H + "\non { }"), "t.rule:4: 'on' has no events");
  EXPECT_EQ(parseErr(H + "on during R { }"), "t.rule:3: 'on' has no events");
  EXPECT_EQ(parseErr(H + "on A.entry, { }"),
            "t.rule:3: expected an event after ','");
  EXPECT_EQ(parseErr(H + "on A.start { }"),
            "t.rule:3: unknown event kind 'start' (expected entry, exit, "
            "success or failure)");
  EXPECT_EQ(parseErr(H + "on A { }"),
            "t.rule:3: expected '.' and an event kind after 'A', found '{'");
  // Stray tokens.
  EXPECT_EQ(parseErr(H + "\nfoo"), "t.rule:4: unexpected 'foo'");
  EXPECT_EQ(parseErr(H + "on A.entry {}\n}"), "t.rule:4: unexpected '}'");
  EXPECT_EQ(parseErr(H + "42"), "t.rule:3: unexpected '42'");
  EXPECT_EQ(parseErr(H + "on A.entry { ; }"),
            "t.rule:3: unexpected ';' at the start of a statement");
  EXPECT_EQ(parseErr(H + "on A.entry { else note \"x\"; }"),
            "t.rule:3: 'else' without 'if'");
  EXPECT_EQ(parseErr(H + "state { a = 0; }\non A.entry { a = 1 }"),
            "t.rule:4: expected ';' after the assignment, found '}'");
  EXPECT_EQ(parseErr(H + "state { a = 0; }\non A.entry { a = ; }"),
            "t.rule:4: expected an expression, found ';'");
  EXPECT_EQ(parseErr(H + "state { a = 0; }\non A.entry { a == 1; }"),
            "t.rule:4: expected '=', '+=' or '-=' after 'a', found '=='");
  EXPECT_EQ(parseErr(H + "state { a = 0; }\non A.entry { if (a note \"x\"; }"),
            "t.rule:4: expected ')' after the 'if' condition, found 'note'");
  EXPECT_EQ(parseErr(H + "on A.entry during { }"),
            "t.rule:3: expected a role after 'during', found '{'");
  EXPECT_EQ(parseErr(H + "on A.entry @"), "t.rule:3: unexpected character '@'");
  EXPECT_EQ(parseErr(H + "on A.entry { note $0; }"),
            "t.rule:3: expected '$return' or '$N' with N >= 1, found '$0'");
  EXPECT_EQ(parseErr(H + "on A.entry { note $x; }"),
            "t.rule:3: expected '$return' or '$N' with N >= 1, found '$x'");
  EXPECT_EQ(parseErr(H + "state { a = 12ab; }"),
            "t.rule:3: malformed integer '12ab'");
  EXPECT_EQ(parseErr(H + "state { a = 99999999999999999999; }"),
            "t.rule:3: integer '99999999999999999999' is too large");
  // Unterminated string / block.
  EXPECT_EQ(parseErr(H + "on A.entry {\n note \"abc\n\"; }"),
            "t.rule:4: unterminated string");
  EXPECT_EQ(parseErr(H + "help \"abc"), "t.rule:3: unterminated string");
  EXPECT_EQ(parseErr(H + "help \"a\\nb\""),
            "t.rule:3: unknown escape in string (only \\\" and \\\\ are "
            "allowed)");
  EXPECT_EQ(parseErr(H + "on A.entry {\n note \"x\";\n\n"),
            "t.rule:3: unterminated block: '{' is never closed");
  EXPECT_EQ(parseErr(H + "on A.entry { {\n note \"x\"; }\n"),
            "t.rule:3: unterminated block: '{' is never closed");
  EXPECT_EQ(parseErr(H + "\nstate { a = 0;\n"),
            "t.rule:4: unterminated 'state' block");
  // Empty texts.
  EXPECT_EQ(parseErr(H + "on A.entry {\n abort \"\"; }"),
            "t.rule:4: 'abort' text is empty");
  EXPECT_EQ(parseErr(H + "on A.entry {\n\n note \"\"; }"),
            "t.rule:5: 'note' text is empty");
  EXPECT_EQ(parseErr(H + "on A.entry { note; }"),
            "t.rule:3: expected a string after 'note', found ';'");
  EXPECT_EQ(parseErr("rule R\ntitle \"\""), "t.rule:2: 'title' text is empty");
  EXPECT_EQ(parseErr(H + "help \"  \""), "t.rule:3: 'help' text is empty");
  EXPECT_EQ(parseErr(H + "on A.entry { abort \" \"; }"),
            "t.rule:3: 'abort' text is empty");
}

TEST(RuleParser, HandlesSetsAndReads) {
  Rule R = parseOK(R"(rule P
title "t"
sets Default, DDIUsage
applies NdisAllocateNetBufferListPool
state { release = 0; }
handles pools, timers;
on NdisAllocateNetBufferListPool.success { track pools $return; note "pool {handle}"; }
on NdisAllocateTimerObject.success { track timers *$3; }
on NdisFreeNetBufferListPool.entry { release pools $1; release = release + 1; }
on MINIPORT_HALT.exit {
  for pools abort "leaks {handle} from {acquired}";
  if (count(timers) > 0 && u8($2 + 4) == 0x9E && u16($return) != u32($1 - 8)) abort "x";
}
)");
  EXPECT_EQ(R.Sets, (std::vector<std::string>{"Default", "DDIUsage"}));
  ASSERT_EQ(R.HandleSets.size(), 2u);
  EXPECT_EQ(R.HandleSets[1], "timers");
  const Stmt &Track = *R.Handlers[0].Body.Body[0];
  EXPECT_EQ(Track.K, Stmt::Kind::Track);
  EXPECT_EQ(Track.Ref.K, ValueRef::Kind::Return);
  const Stmt &TrackOut = *R.Handlers[1].Body.Body[0];
  EXPECT_EQ(TrackOut.Var, 1u);
  EXPECT_EQ(TrackOut.Ref.K, ValueRef::Kind::DerefArg);
  EXPECT_EQ(TrackOut.Ref.Arg, 3u);
  // `release` is a statement before a set name and a variable otherwise.
  EXPECT_EQ(R.Handlers[2].Body.Body[0]->K, Stmt::Kind::Release);
  EXPECT_EQ(R.Handlers[2].Body.Body[1]->K, Stmt::Kind::Assign);
  const Stmt &For = *R.Handlers[3].Body.Body[0];
  EXPECT_EQ(For.K, Stmt::Kind::ForEach);
  EXPECT_EQ(For.Then->K, Stmt::Kind::Abort);
  EXPECT_TRUE(canAbort(For));
  const Expr &Cond = *R.Handlers[3].Body.Body[1]->Value;
  const Expr &Count = *Cond.LHS->LHS->LHS;
  EXPECT_EQ(Count.K, Expr::Kind::Count);
  EXPECT_EQ(Count.Var, 1u);
  const Expr &Read = *Cond.LHS->RHS->LHS;
  EXPECT_EQ(Read.K, Expr::Kind::Read);
  EXPECT_EQ(Read.Value, 2);
  EXPECT_EQ(Read.Offset, 4);
  EXPECT_EQ(Read.Bytes, 1u);
  EXPECT_EQ(Cond.RHS->RHS->Offset, -8);

  // Reads and counts are unknown unless the monitor provides them.
  EvalContext Ctx;
  EXPECT_FALSE(evaluate(Read, Ctx).Known);
  Ctx.Read = [](const Expr &E) { return std::optional<int64_t>(E.Offset * 10); };
  Ctx.Count = [](unsigned Set) { return int64_t(Set + 5); };
  EXPECT_EQ(evaluate(Read, Ctx).Value, 40);
  EXPECT_EQ(evaluate(Count, Ctx).Value, 6);

  const std::string H = "rule R\ntitle \"t\"\n";
  EXPECT_EQ(parseErr(H + "on A.entry { track pools $return; }"),
            "t.rule:3: unknown handle set 'pools' (declare it with 'handles pools;')");
  EXPECT_EQ(parseErr(H + "handles p;\non A.entry { track p $x; }"),
            "t.rule:4: expected '$return' or '$N' with N >= 1, found '$x'");
  EXPECT_EQ(parseErr(H + "handles p;\non A.entry { release p *$return; }"),
            "t.rule:4: expected '$return', '$N' or '*$N', found '$return'");
  EXPECT_EQ(parseErr(H + "state { p = 0; }\nhandles p;"), "t.rule:4: 'p' is already declared");
  EXPECT_EQ(parseErr(H + "sets all"), "t.rule:3: 'all' is a built-in rule set; it cannot be listed");
  EXPECT_EQ(parseErr(H + "on A.entry { if (u8(x)) note \"n\"; }"),
            "t.rule:3: expected '$return' or '$N' in 'u8(...)', found 'x'");
}

TEST(RuleParser, LoadFile) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("rule", "rule", Path));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << InitRegisterInterrupt;
  }
  Expected<Rule> R = loadRuleFile(Path);
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(R->Name, "Init_RegisterInterrupt");
  EXPECT_EQ(R->File, Path.str().str());
  llvm::sys::fs::remove(Path);

  Expected<Rule> Missing = loadRuleFile("/nonexistent/x.rule");
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(llvm::toString(Missing.takeError()).find("/nonexistent/x.rule"),
            std::string::npos);
}

//===--- evaluate()
//--------------------------------------------------------===//

struct EvalFixture : ::testing::Test {
  std::vector<int64_t> State{0, 0, 0, 0};
  EvalContext Ctx;
  EvalFixture() { Ctx.State = &State; }
  // Evaluates E with a=A, b=B; "K" for known result, "?" for unknown.
  std::string ev(const std::string &E, int64_t A = 0, int64_t B = 0) {
    State[0] = A;
    State[1] = B;
    auto P = parseExpr(E);
    if (!P)
      return "<error>";
    EvalResult R = evaluate(*P, Ctx);
    return R.Known ? std::to_string(R.Value) : "?";
  }
};

TEST_F(EvalFixture, Arithmetic) {
  EXPECT_EQ(ev("1 + 2 * 3"), "7");
  EXPECT_EQ(ev("(1 + 2) * 3"), "9");
  EXPECT_EQ(ev("a - b", 5, 7), "-2");
  EXPECT_EQ(ev("-a", 5), "-5");
  EXPECT_EQ(ev("0x7fffffffffffffff + 1"), std::to_string(INT64_MIN)); // wraps
  EXPECT_EQ(ev("a", 42), "42");
  EXPECT_EQ(ev("!a", 42), "0");
  EXPECT_EQ(ev("!a", 0), "1");
  EXPECT_EQ(ev("!-1"), "0");
}

TEST_F(EvalFixture, Comparisons) {
  struct {
    const char *Op;
    const char *LT, *EQ, *GT; // results for a<b, a==b, a>b
  } Table[] = {{"==", "0", "1", "0"}, {"!=", "1", "0", "1"},
               {"<", "1", "0", "0"},  {"<=", "1", "1", "0"},
               {">", "0", "0", "1"},  {">=", "0", "1", "1"}};
  for (const auto &Row : Table) {
    std::string E = std::string("a ") + Row.Op + " b";
    EXPECT_EQ(ev(E, -1, 3), Row.LT) << E;
    EXPECT_EQ(ev(E, 3, 3), Row.EQ) << E;
    EXPECT_EQ(ev(E, 4, -3), Row.GT) << E;
  }
}

TEST_F(EvalFixture, LogicTruthTables) {
  // Values: 0, nonzero (5), unknown ($1 with no argument known).
  const char *V[] = {"0", "5", "$1"};
  // Results indexed [lhs][rhs].
  const char *And[3][3] = {{"0", "0", "0"}, {"0", "1", "?"}, {"0", "?", "?"}};
  const char *Or[3][3] = {{"0", "1", "?"}, {"1", "1", "1"}, {"?", "1", "?"}};
  for (int L = 0; L < 3; ++L)
    for (int R = 0; R < 3; ++R) {
      std::string A = std::string(V[L]) + " && " + V[R];
      std::string O = std::string(V[L]) + " || " + V[R];
      EXPECT_EQ(ev(A), And[L][R]) << A;
      EXPECT_EQ(ev(O), Or[L][R]) << O;
    }
  EXPECT_EQ(ev("!$1"), "?");
  EXPECT_EQ(ev("-$1"), "?");
}

TEST_F(EvalFixture, UnknownsPropagate) {
  EXPECT_EQ(ev("$return"), "?");
  EXPECT_EQ(ev("$return + 1"), "?");
  EXPECT_EQ(ev("$return == 0"), "?");
  EXPECT_EQ(ev("$2 * 0"), "?");
  EXPECT_EQ(ev("a == 1 && $return == 0", 0), "0");
  EXPECT_EQ(ev("a == 1 || $return == 0", 1), "1");
  Ctx.HasReturn = true;
  Ctx.Return = -1073741823;
  EXPECT_EQ(ev("$return"), "-1073741823");
  EXPECT_EQ(ev("$return < 0"), "1");
  Ctx.Args = {{true, 7}, {false, 0}};
  EXPECT_EQ(ev("$1 + 1"), "8");
  EXPECT_EQ(ev("$2"), "?"); // provided but unknown
  EXPECT_EQ(ev("$3"), "?"); // not provided
  EXPECT_EQ(ev("$1 == 7 && $2"), "?");
  EXPECT_EQ(ev("$1 == 7 || $2"), "1");
}

//===--- selectRules()
//-----------------------------------------------------===//

std::vector<Rule> someRules() {
  std::vector<Rule> All(5);
  const char *Names[] = {"Init_RegisterInterrupt", "Init_AllocateMemory",
                         "Halt_FreeMemory", "IrqlCheck", "Init_Other"};
  const char *Origins[] = {"sdv", "ndisv", "sdv", "ndisv", "ndisv"};
  for (int I = 0; I < 5; ++I) {
    All[I].Name = Names[I];
    All[I].Origin = Origins[I];
  }
  All[0].Sets = {"Default", "DDIUsage"};
  All[3].Sets = {"Default"};
  return All;
}

std::string names(const std::vector<Rule> &All, llvm::StringRef Sel) {
  auto R = selectRules(All, Sel);
  if (!R)
    return "error: " + llvm::toString(R.takeError());
  std::string S;
  for (const Rule *P : *R)
    S += (S.empty() ? "" : " ") + P->Name;
  return S;
}

TEST(RuleSelect, Selection) {
  std::vector<Rule> All = someRules();
  std::string Every = "Init_RegisterInterrupt Init_AllocateMemory "
                      "Halt_FreeMemory IrqlCheck Init_Other";
  EXPECT_EQ(names(All, ""), Every);
  EXPECT_EQ(names(All, "  "), Every);
  // Declared sets select the rules that list them; "all" is every rule.
  EXPECT_EQ(names(All, "Default"), "Init_RegisterInterrupt IrqlCheck");
  EXPECT_EQ(names(All, "DDIUsage,Halt_*"), "Init_RegisterInterrupt Halt_FreeMemory");
  EXPECT_EQ(names(All, "all"), Every);
  EXPECT_EQ(names(All, "IrqlCheck"), "IrqlCheck");
  // Result follows the order of All, without duplicates.
  EXPECT_EQ(names(All, "IrqlCheck, Halt_FreeMemory,IrqlCheck"),
            "Halt_FreeMemory IrqlCheck");
  EXPECT_EQ(names(All, "Init_*"),
            "Init_RegisterInterrupt Init_AllocateMemory Init_Other");
  EXPECT_EQ(names(All, "*Memory,Init_*"),
            "Init_RegisterInterrupt Init_AllocateMemory Halt_FreeMemory "
            "Init_Other");
  EXPECT_EQ(names(All, "SDV"), "Init_RegisterInterrupt Halt_FreeMemory");
  EXPECT_EQ(names(All, "ndisv"), "Init_AllocateMemory IrqlCheck Init_Other");
  EXPECT_EQ(names(All, "SDV,IrqlCheck"),
            "Init_RegisterInterrupt Halt_FreeMemory IrqlCheck");
  EXPECT_EQ(names(All, "A,B,Init_*,Default,SDV,ndisv"),
            "error: unknown rules or rule sets 'A', 'B'");
  EXPECT_EQ(names(All, "Init_*,Nope"),
            "error: unknown rule or rule set 'Nope'");
  EXPECT_EQ(names(All, "Halt_*,Pause_*"),
            "error: unknown rule or rule set 'Pause_*'");
  EXPECT_EQ(names(All, "irqlcheck"),
            "error: unknown rule or rule set 'irqlcheck'");
  // Sets are known names even when they select nothing.
  EXPECT_EQ(names({}, "SDV"), "");
}

TEST(RuleSelect, SdvRulesNdisvLacksAreSetAside) {
  std::vector<Rule> All = someRules();
  std::vector<std::string> Sdv = {"Init_RegisterInterrupt", "SpinLock", "PeriodicTimer"};
  std::vector<std::string> Missing;
  auto R = selectRules(All, "SpinLock,IrqlCheck,PeriodicTimer,SpinLock", Sdv, &Missing);
  ASSERT_TRUE(bool(R));
  ASSERT_EQ(R->size(), 1u);
  EXPECT_EQ((*R)[0]->Name, "IrqlCheck");
  EXPECT_EQ(Missing, (std::vector<std::string>{"SpinLock", "PeriodicTimer"}));
  // A name neither ndisv nor SDV has is still an error.
  Missing.clear();
  auto E = selectRules(All, "SpinLock,Spinlock", Sdv, &Missing);
  ASSERT_FALSE(bool(E));
  EXPECT_EQ(llvm::toString(E.takeError()), "unknown rule or rule set 'Spinlock'");
  // Without a place to put them, SDV names are unknown like any other.
  EXPECT_EQ(names(All, "SpinLock"), "error: unknown rule or rule set 'SpinLock'");
}

TEST(RuleSelect, RuleNameLists) {
  EXPECT_EQ(parseRuleNameList("# SDV list\nA\r\nB ; why\n\n  C, D\tE # end\n"),
            (std::vector<std::string>{"A", "B", "C", "D", "E"}));
  EXPECT_TRUE(parseRuleNameList("# only a comment\n;\n").empty());
  auto Plain = expandRuleListFiles("A, B,,C");
  ASSERT_TRUE(bool(Plain));
  EXPECT_EQ(*Plain, "A,B,C");
  auto Missing = expandRuleListFiles("A,@/nonexistent/x.sdv");
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(llvm::toString(Missing.takeError()).find("cannot read rule list file '/nonexistent/x.sdv'"),
            std::string::npos);
}

} // namespace

//===- ndisv/Rules/Rule.h - A rule file, parsed ------------------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// A rule is a small SLIC-style state machine over call events. See
// docs/rule-language.md for the language; an example:
//
//   rule Init_RegisterInterrupt
//   title "..."
//   origin sdv
//   applies NdisMRegisterInterruptEx during MINIPORT_INITIALIZE
//   state { registered = 0; released = 0; }
//   on NdisMRegisterInterruptEx.success during MINIPORT_INITIALIZE {
//     registered = 1; released = 0; note "interrupt registered";
//   }
//   on MINIPORT_INITIALIZE.failure {
//     if (registered && !released) abort "...";
//   }
//===----------------------------------------------------------------------===//
#ifndef NDISV_RULES_RULE_H
#define NDISV_RULES_RULE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <optional>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ndisv::rules {

/// When a handler fires for a function or role name.
enum class EventKind {
  Entry,   // before the call (arguments known)
  Exit,    // after the call, whatever its outcome
  Success, // after the call, on paths where its model outcome is "success"
  Failure  // after the call, on paths where its model outcome is "failure"
};

/// Integer expressions over state variables.
struct Expr {
  enum class Kind {
    Int, Var, Return, Arg, Unary, Binary,
    Read,  // u8/u16/u32/u64(Base [+ Offset]): memory an argument or the result points to
    Count, // count(H): handles of set H held on this path
    Holds, // holds(H, VALUE): set H holds the value VALUE names
    Irql,  // irql: the path's current IRQL (RulePathState)
    IrqlMax, IrqlMin // irqlmax / irqlmin: the called function's documented IRQL range
  };
  Kind K = Kind::Int;
  int64_t Value = 0;      // Int; Arg: 1-based argument index; Read: base (0 = $return, N = $N)
  int64_t Offset = 0;     // Read: bytes past the base pointer
  unsigned Bytes = 0;     // Read: 1, 2, 4 or 8
  unsigned Var = 0;       // Var: index into Rule::StateVars; Count: index into Rule::HandleSets
  std::string Op;         // Unary: "!" "-"; Binary: "||" "&&" "==" "!=" "<" "<=" ">" ">=" "+" "-" "*"
  std::unique_ptr<Expr> LHS, RHS; // Unary uses LHS only
  unsigned RefKind = 0, RefArg = 0; // Holds: the ValueRef (kind, argument) it tests
};

/// The value a handle statement names: `$return`, `$N` or `*$N` (the
/// pointer-sized value argument N points to, read after the call).
struct ValueRef {
  enum class Kind { Return, Arg, DerefArg };
  Kind K = Kind::Return;
  unsigned Arg = 0;
};

struct Stmt {
  enum class Kind {
    Assign, If, Block, Note, Abort,
    Track,   // track H VALUE: the path now holds VALUE in set H
    Release, // release H VALUE: VALUE leaves set H
    ForEach  // for H STATEMENT: once per handle still held, {handle} naming it
  };
  Kind K = Kind::Block;
  unsigned Var = 0;             // Assign: target; Track/Release/ForEach: handle set
  ValueRef Ref;                 // Track/Release
  std::string AssignOp;         // Assign: "=" "+=" "-="
  std::unique_ptr<Expr> Value;  // Assign: value; If: condition
  std::unique_ptr<Stmt> Then;   // If; ForEach: the body
  std::unique_ptr<Stmt> Else;   // If (optional)
  std::vector<std::unique_ptr<Stmt>> Body; // Block
  std::string Text;             // Note / Abort message
  unsigned Line = 0;            // line in the rule file, for errors
};

struct Event {
  std::string Name; // an API function ("NdisFreeIoWorkItem") or a role ("MINIPORT_HALT")
  EventKind Kind = EventKind::Entry;
};

struct Handler {
  std::vector<Event> Events; // "on A.entry, B.entry" share one body
  std::string During;        // "" = any phase; else the role the harness is running
  Stmt Body;                 // a Block
  unsigned Line = 0;
};

struct StateVar {
  std::string Name;
  int64_t Initial = 0;
};

struct Rule {
  std::string Name;
  std::string Title;
  std::string Origin = "ndisv"; // "sdv" when the rule keeps SDV's name and semantics
  std::string Help;             // optional longer text
  std::vector<std::string> Applies; // functions that make the rule applicable
  std::string AppliesDuring;        // phase for Applies ("" = any)
  std::vector<std::string> Sets;    // rule sets besides the built-in ones ("DDIUsage", ...)
  std::vector<StateVar> StateVars;
  std::vector<std::string> HandleSets; // `handles NAME;`: per-path sets of tracked handles
  std::vector<Handler> Handlers;
  /// `watches ROLE, ...`: callbacks the harness must run for this rule even
  /// though no handler names them (a rule about calls made in any callback).
  std::vector<std::string> Watches;
  std::string File; // where it was loaded from
};

/// Parses one rule file's text. Errors read "FILE:LINE: message".
llvm::Expected<Rule> parseRule(llvm::StringRef Text, llvm::StringRef FileName);
/// Reads and parses a file.
llvm::Expected<Rule> loadRuleFile(llvm::StringRef Path);

/// Evaluates an expression. Var reads State[Var]; Return/Arg read the event's
/// integer values when known (Known=false makes the whole result unknown:
/// an `if` on an unknown runs neither branch, an assignment leaves the
/// variable as it is).
struct EvalContext {
  const std::vector<int64_t> *State = nullptr;
  size_t Base = 0; // slot of the rule's first variable in *State
  bool HasReturn = false;
  int64_t Return = 0;
  std::vector<std::pair<bool, int64_t>> Args; // (known, value)
  /// Memory and handle sets, which only the monitor can see; unset = unknown.
  std::function<std::optional<int64_t>(const Expr &)> Read;
  std::function<int64_t(unsigned Set)> Count;
  std::function<std::optional<int64_t>(const Expr &)> Holds;
  /// The path's current IRQL and the called function's documented range.
  std::function<std::optional<int64_t>(Expr::Kind)> Irql;
};
struct EvalResult {
  bool Known = true;
  int64_t Value = 0;
};
EvalResult evaluate(const Expr &E, const EvalContext &Ctx);

/// Whether a statement can report a defect (contains an `abort`).
bool canAbort(const Stmt &St);

/// Selects rules by a comma list of names, globs ('Init_*') and set names
/// ("all" = every rule, "SDV" = origin sdv, "ndisv" = origin ndisv, and any
/// name a rule lists in its `sets` header, such as "Default" or "DDIUsage").
/// Unknown names are an error naming them, except that with MissingSdv set a
/// name in SdvNames (an SDV rule ndisv does not implement) is added there.
llvm::Expected<std::vector<const Rule *>>
selectRules(const std::vector<Rule> &All, llvm::StringRef Selection,
            llvm::ArrayRef<std::string> SdvNames = {},
            std::vector<std::string> *MissingSdv = nullptr);

/// The names in a rule list (SDV's .sdv files, rules/sdv-ndis-rule-names.txt):
/// one a line or separated by commas or blanks; '#' and ';' start comments.
std::vector<std::string> parseRuleNameList(llvm::StringRef Text);

/// Replaces each "@file" item of a --rules list by the names the file lists;
/// an unreadable or empty file is an error naming it.
llvm::Expected<std::string> expandRuleListFiles(llvm::StringRef Selection);

} // namespace ndisv::rules

#endif

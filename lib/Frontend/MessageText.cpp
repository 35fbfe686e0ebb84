//===- MessageText.cpp - The header mc.exe makes of a .mc file ------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Statements are `keyword = value`, values separated by blanks or line
// breaks; a message's text runs from the line after `Language=` to a line
// holding a single '.'. Only what the header needs is read: the message
// text itself is skipped.
//===----------------------------------------------------------------------===//

#include "MessageText.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

using namespace llvm;

namespace ndisv {

namespace {

struct MessageCompiler {
  StringMap<unsigned> Severities{{"success", 0}, {"informational", 1}, {"warning", 2}, {"error", 3}};
  StringMap<unsigned> Facilities{{"system", 0x0FF}, {"application", 0xFFF}};
  std::string Typedef;
  unsigned Severity = 0, Facility = 0;
  std::map<unsigned, unsigned> LastId; // per facility
  std::string IdValue;                 // of the message's MessageId statement
  std::string Symbol;
  std::string Out;

  static unsigned number(StringRef V) {
    unsigned long long N = 0;
    return V.trim().getAsInteger(0, N) ? 0 : unsigned(N);
  }

  /// `(name=number[:symbol] ...)`: each name's number, and a #define of
  /// the symbol where one is given.
  void names(StringRef List, StringMap<unsigned> &Into) {
    SmallVector<StringRef, 8> Words;
    SplitString(List.trim().trim("()"), Words);
    for (StringRef W : Words) {
      auto [Name, Rest] = W.split('=');
      if (Name.empty() || Rest.empty())
        continue;
      auto [Num, Sym] = Rest.split(':');
      Into[Name.lower()] = number(Num);
      if (!Sym.empty())
        Out += "#define " + Sym.str() + " 0x" + utohexstr(number(Num)) + "\n";
    }
  }

  /// The message whose statements came so far, if it has a symbol.
  void flush() {
    if (!Symbol.empty()) {
      StringRef V = StringRef(IdValue).trim();
      unsigned &Last = LastId[Facility];
      unsigned Id = V.empty() ? Last + 1 : V.consume_front("+") ? Last + number(V) : number(V);
      Last = Id;
      IdValue.clear();
      uint32_t Code = (Severity & 3u) << 30 | (Facility & 0xFFFu) << 16 | (Id & 0xFFFFu);
      std::string Hex;
      raw_string_ostream(Hex) << format_hex_no_prefix(Code, 8, /*Upper=*/true);
      Out += "#define " + Symbol + " " +
             (Typedef.empty() ? "0x" + Hex + "L" : "((" + Typedef + ")0x" + Hex + "L)") + "\n";
    }
    Symbol.clear();
  }

  void statement(StringRef Key, StringRef Value) {
    std::string K = Key.trim().lower();
    Value = Value.trim();
    if (K == "messageidtypedef") {
      Typedef = Value.str();
    } else if (K == "severitynames") {
      names(Value, Severities);
    } else if (K == "facilitynames") {
      names(Value, Facilities);
    } else if (K == "messageid") {
      // Begins a message. Its id is the value, or the facility's previous
      // id plus one (plus the number after '+'). The facility may be set
      // after it, so the id is settled when the message's text begins.
      flush();
      IdValue = Value.str();
    } else if (K == "severity") {
      Severity = Severities.lookup(Value.lower());
    } else if (K == "facility") {
      Facility = Facilities.lookup(Value.lower());
    } else if (K == "symbolicname") {
      Symbol = Value.str();
    }
  }
};

} // namespace

std::string messageHeader(StringRef Text) {
  MessageCompiler MC;
  SmallVector<StringRef, 128> Lines;
  Text.split(Lines, '\n');
  bool InText = false;
  std::string Pending; // a statement whose value continues on the next lines
  for (StringRef Raw : Lines) {
    StringRef L = Raw.rtrim("\r");
    if (InText) { // message text, up to a line holding a single '.'
      InText = L.trim() != ".";
      continue;
    }
    if (L.starts_with(";")) { // copied into the header, without the ';'
      MC.Out += L.drop_front().str() + "\n";
      continue;
    }
    std::string Stmt = Pending + L.str();
    StringRef S = StringRef(Stmt).trim();
    Pending.clear();
    if (S.empty())
      continue;
    // A parenthesised list may span lines: wait for its ')'.
    if (S.contains('(') && !S.contains(')')) {
      Pending = Stmt + " ";
      continue;
    }
    // `keyword = value` pairs, several to a line if the writer wished.
    while (!S.empty()) {
      StringRef Key = S.take_until([](char C) { return C == '=' || isSpace(C); });
      S = S.drop_front(Key.size()).ltrim();
      if (Key.empty() || !S.consume_front("="))
        break; // not a statement: nothing the header needs
      S = S.ltrim();
      size_t End = S.starts_with("(") ? S.find(')') + 1 : S.find_first_of(" \t");
      StringRef Value = S.take_front(End == 0 ? S.size() : End);
      S = S.drop_front(Value.size()).ltrim();
      if (Key.equals_insensitive("language")) {
        // The message's statements are complete: its symbol is defined now.
        MC.flush();
        InText = true;
        break;
      }
      MC.statement(Key, Value);
    }
  }
  MC.flush();
  return MC.Out;
}

} // namespace ndisv

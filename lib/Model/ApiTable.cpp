//===- ApiTable.cpp - Reads model/ndis-api.table ----------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The table is line-oriented so a driver engineer can read and extend it
// without knowing the engine; see the comment at the top of the table for
// its grammar.
//===----------------------------------------------------------------------===//
#include "ndisv/Model/Model.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

namespace {
struct LineParser {
  StringRef File;
  unsigned Line;

  Error fail(const Twine &Msg) const {
    return createStringError(inconvertibleErrorCode(), File + ":" + Twine(Line) + ": " + Msg);
  }

  static bool parseInt(StringRef S, int64_t &V) {
    if (S.starts_with_insensitive("0x")) {
      uint64_t U;
      if (S.drop_front(2).getAsInteger(16, U))
        return false;
      V = (int64_t)U;
      return true;
    }
    return !S.getAsInteger(10, V);
  }

  /// $N -> N
  bool parseArg(StringRef S, unsigned &N) const {
    return S.consume_front("$") && !S.getAsInteger(10, N) && N >= 1;
  }

  /// $N+OFF or $N
  bool parseArgOffset(StringRef S, unsigned &N, int64_t &Off) const {
    auto [A, O] = S.split('+');
    Off = 0;
    if (!O.empty() && !parseInt(O.trim(), Off))
      return false;
    return parseArg(A.trim(), N);
  }

  Expected<ValueSpec> parseValue(StringRef S) const {
    ValueSpec V;
    if (S == "fresh") {
      V.K = ValueSpec::Kind::Fresh;
      return V;
    }
    if (S.consume_front("new0(") || S.consume_front("new(")) {
      V.K = ValueSpec::Kind::NewObject;
      if (!S.consume_back(")"))
        return fail("missing ')' in new(...)");
      SmallVector<StringRef, 3> Parts;
      S.split(Parts, ',');
      V.Name = Parts[0].trim().str();
      for (size_t K = 1; K < Parts.size(); ++K) {
        StringRef Arg = Parts[K].trim();
        if (Arg == "device")
          V.Device = true;
        else if (!Arg.consume_front("size=") || !parseArg(Arg.trim(), V.SizeArg))
          return fail("expected new(NAME[, size=$N][, device]), got 'new(" + S + ")'");
      }
      return V;
    }
    if (S.consume_front("*(") && S.consume_back(")")) {
      V.K = ValueSpec::Kind::LoadArg;
      if (!parseArgOffset(S, V.Arg, V.Offset))
        return fail("expected *($N+OFFSET), got '*(" + S + ")'");
      return V;
    }
    if (S.starts_with("$")) {
      V.K = ValueSpec::Kind::Arg;
      if (!parseArg(S, V.Arg))
        return fail("bad argument reference '" + S + "'");
      return V;
    }
    V.K = ValueSpec::Kind::Const;
    if (!parseInt(S, V.Const))
      return fail("bad value '" + S + "'");
    return V;
  }

  /// defer(KEY)=FN,CTX,ctx@P/N[,key@K]   arm(KEY)=CTX   disarm(KEY)=0
  Expected<Effect> parseCallbackEffect(StringRef Lhs, StringRef Rhs) const {
    Effect E;
    StringRef What = Lhs.take_until([](char C) { return C == '('; });
    E.K = What == "defer" ? Effect::Kind::Defer : What == "arm" ? Effect::Kind::Arm : Effect::Kind::Disarm;
    StringRef KeyText = Lhs.drop_front(What.size());
    if (!KeyText.consume_front("(") || !KeyText.consume_back(")"))
      return fail("expected " + What + "(KEY)=..., got '" + Lhs + "'");
    Expected<ValueSpec> Key = parseValue(KeyText.trim());
    if (!Key)
      return Key.takeError();
    E.Key = *Key;
    SmallVector<StringRef, 4> Parts;
    Rhs.split(Parts, ',');
    if (E.K == Effect::Kind::Defer) {
      if (Parts.size() < 3)
        return fail("expected defer(KEY)=FN,CTX,ctx@P/N[,key@K], got '" + Rhs + "'");
      Expected<ValueSpec> Fn = parseValue(Parts[0].trim());
      if (!Fn)
        return Fn.takeError();
      E.Fn = *Fn;
      for (size_t I = 2; I < Parts.size(); ++I) {
        StringRef P = Parts[I].trim();
        bool Bad = true;
        if (P.consume_front("ctx@")) {
          auto [Pos, N] = P.split('/');
          Bad = Pos.getAsInteger(10, E.Shape.CtxPos) || N.getAsInteger(10, E.Shape.NArgs);
        } else if (P.consume_front("key@")) {
          Bad = P.getAsInteger(10, E.Shape.KeyPos);
        }
        if (Bad || E.Shape.CtxPos > E.Shape.NArgs || E.Shape.KeyPos > E.Shape.NArgs)
          return fail("bad callback shape '" + Parts[I].trim() + "' (expected ctx@P/N or key@K)");
      }
      if (!E.Shape.NArgs)
        return fail("defer(...) needs ctx@P/N");
    } else if (Parts.size() != 1) {
      return fail("expected one value after " + What + "(KEY)=");
    }
    Expected<ValueSpec> V = parseValue(Parts[E.K == Effect::Kind::Defer ? 1 : 0].trim());
    if (!V)
      return V.takeError();
    E.Value = *V;
    return E;
  }

  Expected<Effect> parseEffect(StringRef Tok) const {
    Effect E;
    StringRef Guard;
    std::tie(Tok, Guard) = Tok.split(" when:");
    if (Tok == "yield") { // another thread may run during the call (a sleep, a wait)
      if (!Guard.empty())
        return fail("'yield' takes no guard");
      E.K = Effect::Kind::Yield;
      return E;
    }
    auto [Lhs, Rhs] = Tok.split('=');
    if (Rhs.empty())
      return fail("effect '" + Tok + "' has no '='");
    unsigned Bits = 64;
    if (size_t Colon = Rhs.rfind(":i"); Colon != StringRef::npos) {
      if (Rhs.substr(Colon + 2).getAsInteger(10, Bits) || Bits % 8 || !Bits || Bits > 64)
        return fail("bad width in '" + Rhs + "'");
      Rhs = Rhs.substr(0, Colon);
    }
    if (Lhs.starts_with("defer(") || Lhs.starts_with("arm(") || Lhs.starts_with("disarm("))
      return parseCallbackEffect(Lhs, Rhs);
    if (Lhs.consume_front("call(")) { // call(FN)=ARG,ARG...: FN runs now with these arguments
      if (!Lhs.consume_back(")"))
        return fail("expected call(FN)=ARG[,ARG...], got '" + Tok + "'");
      E.K = Effect::Kind::Call;
      Expected<ValueSpec> Fn = parseValue(Lhs.trim());
      if (!Fn)
        return Fn.takeError();
      E.Fn = *Fn;
      SmallVector<StringRef, 4> Parts;
      Rhs.split(Parts, ',');
      for (StringRef P : Parts) {
        Expected<ValueSpec> A = parseValue(P.trim());
        if (!A)
          return A.takeError();
        E.CallArgs.push_back(*A);
      }
      return E;
    }
    bool Zeroed = Rhs.starts_with("new0(");
    Expected<ValueSpec> V = parseValue(Rhs);
    if (!V)
      return V.takeError();
    E.Value = *V;
    E.Value.Zeroed = Zeroed;
    E.Size = Bits / 8;
    if (Lhs == "ret") {
      E.K = Effect::Kind::SetReturn;
    } else if (Lhs.consume_front("*")) {
      E.K = Effect::Kind::StoreArg; // *$N or *($N+OFF)
      bool Ok = Lhs.consume_front("(") ? Lhs.consume_back(")") && parseArgOffset(Lhs, E.Arg, E.Offset)
                                       : parseArg(Lhs, E.Arg);
      if (!Ok)
        return fail("expected *$N or *($N+OFFSET) on the left of '" + Tok + "'");
    } else if (Lhs.consume_front("slot(") && Lhs.consume_back(")")) {
      E.K = Effect::Kind::SaveSlot;
      E.Slot = Lhs.str();
    } else {
      return fail("unknown effect target '" + Lhs + "'");
    }
    if (!Guard.empty()) {
      // u8($N+OFF)==BYTE
      StringRef G = Guard;
      auto [Loc, Val] = G.split("==");
      int64_t Byte;
      if (!Loc.consume_front("u8(") || !Loc.consume_back(")") ||
          !parseArgOffset(Loc, E.Guard.Arg, E.Guard.Offset) || !parseInt(Val, Byte))
        return fail("bad guard 'when:" + Guard + "'");
      E.Guard.Present = true;
      E.Guard.Value = (uint8_t)Byte;
    }
    return E;
  }
};
} // namespace

Expected<CallModelTable> ndisv::model::parseApiTable(StringRef Text, StringRef File) {
  CallModelTable Table;
  SmallVector<StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (unsigned K = 0; K < Lines.size(); ++K) {
    LineParser P{File, K + 1};
    StringRef L = Lines[K].split('#').first.trim();
    if (L.empty())
      continue;
    // Tokens are separated by blanks outside parentheses: new(work item) is one.
    SmallVector<StringRef, 8> Toks;
    size_t Start = StringRef::npos;
    int Depth = 0;
    for (size_t I = 0; I <= L.size(); ++I) {
      char C = I < L.size() ? L[I] : ' ';
      Depth += C == '(' ? 1 : C == ')' ? -1 : 0;
      bool Blank = (C == ' ' || C == '\t') && Depth == 0;
      if (!Blank && Start == StringRef::npos)
        Start = I;
      else if (Blank && Start != StringRef::npos) {
        Toks.push_back(L.slice(Start, I));
        Start = StringRef::npos;
      }
    }
    if (Depth != 0) // the unclosed token never ended: say so rather than drop it
      return P.fail("unbalanced parentheses in '" + L + "'");
    if (Toks.size() < 2)
      return P.fail("expected FUNCTION OUTCOME [EFFECT...]");
    CallModel &M = Table[Toks[0]];
    if (M.Function.empty()) {
      M.Function = Toks[0].str();
      M.Line = K + 1;
    }
    Outcome O;
    if (Toks[1] != "-")
      O.Label = Toks[1].str();
    if (O.Label != "" && O.Label != "success" && O.Label != "failure")
      return P.fail("outcome must be success, failure or -, not '" + Toks[1] + "'");
    for (size_t I = 2; I < Toks.size(); ++I) {
      std::string Tok = Toks[I].str();
      if (I + 1 < Toks.size() && Toks[I + 1].starts_with("when:"))
        Tok += " " + Toks[++I].str();
      Expected<Effect> E = P.parseEffect(Tok);
      if (!E)
        return E.takeError();
      O.Effects.push_back(std::move(*E));
    }
    bool HadSingle = !M.Outcomes.empty() && M.Outcomes.front().Label.empty();
    if (!M.Outcomes.empty() && (O.Label.empty() || HadSingle))
      return P.fail("'" + Toks[0] + "' mixes '-' with other outcomes, or repeats '-'");
    M.Outcomes.push_back(std::move(O));
  }
  return Table;
}

Expected<CallModelTable> ndisv::model::loadApiTable(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read API table '" + Path + "': " +
                                                 Buf.getError().message());
  return parseApiTable((*Buf)->getBuffer(), Path);
}

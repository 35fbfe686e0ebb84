//===- RuleSelect.cpp - Choosing rules from a --rules list ----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Users pick rules by name, glob or set: the built-in "all", "SDV" and
// "ndisv", and the sets rules declare ("Default", "DDIUsage", ...).
// Selection keeps the rules' load order so output is stable whatever order
// the list was written in, and a typo is an error rather than a silent
// "nothing checked". A name SDV has but ndisv lacks is set aside for a
// warning instead, so an SDV rule list runs as far as ndisv can take it.
//===----------------------------------------------------------------------===//

#include "ndisv/Rules/Rule.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;
using namespace ndisv::rules;

std::vector<std::string> ndisv::rules::parseRuleNameList(StringRef Text) {
  std::vector<std::string> Names;
  SmallVector<StringRef, 32> Lines;
  Text.split(Lines, '\n');
  for (StringRef Line : Lines) {
    Line = Line.take_until([](char C) { return C == '#' || C == ';'; });
    SmallVector<StringRef, 8> Words;
    SplitString(Line, Words, " \t\r\v\f,");
    for (StringRef W : Words)
      Names.push_back(W.str());
  }
  return Names;
}

Expected<std::string> ndisv::rules::expandRuleListFiles(StringRef Selection) {
  std::vector<std::string> Out;
  for (StringRef Item : split(Selection, ',')) {
    Item = Item.trim();
    if (!Item.consume_front("@")) {
      if (!Item.empty())
        Out.push_back(Item.str());
      continue;
    }
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Item, /*IsText=*/true);
    if (!Buf)
      return createStringError(Buf.getError(), "cannot read rule list file '" + Item +
                                                   "': " + Buf.getError().message());
    std::vector<std::string> Names = parseRuleNameList((*Buf)->getBuffer());
    // An empty list would otherwise mean "every rule".
    if (Names.empty())
      return createStringError("rule list file '" + Item + "' names no rules");
    Out.insert(Out.end(), Names.begin(), Names.end());
  }
  return join(Out, ",");
}

Expected<std::vector<const Rule *>>
ndisv::rules::selectRules(const std::vector<Rule> &All, StringRef Selection,
                          ArrayRef<std::string> SdvNames,
                          std::vector<std::string> *MissingSdv) {
  SmallVector<StringRef, 8> Items;
  for (StringRef Item : split(Selection, ','))
    if (!Item.trim().empty())
      Items.push_back(Item.trim());
  // An empty selection means the Default set and every rule that lists no
  // set (a user's own rule file): the opt-in sets (Locking, Irql, ...) make
  // the harness run the whole lifecycle, which costs time.
  std::vector<bool> Chosen(All.size(), false);
  if (Items.empty())
    for (size_t I = 0; I < All.size(); ++I)
      Chosen[I] = All[I].Sets.empty() || is_contained(All[I].Sets, "Default");
  std::vector<std::string> Unknown;
  for (StringRef Item : Items) {
    // Built-in sets are always known names, even when they select nothing.
    if (Item == "all" || Item == "SDV" || Item == "ndisv") {
      for (size_t I = 0; I < All.size(); ++I)
        if (Item == "all" || All[I].Origin == (Item == "SDV" ? "sdv" : "ndisv"))
          Chosen[I] = true;
      continue;
    }
    bool Matched = false;
    if (Item.find_first_of("*?[") != StringRef::npos) {
      Expected<GlobPattern> Pat = GlobPattern::create(Item);
      if (!Pat)
        return createStringError("bad rule pattern '" + Item +
                                 "': " + toString(Pat.takeError()));
      for (size_t I = 0; I < All.size(); ++I)
        if (Pat->match(All[I].Name))
          Chosen[I] = Matched = true;
    } else {
      // A rule's name, or a set rules list in their `sets` header.
      for (size_t I = 0; I < All.size(); ++I)
        if (All[I].Name == Item || is_contained(All[I].Sets, Item))
          Chosen[I] = Matched = true;
    }
    if (!Matched && MissingSdv && is_contained(SdvNames, Item)) {
      if (!is_contained(*MissingSdv, Item))
        MissingSdv->push_back(Item.str());
      continue;
    }
    if (!Matched)
      Unknown.push_back("'" + Item.str() + "'");
  }
  if (Unknown.size() == 1)
    return createStringError("unknown rule or rule set " + Unknown[0]);
  if (!Unknown.empty())
    return createStringError("unknown rules or rule sets " +
                             join(Unknown, ", "));
  std::vector<const Rule *> Out;
  for (size_t I = 0; I < All.size(); ++I)
    if (Chosen[I])
      Out.push_back(&All[I]);
  return Out;
}

//===- RuleSelect.cpp - Choosing rules from a --rules list ----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Users pick rules by name, glob or set: the built-in "all", "SDV" and
// "ndisv", and the sets rules declare ("Default", "DDIUsage", ...).
// Selection keeps the rules' load order so output is stable whatever order
// the list was written in, and a typo is an error rather than a silent
// "nothing checked".
//===----------------------------------------------------------------------===//

#include "ndisv/Rules/Rule.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/GlobPattern.h"

using namespace llvm;
using namespace ndisv::rules;

Expected<std::vector<const Rule *>>
ndisv::rules::selectRules(const std::vector<Rule> &All, StringRef Selection) {
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

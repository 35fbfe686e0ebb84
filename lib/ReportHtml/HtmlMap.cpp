//===- HtmlMap.cpp - The lifecycle map as a person reads it -----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// The rule monitor records one row per rule note and one column per exit a
// rule can abort at, so an interrupt tracked by an SDV rule and by its
// per-handle twin is two rows, a release's note is a row no exit ever sees
// held, and exits of events no path reached with anything are columns of
// "not reached". The map a person reads at 1400 px has one row per resource
// (per acquiring call: the rules tracking it are listed under it) and only
// the role events some resource reached.
//===----------------------------------------------------------------------===//
#include "HtmlMap.h"
#include <algorithm>
#include <map>
#include <tuple>

using namespace ndisv;

namespace {
/// Leaked outranks inconclusive outranks released outranks not reached: a
/// merged cell says the worst any of its rules saw.
int rank(LifecycleCell::Status S) {
  switch (S) {
  case LifecycleCell::Status::NotReached: return 0;
  case LifecycleCell::Status::Released: return 1;
  case LifecycleCell::Status::Inconclusive: return 2;
  case LifecycleCell::Status::Leaked: return 3;
  }
  return 0;
}
} // namespace

LifecycleMap ndisv::compactLifecycleMap(const LifecycleMap &In) {
  // Rows: one per acquiring call; the longest note (the one naming the
  // handle) describes it.
  std::map<std::tuple<std::string, unsigned, unsigned>, unsigned> RowOf;
  std::vector<unsigned> NewRow(In.Resources.size());
  LifecycleMap Mid;
  for (unsigned R = 0; R < In.Resources.size(); ++R) {
    const LifecycleResource &Res = In.Resources[R];
    auto [It, New] = RowOf.try_emplace({Res.Acquired.File, Res.Acquired.Line, Res.Acquired.Col},
                                       (unsigned)Mid.Resources.size());
    if (New) {
      Mid.Resources.push_back(Res);
    } else {
      LifecycleResource &M = Mid.Resources[It->second];
      M.Rules.insert(M.Rules.end(), Res.Rules.begin(), Res.Rules.end());
      std::sort(M.Rules.begin(), M.Rules.end());
      M.Rules.erase(std::unique(M.Rules.begin(), M.Rules.end()), M.Rules.end());
      if (Res.Kind.size() > M.Kind.size())
        M.Kind = Res.Kind;
    }
    NewRow[R] = It->second;
  }
  std::map<std::pair<unsigned, unsigned>, LifecycleCell> Cells;
  for (const LifecycleCell &C : In.Cells) {
    LifecycleCell &M = Cells[{NewRow[C.Resource], C.Exit}];
    M.Resource = NewRow[C.Resource];
    M.Exit = C.Exit;
    if (rank(C.S) > rank(M.S))
      M.S = C.S;
    M.Defects.insert(M.Defects.end(), C.Defects.begin(), C.Defects.end());
  }
  // Keep the rows some cell reached.
  std::vector<bool> RowUsed(Mid.Resources.size()), ExitUsed(In.Exits.size());
  for (auto &[K, C] : Cells)
    if (C.S != LifecycleCell::Status::NotReached)
      RowUsed[C.Resource] = ExitUsed[C.Exit] = true;
  // An exit of a reached role event stays even when nothing reached it (the
  // failure before anything was acquired says so); an event no path reached
  // holding anything goes whole.
  for (unsigned X = 0; X < In.Exits.size(); ++X)
    for (unsigned Y = 0; Y < In.Exits.size() && !ExitUsed[X]; ++Y)
      if (ExitUsed[Y] && In.Exits[Y].Role == In.Exits[X].Role && In.Exits[Y].Event == In.Exits[X].Event)
        ExitUsed[X] = true; // same event as a reached exit
  LifecycleMap Out;
  std::vector<unsigned> RowIdx(Mid.Resources.size()), ExitIdx(In.Exits.size());
  for (unsigned R = 0; R < Mid.Resources.size(); ++R)
    if (RowUsed[R]) {
      RowIdx[R] = Out.Resources.size();
      Out.Resources.push_back(std::move(Mid.Resources[R]));
    }
  for (unsigned X = 0; X < In.Exits.size(); ++X)
    if (ExitUsed[X]) {
      ExitIdx[X] = Out.Exits.size();
      Out.Exits.push_back(In.Exits[X]);
    }
  for (auto &[K, C] : Cells) {
    if (C.S == LifecycleCell::Status::NotReached || !RowUsed[C.Resource] || !ExitUsed[C.Exit])
      continue;
    C.Resource = RowIdx[C.Resource];
    C.Exit = ExitIdx[C.Exit];
    std::sort(C.Defects.begin(), C.Defects.end());
    C.Defects.erase(std::unique(C.Defects.begin(), C.Defects.end()), C.Defects.end());
    Out.Cells.push_back(std::move(C));
  }
  return Out;
}

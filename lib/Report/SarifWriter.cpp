//===- SarifWriter.cpp - SARIF 2.1.0 report -----------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// SARIF is what code-scanning services and IDE viewers ingest. The log is
// written with llvm::json::OStream so that keys come out in a fixed order and
// two runs over the same sources give byte-identical files (no timestamps, no
// durations); the traces become codeFlows so viewers can step through them.
// File URIs are relative to a source root (SRCROOT) so that a log made in one
// checkout opens in another; rule descriptors carry the documentation's first
// paragraph so a viewer can explain a rule without the project at hand.
//===----------------------------------------------------------------------===//

#include "SarifPrinter.h"
#include "ndisv/Report/Writers.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

using namespace ndisv;
using llvm::StringRef;
using llvm::json::OStream;
using namespace ndisv::sarif;

static const char *const SrcRoot = "SRCROOT";

std::string ndisv::defectFingerprint(const Defect &D) {
  // Windows style splits on both '/' and '\', so the base name is the same
  // whichever host wrote the path.
  StringRef Base =
      llvm::sys::path::filename(D.Loc.File, llvm::sys::path::Style::windows);
  std::string Key = DefectFingerprintKey; // also seeds the hash
  auto Add = [&Key](StringRef Part) {
    Key += '\0';
    Key += Part;
  };
  Add(D.Rule);
  Add(D.Message);
  Add(Base);
  for (const TraceStep &S : D.Trace)
    if (S.K == TraceStep::Kind::Event)
      Add(S.Message);
  std::string Hex;
  llvm::raw_string_ostream(Hex)
      << llvm::format_hex_no_prefix(llvm::xxh3_64bits(Key), 16);
  return Hex;
}

/// SARIF's correlationGuid, "the equivalence class of logically identical
/// results": the same for an SDV rule's defect and its per-handle twins
/// (#12), from the SDV rule and the exit, so stable across runs and hosts.
static std::string bugGuid(const Defect &D) {
  StringRef Base =
      llvm::sys::path::filename(D.Loc.File, llvm::sys::path::Style::windows);
  std::string Key = "ndisv/bug";
  for (StringRef Part : {StringRef(D.TwinOf.empty() ? D.Rule : D.TwinOf), Base})
    (Key += '\0') += Part;
  Key += '\0' + std::to_string(D.Loc.Line) + ':' + std::to_string(D.Loc.Col);
  uint64_t Hi = llvm::xxh3_64bits(Key), Lo = llvm::xxh3_64bits(Key + "#2");
  // A version-5-shaped GUID, as the SARIF schema's pattern asks.
  Hi = (Hi & ~0xF000ull) | 0x5000ull;
  Lo = (Lo & ~(0xC000ull << 48)) | (0x8000ull << 48);
  std::string H;
  llvm::raw_string_ostream(H) << llvm::format_hex_no_prefix(Hi, 16)
                              << llvm::format_hex_no_prefix(Lo, 16);
  return H.substr(0, 8) + '-' + H.substr(8, 4) + '-' + H.substr(12, 4) + '-' +
         H.substr(16, 4) + '-' + H.substr(20);
}


/// Percent-encodes everything a URI path may not carry literally.
static std::string encodeUriPath(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || StringRef("-._~/:!$&'()*+,;=@").contains(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit(C >> 4);
    Out += llvm::hexdigit(C & 15);
  }
  return Out;
}

std::string ndisv::sarif::fileUri(StringRef AbsPath) {
  std::string Slashed = llvm::sys::path::convert_to_slash(
      AbsPath, llvm::sys::path::Style::native);
  // "/x/y.c" -> "file:///x/y.c", "C:/x/y.c" -> "file:///C:/x/y.c".
  return std::string("file://") +
         (StringRef(Slashed).starts_with("/") ? "" : "/") +
         encodeUriPath(Slashed);
}

const ArtifactUri &SarifPrinter::uriOf(StringRef File) {
  auto [It, Inserted] = Uris.try_emplace(File);
  if (!Inserted)
    return It->second;
  ArtifactUri &A = It->second;
  llvm::SmallString<256> Abs(File);
  A.Display = std::string(File);
  if (llvm::sys::fs::make_absolute(Abs)) {
    A.Uri = encodeUriPath(llvm::sys::path::convert_to_slash(File));
    A.Relative = !llvm::sys::path::is_absolute(File);
    return A;
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  if (relativeTo(Root, Abs, A))
    return A;
  // The root or the file may have been named through a symbolic link.
  llvm::SmallString<256> Real;
  if (!RealRoot.empty() && !llvm::sys::fs::real_path(Abs, Real) &&
      relativeTo(RealRoot, Real, A))
    return A;
  A.Uri = fileUri(Abs);
  return A;
}

/// Makes A a SRCROOT-relative URI when AbsPath is below Dir.
bool SarifPrinter::relativeTo(StringRef Dir, StringRef AbsPath,
                              ArtifactUri &A) {
  if (Dir.empty() || !AbsPath.starts_with(Dir))
    return false;
  // Dir is "/" only for --source-root /: every absolute path is below it.
  size_t Skip = Dir.size() + (llvm::sys::path::is_separator(Dir.back()) ? 0 : 1);
  if (AbsPath.size() <= Skip ||
      !llvm::sys::path::is_separator(AbsPath[Skip - 1]))
    return false;
  A.Display = std::string(AbsPath.drop_front(Skip));
  A.Uri = encodeUriPath(llvm::sys::path::convert_to_slash(A.Display));
  A.Relative = true;
  return true;
}

void SarifPrinter::physicalLocation(const SourceLoc &Loc) {
  J.attributeObject("physicalLocation", [&] {
    const ArtifactUri &A = uriOf(Loc.File);
    J.attributeObject("artifactLocation", [&] {
      J.attribute("uri", A.Uri);
      if (A.Relative)
        J.attribute("uriBaseId", SrcRoot);
    });
    if (Loc.Line != 0)
      J.attributeObject("region", [&] {
        J.attribute("startLine", Loc.Line);
        if (Loc.Col != 0)
          J.attribute("startColumn", Loc.Col);
      });
  });
}

void SarifPrinter::tool(const Results &R) {
  J.attributeObject("tool", [&] {
    J.attributeObject("driver", [&] {
      J.attribute("name", "ndisv");
      J.attribute("version", Opts.ToolVersion);
      J.attribute("informationUri", "https://github.com/ndisv/ndisv");
      J.attributeArray("rules", [&] {
        for (const RuleResult &RR : R.Rules)
          ruleDescriptor(RR);
        // A defect of a rule with no result still needs a descriptor for
        // its ruleIndex to point at.
        for (size_t I = R.Rules.size(); I < RuleIds.size(); ++I)
          J.object([&] { J.attribute("id", RuleIds[I]); });
      });
    });
  });
}

static const char *levelName(Diagnostic::Level L) {
  switch (L) {
  case Diagnostic::Level::Error:
    return "error";
  case Diagnostic::Level::Warning:
    return "warning";
  case Diagnostic::Level::Note:
    return "note";
  }
  return "error";
}

/// Arg as a POSIX shell would need it to read it back as one word.
static std::string shellQuote(StringRef Arg) {
  if (!Arg.empty() && llvm::all_of(Arg, [](char C) {
        return llvm::isAlnum(C) || StringRef("-_./=:,+@%").contains(C);
      }))
    return std::string(Arg);
  std::string Out = "'";
  for (char C : Arg) {
    if (C == '\'')
      Out += "'\\''";
    else
      Out += C;
  }
  return Out + "'";
}

void SarifPrinter::invocation(const Results &R) {
  J.attributeArray("invocations", [&] {
    J.object([&] {
      if (!Opts.CommandLine.empty()) {
        std::string Line;
        for (const std::string &Arg : Opts.CommandLine)
          Line += (Line.empty() ? "" : " ") + shellQuote(Arg);
        J.attribute("commandLine", Line);
        J.attributeArray("arguments", [&] {
          for (size_t I = 1; I < Opts.CommandLine.size(); ++I)
            J.value(Opts.CommandLine[I]);
        });
      }
      // Exit code 2: nothing could be verified, or the TU with the entry
      // point did not compile, or no rule was decided (lib/Check). A TU that
      // did not compile while the rest was verified is a notification only.
      // (The process exit code also depends on --fail-on and the baseline,
      // applied after the log is written, so it is not recorded.)
      J.attribute("executionSuccessful", ExitCode != 2);
      J.attributeArray("toolExecutionNotifications", [&] {
        for (const TranslationUnitResult &TU : R.TUs) {
          if (TU.Compiled)
            continue;
          const Diagnostic *First = TU.Errors.empty() ? nullptr : &TU.Errors[0];
          J.object([&] {
            J.attribute("level", "error");
            std::string Text = uriOf(TU.File).Display + " did not compile";
            if (First)
              Text += ": " + First->Message;
            message(Text);
            SourceLoc Loc;
            if (First && !First->Loc.File.empty())
              Loc = First->Loc;
            else
              Loc.File = TU.File;
            if (!Loc.File.empty())
              J.attributeArray("locations", [&] {
                J.object([&] { physicalLocation(Loc); });
              });
          });
        }
        for (const TranslationUnitResult &TU : R.TUs)
          for (const Diagnostic &W : TU.Warnings)
            J.object([&] {
              J.attribute("level", levelName(W.L));
              message(W.Message);
              SourceLoc Loc = W.Loc;
              if (Loc.File.empty())
                Loc.File = TU.File;
              J.attributeArray("locations", [&] {
                J.object([&] { physicalLocation(Loc); });
              });
            });
        // Code scanning shows these: a rule that could not be decided must
        // not look like a clean one.
        for (const RuleResult &RR : R.Rules)
          if (RR.V == Verdict::Inconclusive)
            J.object([&] {
              J.attribute("level", "warning");
              message(RR.Rule + " is inconclusive" + (RR.Reason.empty() ? "" : ": " + RR.Reason));
              J.attributeObject("associatedRule", [&] { J.attribute("id", RR.Rule); });
            });
        for (const Diagnostic &E : R.ToolErrors)
          J.object([&] {
            J.attribute("level", levelName(E.L));
            message(E.Message);
            if (!E.Loc.File.empty())
              J.attributeArray("locations", [&] {
                J.object([&] { physicalLocation(E.Loc); });
              });
          });
      });
    });
  });
}

static const char *kindName(TraceStep::Kind K) {
  switch (K) {
  case TraceStep::Kind::Event:
    return "event";
  case TraceStep::Kind::Outcome:
    return "outcome";
  case TraceStep::Kind::Branch:
    return "branch";
  case TraceStep::Kind::Call:
    return "call";
  case TraceStep::Kind::Return:
    return "return";
  case TraceStep::Kind::Phase:
    return "phase";
  case TraceStep::Kind::Exit:
    return "exit";
  }
  return "event";
}

/// SARIF's well-known threadFlowLocation kinds (section 3.38.8) for a step.
/// An event may acquire or release, so it is only said to concern a resource.
static std::vector<StringRef> sarifKinds(TraceStep::Kind K) {
  switch (K) {
  case TraceStep::Kind::Event:
    return {"resource"};
  case TraceStep::Kind::Outcome:
    return {"call", "branch"};
  case TraceStep::Kind::Branch:
    return {"branch"};
  case TraceStep::Kind::Call:
    return {"call", "enter"};
  case TraceStep::Kind::Return:
    return {"return"};
  case TraceStep::Kind::Phase:
    return {"handler"};
  case TraceStep::Kind::Exit:
    return {"exit"};
  }
  return {};
}

void SarifPrinter::threadFlowLocation(const TraceStep &S) {
  J.object([&] {
    J.attributeObject("location", [&] {
      if (S.Loc.valid())
        physicalLocation(S.Loc);
      message(S.Message);
    });
    J.attribute("nestingLevel", S.Depth);
    J.attributeArray("kinds", [&] {
      for (StringRef Kind : sarifKinds(S.K))
        J.value(Kind);
    });
    if (S.K == TraceStep::Kind::Event)
      J.attribute("importance", "essential");
    J.attributeObject("properties",
                      [&] { J.attribute("ndisvKind", kindName(S.K)); });
  });
}

void SarifPrinter::result(const Defect &D, size_t RuleIndex, const char *Level) {
  J.object([&] {
    J.attribute("ruleId", D.Rule);
    J.attribute("ruleIndex", static_cast<int64_t>(RuleIndex));
    J.attribute("level", Level); // the rule's defaultConfiguration.level
    message(D.Message);
    if (!D.Loc.File.empty())
      J.attributeArray("locations",
                       [&] { J.object([&] { physicalLocation(D.Loc); }); });
    if (!D.Trace.empty())
      J.attributeArray("codeFlows", [&] {
        J.object([&] {
          J.attributeArray("threadFlows", [&] {
            J.object([&] {
              J.attributeArray("locations", [&] {
                for (const TraceStep &S : D.Trace)
                  threadFlowLocation(S);
              });
            });
          });
        });
      });
    J.attributeObject("partialFingerprints", [&] {
      J.attribute(DefectFingerprintKey, defectFingerprint(D));
    });
    // An accepted defect stays a result, marked, as SARIF viewers expect.
    if (D.Suppressed)
      J.attributeArray("suppressions", [&] {
        J.object([&] {
          J.attribute("kind", "inSource");
          J.attribute("justification", D.SuppressionReason);
        });
      });
    // One bug caught by an SDV rule and its per-handle twin: each keeps its
    // result (code scanning filters by rule), both name the other rule and
    // share a correlationGuid, so a count of bugs counts distinct ones.
    if (!D.Twins.empty() || !D.TwinOf.empty())
      J.attribute("correlationGuid", bugGuid(D));
    if (!D.Twins.empty() || !D.TwinOf.empty())
      J.attributeObject("properties", [&] {
        J.attributeArray("sameDefectAs", [&] {
          if (!D.TwinOf.empty())
            J.value(D.TwinOf);
          for (const std::string &T : D.Twins)
            J.value(T);
        });
      });
  });
}

void SarifPrinter::runProperties(const Results &R) {
  J.attributeObject("properties", [&] {
    J.attributeObject("ruleVerdicts", [&] {
      for (const RuleResult &RR : R.Rules)
        J.attribute(RR.Rule, verdictName(RR.V));
    });
    // A pass that holds only under bounds says which, rule by rule.
    if (llvm::any_of(R.Rules, [](const RuleResult &RR) { return !RR.Bounds.empty(); }))
      J.attributeObject("ruleBounds", [&] {
        for (const RuleResult &RR : R.Rules)
          if (!RR.Bounds.empty())
            J.attributeArray(RR.Rule, [&] {
              for (const std::string &B : RR.Bounds)
                J.value(B);
            });
      });
    // In the order the frontend gives them, which -j does not change.
    J.attributeArray("translationUnits", [&] {
      for (const TranslationUnitResult &TU : R.TUs)
        J.object([&] {
          const ArtifactUri &A = uriOf(TU.File);
          J.attributeObject("artifactLocation", [&] {
            J.attribute("uri", A.Uri);
            if (A.Relative)
              J.attribute("uriBaseId", SrcRoot);
          });
          J.attribute("compiled", TU.Compiled);
        });
    });
    J.attributeArray("entryPoints", [&] {
      for (const EntryPoint &E : R.EntryPoints)
        J.object([&] {
          J.attribute("role", E.Role);
          J.attribute("function", E.Function);
          J.attribute("how", E.How);
          if (!E.Loc.File.empty())
            J.attributeObject("location", [&] { physicalLocation(E.Loc); });
        });
    });
    // Counts only: durations would make two identical runs differ.
    J.attributeObject("stats", [&] {
      J.attribute("paths", static_cast<int64_t>(R.Stats.Paths));
      J.attribute("instructions", static_cast<int64_t>(R.Stats.Instructions));
      J.attribute("boundedLoops", static_cast<int64_t>(R.Stats.BoundedLoops));
      J.attribute("mergedPaths", static_cast<int64_t>(R.Stats.MergedPaths));
    });
  });
}

void SarifPrinter::run(const SarifRun &Run) {
  const Results &R = *Run.R;
  ExitCode = Run.ExitCode;
  RuleIds.clear();
  llvm::StringMap<size_t> RuleIndex;
  for (const RuleResult &RR : R.Rules) {
    RuleIndex.try_emplace(RR.Rule, RuleIds.size());
    RuleIds.push_back(RR.Rule);
  }
  std::vector<size_t> DefectRule;
  for (const Defect &D : R.Defects) {
    auto [It, Inserted] = RuleIndex.try_emplace(D.Rule, RuleIds.size());
    if (Inserted)
      RuleIds.push_back(D.Rule);
    DefectRule.push_back(It->second);
  }
  J.object([&] {
    tool(R);
    invocation(R);
    // Code scanning keeps one analysis per category: each project of a
    // solution is its own ("ndisv/<project>/").
    if (!Run.Id.empty())
      J.attributeObject("automationDetails", [&] { J.attribute("id", Run.Id); });
    if (!Root.empty())
      J.attributeObject("originalUriBaseIds", [&] {
        J.attributeObject(SrcRoot, [&] {
          std::string Uri = fileUri(Root);
          J.attribute("uri", Uri.back() == '/' ? Uri : Uri + "/");
        });
      });
    J.attributeArray("results", [&] {
      for (size_t I = 0; I < R.Defects.size(); ++I)
        result(R.Defects[I], DefectRule[I],
               DefectRule[I] < R.Rules.size() ? defaultLevel(R.Rules[DefectRule[I]]) : "warning");
    });
    runProperties(R);
  });
}

void SarifPrinter::print(const std::vector<SarifRun> &Runs) {
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      for (const SarifRun &Run : Runs)
        run(Run);
    });
  });
  J.flush();
}

void ndisv::writeSarif(const Results &R, llvm::raw_ostream &OS,
                       const SarifOptions &Opts) {
  SarifPrinter(OS, Opts).print({SarifRun{&R, "", Opts.ExitCode}});
  OS << '\n';
}

void ndisv::writeSarif(const std::vector<SarifRun> &Runs, llvm::raw_ostream &OS,
                       const SarifOptions &Opts) {
  SarifPrinter(OS, Opts).print(Runs);
  OS << '\n';
}

void ndisv::writeSarif(const Results &R, llvm::raw_ostream &OS,
                       const std::string &ToolVersion) {
  SarifOptions Opts;
  Opts.ToolVersion = ToolVersion;
  Opts.ExitCode = R.anyDefect() ? 1 : 0;
  writeSarif(R, OS, Opts);
}

//===- SarifWriter.cpp - SARIF 2.1.0 report -----------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// SARIF is what code-scanning services and IDE viewers ingest. The log is
// written with llvm::json::OStream so that keys come out in a fixed order and
// two runs over the same sources give byte-identical files (no timestamps, no
// durations); the traces become codeFlows so viewers can step through them.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Writers.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

using namespace ndisv;
using llvm::StringRef;
using llvm::json::OStream;

static const char *const SrcRoot = "%SRCROOT%";

std::string ndisv::defectFingerprint(const Defect &D) {
  // Windows style splits on both '/' and '\', so the base name is the same
  // whichever host wrote the path.
  StringRef Base =
      llvm::sys::path::filename(D.Loc.File, llvm::sys::path::Style::windows);
  std::string Key = "ndisvDefect/v1";
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

namespace {

struct ArtifactUri {
  std::string Uri;
  bool Relative = false; // relative to %SRCROOT%, the current directory
};

/// Writes the log. Keeps the current directory and the URIs it has already
/// computed, since every trace step repeats the same few files.
class SarifPrinter {
public:
  SarifPrinter(llvm::raw_ostream &OS) : J(OS, 2) {
    llvm::SmallString<256> Dir;
    if (!llvm::sys::fs::current_path(Dir)) {
      llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
      Cwd = std::string(Dir.str());
    }
  }

  void print(const Results &R, const std::string &ToolVersion);

private:
  const ArtifactUri &uriOf(StringRef File);
  void physicalLocation(const SourceLoc &Loc);
  void message(StringRef Text) {
    J.attributeObject("message", [&] { J.attribute("text", Text); });
  }
  void tool(const Results &R, const std::string &ToolVersion);
  void invocation(const Results &R);
  void result(const Defect &D, size_t RuleIndex);
  void threadFlowLocation(const TraceStep &S);
  void runProperties(const Results &R);

  OStream J;
  std::string Cwd;
  llvm::StringMap<ArtifactUri> Uris;
  std::vector<std::string> RuleIds; // R.Rules, then rules only defects name
};

} // namespace

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

static std::string fileUri(StringRef AbsPath) {
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
  if (llvm::sys::fs::make_absolute(Abs)) {
    A.Uri = encodeUriPath(llvm::sys::path::convert_to_slash(File));
    A.Relative = !llvm::sys::path::is_absolute(File);
    return A;
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  StringRef AbsRef = Abs.str();
  if (!Cwd.empty() && AbsRef.starts_with(Cwd) && AbsRef.size() > Cwd.size() &&
      llvm::sys::path::is_separator(AbsRef[Cwd.size()])) {
    A.Uri = encodeUriPath(
        llvm::sys::path::convert_to_slash(AbsRef.drop_front(Cwd.size() + 1)));
    A.Relative = true;
  } else {
    A.Uri = fileUri(AbsRef);
  }
  return A;
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

void SarifPrinter::tool(const Results &R, const std::string &ToolVersion) {
  J.attributeObject("tool", [&] {
    J.attributeObject("driver", [&] {
      J.attribute("name", "ndisv");
      J.attribute("version", ToolVersion);
      J.attribute("informationUri", "https://github.com/ndisv/ndisv");
      J.attributeArray("rules", [&] {
        for (const RuleResult &RR : R.Rules)
          J.object([&] {
            J.attribute("id", RR.Rule);
            J.attribute("name", RR.Rule);
            J.attributeObject("shortDescription",
                              [&] { J.attribute("text", RR.Title); });
            std::string Full = RR.Title;
            if (!RR.DocPath.empty())
              Full += "; see " + RR.DocPath;
            J.attributeObject("fullDescription",
                              [&] { J.attribute("text", Full); });
            J.attributeObject("defaultConfiguration",
                              [&] { J.attribute("level", "warning"); });
            if (!RR.DocPath.empty())
              J.attribute("helpUri",
                          "https://github.com/ndisv/ndisv/blob/main/" +
                              RR.DocPath);
            J.attributeObject("properties",
                              [&] { J.attribute("origin", RR.Origin); });
          });
        // A defect of a rule with no result still needs a descriptor for
        // its ruleIndex to point at.
        for (size_t I = R.Rules.size(); I < RuleIds.size(); ++I)
          J.object([&] {
            J.attribute("id", RuleIds[I]);
            J.attribute("name", RuleIds[I]);
          });
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

void SarifPrinter::invocation(const Results &R) {
  J.attributeArray("invocations", [&] {
    J.object([&] {
      J.attribute("executionSuccessful", R.ToolErrors.empty());
      J.attributeArray("toolExecutionNotifications", [&] {
        for (const TranslationUnitResult &TU : R.TUs) {
          if (TU.Compiled)
            continue;
          const Diagnostic *First = TU.Errors.empty() ? nullptr : &TU.Errors[0];
          J.object([&] {
            J.attribute("level", "error");
            std::string Text = TU.File + " did not compile";
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

void SarifPrinter::result(const Defect &D, size_t RuleIndex) {
  J.object([&] {
    J.attribute("ruleId", D.Rule);
    J.attribute("ruleIndex", static_cast<int64_t>(RuleIndex));
    J.attribute("level", "warning");
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
      J.attribute("ndisvDefect/v1", defectFingerprint(D));
    });
  });
}

void SarifPrinter::runProperties(const Results &R) {
  J.attributeObject("properties", [&] {
    J.attributeObject("ruleVerdicts", [&] {
      for (const RuleResult &RR : R.Rules)
        J.attribute(RR.Rule, verdictName(RR.V));
    });
    J.attributeObject("translationUnits", [&] {
      J.attribute("compiled", R.compiledCount());
      J.attribute("total", static_cast<int64_t>(R.TUs.size()));
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
    });
  });
}

void SarifPrinter::print(const Results &R, const std::string &ToolVersion) {
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
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        tool(R, ToolVersion);
        invocation(R);
        if (!Cwd.empty())
          J.attributeObject("originalUriBaseIds", [&] {
            J.attributeObject(SrcRoot,
                              [&] { J.attribute("uri", fileUri(Cwd) + "/"); });
          });
        J.attributeArray("results", [&] {
          for (size_t I = 0; I < R.Defects.size(); ++I)
            result(R.Defects[I], DefectRule[I]);
        });
        runProperties(R);
      });
    });
  });
  J.flush();
}

void ndisv::writeSarif(const Results &R, llvm::raw_ostream &OS,
                       const std::string &ToolVersion) {
  SarifPrinter(OS).print(R, ToolVersion);
  OS << '\n';
}

//===- SarifWriterTest.cpp - Tests of the SARIF options -----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Code-scanning services and SARIF viewers read the rule descriptors, the
// source-root-relative URIs and the invocation record; these pin what each
// SarifOptions field puts there, on results built by hand.
//===----------------------------------------------------------------------===//

#include "ndisv/Report/Writers.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

using namespace ndisv;
using llvm::json::Array;
using llvm::json::Object;

namespace {

class SarifOptionsTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("ndisv-sarif", Dir));
    // The writer compares paths without resolving links first.
    llvm::SmallString<256> Real;
    ASSERT_FALSE(llvm::sys::fs::real_path(Dir, Real));
    Dir = Real;
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(const std::string &Rel, const std::string &Content) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Rel);
    EXPECT_FALSE(
        llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC);
    OS << Content;
    return std::string(Path.str());
  }

  /// Writes R and returns runs[0]; the parsed log is kept in Log.
  const Object *run(const Results &R, const SarifOptions &Opts) {
    std::string S;
    llvm::raw_string_ostream OS(S);
    writeSarif(R, OS, Opts);
    auto V = llvm::json::parse(S);
    EXPECT_TRUE(bool(V)) << llvm::toString(V.takeError());
    if (!V)
      return nullptr;
    Log = std::move(*V);
    return (*Log.getAsObject()->getArray("runs"))[0].getAsObject();
  }

  llvm::SmallString<256> Dir;
  llvm::json::Value Log = nullptr;
};

RuleResult rule(const std::string &Name) {
  RuleResult RR;
  RR.Rule = Name;
  RR.Title = Name + " title";
  RR.Origin = "ndisv";
  RR.DocPath = "docs/rules/" + Name + ".md";
  return RR;
}

const Object *descriptor(const Object *Run, size_t I) {
  return (*Run->getObject("tool")->getObject("driver")->getArray("rules"))[I]
      .getAsObject();
}

std::string str(const Object *O, llvm::StringRef Key) {
  return O ? O->getString(Key).value_or("<missing>").str() : "<no object>";
}

TEST_F(SarifOptionsTest, FullDescriptionIsTheDocPagesFirstParagraph) {
  write("docs/rules/Documented.md",
        "# Documented\n\nA work item `X` allocates\nmust be **freed**.\n\n"
        "## Semantics\n\nNot this.\n");
  Results R;
  R.Rules = {rule("Documented"), rule("Undocumented")};
  R.Rules[1].Help = "Longer help text";
  SarifOptions Opts;
  Opts.DataDir = std::string(Dir);
  const Object *Run = this->run(R, Opts);
  ASSERT_TRUE(Run);

  const Object *Doc = descriptor(Run, 0);
  EXPECT_EQ("Documented title", str(Doc->getObject("shortDescription"), "text"));
  EXPECT_EQ("A work item X allocates must be freed.",
            str(Doc->getObject("fullDescription"), "text"));
  EXPECT_EQ("A work item `X` allocates must be **freed**.",
            str(Doc->getObject("fullDescription"), "markdown"));
  // The page as shipped under the data directory, unless a base is given.
  EXPECT_TRUE(llvm::StringRef(str(Doc, "helpUri")).starts_with("file://"));
  EXPECT_TRUE(llvm::StringRef(str(Doc, "helpUri")).ends_with("/docs/rules/Documented.md"));
  EXPECT_FALSE(Doc->get("name")); // equal to the id, SARIF says leave it out
  const Object *Props = Doc->getObject("properties");
  EXPECT_EQ("ndisv", str(Props, "origin"));
  const Array *Tags = Props->getArray("tags");
  ASSERT_TRUE(Tags);
  EXPECT_NE(Tags->end(), llvm::find(*Tags, llvm::json::Value("ndisv")));

  // No page (a --rule-file rule): the help text, and no link to nowhere.
  const Object *Undoc = descriptor(Run, 1);
  EXPECT_EQ("Longer help text", str(Undoc->getObject("fullDescription"), "text"));
  EXPECT_FALSE(Undoc->get("helpUri"));

  // --help-uri-base: where the pages are published.
  Opts.HelpUriBase = "https://example.org/ndisv/rules/";
  const Object *Based = descriptor(this->run(R, Opts), 0);
  EXPECT_EQ("https://example.org/ndisv/rules/Documented.md", str(Based, "helpUri"));
}

TEST_F(SarifOptionsTest, UrisAreRelativeToTheSourceRoot) {
  std::string Inside = write("src/drv/a b.c", "");
  Results R;
  Defect D;
  D.Rule = "R";
  D.Message = "Leaked";
  D.Loc.File = Inside;
  D.Loc.Line = 3;
  R.Defects.push_back(D);
  D.Loc.File = "/nonexistent ndisv dir/x.c";
  R.Defects.push_back(D);
  SarifOptions Opts;
  Opts.SourceRoot = std::string(Dir) + "/src/"; // a trailing slash is ignored
  const Object *Run = this->run(R, Opts);
  ASSERT_TRUE(Run);

  EXPECT_EQ("file://" + std::string(Dir) + "/src/",
            str(Run->getObject("originalUriBaseIds")->getObject("SRCROOT"),
                "uri"));
  auto Artifact = [&](size_t I) {
    return (*(*Run->getArray("results"))[I].getAsObject()->getArray(
                "locations"))[0]
        .getAsObject()
        ->getObject("physicalLocation")
        ->getObject("artifactLocation");
  };
  EXPECT_EQ("drv/a%20b.c", str(Artifact(0), "uri"));
  EXPECT_EQ("SRCROOT", str(Artifact(0), "uriBaseId"));
  EXPECT_EQ("file:///nonexistent%20ndisv%20dir/x.c", str(Artifact(1), "uri"));
  EXPECT_FALSE(Artifact(1)->get("uriBaseId"));
}

TEST_F(SarifOptionsTest, InvocationRecordsCommandAndFailedTranslationUnits) {
  Results R;
  TranslationUnitResult Ok, Bad;
  Ok.File = write("ok.c", "");
  Ok.Compiled = true;
  Bad.File = write("bad.c", "");
  Diagnostic E;
  E.Loc.File = Bad.File;
  E.Loc.Line = 4;
  E.Loc.Col = 2;
  E.Message = "unknown type name 'FOO'";
  Bad.Errors.push_back(E);
  R.TUs = {Ok, Bad};
  Diagnostic Link;
  Link.Message = "cannot link bad.c";
  R.ToolErrors.push_back(Link);
  SarifOptions Opts;
  Opts.SourceRoot = std::string(Dir);
  Opts.CommandLine = {"ndisv", "check", "it's here.c", "-j2"};
  Opts.ExitCode = 0; // ok.c was verified
  const Object *Run = this->run(R, Opts);
  ASSERT_TRUE(Run);

  const Object *Inv = (*Run->getArray("invocations"))[0].getAsObject();
  EXPECT_EQ("ndisv check 'it'\\''s here.c' -j2", str(Inv, "commandLine"));
  ASSERT_EQ(3u, Inv->getArray("arguments")->size());
  EXPECT_EQ(true, Inv->getBoolean("executionSuccessful"));
  const Array *Notes = Inv->getArray("toolExecutionNotifications");
  ASSERT_EQ(2u, Notes->size());
  const Object *Note0 = (*Notes)[0].getAsObject();
  EXPECT_EQ("error", str(Note0, "level"));
  EXPECT_EQ("bad.c did not compile: unknown type name 'FOO'",
            str(Note0->getObject("message"), "text"));
  const Object *Phys = (*Note0->getArray("locations"))[0]
                           .getAsObject()
                           ->getObject("physicalLocation");
  EXPECT_EQ("bad.c", str(Phys->getObject("artifactLocation"), "uri"));
  EXPECT_EQ(4, Phys->getObject("region")->getInteger("startLine").value_or(0));
  EXPECT_EQ("cannot link bad.c",
            str((*Notes)[1].getAsObject()->getObject("message"), "text"));

  const Array *TUs = Run->getObject("properties")->getArray("translationUnits");
  ASSERT_EQ(2u, TUs->size());
  EXPECT_EQ("ok.c", str((*TUs)[0].getAsObject()->getObject("artifactLocation"),
                        "uri"));
  EXPECT_EQ(true, (*TUs)[0].getAsObject()->getBoolean("compiled"));
  EXPECT_EQ(false, (*TUs)[1].getAsObject()->getBoolean("compiled"));

  Opts.ExitCode = 2;
  Run = this->run(R, Opts);
  ASSERT_TRUE(Run);
  EXPECT_EQ(false, (*Run->getArray("invocations"))[0].getAsObject()->getBoolean(
                       "executionSuccessful"));
}

TEST_F(SarifOptionsTest, LevelFollowsTheRuleSets) {
  // Lifecycle and IRQL violations are errors; SDV's Warning set wins over
  // them; other DDI misuse is a warning. Each result has its rule's level.
  Results R;
  std::vector<std::vector<std::string>> Sets = {
      {"Default", "Lifecycle"}, {"Default", "IRQL"}, {"Default", "Warning", "IRQL"}, {"Default", "DDIUsage"}};
  for (size_t I = 0; I < Sets.size(); ++I) {
    RuleResult RR = rule("R" + std::to_string(I));
    RR.Sets = Sets[I];
    R.Rules.push_back(RR);
    Defect D;
    D.Rule = RR.Rule;
    D.Message = "m";
    R.Defects.push_back(D);
  }
  SarifOptions Opts;
  const Object *Run = run(R, Opts);
  ASSERT_TRUE(Run);
  const char *Want[] = {"error", "error", "warning", "warning"};
  const llvm::json::Array *Results = Run->getArray("results");
  ASSERT_TRUE(Results && Results->size() == 4);
  for (size_t I = 0; I < 4; ++I) {
    EXPECT_EQ(Want[I], str(descriptor(Run, I)->getObject("defaultConfiguration"), "level")) << I;
    EXPECT_EQ(Want[I], str((*Results)[I].getAsObject(), "level")) << I;
  }
  // The sets (but Default) are tags.
  const llvm::json::Array *Tags = descriptor(Run, 2)->getObject("properties")->getArray("tags");
  ASSERT_TRUE(Tags);
  EXPECT_EQ("irql", Tags->back().getAsString().value_or("").str());
}

} // namespace

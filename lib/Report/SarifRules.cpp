//===- SarifRules.cpp - SARIF rule descriptors ----------------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// A rule descriptor carries the documentation's first paragraph, the whole
// page as help text and a default severity, so a viewer can explain a rule
// without the project at hand.
//===----------------------------------------------------------------------===//

#include "SarifPrinter.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace ndisv;
using namespace ndisv::sarif;

/// The first paragraph of a rule's documentation page, without its heading,
/// as one line of Markdown; empty when the page cannot be read.
static std::string docFirstParagraph(StringRef DataDir, StringRef DocPath) {
  if (DataDir.empty() || DocPath.empty())
    return "";
  llvm::SmallString<256> Path(DataDir);
  llvm::sys::path::append(Path, DocPath);
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return "";
  std::string Para;
  llvm::SmallVector<StringRef, 32> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  for (StringRef Line : Lines) {
    Line = Line.trim();
    if (Line.empty() || Line.starts_with("#")) {
      if (!Para.empty())
        break;
      continue;
    }
    if (!Para.empty())
      Para += ' ';
    Para += Line;
  }
  return Para;
}

/// A rule's whole documentation page; empty when it cannot be read.
static std::string docPage(StringRef DataDir, StringRef DocPath) {
  if (DataDir.empty() || DocPath.empty())
    return "";
  llvm::SmallString<256> Path(DataDir);
  llvm::sys::path::append(Path, DocPath);
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  return Buf ? StringRef((*Buf)->getBuffer()).trim().str() : "";
}

/// The severity a rule's violation has by default: SDV's Warning set is a
/// warning; a leaked resource (Lifecycle) or an IRQL violation crashes or
/// hangs the machine, an error; other DDI misuse is a warning.
const char *ndisv::sarif::defaultLevel(const RuleResult &RR) {
  auto In = [&](StringRef Set) {
    return llvm::any_of(RR.Sets, [&](const std::string &S) { return StringRef(S).equals_insensitive(Set); });
  };
  if (In("Warning"))
    return "warning";
  if (In("Lifecycle") || In("IRQL"))
    return "error";
  return "warning";
}

/// Markdown's code spans and emphasis marks dropped, for a plain-text field.
static std::string plainText(StringRef Markdown) {
  std::string Out;
  for (char C : Markdown)
    if (C != '`' && C != '*')
      Out += C;
  return Out;
}

void SarifPrinter::ruleDescriptor(const RuleResult &RR) {
  // A rule loaded with --rule-file has no page on the project site.
  bool HasPage = !RR.DocPath.empty();
  std::string Markdown;
  if (HasPage && !Opts.DataDir.empty()) {
    Markdown = docFirstParagraph(Opts.DataDir, RR.DocPath);
    HasPage = !Markdown.empty();
  }
  // No "name": equal to the id it would only repeat it (SARIF 3.49.7).
  J.object([&] {
    J.attribute("id", RR.Rule);
    J.attributeObject("shortDescription",
                      [&] { J.attribute("text", RR.Title); });
    J.attributeObject("fullDescription", [&] {
      if (!Markdown.empty()) {
        J.attribute("text", plainText(Markdown));
        J.attribute("markdown", Markdown);
      } else {
        J.attribute("text", RR.Help.empty() ? RR.Title : RR.Help);
      }
    });
    const char *Level = defaultLevel(RR);
    J.attributeObject("defaultConfiguration", [&] { J.attribute("level", Level); });
    // The page the package ships, or where the user publishes them.
    std::string Base = Opts.HelpUriBase;
    if (Base.empty() && !Opts.DataDir.empty())
      Base = fileUri(Opts.DataDir + "/docs/rules");
    if (HasPage && !Base.empty())
      J.attribute("helpUri", StringRef(Base).rtrim('/').str() + "/" +
                                 llvm::sys::path::filename(RR.DocPath).str());
    // help: the whole page, for viewers that show it beside the result.
    std::string Page = HasPage ? docPage(Opts.DataDir, RR.DocPath) : "";
    if (!Page.empty())
      J.attributeObject("help", [&] {
        J.attribute("text", plainText(Page));
        J.attribute("markdown", Page);
      });
    else if (!RR.Help.empty())
      J.attributeObject("help", [&] { J.attribute("text", RR.Help); });
    J.attributeObject("properties", [&] {
      J.attribute("origin", RR.Origin);
      // GitHub code scanning shows and filters by these.
      J.attributeArray("tags", [&] {
        J.value("ndis");
        J.value("reliability");
        J.value(RR.Origin);
        for (const std::string &S : RR.Sets) // lifecycle, irql, ddiusage, ...
          if (S != "Default")
            J.value(StringRef(S).lower());
      });
      J.attribute("precision", "high");
      J.attribute("problem.severity", Level);
    });
  });
}

//===- ProjectConfigurations.cpp - Which configuration of a project ------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//

#include "ProjectConfigurations.h"

#include "llvm/ADT/StringExtras.h"
#include <tinyxml2.h>

using namespace llvm;
using tinyxml2::XMLElement;

namespace ndisv {
namespace msbuild {

std::vector<ProjectConfiguration> listedConfigurations(StringRef Path) {
  std::vector<ProjectConfiguration> Out;
  tinyxml2::XMLDocument Doc;
  if (Doc.LoadFile(Path.str().c_str()) != tinyxml2::XML_SUCCESS || !Doc.RootElement())
    return Out;
  for (const XMLElement *G = Doc.RootElement()->FirstChildElement("ItemGroup"); G;
       G = G->NextSiblingElement("ItemGroup"))
    for (const XMLElement *C = G->FirstChildElement("ProjectConfiguration"); C;
         C = C->NextSiblingElement("ProjectConfiguration")) {
      const char *Inc = C->Attribute("Include");
      if (!Inc)
        continue;
      auto [Name, Platform] = StringRef(Inc).split('|');
      if (!Name.trim().empty() && !Platform.trim().empty())
        Out.push_back({Name.trim().str(), Platform.trim().str()});
    }
  return Out;
}

namespace {

/// The first version number in a configuration name ("Win8.1 Release" ->
/// {8, 1}); none: empty.
std::vector<unsigned> versionIn(StringRef Name) {
  std::vector<unsigned> V;
  size_t At = Name.find_first_of("0123456789");
  if (At == StringRef::npos)
    return V;
  for (StringRef Rest = Name.drop_front(At);;) {
    StringRef Digits = Rest.take_while(isDigit);
    unsigned N = 0;
    Digits.getAsInteger(10, N);
    V.push_back(N);
    Rest = Rest.drop_front(Digits.size());
    if (Rest.size() < 2 || Rest[0] != '.' || !isDigit(Rest[1]))
      return V;
    Rest = Rest.drop_front();
  }
}

/// Whether \p A looks newer than \p B; a name without a number is newest.
bool newer(StringRef A, StringRef B) {
  std::vector<unsigned> VA = versionIn(A), VB = versionIn(B);
  if (VA.empty() || VB.empty())
    return VA.empty() && !VB.empty();
  return VA > VB;
}

} // namespace

const ProjectConfiguration &defaultConfiguration(const std::vector<ProjectConfiguration> &Listed) {
  // ndisv analyses as a 64-bit target, so a 64-bit platform's macros and
  // layouts fit best: x64, then ARM64 (ARM-only projects), then the first.
  StringRef Platform = Listed.front().Platform;
  for (StringRef Wanted : {"ARM64", "x64"})
    for (const ProjectConfiguration &C : Listed)
      if (StringRef(C.Platform).equals_insensitive(Wanted)) {
        Platform = C.Platform;
        break;
      }
  const ProjectConfiguration *Best = nullptr;
  for (const ProjectConfiguration &C : Listed) {
    if (C.Platform != Platform)
      continue;
    if (!Best) {
      Best = &C;
      continue;
    }
    bool Release = StringRef(C.Name).contains_insensitive("release");
    bool BestRelease = StringRef(Best->Name).contains_insensitive("release");
    if ((Release && !BestRelease) || (Release == BestRelease && newer(C.Name, Best->Name) &&
                                      Release))
      Best = &C;
  }
  return *Best;
}

} // namespace msbuild
} // namespace ndisv

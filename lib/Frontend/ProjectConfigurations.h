//===- ProjectConfigurations.h - Which configuration of a project -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Private to lib/Frontend. A .vcxproj lists its configurations as
// ProjectConfiguration items ("Win10 Release|x64"); Visual Studio offers
// only those, and drivers often define their NDIS version macros only in
// them. These helpers read the list and pick the one to evaluate when the
// command line's is not in it.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_FRONTEND_PROJECTCONFIGURATIONS_H
#define NDISV_LIB_FRONTEND_PROJECTCONFIGURATIONS_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace ndisv {
namespace msbuild {

struct ProjectConfiguration {
  std::string Name, Platform;
};

/// The ProjectConfiguration items of the project file \p Path, in order
/// (none if it cannot be read: loading it reports that).
std::vector<ProjectConfiguration> listedConfigurations(llvm::StringRef Path);

/// What msbuild users build by default: a release configuration for x64.
/// The platform is x64 if listed, else the first listed; among its
/// configurations, those named "...Release" win, the newest-looking first
/// (the highest version number in the name: Win11 over Win10 over Win8.1; a
/// name without one, such as plain "Release", over all), then the first
/// listed. \p Listed must not be empty.
const ProjectConfiguration &defaultConfiguration(const std::vector<ProjectConfiguration> &Listed);

} // namespace msbuild
} // namespace ndisv

#endif

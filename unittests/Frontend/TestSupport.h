//===- TestSupport.h - Scratch directories for frontend tests -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// The frontend tests write their own small sources instead of using the
// bundled model headers, so they pin the frontend alone.
//===----------------------------------------------------------------------===//
#ifndef NDISV_UNITTESTS_FRONTEND_TESTSUPPORT_H
#define NDISV_UNITTESTS_FRONTEND_TESTSUPPORT_H

#include "ndisv/Frontend/Frontend.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <string>

namespace ndisv {
namespace test {

/// A unique temporary directory, removed with its contents at the end.
class ScratchDir {
public:
  ScratchDir() {
    llvm::SmallString<256> P;
    std::error_code EC = llvm::sys::fs::createUniqueDirectory("ndisv-fe", P);
    EXPECT_FALSE(EC) << EC.message();
    llvm::sys::fs::real_path(P, P); // /tmp may be a symlink
    Root = std::string(P.str());
  }
  ~ScratchDir() { llvm::sys::fs::remove_directories(Root); }

  std::string path(const llvm::Twine &Rel) const {
    llvm::SmallString<256> P(Root);
    llvm::sys::path::append(P, Rel);
    return std::string(P.str());
  }

  /// Writes \p Text to \p Rel (creating directories); returns the path.
  std::string write(const llvm::Twine &Rel, llvm::StringRef Text) const {
    std::string P = path(Rel);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC) << EC.message();
    OS << Text;
    return P;
  }

  std::string mkdir(const llvm::Twine &Rel) const {
    std::string P = path(Rel);
    llvm::sys::fs::create_directories(P);
    return P;
  }

  std::string Root;
};

} // namespace test
} // namespace ndisv

#endif

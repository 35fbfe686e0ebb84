//===- OutParams.h - Which arguments a bodiless function may write -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Private to lib/Frontend. LLVM 19's pointers are opaque, so once a TU is
// lowered the IR no longer says that `PVOID *Out` points to 8 bytes or that
// `const UNICODE_STRING *` is read only. This consumer reads the parameter
// types of the functions the TU declares without a body, while the AST is
// there, and the action attaches them to the declarations as
// !ndisv.outparams: per parameter, how many bytes a call may write through
// it (0: nothing; pointers to const, to void, to an incomplete type, and
// non-pointers). The engine havocs that much through each argument of a
// call it has neither a body nor a model for.
//===----------------------------------------------------------------------===//
#ifndef NDISV_LIB_FRONTEND_OUTPARAMS_H
#define NDISV_LIB_FRONTEND_OUTPARAMS_H

#include "clang/AST/ASTConsumer.h"
#include "llvm/ADT/StringMap.h"
#include <cstdint>
#include <memory>
#include <vector>

namespace llvm {
class Module;
} // namespace llvm

namespace ndisv {

struct OutParamState {
  /// IR name -> bytes writable through each parameter.
  llvm::StringMap<std::vector<uint64_t>> Sizes;
};

/// The AST consumer; it must run before code generation (see CompileTU.cpp).
std::unique_ptr<clang::ASTConsumer> createOutParamFinder(OutParamState &State);

/// Attaches !ndisv.outparams to the declarations of \p M that \p State knows
/// and that may write through at least one argument.
void attachOutParamMetadata(llvm::Module &M, const OutParamState &State);

} // namespace ndisv

#endif

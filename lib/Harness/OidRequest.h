//===- OidRequest.h - The NDIS_OID_REQUEST NDIS hands a miniport -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// NDIS builds every OID request it hands MiniportOidRequest: an object
// header of type NDIS_OBJECT_TYPE_OID_REQUEST, a request type (query, set,
// statistics, method), an OID, an information buffer of the stated length.
// The builder lays the request out by the driver's own debug information
// (the NDIS_OID_REQUEST its headers declare, whoever wrote them) and fills
// it from a table of documented field values (OidRequest.cpp): no offset is
// written down here.
//===----------------------------------------------------------------------===//
#ifndef NDISV_HARNESS_OIDREQUEST_H
#define NDISV_HARNESS_OIDREQUEST_H

#include "ndisv/Engine/Executor.h"
#include "llvm/ADT/StringMap.h"
#include <optional>

namespace llvm {
class DICompositeType;
class Module;
} // namespace llvm

namespace ndisv {

class OidRequestBuilder {
public:
  explicit OidRequestBuilder(const llvm::Module &M);
  /// False when the program declares no NDIS_OID_REQUEST (no debug
  /// information): requests are then objects of unknown contents.
  bool laidOut() const { return Laid; }
  /// The request kinds NDIS sends a miniport that differ in layout: query
  /// and set (and statistics) share DATA's layout, method requests do not.
  enum class Kind { QueryOrSet, Method };
  /// A request of kind K on S: the pointer to hand MiniportOidRequest.
  engine::SymValue build(engine::State &S, engine::Executor &X, Kind K) const;
  /// The request's RequestId field, as MiniportCancelOidRequest receives it.
  std::optional<engine::SymValue> requestId(engine::State &S, const engine::SymValue &Req) const;

private:
  struct Field {
    uint64_t Offset = 0; // bytes
    unsigned Size = 0;   // bytes
  };
  std::optional<Field> field(llvm::StringRef Path) const;
  bool Laid = false;
  llvm::StringMap<Field> Fields; // "DATA.QUERY_INFORMATION.Oid" -> where it is
};

} // namespace ndisv

#endif

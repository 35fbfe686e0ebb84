//===- OidRequest.cpp - The NDIS_OID_REQUEST NDIS hands a miniport ---------===//
// SPDX-License-Identifier: Apache-2.0
//===----------------------------------------------------------------------===//
#include "OidRequest.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/Module.h"

using namespace llvm;
using namespace ndisv;
using namespace ndisv::engine;

namespace {
/// What NDIS writes into one field of a request it builds (the
/// NDIS_OID_REQUEST reference page, and the object-header rules every NDIS
/// structure follows).
struct FieldValue {
  enum class Kind {
    Const,   // this number
    OneOf,   // an unknown among these numbers
    Fresh,   // an unknown number (an OID, a port, a length...)
    NonNeg,  // an unknown number from 0 up (a length)
    Object,  // a fresh non-NULL object (an id, a handle)
    Buffer,  // a fresh object whose length is the field named in Length
  };
  const char *Path;
  Kind K;
  std::vector<int64_t> Values = {};
  const char *Length = nullptr;
};
using K = FieldValue::Kind;

constexpr int64_t NdisObjectTypeOidRequest = 0x96;
constexpr int64_t NdisRequestQueryInformation = 0, NdisRequestSetInformation = 1,
                  NdisRequestQueryStatistics = 2, NdisRequestMethod = 12;

/// Every request, whatever its type.
const FieldValue Common[] = {
    {"Header.Type", K::Const, {NdisObjectTypeOidRequest}},
    {"PortNumber", K::Fresh},
    {"Timeout", K::Fresh},
    {"RequestId", K::Object},
    {"RequestHandle", K::Object},
};
/// Query, statistics and set requests: DATA.QUERY_INFORMATION and
/// DATA.SET_INFORMATION share their layout up to BytesWritten/BytesRead.
const FieldValue QueryOrSet[] = {
    {"RequestType", K::OneOf, {NdisRequestQueryInformation, NdisRequestSetInformation, NdisRequestQueryStatistics}},
    {"DATA.QUERY_INFORMATION.Oid", K::Fresh},
    {"DATA.QUERY_INFORMATION.InformationBufferLength", K::NonNeg},
    {"DATA.QUERY_INFORMATION.InformationBuffer", K::Buffer, {}, "DATA.QUERY_INFORMATION.InformationBufferLength"},
    {"DATA.QUERY_INFORMATION.BytesWritten", K::Const, {0}},
    {"DATA.QUERY_INFORMATION.BytesNeeded", K::Const, {0}},
};
/// Method requests: one buffer, read as input and written as output.
const FieldValue Method[] = {
    {"RequestType", K::Const, {NdisRequestMethod}},
    {"DATA.METHOD_INFORMATION.Oid", K::Fresh},
    {"DATA.METHOD_INFORMATION.MethodId", K::Fresh},
    {"DATA.METHOD_INFORMATION.InputBufferLength", K::NonNeg},
    {"DATA.METHOD_INFORMATION.OutputBufferLength", K::NonNeg},
    {"DATA.METHOD_INFORMATION.InformationBuffer", K::Buffer, {}, "DATA.METHOD_INFORMATION.OutputBufferLength"},
    {"DATA.METHOD_INFORMATION.BytesWritten", K::Const, {0}},
    {"DATA.METHOD_INFORMATION.BytesRead", K::Const, {0}},
    {"DATA.METHOD_INFORMATION.BytesNeeded", K::Const, {0}},
};
/// Header.Revision and Header.Size: the newest revision the driver's
/// structure has, sized through its last field (NDIS_SIZEOF_OID_REQUEST_REVISION_N).
const std::pair<int64_t, const char *> Revisions[] = {{2, "Flags"}, {1, "Reserved2"}};

const DIType *stripped(const DIType *T) {
  while (auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    unsigned Tag = D->getTag();
    if (Tag != dwarf::DW_TAG_typedef && Tag != dwarf::DW_TAG_const_type &&
        Tag != dwarf::DW_TAG_volatile_type && Tag != dwarf::DW_TAG_member)
      break;
    T = D->getBaseType();
  }
  return T;
}
} // namespace

template <class Map> static void flatten(const DICompositeType *C, uint64_t Base, std::string Prefix, Map &Out) {
  for (const DINode *N : C->getElements()) {
    auto *M = dyn_cast<DIDerivedType>(N);
    if (!M || M->getTag() != dwarf::DW_TAG_member || M->isStaticMember())
      continue;
    uint64_t Off = Base + M->getOffsetInBits() / 8;
    std::string Name = M->getName().empty() ? Prefix : Prefix + M->getName().str();
    if (auto *Sub = dyn_cast_or_null<DICompositeType>(stripped(M->getBaseType()));
        Sub && (Sub->getTag() == dwarf::DW_TAG_structure_type || Sub->getTag() == dwarf::DW_TAG_union_type)) {
      flatten(Sub, Off, M->getName().empty() ? Prefix : Name + ".", Out);
      continue;
    }
    Out[Name] = {Off, (unsigned)(M->getSizeInBits() / 8)};
  }
}

OidRequestBuilder::OidRequestBuilder(const Module &M) {
  DebugInfoFinder Finder;
  Finder.processModule(M);
  for (const DIType *T : Finder.types()) {
    auto *C = dyn_cast<DICompositeType>(T);
    if (!C || C->getTag() != dwarf::DW_TAG_structure_type || C->getName() != "_NDIS_OID_REQUEST" ||
        C->isForwardDecl() || C->getElements().empty())
      continue;
    flatten(C, 0, "", Fields);
    break;
  }
  Laid = field("Header.Type") && field("RequestType") && field("DATA.QUERY_INFORMATION.Oid");
}

std::optional<OidRequestBuilder::Field> OidRequestBuilder::field(StringRef Path) const {
  auto It = Fields.find(Path);
  if (It == Fields.end() || It->second.Size == 0 || It->second.Size > 8)
    return std::nullopt;
  return It->second;
}

SymValue OidRequestBuilder::build(State &S, Executor &X, Kind Which) const {
  SymValue Req = X.freshObject(S, "OidRequest");
  if (!Laid)
    return Req; // contents unknown, as any object the environment hands over
  ObjId O = Req.object();
  auto store = [&](const Field &F, SymValue V) {
    S.mutableObject(O).Cells[F.Offset] = {V, F.Size};
  };
  auto fresh = [&](const Field &F, StringRef Name) {
    return SymValue::symbol(S.newSym(F.Size * 8, Name), F.Size * 8);
  };
  // Lengths first: a buffer's length field is written before the buffer.
  StringMap<SymValue> Written;
  auto fill = [&](const FieldValue &FV) {
    std::optional<Field> F = field(FV.Path);
    if (!F)
      return; // a field this revision of the structure lacks
    StringRef Name = StringRef(FV.Path).rsplit('.').second;
    if (Name.empty())
      Name = FV.Path;
    SymValue V;
    switch (FV.K) {
    case K::Const:
      V = SymValue::integer((uint64_t)FV.Values[0], F->Size * 8);
      break;
    case K::OneOf: {
      V = fresh(*F, Name);
      SymInfo &I = S.mutableInfo(V.sym());
      I.Lo = *llvm::min_element(FV.Values);
      I.Hi = *llvm::max_element(FV.Values);
      for (int64_t E = I.Lo + 1; E < I.Hi; ++E)
        if (!llvm::is_contained(FV.Values, E))
          I.Excluded.push_back(E);
      break;
    }
    case K::Fresh:
    case K::NonNeg:
      V = fresh(*F, Name);
      if (FV.K == K::NonNeg)
        S.mutableInfo(V.sym()).Lo = 0;
      break;
    case K::Object:
      V = X.freshObject(S, Name);
      break;
    case K::Buffer: {
      V = X.freshObject(S, Name);
      auto Len = Written.find(FV.Length);
      if (Len != Written.end()) // the buffer is as long as its length says
        S.mutableObject(V.object()).SizeValue = Len->second;
      break;
    }
    }
    Written[FV.Path] = V;
    store(*F, V);
  };
  for (const FieldValue &FV : Common)
    fill(FV);
  for (const FieldValue &FV : Which == Kind::Method ? ArrayRef<FieldValue>(Method) : ArrayRef<FieldValue>(QueryOrSet))
    fill(FV);
  for (auto &[Rev, Through] : Revisions)
    if (std::optional<Field> T = field(Through)) {
      std::optional<Field> R = field("Header.Revision"), Sz = field("Header.Size");
      if (R)
        store(*R, SymValue::integer((uint64_t)Rev, R->Size * 8));
      if (Sz)
        store(*Sz, SymValue::integer(T->Offset + T->Size, Sz->Size * 8));
      break;
    }
  return Req;
}

std::optional<SymValue> OidRequestBuilder::requestId(State &S, const SymValue &Req) const {
  std::optional<Field> F = field("RequestId");
  if (!F)
    return std::nullopt;
  return S.readAt(Req, (int64_t)F->Offset, F->Size);
}

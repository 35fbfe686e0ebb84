//===- guiddef.h - ndisv model of the GUID definitions --------------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv from the documented GUID structure and DEFINE_GUID macro;
// not the WDK header. ntdef.h includes it. DEFINE_GUID declares the GUID, or
// defines it where <initguid.h> (INITGUID) came first; like the WDK's header,
// that part is re-read on every include, so initguid.h can switch it.
#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    unsigned long Data1;
    unsigned short Data2;
    unsigned short Data3;
    unsigned char Data4[8];
} GUID;
#endif

#ifndef NDISV_GUIDDEF_TYPES
#define NDISV_GUIDDEF_TYPES
typedef GUID *PGUID;
typedef GUID *LPGUID;
typedef const GUID *LPCGUID;
typedef const GUID *PCGUID;
typedef GUID IID;
typedef IID *LPIID;
typedef GUID CLSID;
typedef CLSID *LPCLSID;
#ifdef __cplusplus
#define REFGUID const GUID &
#define REFIID const IID &
#define REFCLSID const IID &
#else
#define REFGUID const GUID *
#define REFIID const IID *
#define REFCLSID const IID *
#endif

#ifdef __cplusplus
#define InlineIsEqualGUID(rguid1, rguid2)                                                       \
    (((const unsigned long *)&(rguid1))[0] == ((const unsigned long *)&(rguid2))[0] &&          \
     ((const unsigned long *)&(rguid1))[1] == ((const unsigned long *)&(rguid2))[1] &&          \
     ((const unsigned long *)&(rguid1))[2] == ((const unsigned long *)&(rguid2))[2] &&          \
     ((const unsigned long *)&(rguid1))[3] == ((const unsigned long *)&(rguid2))[3])
#define IsEqualGUID(rguid1, rguid2) (!__builtin_memcmp(&(rguid1), &(rguid2), sizeof(GUID)))
#else
#define InlineIsEqualGUID(rguid1, rguid2)                                                       \
    (((const unsigned long *)(rguid1))[0] == ((const unsigned long *)(rguid2))[0] &&            \
     ((const unsigned long *)(rguid1))[1] == ((const unsigned long *)(rguid2))[1] &&            \
     ((const unsigned long *)(rguid1))[2] == ((const unsigned long *)(rguid2))[2] &&            \
     ((const unsigned long *)(rguid1))[3] == ((const unsigned long *)(rguid2))[3])
#define IsEqualGUID(rguid1, rguid2) (!__builtin_memcmp((rguid1), (rguid2), sizeof(GUID)))
#endif
#define IsEqualIID(riid1, riid2) IsEqualGUID(riid1, riid2)
#endif

#undef DEFINE_GUID
#ifdef __cplusplus
#define NDISV_GUID_EXTERN extern "C"
#else
#define NDISV_GUID_EXTERN extern
#endif
#ifdef INITGUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    NDISV_GUID_EXTERN const GUID __declspec(selectany) name = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
#else
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) NDISV_GUID_EXTERN const GUID name
#endif

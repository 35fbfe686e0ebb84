// The WDK headers' include guards (tests/model/wdk-guards.test): drivers
// test them to know a header is in, e.g. to define their own base types only
// when ntdef.h's are absent:
//     #ifndef _NTDEF_
//     #define UINT8 uint8_t
//     #endif
// Each model header that stands for a WDK header defines its guard.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>
#include <ntifs.h>
#include <ntstrsafe.h>
#include <ntintsafe.h>

#if !defined(_NTDEF_) || !defined(_WDMDDK_) || !defined(_NTDDK_) || !defined(_NTIFS_)
#error a kernel header's include guard is missing
#endif
#if !defined(_NDIS_) || !defined(_NTDDNDIS_)
#error an NDIS header's include guard is missing
#endif
#if !defined(_NTSTRSAFE_H_INCLUDED_) || !defined(_NTINTSAFE_H_INCLUDED_)
#error a safe-routine header's include guard is missing
#endif

// What such a driver then leaves alone: ntdef.h's own types.
#ifndef _NTDEF_
#define UINT8 uint8_t
#endif
static UINT8 Byte;

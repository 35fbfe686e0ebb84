//===- kernel/lookaside.h - ndisv model: LOOKASIDE_LIST_EX ---------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Part of the model's wdm.h (which includes it), from the DDI reference's
// ExInitializeLookasideListEx family pages (Windows Vista on); not the WDK
// header. The reference calls LOOKASIDE_LIST_EX opaque: it is reserved
// pointer-sized words here (96 bytes, the x64 size of the WDK's), cache
// aligned where a driver writes LOOKASIDE_ALIGN. The two flag values are
// those of Microsoft's Windows API metadata (windows-sys
// Wdk::System::SystemServices).
#pragma once

NDISV_BEGIN_DECLS

#define SYSTEM_CACHE_ALIGNMENT_SIZE 64
#define LOOKASIDE_ALIGN DECLSPEC_CACHEALIGN

typedef struct _LOOKASIDE_LIST_EX {
    ULONG_PTR Reserved[12]; // opaque
} LOOKASIDE_LIST_EX, *PLOOKASIDE_LIST_EX;

typedef PVOID ALLOCATE_FUNCTION_EX(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
                                   PLOOKASIDE_LIST_EX Lookaside);
typedef ALLOCATE_FUNCTION_EX *PALLOCATE_FUNCTION_EX;
typedef VOID FREE_FUNCTION_EX(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside);
typedef FREE_FUNCTION_EX *PFREE_FUNCTION_EX;

#define EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL 0x00000001
#define EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE 0x00000002

NTSTATUS ExInitializeLookasideListEx(PLOOKASIDE_LIST_EX Lookaside, PALLOCATE_FUNCTION_EX Allocate,
                                     PFREE_FUNCTION_EX Free, POOL_TYPE PoolType, ULONG Flags,
                                     SIZE_T Size, ULONG Tag, USHORT Depth);
VOID ExDeleteLookasideListEx(PLOOKASIDE_LIST_EX Lookaside);
PVOID ExAllocateFromLookasideListEx(PLOOKASIDE_LIST_EX Lookaside);
VOID ExFreeToLookasideListEx(PLOOKASIDE_LIST_EX Lookaside, PVOID Entry);
VOID ExFlushLookasideListEx(PLOOKASIDE_LIST_EX Lookaside);

NDISV_END_DECLS

//===- kernel/memory.h - ndisv model: MDL page allocation flags ----------===//
// SPDX-License-Identifier: Apache-2.0
//
// Part of the model's wdm.h (which includes it): the MM_ALLOCATE_* and
// MM_DONT_ZERO_ALLOCATION flags of MmAllocatePagesForMdlEx and
// MmAllocateNodePagesForMdlEx, with the values the reference's
// MmAllocatePagesForMdlEx page gives; ProbeForRead and ProbeForWrite, which
// check a user-mode buffer (the reference's prototypes take a PVOID; the
// pointee is volatile, and const for reading, so that any buffer pointer
// converts); not the WDK header.
#pragma once

#define MM_DONT_ZERO_ALLOCATION 0x00000001
#define MM_ALLOCATE_FROM_LOCAL_NODE_ONLY 0x00000002
#define MM_ALLOCATE_FULLY_REQUIRED 0x00000004
#define MM_ALLOCATE_NO_WAIT 0x00000008
#define MM_ALLOCATE_PREFER_CONTIGUOUS 0x00000010
#define MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS 0x00000020
#define MM_ALLOCATE_FAST_LARGE_PAGES 0x00000040
#define MM_ALLOCATE_AND_HOT_REMOVE 0x00000100

NDISV_BEGIN_DECLS
VOID ProbeForRead(const volatile VOID *Address, SIZE_T Length, ULONG Alignment);
VOID ProbeForWrite(volatile VOID *Address, SIZE_T Length, ULONG Alignment);
NDISV_END_DECLS

//===- kernel/removelock.h - ndisv model: remove locks and thread priorities ===//
// SPDX-License-Identifier: Apache-2.0
//
// Part of the model's wdm.h (which includes it), written for ndisv from the
// DDI reference's pages; not the WDK header.
//
// Remove locks: the reference documents IoInitializeRemoveLock,
// IoAcquireRemoveLock, IoReleaseRemoveLock and IoReleaseRemoveLockAndWait as
// macros (wdm.h, Windows 2000 on). They expand, as in the WDK, to the
// kernel's exported Ex routines, which take the lock's size so that the
// checked and free layouts can be told apart. The reference calls
// IO_REMOVE_LOCK a caller-allocated structure (part of the device extension)
// and gives no members: it is opaque here, 32 bytes (a flag word, a count and
// a KEVENT: the free build's size on x64).
//
// Thread priorities: the reference names LOW_PRIORITY, LOW_REALTIME_PRIORITY
// and HIGH_PRIORITY (KeSetPriorityThread, ZwSetInformationThread) without
// values; these are Microsoft's API metadata's (Wdk::System::SystemServices).
#pragma once

NDISV_BEGIN_DECLS

// ---- remove locks -----------------------------------------------------------
typedef struct _IO_REMOVE_LOCK {
    ULONG_PTR Reserved[4]; // opaque
} IO_REMOVE_LOCK, *PIO_REMOVE_LOCK;

VOID IoInitializeRemoveLockEx(PIO_REMOVE_LOCK Lock, ULONG AllocateTag, ULONG MaxLockedMinutes,
                              ULONG HighWatermark, ULONG RemlockSize);
NTSTATUS IoAcquireRemoveLockEx(PIO_REMOVE_LOCK RemoveLock, PVOID Tag, PCSTR File, ULONG Line,
                               ULONG RemlockSize);
VOID IoReleaseRemoveLockEx(PIO_REMOVE_LOCK RemoveLock, PVOID Tag, ULONG RemlockSize);
VOID IoReleaseRemoveLockAndWaitEx(PIO_REMOVE_LOCK RemoveLock, PVOID Tag, ULONG RemlockSize);

#define IoInitializeRemoveLock(Lock, Tag, Maxmin, HighWater)                                       \
    IoInitializeRemoveLockEx(Lock, Tag, Maxmin, HighWater, sizeof(IO_REMOVE_LOCK))
#define IoAcquireRemoveLock(RemoveLock, Tag)                                                       \
    IoAcquireRemoveLockEx(RemoveLock, Tag, __FILE__, __LINE__, sizeof(IO_REMOVE_LOCK))
#define IoReleaseRemoveLock(RemoveLock, Tag)                                                       \
    IoReleaseRemoveLockEx(RemoveLock, Tag, sizeof(IO_REMOVE_LOCK))
#define IoReleaseRemoveLockAndWait(RemoveLock, Tag)                                                \
    IoReleaseRemoveLockAndWaitEx(RemoveLock, Tag, sizeof(IO_REMOVE_LOCK))

// ---- thread priorities (KPRIORITY) -------------------------------------------
#define LOW_PRIORITY 0
#define LOW_REALTIME_PRIORITY 16
#define HIGH_PRIORITY 31
#define MAXIMUM_PRIORITY 32

NDISV_END_DECLS

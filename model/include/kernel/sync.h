//===- kernel/sync.h - ndisv model: rundown protection and push locks ----===//
// SPDX-License-Identifier: Apache-2.0
//
// Part of the model's wdm.h (which includes it): the run-down protection
// routines (wdm.h, Windows XP on; the cache-aware ones Windows Server 2003
// on) and the push-lock routines (wdm.h, Windows 10 1809 on), written for
// ndisv from the DDI reference's pages; not the WDK header.
//
// The reference calls EX_RUNDOWN_REF and EX_PUSH_LOCK opaque: drivers only
// embed them and pass their address. It gives no members; a push lock is
// pointer-aligned ("8-byte aligned on 64-bit platforms"). Both are declared
// here as one pointer-sized reserved word; EX_RUNDOWN_REF_CACHE_AWARE is
// allocated by the system and stays incomplete.
#pragma once

NDISV_BEGIN_DECLS

// ---- run-down protection ----------------------------------------------------
typedef struct _EX_RUNDOWN_REF {
    ULONG_PTR Reserved; // opaque
} EX_RUNDOWN_REF, *PEX_RUNDOWN_REF;
typedef struct _EX_RUNDOWN_REF_CACHE_AWARE EX_RUNDOWN_REF_CACHE_AWARE,
    *PEX_RUNDOWN_REF_CACHE_AWARE;

VOID ExInitializeRundownProtection(PEX_RUNDOWN_REF RunRef);
VOID ExReInitializeRundownProtection(PEX_RUNDOWN_REF RunRef);
BOOLEAN ExAcquireRundownProtection(PEX_RUNDOWN_REF RunRef);
BOOLEAN ExAcquireRundownProtectionEx(PEX_RUNDOWN_REF RunRef, ULONG Count);
VOID ExReleaseRundownProtection(PEX_RUNDOWN_REF RunRef);
VOID ExReleaseRundownProtectionEx(PEX_RUNDOWN_REF RunRef, ULONG Count);
VOID ExRundownCompleted(PEX_RUNDOWN_REF RunRef);
VOID ExWaitForRundownProtectionRelease(PEX_RUNDOWN_REF RunRef);

PEX_RUNDOWN_REF_CACHE_AWARE ExAllocateCacheAwareRundownProtection(POOL_TYPE PoolType,
                                                                  ULONG PoolTag);
SIZE_T ExSizeOfRundownProtectionCacheAware(VOID);
VOID ExInitializeRundownProtectionCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware,
                                             SIZE_T RunRefSize);
VOID ExFreeCacheAwareRundownProtection(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware);
BOOLEAN ExAcquireRundownProtectionCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware);
BOOLEAN ExAcquireRundownProtectionCacheAwareEx(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware,
                                               ULONG Count);
VOID ExReleaseRundownProtectionCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware);
VOID ExReleaseRundownProtectionCacheAwareEx(PEX_RUNDOWN_REF_CACHE_AWARE RunRef, ULONG Count);
VOID ExReInitializeRundownProtectionCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware);
VOID ExRundownCompletedCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRefCacheAware);
VOID ExWaitForRundownProtectionReleaseCacheAware(PEX_RUNDOWN_REF_CACHE_AWARE RunRef);

// ---- push locks -------------------------------------------------------------
typedef struct _EX_PUSH_LOCK {
    ULONG_PTR Reserved; // opaque
} EX_PUSH_LOCK, *PEX_PUSH_LOCK;

VOID ExInitializePushLock(PEX_PUSH_LOCK PushLock);
VOID ExAcquirePushLockExclusive(PEX_PUSH_LOCK Lock);
VOID ExAcquirePushLockShared(PEX_PUSH_LOCK Lock);
VOID ExReleasePushLockExclusive(PEX_PUSH_LOCK Lock);
VOID ExReleasePushLockShared(PEX_PUSH_LOCK Lock);

NDISV_END_DECLS

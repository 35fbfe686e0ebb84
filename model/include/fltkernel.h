//===- fltkernel.h - ndisv model of the filter manager kernel header -----===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv from the DDI reference's fltkernel pages; not the WDK
// header. It includes ntifs.h, as the WDK's does, and declares the filter
// manager's push-lock routines (Windows XP SP2 on), which network drivers
// use as well as file system minifilters.
//
// Not in the model yet: the rest of the reference's fltkernel.h, the
// minifilter registration, callback data, instance, volume and
// communication-port routines and structures (about 290 pages). A driver
// that uses them fails naming the first one; --wdk-include takes the
// WDK's headers instead.
#pragma once

#include <ntifs.h>

NDISV_BEGIN_DECLS

VOID FltInitializePushLock(PEX_PUSH_LOCK PushLock);
VOID FltDeletePushLock(PEX_PUSH_LOCK PushLock);
VOID FltAcquirePushLockExclusive(PEX_PUSH_LOCK PushLock);
VOID FltAcquirePushLockExclusiveEx(PEX_PUSH_LOCK PushLock, ULONG Flags);
VOID FltAcquirePushLockShared(PEX_PUSH_LOCK PushLock);
VOID FltAcquirePushLockSharedEx(PEX_PUSH_LOCK PushLock, ULONG Flags);
VOID FltReleasePushLock(PEX_PUSH_LOCK PushLock);
VOID FltReleasePushLockEx(PEX_PUSH_LOCK PushLock, ULONG Flags);

NDISV_END_DECLS

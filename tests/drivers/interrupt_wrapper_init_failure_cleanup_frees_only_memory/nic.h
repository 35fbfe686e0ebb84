// Shared header of the "Quill" miniport. RegisterAdapterInterrupt() (interrupt.c) wraps NdisMRegisterInterruptEx;
// when NdisMSetMiniportAttributes for the general attributes fails afterwards, init (init.c) only frees the context
// memory, so the registered interrupt leaks on that init failure. Halt deregisters correctly.
#pragma once

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define QUILL_TAG 'liuQ'
#define QUILL_MTU 1500

typedef struct _QUILL_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    ULONG       PacketFilter;
    ULONG       LookAhead;
    ULONG64     LinkSpeed;
} QUILL_ADAPTER, *PQUILL_ADAPTER;

MINIPORT_INITIALIZE QuillInitializeEx;
MINIPORT_HALT QuillHaltEx;
MINIPORT_OID_REQUEST QuillOidRequest;
MINIPORT_PAUSE QuillPause;
MINIPORT_RESTART QuillRestart;
MINIPORT_UNLOAD QuillUnload;

NDIS_STATUS RegisterAdapterInterrupt(PQUILL_ADAPTER Adapter);
VOID DeregisterAdapterInterrupt(PQUILL_ADAPTER Adapter);

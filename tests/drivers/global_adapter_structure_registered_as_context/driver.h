// Shared header of the single-instance "Wren" miniport. The adapter state lives in the global g_Adapter
// (globals.c), not in a heap context; init registers &g_Adapter as the MiniportAdapterContext and halt works on the
// context parameter. Interrupt and work item are released on every failure path and in halt: clean.
#pragma once

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define WREN_TAG 'nerW'
#define WREN_RX_RING_BYTES 4096

typedef struct _WREN_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE LinkWorkItem;
    PUCHAR      RxRing;           // NdisAllocateMemoryWithTagPriority
    ULONG       LinkState;
} WREN_ADAPTER, *PWREN_ADAPTER;

extern WREN_ADAPTER g_Adapter;
extern NDIS_HANDLE g_WrenDriverHandle;

MINIPORT_INITIALIZE WrenInitializeEx;
MINIPORT_HALT WrenHaltEx;
MINIPORT_UNLOAD WrenUnload;
MINIPORT_ISR WrenIsr;
MINIPORT_INTERRUPT_DPC WrenDpc;
MINIPORT_DISABLE_INTERRUPT WrenDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT WrenEnableInterrupt;

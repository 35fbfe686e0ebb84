// virtnic: a small virtual NIC miniport, bundled as ndisv's example driver.
// It carries the bug ndisv was founded on: when the last
// NdisMSetMiniportAttributes call fails, MiniportInitializeEx returns without
// deregistering the interrupt it registered earlier.
#pragma once
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define VIRTNIC_TAG 'nTrV'
#define VIRTNIC_QUEUES 2

typedef struct _VIRTNIC_ADAPTER {
  NDIS_HANDLE MiniportHandle;
  NDIS_HANDLE InterruptHandle;
  NDIS_HANDLE RxWorkItem[VIRTNIC_QUEUES];
  NDIS_HANDLE NblPool;
  ULONG Flags;
} VIRTNIC_ADAPTER, *PVIRTNIC_ADAPTER;

MINIPORT_INITIALIZE VirtnicInitializeEx;
MINIPORT_HALT VirtnicHaltEx;

NDIS_STATUS VirtnicRegisterInterrupt(PVIRTNIC_ADAPTER Adapter);
NDIS_STATUS VirtnicAllocateQueues(PVIRTNIC_ADAPTER Adapter);
VOID VirtnicFreeQueues(PVIRTNIC_ADAPTER Adapter);
NDIS_STATUS VirtnicSetGeneralAttributes(PVIRTNIC_ADAPTER Adapter);

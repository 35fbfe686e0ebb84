// driver.h - shared declarations of the Dnr multi-file miniport (see adapter.c for what this test shows).
#pragma once

#define NDIS_MINIPORT_DRIVER 1
#define NDIS660_MINIPORT 1
#include <ndis.h>

#define DNR_TAG          'rnDn'
#define DNR_NUM_QUEUES   4
#define DNR_RING_BYTES   4096
#define DNR_QUEUE_BYTES  2048
#define DNR_CSR_BYTES    0x1000
#define DNR_IO_PORT_BASE 0xE000
#define DNR_IO_PORTS     0x40

struct _DNR_ADAPTER;

typedef struct _DNR_QUEUE {
    struct _DNR_ADAPTER *Adapter;
    ULONG                Index;
    PUCHAR               Buffer;
} DNR_QUEUE, *PDNR_QUEUE;

typedef struct _DNR_ADAPTER {
    NDIS_HANDLE           MiniportHandle;
    NDIS_SPIN_LOCK        SendLock;
    BOOLEAN               SendLockAllocated;
    PVOID                 CsrBase;           // NdisMMapIoSpace
    PVOID                 PortOffset;        // NdisMRegisterIoPortRange
    NDIS_HANDLE           DmaChannel;        // NdisMRegisterDmaChannel
    PVOID                 RingVa;            // NdisMAllocateSharedMemory
    NDIS_PHYSICAL_ADDRESS RingPa;
    PUCHAR                ScratchBuffer;     // NdisAllocateMemoryWithTagPriority, kept in a local first
    DNR_QUEUE             Queue[DNR_NUM_QUEUES];
    NDIS_PHYSICAL_ADDRESS CsrPhysical;
    UCHAR                 MacAddress[6];
    BOOLEAN               Paused;
} DNR_ADAPTER, *PDNR_ADAPTER;

extern NDIS_HANDLE DnrDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE DnrInitializeEx;
MINIPORT_HALT DnrHaltEx;
MINIPORT_UNLOAD DnrUnload;
MINIPORT_PAUSE DnrPause;
MINIPORT_RESTART DnrRestart;
MINIPORT_OID_REQUEST DnrOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS DnrSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS DnrReturnNetBufferLists;
MINIPORT_CANCEL_SEND DnrCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY DnrDevicePnPEventNotify;
MINIPORT_SHUTDOWN DnrShutdownEx;
MINIPORT_CANCEL_OID_REQUEST DnrCancelOidRequest;

// driver.c
NDIS_STATUS DnrSetRegistrationAttributes(PDNR_ADAPTER Adapter);
NDIS_STATUS DnrSetGeneralAttributes(PDNR_ADAPTER Adapter);

// resources.c
NDIS_STATUS DnrAcquireHardware(PDNR_ADAPTER Adapter);
NDIS_STATUS DnrAllocateQueues(PDNR_ADAPTER Adapter);
VOID DnrReleaseResources(PDNR_ADAPTER Adapter);

// driver.h - shared declarations of the Pqw multi-file miniport (see adapter.c for what this test shows).
#pragma once

#define NDIS_MINIPORT_DRIVER 1
#define NDIS680_MINIPORT 1
#include <ndis.h>

#define PQW_TAG     'wqPn'
#define NUM_QUEUES  4

struct _PQW_ADAPTER;

typedef struct _PQW_RX_QUEUE {
    struct _PQW_ADAPTER *Adapter;
    ULONG                Index;
    NDIS_HANDLE          RefillWorkItem;
    ULONG                RefillRuns;
} PQW_RX_QUEUE, *PPQW_RX_QUEUE;

typedef struct _PQW_ADAPTER {
    NDIS_HANDLE  MiniportHandle;
    NDIS_HANDLE  InterruptHandle;
    PQW_RX_QUEUE Queues[NUM_QUEUES];
    UCHAR        MacAddress[6];
    BOOLEAN      Paused;
} PQW_ADAPTER, *PPQW_ADAPTER;

extern NDIS_HANDLE PqwDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE PqwInitializeEx;
MINIPORT_HALT PqwHaltEx;
MINIPORT_UNLOAD PqwUnload;
MINIPORT_PAUSE PqwPause;
MINIPORT_RESTART PqwRestart;
MINIPORT_OID_REQUEST PqwOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS PqwSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS PqwReturnNetBufferLists;
MINIPORT_CANCEL_SEND PqwCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY PqwDevicePnPEventNotify;
MINIPORT_SHUTDOWN PqwShutdownEx;
MINIPORT_CANCEL_OID_REQUEST PqwCancelOidRequest;
MINIPORT_ISR PqwIsr;
MINIPORT_INTERRUPT_DPC PqwInterruptDpc;
MINIPORT_ENABLE_INTERRUPT PqwEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT PqwDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION PqwRefillWorkItem;

// driver.c
NDIS_STATUS PqwSetRegistrationAttributes(PPQW_ADAPTER Adapter);
NDIS_STATUS PqwSetGeneralAttributes(PPQW_ADAPTER Adapter);

// queues.c
NDIS_STATUS PqwAllocateQueueWorkItems(PPQW_ADAPTER Adapter);
VOID PqwFreeQueueWorkItems(PPQW_ADAPTER Adapter);

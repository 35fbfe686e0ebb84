// driver.h - shared declarations of the Gcc multi-file miniport (see adapter.c for what this test shows).
#pragma once

#define NDIS_MINIPORT_DRIVER 1
#define NDIS660_MINIPORT 1
#include <ndis.h>

#define GCC_TAG             'ccGn'
#define GCC_TX_BUFFER_SIZE  (64 * 1024)
#define GCC_RX_BUFFER_SIZE  (128 * 1024)
#define GCC_MAX_FRAME       1514

typedef struct _GCC_ADAPTER {
    NDIS_HANDLE      MiniportHandle;
    NDIS_SPIN_LOCK   SendLock;
    PNDIS_RW_LOCK_EX FilterLock;
    PUCHAR           TxBuffer;
    PUCHAR           RxBuffer;
    NDIS_HANDLE      NblPool;
    NDIS_HANDLE      NbPool;
    NDIS_HANDLE      WatchdogTimer;
    NDIS_HANDLE      DmaHandle;
    NDIS_HANDLE      ResetWorkItem;
    NDIS_HANDLE      LinkWorkItem;
    NDIS_HANDLE      InterruptHandle;
    ULONG            ReceiveBuffers;
    UCHAR            MacAddress[6];
    BOOLEAN          Paused;
    ULONG            DeferredRuns;
} GCC_ADAPTER, *PGCC_ADAPTER;

extern NDIS_HANDLE GccDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE GccInitializeEx;
MINIPORT_HALT GccHaltEx;
MINIPORT_UNLOAD GccUnload;
MINIPORT_PAUSE GccPause;
MINIPORT_RESTART GccRestart;
MINIPORT_OID_REQUEST GccOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS GccSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS GccReturnNetBufferLists;
MINIPORT_CANCEL_SEND GccCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY GccDevicePnPEventNotify;
MINIPORT_SHUTDOWN GccShutdownEx;
MINIPORT_CANCEL_OID_REQUEST GccCancelOidRequest;
MINIPORT_ISR GccIsr;
MINIPORT_INTERRUPT_DPC GccInterruptDpc;
MINIPORT_ENABLE_INTERRUPT GccEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT GccDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION GccWorkItemRoutine;
NDIS_TIMER_FUNCTION GccWatchdogTimer;
MINIPORT_PROCESS_SG_LIST GccProcessSGList;

// driver.c
NDIS_STATUS GccSetRegistrationAttributes(PGCC_ADAPTER Adapter);
NDIS_STATUS GccSetGeneralAttributes(PGCC_ADAPTER Adapter);

// resources.c
NDIS_STATUS GccReadConfiguration(PGCC_ADAPTER Adapter);
NDIS_STATUS GccCreatePools(PGCC_ADAPTER Adapter, BOOLEAN NetBufferPool);
NDIS_STATUS GccCreateWatchdogTimer(PGCC_ADAPTER Adapter);
NDIS_STATUS GccRegisterDma(PGCC_ADAPTER Adapter);
NDIS_STATUS GccRegisterInterrupt(PGCC_ADAPTER Adapter);

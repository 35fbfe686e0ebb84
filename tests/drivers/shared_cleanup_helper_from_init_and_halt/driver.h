// driver.h - shared declarations of the Sch multi-file miniport (see adapter.c for what this test shows).
#pragma once

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define SCH_TAG            'hcSn'
#define SCH_RX_RING_BYTES  (32 * 1024)

typedef struct _SCH_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE StatusWorkItem;
    NDIS_HANDLE RxNblPool;
    PUCHAR      RxRing;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    ULONG       DeferredRuns;
} SCH_ADAPTER, *PSCH_ADAPTER;

extern NDIS_HANDLE SchDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE SchInitializeEx;
MINIPORT_HALT SchHaltEx;
MINIPORT_UNLOAD SchUnload;
MINIPORT_PAUSE SchPause;
MINIPORT_RESTART SchRestart;
MINIPORT_OID_REQUEST SchOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS SchSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS SchReturnNetBufferLists;
MINIPORT_CANCEL_SEND SchCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY SchDevicePnPEventNotify;
MINIPORT_SHUTDOWN SchShutdownEx;
MINIPORT_CANCEL_OID_REQUEST SchCancelOidRequest;
MINIPORT_ISR SchIsr;
MINIPORT_INTERRUPT_DPC SchInterruptDpc;
MINIPORT_ENABLE_INTERRUPT SchEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT SchDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION SchWorkItemRoutine;

// driver.c
NDIS_STATUS SchSetRegistrationAttributes(PSCH_ADAPTER Adapter);
NDIS_STATUS SchSetGeneralAttributes(PSCH_ADAPTER Adapter);

// resources.c
NDIS_STATUS AllocateReceiveResources(PSCH_ADAPTER Adapter);
NDIS_STATUS ConnectInterrupt(PSCH_ADAPTER Adapter);
VOID FreeAdapterResources(PSCH_ADAPTER Adapter);

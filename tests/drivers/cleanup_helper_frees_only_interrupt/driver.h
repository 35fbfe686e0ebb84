// driver.h - shared declarations of the Chf multi-file miniport (see adapter.c for what this test shows).
#pragma once

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define CHF_TAG 'fhCn'

typedef struct _CHF_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE DeferredWorkItem;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    ULONG       DeferredRuns;
} CHF_ADAPTER, *PCHF_ADAPTER;

extern NDIS_HANDLE ChfDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE ChfInitializeEx;
MINIPORT_HALT ChfHaltEx;
MINIPORT_UNLOAD ChfUnload;
MINIPORT_PAUSE ChfPause;
MINIPORT_RESTART ChfRestart;
MINIPORT_OID_REQUEST ChfOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS ChfSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS ChfReturnNetBufferLists;
MINIPORT_CANCEL_SEND ChfCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY ChfDevicePnPEventNotify;
MINIPORT_SHUTDOWN ChfShutdownEx;
MINIPORT_CANCEL_OID_REQUEST ChfCancelOidRequest;
MINIPORT_ISR ChfIsr;
MINIPORT_INTERRUPT_DPC ChfInterruptDpc;
MINIPORT_ENABLE_INTERRUPT ChfEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT ChfDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION ChfWorkItemRoutine;

// driver.c
NDIS_STATUS ChfSetRegistrationAttributes(PCHF_ADAPTER Adapter);
NDIS_STATUS ChfSetGeneralAttributes(PCHF_ADAPTER Adapter);

// hw.c
NDIS_STATUS HwConnectInterrupt(PCHF_ADAPTER Adapter);
NDIS_STATUS HwAllocateDeferredWork(PCHF_ADAPTER Adapter);
VOID HwReleaseResources(PCHF_ADAPTER Adapter);

// RUN: %ndisv check --verify %s
// Shows: init allocates two shared-memory rings. A failure of the receive ring is logged with
// NdisWriteErrorLogEntry (in a helper) before init fails; a failure of the transmit ring returns
// NDIS_STATUS_RESOURCES without an error log entry: one defect, on that return.
// expected-verdict {{WriteErrorLog: defect}}
// The driver allocates shared memory without registering DMA first; ndisv_Order_DmaBeforeSharedMemory reports that (not what this driver is about).
// expected-verdict {{ndisv_Order_DmaBeforeSharedMemory: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE WelDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE WelInitializeEx;
MINIPORT_HALT WelHaltEx;
MINIPORT_UNLOAD WelUnload;
MINIPORT_PAUSE WelPause;
MINIPORT_RESTART WelRestart;
MINIPORT_OID_REQUEST WelOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS WelSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS WelReturnNetBufferLists;
MINIPORT_CANCEL_SEND WelCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY WelDevicePnPEventNotify;
MINIPORT_SHUTDOWN WelShutdownEx;
MINIPORT_CANCEL_OID_REQUEST WelCancelOidRequest;

static NDIS_STATUS WelSetRegistrationAttributes(NDIS_HANDLE MiniportHandle, PVOID Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    RegAttrs.CheckForHangTimeInSeconds = 2;
    RegAttrs.InterfaceType = NdisInterfacePci;
    return NdisMSetMiniportAttributes(MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
}
#define Wel_TAG 'lEwN'
#define Wel_RX_BYTES 0x8000
#define Wel_TX_BYTES 0x4000

typedef struct _Wel_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PVOID       RxRing;
    NDIS_PHYSICAL_ADDRESS RxRingPa;
    PVOID       TxRing;
    NDIS_PHYSICAL_ADDRESS TxRingPa;
    BOOLEAN     Paused;
} Wel_ADAPTER, *PWel_ADAPTER;

static VOID WelLogNoMemory(PWel_ADAPTER Adapter, ULONG Bytes)
{
    NdisWriteErrorLogEntry(Adapter->MiniportHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 1, Bytes);
}

NDIS_STATUS WelInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PWel_ADAPTER Adapter;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PWel_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Wel_ADAPTER), Wel_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(Wel_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = WelSetRegistrationAttributes(MiniportAdapterHandle, Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Wel_TAG);
        return Status;
    }

    NdisMAllocateSharedMemory(MiniportAdapterHandle, Wel_RX_BYTES, FALSE, &Adapter->RxRing, &Adapter->RxRingPa); // expected-defect {{[ndisv_Order_DmaBeforeSharedMemory] NdisMAllocateSharedMemory is called before NdisMRegisterScatterGatherDma}}
    if (Adapter->RxRing == NULL) {
        WelLogNoMemory(Adapter, Wel_RX_BYTES);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Wel_TAG);
        return NDIS_STATUS_RESOURCES;
    }

    NdisMAllocateSharedMemory(MiniportAdapterHandle, Wel_TX_BYTES, FALSE, &Adapter->TxRing, &Adapter->TxRingPa); // expected-note {{an error log entry is due}}
    if (Adapter->TxRing == NULL) {
        // BUG: no NdisWriteErrorLogEntry for this failure.
        NdisMFreeSharedMemory(MiniportAdapterHandle, Wel_RX_BYTES, FALSE, Adapter->RxRing, Adapter->RxRingPa);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Wel_TAG);
        return NDIS_STATUS_RESOURCES; // expected-defect {{[WriteErrorLog] MiniportInitializeEx returns without calling NdisWriteErrorLogEntry after NdisMAllocateSharedMemory failed}}
    }
    return NDIS_STATUS_SUCCESS;
}

VOID WelHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PWel_ADAPTER Adapter = (PWel_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMFreeSharedMemory(Adapter->MiniportHandle, Wel_TX_BYTES, FALSE, Adapter->TxRing, Adapter->TxRingPa);
    NdisMFreeSharedMemory(Adapter->MiniportHandle, Wel_RX_BYTES, FALSE, Adapter->RxRing, Adapter->RxRingPa);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, Wel_TAG);
}

// ---- the rest of the miniport: registration and the callbacks ndisv does not run on their own ----
NDIS_STATUS WelPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PWel_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS WelRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PWel_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS WelOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID WelSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PWel_ADAPTER Adapter = (PWel_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID WelReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID WelCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID WelDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID WelShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID WelCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID WelUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(WelDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 50;
    Chars.MajorDriverVersion = 1;
    Chars.InitializeHandlerEx = WelInitializeEx;
    Chars.HaltHandlerEx = WelHaltEx;
    Chars.UnloadHandler = WelUnload;
    Chars.PauseHandler = WelPause;
    Chars.RestartHandler = WelRestart;
    Chars.OidRequestHandler = WelOidRequest;
    Chars.SendNetBufferListsHandler = WelSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = WelReturnNetBufferLists;
    Chars.CancelSendHandler = WelCancelSend;
    Chars.DevicePnPEventNotifyHandler = WelDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = WelShutdownEx;
    Chars.CancelOidRequestHandler = WelCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &WelDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: MiniportHaltEx sleeps in a loop whose condition reads only a local
// variable (Spins, whose address is never taken). NdisMSleep lets other
// threads run, but none of them can reach this local, so the loop is not
// left early: it runs to the loop budget ("a loop ran more than 20000
// times") and the rules that need the halt's end stay inconclusive. The
// trap: re-reading every condition of a sleeping loop as unknown would let
// the halt go on past a loop that never ends.
// expected-verdict {{Init_NdisAllocateIoWorkItem: inconclusive}}
// expected-verdict {{ndisv_Init_IoWorkItem: inconclusive}}
// expected-verdict {{ndisv_Init_Memory: inconclusive}}
// expected-verdict {{MiniportPause_Return: inconclusive}}
// expected-verdict {{NdisAllocateMemoryWithTagPriority: inconclusive}}
// expected-verdict {{ndisv_Order_RegistrationAttributesFirst: inconclusive}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define WFR_TAG 'rfWn'
#define WFR_RING 4

typedef struct _WFR_ADAPTER {
    NDIS_HANDLE   MiniportHandle;
    NDIS_HANDLE   RefillWorkItem;
    volatile LONG PendingReceives;
    BOOLEAN       Halting;
} WFR_ADAPTER, *PWFR_ADAPTER;

static NDIS_HANDLE WfrDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE WfrInitializeEx;
MINIPORT_HALT WfrHaltEx;
MINIPORT_UNLOAD WfrUnload;
MINIPORT_PAUSE WfrPause;
MINIPORT_RESTART WfrRestart;
MINIPORT_OID_REQUEST WfrOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS WfrSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS WfrReturnNetBufferLists;
MINIPORT_CANCEL_SEND WfrCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY WfrDevicePnPEventNotify;
MINIPORT_SHUTDOWN WfrShutdownEx;
MINIPORT_CANCEL_OID_REQUEST WfrCancelOidRequest;

static NDIS_STATUS WfrSetAttributes(PWFR_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    NDIS_STATUS Status;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_NO_HALT_ON_SUSPEND;
    RegAttrs.CheckForHangTimeInSeconds = 2;
    RegAttrs.InterfaceType = NdisInterfaceInternal;
    Status = NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 1000000000ULL;
    Gen.MediaConnectState = MediaConnectStateConnected;
    Gen.LookaheadSize = 1500;
    Gen.MacAddressLength = 6;
    Gen.AccessType = NET_IF_ACCESS_BROADCAST;
    Gen.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    Gen.IfType = IF_TYPE_ETHERNET_CSMACD;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

NDIS_STATUS WfrInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PWFR_ADAPTER Adapter;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PWFR_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(WFR_ADAPTER),
                                                              WFR_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(WFR_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = WfrSetAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, WFR_TAG);
        return Status;
    }

    Adapter->RefillWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->RefillWorkItem == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, WFR_TAG);
        return NDIS_STATUS_RESOURCES;
    }
    // The whole ring is posted to the device; the receive DPC returns them.
    Adapter->PendingReceives = WFR_RING;
    return NDIS_STATUS_SUCCESS;
}

VOID WfrHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PWFR_ADAPTER Adapter = (PWFR_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    Adapter->Halting = TRUE;
    LONG Spins = Adapter->PendingReceives;

    while (Spins != 0)
        NdisMSleep(1000);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, WFR_TAG);
}

NDIS_STATUS WfrPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); UNREFERENCED_PARAMETER(Ctx); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS WfrRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); UNREFERENCED_PARAMETER(Ctx); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS WfrOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID WfrSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PWFR_ADAPTER Adapter = (PWFR_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID WfrReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID WfrCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID WfrDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID WfrShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID WfrCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID WfrUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(WfrDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 50;
    Chars.MajorDriverVersion = 1; Chars.MinorDriverVersion = 0;
    Chars.InitializeHandlerEx = WfrInitializeEx;
    Chars.HaltHandlerEx = WfrHaltEx;
    Chars.UnloadHandler = WfrUnload;
    Chars.PauseHandler = WfrPause;
    Chars.RestartHandler = WfrRestart;
    Chars.OidRequestHandler = WfrOidRequest;
    Chars.SendNetBufferListsHandler = WfrSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = WfrReturnNetBufferLists;
    Chars.CancelSendHandler = WfrCancelSend;
    Chars.DevicePnPEventNotifyHandler = WfrDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = WfrShutdownEx;
    Chars.CancelOidRequestHandler = WfrCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &WfrDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: init claims its legacy I/O port window with NdisMRegisterIoPortRange before it has given NDIS
// its registration attributes (NdisMSetMiniportAttributes is called afterwards).
// expected-verdict {{NdisMRegisterIoPortRange: defect}}
// The same mistake breaks ndisv's ordering rule.
// expected-verdict {{ndisv_Order_RegistrationBeforeHardwareResources: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE IopDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE IopInitializeEx;
MINIPORT_HALT IopHaltEx;
MINIPORT_UNLOAD IopUnload;
MINIPORT_PAUSE IopPause;
MINIPORT_RESTART IopRestart;
MINIPORT_OID_REQUEST IopOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS IopSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS IopReturnNetBufferLists;
MINIPORT_CANCEL_SEND IopCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY IopDevicePnPEventNotify;
MINIPORT_SHUTDOWN IopShutdownEx;
MINIPORT_CANCEL_OID_REQUEST IopCancelOidRequest;

static NDIS_STATUS IopSetRegistrationAttributes(NDIS_HANDLE MiniportHandle, PVOID Adapter)
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
#define Iop_TAG 'tPoI'
#define Iop_PORT_BASE 0x280
#define Iop_PORT_COUNT 0x10

typedef struct _Iop_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PVOID       PortOffset;
    BOOLEAN     Paused;
} Iop_ADAPTER, *PIop_ADAPTER;

NDIS_STATUS IopInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PIop_ADAPTER Adapter;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PIop_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Iop_ADAPTER), Iop_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(Iop_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    // BUG: the port range is registered before the registration attributes.
    Status = NdisMRegisterIoPortRange(&Adapter->PortOffset, MiniportAdapterHandle, Iop_PORT_BASE, Iop_PORT_COUNT); // expected-defect {{[NdisMRegisterIoPortRange] NdisMRegisterIoPortRange is called before NdisMSetMiniportAttributes set the registration attributes}} // expected-defect {{[ndisv_Order_RegistrationBeforeHardwareResources] NdisMRegisterIoPortRange claims I/O ports before NdisMSetMiniportAttributes}}
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Iop_TAG);
        return Status;
    }
    Status = IopSetRegistrationAttributes(MiniportAdapterHandle, Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisMDeregisterIoPortRange(MiniportAdapterHandle, Iop_PORT_BASE, Iop_PORT_COUNT, Adapter->PortOffset);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Iop_TAG);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID IopHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PIop_ADAPTER Adapter = (PIop_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterIoPortRange(Adapter->MiniportHandle, Iop_PORT_BASE, Iop_PORT_COUNT, Adapter->PortOffset);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, Iop_TAG);
}

// ---- the rest of the miniport: registration and the callbacks ndisv does not run on their own ----
NDIS_STATUS IopPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PIop_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS IopRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PIop_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS IopOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID IopSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PIop_ADAPTER Adapter = (PIop_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID IopReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID IopCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID IopDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID IopShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID IopCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID IopUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(IopDriverHandle); }

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
    Chars.InitializeHandlerEx = IopInitializeEx;
    Chars.HaltHandlerEx = IopHaltEx;
    Chars.UnloadHandler = IopUnload;
    Chars.PauseHandler = IopPause;
    Chars.RestartHandler = IopRestart;
    Chars.OidRequestHandler = IopOidRequest;
    Chars.SendNetBufferListsHandler = IopSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = IopReturnNetBufferLists;
    Chars.CancelSendHandler = IopCancelSend;
    Chars.DevicePnPEventNotifyHandler = IopDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = IopShutdownEx;
    Chars.CancelOidRequestHandler = IopCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &IopDriverHandle);
}

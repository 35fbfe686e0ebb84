// RUN: %ndisv check --verify %s
// Shows: init maps the CSR window through a helper (allowed: still during MiniportInitializeEx) and
// unmaps it again before halting finishes; but MiniportHaltEx calls a reset helper that maps the
// window a second time to write the reset register. NdisMMapIoSpace belongs to MiniportInitializeEx only.
// expected-verdict {{NdisMMapIoSpace: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE MapDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE MapInitializeEx;
MINIPORT_HALT MapHaltEx;
MINIPORT_UNLOAD MapUnload;
MINIPORT_PAUSE MapPause;
MINIPORT_RESTART MapRestart;
MINIPORT_OID_REQUEST MapOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS MapSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS MapReturnNetBufferLists;
MINIPORT_CANCEL_SEND MapCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY MapDevicePnPEventNotify;
MINIPORT_SHUTDOWN MapShutdownEx;
MINIPORT_CANCEL_OID_REQUEST MapCancelOidRequest;

static NDIS_STATUS MapSetRegistrationAttributes(NDIS_HANDLE MiniportHandle, PVOID Adapter)
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
#define Map_TAG 'pMmN'
#define Map_CSR_BYTES 0x1000

typedef struct _Map_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PUCHAR      Csr;
    NDIS_PHYSICAL_ADDRESS CsrPa;
    BOOLEAN     Paused;
} Map_ADAPTER, *PMap_ADAPTER;

static NDIS_STATUS MapMapCsr(PMap_ADAPTER Adapter, PVOID *Va)
{
    return NdisMMapIoSpace(Va, Adapter->MiniportHandle, Adapter->CsrPa, Map_CSR_BYTES); // expected-defect {{[NdisMMapIoSpace] NdisMMapIoSpace is called outside MiniportInitializeEx}}
}

static VOID MapResetChip(PMap_ADAPTER Adapter)
{
    PUCHAR Regs;
    // BUG: a second mapping, made from MiniportHaltEx (reported in the shared helper, at the call).
    if (MapMapCsr(Adapter, (PVOID *)&Regs) != NDIS_STATUS_SUCCESS)
        return;
    NdisWriteRegisterUlong((PULONG)(Regs + 0x40), 1);
    NdisMUnmapIoSpace(Adapter->MiniportHandle, Regs, Map_CSR_BYTES);
}

NDIS_STATUS MapInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PMap_ADAPTER Adapter;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PMap_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Map_ADAPTER), Map_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(Map_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->CsrPa.QuadPart = 0xFE000000;

    Status = MapSetRegistrationAttributes(MiniportAdapterHandle, Adapter);
    if (Status == NDIS_STATUS_SUCCESS)
        Status = MapMapCsr(Adapter, (PVOID *)&Adapter->Csr);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Map_TAG);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID MapHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PMap_ADAPTER Adapter = (PMap_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMUnmapIoSpace(Adapter->MiniportHandle, Adapter->Csr, Map_CSR_BYTES);
    MapResetChip(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, Map_TAG);
}

// ---- the rest of the miniport: registration and the callbacks ndisv does not run on their own ----
NDIS_STATUS MapPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PMap_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS MapRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PMap_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS MapOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID MapSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PMap_ADAPTER Adapter = (PMap_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID MapReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID MapCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID MapDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID MapShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID MapCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID MapUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(MapDriverHandle); }

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
    Chars.InitializeHandlerEx = MapInitializeEx;
    Chars.HaltHandlerEx = MapHaltEx;
    Chars.UnloadHandler = MapUnload;
    Chars.PauseHandler = MapPause;
    Chars.RestartHandler = MapRestart;
    Chars.OidRequestHandler = MapOidRequest;
    Chars.SendNetBufferListsHandler = MapSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = MapReturnNetBufferLists;
    Chars.CancelSendHandler = MapCancelSend;
    Chars.DevicePnPEventNotifyHandler = MapDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = MapShutdownEx;
    Chars.CancelOidRequestHandler = MapCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &MapDriverHandle);
}

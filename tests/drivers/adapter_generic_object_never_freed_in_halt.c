// RUN: %ndisv check --verify %s
// Shows: init allocates a generic object for the adapter's deferred statistics work, keeps it in a local
// until it is known good, then stores it in the adapter; MiniportHaltEx never frees it. The driver-wide
// generic object that DriverEntry allocates (and MiniportDriverUnload frees) is not the adapter's and is
// not reported.
// expected-verdict {{NdisAllocateGenericObject: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE GnoDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE GnoInitializeEx;
MINIPORT_HALT GnoHaltEx;
MINIPORT_UNLOAD GnoUnload;
MINIPORT_PAUSE GnoPause;
MINIPORT_RESTART GnoRestart;
MINIPORT_OID_REQUEST GnoOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS GnoSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS GnoReturnNetBufferLists;
MINIPORT_CANCEL_SEND GnoCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY GnoDevicePnPEventNotify;
MINIPORT_SHUTDOWN GnoShutdownEx;
MINIPORT_CANCEL_OID_REQUEST GnoCancelOidRequest;

static NDIS_STATUS GnoSetRegistrationAttributes(NDIS_HANDLE MiniportHandle, PVOID Adapter)
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
#define Gno_TAG 'oGnG'

typedef struct _Gno_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PNDIS_GENERIC_OBJECT StatsObject;
    ULONG       StatsRuns;
    BOOLEAN     Paused;
} Gno_ADAPTER, *PGno_ADAPTER;

static PDRIVER_OBJECT GnoDriverObject;
static PNDIS_GENERIC_OBJECT GnoDriverObjectForWork; // driver-wide, lives until unload

NDIS_STATUS GnoInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PGno_ADAPTER Adapter;
    PNDIS_GENERIC_OBJECT Obj;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PGno_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Gno_ADAPTER), Gno_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(Gno_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = GnoSetRegistrationAttributes(MiniportAdapterHandle, Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Gno_TAG);
        return Status;
    }

    Obj = NdisAllocateGenericObject(GnoDriverObject, Gno_TAG, 0); // expected-note {{generic object allocated for}}
    if (Obj == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Gno_TAG);
        return NDIS_STATUS_RESOURCES;
    }
    Adapter->StatsObject = Obj;
    return NDIS_STATUS_SUCCESS;
}

VOID GnoHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PGno_ADAPTER Adapter = (PGno_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    // BUG: Adapter->StatsObject is never freed with NdisFreeGenericObject.
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, Gno_TAG);
} // expected-defect {{[NdisAllocateGenericObject] MiniportHaltEx returns without calling NdisFreeGenericObject for Adapter->StatsObject}}

// ---- the rest of the miniport: registration and the callbacks ndisv does not run on their own ----
NDIS_STATUS GnoPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PGno_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS GnoRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PGno_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS GnoOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID GnoSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PGno_ADAPTER Adapter = (PGno_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID GnoReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID GnoCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID GnoDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID GnoShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID GnoCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID GnoUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); if (GnoDriverObjectForWork != NULL) NdisFreeGenericObject(GnoDriverObjectForWork); NdisMDeregisterMiniportDriver(GnoDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    GnoDriverObject = DriverObject;
    GnoDriverObjectForWork = NdisAllocateGenericObject(DriverObject, Gno_TAG, 0);
    if (GnoDriverObjectForWork == NULL)
        return STATUS_INSUFFICIENT_RESOURCES;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 50;
    Chars.MajorDriverVersion = 1;
    Chars.InitializeHandlerEx = GnoInitializeEx;
    Chars.HaltHandlerEx = GnoHaltEx;
    Chars.UnloadHandler = GnoUnload;
    Chars.PauseHandler = GnoPause;
    Chars.RestartHandler = GnoRestart;
    Chars.OidRequestHandler = GnoOidRequest;
    Chars.SendNetBufferListsHandler = GnoSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = GnoReturnNetBufferLists;
    Chars.CancelSendHandler = GnoCancelSend;
    Chars.DevicePnPEventNotifyHandler = GnoDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = GnoShutdownEx;
    Chars.CancelOidRequestHandler = GnoCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &GnoDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: init takes a NET_BUFFER for the transmit header template from its NET_BUFFER pool; MiniportHaltEx
// frees the pool with NdisFreeNetBufferPool, which does not free NET_BUFFERs still allocated from it. The
// NET_BUFFER whose allocation failed needs no free (init-failure path), and its MDL is freed correctly.
// expected-verdict {{NdisAllocateNetBuffer: defect}}
// expected-verdict {{NdisAllocateMdl: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE NbpDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE NbpInitializeEx;
MINIPORT_HALT NbpHaltEx;
MINIPORT_UNLOAD NbpUnload;
MINIPORT_PAUSE NbpPause;
MINIPORT_RESTART NbpRestart;
MINIPORT_OID_REQUEST NbpOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS NbpSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS NbpReturnNetBufferLists;
MINIPORT_CANCEL_SEND NbpCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY NbpDevicePnPEventNotify;
MINIPORT_SHUTDOWN NbpShutdownEx;
MINIPORT_CANCEL_OID_REQUEST NbpCancelOidRequest;

static NDIS_STATUS NbpSetRegistrationAttributes(NDIS_HANDLE MiniportHandle, PVOID Adapter)
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
#define Nbp_TAG 'bNpN'
#define Nbp_BYTES 128

typedef struct _Nbp_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE NbPool;
    PVOID       TemplateBuffer;
    PMDL        TemplateMdl;
    PNET_BUFFER TemplateNb;
    BOOLEAN     Paused;
} Nbp_ADAPTER, *PNbp_ADAPTER;

NDIS_STATUS NbpInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status = NDIS_STATUS_RESOURCES;
    PNbp_ADAPTER Adapter;
    NET_BUFFER_POOL_PARAMETERS PoolParams;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PNbp_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Nbp_ADAPTER), Nbp_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(Nbp_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = NbpSetRegistrationAttributes(MiniportAdapterHandle, Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    NdisZeroMemory(&PoolParams, sizeof(PoolParams));
    PoolParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    PoolParams.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    PoolParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    PoolParams.PoolTag = Nbp_TAG;
    Adapter->NbPool = NdisAllocateNetBufferPool(MiniportAdapterHandle, &PoolParams);
    if (Adapter->NbPool == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeAdapter;
    }
    Adapter->TemplateBuffer = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, Nbp_BYTES, Nbp_TAG,
                                                                NormalPoolPriority);
    if (Adapter->TemplateBuffer == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreePool;
    }
    Adapter->TemplateMdl = NdisAllocateMdl(MiniportAdapterHandle, Adapter->TemplateBuffer, Nbp_BYTES);
    if (Adapter->TemplateMdl == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeBuffer;
    }
    Adapter->TemplateNb = NdisAllocateNetBuffer(Adapter->NbPool, Adapter->TemplateMdl, 0, Nbp_BYTES); // expected-note {{NET_BUFFER allocated for Adapter->TemplateNb}}
    if (Adapter->TemplateNb == NULL) {
        Status = NDIS_STATUS_RESOURCES;  // a failed allocation: nothing to free
        goto FreeMdl;
    }
    return NDIS_STATUS_SUCCESS;

FreeMdl:
    NdisFreeMdl(Adapter->TemplateMdl);
FreeBuffer:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->TemplateBuffer, Nbp_TAG);
FreePool:
    NdisFreeNetBufferPool(Adapter->NbPool);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Nbp_TAG);
    return Status;
}

VOID NbpHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PNbp_ADAPTER Adapter = (PNbp_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeMdl(Adapter->TemplateMdl);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->TemplateBuffer, Nbp_TAG);
    // BUG: freeing the pool does not free Adapter->TemplateNb.
    NdisFreeNetBufferPool(Adapter->NbPool);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, Nbp_TAG);
} // expected-defect {{[NdisAllocateNetBuffer] MiniportHaltEx returns without calling NdisFreeNetBuffer for Adapter->TemplateNb}}

// ---- the rest of the miniport: registration and the callbacks ndisv does not run on their own ----
NDIS_STATUS NbpPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PNbp_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS NbpRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PNbp_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS NbpOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID NbpSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PNbp_ADAPTER Adapter = (PNbp_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID NbpReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID NbpCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID NbpDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID NbpShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID NbpCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID NbpUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(NbpDriverHandle); }

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
    Chars.InitializeHandlerEx = NbpInitializeEx;
    Chars.HaltHandlerEx = NbpHaltEx;
    Chars.UnloadHandler = NbpUnload;
    Chars.PauseHandler = NbpPause;
    Chars.RestartHandler = NbpRestart;
    Chars.OidRequestHandler = NbpOidRequest;
    Chars.SendNetBufferListsHandler = NbpSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = NbpReturnNetBufferLists;
    Chars.CancelSendHandler = NbpCancelSend;
    Chars.DevicePnPEventNotifyHandler = NbpDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = NbpShutdownEx;
    Chars.CancelOidRequestHandler = NbpCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &NbpDriverHandle);
}

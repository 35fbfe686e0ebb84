// RUN: %ndisv check --verify %s
// Shows: four receive queues each get a buffer, an MDL and a NET_BUFFER in a loop, and halt frees them
// with a matching loop (no report for those), but the loopback MDL that init allocates after the loop is
// never freed in MiniportHaltEx: one defect, naming that MDL.
// expected-verdict {{NdisAllocateMdl: defect}}
// expected-verdict {{NdisAllocateNetBuffer: pass}}
// expected-verdict {{NdisAllocateMemoryWithTagPriority: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE LbmDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE LbmInitializeEx;
MINIPORT_HALT LbmHaltEx;
MINIPORT_UNLOAD LbmUnload;
MINIPORT_PAUSE LbmPause;
MINIPORT_RESTART LbmRestart;
MINIPORT_OID_REQUEST LbmOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS LbmSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS LbmReturnNetBufferLists;
MINIPORT_CANCEL_SEND LbmCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY LbmDevicePnPEventNotify;
MINIPORT_SHUTDOWN LbmShutdownEx;
MINIPORT_CANCEL_OID_REQUEST LbmCancelOidRequest;

static NDIS_STATUS LbmSetRegistrationAttributes(NDIS_HANDLE MiniportHandle, PVOID Adapter)
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
#define Lbm_TAG 'mbLn'
#define Lbm_QUEUES 4
#define Lbm_BYTES 2048

typedef struct _Lbm_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE NbPool;
    PVOID       RxBuffer[Lbm_QUEUES];
    PMDL        RxMdl[Lbm_QUEUES];
    PNET_BUFFER RxNb[Lbm_QUEUES];
    PVOID       LoopbackBuffer;
    PMDL        LoopbackMdl;
    BOOLEAN     Paused;
} Lbm_ADAPTER, *PLbm_ADAPTER;

static VOID LbmFreeRx(PLbm_ADAPTER Adapter, ULONG Count)
{
    ULONG i;
    for (i = 0; i < Count; i++) {
        NdisFreeNetBuffer(Adapter->RxNb[i]);
        NdisFreeMdl(Adapter->RxMdl[i]);
        NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->RxBuffer[i], Lbm_TAG);
    }
}

static NDIS_STATUS LbmAllocateRx(PLbm_ADAPTER Adapter)
{
    ULONG i;
    for (i = 0; i < Lbm_QUEUES; i++) {
        Adapter->RxBuffer[i] = NdisAllocateMemoryWithTagPriority(Adapter->MiniportHandle, Lbm_BYTES, Lbm_TAG,
                                                                 NormalPoolPriority);
        if (Adapter->RxBuffer[i] == NULL)
            break;
        Adapter->RxMdl[i] = NdisAllocateMdl(Adapter->MiniportHandle, Adapter->RxBuffer[i], Lbm_BYTES);
        if (Adapter->RxMdl[i] == NULL) {
            NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->RxBuffer[i], Lbm_TAG);
            break;
        }
        Adapter->RxNb[i] = NdisAllocateNetBuffer(Adapter->NbPool, Adapter->RxMdl[i], 0, Lbm_BYTES);
        if (Adapter->RxNb[i] == NULL) {
            NdisFreeMdl(Adapter->RxMdl[i]);
            NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->RxBuffer[i], Lbm_TAG);
            break;
        }
    }
    if (i == Lbm_QUEUES)
        return NDIS_STATUS_SUCCESS;
    LbmFreeRx(Adapter, i);
    return NDIS_STATUS_RESOURCES;
}

NDIS_STATUS LbmInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PLbm_ADAPTER Adapter;
    NET_BUFFER_POOL_PARAMETERS PoolParams;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PLbm_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Lbm_ADAPTER), Lbm_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(Lbm_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = LbmSetRegistrationAttributes(MiniportAdapterHandle, Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    NdisZeroMemory(&PoolParams, sizeof(PoolParams));
    PoolParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    PoolParams.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    PoolParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    PoolParams.PoolTag = Lbm_TAG;
    Adapter->NbPool = NdisAllocateNetBufferPool(MiniportAdapterHandle, &PoolParams);
    if (Adapter->NbPool == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeAdapter;
    }

    Status = LbmAllocateRx(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreePool;

    Adapter->LoopbackBuffer = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, Lbm_BYTES, Lbm_TAG,
                                                                NormalPoolPriority);
    if (Adapter->LoopbackBuffer == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeRx;
    }
    Adapter->LoopbackMdl = NdisAllocateMdl(MiniportAdapterHandle, Adapter->LoopbackBuffer, Lbm_BYTES); // expected-note {{MDL allocated for Adapter->LoopbackMdl}}
    if (Adapter->LoopbackMdl == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeLoopbackBuffer;
    }
    return NDIS_STATUS_SUCCESS;

FreeLoopbackBuffer:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->LoopbackBuffer, Lbm_TAG);
FreeRx:
    LbmFreeRx(Adapter, Lbm_QUEUES);
FreePool:
    NdisFreeNetBufferPool(Adapter->NbPool);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Lbm_TAG);
    return Status;
}

VOID LbmHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PLbm_ADAPTER Adapter = (PLbm_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    LbmFreeRx(Adapter, Lbm_QUEUES);
    // BUG: Adapter->LoopbackMdl is not freed (its buffer is).
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->LoopbackBuffer, Lbm_TAG);
    NdisFreeNetBufferPool(Adapter->NbPool);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, Lbm_TAG);
} // expected-defect {{[NdisAllocateMdl] MiniportHaltEx returns without calling NdisFreeMdl for Adapter->LoopbackMdl}}

// ---- the rest of the miniport: registration and the callbacks ndisv does not run on their own ----
NDIS_STATUS LbmPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PLbm_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS LbmRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PLbm_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS LbmOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID LbmSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PLbm_ADAPTER Adapter = (PLbm_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID LbmReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID LbmCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID LbmDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID LbmShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID LbmCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID LbmUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(LbmDriverHandle); }

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
    Chars.InitializeHandlerEx = LbmInitializeEx;
    Chars.HaltHandlerEx = LbmHaltEx;
    Chars.UnloadHandler = LbmUnload;
    Chars.PauseHandler = LbmPause;
    Chars.RestartHandler = LbmRestart;
    Chars.OidRequestHandler = LbmOidRequest;
    Chars.SendNetBufferListsHandler = LbmSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = LbmReturnNetBufferLists;
    Chars.CancelSendHandler = LbmCancelSend;
    Chars.DevicePnPEventNotifyHandler = LbmDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = LbmShutdownEx;
    Chars.CancelOidRequestHandler = LbmCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &LbmDriverHandle);
}

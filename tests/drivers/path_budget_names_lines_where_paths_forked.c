// RUN: %ndisv check --verify --max-paths=400 %s
// RUN: %ndisv check --max-paths=400 %s 2>&1 | FileCheck %s
// Shows: when the path budget ends a run, the inconclusive reason names the
// source lines where the paths forked most, with their function, not the
// loop that ran the most instructions. FsbFillHashTable's constant loop runs
// far more instructions than anything else; the paths multiply at the
// per-queue flag test in FsbInitializeEx (each flag doubles them, since the
// queues allocated differ), then at the allocations it guards.
// expected-verdict {{ndisv_Init_Memory: inconclusive}}
// expected-verdict {{NdisAllocateMemoryWithTagPriority: inconclusive}}
// expected-verdict {{MiniportPause_Return: inconclusive}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS683_MINIPORT 1
#include <ndis.h>

#define FSB_TAG    'bsFP'
#define FSB_QUEUES 16
#define FSB_HASH   2048

typedef struct _FSB_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PVOID       Queue[FSB_QUEUES];
    ULONG       Hash[FSB_HASH];
} FSB_ADAPTER, *PFSB_ADAPTER;

static NDIS_HANDLE FsbDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE FsbInitializeEx;
MINIPORT_HALT FsbHaltEx;
MINIPORT_UNLOAD FsbUnload;
MINIPORT_PAUSE FsbPause;
MINIPORT_RESTART FsbRestart;
MINIPORT_OID_REQUEST FsbOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS FsbSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS FsbReturnNetBufferLists;
MINIPORT_CANCEL_SEND FsbCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY FsbDevicePnPEventNotify;
MINIPORT_SHUTDOWN FsbShutdownEx;
MINIPORT_CANCEL_OID_REQUEST FsbCancelOidRequest;

// Many instructions, no forks: a constant loop, like a hash-table seed.
static VOID FsbFillHashTable(PFSB_ADAPTER Adapter)
{
    ULONG i;

    for (i = 0; i < FSB_HASH; i++)
        Adapter->Hash[i] = i * 2654435761u;
}

NDIS_STATUS FsbInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PFSB_ADAPTER Adapter;
    ULONG Enabled = MiniportInitParameters->Flags;
    ULONG i;

    UNREFERENCED_PARAMETER(MiniportDriverContext);

    Adapter = (PFSB_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(FSB_ADAPTER),
                                                              FSB_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(FSB_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    FsbFillHashTable(Adapter);

    for (i = 0; i < FSB_QUEUES; i++) {
        // CHECK: ndisv_Init_Memory: inconclusive {{.*}}path budget exhausted; the paths forked most at path_budget_names_lines_where_paths_forked.c:[[@LINE+1]] in FsbInitializeEx ({{[0-9]+}}) and path_budget_names_lines_where_paths_forked.c:[[@LINE+2]] in FsbInitializeEx ({{[0-9]+}})
        if (Enabled & (1u << i))
            Adapter->Queue[i] = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, 256, FSB_TAG,
                                                                  NormalPoolPriority);
    }

    for (i = 0; i < FSB_QUEUES; i++)
        if (Adapter->Queue[i] != NULL)
            NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->Queue[i], FSB_TAG);
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, FSB_TAG);
    return NDIS_STATUS_FAILURE;
}

VOID FsbHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PFSB_ADAPTER Adapter = (PFSB_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, FSB_TAG);
}

NDIS_STATUS FsbPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS FsbRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS FsbOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID FsbSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PFSB_ADAPTER Adapter = (PFSB_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID FsbReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID FsbCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID FsbDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID FsbShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID FsbCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID FsbUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(FsbDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 83;
    Chars.MajorDriverVersion = 1;
    Chars.InitializeHandlerEx = FsbInitializeEx;
    Chars.HaltHandlerEx = FsbHaltEx;
    Chars.UnloadHandler = FsbUnload;
    Chars.PauseHandler = FsbPause;
    Chars.RestartHandler = FsbRestart;
    Chars.OidRequestHandler = FsbOidRequest;
    Chars.SendNetBufferListsHandler = FsbSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = FsbReturnNetBufferLists;
    Chars.CancelSendHandler = FsbCancelSend;
    Chars.DevicePnPEventNotifyHandler = FsbDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = FsbShutdownEx;
    Chars.CancelOidRequestHandler = FsbCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &FsbDriverHandle);
}

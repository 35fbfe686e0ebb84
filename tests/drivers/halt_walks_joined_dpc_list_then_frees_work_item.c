// RUN: %ndisv check --verify --rules=Init_NdisAllocateIoWorkItem,MiniportPause_Return %s
// Shows: init builds a list of receive DPCs whose length is a registry
// setting; paths that built lists of different lengths are joined, so the
// links past the list's first entry are unknown, and MiniportHaltEx walks
// the list until IsListEmpty. Each unknown link the walk follows is new
// memory, which the engine takes to be distinct from the list head, so the
// head is never reached again and the walk ran to the loop budget: every
// rule that needs the halt's end was inconclusive. A walk over memory
// reached through unknown pointers now leaves at the unrolling bound, and
// the work item freed after it passes (under that bound).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{MiniportPause_Return: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define WDL_TAG 'ldWn'
#define WDL_RING 4

typedef struct _WDL_DPC {
    LIST_ENTRY Link;
    ULONG      Processor;
} WDL_DPC, *PWDL_DPC;

typedef struct _WDL_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE RefillWorkItem;
    LIST_ENTRY  DpcList;
    ULONG       DpcCount;
    ULONG       QueueDepth[4];
} WDL_ADAPTER, *PWDL_ADAPTER;

static NDIS_HANDLE WdlDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE WdlInitializeEx;
MINIPORT_HALT WdlHaltEx;
MINIPORT_UNLOAD WdlUnload;
MINIPORT_PAUSE WdlPause;
MINIPORT_RESTART WdlRestart;
MINIPORT_OID_REQUEST WdlOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS WdlSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS WdlReturnNetBufferLists;
MINIPORT_CANCEL_SEND WdlCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY WdlDevicePnPEventNotify;
MINIPORT_SHUTDOWN WdlShutdownEx;
MINIPORT_CANCEL_OID_REQUEST WdlCancelOidRequest;

static NDIS_STATUS WdlSetAttributes(PWDL_ADAPTER Adapter)
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

// The number of receive DPCs is a registry setting, so the list init
// builds has any length; the paths that built lists of different lengths
// are joined at the next loop head, and the list's links past its first
// entry become unknown.
static ULONG WdlReadDpcCount(NDIS_HANDLE MiniportAdapterHandle)
{
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE Config = NULL;
    NDIS_STRING Name = RTL_CONSTANT_STRING(L"ReceiveDpcs");
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_STATUS Status;
    ULONG Count = 1;

    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = MiniportAdapterHandle;
    ConfigObject.Flags = 0;
    if (NdisOpenConfigurationEx(&ConfigObject, &Config) != NDIS_STATUS_SUCCESS)
        return Count;
    NdisReadConfiguration(&Status, &Param, Config, &Name, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS)
        Count = Param->ParameterData.IntegerData;
    NdisCloseConfiguration(Config);
    return Count;
}

NDIS_STATUS WdlInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PWDL_ADAPTER Adapter;
    ULONG Count, i;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PWDL_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(WDL_ADAPTER),
                                                              WDL_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(WDL_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    InitializeListHead(&Adapter->DpcList);

    Status = WdlSetAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, WDL_TAG);
        return Status;
    }

    Count = WdlReadDpcCount(MiniportAdapterHandle);
    for (i = 0; i < Count; i++) {
        PWDL_DPC Dpc = (PWDL_DPC)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(WDL_DPC),
                                                                   WDL_TAG, NormalPoolPriority);
        if (Dpc == NULL)
            break;
        Dpc->Processor = i;
        InsertTailList(&Adapter->DpcList, &Dpc->Link);
        Adapter->DpcCount++;
    }
    for (i = 0; i < 4; i++)
        Adapter->QueueDepth[i] = 64;

    Adapter->RefillWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->RefillWorkItem == NULL) {
        while (!IsListEmpty(&Adapter->DpcList))
            NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, RemoveHeadList(&Adapter->DpcList), WDL_TAG);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, WDL_TAG);
        return NDIS_STATUS_RESOURCES;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID WdlHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PWDL_ADAPTER Adapter = (PWDL_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    while (!IsListEmpty(&Adapter->DpcList)) {
        PLIST_ENTRY Entry = RemoveHeadList(&Adapter->DpcList);
        NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, CONTAINING_RECORD(Entry, WDL_DPC, Link), WDL_TAG);
    }
    NdisFreeIoWorkItem(Adapter->RefillWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, WDL_TAG);
}

NDIS_STATUS WdlPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); UNREFERENCED_PARAMETER(Ctx); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS WdlRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); UNREFERENCED_PARAMETER(Ctx); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS WdlOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID WdlSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PWDL_ADAPTER Adapter = (PWDL_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID WdlReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID WdlCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID WdlDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID WdlShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID WdlCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID WdlUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(WdlDriverHandle); }

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
    Chars.InitializeHandlerEx = WdlInitializeEx;
    Chars.HaltHandlerEx = WdlHaltEx;
    Chars.UnloadHandler = WdlUnload;
    Chars.PauseHandler = WdlPause;
    Chars.RestartHandler = WdlRestart;
    Chars.OidRequestHandler = WdlOidRequest;
    Chars.SendNetBufferListsHandler = WdlSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = WdlReturnNetBufferLists;
    Chars.CancelSendHandler = WdlCancelSend;
    Chars.DevicePnPEventNotifyHandler = WdlDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = WdlShutdownEx;
    Chars.CancelOidRequestHandler = WdlCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &WdlDriverHandle);
}

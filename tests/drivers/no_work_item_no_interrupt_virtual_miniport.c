// RUN: %ndisv check --verify %s
// Shows: a virtual loopback miniport with an NBL pool and a link-state timer but neither work items nor
// interrupts: no acquiring API is ever called during init, so all three rules are not-applicable.
// expected-verdict {{Init_NdisAllocateIoWorkItem: not-applicable}}
// expected-verdict {{Init_RegisterInterrupt: not-applicable}}
// expected-verdict {{Init_DeRegisterInterrupt: not-applicable}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS660_MINIPORT 1
#include <ndis.h>

#define VLB_TAG 'blVn'

typedef struct _VLB_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE RecvNblPool;
    NDIS_HANDLE LinkTimer;
    NDIS_SPIN_LOCK Lock;
    ULONG64     FramesLooped;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
} VLB_ADAPTER, *PVLB_ADAPTER;

static NDIS_HANDLE VlbDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE VlbInitializeEx;
MINIPORT_HALT VlbHaltEx;
MINIPORT_UNLOAD VlbUnload;
MINIPORT_PAUSE VlbPause;
MINIPORT_RESTART VlbRestart;
MINIPORT_OID_REQUEST VlbOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS VlbSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS VlbReturnNetBufferLists;
MINIPORT_CANCEL_SEND VlbCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY VlbDevicePnPEventNotify;
MINIPORT_SHUTDOWN VlbShutdownEx;
MINIPORT_CANCEL_OID_REQUEST VlbCancelOidRequest;
NDIS_TIMER_FUNCTION VlbLinkTimerFunction;

static NDIS_STATUS VlbSetRegistrationAttributes(PVLB_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_NO_HALT_ON_SUSPEND;
    RegAttrs.CheckForHangTimeInSeconds = 2;
    RegAttrs.InterfaceType = NdisInterfaceInternal;

    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
}

static NDIS_STATUS VlbSetGeneralAttributes(PVLB_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 1000000000ULL;
    Gen.MediaConnectState = MediaConnectStateUnknown;
    Gen.LookaheadSize = 1500;
    Gen.SupportedPacketFilters = NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_MULTICAST | NDIS_PACKET_TYPE_BROADCAST;
    Gen.MaxMulticastListSize = 32;
    Gen.MacAddressLength = 6;
    NdisMoveMemory(Gen.PermanentMacAddress, Adapter->MacAddress, 6);
    NdisMoveMemory(Gen.CurrentMacAddress, Adapter->MacAddress, 6);
    Gen.AccessType = NET_IF_ACCESS_BROADCAST;
    Gen.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    Gen.IfType = IF_TYPE_ETHERNET_CSMACD;

    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

NDIS_STATUS VlbInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PVLB_ADAPTER Adapter;
    NET_BUFFER_LIST_POOL_PARAMETERS PoolParams;
    NDIS_TIMER_CHARACTERISTICS TimerChars;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PVLB_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(VLB_ADAPTER),
                                                              VLB_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(VLB_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;
    Adapter->MacAddress[5] = 0x01;
    NdisAllocateSpinLock(&Adapter->Lock);

    Status = VlbSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeAdapter;
    }

    NdisZeroMemory(&PoolParams, sizeof(PoolParams));
    PoolParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    PoolParams.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    PoolParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    PoolParams.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
    PoolParams.fAllocateNetBuffer = TRUE;
    PoolParams.PoolTag = VLB_TAG;
    Adapter->RecvNblPool = NdisAllocateNetBufferListPool(MiniportAdapterHandle, &PoolParams);
    if (Adapter->RecvNblPool == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeAdapter;
    }

    NdisZeroMemory(&TimerChars, sizeof(TimerChars));
    TimerChars.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    TimerChars.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    TimerChars.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    TimerChars.AllocationTag = VLB_TAG;
    TimerChars.TimerFunction = VlbLinkTimerFunction;
    TimerChars.FunctionContext = Adapter;
    Status = NdisAllocateTimerObject(MiniportAdapterHandle, &TimerChars, &Adapter->LinkTimer);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreePool;
    }

    Status = VlbSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeTimer;
    }
    return NDIS_STATUS_SUCCESS;

FreeTimer:
    NdisFreeTimerObject(Adapter->LinkTimer);
FreePool:
    NdisFreeNetBufferListPool(Adapter->RecvNblPool);
FreeAdapter:
    NdisFreeSpinLock(&Adapter->Lock);
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, VLB_TAG);
    return Status;
}

VOID VlbHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PVLB_ADAPTER Adapter = (PVLB_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisCancelTimerObject(Adapter->LinkTimer);
    NdisFreeTimerObject(Adapter->LinkTimer);
    NdisFreeNetBufferListPool(Adapter->RecvNblPool);
    NdisFreeSpinLock(&Adapter->Lock);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, VLB_TAG);
}

VOID VlbLinkTimerFunction(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2, PVOID SystemSpecific3)
{
    PVLB_ADAPTER Adapter = (PVLB_ADAPTER)FunctionContext;

    UNREFERENCED_PARAMETER(SystemSpecific1);
    UNREFERENCED_PARAMETER(SystemSpecific2);
    UNREFERENCED_PARAMETER(SystemSpecific3);
    NdisAcquireSpinLock(&Adapter->Lock);
    Adapter->FramesLooped = 0;
    NdisReleaseSpinLock(&Adapter->Lock);
}

NDIS_STATUS VlbPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PVLB_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS VlbRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PVLB_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS VlbOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID VlbSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PVLB_ADAPTER Adapter = (PVLB_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID VlbReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID VlbCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID VlbDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID VlbShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID VlbCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID VlbUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(VlbDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 60;
    Chars.MajorDriverVersion = 1; Chars.MinorDriverVersion = 0;
    Chars.InitializeHandlerEx = VlbInitializeEx;
    Chars.HaltHandlerEx = VlbHaltEx;
    Chars.UnloadHandler = VlbUnload;
    Chars.PauseHandler = VlbPause;
    Chars.RestartHandler = VlbRestart;
    Chars.OidRequestHandler = VlbOidRequest;
    Chars.SendNetBufferListsHandler = VlbSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = VlbReturnNetBufferLists;
    Chars.CancelSendHandler = VlbCancelSend;
    Chars.DevicePnPEventNotifyHandler = VlbDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = VlbShutdownEx;
    Chars.CancelOidRequestHandler = VlbCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &VlbDriverHandle);
}

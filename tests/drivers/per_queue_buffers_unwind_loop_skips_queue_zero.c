// RUN: %ndisv check --verify %s
// Shows: one receive buffer per queue is allocated in a loop during init; when an allocation fails part-way, the
// unwind loop `while (--i > 0)` stops one queue early, so queue 0's buffer leaks. Halt frees every queue's buffer in
// a matching loop, which is right (the halt clause passes).
// expected-verdict {{ndisv_Init_Memory: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define OBQ_TAG         'qbOn'
#define OBQ_NUM_QUEUES  4
#define OBQ_RX_BYTES    2048

typedef struct _OBQ_QUEUE {
    ULONG  Index;
    PUCHAR Buffer;
} OBQ_QUEUE, *POBQ_QUEUE;

typedef struct _OBQ_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    OBQ_QUEUE   Queue[OBQ_NUM_QUEUES];
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
} OBQ_ADAPTER, *POBQ_ADAPTER;

static NDIS_HANDLE ObqDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE ObqInitializeEx;
MINIPORT_HALT ObqHaltEx;
MINIPORT_UNLOAD ObqUnload;
MINIPORT_PAUSE ObqPause;
MINIPORT_RESTART ObqRestart;
MINIPORT_OID_REQUEST ObqOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS ObqSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS ObqReturnNetBufferLists;
MINIPORT_CANCEL_SEND ObqCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY ObqDevicePnPEventNotify;
MINIPORT_SHUTDOWN ObqShutdownEx;
MINIPORT_CANCEL_OID_REQUEST ObqCancelOidRequest;

static NDIS_STATUS ObqSetRegistrationAttributes(POBQ_ADAPTER Adapter)
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

    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
}

static NDIS_STATUS ObqSetGeneralAttributes(POBQ_ADAPTER Adapter)
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

NDIS_STATUS ObqInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    POBQ_ADAPTER Adapter;
    LONG i;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (POBQ_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(OBQ_ADAPTER),
                                                              OBQ_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(OBQ_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = ObqSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, OBQ_TAG);
        return Status;
    }

    for (i = 0; i < OBQ_NUM_QUEUES; i++) {
        Adapter->Queue[i].Index = (ULONG)i;
        Adapter->Queue[i].Buffer = (PUCHAR)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, OBQ_RX_BYTES,
                                                                             OBQ_TAG, NormalPoolPriority);
        if (Adapter->Queue[i].Buffer == NULL) {
            // Meant to free queues i-1 .. 0, but the pre-decrement test stops before queue 0.
            while (--i > 0) {
                NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->Queue[i].Buffer, OBQ_TAG);
                Adapter->Queue[i].Buffer = NULL;
            }
            NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, OBQ_TAG);
            return NDIS_STATUS_RESOURCES; // expected-defect {{[ndisv_Init_Memory] MiniportInitializeEx fails without calling NdisFreeMemoryWithTagPriority for Adapter->Queue[i].Buffer (i = 0)}}
        }
    }

    Status = ObqSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        for (i = 0; i < OBQ_NUM_QUEUES; i++) {
            NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->Queue[i].Buffer, OBQ_TAG);
        }
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, OBQ_TAG);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID ObqHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    POBQ_ADAPTER Adapter = (POBQ_ADAPTER)MiniportAdapterContext;
    LONG i;

    UNREFERENCED_PARAMETER(HaltAction);
    for (i = 0; i < OBQ_NUM_QUEUES; i++) {
        NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->Queue[i].Buffer, OBQ_TAG);
        Adapter->Queue[i].Buffer = NULL;
    }
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, OBQ_TAG);
}

NDIS_STATUS ObqPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((POBQ_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS ObqRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((POBQ_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS ObqOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID ObqSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    POBQ_ADAPTER Adapter = (POBQ_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID ObqReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID ObqCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID ObqDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID ObqShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID ObqCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID ObqUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(ObqDriverHandle); }

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
    Chars.InitializeHandlerEx = ObqInitializeEx;
    Chars.HaltHandlerEx = ObqHaltEx;
    Chars.UnloadHandler = ObqUnload;
    Chars.PauseHandler = ObqPause;
    Chars.RestartHandler = ObqRestart;
    Chars.OidRequestHandler = ObqOidRequest;
    Chars.SendNetBufferListsHandler = ObqSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = ObqReturnNetBufferLists;
    Chars.CancelSendHandler = ObqCancelSend;
    Chars.DevicePnPEventNotifyHandler = ObqDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = ObqShutdownEx;
    Chars.CancelOidRequestHandler = ObqCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &ObqDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: the NDIS 5 allocator NdisAllocateMemoryWithTag (still common in NDIS 6 miniports) hands its block back
// through its first argument. Init allocates the adapter block and a descriptor ring with it; when the general
// attributes are refused, init frees the adapter block but forgets the ring. Traps: a failed allocation (status
// NDIS_STATUS_FAILURE) allocated nothing, so returning right after it is not a leak; halt frees the ring with
// NdisFreeMemoryWithTag and the adapter with NdisFreeMemory, both of which release.
// expected-verdict {{ndisv_Init_Memory: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define KES_TAG        'sekN'
#define KES_RING_BYTES 4096

typedef struct _KES_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PUCHAR      Ring;
    UCHAR       Mac[6];
} KES_ADAPTER, *PKES_ADAPTER;

static NDIS_HANDLE KesDriverHandle;

MINIPORT_INITIALIZE KesInitializeEx;
MINIPORT_HALT KesHaltEx;
MINIPORT_UNLOAD KesUnload;
MINIPORT_PAUSE KesPause;
MINIPORT_RESTART KesRestart;
MINIPORT_OID_REQUEST KesOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS KesSend;
MINIPORT_RETURN_NET_BUFFER_LISTS KesReturn;
MINIPORT_CANCEL_SEND KesCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY KesPnp;
MINIPORT_SHUTDOWN KesShutdown;
MINIPORT_CANCEL_OID_REQUEST KesCancelOid;

static NDIS_STATUS KesRegister(PKES_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    Reg.InterfaceType = NdisInterfacePci;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
}

static NDIS_STATUS KesGeneral(PKES_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 100000000ULL;
    Gen.MediaConnectState = MediaConnectStateUnknown;
    Gen.LookaheadSize = 1500;
    Gen.MacAddressLength = 6;
    NdisMoveMemory(Gen.CurrentMacAddress, Adapter->Mac, 6);
    NdisMoveMemory(Gen.PermanentMacAddress, Adapter->Mac, 6);
    Gen.AccessType = NET_IF_ACCESS_BROADCAST;
    Gen.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    Gen.IfType = IF_TYPE_ETHERNET_CSMACD;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

NDIS_STATUS KesInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PKES_ADAPTER Adapter = NULL;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Status = NdisAllocateMemoryWithTag((PVOID *)&Adapter, sizeof(KES_ADAPTER), KES_TAG);
    if (Status != NDIS_STATUS_SUCCESS) {
        return NDIS_STATUS_RESOURCES; // nothing was allocated: no report here
    }
    NdisZeroMemory(Adapter, sizeof(KES_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->Mac[0] = 0x02;

    Status = KesRegister(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Adapter, 0, 0);
        return Status;
    }

    Status = NdisAllocateMemoryWithTag((PVOID *)&Adapter->Ring, KES_RING_BYTES, KES_TAG);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Adapter, 0, 0);
        return NDIS_STATUS_RESOURCES;
    }

    Status = KesGeneral(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Adapter, 0, 0);
        return Status; // expected-defect {{[ndisv_Init_Memory] MiniportInitializeEx fails without calling NdisFreeMemoryWithTagPriority for Adapter->Ring}}
    }
    return NDIS_STATUS_SUCCESS;
}

VOID KesHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PKES_ADAPTER Adapter = (PKES_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeMemoryWithTag(Adapter->Ring, KES_TAG);
    NdisFreeMemory(Adapter, 0, 0);
}

NDIS_STATUS KesPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS KesRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS KesOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID KesSend(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG Flags)
{
    PKES_ADAPTER Adapter = (PKES_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(Flags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID KesReturn(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID KesCancelSend(NDIS_HANDLE Ctx, PVOID Id) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Id); }
VOID KesPnp(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID KesShutdown(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID KesCancelOid(NDIS_HANDLE Ctx, PVOID Id) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Id); }
VOID KesUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(KesDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = KesInitializeEx;
    Chars.HaltHandlerEx = KesHaltEx;
    Chars.UnloadHandler = KesUnload;
    Chars.PauseHandler = KesPause;
    Chars.RestartHandler = KesRestart;
    Chars.OidRequestHandler = KesOidRequest;
    Chars.SendNetBufferListsHandler = KesSend;
    Chars.ReturnNetBufferListsHandler = KesReturn;
    Chars.CancelSendHandler = KesCancelSend;
    Chars.DevicePnPEventNotifyHandler = KesPnp;
    Chars.ShutdownHandlerEx = KesShutdown;
    Chars.CancelOidRequestHandler = KesCancelOid;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &KesDriverHandle);
}

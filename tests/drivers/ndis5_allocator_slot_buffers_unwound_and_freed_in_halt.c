// RUN: %ndisv check --verify %s
// Shows: the NDIS 5 allocator NdisAllocateMemoryWithTag used for the adapter block and for one buffer per slot in a
// loop; a failed slot allocation unwinds every earlier slot (index 0 included) and the adapter, and halt frees every
// slot with NdisFreeMemory. Traps: the status, not the pointer, says whether the call allocated; the blocks come
// back through the first argument, one fresh block per loop iteration, each freed by its own index.
// expected-verdict {{ndisv_Init_Memory: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define PES_TAG        'sepN'
#define PES_SLOTS      3
#define PES_SLOT_BYTES 1536

typedef struct _PES_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PUCHAR      Slot[PES_SLOTS];
    UCHAR       Mac[6];
} PES_ADAPTER, *PPES_ADAPTER;

static NDIS_HANDLE PesDriverHandle;

MINIPORT_INITIALIZE PesInitializeEx;
MINIPORT_HALT PesHaltEx;
MINIPORT_UNLOAD PesUnload;
MINIPORT_PAUSE PesPause;
MINIPORT_RESTART PesRestart;
MINIPORT_OID_REQUEST PesOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS PesSend;
MINIPORT_RETURN_NET_BUFFER_LISTS PesReturn;
MINIPORT_CANCEL_SEND PesCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY PesPnp;
MINIPORT_SHUTDOWN PesShutdown;
MINIPORT_CANCEL_OID_REQUEST PesCancelOid;

static NDIS_STATUS PesRegister(PPES_ADAPTER Adapter)
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

static NDIS_STATUS PesGeneral(PPES_ADAPTER Adapter)
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

NDIS_STATUS PesInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PPES_ADAPTER Adapter = NULL;
    NDIS_STATUS Status;
    ULONG i;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Status = NdisAllocateMemoryWithTag((PVOID *)&Adapter, sizeof(PES_ADAPTER), PES_TAG);
    if (Status != NDIS_STATUS_SUCCESS) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(PES_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->Mac[0] = 0x02;

    Status = PesRegister(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Adapter, 0, 0);
        return Status;
    }

    for (i = 0; i < PES_SLOTS; i++) {
        Status = NdisAllocateMemoryWithTag((PVOID *)&Adapter->Slot[i], PES_SLOT_BYTES, PES_TAG);
        if (Status != NDIS_STATUS_SUCCESS) {
            while (i > 0) {
                i--;
                NdisFreeMemory(Adapter->Slot[i], 0, 0);
            }
            NdisFreeMemory(Adapter, 0, 0);
            return NDIS_STATUS_RESOURCES;
        }
    }

    Status = PesGeneral(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        for (i = 0; i < PES_SLOTS; i++) {
            NdisFreeMemory(Adapter->Slot[i], 0, 0);
        }
        NdisFreeMemory(Adapter, 0, 0);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID PesHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PPES_ADAPTER Adapter = (PPES_ADAPTER)MiniportAdapterContext;
    ULONG i;

    UNREFERENCED_PARAMETER(HaltAction);
    for (i = 0; i < PES_SLOTS; i++) {
        NdisFreeMemory(Adapter->Slot[i], 0, 0);
    }
    NdisFreeMemory(Adapter, 0, 0);
}

NDIS_STATUS PesPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS PesRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS PesOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID PesSend(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG Flags)
{
    PPES_ADAPTER Adapter = (PPES_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(Flags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID PesReturn(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID PesCancelSend(NDIS_HANDLE Ctx, PVOID Id) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Id); }
VOID PesPnp(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID PesShutdown(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID PesCancelOid(NDIS_HANDLE Ctx, PVOID Id) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Id); }
VOID PesUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(PesDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = PesInitializeEx;
    Chars.HaltHandlerEx = PesHaltEx;
    Chars.UnloadHandler = PesUnload;
    Chars.PauseHandler = PesPause;
    Chars.RestartHandler = PesRestart;
    Chars.OidRequestHandler = PesOidRequest;
    Chars.SendNetBufferListsHandler = PesSend;
    Chars.ReturnNetBufferListsHandler = PesReturn;
    Chars.CancelSendHandler = PesCancelSend;
    Chars.DevicePnPEventNotifyHandler = PesPnp;
    Chars.ShutdownHandlerEx = PesShutdown;
    Chars.CancelOidRequestHandler = PesCancelOid;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &PesDriverHandle);
}

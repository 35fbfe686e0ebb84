// RUN: %ndisv check --verify %s
// Shows: a PIO/DMA miniport whose general-attributes failure jumps to the wrong unwind label (DeregisterPorts, added
// before the DMA channel, ring and lookahead buffer existed), so that failure leaks the lookahead buffer, the shared
// ring and the DMA channel; and a MiniportHaltEx that frees those three but forgets the I/O port range, the mapped
// registers and the spin lock. Each leak is reported once, naming the adapter field that holds it.
// expected-verdict {{ndisv_Init_Memory: defect}}
// expected-verdict {{ndisv_Init_SharedMemory: defect}}
// expected-verdict {{ndisv_Init_DmaChannel: defect}}
// expected-verdict {{ndisv_Init_IoPortRange: defect}}
// expected-verdict {{ndisv_Init_IoSpace: defect}}
// expected-verdict {{ndisv_Init_SpinLock: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define HWL_TAG          'lwHn'
#define HWL_CSR_BYTES    0x400
#define HWL_PORT_BASE    0xD000
#define HWL_PORTS        0x20
#define HWL_RING_BYTES   8192
#define HWL_LOOKAHEAD    256

typedef struct _HWL_ADAPTER {
    NDIS_HANDLE           MiniportHandle;
    NDIS_SPIN_LOCK        Lock;
    NDIS_PHYSICAL_ADDRESS CsrPhysical;
    PVOID                 CsrBase;
    PVOID                 PortOffset;
    NDIS_HANDLE           DmaChannel;
    PVOID                 RingVa;
    NDIS_PHYSICAL_ADDRESS RingPa;
    PUCHAR                Lookahead;
    UCHAR                 MacAddress[6];
    BOOLEAN               Paused;
} HWL_ADAPTER, *PHWL_ADAPTER;

static NDIS_HANDLE HwlDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE HwlInitializeEx;
MINIPORT_HALT HwlHaltEx;
MINIPORT_UNLOAD HwlUnload;
MINIPORT_PAUSE HwlPause;
MINIPORT_RESTART HwlRestart;
MINIPORT_OID_REQUEST HwlOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS HwlSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS HwlReturnNetBufferLists;
MINIPORT_CANCEL_SEND HwlCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY HwlDevicePnPEventNotify;
MINIPORT_SHUTDOWN HwlShutdownEx;
MINIPORT_CANCEL_OID_REQUEST HwlCancelOidRequest;

static NDIS_STATUS HwlSetRegistrationAttributes(PHWL_ADAPTER Adapter)
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

static NDIS_STATUS HwlSetGeneralAttributes(PHWL_ADAPTER Adapter)
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

NDIS_STATUS HwlInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PHWL_ADAPTER Adapter;
    NDIS_DMA_DESCRIPTION Dma;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PHWL_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(HWL_ADAPTER),
                                                              HWL_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(HWL_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;
    NdisSetPhysicalAddressLow(Adapter->CsrPhysical, 0xFEA00000);
    NdisSetPhysicalAddressHigh(Adapter->CsrPhysical, 0);
    NdisAllocateSpinLock(&Adapter->Lock);

    Status = HwlSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeLock;
    }

    Status = NdisMMapIoSpace(&Adapter->CsrBase, MiniportAdapterHandle, Adapter->CsrPhysical, HWL_CSR_BYTES);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeLock;
    }

    Status = NdisMRegisterIoPortRange(&Adapter->PortOffset, MiniportAdapterHandle, HWL_PORT_BASE, HWL_PORTS);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto UnmapRegisters;
    }

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.DmaWidth = Width32Bits;
    Dma.DmaSpeed = Compatible;
    Status = NdisMRegisterDmaChannel(&Adapter->DmaChannel, MiniportAdapterHandle, 0, TRUE, &Dma, HWL_RING_BYTES);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto DeregisterPorts;
    }

    NdisMAllocateSharedMemory(MiniportAdapterHandle, HWL_RING_BYTES, TRUE, &Adapter->RingVa, &Adapter->RingPa);
    if (Adapter->RingVa == NULL) {
        NdisWriteErrorLogEntry(MiniportAdapterHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 0);
        Status = NDIS_STATUS_RESOURCES;
        goto DeregisterDma;
    }

    Adapter->Lookahead = (PUCHAR)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, HWL_LOOKAHEAD, HWL_TAG,
                                                                   NormalPoolPriority);
    if (Adapter->Lookahead == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeRing;
    }

    Status = HwlSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto DeregisterPorts;   // bug: should be FreeLookahead
    }
    return NDIS_STATUS_SUCCESS;

FreeLookahead:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->Lookahead, HWL_TAG);
FreeRing:
    NdisMFreeSharedMemory(MiniportAdapterHandle, HWL_RING_BYTES, TRUE, Adapter->RingVa, Adapter->RingPa);
DeregisterDma:
    NdisMDeregisterDmaChannel(Adapter->DmaChannel);
DeregisterPorts:
    NdisMDeregisterIoPortRange(MiniportAdapterHandle, HWL_PORT_BASE, HWL_PORTS, Adapter->PortOffset);
UnmapRegisters:
    NdisMUnmapIoSpace(MiniportAdapterHandle, Adapter->CsrBase, HWL_CSR_BYTES);
FreeLock:
    NdisFreeSpinLock(&Adapter->Lock);
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, HWL_TAG);
    // expected-defect@+3 {{[ndisv_Init_Memory] MiniportInitializeEx fails without calling NdisFreeMemoryWithTagPriority for Adapter->Lookahead}}
    // expected-defect@+2 {{[ndisv_Init_SharedMemory] MiniportInitializeEx fails without calling NdisMFreeSharedMemory for Adapter->RingVa}}
    // expected-defect@+1 {{[ndisv_Init_DmaChannel] MiniportInitializeEx fails without calling NdisMDeregisterDmaChannel for Adapter->DmaChannel}}
    return Status;
}

VOID HwlHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PHWL_ADAPTER Adapter = (PHWL_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->Lookahead, HWL_TAG);
    NdisMFreeSharedMemory(Adapter->MiniportHandle, HWL_RING_BYTES, TRUE, Adapter->RingVa, Adapter->RingPa);
    NdisMDeregisterDmaChannel(Adapter->DmaChannel);
    // bug: the port range, the register mapping and the spin lock are never released
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, HWL_TAG);
    // expected-defect@+3 {{[ndisv_Init_IoPortRange] MiniportHaltEx returns without calling NdisMDeregisterIoPortRange for Adapter->PortOffset}}
    // expected-defect@+2 {{[ndisv_Init_IoSpace] MiniportHaltEx returns without calling NdisMUnmapIoSpace for Adapter->CsrBase}}
    // expected-defect@+1 {{[ndisv_Init_SpinLock] MiniportHaltEx returns without calling NdisFreeSpinLock for Adapter->Lock}}
}

NDIS_STATUS HwlPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PHWL_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS HwlRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PHWL_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS HwlOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID HwlSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PHWL_ADAPTER Adapter = (PHWL_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID HwlReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID HwlCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID HwlDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID HwlShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID HwlCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID HwlUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(HwlDriverHandle); }

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
    Chars.InitializeHandlerEx = HwlInitializeEx;
    Chars.HaltHandlerEx = HwlHaltEx;
    Chars.UnloadHandler = HwlUnload;
    Chars.PauseHandler = HwlPause;
    Chars.RestartHandler = HwlRestart;
    Chars.OidRequestHandler = HwlOidRequest;
    Chars.SendNetBufferListsHandler = HwlSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = HwlReturnNetBufferLists;
    Chars.CancelSendHandler = HwlCancelSend;
    Chars.DevicePnPEventNotifyHandler = HwlDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = HwlShutdownEx;
    Chars.CancelOidRequestHandler = HwlCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &HwlDriverHandle);
}

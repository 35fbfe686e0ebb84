// RUN: %ndisv check --verify %s
// Shows (false-alarm traps, clean): MiniportInitializeEx uses its own MiniportHaltEx as the failure cleanup. Halt
// frees the spin lock only if it was allocated (a flag set right after NdisAllocateSpinLock), the shared ring and the
// receive buffer only if non-NULL, then the adapter block; so its releases count during init. A failed shared-memory
// allocation leaves RingVa NULL and is not freed; the receive buffer lives in a local until its header is written.
// expected-verdict {{ndisv_Init_SpinLock: pass}}
// expected-verdict {{ndisv_Init_SharedMemory: pass}}
// expected-verdict {{ndisv_Init_Memory: pass}}
// The driver allocates shared memory without registering DMA first; ndisv_Order_DmaBeforeSharedMemory reports that (not what this driver is about).
// expected-verdict {{ndisv_Order_DmaBeforeSharedMemory: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS660_MINIPORT 1
#include <ndis.h>

#define HCR_TAG        'rcHn'
#define HCR_RING_BYTES 4096
#define HCR_RX_BYTES   1536

typedef struct _HCR_ADAPTER {
    NDIS_HANDLE           MiniportHandle;
    NDIS_SPIN_LOCK        RxLock;
    BOOLEAN               RxLockAllocated;
    PVOID                 RingVa;
    NDIS_PHYSICAL_ADDRESS RingPa;
    PUCHAR                RxBuffer;
    UCHAR                 MacAddress[6];
    BOOLEAN               Paused;
} HCR_ADAPTER, *PHCR_ADAPTER;

static NDIS_HANDLE HcrDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE HcrInitializeEx;
MINIPORT_HALT HcrHaltEx;
MINIPORT_UNLOAD HcrUnload;
MINIPORT_PAUSE HcrPause;
MINIPORT_RESTART HcrRestart;
MINIPORT_OID_REQUEST HcrOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS HcrSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS HcrReturnNetBufferLists;
MINIPORT_CANCEL_SEND HcrCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY HcrDevicePnPEventNotify;
MINIPORT_SHUTDOWN HcrShutdownEx;
MINIPORT_CANCEL_OID_REQUEST HcrCancelOidRequest;

static NDIS_STATUS HcrSetRegistrationAttributes(PHCR_ADAPTER Adapter)
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

static NDIS_STATUS HcrSetGeneralAttributes(PHCR_ADAPTER Adapter)
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

NDIS_STATUS HcrInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PHCR_ADAPTER Adapter;
    PUCHAR Rx;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PHCR_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(HCR_ADAPTER),
                                                              HCR_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(HCR_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = HcrSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    NdisAllocateSpinLock(&Adapter->RxLock);
    Adapter->RxLockAllocated = TRUE;

    NdisMAllocateSharedMemory(MiniportAdapterHandle, HCR_RING_BYTES, TRUE, &Adapter->RingVa, &Adapter->RingPa); // expected-defect {{[ndisv_Order_DmaBeforeSharedMemory] NdisMAllocateSharedMemory is called before NdisMRegisterScatterGatherDma}}
    if (Adapter->RingVa == NULL) {
        NdisWriteErrorLogEntry(MiniportAdapterHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 0);
        Status = NDIS_STATUS_RESOURCES;
        goto Fail;
    }

    Rx = (PUCHAR)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, HCR_RX_BYTES, HCR_TAG, NormalPoolPriority);
    if (Rx == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto Fail;
    }
    NdisZeroMemory(Rx, HCR_RX_BYTES);
    Adapter->RxBuffer = Rx;

    Status = HcrSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }
    return NDIS_STATUS_SUCCESS;

Fail:
    HcrHaltEx(Adapter, NdisHaltDeviceDisabled);
    return Status;
}

VOID HcrHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PHCR_ADAPTER Adapter = (PHCR_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    if (Adapter->RxBuffer != NULL) {
        NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->RxBuffer, HCR_TAG);
        Adapter->RxBuffer = NULL;
    }
    if (Adapter->RingVa != NULL) {
        NdisMFreeSharedMemory(Adapter->MiniportHandle, HCR_RING_BYTES, TRUE, Adapter->RingVa, Adapter->RingPa);
        Adapter->RingVa = NULL;
    }
    if (Adapter->RxLockAllocated) {
        NdisFreeSpinLock(&Adapter->RxLock);
        Adapter->RxLockAllocated = FALSE;
    }
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, HCR_TAG);
}

NDIS_STATUS HcrPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PHCR_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS HcrRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PHCR_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS HcrOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID HcrSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PHCR_ADAPTER Adapter = (PHCR_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID HcrReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID HcrCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID HcrDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID HcrShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID HcrCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID HcrUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(HcrDriverHandle); }

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
    Chars.InitializeHandlerEx = HcrInitializeEx;
    Chars.HaltHandlerEx = HcrHaltEx;
    Chars.UnloadHandler = HcrUnload;
    Chars.PauseHandler = HcrPause;
    Chars.RestartHandler = HcrRestart;
    Chars.OidRequestHandler = HcrOidRequest;
    Chars.SendNetBufferListsHandler = HcrSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = HcrReturnNetBufferLists;
    Chars.CancelSendHandler = HcrCancelSend;
    Chars.DevicePnPEventNotifyHandler = HcrDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = HcrShutdownEx;
    Chars.CancelOidRequestHandler = HcrCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &HcrDriverHandle);
}

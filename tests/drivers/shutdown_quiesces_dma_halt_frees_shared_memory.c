// RUN: %ndisv check --verify %s
// Shows: a correct bus-master miniport. Init sets the registration attributes, then the general
// attributes, maps its registers, registers scatter/gather DMA and only then allocates the
// descriptor ring in shared memory. MiniportShutdownEx and MiniportHaltEx share one release
// helper, but shutdown passes FreeMemory = FALSE: it only stops the DMA engine, and the ring is
// freed in halt alone (a tool that merges the helper's paths would see a free from shutdown).
// MiniportPause pends while the hardware still owns transmit descriptors.
// expected-verdict {{NdisMFreeSharedMemory: pass}}
// expected-verdict {{MiniportPause_Return: pass}}
// expected-verdict {{ndisv_Order_RegistrationAttributesFirst: pass}}
// expected-verdict {{ndisv_Order_RegistrationBeforeHardwareResources: pass}}
// expected-verdict {{ndisv_Order_DmaBeforeSharedMemory: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define SQD_TAG 'dqSn'
#define SQD_RING_BYTES 4096
#define SQD_CSR_BYTES 0x100
#define SQD_REG_CONTROL 0x00
#define SQD_REG_TX_BUSY 0x10
#define SQD_CONTROL_STOP_DMA 0x2

typedef struct _SQD_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PUCHAR Csr;
    NDIS_HANDLE DmaHandle;
    PVOID Ring;
    NDIS_PHYSICAL_ADDRESS RingPa;
    UCHAR MacAddress[6];
} SQD_ADAPTER, *PSQD_ADAPTER;

static NDIS_HANDLE SqdDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE SqdInitializeEx;
MINIPORT_HALT SqdHaltEx;
MINIPORT_UNLOAD SqdUnload;
MINIPORT_PAUSE SqdPause;
MINIPORT_RESTART SqdRestart;
MINIPORT_OID_REQUEST SqdOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS SqdSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS SqdReturnNetBufferLists;
MINIPORT_CANCEL_SEND SqdCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY SqdDevicePnPEventNotify;
MINIPORT_SHUTDOWN SqdShutdownEx;
MINIPORT_CANCEL_OID_REQUEST SqdCancelOidRequest;
MINIPORT_PROCESS_SG_LIST SqdProcessSGList;

// Shared by shutdown and halt: stop the DMA engine; free what init acquired only when asked.
static VOID SqdReleaseHardware(PSQD_ADAPTER Adapter, BOOLEAN FreeMemory)
{
    NdisWriteRegisterUlong((PULONG)(Adapter->Csr + SQD_REG_CONTROL), SQD_CONTROL_STOP_DMA);
    if (!FreeMemory)
        return;
    NdisMFreeSharedMemory(Adapter->MiniportHandle, SQD_RING_BYTES, TRUE, Adapter->Ring, Adapter->RingPa);
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
    NdisMUnmapIoSpace(Adapter->MiniportHandle, Adapter->Csr, SQD_CSR_BYTES);
}

static NDIS_STATUS SqdSetAttributes(PSQD_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    NDIS_STATUS Status;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Reg.CheckForHangTimeInSeconds = 2;
    Reg.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 1000000000ULL;
    Gen.MediaConnectState = MediaConnectStateUnknown;
    Gen.LookaheadSize = 1500;
    Gen.MacAddressLength = 6;
    NdisMoveMemory(Gen.PermanentMacAddress, Adapter->MacAddress, 6);
    NdisMoveMemory(Gen.CurrentMacAddress, Adapter->MacAddress, 6);
    Gen.AccessType = NET_IF_ACCESS_BROADCAST;
    Gen.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    Gen.IfType = IF_TYPE_ETHERNET_CSMACD;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

NDIS_STATUS SqdInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PSQD_ADAPTER Adapter;
    NDIS_PHYSICAL_ADDRESS CsrPa;
    NDIS_SG_DMA_DESCRIPTION Dma;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PSQD_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(SQD_ADAPTER),
                                                              SQD_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(SQD_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = SqdSetAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    CsrPa.QuadPart = 0xFE000000;
    Status = NdisMMapIoSpace((PVOID *)&Adapter->Csr, MiniportAdapterHandle, CsrPa, SQD_CSR_BYTES);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.Header.Type = NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION;
    Dma.Header.Revision = NDIS_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Header.Size = NDIS_SIZEOF_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Flags = NDIS_SG_DMA_64_BIT_ADDRESS;
    Dma.MaximumPhysicalMapping = 1514;
    Dma.ProcessSGListHandler = SqdProcessSGList;
    Status = NdisMRegisterScatterGatherDma(MiniportAdapterHandle, &Dma, &Adapter->DmaHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        goto UnmapCsr;

    NdisMAllocateSharedMemory(MiniportAdapterHandle, SQD_RING_BYTES, TRUE, &Adapter->Ring, &Adapter->RingPa);
    if (Adapter->Ring == NULL) {
        NdisWriteErrorLogEntry(MiniportAdapterHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 0);
        Status = NDIS_STATUS_RESOURCES;
        goto DeregisterDma;
    }
    return NDIS_STATUS_SUCCESS;

DeregisterDma:
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
UnmapCsr:
    NdisMUnmapIoSpace(MiniportAdapterHandle, Adapter->Csr, SQD_CSR_BYTES);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SQD_TAG);
    return Status;
}

VOID SqdHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PSQD_ADAPTER Adapter = (PSQD_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    SqdReleaseHardware(Adapter, TRUE);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, SQD_TAG);
}

VOID SqdShutdownEx(NDIS_HANDLE MiniportAdapterContext, NDIS_SHUTDOWN_ACTION ShutdownAction)
{
    UNREFERENCED_PARAMETER(ShutdownAction);
    // Leave the device quiet for the next boot; the memory goes with the system.
    SqdReleaseHardware((PSQD_ADAPTER)MiniportAdapterContext, FALSE);
}

NDIS_STATUS SqdPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{
    PSQD_ADAPTER Adapter = (PSQD_ADAPTER)Ctx;
    ULONG Busy;

    UNREFERENCED_PARAMETER(Params);
    NdisReadRegisterUlong((PULONG)(Adapter->Csr + SQD_REG_TX_BUSY), &Busy);
    if (Busy != 0)
        return NDIS_STATUS_PENDING; // the transmit-complete DPC calls NdisMPauseComplete
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS SqdRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }

VOID SqdProcessSGList(PDEVICE_OBJECT pDO, PVOID Reserved, PSCATTER_GATHER_LIST pSGL, PVOID Context)
{ UNREFERENCED_PARAMETER(pDO); UNREFERENCED_PARAMETER(Reserved); UNREFERENCED_PARAMETER(pSGL); UNREFERENCED_PARAMETER(Context); }

NDIS_STATUS SqdOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID SqdSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(((PSQD_ADAPTER)Ctx)->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID SqdReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID SqdCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID SqdDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID SqdCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID SqdUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(SqdDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.MajorDriverVersion = 1;
    Chars.InitializeHandlerEx = SqdInitializeEx;
    Chars.HaltHandlerEx = SqdHaltEx;
    Chars.UnloadHandler = SqdUnload;
    Chars.PauseHandler = SqdPause;
    Chars.RestartHandler = SqdRestart;
    Chars.OidRequestHandler = SqdOidRequest;
    Chars.SendNetBufferListsHandler = SqdSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = SqdReturnNetBufferLists;
    Chars.CancelSendHandler = SqdCancelSend;
    Chars.DevicePnPEventNotifyHandler = SqdDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = SqdShutdownEx;
    Chars.CancelOidRequestHandler = SqdCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SqdDriverHandle);
}

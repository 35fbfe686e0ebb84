// RUN: %ndisv check --verify %s
// Shows: MiniportInitializeEx allocates the descriptor ring with NdisMAllocateSharedMemory before
// it registers scatter/gather DMA with NdisMRegisterScatterGatherDma (defect at the allocation).
// Shared memory is allocated against the adapter's DMA setup, which does not exist yet. The
// registration attributes come first, and every failure path releases what it holds.
// expected-verdict {{NdisMFreeSharedMemory: pass}}
// expected-verdict {{MiniportPause_Return: pass}}
// expected-verdict {{ndisv_Order_RegistrationAttributesFirst: pass}}
// expected-verdict {{ndisv_Order_RegistrationBeforeHardwareResources: pass}}
// expected-verdict {{ndisv_Order_DmaBeforeSharedMemory: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define SMB_TAG 'bmSn'
#define SMB_RING_BYTES 4096
#define SMB_CSR_BYTES 0x100
#define SMB_REG_CONTROL 0x00
#define SMB_REG_TX_BUSY 0x10
#define SMB_CONTROL_STOP_DMA 0x2

typedef struct _SMB_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PUCHAR Csr;
    NDIS_HANDLE DmaHandle;
    PVOID Ring;
    NDIS_PHYSICAL_ADDRESS RingPa;
    UCHAR MacAddress[6];
} SMB_ADAPTER, *PSMB_ADAPTER;

static NDIS_HANDLE SmbDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE SmbInitializeEx;
MINIPORT_HALT SmbHaltEx;
MINIPORT_UNLOAD SmbUnload;
MINIPORT_PAUSE SmbPause;
MINIPORT_RESTART SmbRestart;
MINIPORT_OID_REQUEST SmbOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS SmbSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS SmbReturnNetBufferLists;
MINIPORT_CANCEL_SEND SmbCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY SmbDevicePnPEventNotify;
MINIPORT_SHUTDOWN SmbShutdownEx;
MINIPORT_CANCEL_OID_REQUEST SmbCancelOidRequest;
MINIPORT_PROCESS_SG_LIST SmbProcessSGList;

// Shared by shutdown and halt: stop the DMA engine; free what init acquired only when asked.
static VOID SmbReleaseHardware(PSMB_ADAPTER Adapter, BOOLEAN FreeMemory)
{
    NdisWriteRegisterUlong((PULONG)(Adapter->Csr + SMB_REG_CONTROL), SMB_CONTROL_STOP_DMA);
    if (!FreeMemory)
        return;
    NdisMFreeSharedMemory(Adapter->MiniportHandle, SMB_RING_BYTES, TRUE, Adapter->Ring, Adapter->RingPa);
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
    NdisMUnmapIoSpace(Adapter->MiniportHandle, Adapter->Csr, SMB_CSR_BYTES);
}

static NDIS_STATUS SmbSetAttributes(PSMB_ADAPTER Adapter)
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

NDIS_STATUS SmbInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PSMB_ADAPTER Adapter;
    NDIS_PHYSICAL_ADDRESS CsrPa;
    NDIS_SG_DMA_DESCRIPTION Dma;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PSMB_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(SMB_ADAPTER),
                                                              SMB_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(SMB_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = SmbSetAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    CsrPa.QuadPart = 0xFE000000;
    Status = NdisMMapIoSpace((PVOID *)&Adapter->Csr, MiniportAdapterHandle, CsrPa, SMB_CSR_BYTES);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    NdisMAllocateSharedMemory(MiniportAdapterHandle, SMB_RING_BYTES, TRUE, &Adapter->Ring, &Adapter->RingPa); // expected-defect {{[ndisv_Order_DmaBeforeSharedMemory] NdisMAllocateSharedMemory is called before NdisMRegisterScatterGatherDma}}
    if (Adapter->Ring == NULL) {
        NdisWriteErrorLogEntry(MiniportAdapterHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 0);
        Status = NDIS_STATUS_RESOURCES;
        goto UnmapCsr;
    }

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.Header.Type = NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION;
    Dma.Header.Revision = NDIS_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Header.Size = NDIS_SIZEOF_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Flags = NDIS_SG_DMA_64_BIT_ADDRESS;
    Dma.MaximumPhysicalMapping = 1514;
    Dma.ProcessSGListHandler = SmbProcessSGList;
    Status = NdisMRegisterScatterGatherDma(MiniportAdapterHandle, &Dma, &Adapter->DmaHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeRing;
    return NDIS_STATUS_SUCCESS;

FreeRing:
    NdisMFreeSharedMemory(MiniportAdapterHandle, SMB_RING_BYTES, TRUE, Adapter->Ring, Adapter->RingPa);
UnmapCsr:
    NdisMUnmapIoSpace(MiniportAdapterHandle, Adapter->Csr, SMB_CSR_BYTES);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SMB_TAG);
    return Status;
}

VOID SmbHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PSMB_ADAPTER Adapter = (PSMB_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    SmbReleaseHardware(Adapter, TRUE);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, SMB_TAG);
}

VOID SmbShutdownEx(NDIS_HANDLE MiniportAdapterContext, NDIS_SHUTDOWN_ACTION ShutdownAction)
{
    UNREFERENCED_PARAMETER(ShutdownAction);
    // Leave the device quiet for the next boot; the memory goes with the system.
    SmbReleaseHardware((PSMB_ADAPTER)MiniportAdapterContext, FALSE);
}

NDIS_STATUS SmbPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{
    PSMB_ADAPTER Adapter = (PSMB_ADAPTER)Ctx;
    ULONG Busy;

    UNREFERENCED_PARAMETER(Params);
    NdisReadRegisterUlong((PULONG)(Adapter->Csr + SMB_REG_TX_BUSY), &Busy);
    if (Busy != 0)
        return NDIS_STATUS_PENDING; // the transmit-complete DPC calls NdisMPauseComplete
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS SmbRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }

VOID SmbProcessSGList(PDEVICE_OBJECT pDO, PVOID Reserved, PSCATTER_GATHER_LIST pSGL, PVOID Context)
{ UNREFERENCED_PARAMETER(pDO); UNREFERENCED_PARAMETER(Reserved); UNREFERENCED_PARAMETER(pSGL); UNREFERENCED_PARAMETER(Context); }

NDIS_STATUS SmbOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID SmbSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(((PSMB_ADAPTER)Ctx)->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID SmbReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID SmbCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID SmbDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID SmbCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID SmbUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(SmbDriverHandle); }

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
    Chars.InitializeHandlerEx = SmbInitializeEx;
    Chars.HaltHandlerEx = SmbHaltEx;
    Chars.UnloadHandler = SmbUnload;
    Chars.PauseHandler = SmbPause;
    Chars.RestartHandler = SmbRestart;
    Chars.OidRequestHandler = SmbOidRequest;
    Chars.SendNetBufferListsHandler = SmbSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = SmbReturnNetBufferLists;
    Chars.CancelSendHandler = SmbCancelSend;
    Chars.DevicePnPEventNotifyHandler = SmbDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = SmbShutdownEx;
    Chars.CancelOidRequestHandler = SmbCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SmbDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: MiniportInitializeEx maps its registers with NdisMMapIoSpace to read the permanent MAC
// address for the general attributes, before NdisMSetMiniportAttributes has set the registration
// attributes (defect at the NdisMMapIoSpace call). NDIS needs the registration attributes (adapter
// context, hardware-device and bus-master flags) before it grants hardware resources. The rest of
// the order (SG DMA, then shared memory) is right, and the driver releases what it acquires.
// expected-verdict {{NdisMFreeSharedMemory: pass}}
// expected-verdict {{MiniportPause_Return: pass}}
// expected-verdict {{ndisv_Order_RegistrationAttributesFirst: pass}}
// expected-verdict {{ndisv_Order_RegistrationBeforeHardwareResources: defect}}
// expected-verdict {{ndisv_Order_DmaBeforeSharedMemory: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define MRB_TAG 'brMn'
#define MRB_RING_BYTES 4096
#define MRB_CSR_BYTES 0x100
#define MRB_REG_CONTROL 0x00
#define MRB_REG_TX_BUSY 0x10
#define MRB_CONTROL_STOP_DMA 0x2

typedef struct _MRB_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PUCHAR Csr;
    NDIS_HANDLE DmaHandle;
    PVOID Ring;
    NDIS_PHYSICAL_ADDRESS RingPa;
    UCHAR MacAddress[6];
} MRB_ADAPTER, *PMRB_ADAPTER;

static NDIS_HANDLE MrbDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE MrbInitializeEx;
MINIPORT_HALT MrbHaltEx;
MINIPORT_UNLOAD MrbUnload;
MINIPORT_PAUSE MrbPause;
MINIPORT_RESTART MrbRestart;
MINIPORT_OID_REQUEST MrbOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS MrbSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS MrbReturnNetBufferLists;
MINIPORT_CANCEL_SEND MrbCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY MrbDevicePnPEventNotify;
MINIPORT_SHUTDOWN MrbShutdownEx;
MINIPORT_CANCEL_OID_REQUEST MrbCancelOidRequest;
MINIPORT_PROCESS_SG_LIST MrbProcessSGList;

// Shared by shutdown and halt: stop the DMA engine; free what init acquired only when asked.
static VOID MrbReleaseHardware(PMRB_ADAPTER Adapter, BOOLEAN FreeMemory)
{
    NdisWriteRegisterUlong((PULONG)(Adapter->Csr + MRB_REG_CONTROL), MRB_CONTROL_STOP_DMA);
    if (!FreeMemory)
        return;
    NdisMFreeSharedMemory(Adapter->MiniportHandle, MRB_RING_BYTES, TRUE, Adapter->Ring, Adapter->RingPa);
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
    NdisMUnmapIoSpace(Adapter->MiniportHandle, Adapter->Csr, MRB_CSR_BYTES);
}

static NDIS_STATUS MrbSetAttributes(PMRB_ADAPTER Adapter)
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

NDIS_STATUS MrbInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PMRB_ADAPTER Adapter;
    NDIS_PHYSICAL_ADDRESS CsrPa;
    NDIS_SG_DMA_DESCRIPTION Dma;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PMRB_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(MRB_ADAPTER),
                                                              MRB_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(MRB_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    CsrPa.QuadPart = 0xFE000000;
    Status = NdisMMapIoSpace((PVOID *)&Adapter->Csr, MiniportAdapterHandle, CsrPa, MRB_CSR_BYTES); // expected-defect {{[ndisv_Order_RegistrationBeforeHardwareResources] NdisMMapIoSpace maps device memory before NdisMSetMiniportAttributes has set the registration attributes}}
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    NdisMoveMemory(Adapter->MacAddress, Adapter->Csr + 0x40, 6);

    Status = MrbSetAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto UnmapCsr;

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.Header.Type = NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION;
    Dma.Header.Revision = NDIS_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Header.Size = NDIS_SIZEOF_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Flags = NDIS_SG_DMA_64_BIT_ADDRESS;
    Dma.MaximumPhysicalMapping = 1514;
    Dma.ProcessSGListHandler = MrbProcessSGList;
    Status = NdisMRegisterScatterGatherDma(MiniportAdapterHandle, &Dma, &Adapter->DmaHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        goto UnmapCsr;

    NdisMAllocateSharedMemory(MiniportAdapterHandle, MRB_RING_BYTES, TRUE, &Adapter->Ring, &Adapter->RingPa);
    if (Adapter->Ring == NULL) {
        NdisWriteErrorLogEntry(MiniportAdapterHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 0);
        Status = NDIS_STATUS_RESOURCES;
        goto DeregisterDma;
    }
    return NDIS_STATUS_SUCCESS;

DeregisterDma:
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
UnmapCsr:
    NdisMUnmapIoSpace(MiniportAdapterHandle, Adapter->Csr, MRB_CSR_BYTES);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, MRB_TAG);
    return Status;
}

VOID MrbHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PMRB_ADAPTER Adapter = (PMRB_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    MrbReleaseHardware(Adapter, TRUE);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, MRB_TAG);
}

VOID MrbShutdownEx(NDIS_HANDLE MiniportAdapterContext, NDIS_SHUTDOWN_ACTION ShutdownAction)
{
    UNREFERENCED_PARAMETER(ShutdownAction);
    // Leave the device quiet for the next boot; the memory goes with the system.
    MrbReleaseHardware((PMRB_ADAPTER)MiniportAdapterContext, FALSE);
}

NDIS_STATUS MrbPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{
    PMRB_ADAPTER Adapter = (PMRB_ADAPTER)Ctx;
    ULONG Busy;

    UNREFERENCED_PARAMETER(Params);
    NdisReadRegisterUlong((PULONG)(Adapter->Csr + MRB_REG_TX_BUSY), &Busy);
    if (Busy != 0)
        return NDIS_STATUS_PENDING; // the transmit-complete DPC calls NdisMPauseComplete
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS MrbRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }

VOID MrbProcessSGList(PDEVICE_OBJECT pDO, PVOID Reserved, PSCATTER_GATHER_LIST pSGL, PVOID Context)
{ UNREFERENCED_PARAMETER(pDO); UNREFERENCED_PARAMETER(Reserved); UNREFERENCED_PARAMETER(pSGL); UNREFERENCED_PARAMETER(Context); }

NDIS_STATUS MrbOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID MrbSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(((PMRB_ADAPTER)Ctx)->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID MrbReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID MrbCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID MrbDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID MrbCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID MrbUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(MrbDriverHandle); }

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
    Chars.InitializeHandlerEx = MrbInitializeEx;
    Chars.HaltHandlerEx = MrbHaltEx;
    Chars.UnloadHandler = MrbUnload;
    Chars.PauseHandler = MrbPause;
    Chars.RestartHandler = MrbRestart;
    Chars.OidRequestHandler = MrbOidRequest;
    Chars.SendNetBufferListsHandler = MrbSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = MrbReturnNetBufferLists;
    Chars.CancelSendHandler = MrbCancelSend;
    Chars.DevicePnPEventNotifyHandler = MrbDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = MrbShutdownEx;
    Chars.CancelOidRequestHandler = MrbCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &MrbDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: MiniportInitializeEx hands NDIS its attribute blocks from a table, in a loop, and the
// table lists the general attributes before the registration attributes (defect at the call in
// the loop, on its first iteration). The general attributes come after the registration
// attributes, which give NDIS the adapter context and flags. The hardware set-up after it is in
// the right order, and the driver releases what it acquires.
// expected-verdict {{NdisMFreeSharedMemory: pass}}
// expected-verdict {{MiniportPause_Return: pass}}
// expected-verdict {{ndisv_Order_RegistrationAttributesFirst: defect}}
// expected-verdict {{ndisv_Order_RegistrationBeforeHardwareResources: pass}}
// expected-verdict {{ndisv_Order_DmaBeforeSharedMemory: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define ATG_TAG 'gtAn'
#define ATG_RING_BYTES 4096
#define ATG_CSR_BYTES 0x100
#define ATG_REG_CONTROL 0x00
#define ATG_REG_TX_BUSY 0x10
#define ATG_CONTROL_STOP_DMA 0x2

typedef struct _ATG_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PUCHAR Csr;
    NDIS_HANDLE DmaHandle;
    PVOID Ring;
    NDIS_PHYSICAL_ADDRESS RingPa;
    UCHAR MacAddress[6];
} ATG_ADAPTER, *PATG_ADAPTER;

static NDIS_HANDLE AtgDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE AtgInitializeEx;
MINIPORT_HALT AtgHaltEx;
MINIPORT_UNLOAD AtgUnload;
MINIPORT_PAUSE AtgPause;
MINIPORT_RESTART AtgRestart;
MINIPORT_OID_REQUEST AtgOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS AtgSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS AtgReturnNetBufferLists;
MINIPORT_CANCEL_SEND AtgCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY AtgDevicePnPEventNotify;
MINIPORT_SHUTDOWN AtgShutdownEx;
MINIPORT_CANCEL_OID_REQUEST AtgCancelOidRequest;
MINIPORT_PROCESS_SG_LIST AtgProcessSGList;

// Shared by shutdown and halt: stop the DMA engine; free what init acquired only when asked.
static VOID AtgReleaseHardware(PATG_ADAPTER Adapter, BOOLEAN FreeMemory)
{
    NdisWriteRegisterUlong((PULONG)(Adapter->Csr + ATG_REG_CONTROL), ATG_CONTROL_STOP_DMA);
    if (!FreeMemory)
        return;
    NdisMFreeSharedMemory(Adapter->MiniportHandle, ATG_RING_BYTES, TRUE, Adapter->Ring, Adapter->RingPa);
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
    NdisMUnmapIoSpace(Adapter->MiniportHandle, Adapter->Csr, ATG_CSR_BYTES);
}

// The attribute blocks NDIS gets, in the order of this table.
static NDIS_STATUS AtgSetAttributes(PATG_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    PNDIS_MINIPORT_ADAPTER_ATTRIBUTES Table[2];
    NDIS_STATUS Status;
    ULONG i;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Reg.CheckForHangTimeInSeconds = 2;
    Reg.InterfaceType = NdisInterfacePci;

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

    // BUG: the general attributes are listed first.
    Table[0] = (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen;
    Table[1] = (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg;
    for (i = 0; i < 2; i++) {
        Status = NdisMSetMiniportAttributes(Adapter->MiniportHandle, Table[i]); // expected-defect {{[ndisv_Order_RegistrationAttributesFirst] NdisMSetMiniportAttributes sets the general attributes before NdisMSetMiniportAttributes has set the registration attributes}}
        if (Status != NDIS_STATUS_SUCCESS)
            return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS AtgInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PATG_ADAPTER Adapter;
    NDIS_PHYSICAL_ADDRESS CsrPa;
    NDIS_SG_DMA_DESCRIPTION Dma;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PATG_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(ATG_ADAPTER),
                                                              ATG_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(ATG_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = AtgSetAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    CsrPa.QuadPart = 0xFE000000;
    Status = NdisMMapIoSpace((PVOID *)&Adapter->Csr, MiniportAdapterHandle, CsrPa, ATG_CSR_BYTES);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.Header.Type = NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION;
    Dma.Header.Revision = NDIS_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Header.Size = NDIS_SIZEOF_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Flags = NDIS_SG_DMA_64_BIT_ADDRESS;
    Dma.MaximumPhysicalMapping = 1514;
    Dma.ProcessSGListHandler = AtgProcessSGList;
    Status = NdisMRegisterScatterGatherDma(MiniportAdapterHandle, &Dma, &Adapter->DmaHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        goto UnmapCsr;

    NdisMAllocateSharedMemory(MiniportAdapterHandle, ATG_RING_BYTES, TRUE, &Adapter->Ring, &Adapter->RingPa);
    if (Adapter->Ring == NULL) {
        NdisWriteErrorLogEntry(MiniportAdapterHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 0);
        Status = NDIS_STATUS_RESOURCES;
        goto DeregisterDma;
    }
    return NDIS_STATUS_SUCCESS;

DeregisterDma:
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
UnmapCsr:
    NdisMUnmapIoSpace(MiniportAdapterHandle, Adapter->Csr, ATG_CSR_BYTES);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, ATG_TAG);
    return Status;
}

VOID AtgHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PATG_ADAPTER Adapter = (PATG_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    AtgReleaseHardware(Adapter, TRUE);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, ATG_TAG);
}

VOID AtgShutdownEx(NDIS_HANDLE MiniportAdapterContext, NDIS_SHUTDOWN_ACTION ShutdownAction)
{
    UNREFERENCED_PARAMETER(ShutdownAction);
    // Leave the device quiet for the next boot; the memory goes with the system.
    AtgReleaseHardware((PATG_ADAPTER)MiniportAdapterContext, FALSE);
}

NDIS_STATUS AtgPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{
    PATG_ADAPTER Adapter = (PATG_ADAPTER)Ctx;
    ULONG Busy;

    UNREFERENCED_PARAMETER(Params);
    NdisReadRegisterUlong((PULONG)(Adapter->Csr + ATG_REG_TX_BUSY), &Busy);
    if (Busy != 0)
        return NDIS_STATUS_PENDING; // the transmit-complete DPC calls NdisMPauseComplete
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS AtgRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }

VOID AtgProcessSGList(PDEVICE_OBJECT pDO, PVOID Reserved, PSCATTER_GATHER_LIST pSGL, PVOID Context)
{ UNREFERENCED_PARAMETER(pDO); UNREFERENCED_PARAMETER(Reserved); UNREFERENCED_PARAMETER(pSGL); UNREFERENCED_PARAMETER(Context); }

NDIS_STATUS AtgOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID AtgSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(((PATG_ADAPTER)Ctx)->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID AtgReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID AtgCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID AtgDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID AtgCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID AtgUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(AtgDriverHandle); }

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
    Chars.InitializeHandlerEx = AtgInitializeEx;
    Chars.HaltHandlerEx = AtgHaltEx;
    Chars.UnloadHandler = AtgUnload;
    Chars.PauseHandler = AtgPause;
    Chars.RestartHandler = AtgRestart;
    Chars.OidRequestHandler = AtgOidRequest;
    Chars.SendNetBufferListsHandler = AtgSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = AtgReturnNetBufferLists;
    Chars.CancelSendHandler = AtgCancelSend;
    Chars.DevicePnPEventNotifyHandler = AtgDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = AtgShutdownEx;
    Chars.CancelOidRequestHandler = AtgCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &AtgDriverHandle);
}

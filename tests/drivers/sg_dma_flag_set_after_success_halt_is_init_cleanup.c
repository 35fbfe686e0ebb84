// RUN: %ndisv check --verify %s
// Shows (false-alarm trap): the fail-driver shape done right. A helper registers the scatter/gather DMA, init sets
// SgDmaRegistered only once the registration succeeded, and calls halt as its failure cleanup; halt deregisters
// under that flag. A failed registration leaves the flag clear and needs no deregistration (pass).
// expected-verdict {{Init_RegisterSG: pass}}
// expected-verdict {{ndisv_Init_ScatterGatherDma: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define SGK_TAG 'kgSn'

typedef struct _SGK_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE NdisDmaHandle;
    BOOLEAN     SgDmaRegistered;      // set once MPRegisterDma succeeded
    ULONG       MaxPhysicalMapping;
    ULONG       PacketFilter;
} SGK_ADAPTER, *PSGK_ADAPTER;

NDIS_HANDLE SgkDriverHandle = NULL;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE MPInitializeEx;
MINIPORT_HALT MPHaltEx;
MINIPORT_UNLOAD MPUnload;
MINIPORT_OID_REQUEST MPOidRequest;
MINIPORT_PROCESS_SG_LIST MPProcessSGList;
MINIPORT_ALLOCATE_SHARED_MEM_COMPLETE MPSharedMemAllocateComplete;

VOID MPProcessSGList(PDEVICE_OBJECT pDO, PVOID Reserved, PSCATTER_GATHER_LIST pSGL, PVOID Context)
{
    UNREFERENCED_PARAMETER(pDO); UNREFERENCED_PARAMETER(Reserved);
    UNREFERENCED_PARAMETER(pSGL); UNREFERENCED_PARAMETER(Context);
}

VOID MPSharedMemAllocateComplete(NDIS_HANDLE MiniportAdapterContext, PVOID VirtualAddress,
                                 PNDIS_PHYSICAL_ADDRESS PhysicalAddress, ULONG Length, PVOID Context)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext); UNREFERENCED_PARAMETER(VirtualAddress);
    UNREFERENCED_PARAMETER(PhysicalAddress); UNREFERENCED_PARAMETER(Length); UNREFERENCED_PARAMETER(Context);
}

// The helper registers the DMA and reports the status; the caller is the one meant to record success.
static NDIS_STATUS MPRegisterDma(PSGK_ADAPTER Adapter)
{
    NDIS_SG_DMA_DESCRIPTION Dma;

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.Header.Type = NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION;
    Dma.Header.Revision = NDIS_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Header.Size = NDIS_SIZEOF_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Flags = NDIS_SG_DMA_64_BIT_ADDRESS;
    Dma.MaximumPhysicalMapping = Adapter->MaxPhysicalMapping;
    Dma.ProcessSGListHandler = MPProcessSGList;
    Dma.SharedMemAllocateCompleteHandler = MPSharedMemAllocateComplete;
    return NdisMRegisterScatterGatherDma(Adapter->AdapterHandle, &Dma, &Adapter->NdisDmaHandle);
}

VOID MPHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PSGK_ADAPTER Adapter = (PSGK_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    if (Adapter->SgDmaRegistered) {
        NdisMDeregisterScatterGatherDma(Adapter->NdisDmaHandle);
        Adapter->SgDmaRegistered = FALSE;
    }
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, SGK_TAG);
}

NDIS_STATUS MPInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    PSGK_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PSGK_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(SGK_ADAPTER), SGK_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(SGK_ADAPTER));     // SgDmaRegistered starts FALSE
    Adapter->AdapterHandle = MiniportAdapterHandle;
    Adapter->MaxPhysicalMapping = 0x10000;

    do {
        NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
        RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
        RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
        RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
        RegAttrs.CheckForHangTimeInSeconds = 2;
        RegAttrs.InterfaceType = NdisInterfacePci;
        Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
        if (Status != NDIS_STATUS_SUCCESS)
            break;

        Status = MPRegisterDma(Adapter);
        if (Status != NDIS_STATUS_SUCCESS)
            break;
        Adapter->SgDmaRegistered = TRUE;

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
        Gen.PermanentMacAddress[0] = Gen.CurrentMacAddress[0] = 0x02;
        Gen.AccessType = NET_IF_ACCESS_BROADCAST;
        Gen.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
        Gen.IfType = IF_TYPE_ETHERNET_CSMACD;
        Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
    } while (FALSE);

    if (Status != NDIS_STATUS_SUCCESS) {
        // Halt doubles as the failure cleanup: it deregisters exactly when the registration succeeded.
        MPHaltEx(Adapter, NdisHaltDeviceInitializationFailed);
    }
    return Status;
}

NDIS_STATUS MPOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID MPUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(SgkDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.MajorDriverVersion = 1;
    Chars.InitializeHandlerEx = MPInitializeEx;
    Chars.HaltHandlerEx = MPHaltEx;
    Chars.UnloadHandler = MPUnload;
    Chars.OidRequestHandler = MPOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SgkDriverHandle);
}

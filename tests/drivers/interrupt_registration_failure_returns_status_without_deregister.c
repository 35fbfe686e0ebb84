// RUN: %ndisv check --verify %s
// When NdisMRegisterInterruptEx itself fails, init returns that status without calling NdisMDeregisterInterruptEx:
// correct, because nothing was registered. Every later failure and halt release what was acquired.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define KITE_TAG 'etiK'

typedef struct _KITE_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE TxWorkItem;
    ULONG       TxPending;
} KITE_ADAPTER, *PKITE_ADAPTER;

static NDIS_HANDLE g_KiteDriverHandle;

MINIPORT_INITIALIZE KiteInitializeEx;
MINIPORT_HALT KiteHaltEx;
MINIPORT_UNLOAD KiteUnload;
MINIPORT_OID_REQUEST KiteOidRequest;
MINIPORT_ISR KiteIsr;
MINIPORT_INTERRUPT_DPC KiteDpc;
MINIPORT_DISABLE_INTERRUPT KiteDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT KiteEnableInterrupt;

BOOLEAN KiteIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID KiteDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
             PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

VOID KiteDisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
VOID KiteEnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

NDIS_STATUS KiteInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                             PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    PKITE_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(KITE_ADAPTER), KITE_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(KITE_ADAPTER));
    Adapter->AdapterHandle = MiniportAdapterHandle;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    Reg.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, KITE_TAG);
        return Status;
    }

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
    Gen.MediaType = NdisMedium802_3;
    Gen.PhysicalMediumType = NdisPhysicalMediumUnspecified;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = 1000000000ULL;
    Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 1000000000ULL;
    Gen.MediaConnectState = MediaConnectStateConnected;
    Gen.MediaDuplexState = MediaDuplexStateFull;
    Gen.LookaheadSize = 1500;
    Gen.MacAddressLength = 6;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, KITE_TAG);
        return Status;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = KiteIsr;
    Intr.InterruptDpcHandler = KiteDpc;
    Intr.DisableInterruptHandler = KiteDisableInterrupt;
    Intr.EnableInterruptHandler = KiteEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        // Nothing was registered: no NdisMDeregisterInterruptEx here, and that is correct.
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, KITE_TAG);
        return Status;
    }

    Adapter->TxWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->TxWorkItem == NULL) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, KITE_TAG);
        return NDIS_STATUS_RESOURCES;
    }

    return NDIS_STATUS_SUCCESS;
}

VOID KiteHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PKITE_ADAPTER Adapter = (PKITE_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);

    NdisFreeIoWorkItem(Adapter->TxWorkItem);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, KITE_TAG);
}

NDIS_STATUS KiteOidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST OidRequest)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(OidRequest);
    return NDIS_STATUS_NOT_SUPPORTED;
}

VOID KiteUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_KiteDriverHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NDIS_STATUS Status;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = KiteInitializeEx;
    Chars.HaltHandlerEx = KiteHaltEx;
    Chars.OidRequestHandler = KiteOidRequest;
    Chars.UnloadHandler = KiteUnload;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &g_KiteDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

// RUN: %ndisv check --verify %s
// Init tests its results with comma expressions, e.g. `if (Status = NDIS_STATUS_RESOURCES, Adapter->WorkItem == NULL)
// goto Cleanup;`; the cleanup label and halt release everything that was acquired. Clean on every path.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS683_MINIPORT 1
#include <ndis.h>

#define TERN_TAG 'nreT'

typedef struct _TERN_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE WorkItem;
    ULONG       ResetCount;
} TERN_ADAPTER, *PTERN_ADAPTER;

static NDIS_HANDLE g_TernDriverHandle;

MINIPORT_INITIALIZE TernInitializeEx;
MINIPORT_HALT TernHaltEx;
MINIPORT_UNLOAD TernUnload;
MINIPORT_ISR TernIsr;
MINIPORT_INTERRUPT_DPC TernDpc;
MINIPORT_DISABLE_INTERRUPT TernDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT TernEnableInterrupt;

BOOLEAN TernIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID TernDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
             PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

VOID TernDisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
VOID TernEnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

static NDIS_STATUS TernSetRegistration(PTERN_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    Reg.InterfaceType = NdisInterfacePci;
    return NdisMSetMiniportAttributes(Adapter->AdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
}

static NDIS_STATUS TernSetGeneral(PTERN_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.PhysicalMediumType = NdisPhysicalMediumUnspecified;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = 1000000000ULL;
    Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 1000000000ULL;
    Gen.MediaConnectState = MediaConnectStateConnected;
    Gen.MediaDuplexState = MediaDuplexStateFull;
    Gen.LookaheadSize = 1500;
    Gen.MacAddressLength = 6;
    return NdisMSetMiniportAttributes(Adapter->AdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

NDIS_STATUS TernInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                             PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    PTERN_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    if (Status = NDIS_STATUS_RESOURCES,
        (Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), TERN_TAG, NormalPoolPriority)) == NULL) {
        return Status;
    }
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->AdapterHandle = MiniportAdapterHandle;

    if (Status = TernSetRegistration(Adapter), Status != NDIS_STATUS_SUCCESS) goto Cleanup;

    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Status = NDIS_STATUS_RESOURCES, Adapter->WorkItem == NULL) goto Cleanup;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = TernIsr;
    Intr.InterruptDpcHandler = TernDpc;
    Intr.DisableInterruptHandler = TernDisableInterrupt;
    Intr.EnableInterruptHandler = TernEnableInterrupt;
    if (Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle),
        Status != NDIS_STATUS_SUCCESS) goto Cleanup;

    if (Status = TernSetGeneral(Adapter), Status == NDIS_STATUS_SUCCESS) return Status;

Cleanup:
    if (Adapter->InterruptHandle != NULL) (NdisMDeregisterInterruptEx(Adapter->InterruptHandle), Adapter->InterruptHandle = NULL);
    if (Adapter->WorkItem != NULL) (NdisFreeIoWorkItem(Adapter->WorkItem), Adapter->WorkItem = NULL);
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, TERN_TAG);
    return Status;
}

VOID TernHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PTERN_ADAPTER Adapter = (PTERN_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);

    NdisMDeregisterInterruptEx(Adapter->InterruptHandle), NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, TERN_TAG);
}

VOID TernUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_TernDriverHandle);
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
    Chars.MinorNdisVersion = 83;
    Chars.InitializeHandlerEx = TernInitializeEx;
    Chars.HaltHandlerEx = TernHaltEx;
    Chars.UnloadHandler = TernUnload;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &g_TernDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

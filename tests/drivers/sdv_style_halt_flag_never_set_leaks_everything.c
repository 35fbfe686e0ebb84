// RUN: %ndisv check --verify %s
// Shape of SDV's NDIS fail driver: init zeroes the context, never sets ResourcesAllocated, and uses halt as its
// failure cleanup; halt releases the interrupt and work item only under that flag, so nothing is ever released.
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
// expected-verdict {{Init_RegisterInterrupt: defect}}
// expected-verdict {{Init_DeRegisterInterrupt: defect}}
// expected-verdict {{ndisv_Init_Interrupt: defect}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define FAIL_TAG 'lIaF'

typedef struct _FAIL_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE WorkItem;
    BOOLEAN     ResourcesAllocated;   // meant to be set once MPAllocateResources succeeded
    ULONG       PacketFilter;
} FAIL_ADAPTER, *PFAIL_ADAPTER;

NDIS_HANDLE g_MiniportDriverHandle = NULL;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE MPInitializeEx;
MINIPORT_HALT MPHaltEx;
MINIPORT_UNLOAD MPUnload;
MINIPORT_PAUSE MPPause;
MINIPORT_RESTART MPRestart;
MINIPORT_OID_REQUEST MPOidRequest;
MINIPORT_ISR MPIsr;
MINIPORT_INTERRUPT_DPC MPInterruptDpc;
MINIPORT_DISABLE_INTERRUPT MPDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT MPEnableInterrupt;

BOOLEAN MPIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID MPInterruptDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
                    PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

VOID MPDisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
VOID MPEnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

static NDIS_STATUS MPAllocateResources(PFAIL_ADAPTER Adapter)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    NDIS_STATUS Status;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = MPIsr;
    Intr.InterruptDpcHandler = MPInterruptDpc;
    Intr.DisableInterruptHandler = MPDisableInterrupt;
    Intr.EnableInterruptHandler = MPEnableInterrupt;

    Status = NdisMRegisterInterruptEx(Adapter->AdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle); // expected-note {{interrupt registered by NdisMRegisterInterruptEx}}
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    Adapter->WorkItem = NdisAllocateIoWorkItem(Adapter->AdapterHandle); // expected-note {{work item allocated by NdisAllocateIoWorkItem}}
    if (Adapter->WorkItem == NULL) {
        return NDIS_STATUS_RESOURCES;
    }

    // BUG: Adapter->ResourcesAllocated = TRUE; is missing.
    return NDIS_STATUS_SUCCESS;
}

VOID MPHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PFAIL_ADAPTER Adapter = (PFAIL_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);

    if (Adapter->ResourcesAllocated) {
        NdisFreeIoWorkItem(Adapter->WorkItem);
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        Adapter->ResourcesAllocated = FALSE;
    }

    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, FAIL_TAG);
} // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportHaltEx returns without}} expected-defect {{[Init_RegisterInterrupt] MiniportHaltEx returns without}} expected-defect {{[Init_DeRegisterInterrupt] MiniportHaltEx returns without}} expected-defect {{[ndisv_Init_Interrupt] MiniportHaltEx returns without calling NdisMDeregisterInterruptEx for Adapter->InterruptHandle}} expected-defect {{[ndisv_Init_IoWorkItem] MiniportHaltEx returns without calling NdisFreeIoWorkItem for Adapter->WorkItem}}

NDIS_STATUS MPInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES GenAttrs;
    PFAIL_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PFAIL_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(FAIL_ADAPTER),
                                                               FAIL_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(FAIL_ADAPTER));
    Adapter->AdapterHandle = MiniportAdapterHandle;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    RegAttrs.CheckForHangTimeInSeconds = 4;
    RegAttrs.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Exit;
    }

    Status = MPAllocateResources(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Exit;
    }

    NdisZeroMemory(&GenAttrs, sizeof(GenAttrs));
    GenAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    GenAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
    GenAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
    GenAttrs.MediaType = NdisMedium802_3;
    GenAttrs.PhysicalMediumType = NdisPhysicalMediumUnspecified;
    GenAttrs.MtuSize = 1500;
    GenAttrs.MaxXmitLinkSpeed = GenAttrs.XmitLinkSpeed = 100000000ULL;
    GenAttrs.MaxRcvLinkSpeed = GenAttrs.RcvLinkSpeed = 100000000ULL;
    GenAttrs.MediaConnectState = MediaConnectStateUnknown;
    GenAttrs.MediaDuplexState = MediaDuplexStateUnknown;
    GenAttrs.LookaheadSize = 1500;
    GenAttrs.MacAddressLength = 6;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&GenAttrs);

Exit:
    if (Status != NDIS_STATUS_SUCCESS) {
        // Halt doubles as the failure cleanup, but it only releases under ResourcesAllocated.
        MPHaltEx(Adapter, NdisHaltDeviceInitializationFailed);
    }
    return Status; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without}} expected-defect {{[Init_RegisterInterrupt] MiniportInitializeEx fails without}} expected-defect {{[ndisv_Init_Interrupt] MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx for Adapter->InterruptHandle}} expected-defect {{[ndisv_Init_IoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for Adapter->WorkItem}}
}

NDIS_STATUS MPPause(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(PauseParameters);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS MPRestart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RestartParameters);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS MPOidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST OidRequest)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(OidRequest);
    return NDIS_STATUS_NOT_SUPPORTED;
}

VOID MPUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_MiniportDriverHandle);
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
    Chars.InitializeHandlerEx = MPInitializeEx;
    Chars.HaltHandlerEx = MPHaltEx;
    Chars.UnloadHandler = MPUnload;
    Chars.PauseHandler = MPPause;
    Chars.RestartHandler = MPRestart;
    Chars.OidRequestHandler = MPOidRequest;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &g_MiniportDriverHandle);
    return (Status == NDIS_STATUS_SUCCESS) ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

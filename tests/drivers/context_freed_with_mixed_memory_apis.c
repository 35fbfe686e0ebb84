// RUN: %ndisv check --verify %s
// The context from NdisAllocateMemoryWithTagPriority is freed with NdisFreeMemoryWithTagPriority on init failure but
// with NdisFreeMemory in halt. That is irrelevant to these rules: interrupt and work item are released correctly.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define GULL_TAG 'lluG'

typedef struct _GULL_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE StatsWorkItem;
    ULONG64     TxFrames;
    ULONG64     RxFrames;
} GULL_ADAPTER, *PGULL_ADAPTER;

static NDIS_HANDLE g_GullDriverHandle;

MINIPORT_INITIALIZE GullInitializeEx;
MINIPORT_HALT GullHaltEx;
MINIPORT_UNLOAD GullUnload;
MINIPORT_PAUSE GullPause;
MINIPORT_RESTART GullRestart;
MINIPORT_ISR GullIsr;
MINIPORT_INTERRUPT_DPC GullDpc;
MINIPORT_DISABLE_INTERRUPT GullDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT GullEnableInterrupt;

BOOLEAN GullIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID GullDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
             PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    PGULL_ADAPTER Adapter = (PGULL_ADAPTER)MiniportInterruptContext;
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
    Adapter->RxFrames++;
}

VOID GullDisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
VOID GullEnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

NDIS_STATUS GullInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                             PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    PGULL_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PGULL_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(GULL_ADAPTER),
                                                               GULL_TAG, HighPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(GULL_ADAPTER));
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
        goto FreeContext;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = GullIsr;
    Intr.InterruptDpcHandler = GullDpc;
    Intr.DisableInterruptHandler = GullDisableInterrupt;
    Intr.EnableInterruptHandler = GullEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeContext;
    }

    Adapter->StatsWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->StatsWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto DeregisterInterrupt;
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
        goto FreeWorkItem;
    }
    return NDIS_STATUS_SUCCESS;

FreeWorkItem:
    NdisFreeIoWorkItem(Adapter->StatsWorkItem);
DeregisterInterrupt:
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
FreeContext:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, GULL_TAG);
    return Status;
}

VOID GullHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PGULL_ADAPTER Adapter = (PGULL_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);

    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeIoWorkItem(Adapter->StatsWorkItem);
    NdisFreeMemory(Adapter, sizeof(GULL_ADAPTER), 0);
}

NDIS_STATUS GullPause(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(PauseParameters);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS GullRestart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RestartParameters);
    return NDIS_STATUS_SUCCESS;
}

VOID GullUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_GullDriverHandle);
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
    Chars.MinorNdisVersion = 50;
    Chars.InitializeHandlerEx = GullInitializeEx;
    Chars.HaltHandlerEx = GullHaltEx;
    Chars.PauseHandler = GullPause;
    Chars.RestartHandler = GullRestart;
    Chars.UnloadHandler = GullUnload;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &g_GullDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

// RUN: %ndisv check --verify %s
// Reference-counted adapter: halt only drops a reference, and the last dereference (OwlDereferenceAdapter) releases
// the interrupt and the work item. Init holds a temporary reference; on failure it drops both. Clean on every path.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define OWL_TAG ' lwO'

typedef struct _OWL_ADAPTER {
    NDIS_HANDLE   AdapterHandle;
    NDIS_HANDLE   InterruptHandle;
    NDIS_HANDLE   StatsWorkItem;
    volatile LONG RefCount;
    ULONG64       RxBytes;
} OWL_ADAPTER, *POWL_ADAPTER;

static NDIS_HANDLE g_OwlDriverHandle;

MINIPORT_INITIALIZE OwlInitializeEx;
MINIPORT_HALT OwlHaltEx;
MINIPORT_UNLOAD OwlUnload;
MINIPORT_ISR OwlIsr;
MINIPORT_INTERRUPT_DPC OwlDpc;
MINIPORT_DISABLE_INTERRUPT OwlDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT OwlEnableInterrupt;

BOOLEAN OwlIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID OwlDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
            PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

VOID OwlDisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
VOID OwlEnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

static VOID OwlFreeAdapter(POWL_ADAPTER Adapter)
{
    if (Adapter->InterruptHandle != NULL) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        Adapter->InterruptHandle = NULL;
    }
    if (Adapter->StatsWorkItem != NULL) {
        NdisFreeIoWorkItem(Adapter->StatsWorkItem);
        Adapter->StatsWorkItem = NULL;
    }
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, OWL_TAG);
}

static VOID OwlReferenceAdapter(POWL_ADAPTER Adapter)
{
    NdisInterlockedIncrement(&Adapter->RefCount);
}

static VOID OwlDereferenceAdapter(POWL_ADAPTER Adapter)
{
    if (NdisInterlockedDecrement(&Adapter->RefCount) == 0) {
        OwlFreeAdapter(Adapter);
    }
}

NDIS_STATUS OwlInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    POWL_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (POWL_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(OWL_ADAPTER),
                                                              OWL_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(OWL_ADAPTER));
    Adapter->AdapterHandle = MiniportAdapterHandle;
    Adapter->RefCount = 1;               // the reference NDIS owns; dropped in OwlHaltEx
    OwlReferenceAdapter(Adapter);        // init's own reference while it sets things up

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Reg.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Done;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = OwlIsr;
    Intr.InterruptDpcHandler = OwlDpc;
    Intr.DisableInterruptHandler = OwlDisableInterrupt;
    Intr.EnableInterruptHandler = OwlEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Done;
    }

    Adapter->StatsWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->StatsWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto Done;
    }
    Status = NDIS_STATUS_SUCCESS;

Done:
    if (Status != NDIS_STATUS_SUCCESS) {
        OwlDereferenceAdapter(Adapter);  // NDIS's reference: NDIS will not call halt
    }
    OwlDereferenceAdapter(Adapter);      // init's own reference; the last one frees everything
    return Status;
}

VOID OwlHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    POWL_ADAPTER Adapter = (POWL_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(HaltAction);
    OwlDereferenceAdapter(Adapter);
}

VOID OwlUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_OwlDriverHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars = {0};
    NDIS_STATUS Status;

    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = OwlInitializeEx;
    Chars.HaltHandlerEx = OwlHaltEx;
    Chars.UnloadHandler = OwlUnload;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &g_OwlDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

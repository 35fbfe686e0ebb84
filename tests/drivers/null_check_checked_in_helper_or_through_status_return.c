// RUN: %ndisv check --rules NullCheck --verify %s
// Shows: the traps a naive NullCheck reports: the adapter context is checked by a helper that
// returns whether it is usable, and the receive buffer is allocated by a helper that checks
// it and returns NDIS_STATUS_RESOURCES: the caller tests that status, not the pointer, and
// uses the buffer only when it succeeded. The ISR's pointer is never NULL (NDIS hands it).
// expected-verdict {{NullCheck: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define NC_TAG 'kcNN'

typedef struct _NC_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    PUCHAR RxBuffer;
    ULONG RxSize;
} NC_ADAPTER, *PNC_ADAPTER;

static NDIS_HANDLE NcDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE NcInitializeEx;
MINIPORT_HALT NcHaltEx;
MINIPORT_UNLOAD NcUnload;
MINIPORT_ISR NcIsr;
MINIPORT_INTERRUPT_DPC NcInterruptDpc;

BOOLEAN NcIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueMiniportInterruptDpcHandler, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueMiniportInterruptDpcHandler = FALSE;
    return FALSE;
}

VOID NcInterruptDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

static BOOLEAN NcUsable(PVOID Block)
{
    return Block != NULL;
}

static NDIS_STATUS NcAllocateRxBuffer(PNC_ADAPTER Adapter)
{
    Adapter->RxSize = 2048;
    Adapter->RxBuffer = NdisAllocateMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->RxSize, NC_TAG, NormalPoolPriority);
    if (Adapter->RxBuffer == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS NcRegisterInterrupt(PNC_ADAPTER Adapter)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = NcIsr;
    Intr.InterruptDpcHandler = NcInterruptDpc;
    return NdisMRegisterInterruptEx(Adapter->MiniportHandle, Adapter, &Intr, &Adapter->InterruptHandle);
}

NDIS_STATUS NcInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PNC_ADAPTER Adapter;
    NDIS_STATUS Status;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(NC_ADAPTER), NC_TAG, NormalPoolPriority);
    if (!NcUsable(Adapter))
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(NC_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    RegAttrs.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, NC_TAG);
        return Status;
    }

    Status = NcAllocateRxBuffer(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, NC_TAG);
        return Status;
    }
    Adapter->RxBuffer[0] = 0; // the status said the buffer exists
    Status = NcRegisterInterrupt(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->RxBuffer, NC_TAG);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, NC_TAG);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID NcHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PNC_ADAPTER Adapter = (PNC_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->RxBuffer, NC_TAG);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, NC_TAG);
}

VOID NcUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(NcDriverHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 50;
    Chars.InitializeHandlerEx = NcInitializeEx;
    Chars.HaltHandlerEx = NcHaltEx;
    Chars.UnloadHandler = NcUnload;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &NcDriverHandle);
}

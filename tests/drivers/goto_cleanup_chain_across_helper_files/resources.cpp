// Acquire/release helpers for the Heron interrupt, work item and receive pool.
#include "precomp.h"

static BOOLEAN HeronIsr(NDIS_HANDLE Context, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

static VOID HeronDpc(NDIS_HANDLE Context, PVOID DpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(DpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

static VOID HeronDisableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }
static VOID HeronEnableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }

NDIS_STATUS HeronRegisterInterrupt(HERON_ADAPTER *Adapter)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = HeronIsr;
    Intr.InterruptDpcHandler = HeronDpc;
    Intr.DisableInterruptHandler = HeronDisableInterrupt;
    Intr.EnableInterruptHandler = HeronEnableInterrupt;
    return NdisMRegisterInterruptEx(Adapter->AdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
}

void HeronDeregisterInterrupt(HERON_ADAPTER *Adapter)
{
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    Adapter->InterruptHandle = nullptr;
}

NDIS_STATUS HeronAllocateWorkItem(HERON_ADAPTER *Adapter)
{
    Adapter->WatchdogWorkItem = NdisAllocateIoWorkItem(Adapter->AdapterHandle);
    return Adapter->WatchdogWorkItem != nullptr ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
}

void HeronFreeWorkItem(HERON_ADAPTER *Adapter)
{
    NdisFreeIoWorkItem(Adapter->WatchdogWorkItem);
    Adapter->WatchdogWorkItem = nullptr;
}

NDIS_STATUS HeronAllocateRxPool(HERON_ADAPTER *Adapter)
{
    NET_BUFFER_LIST_POOL_PARAMETERS Params;
    NdisZeroMemory(&Params, sizeof(Params));
    Params.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    Params.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Params.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Params.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
    Params.fAllocateNetBuffer = TRUE;
    Params.PoolTag = HERON_TAG;
    Adapter->RxNblPool = NdisAllocateNetBufferListPool(Adapter->AdapterHandle, &Params);
    return Adapter->RxNblPool != nullptr ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
}

void HeronFreeRxPool(HERON_ADAPTER *Adapter)
{
    NdisFreeNetBufferListPool(Adapter->RxNblPool);
    Adapter->RxNblPool = nullptr;
}

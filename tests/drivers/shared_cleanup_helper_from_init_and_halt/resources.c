// resources.c - acquisition helpers and the single release routine shared by init's failure path and halt.
#include "driver.h"

NDIS_STATUS AllocateReceiveResources(PSCH_ADAPTER Adapter)
{
    NET_BUFFER_LIST_POOL_PARAMETERS PoolParams;

    Adapter->RxRing = (PUCHAR)NdisAllocateMemoryWithTagPriority(Adapter->MiniportHandle, SCH_RX_RING_BYTES,
                                                                SCH_TAG, NormalPoolPriority);
    if (Adapter->RxRing == NULL) {
        return NDIS_STATUS_RESOURCES;
    }

    NdisZeroMemory(&PoolParams, sizeof(PoolParams));
    PoolParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    PoolParams.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    PoolParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    PoolParams.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
    PoolParams.fAllocateNetBuffer = TRUE;
    PoolParams.PoolTag = SCH_TAG;
    Adapter->RxNblPool = NdisAllocateNetBufferListPool(Adapter->MiniportHandle, &PoolParams);
    return (Adapter->RxNblPool != NULL) ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
}

NDIS_STATUS ConnectInterrupt(PSCH_ADAPTER Adapter)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = SchIsr;
    Intr.InterruptDpcHandler = SchInterruptDpc;
    Intr.DisableInterruptHandler = SchDisableInterrupt;
    Intr.EnableInterruptHandler = SchEnableInterrupt;
    return NdisMRegisterInterruptEx(Adapter->MiniportHandle, Adapter, &Intr, &Adapter->InterruptHandle);
}

// Safe on a partially initialised adapter: every field starts NULL (the adapter is zeroed) and is reset here.
VOID FreeAdapterResources(PSCH_ADAPTER Adapter)
{
    if (Adapter->InterruptHandle != NULL) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        Adapter->InterruptHandle = NULL;
    }
    if (Adapter->StatusWorkItem != NULL) {
        NdisFreeIoWorkItem(Adapter->StatusWorkItem);
        Adapter->StatusWorkItem = NULL;
    }
    if (Adapter->RxNblPool != NULL) {
        NdisFreeNetBufferListPool(Adapter->RxNblPool);
        Adapter->RxNblPool = NULL;
    }
    if (Adapter->RxRing != NULL) {
        NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->RxRing, SCH_TAG);
        Adapter->RxRing = NULL;
    }
}

// adapter.c - MiniportInitializeEx / MiniportHaltEx of the Pqw miniport.
// Shows (false-alarm trap): one refill work item per receive queue (NUM_QUEUES = 4) allocated in a loop during init;
// a failure part-way frees the ones already allocated, later failures free them all, and halt frees them in a
// matching loop (clean).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#include "driver.h"

NDIS_STATUS PqwInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PPQW_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PPQW_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(PQW_ADAPTER),
                                                              PQW_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(PQW_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = PqwSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, PQW_TAG);
        return Status;
    }

    Status = PqwAllocateQueueWorkItems(Adapter);     // unwinds itself on failure
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, PQW_TAG);
        return Status;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = PqwIsr;
    Intr.InterruptDpcHandler = PqwInterruptDpc;
    Intr.DisableInterruptHandler = PqwDisableInterrupt;
    Intr.EnableInterruptHandler = PqwEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        PqwFreeQueueWorkItems(Adapter);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, PQW_TAG);
        return Status;
    }

    Status = PqwSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        PqwFreeQueueWorkItems(Adapter);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, PQW_TAG);
        return Status;
    }

    return NDIS_STATUS_SUCCESS;
}

VOID PqwHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PPQW_ADAPTER Adapter = (PPQW_ADAPTER)MiniportAdapterContext;
    ULONG Queue;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    for (Queue = 0; Queue < NUM_QUEUES; Queue++) {
        NdisFreeIoWorkItem(Adapter->Queues[Queue].RefillWorkItem);
        Adapter->Queues[Queue].RefillWorkItem = NULL;
    }
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, PQW_TAG);
}

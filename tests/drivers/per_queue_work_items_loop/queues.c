// queues.c - per-receive-queue work items of the Pqw miniport.
#include "driver.h"

NDIS_STATUS PqwAllocateQueueWorkItems(PPQW_ADAPTER Adapter)
{
    ULONG i;

    for (i = 0; i < NUM_QUEUES; i++) {
        Adapter->Queues[i].Adapter = Adapter;
        Adapter->Queues[i].Index = i;
        Adapter->Queues[i].RefillWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
        if (Adapter->Queues[i].RefillWorkItem == NULL) {
            // Free the work items of queues 0 .. i-1, newest first.
            while (i > 0) {
                i--;
                NdisFreeIoWorkItem(Adapter->Queues[i].RefillWorkItem);
                Adapter->Queues[i].RefillWorkItem = NULL;
            }
            return NDIS_STATUS_RESOURCES;
        }
    }
    return NDIS_STATUS_SUCCESS;
}

VOID PqwFreeQueueWorkItems(PPQW_ADAPTER Adapter)
{
    ULONG i;

    for (i = 0; i < NUM_QUEUES; i++) {
        if (Adapter->Queues[i].RefillWorkItem != NULL) {
            NdisFreeIoWorkItem(Adapter->Queues[i].RefillWorkItem);
            Adapter->Queues[i].RefillWorkItem = NULL;
        }
    }
}

VOID PqwRefillWorkItem(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    PPQW_RX_QUEUE Queue = (PPQW_RX_QUEUE)WorkItemContext;

    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    Queue->RefillRuns++;
}

// Receive queues: one buffer, one MDL and one NET_BUFFER each. A failed
// allocation needs no free; a partial loop is undone by a matching loop.
#include "hwm.h"

NDIS_STATUS HwmAllocateQueues(PHWM_ADAPTER Adapter)
{
    ULONG i;

    for (i = 0; i < HWM_QUEUES; i++) {
        HWM_QUEUE *Q = &Adapter->Queue[i];
        PMDL Mdl;

        Q->Buffer = NdisAllocateMemoryWithTagPriority(Adapter->MiniportHandle, HWM_RX_BYTES, HWM_TAG,
                                                      NormalPoolPriority);
        if (Q->Buffer == NULL)
            goto Unwind;
        // Kept in a local first, copied into the queue once it is known good.
        Mdl = NdisAllocateMdl(Adapter->MiniportHandle, Q->Buffer, HWM_RX_BYTES);
        if (Mdl == NULL) {
            NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Q->Buffer, HWM_TAG);
            goto Unwind;
        }
        Q->Mdl = Mdl;
        Q->Nb = NdisAllocateNetBuffer(Adapter->NbPool, Q->Mdl, 0, HWM_RX_BYTES);
        if (Q->Nb == NULL) {
            NdisFreeMdl(Q->Mdl);
            NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Q->Buffer, HWM_TAG);
            goto Unwind;
        }
    }
    return NDIS_STATUS_SUCCESS;

Unwind:
    HwmFreeQueues(Adapter, i);
    return NDIS_STATUS_RESOURCES;
}

VOID HwmFreeQueues(PHWM_ADAPTER Adapter, ULONG Count)
{
    ULONG i;
    for (i = 0; i < Count; i++) {
        NdisFreeNetBuffer(Adapter->Queue[i].Nb);
        NdisFreeMdl(Adapter->Queue[i].Mdl);
        NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->Queue[i].Buffer, HWM_TAG);
    }
}

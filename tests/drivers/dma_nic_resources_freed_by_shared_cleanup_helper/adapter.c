// adapter.c - MiniportInitializeEx / MiniportHaltEx of the Dnr bus-master miniport.
// Shows (false-alarm traps, clean): a spin lock, a mapped CSR range, an I/O port range, a DMA channel, a shared-memory
// ring, a scratch buffer and one buffer per queue are all released by one helper in another file (resources.c),
// called both from init's failure path and from halt. The helper frees only what is non-NULL, so an allocation that
// failed (NULL) is never freed; the scratch buffer is kept in a local until it is complete and only then stored in
// the adapter; the per-queue buffers are allocated and freed by matching loops.
// expected-verdict {{ndisv_Init_SpinLock: pass}}
// expected-verdict {{ndisv_Init_SharedMemory: pass}}
// expected-verdict {{ndisv_Init_IoPortRange: pass}}
// expected-verdict {{ndisv_Init_IoSpace: pass}}
// expected-verdict {{ndisv_Init_DmaChannel: pass}}
// expected-verdict {{ndisv_Init_Memory: pass}}

#include "driver.h"

NDIS_STATUS DnrInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PDNR_ADAPTER Adapter;
    PUCHAR Scratch;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PDNR_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(DNR_ADAPTER),
                                                              DNR_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(DNR_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;
    NdisSetPhysicalAddressLow(Adapter->CsrPhysical, 0xFEB00000);
    NdisSetPhysicalAddressHigh(Adapter->CsrPhysical, 0);

    NdisAllocateSpinLock(&Adapter->SendLock);
    Adapter->SendLockAllocated = TRUE;

    Status = DnrSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    Status = DnrAcquireHardware(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    // Built in a local, published in the adapter once it is filled in.
    Scratch = (PUCHAR)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, DNR_QUEUE_BYTES, DNR_TAG,
                                                        NormalPoolPriority);
    if (Scratch == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto Fail;
    }
    NdisZeroMemory(Scratch, DNR_QUEUE_BYTES);
    Adapter->ScratchBuffer = Scratch;

    Status = DnrAllocateQueues(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    Status = DnrSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }
    return NDIS_STATUS_SUCCESS;

Fail:
    DnrReleaseResources(Adapter);
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, DNR_TAG);
    return Status;
}

VOID DnrHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PDNR_ADAPTER Adapter = (PDNR_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    DnrReleaseResources(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, DNR_TAG);
}

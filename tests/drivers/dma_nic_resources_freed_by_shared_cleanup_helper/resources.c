// resources.c - hardware and memory acquisition helpers of the Dnr miniport, and the single release routine that
// init's failure path and halt share.
#include "driver.h"

NDIS_STATUS DnrAcquireHardware(PDNR_ADAPTER Adapter)
{
    NDIS_STATUS Status;
    NDIS_DMA_DESCRIPTION Dma;

    Status = NdisMMapIoSpace(&Adapter->CsrBase, Adapter->MiniportHandle, Adapter->CsrPhysical, DNR_CSR_BYTES);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    Status = NdisMRegisterIoPortRange(&Adapter->PortOffset, Adapter->MiniportHandle, DNR_IO_PORT_BASE, DNR_IO_PORTS);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;          // the caller's cleanup unmaps the CSR range
    }

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.DemandMode = FALSE;
    Dma.AutoInitialize = FALSE;
    Dma.DmaChannelSpecified = FALSE;
    Dma.DmaWidth = Width32Bits;
    Dma.DmaSpeed = Compatible;
    Status = NdisMRegisterDmaChannel(&Adapter->DmaChannel, Adapter->MiniportHandle, 0, TRUE, &Dma, DNR_RING_BYTES);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    NdisMAllocateSharedMemory(Adapter->MiniportHandle, DNR_RING_BYTES, TRUE, &Adapter->RingVa, &Adapter->RingPa);
    if (Adapter->RingVa == NULL) {
        NdisWriteErrorLogEntry(Adapter->MiniportHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 0);
        return NDIS_STATUS_RESOURCES;   // nothing was allocated: the cleanup must not free it
    }
    NdisZeroMemory(Adapter->RingVa, DNR_RING_BYTES);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS DnrAllocateQueues(PDNR_ADAPTER Adapter)
{
    ULONG i;

    for (i = 0; i < DNR_NUM_QUEUES; i++) {
        Adapter->Queue[i].Adapter = Adapter;
        Adapter->Queue[i].Index = i;
        Adapter->Queue[i].Buffer = (PUCHAR)NdisAllocateMemoryWithTagPriority(Adapter->MiniportHandle,
                                                                             DNR_QUEUE_BYTES, DNR_TAG,
                                                                             NormalPoolPriority);
        if (Adapter->Queue[i].Buffer == NULL) {
            return NDIS_STATUS_RESOURCES;   // DnrReleaseResources frees queues 0 .. i-1
        }
    }
    return NDIS_STATUS_SUCCESS;
}

VOID DnrReleaseResources(PDNR_ADAPTER Adapter)
{
    ULONG i;

    for (i = 0; i < DNR_NUM_QUEUES; i++) {
        if (Adapter->Queue[i].Buffer != NULL) {
            NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->Queue[i].Buffer, DNR_TAG);
            Adapter->Queue[i].Buffer = NULL;
        }
    }
    if (Adapter->ScratchBuffer != NULL) {
        NdisFreeMemory(Adapter->ScratchBuffer, DNR_QUEUE_BYTES, 0);
        Adapter->ScratchBuffer = NULL;
    }
    if (Adapter->RingVa != NULL) {
        NdisMFreeSharedMemory(Adapter->MiniportHandle, DNR_RING_BYTES, TRUE, Adapter->RingVa, Adapter->RingPa);
        Adapter->RingVa = NULL;
    }
    if (Adapter->DmaChannel != NULL) {
        NdisMDeregisterDmaChannel(Adapter->DmaChannel);
        Adapter->DmaChannel = NULL;
    }
    if (Adapter->PortOffset != NULL) {
        NdisMDeregisterIoPortRange(Adapter->MiniportHandle, DNR_IO_PORT_BASE, DNR_IO_PORTS, Adapter->PortOffset);
        Adapter->PortOffset = NULL;
    }
    if (Adapter->CsrBase != NULL) {
        NdisMUnmapIoSpace(Adapter->MiniportHandle, Adapter->CsrBase, DNR_CSR_BYTES);
        Adapter->CsrBase = NULL;
    }
    if (Adapter->SendLockAllocated) {
        NdisFreeSpinLock(&Adapter->SendLock);
        Adapter->SendLockAllocated = FALSE;
    }
}

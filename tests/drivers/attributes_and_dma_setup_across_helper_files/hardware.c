// hardware.c - registers, DMA and the descriptor ring of the Ahf miniport.
#include "driver.h"

NDIS_STATUS AhfMapRegisters(PAHF_ADAPTER Adapter)
{
    NDIS_PHYSICAL_ADDRESS CsrPa;

    CsrPa.QuadPart = 0xFD000000;
    return NdisMMapIoSpace((PVOID *)&Adapter->Csr, Adapter->MiniportHandle, CsrPa, AHF_CSR_BYTES);
}

// Scatter/gather DMA first, then the ring it is allocated against; nothing is left behind on failure.
NDIS_STATUS AhfSetUpDma(PAHF_ADAPTER Adapter)
{
    NDIS_SG_DMA_DESCRIPTION Dma;
    NDIS_STATUS Status;

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.Header.Type = NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION;
    Dma.Header.Revision = NDIS_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Header.Size = NDIS_SIZEOF_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Flags = NDIS_SG_DMA_64_BIT_ADDRESS;
    Dma.MaximumPhysicalMapping = 9014;
    Dma.ProcessSGListHandler = AhfProcessSGList;
    Status = NdisMRegisterScatterGatherDma(Adapter->MiniportHandle, &Dma, &Adapter->DmaHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;

    NdisMAllocateSharedMemory(Adapter->MiniportHandle, AHF_RING_BYTES, TRUE, &Adapter->Ring, &Adapter->RingPa);
    if (Adapter->Ring == NULL) {
        NdisWriteErrorLogEntry(Adapter->MiniportHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 0);
        NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
        return NDIS_STATUS_RESOURCES;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID AhfStopDma(PAHF_ADAPTER Adapter)
{
    NdisWriteRegisterUlong((PULONG)(Adapter->Csr + AHF_REG_CONTROL), AHF_CONTROL_STOP_DMA);
}

VOID AhfReleaseHardware(PAHF_ADAPTER Adapter)
{
    AhfStopDma(Adapter);
    NdisMFreeSharedMemory(Adapter->MiniportHandle, AHF_RING_BYTES, TRUE, Adapter->Ring, Adapter->RingPa);
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
    NdisMUnmapIoSpace(Adapter->MiniportHandle, Adapter->Csr, AHF_CSR_BYTES);
}

// NDIS_STATUS_PENDING while the hardware owns transmit descriptors, else NDIS_STATUS_SUCCESS.
NDIS_STATUS AhfTransmitIdleStatus(PAHF_ADAPTER Adapter)
{
    ULONG Busy;

    NdisReadRegisterUlong((PULONG)(Adapter->Csr + AHF_REG_TX_BUSY), &Busy);
    return Busy ? NDIS_STATUS_PENDING : NDIS_STATUS_SUCCESS;
}

VOID AhfProcessSGList(PDEVICE_OBJECT pDO, PVOID Reserved, PSCATTER_GATHER_LIST pSGL, PVOID Context)
{ UNREFERENCED_PARAMETER(pDO); UNREFERENCED_PARAMETER(Reserved); UNREFERENCED_PARAMETER(pSGL); UNREFERENCED_PARAMETER(Context); }

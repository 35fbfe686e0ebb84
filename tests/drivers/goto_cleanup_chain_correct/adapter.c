// adapter.c - MiniportInitializeEx / MiniportHaltEx of the Gcc miniport.
// Shows: a long goto cleanup chain (thirteen labels falling through in exact reverse order of acquisition); every
// failure jumps to the label of the last thing acquired, so nothing leaks on any path (clean).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#include "driver.h"

NDIS_STATUS GccInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PGCC_ADAPTER Adapter;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PGCC_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(GCC_ADAPTER),
                                                              GCC_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto Exit;
    }
    NdisZeroMemory(Adapter, sizeof(GCC_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = GccSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) goto ErrFreeAdapter;

    NdisAllocateSpinLock(&Adapter->SendLock);

    Status = GccReadConfiguration(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) goto ErrFreeSendLock;

    Adapter->FilterLock = NdisAllocateRWLock(MiniportAdapterHandle);
    if (Adapter->FilterLock == NULL) { Status = NDIS_STATUS_RESOURCES; goto ErrFreeSendLock; }

    Adapter->TxBuffer = (PUCHAR)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, GCC_TX_BUFFER_SIZE,
                                                                  GCC_TAG, NormalPoolPriority);
    if (Adapter->TxBuffer == NULL) { Status = NDIS_STATUS_RESOURCES; goto ErrFreeFilterLock; }

    Adapter->RxBuffer = (PUCHAR)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, GCC_RX_BUFFER_SIZE,
                                                                  GCC_TAG, NormalPoolPriority);
    if (Adapter->RxBuffer == NULL) { Status = NDIS_STATUS_RESOURCES; goto ErrFreeTxBuffer; }

    Status = GccCreatePools(Adapter, FALSE);
    if (Status != NDIS_STATUS_SUCCESS) goto ErrFreeRxBuffer;

    Status = GccCreatePools(Adapter, TRUE);
    if (Status != NDIS_STATUS_SUCCESS) goto ErrFreeNblPool;

    Status = GccCreateWatchdogTimer(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) goto ErrFreeNbPool;

    Status = GccRegisterDma(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) goto ErrFreeTimer;

    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->ResetWorkItem == NULL) { Status = NDIS_STATUS_RESOURCES; goto ErrDeregisterDma; }

    Adapter->LinkWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->LinkWorkItem == NULL) { Status = NDIS_STATUS_RESOURCES; goto ErrFreeResetWorkItem; }

    Status = GccRegisterInterrupt(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) goto ErrFreeLinkWorkItem;

    Status = GccSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) goto ErrDeregisterInterrupt;

    return NDIS_STATUS_SUCCESS;

ErrDeregisterInterrupt:
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
ErrFreeLinkWorkItem:
    NdisFreeIoWorkItem(Adapter->LinkWorkItem);
ErrFreeResetWorkItem:
    NdisFreeIoWorkItem(Adapter->ResetWorkItem);
ErrDeregisterDma:
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
ErrFreeTimer:
    NdisFreeTimerObject(Adapter->WatchdogTimer);
ErrFreeNbPool:
    NdisFreeNetBufferPool(Adapter->NbPool);
ErrFreeNblPool:
    NdisFreeNetBufferListPool(Adapter->NblPool);
ErrFreeRxBuffer:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->RxBuffer, GCC_TAG);
ErrFreeTxBuffer:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->TxBuffer, GCC_TAG);
ErrFreeFilterLock:
    NdisFreeRWLock(Adapter->FilterLock);
ErrFreeSendLock:
    NdisFreeSpinLock(&Adapter->SendLock);
ErrFreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, GCC_TAG);
Exit:
    return Status;
}

VOID GccHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PGCC_ADAPTER Adapter = (PGCC_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisCancelTimerObject(Adapter->WatchdogTimer);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeIoWorkItem(Adapter->LinkWorkItem);
    NdisFreeIoWorkItem(Adapter->ResetWorkItem);
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
    NdisFreeTimerObject(Adapter->WatchdogTimer);
    NdisFreeNetBufferPool(Adapter->NbPool);
    NdisFreeNetBufferListPool(Adapter->NblPool);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->RxBuffer, GCC_TAG);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->TxBuffer, GCC_TAG);
    NdisFreeRWLock(Adapter->FilterLock);
    NdisFreeSpinLock(&Adapter->SendLock);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, GCC_TAG);
}

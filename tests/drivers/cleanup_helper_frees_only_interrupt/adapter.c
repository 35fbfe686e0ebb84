// adapter.c - MiniportInitializeEx / MiniportHaltEx of the Chf miniport.
// Shows: hw.c allocates the work item, but the cleanup helper HwReleaseResources (also in hw.c) only deregisters the
// interrupt; when the general attributes fail, init relies on that helper and the work item leaks (defect).
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}

#include "driver.h"

NDIS_STATUS ChfInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PCHF_ADAPTER Adapter;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PCHF_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(CHF_ADAPTER),
                                                              CHF_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(CHF_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = ChfSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, CHF_TAG);
        return Status;
    }

    Status = HwConnectInterrupt(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, CHF_TAG);
        return Status;
    }

    Status = HwAllocateDeferredWork(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        HwReleaseResources(Adapter);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, CHF_TAG);
        return Status;
    }

    Status = ChfSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        HwReleaseResources(Adapter);        // frees only the interrupt
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, CHF_TAG);
        return Status; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem}} expected-defect {{[ndisv_Init_IoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for Adapter->DeferredWorkItem}}
    }

    return NDIS_STATUS_SUCCESS;
}

VOID ChfHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PCHF_ADAPTER Adapter = (PCHF_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    if (Adapter->DeferredWorkItem != NULL) {
        NdisFreeIoWorkItem(Adapter->DeferredWorkItem);
        Adapter->DeferredWorkItem = NULL;
    }
    HwReleaseResources(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, CHF_TAG);
}

// adapter.c - MiniportInitializeEx / MiniportHaltEx of the Sch miniport.
// Shows (false-alarm trap): one cleanup helper, FreeAdapterResources (resources.c), is called both from init's failure
// path and from halt; it releases each resource only if its handle is non-NULL, which is right on every path (clean).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#include "driver.h"

NDIS_STATUS SchInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PSCH_ADAPTER Adapter;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PSCH_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(SCH_ADAPTER),
                                                              SCH_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(SCH_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = SchSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    Status = AllocateReceiveResources(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    Adapter->StatusWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->StatusWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto Fail;
    }

    Status = ConnectInterrupt(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    Status = SchSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    return NDIS_STATUS_SUCCESS;

Fail:
    FreeAdapterResources(Adapter);
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SCH_TAG);
    return Status;
}

VOID SchHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PSCH_ADAPTER Adapter = (PSCH_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    FreeAdapterResources(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, SCH_TAG);
}

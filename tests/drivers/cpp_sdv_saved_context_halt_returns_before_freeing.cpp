// RUN: %ndisv check --verify %s
// Shows: the C++ driver names its adapter context to the verifier by passing
// the context itself to __sdv_save_adapter_context, and its halt returns
// early without freeing the work item init allocated: flagged at that return.
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}
// expected-verdict {{ndisv_Init_Memory: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define SACK_TAG 'kcaS'

struct SackAdapter {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE WorkItem;
};

static NDIS_HANDLE SackDriverHandle;

MINIPORT_INITIALIZE SackInitializeEx;
MINIPORT_HALT SackHaltEx;

static void SackSave(SackAdapter *Adapter)
{
    __sdv_save_adapter_context(Adapter); // the context itself
}

NDIS_STATUS SackInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                             PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    SackAdapter *Adapter = static_cast<SackAdapter *>(NdisAllocateMemoryWithTagPriority(
        MiniportAdapterHandle, sizeof(SackAdapter), SACK_TAG, NormalPoolPriority));
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    SackSave(Adapter);
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WorkItem == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SACK_TAG);
        return NDIS_STATUS_RESOURCES;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID SackHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(HaltAction);
    SackAdapter *Adapter = static_cast<SackAdapter *>(MiniportAdapterContext);
    if (Adapter->WorkItem != NULL) // always, on the context init saved
        return; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportHaltEx returns without calling NdisFreeIoWorkItem}} {{[ndisv_Init_IoWorkItem] MiniportHaltEx returns without calling NdisFreeIoWorkItem for Adapter->WorkItem}} {{[ndisv_Init_Memory] MiniportHaltEx returns without calling NdisFreeMemoryWithTagPriority for Adapter}}
    NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, SACK_TAG);
}

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = SackInitializeEx;
    Chars.HaltHandlerEx = SackHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SackDriverHandle);
}

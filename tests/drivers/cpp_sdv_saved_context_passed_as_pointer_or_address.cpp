// RUN: %ndisv check --verify %s
// Shows: in C++ the adapter context reaches the verifier through
// __sdv_save_adapter_context whether the driver passes the context itself
// (SacxSave) or its address without a cast (SacxInitializeEx); no
// registration attributes name it. The halt runs on that context and frees
// the work item (clean). Trap: taking the pointer's first field as the
// context would make the halt free something else and report a leak. The
// model is included inside extern "C", as some C++ drivers include it.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
extern "C" { // as drivers that share headers with C code include it
#include <ndis.h>
}

#define SACX_TAG 'xcaS'

struct SacxAdapter {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE WorkItem;
};

static NDIS_HANDLE SacxDriverHandle;

MINIPORT_INITIALIZE SacxInitializeEx;
MINIPORT_HALT SacxHaltEx;

static void SacxSave(SacxAdapter *Adapter)
{
    __sdv_save_adapter_context(Adapter); // the context itself
}

NDIS_STATUS SacxInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                             PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    SacxAdapter *Adapter = static_cast<SacxAdapter *>(NdisAllocateMemoryWithTagPriority(
        MiniportAdapterHandle, sizeof(SacxAdapter), SACX_TAG, NormalPoolPriority));
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    __sdv_save_adapter_context(&Adapter); // the documented form, no cast
    SacxSave(Adapter);
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WorkItem == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SACX_TAG);
        return NDIS_STATUS_RESOURCES;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID SacxHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(HaltAction);
    SacxAdapter *Adapter = static_cast<SacxAdapter *>(MiniportAdapterContext);
    if (Adapter->WorkItem == NULL) // never, on the context init saved
        return;
    NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, SACX_TAG);
}

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = SacxInitializeEx;
    Chars.HaltHandlerEx = SacxHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SacxDriverHandle);
}

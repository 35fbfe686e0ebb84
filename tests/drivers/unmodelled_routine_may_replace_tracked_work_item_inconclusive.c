// RUN: %ndisv check --verify %s
// Shows: init hands the address of its work item's handle to a routine of the vendor's
// library (no body, no model), which may have replaced it, and a late failure then returns
// without freeing Adapter->ResetWorkItem. Whether the work item leaks depends on what the
// library did: the per-handle rule is inconclusive (ndisv lost track of the handle), never a
// false alarm.
// expected-verdict {{ndisv_Init_IoWorkItem: inconclusive}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define UOR_TAG 'rOuU'

typedef struct _UOR_BOARD_CONFIG {
    ULONG Flags;
    ULONG RxRingSize;
    ULONG TxRingSize;
} UOR_BOARD_CONFIG, *PUOR_BOARD_CONFIG;

// From the vendor's board support library: may hand the work item to the board's
// firmware queue and give back another.
VOID UorBoardAdoptWorkItem(NDIS_HANDLE *WorkItem);

typedef struct _UOR_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE ResetWorkItem;
    PUOR_BOARD_CONFIG Board;
} UOR_ADAPTER, *PUOR_ADAPTER;

static NDIS_HANDLE UorDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE UorInitializeEx;
MINIPORT_HALT UorHaltEx;
MINIPORT_UNLOAD UorUnload;

NDIS_STATUS UorInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PUOR_ADAPTER Adapter;
    NDIS_STATUS Status;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES GenAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(UOR_ADAPTER), UOR_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(UOR_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    RegAttrs.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, UOR_TAG);
        return Status;
    }

    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->ResetWorkItem == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, UOR_TAG);
        return NDIS_STATUS_RESOURCES;
    }
    UorBoardAdoptWorkItem(&Adapter->ResetWorkItem);

    NdisZeroMemory(&GenAttrs, sizeof(GenAttrs));
    GenAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    GenAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    GenAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    GenAttrs.MediaType = NdisMedium802_3;
    GenAttrs.MtuSize = 1500;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&GenAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, UOR_TAG);
        return Status; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem}}
    }
    return NDIS_STATUS_SUCCESS;
}

VOID UorHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PUOR_ADAPTER Adapter = (PUOR_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(Adapter->ResetWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, UOR_TAG);
}

VOID UorUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(UorDriverHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = UorInitializeEx;
    Chars.HaltHandlerEx = UorHaltEx;
    Chars.UnloadHandler = UorUnload;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &UorDriverHandle);
}

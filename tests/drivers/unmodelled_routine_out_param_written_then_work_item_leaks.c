// RUN: %ndisv check --verify %s
// Shows: init asks a routine of the vendor's support library (linked as a .lib, so no body
// here, and no model) for its configuration block through an out-parameter it set to NULL
// first, uses the block without a check, then allocates a work item that a late failure
// leaks. ndisv must take the out-parameter as written (an unknown pointer): left NULL, the
// store through it would end every path before the work item, and the leak would pass.
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define UOP_TAG 'pOuU'

typedef struct _UOP_BOARD_CONFIG {
    ULONG Flags;
    ULONG RxRingSize;
    ULONG TxRingSize;
} UOP_BOARD_CONFIG, *PUOP_BOARD_CONFIG;

// From the vendor's board support library: writes *Config on success.
NTSTATUS UopBoardGetConfig(NDIS_HANDLE MiniportAdapterHandle, PUOP_BOARD_CONFIG *Config);

typedef struct _UOP_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE ResetWorkItem;
    PUOP_BOARD_CONFIG Board;
} UOP_ADAPTER, *PUOP_ADAPTER;

static NDIS_HANDLE UopDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE UopInitializeEx;
MINIPORT_HALT UopHaltEx;
MINIPORT_UNLOAD UopUnload;

NDIS_STATUS UopInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PUOP_ADAPTER Adapter;
    PUOP_BOARD_CONFIG Board = NULL;
    NDIS_STATUS Status;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES GenAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(UOP_ADAPTER), UOP_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(UOP_ADAPTER));
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
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, UOP_TAG);
        return Status;
    }

    UopBoardGetConfig(MiniportAdapterHandle, &Board); // the status is ignored
    Board->Flags |= 1; // the library wrote Board: not NULL on this path
    Adapter->Board = Board;

    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle); // expected-note {{NdisAllocateIoWorkItem succeeds}}
    if (Adapter->ResetWorkItem == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, UOP_TAG);
        return NDIS_STATUS_RESOURCES;
    }

    NdisZeroMemory(&GenAttrs, sizeof(GenAttrs));
    GenAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    GenAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    GenAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    GenAttrs.MediaType = NdisMedium802_3;
    GenAttrs.MtuSize = 1500;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&GenAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, UOP_TAG);
        return Status; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem}} expected-defect {{[ndisv_Init_IoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for Adapter->ResetWorkItem}}
    }
    return NDIS_STATUS_SUCCESS;
}

VOID UopHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PUOP_ADAPTER Adapter = (PUOP_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(Adapter->ResetWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, UOP_TAG);
}

VOID UopUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(UopDriverHandle);
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
    Chars.InitializeHandlerEx = UopInitializeEx;
    Chars.HaltHandlerEx = UopHaltEx;
    Chars.UnloadHandler = UopUnload;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &UopDriverHandle);
}

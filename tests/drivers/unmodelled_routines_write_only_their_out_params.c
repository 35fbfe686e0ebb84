// RUN: %ndisv check --verify %s
// Shows: the traps of routines without body or model (a vendor library linked as a .lib).
// Init checks the out-parameter the library writes and fails cleanly without it; the library
// fills a statistics block inside the adapter, beside the work item and the interrupt: only
// that block is forgotten, so both handles stay tracked and the verdicts stay conclusive;
// a routine that takes the adapter through a pointer to const, or as a PVOID context, writes
// nothing of it. Every rule passes, none inconclusive.

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define UOQ_TAG 'qOuU'

typedef struct _UOQ_BOARD_CONFIG {
    ULONG Flags;
    ULONG RxRingSize;
    ULONG TxRingSize;
} UOQ_BOARD_CONFIG, *PUOQ_BOARD_CONFIG;

typedef struct _UOQ_STATS {
    ULONG64 RxFrames;
    ULONG64 TxFrames;
} UOQ_STATS, *PUOQ_STATS;

struct _UOQ_ADAPTER;
// From the vendor's board support library: writes *Config on success.
NTSTATUS UoqBoardGetConfig(NDIS_HANDLE MiniportAdapterHandle, PUOQ_BOARD_CONFIG *Config);
VOID UoqBoardReadStats(PUOQ_STATS Stats);
VOID UoqBoardDescribe(const struct _UOQ_ADAPTER *Adapter);
VOID UoqBoardAttach(PVOID Context);

typedef struct _UOQ_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE ResetWorkItem;
    UOQ_STATS Stats;
    NDIS_HANDLE InterruptHandle;
    PUOQ_BOARD_CONFIG Board;
} UOQ_ADAPTER, *PUOQ_ADAPTER;

static NDIS_HANDLE UoqDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE UoqInitializeEx;
MINIPORT_HALT UoqHaltEx;
MINIPORT_UNLOAD UoqUnload;

NDIS_STATUS UoqInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PUOQ_ADAPTER Adapter;
    PUOQ_BOARD_CONFIG Board = NULL;
    NDIS_STATUS Status;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES GenAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(UOQ_ADAPTER), UOQ_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(UOQ_ADAPTER));
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
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, UOQ_TAG);
        return Status;
    }

    if (!NT_SUCCESS(UoqBoardGetConfig(MiniportAdapterHandle, &Board)) || Board == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, UOQ_TAG);
        return NDIS_STATUS_ADAPTER_NOT_FOUND;
    }
    Board->Flags |= 1;
    Adapter->Board = Board;

    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->ResetWorkItem == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, UOQ_TAG);
        return NDIS_STATUS_RESOURCES;
    }
    UoqBoardReadStats(&Adapter->Stats); // writes the statistics block, nothing beside it
    UoqBoardDescribe(Adapter);          // reads only
    UoqBoardAttach(Adapter);            // a context handed through

    NdisZeroMemory(&GenAttrs, sizeof(GenAttrs));
    GenAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    GenAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    GenAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    GenAttrs.MediaType = NdisMedium802_3;
    GenAttrs.MtuSize = 1500;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&GenAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, UOQ_TAG);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID UoqHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PUOQ_ADAPTER Adapter = (PUOQ_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(Adapter->ResetWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, UOQ_TAG);
}

VOID UoqUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(UoqDriverHandle);
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
    Chars.InitializeHandlerEx = UoqInitializeEx;
    Chars.HaltHandlerEx = UoqHaltEx;
    Chars.UnloadHandler = UoqUnload;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &UoqDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows (false-alarm trap): every receive queue gets its own work item and NET_BUFFER_LIST pool, allocated in a loop
// over Adapter->Queue[i] during init. A failure part-way frees the half-set-up queue and runs a cleanup loop over the
// queues already complete; a later failure and halt release every queue in a matching loop. Each handle is released
// exactly once on every path (pass).
// expected-verdict {{ndisv_Init_IoWorkItem: pass}}
// expected-verdict {{ndisv_Init_NetBufferListPool: pass}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define PQL_TAG 'lqPn'
#define PQL_QUEUES 3

typedef struct _PQL_QUEUE {
    ULONG       Index;
    NDIS_HANDLE WorkItem;        // refills the queue's receive ring at PASSIVE_LEVEL
    NDIS_HANDLE NblPool;         // the queue's receive NET_BUFFER_LISTs
    ULONG       Refills;
} PQL_QUEUE;

typedef struct _PQL_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PQL_QUEUE   Queue[PQL_QUEUES];
} PQL_ADAPTER, *PPQL_ADAPTER;

static NDIS_HANDLE PqlDriverHandle;

MINIPORT_INITIALIZE PqlInitializeEx;
MINIPORT_HALT PqlHaltEx;
NDIS_IO_WORKITEM_FUNCTION PqlRefill;

VOID PqlRefill(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PQL_QUEUE *)WorkItemContext)->Refills++;
}

// Releases queues [0, Count): the shared tail of the init cleanup and of halt.
static VOID PqlFreeQueues(PPQL_ADAPTER Adapter, ULONG Count)
{
    ULONG i;

    for (i = 0; i < Count; i++) {
        NdisFreeNetBufferListPool(Adapter->Queue[i].NblPool);
        NdisFreeIoWorkItem(Adapter->Queue[i].WorkItem);
        Adapter->Queue[i].NblPool = NULL;
        Adapter->Queue[i].WorkItem = NULL;
    }
}

static NDIS_STATUS PqlAllocateQueues(PPQL_ADAPTER Adapter)
{
    NET_BUFFER_LIST_POOL_PARAMETERS Params;
    ULONG i;

    NdisZeroMemory(&Params, sizeof(Params));
    Params.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    Params.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Params.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Params.fAllocateNetBuffer = TRUE;
    Params.PoolTag = PQL_TAG;

    for (i = 0; i < PQL_QUEUES; i++) {
        Adapter->Queue[i].Index = i;
        Adapter->Queue[i].WorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
        if (Adapter->Queue[i].WorkItem == NULL)
            goto Unwind;
        Adapter->Queue[i].NblPool = NdisAllocateNetBufferListPool(Adapter->MiniportHandle, &Params);
        if (Adapter->Queue[i].NblPool == NULL) {
            NdisFreeIoWorkItem(Adapter->Queue[i].WorkItem);     // the half-set-up queue
            Adapter->Queue[i].WorkItem = NULL;
            goto Unwind;
        }
    }
    return NDIS_STATUS_SUCCESS;

Unwind:
    PqlFreeQueues(Adapter, i);      // queues 0 .. i-1 are complete
    return NDIS_STATUS_RESOURCES;
}

NDIS_STATUS PqlInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    PPQL_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), PQL_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    Status = PqlAllocateQueues(Adapter);       // unwinds itself on failure
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MacAddressLength = 6;
    Gen.PermanentMacAddress[0] = Gen.CurrentMacAddress[0] = 0x02;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
    if (Status != NDIS_STATUS_SUCCESS) {
        PqlFreeQueues(Adapter, PQL_QUEUES);
        goto FreeAdapter;
    }
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, PQL_TAG);
    return Status;
}

VOID PqlHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PPQL_ADAPTER Adapter = (PPQL_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    PqlFreeQueues(Adapter, PQL_QUEUES);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, PQL_TAG);
}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 50;
    Chars.InitializeHandlerEx = PqlInitializeEx;
    Chars.HaltHandlerEx = PqlHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &PqlDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: per-queue work items and NET_BUFFER_LIST pools allocated in a loop over Adapter->Queue[i]; when queue i
// fails, the cleanup loop walks back over the complete queues with "j > 0" instead of "j >= 0", so queue 0's work
// item and pool leak whenever a later queue fails (defect, naming the handles with their index). Halt is correct.
// Naming trap: the work item is the first member of each queue entry (an all-zero GEP must still name it).
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}
// expected-verdict {{ndisv_Init_NetBufferListPool: defect}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define PQO_TAG 'oqPn'
#define PQO_QUEUES 3

typedef struct _PQO_QUEUE {
    NDIS_HANDLE WorkItem;        // refills the queue's receive ring at PASSIVE_LEVEL
    NDIS_HANDLE NblPool;         // the queue's receive NET_BUFFER_LISTs
    ULONG       Refills;
} PQO_QUEUE;

typedef struct _PQO_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PQO_QUEUE   Queue[PQO_QUEUES];
} PQO_ADAPTER, *PPQO_ADAPTER;

static NDIS_HANDLE PqoDriverHandle;

MINIPORT_INITIALIZE PqoInitializeEx;
MINIPORT_HALT PqoHaltEx;
NDIS_IO_WORKITEM_FUNCTION PqoRefill;

VOID PqoRefill(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PQO_QUEUE *)WorkItemContext)->Refills++;
}

// Releases queues [0, Count): the shared tail of the init cleanup and of halt.
static VOID PqoFreeQueues(PPQO_ADAPTER Adapter, ULONG Count)
{
    ULONG i;

    for (i = 0; i < Count; i++) {
        NdisFreeNetBufferListPool(Adapter->Queue[i].NblPool);
        NdisFreeIoWorkItem(Adapter->Queue[i].WorkItem);
        Adapter->Queue[i].NblPool = NULL;
        Adapter->Queue[i].WorkItem = NULL;
    }
}

static NDIS_STATUS PqoAllocateQueues(PPQO_ADAPTER Adapter)
{
    NET_BUFFER_LIST_POOL_PARAMETERS Params;
    LONG i;
    LONG j;

    NdisZeroMemory(&Params, sizeof(Params));
    Params.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    Params.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Params.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Params.fAllocateNetBuffer = TRUE;
    Params.PoolTag = PQO_TAG;

    for (i = 0; i < PQO_QUEUES; i++) {
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
    // Queues 0 .. i-1 are complete. BUG: "j > 0" stops before queue 0.
    for (j = i - 1; j > 0; j--) {
        NdisFreeNetBufferListPool(Adapter->Queue[j].NblPool);
        NdisFreeIoWorkItem(Adapter->Queue[j].WorkItem);
        Adapter->Queue[j].NblPool = NULL;
        Adapter->Queue[j].WorkItem = NULL;
    }
    return NDIS_STATUS_RESOURCES;
}

NDIS_STATUS PqoInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    PPQO_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), PQO_TAG, NormalPoolPriority);
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

    Status = PqoAllocateQueues(Adapter);       // unwinds itself on failure
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
        PqoFreeQueues(Adapter, PQO_QUEUES);
        goto FreeAdapter;
    }
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, PQO_TAG);
    return Status; // expected-defect {{[ndisv_Init_IoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for Adapter->Queue[i].WorkItem (i = 0)}} expected-defect {{[ndisv_Init_NetBufferListPool] MiniportInitializeEx fails without calling NdisFreeNetBufferListPool for Adapter->Queue[i].NblPool (i = 0)}} expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem}}
}

VOID PqoHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PPQO_ADAPTER Adapter = (PPQO_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    PqoFreeQueues(Adapter, PQO_QUEUES);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, PQO_TAG);
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
    Chars.InitializeHandlerEx = PqoInitializeEx;
    Chars.HaltHandlerEx = PqoHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &PqoDriverHandle);
}

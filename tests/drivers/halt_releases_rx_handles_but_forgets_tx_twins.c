// RUN: %ndisv check --verify %s
// Shows: init allocates a receive and a transmit twin of each handle (work item, NET_BUFFER_LIST pool, NET_BUFFER
// pool, timer object) and its failure cleanup releases whatever is non-NULL (correct), but halt releases only the
// receive side and the watchdog timer. SDV's counting rule is satisfied by the one NdisFreeIoWorkItem in halt (pass);
// the per-handle rules name each handle halt forgets (defect).
// Naming trap: the leaked timer is allocated through a helper's pointer parameter, named in the caller's terms.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}
// expected-verdict {{ndisv_Init_NetBufferListPool: defect}}
// expected-verdict {{ndisv_Init_NetBufferPool: defect}}
// expected-verdict {{ndisv_Init_TimerObject: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS660_MINIPORT 1
#include <ndis.h>

#define TWN_TAG 'nwTn'

typedef struct _TWN_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE RxRefillWorkItem;
    NDIS_HANDLE TxRecoveryWorkItem;
    NDIS_HANDLE RxNblPool;
    NDIS_HANDLE TxNblPool;
    NDIS_HANDLE RxNbPool;
    NDIS_HANDLE TxNbPool;
    NDIS_HANDLE WatchdogTimer;
    NDIS_HANDLE StatsTimer;
    ULONG       TimerRuns;
    ULONG       WorkItemRuns;
} TWN_ADAPTER, *PTWN_ADAPTER;

static NDIS_HANDLE TwnDriverHandle;

MINIPORT_INITIALIZE TwnInitializeEx;
MINIPORT_HALT TwnHaltEx;
NDIS_TIMER_FUNCTION TwnTimer;
NDIS_IO_WORKITEM_FUNCTION TwnWork;

VOID TwnTimer(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2, PVOID SystemSpecific3)
{
    UNREFERENCED_PARAMETER(SystemSpecific1); UNREFERENCED_PARAMETER(SystemSpecific2); UNREFERENCED_PARAMETER(SystemSpecific3);
    ((PTWN_ADAPTER)FunctionContext)->TimerRuns++;
}
VOID TwnWork(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{ UNREFERENCED_PARAMETER(NdisIoWorkItemHandle); ((PTWN_ADAPTER)WorkItemContext)->WorkItemRuns++; }

static NDIS_HANDLE TwnAllocateNblPool(PTWN_ADAPTER Adapter)
{
    NET_BUFFER_LIST_POOL_PARAMETERS P;

    NdisZeroMemory(&P, sizeof(P));
    P.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    P.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    P.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    P.fAllocateNetBuffer = FALSE;
    P.PoolTag = TWN_TAG;
    return NdisAllocateNetBufferListPool(Adapter->MiniportHandle, &P);
}

static NDIS_HANDLE TwnAllocateNbPool(PTWN_ADAPTER Adapter)
{
    NET_BUFFER_POOL_PARAMETERS P;

    NdisZeroMemory(&P, sizeof(P));
    P.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    P.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    P.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    P.PoolTag = TWN_TAG;
    return NdisAllocateNetBufferPool(Adapter->MiniportHandle, &P);
}

static NDIS_STATUS TwnAllocateTimer(PTWN_ADAPTER Adapter, PNDIS_HANDLE Timer)
{
    NDIS_TIMER_CHARACTERISTICS T;

    NdisZeroMemory(&T, sizeof(T));
    T.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    T.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    T.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    T.AllocationTag = TWN_TAG;
    T.TimerFunction = TwnTimer;
    T.FunctionContext = Adapter;
    return NdisAllocateTimerObject(Adapter->MiniportHandle, &T, Timer);
}

// Init's failure cleanup: everything init may have acquired, each only if it was.
static VOID TwnFreeAcquired(PTWN_ADAPTER Adapter)
{
    if (Adapter->StatsTimer != NULL) NdisFreeTimerObject(Adapter->StatsTimer);
    if (Adapter->WatchdogTimer != NULL) NdisFreeTimerObject(Adapter->WatchdogTimer);
    if (Adapter->TxNbPool != NULL) NdisFreeNetBufferPool(Adapter->TxNbPool);
    if (Adapter->RxNbPool != NULL) NdisFreeNetBufferPool(Adapter->RxNbPool);
    if (Adapter->TxNblPool != NULL) NdisFreeNetBufferListPool(Adapter->TxNblPool);
    if (Adapter->RxNblPool != NULL) NdisFreeNetBufferListPool(Adapter->RxNblPool);
    if (Adapter->TxRecoveryWorkItem != NULL) NdisFreeIoWorkItem(Adapter->TxRecoveryWorkItem);
    if (Adapter->RxRefillWorkItem != NULL) NdisFreeIoWorkItem(Adapter->RxRefillWorkItem);
}

NDIS_STATUS TwnInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    PTWN_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), TWN_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.InterfaceType = NdisInterfaceInternal;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS)
        goto Fail;

    Status = NDIS_STATUS_RESOURCES;
    Adapter->RxRefillWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->RxRefillWorkItem == NULL)
        goto Fail;
    Adapter->TxRecoveryWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->TxRecoveryWorkItem == NULL)
        goto Fail;
    Adapter->RxNblPool = TwnAllocateNblPool(Adapter);
    if (Adapter->RxNblPool == NULL)
        goto Fail;
    Adapter->TxNblPool = TwnAllocateNblPool(Adapter);
    if (Adapter->TxNblPool == NULL)
        goto Fail;
    Adapter->RxNbPool = TwnAllocateNbPool(Adapter);
    if (Adapter->RxNbPool == NULL)
        goto Fail;
    Adapter->TxNbPool = TwnAllocateNbPool(Adapter);
    if (Adapter->TxNbPool == NULL)
        goto Fail;
    Status = TwnAllocateTimer(Adapter, &Adapter->WatchdogTimer);
    if (Status != NDIS_STATUS_SUCCESS)
        goto Fail;
    Status = TwnAllocateTimer(Adapter, &Adapter->StatsTimer);
    if (Status != NDIS_STATUS_SUCCESS)
        goto Fail;
    return NDIS_STATUS_SUCCESS;

Fail:
    TwnFreeAcquired(Adapter);
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, TWN_TAG);
    return Status;
}

VOID TwnHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PTWN_ADAPTER Adapter = (PTWN_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisCancelTimerObject(Adapter->WatchdogTimer);
    NdisFreeTimerObject(Adapter->WatchdogTimer);
    NdisCancelTimerObject(Adapter->StatsTimer);             // BUG: cancelled, never freed
    NdisFreeNetBufferPool(Adapter->RxNbPool);               // BUG: the Tx twins are never freed
    NdisFreeNetBufferListPool(Adapter->RxNblPool);
    NdisFreeIoWorkItem(Adapter->RxRefillWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, TWN_TAG);
} // expected-defect {{[ndisv_Init_IoWorkItem] MiniportHaltEx returns without calling NdisFreeIoWorkItem for Adapter->TxRecoveryWorkItem}} expected-defect {{[ndisv_Init_NetBufferListPool] MiniportHaltEx returns without calling NdisFreeNetBufferListPool for Adapter->TxNblPool}} expected-defect {{[ndisv_Init_NetBufferPool] MiniportHaltEx returns without calling NdisFreeNetBufferPool for Adapter->TxNbPool}} expected-defect {{[ndisv_Init_TimerObject] MiniportHaltEx returns without calling NdisFreeTimerObject for Adapter->StatsTimer}}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 60;
    Chars.InitializeHandlerEx = TwnInitializeEx;
    Chars.HaltHandlerEx = TwnHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &TwnDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows (false-alarm traps): init acquires its interrupt, scatter/gather DMA, timer, work item and both pools into
// local variables, unwinds through the locals while a later step fails, and copies them into the adapter only once
// all of them exist; the init failure after that and halt release them through the adapter's fields. A failed
// acquisition (failure status or NULL) is never released, and needs not be. Every rule passes.
// expected-verdict {{ndisv_Init_Interrupt: pass}}
// expected-verdict {{ndisv_Init_ScatterGatherDma: pass}}
// expected-verdict {{ndisv_Init_TimerObject: pass}}
// expected-verdict {{ndisv_Init_IoWorkItem: pass}}
// expected-verdict {{ndisv_Init_NetBufferListPool: pass}}
// expected-verdict {{ndisv_Init_NetBufferPool: pass}}
// expected-verdict {{Init_RegisterSG: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define LCA_TAG 'acLn'

typedef struct _LCA_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE Interrupt;
    NDIS_HANDLE DmaHandle;
    NDIS_HANDLE WatchdogTimer;
    NDIS_HANDLE ResetWorkItem;
    NDIS_HANDLE RxNblPool;
    NDIS_HANDLE TxNbPool;
    ULONG       WatchdogRuns;
    ULONG       Resets;
} LCA_ADAPTER, *PLCA_ADAPTER;

static NDIS_HANDLE LcaDriverHandle;

MINIPORT_INITIALIZE LcaInitializeEx;
MINIPORT_HALT LcaHaltEx;
MINIPORT_ISR LcaIsr;
MINIPORT_INTERRUPT_DPC LcaDpc;
MINIPORT_PROCESS_SG_LIST LcaProcessSgList;
NDIS_TIMER_FUNCTION LcaWatchdog;
NDIS_IO_WORKITEM_FUNCTION LcaReset;

BOOLEAN LcaIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDpc, PULONG Targets)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDpc = TRUE; *Targets = 0; return TRUE; }
VOID LcaDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID LcaProcessSgList(PDEVICE_OBJECT pDO, PVOID Reserved, PSCATTER_GATHER_LIST pSGL, PVOID Context)
{ UNREFERENCED_PARAMETER(pDO); UNREFERENCED_PARAMETER(Reserved); UNREFERENCED_PARAMETER(pSGL); UNREFERENCED_PARAMETER(Context); }
VOID LcaWatchdog(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2, PVOID SystemSpecific3)
{
    UNREFERENCED_PARAMETER(SystemSpecific1); UNREFERENCED_PARAMETER(SystemSpecific2); UNREFERENCED_PARAMETER(SystemSpecific3);
    ((PLCA_ADAPTER)FunctionContext)->WatchdogRuns++;
}
VOID LcaReset(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{ UNREFERENCED_PARAMETER(NdisIoWorkItemHandle); ((PLCA_ADAPTER)WorkItemContext)->Resets++; }

// Releases what the adapter's fields hold: the init failure after the copy, and halt.
static VOID LcaReleaseAdapterHandles(PLCA_ADAPTER Adapter)
{
    NdisCancelTimerObject(Adapter->WatchdogTimer);
    NdisFreeTimerObject(Adapter->WatchdogTimer);
    NdisFreeIoWorkItem(Adapter->ResetWorkItem);
    NdisFreeNetBufferPool(Adapter->TxNbPool);
    NdisFreeNetBufferListPool(Adapter->RxNblPool);
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
    NdisMDeregisterInterruptEx(Adapter->Interrupt);
}

static NDIS_STATUS LcaSetGeneralAttributes(PLCA_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MacAddressLength = 6;
    Gen.PermanentMacAddress[0] = Gen.CurrentMacAddress[0] = 0x02;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

NDIS_STATUS LcaInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    NDIS_SG_DMA_DESCRIPTION Dma;
    NDIS_TIMER_CHARACTERISTICS TimerChars;
    NET_BUFFER_LIST_POOL_PARAMETERS NblParams;
    NET_BUFFER_POOL_PARAMETERS NbParams;
    NDIS_HANDLE Interrupt, DmaHandle, Timer, WorkItem, NblPool, NbPool;
    PLCA_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), LCA_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Reg.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = LcaIsr;
    Intr.InterruptDpcHandler = LcaDpc;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Interrupt);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;              // nothing was registered

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.Header.Type = NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION;
    Dma.Header.Revision = NDIS_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Header.Size = NDIS_SIZEOF_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Flags = NDIS_SG_DMA_64_BIT_ADDRESS;
    Dma.MaximumPhysicalMapping = 0x10000;
    Dma.ProcessSGListHandler = LcaProcessSgList;
    Status = NdisMRegisterScatterGatherDma(MiniportAdapterHandle, &Dma, &DmaHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        goto DeregisterInterrupt;

    NdisZeroMemory(&TimerChars, sizeof(TimerChars));
    TimerChars.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    TimerChars.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    TimerChars.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    TimerChars.AllocationTag = LCA_TAG;
    TimerChars.TimerFunction = LcaWatchdog;
    TimerChars.FunctionContext = Adapter;
    Status = NdisAllocateTimerObject(MiniportAdapterHandle, &TimerChars, &Timer);
    if (Status != NDIS_STATUS_SUCCESS)
        goto DeregisterDma;

    Status = NDIS_STATUS_RESOURCES;
    WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (WorkItem == NULL)
        goto FreeTimer;

    NdisZeroMemory(&NblParams, sizeof(NblParams));
    NblParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    NblParams.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    NblParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    NblParams.fAllocateNetBuffer = TRUE;
    NblParams.PoolTag = LCA_TAG;
    NblPool = NdisAllocateNetBufferListPool(MiniportAdapterHandle, &NblParams);
    if (NblPool == NULL)
        goto FreeWorkItem;

    NdisZeroMemory(&NbParams, sizeof(NbParams));
    NbParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    NbParams.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    NbParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    NbParams.PoolTag = LCA_TAG;
    NbPool = NdisAllocateNetBufferPool(MiniportAdapterHandle, &NbParams);
    if (NbPool == NULL)
        goto FreeNblPool;

    // Everything exists: hand it to the adapter, which owns it from now on.
    Adapter->Interrupt = Interrupt;
    Adapter->DmaHandle = DmaHandle;
    Adapter->WatchdogTimer = Timer;
    Adapter->ResetWorkItem = WorkItem;
    Adapter->RxNblPool = NblPool;
    Adapter->TxNbPool = NbPool;

    Status = LcaSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        LcaReleaseAdapterHandles(Adapter);
        goto FreeAdapter;
    }
    return NDIS_STATUS_SUCCESS;

FreeNblPool:
    NdisFreeNetBufferListPool(NblPool);
FreeWorkItem:
    NdisFreeIoWorkItem(WorkItem);
FreeTimer:
    NdisFreeTimerObject(Timer);
DeregisterDma:
    NdisMDeregisterScatterGatherDma(DmaHandle);
DeregisterInterrupt:
    NdisMDeregisterInterruptEx(Interrupt);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LCA_TAG);
    return Status;
}

VOID LcaHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PLCA_ADAPTER Adapter = (PLCA_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    LcaReleaseAdapterHandles(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, LCA_TAG);
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
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = LcaInitializeEx;
    Chars.HaltHandlerEx = LcaHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &LcaDriverHandle);
}

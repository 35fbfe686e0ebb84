// RUN: %ndisv check --verify %s
// Shows: a goto-cleanup chain whose last failure (the general attributes) jumps to the wrong label, past the
// releases of the interrupt (registered into a local, then copied into the adapter), the scatter/gather DMA, the
// timer object and the NET_BUFFER pool. Each is reported under its own name; halt releases everything (defect on init
// failure only).
// expected-verdict {{ndisv_Init_Interrupt: defect}}
// expected-verdict {{ndisv_Init_ScatterGatherDma: defect}}
// expected-verdict {{ndisv_Init_TimerObject: defect}}
// expected-verdict {{ndisv_Init_NetBufferPool: defect}}
// expected-verdict {{Init_RegisterSG: defect}}
// expected-verdict {{Init_RegisterInterrupt: defect}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define GWL_TAG 'lwGn'

typedef struct _GWL_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE Interrupt;
    NDIS_HANDLE DmaHandle;
    NDIS_HANDLE WatchdogTimer;
    NDIS_HANDLE RxNbPool;
    ULONG       WatchdogRuns;
} GWL_ADAPTER, *PGWL_ADAPTER;

static NDIS_HANDLE GwlDriverHandle;

MINIPORT_INITIALIZE GwlInitializeEx;
MINIPORT_HALT GwlHaltEx;
MINIPORT_ISR GwlIsr;
MINIPORT_INTERRUPT_DPC GwlDpc;
MINIPORT_PROCESS_SG_LIST GwlProcessSgList;
NDIS_TIMER_FUNCTION GwlWatchdog;

BOOLEAN GwlIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDpc, PULONG Targets)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDpc = TRUE; *Targets = 0; return TRUE; }
VOID GwlDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID GwlProcessSgList(PDEVICE_OBJECT pDO, PVOID Reserved, PSCATTER_GATHER_LIST pSGL, PVOID Context)
{ UNREFERENCED_PARAMETER(pDO); UNREFERENCED_PARAMETER(Reserved); UNREFERENCED_PARAMETER(pSGL); UNREFERENCED_PARAMETER(Context); }
VOID GwlWatchdog(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2, PVOID SystemSpecific3)
{
    UNREFERENCED_PARAMETER(SystemSpecific1); UNREFERENCED_PARAMETER(SystemSpecific2); UNREFERENCED_PARAMETER(SystemSpecific3);
    ((PGWL_ADAPTER)FunctionContext)->WatchdogRuns++;
}

// Releases what the adapter's fields hold: halt.
static VOID GwlReleaseAdapterHandles(PGWL_ADAPTER Adapter)
{
    NdisCancelTimerObject(Adapter->WatchdogTimer);
    NdisFreeTimerObject(Adapter->WatchdogTimer);
    NdisFreeNetBufferPool(Adapter->RxNbPool);
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
    NdisMDeregisterInterruptEx(Adapter->Interrupt);
}

static NDIS_STATUS GwlSetGeneralAttributes(PGWL_ADAPTER Adapter)
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

NDIS_STATUS GwlInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    NDIS_SG_DMA_DESCRIPTION Dma;
    NDIS_TIMER_CHARACTERISTICS TimerChars;
    NET_BUFFER_POOL_PARAMETERS NbParams;
    NDIS_HANDLE Interrupt;
    PGWL_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), GWL_TAG, NormalPoolPriority);
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
    Intr.InterruptHandler = GwlIsr;
    Intr.InterruptDpcHandler = GwlDpc;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Interrupt);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    Adapter->Interrupt = Interrupt;

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.Header.Type = NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION;
    Dma.Header.Revision = NDIS_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Header.Size = NDIS_SIZEOF_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Flags = NDIS_SG_DMA_64_BIT_ADDRESS;
    Dma.MaximumPhysicalMapping = 0x10000;
    Dma.ProcessSGListHandler = GwlProcessSgList;
    Status = NdisMRegisterScatterGatherDma(MiniportAdapterHandle, &Dma, &Adapter->DmaHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        goto DeregisterInterrupt;

    NdisZeroMemory(&TimerChars, sizeof(TimerChars));
    TimerChars.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    TimerChars.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    TimerChars.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    TimerChars.AllocationTag = GWL_TAG;
    TimerChars.TimerFunction = GwlWatchdog;
    TimerChars.FunctionContext = Adapter;
    Status = NdisAllocateTimerObject(MiniportAdapterHandle, &TimerChars, &Adapter->WatchdogTimer);
    if (Status != NDIS_STATUS_SUCCESS)
        goto DeregisterDma;

    NdisZeroMemory(&NbParams, sizeof(NbParams));
    NbParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    NbParams.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    NbParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    NbParams.PoolTag = GWL_TAG;
    Adapter->RxNbPool = NdisAllocateNetBufferPool(MiniportAdapterHandle, &NbParams);
    if (Adapter->RxNbPool == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeTimer;
    }

    Status = GwlSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;              // BUG: should be FreeNbPool
    return NDIS_STATUS_SUCCESS;

FreeNbPool:
    NdisFreeNetBufferPool(Adapter->RxNbPool);
FreeTimer:
    NdisFreeTimerObject(Adapter->WatchdogTimer);
DeregisterDma:
    NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
DeregisterInterrupt:
    NdisMDeregisterInterruptEx(Adapter->Interrupt);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, GWL_TAG);
    return Status; // expected-defect {{[ndisv_Init_Interrupt] MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx for Adapter->Interrupt}} expected-defect {{[ndisv_Init_ScatterGatherDma] MiniportInitializeEx fails without calling NdisMDeregisterScatterGatherDma for Adapter->DmaHandle}} expected-defect {{[ndisv_Init_TimerObject] MiniportInitializeEx fails without calling NdisFreeTimerObject for Adapter->WatchdogTimer}} expected-defect {{[ndisv_Init_NetBufferPool] MiniportInitializeEx fails without calling NdisFreeNetBufferPool for Adapter->RxNbPool}} expected-defect {{[Init_RegisterSG] MiniportInitializeEx fails}} expected-defect {{[Init_RegisterInterrupt] MiniportInitializeEx fails}}
}

VOID GwlHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PGWL_ADAPTER Adapter = (PGWL_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    GwlReleaseAdapterHandles(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, GWL_TAG);
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
    Chars.InitializeHandlerEx = GwlInitializeEx;
    Chars.HaltHandlerEx = GwlHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &GwlDriverHandle);
}

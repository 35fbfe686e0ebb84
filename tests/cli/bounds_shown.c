// RUN: rm -rf %t && mkdir -p %t
// RUN: %ndisv check %ndisv_cli_rules --sarif %t/out.sarif --html %t/html %s > %t/out.txt 2>&1
// RUN: FileCheck %s --check-prefix=TEXT < %t/out.txt
// RUN: FileCheck %s --check-prefix=SARIF < %t/out.sarif
// RUN: FileCheck %s --check-prefix=HTML < %t/html/index.html
//
// A pass that holds only because a loop was left at the unrolling bound says
// so: in the verdict table's reason, in SARIF's runs[0].properties.ruleBounds
// (per rule) and in the HTML verdict table, naming the loop.
//
// (The checks sit beside the loops they name.)
//
// With a budget of instructions too small for the loop that runs to its
// end, the verdict is inconclusive and names where the budget went.
// RUN: not %ndisv check %ndisv_cli_rules --max-instructions 20000 %s > %t/budget.txt 2>&1
// RUN: FileCheck %s --check-prefix=BUDGET < %t/budget.txt
// A loop that runs on past the per-block visit budget is named too.
// RUN: not %ndisv check %ndisv_cli_rules -D BS_LONG_LOOP=1 %s > %t/visits.txt 2>&1
// RUN: FileCheck %s --check-prefix=VISITS < %t/visits.txt
// The resident memory the analysis may use is a budget too (checked every
// 65,536 instructions: the long loop gets there).
// RUN: not %ndisv check %ndisv_cli_rules -D BS_LONG_LOOP=1 --max-memory 1 %s > %t/memory.txt 2>&1
// RUN: FileCheck %s --check-prefix=MEMORY < %t/memory.txt
// MEMORY: ndisv: Init_NdisAllocateIoWorkItem: inconclusive {{.*}}memory budget exhausted (more than 1 MB resident, --max-memory); most of it went to the loop at bounds_shown.c:{{[0-9]+}} in BsFillTable
//
// A budget large enough passes again.
// RUN: %ndisv check %ndisv_cli_rules --max-instructions 40000000 %s | FileCheck %s --check-prefix=ENOUGH
// ENOUGH: ndisv: Init_NdisAllocateIoWorkItem: pass
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

typedef struct _BS_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE WorkItem;
    ULONG Table[64];
    ULONG Sum;
} BS_ADAPTER, *PBS_ADAPTER;

static NDIS_HANDLE BsDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE BsInitializeEx;
MINIPORT_HALT BsHaltEx;
MINIPORT_UNLOAD BsUnload;
MINIPORT_ISR BsIsr;
MINIPORT_INTERRUPT_DPC BsDpc;

BOOLEAN BsIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID BsDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }

// A loop with a known bound runs to its end: it costs instructions, not paths.
static VOID BsFillTable(PBS_ADAPTER Adapter)
{
    ULONG i;
    // BUDGET: ndisv: Init_NdisAllocateIoWorkItem: inconclusive {{.*}}instruction budget exhausted (--max-instructions 20000); most of it went to the loop at bounds_shown.c:[[@LINE+1]] in BsFillTable
    for (i = 0; i < 4000; i++)
        Adapter->Table[i % 64] = i;
#ifdef BS_LONG_LOOP
    // VISITS: ndisv: Init_NdisAllocateIoWorkItem: inconclusive {{.*}}a loop ran more than 20000 times (the loop at bounds_shown.c:[[@LINE+1]] in BsFillTable)
    for (i = 0; i < 30000; i++)
        Adapter->Sum += i;
#endif
}

NDIS_STATUS BsInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PBS_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    ULONG i;

    UNREFERENCED_PARAMETER(MiniportDriverContext);

    Adapter = (PBS_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(BS_ADAPTER),
                                                             'sBsN', NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(BS_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'sBsN');
        return Status;
    }

    // How many times is unknown: the loop is left after --loop-unroll iterations.
    // TEXT: ndisv: Init_NdisAllocateIoWorkItem: pass {{.*}}holds only under bounds: loops left after 8 iterations (--loop-unroll): the loop at bounds_shown.c:[[@LINE+5]] in BsInitializeEx
    // SARIF:      "ruleBounds": {
    // SARIF-NEXT:   "Init_DeRegisterInterrupt": [
    // SARIF-NEXT:     "loops left after 8 iterations (--loop-unroll): the loop at bounds_shown.c:[[@LINE+2]] in BsInitializeEx"
    // HTML: <span class="bounds">holds only under bounds:<br>loops left after 8 iterations (--loop-unroll): the loop at bounds_shown.c:[[@LINE+1]] in BsInitializeEx</span>
    for (i = 0; i < MiniportInitParameters->Flags; i++)
        Adapter->Sum += i;
    BsFillTable(Adapter);

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.InterruptHandler = BsIsr;
    Intr.InterruptDpcHandler = BsDpc;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'sBsN');
        return Status;
    }

    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WorkItem == NULL) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'sBsN');
        return NDIS_STATUS_RESOURCES;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID BsHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PBS_ADAPTER Adapter = (PBS_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, 'sBsN');
}

VOID BsUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(BsDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = BsInitializeEx;
    Chars.HaltHandlerEx = BsHaltEx;
    Chars.UnloadHandler = BsUnload;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &BsDriverHandle);
}

// Init and halt are here; the hardware setup and the cleanup helper that
// deregisters the interrupt on init failure live in hw.c.
#include "brk.h"

static NDIS_HANDLE BrkDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE BrkInitializeEx;
MINIPORT_HALT BrkHaltEx;
MINIPORT_ISR BrkIsr;
MINIPORT_INTERRUPT_DPC BrkDpc;

BOOLEAN BrkIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID BrkDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }

NDIS_STATUS BrkInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PBRK_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PBRK_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(BRK_ADAPTER),
                                                              'krBn', NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(BRK_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.InterruptHandler = BrkIsr;
    Intr.InterruptDpcHandler = BrkDpc;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'krBn');
        return Status;
    }

    Status = BrkSetupHardware(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        BrkReleaseHardware(Adapter); // deregisters the interrupt (hw.c)
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'krBn');
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID BrkHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PBRK_ADAPTER Adapter = (PBRK_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, 'krBn');
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = BrkInitializeEx;
    Chars.HaltHandlerEx = BrkHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &BrkDriverHandle);
}

// A miniport written the way MSVC lets C drivers be: its ISR is declared with
// the wrong parameter types and stored in the interrupt characteristics
// anyway (MSVC C4113, a warning; Clang 16+ an error), a helper is called
// before any declaration (C4013), and a pointer is stored in an integer
// (C4047). ndisv must compile it and still find the leaked interrupt.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

typedef struct _LEN_ADAPTER {
    NDIS_HANDLE InterruptHandle;
    ULONG_PTR Cookie;
} LEN_ADAPTER, *PLEN_ADAPTER;

static NDIS_HANDLE LenDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE LenInitializeEx;
MINIPORT_HALT LenHaltEx;
MINIPORT_INTERRUPT_DPC LenDpc;

// Wrong prototype: MINIPORT_ISR takes (NDIS_HANDLE, PBOOLEAN, PULONG).
BOOLEAN LenIsr(PLEN_ADAPTER Adapter, PUCHAR QueueDpc, PLONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Adapter); *QueueDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID LenDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }

NDIS_STATUS LenInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PLEN_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);

    Adapter = (PLEN_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(LEN_ADAPTER),
                                                              'neLn', NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(LEN_ADAPTER));
    Adapter->Cookie = MiniportInitParameters->AllocatedResources;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.InterruptHandler = LenIsr;
    Intr.InterruptDpcHandler = LenDpc;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'neLn');
        return Status;
    }

    Status = LenProbeHardware(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        // Bug: the interrupt stays registered.
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'neLn');
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

int LenProbeHardware(PLEN_ADAPTER Adapter)
{
    return Adapter->Cookie == 0 ? NDIS_STATUS_FAILURE : NDIS_STATUS_SUCCESS;
}

VOID LenHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PLEN_ADAPTER Adapter = (PLEN_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
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
    Chars.InitializeHandlerEx = LenInitializeEx;
    Chars.HaltHandlerEx = LenHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &LenDriverHandle);
}

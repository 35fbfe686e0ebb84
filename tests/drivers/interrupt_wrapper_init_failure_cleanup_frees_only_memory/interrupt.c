// Interrupt wrapper and handlers.
#include "nic.h"

static MINIPORT_ISR QuillIsr;
static MINIPORT_INTERRUPT_DPC QuillDpc;
static MINIPORT_DISABLE_INTERRUPT QuillDisableInterrupt;
static MINIPORT_ENABLE_INTERRUPT QuillEnableInterrupt;

static BOOLEAN QuillIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

static VOID QuillDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
                     PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

static VOID QuillDisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
static VOID QuillEnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

NDIS_STATUS RegisterAdapterInterrupt(PQUILL_ADAPTER Adapter)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    NDIS_STATUS Status;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = QuillIsr;
    Intr.InterruptDpcHandler = QuillDpc;
    Intr.DisableInterruptHandler = QuillDisableInterrupt;
    Intr.EnableInterruptHandler = QuillEnableInterrupt;

    Status = NdisMRegisterInterruptEx(Adapter->AdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle); // expected-note {{interrupt registered by NdisMRegisterInterruptEx}}
    return Status;
}

VOID DeregisterAdapterInterrupt(PQUILL_ADAPTER Adapter)
{
    if (Adapter->InterruptHandle != NULL) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        Adapter->InterruptHandle = NULL;
    }
}

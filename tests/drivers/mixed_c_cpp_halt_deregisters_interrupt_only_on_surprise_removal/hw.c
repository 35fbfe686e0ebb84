// Interrupt plumbing of Finch (C).
#include "finch.h"

static BOOLEAN FinchIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

static VOID FinchDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
                     PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

static VOID FinchDisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
static VOID FinchEnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

NDIS_STATUS FinchHwRegisterInterrupt(NDIS_HANDLE AdapterHandle, PVOID InterruptContext, PNDIS_HANDLE InterruptHandle)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = FinchIsr;
    Intr.InterruptDpcHandler = FinchDpc;
    Intr.DisableInterruptHandler = FinchDisableInterrupt;
    Intr.EnableInterruptHandler = FinchEnableInterrupt;
    return NdisMRegisterInterruptEx(AdapterHandle, InterruptContext, &Intr, InterruptHandle); // expected-note {{interrupt registered by NdisMRegisterInterruptEx}}
}

VOID FinchHwDeregisterInterrupt(NDIS_HANDLE InterruptHandle)
{
    NdisMDeregisterInterruptEx(InterruptHandle);
}

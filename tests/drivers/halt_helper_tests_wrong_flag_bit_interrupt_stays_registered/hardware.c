// File C: interrupt registration, the interrupt handlers, and the teardown helper used by halt.
#include "adapter.h"

BOOLEAN LitmusIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    PLITMUS_ADAPTER Adapter = (PLITMUS_ADAPTER)MiniportInterruptContext;
    UNREFERENCED_PARAMETER(TargetProcessors);
    Adapter->InterruptCount++;
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID LitmusDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
               PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

VOID LitmusDisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
VOID LitmusEnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

NDIS_STATUS ConnectInterrupt(PLITMUS_ADAPTER Adapter)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = LitmusIsr;
    Intr.InterruptDpcHandler = LitmusDpc;
    Intr.DisableInterruptHandler = LitmusDisableInterrupt;
    Intr.EnableInterruptHandler = LitmusEnableInterrupt;
    return NdisMRegisterInterruptEx(Adapter->AdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle); // expected-note {{interrupt registered by NdisMRegisterInterruptEx}}
}

VOID ReleaseHardware(PLITMUS_ADAPTER Adapter)
{
    // BUG: tests INTR_ENABLED (set by restart, cleared by pause) instead of INTR_REGISTERED (set by init).
    if (Adapter->Flags & ADAPTER_FLAG_INTR_ENABLED) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        Adapter->Flags &= ~(ADAPTER_FLAG_INTR_ENABLED | ADAPTER_FLAG_INTR_REGISTERED);
    }
    Adapter->Flags &= ~ADAPTER_FLAG_REGISTERED;
}

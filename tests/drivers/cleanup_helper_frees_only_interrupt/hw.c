// hw.c - hardware resources of the Chf miniport: interrupt connection and the deferred-work item.
#include "driver.h"

NDIS_STATUS HwConnectInterrupt(PCHF_ADAPTER Adapter)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = ChfIsr;
    Intr.InterruptDpcHandler = ChfInterruptDpc;
    Intr.DisableInterruptHandler = ChfDisableInterrupt;
    Intr.EnableInterruptHandler = ChfEnableInterrupt;
    return NdisMRegisterInterruptEx(Adapter->MiniportHandle, Adapter, &Intr, &Adapter->InterruptHandle);
}

NDIS_STATUS HwAllocateDeferredWork(PCHF_ADAPTER Adapter)
{
    Adapter->DeferredWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle); // expected-note {{work item allocated by NdisAllocateIoWorkItem}}
    return (Adapter->DeferredWorkItem != NULL) ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
}

// Undoes HwConnectInterrupt. Written before the deferred work item existed: it does not know about it.
VOID HwReleaseResources(PCHF_ADAPTER Adapter)
{
    if (Adapter->InterruptHandle != NULL) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        Adapter->InterruptHandle = NULL;
    }
}

VOID ChfWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PCHF_ADAPTER)WorkItemContext)->DeferredRuns++;
}

BOOLEAN ChfIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID ChfInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID ChfEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID ChfDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

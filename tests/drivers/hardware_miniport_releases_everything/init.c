// MiniportInitializeEx and MiniportHaltEx. Every rule of the NDIS family
// passes here: this is the "correct driver" the traps are built around.
#include "hwm.h"

MINIPORT_ISR HwmIsr;
MINIPORT_INTERRUPT_DPC HwmInterruptDpc;
MINIPORT_ENABLE_INTERRUPT HwmEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT HwmDisableInterrupt;

BOOLEAN HwmIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID HwmInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID HwmEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID HwmDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

static NDIS_STATUS HwmSetRegistrationAttributes(PHWM_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    RegAttrs.CheckForHangTimeInSeconds = 2;
    RegAttrs.InterfaceType = NdisInterfacePci;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
}

static NDIS_STATUS HwmAllocateRing(PHWM_ADAPTER Adapter)
{
    Adapter->RingBytes = HWM_RING_BYTES;
    NdisMAllocateSharedMemory(Adapter->MiniportHandle, Adapter->RingBytes, FALSE, &Adapter->RingVa, &Adapter->RingPa); // expected-defect {{[ndisv_Order_DmaBeforeSharedMemory] NdisMAllocateSharedMemory is called before NdisMRegisterScatterGatherDma}}
    if (Adapter->RingVa == NULL) {
        // Logged, then a ring half the size is tried.
        NdisWriteErrorLogEntry(Adapter->MiniportHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 1, Adapter->RingBytes);
        Adapter->RingBytes = HWM_RING_BYTES / 2;
        NdisMAllocateSharedMemory(Adapter->MiniportHandle, Adapter->RingBytes, FALSE, &Adapter->RingVa, &Adapter->RingPa);
        if (Adapter->RingVa == NULL) {
            NdisWriteErrorLogEntry(Adapter->MiniportHandle, NDIS_ERROR_CODE_OUT_OF_RESOURCES, 1, Adapter->RingBytes);
            return NDIS_STATUS_RESOURCES;
        }
    }
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS HwmInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PHWM_ADAPTER Adapter;
    PNDIS_GENERIC_OBJECT Stats;
    NET_BUFFER_POOL_PARAMETERS PoolParams;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);

    Adapter = (PHWM_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(HWM_ADAPTER),
                                                              HWM_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(HWM_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = HwmSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    // After the registration attributes, as NDIS requires.
    Status = NdisMRegisterIoPortRange(&Adapter->PortBase, MiniportAdapterHandle, HWM_PORT_BASE, HWM_PORT_COUNT);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    Status = HwmMapRegisters(Adapter, MiniportInitParameters);
    if (Status != NDIS_STATUS_SUCCESS)
        goto DeregisterPorts;

    Status = HwmReadConfiguration(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto Unmap;
    HwmResetPhy(Adapter);

    Status = HwmAllocateRing(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto Unmap;

    // A generic object for statistics work, kept in a local until it is known good.
    Stats = NdisAllocateGenericObject(HwmDriverObject, HWM_TAG, 0);
    if (Stats == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeRing;
    }
    Adapter->StatsObject = Stats;

    NdisZeroMemory(&PoolParams, sizeof(PoolParams));
    PoolParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    PoolParams.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    PoolParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1;
    PoolParams.PoolTag = HWM_TAG;
    Adapter->NbPool = NdisAllocateNetBufferPool(MiniportAdapterHandle, &PoolParams);
    if (Adapter->NbPool == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeStats;
    }

    Status = HwmAllocateQueues(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreePool;

    Status = HwmAllocateTimers(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeQueues;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = HwmIsr;
    Intr.InterruptDpcHandler = HwmInterruptDpc;
    Intr.DisableInterruptHandler = HwmDisableInterrupt;
    Intr.EnableInterruptHandler = HwmEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->Interrupt);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeTimers;

    HwmStartWatchdog(Adapter);
    return NDIS_STATUS_SUCCESS;

FreeTimers:
    HwmFreeTimers(Adapter);
FreeQueues:
    HwmFreeQueues(Adapter, HWM_QUEUES);
FreePool:
    NdisFreeNetBufferPool(Adapter->NbPool);
FreeStats:
    NdisFreeGenericObject(Adapter->StatsObject);
FreeRing:
    NdisMFreeSharedMemory(MiniportAdapterHandle, Adapter->RingBytes, FALSE, Adapter->RingVa, Adapter->RingPa);
Unmap:
    NdisMUnmapIoSpace(MiniportAdapterHandle, Adapter->Csr, HWM_CSR_BYTES);
DeregisterPorts:
    NdisMDeregisterIoPortRange(MiniportAdapterHandle, HWM_PORT_BASE, HWM_PORT_COUNT, Adapter->PortBase);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, HWM_TAG);
    return Status;
}

VOID HwmHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PHWM_ADAPTER Adapter = (PHWM_ADAPTER)MiniportAdapterContext;
    NDIS_HANDLE Handle = Adapter->MiniportHandle;

    UNREFERENCED_PARAMETER(HaltAction);
    HwmStopTimers(Adapter);          // timers.c
    HwmDisableInterrupts(Adapter);   // synchronizes with the ISR: before the deregistration
    NdisMDeregisterInterruptEx(Adapter->Interrupt);
    HwmFreeTimers(Adapter);
    HwmFreeQueues(Adapter, HWM_QUEUES);
    NdisFreeNetBufferPool(Adapter->NbPool);
    NdisFreeGenericObject(Adapter->StatsObject);
    NdisMFreeSharedMemory(Handle, Adapter->RingBytes, FALSE, Adapter->RingVa, Adapter->RingPa);
    NdisMUnmapIoSpace(Handle, Adapter->Csr, HWM_CSR_BYTES);
    NdisMDeregisterIoPortRange(Handle, HWM_PORT_BASE, HWM_PORT_COUNT, Adapter->PortBase);
    NdisFreeMemoryWithTagPriority(Handle, Adapter, HWM_TAG);
}

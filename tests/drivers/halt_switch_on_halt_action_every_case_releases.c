// RUN: %ndisv check --verify %s
// Halt switches on HaltAction: surprise removal returns early after the common release helper, the other cases
// quiesce differently and then fall through to the same releases. Every case releases both resources: clean.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define PIKA_TAG 'akiP'

typedef struct _PIKA_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE WatchdogWorkItem;
    BOOLEAN     SurpriseRemoved;
    BOOLEAN     HardwareStopped;
} PIKA_ADAPTER, *PPIKA_ADAPTER;

static NDIS_HANDLE g_PikaDriverHandle;

MINIPORT_INITIALIZE PikaInitializeEx;
MINIPORT_HALT PikaHaltEx;
MINIPORT_UNLOAD PikaUnload;
MINIPORT_ISR PikaIsr;
MINIPORT_INTERRUPT_DPC PikaDpc;
MINIPORT_DISABLE_INTERRUPT PikaDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT PikaEnableInterrupt;

BOOLEAN PikaIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID PikaDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
             PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

VOID PikaDisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
VOID PikaEnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

static VOID PikaReleaseResources(PPIKA_ADAPTER Adapter)
{
    NdisFreeIoWorkItem(Adapter->WatchdogWorkItem);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
}

static VOID PikaStopHardware(PPIKA_ADAPTER Adapter)
{
    Adapter->HardwareStopped = TRUE;
}

VOID PikaHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PPIKA_ADAPTER Adapter = (PPIKA_ADAPTER)MiniportAdapterContext;
    NDIS_HANDLE AdapterHandle = Adapter->AdapterHandle;

    switch (HaltAction) {
    case NdisHaltDeviceSurpriseRemoved:
        // The hardware is gone: do not touch it, just release and leave.
        Adapter->SurpriseRemoved = TRUE;
        PikaReleaseResources(Adapter);
        NdisFreeMemoryWithTagPriority(AdapterHandle, Adapter, PIKA_TAG);
        return;

    case NdisHaltDevicePoweredDown:
        // Already stopped by the power transition.
        break;

    case NdisHaltDeviceDisabled:
    case NdisHaltDeviceInstanceDeInstalled:
        PikaStopHardware(Adapter);
        break;

    default:
        PikaStopHardware(Adapter);
        break;
    }

    PikaReleaseResources(Adapter);
    NdisFreeMemoryWithTagPriority(AdapterHandle, Adapter, PIKA_TAG);
}

NDIS_STATUS PikaInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                             PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    PPIKA_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PPIKA_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(PIKA_ADAPTER),
                                                               PIKA_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(PIKA_ADAPTER));
    Adapter->AdapterHandle = MiniportAdapterHandle;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_SURPRISE_REMOVE_OK;
    Reg.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, PIKA_TAG);
        return Status;
    }

    Adapter->WatchdogWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WatchdogWorkItem == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, PIKA_TAG);
        return NDIS_STATUS_RESOURCES;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = PikaIsr;
    Intr.InterruptDpcHandler = PikaDpc;
    Intr.DisableInterruptHandler = PikaDisableInterrupt;
    Intr.EnableInterruptHandler = PikaEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeIoWorkItem(Adapter->WatchdogWorkItem);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, PIKA_TAG);
        return Status;
    }

    return NDIS_STATUS_SUCCESS;
}

VOID PikaUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_PikaDriverHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars = {
        .Header = {
            .Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS,
            .Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2,
            .Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2,
        },
        .MajorNdisVersion = 6,
        .MinorNdisVersion = 20,
        .InitializeHandlerEx = PikaInitializeEx,
        .HaltHandlerEx = PikaHaltEx,
        .UnloadHandler = PikaUnload,
    };
    NDIS_STATUS Status;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &g_PikaDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

// RUN: %ndisv check --verify %s
// One work item per receive queue is allocated in a loop over a member array. Halt's loop frees them all, but when
// the allocation fails part-way through the loop, init returns without freeing the ones already allocated.
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS660_MINIPORT 1
#include <ndis.h>

#define MQ_TAG 'QMxN'
#define MQ_NUM_QUEUES 4

struct RxQueue {
    NDIS_HANDLE RefillWorkItem;
    ULONG       Index;
    ULONG       PendingRefills;
};

class MultiQueueAdapter {
public:
    NDIS_STATUS ConnectInterrupt();
    void DisconnectInterrupt();
    NDIS_STATUS AllocateQueues();
    void FreeQueues();
    NDIS_STATUS SetAttributes(bool General);

    NDIS_HANDLE m_AdapterHandle;
    NDIS_HANDLE m_InterruptHandle;
    RxQueue     m_Queues[MQ_NUM_QUEUES];

    static BOOLEAN Isr(NDIS_HANDLE Context, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
    {
        UNREFERENCED_PARAMETER(Context);
        UNREFERENCED_PARAMETER(TargetProcessors);
        *QueueDefaultInterruptDpc = TRUE;
        return TRUE;
    }
    static VOID Dpc(NDIS_HANDLE Context, PVOID DpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
    {
        UNREFERENCED_PARAMETER(Context);
        UNREFERENCED_PARAMETER(DpcContext);
        UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
        UNREFERENCED_PARAMETER(NdisReserved2);
    }
    static VOID DisableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }
    static VOID EnableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }
};

NDIS_STATUS MultiQueueAdapter::ConnectInterrupt()
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = Isr;
    Intr.InterruptDpcHandler = Dpc;
    Intr.DisableInterruptHandler = DisableInterrupt;
    Intr.EnableInterruptHandler = EnableInterrupt;
    return NdisMRegisterInterruptEx(m_AdapterHandle, this, &Intr, &m_InterruptHandle);
}

void MultiQueueAdapter::DisconnectInterrupt()
{
    if (m_InterruptHandle != nullptr) {
        NdisMDeregisterInterruptEx(m_InterruptHandle);
        m_InterruptHandle = nullptr;
    }
}

NDIS_STATUS MultiQueueAdapter::AllocateQueues()
{
    for (ULONG i = 0; i < MQ_NUM_QUEUES; i++) {
        m_Queues[i].Index = i;
        m_Queues[i].RefillWorkItem = NdisAllocateIoWorkItem(m_AdapterHandle); // expected-note {{work item allocated by NdisAllocateIoWorkItem}}
        if (m_Queues[i].RefillWorkItem == nullptr) {
            // BUG: queues 0..i-1 keep their work items; the caller does not call FreeQueues() either.
            return NDIS_STATUS_RESOURCES;
        }
    }
    return NDIS_STATUS_SUCCESS;
}

void MultiQueueAdapter::FreeQueues()
{
    for (ULONG i = 0; i < MQ_NUM_QUEUES; i++) {
        if (m_Queues[i].RefillWorkItem != nullptr) {
            NdisFreeIoWorkItem(m_Queues[i].RefillWorkItem);
            m_Queues[i].RefillWorkItem = nullptr;
        }
    }
}

NDIS_STATUS MultiQueueAdapter::SetAttributes(bool General)
{
    NDIS_MINIPORT_ADAPTER_ATTRIBUTES Attrs;
    NdisZeroMemory(&Attrs, sizeof(Attrs));
    if (!General) {
        Attrs.RegistrationAttributes.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
        Attrs.RegistrationAttributes.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Attrs.RegistrationAttributes.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Attrs.RegistrationAttributes.MiniportAdapterContext = this;
        Attrs.RegistrationAttributes.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
        Attrs.RegistrationAttributes.InterfaceType = NdisInterfacePci;
    } else {
        Attrs.GeneralAttributes.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
        Attrs.GeneralAttributes.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
        Attrs.GeneralAttributes.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
        Attrs.GeneralAttributes.MediaType = NdisMedium802_3;
        Attrs.GeneralAttributes.PhysicalMediumType = NdisPhysicalMediumUnspecified;
        Attrs.GeneralAttributes.MtuSize = 9000;
        Attrs.GeneralAttributes.MaxXmitLinkSpeed = Attrs.GeneralAttributes.XmitLinkSpeed = 25000000000ULL;
        Attrs.GeneralAttributes.MaxRcvLinkSpeed = Attrs.GeneralAttributes.RcvLinkSpeed = 25000000000ULL;
        Attrs.GeneralAttributes.MediaConnectState = MediaConnectStateConnected;
        Attrs.GeneralAttributes.MediaDuplexState = MediaDuplexStateFull;
        Attrs.GeneralAttributes.LookaheadSize = 9000;
        Attrs.GeneralAttributes.MacAddressLength = 6;
    }
    return NdisMSetMiniportAttributes(m_AdapterHandle, &Attrs);
}

static NDIS_HANDLE g_MqDriverHandle;

extern "C" {
DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE MqInitializeEx;
MINIPORT_HALT MqHaltEx;
MINIPORT_UNLOAD MqUnload;
}

extern "C" NDIS_STATUS MqInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                                      PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    auto *Adapter = static_cast<MultiQueueAdapter *>(
        NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(MultiQueueAdapter), MQ_TAG, NormalPoolPriority));
    if (Adapter == nullptr) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->m_AdapterHandle = MiniportAdapterHandle;

    NDIS_STATUS Status = Adapter->SetAttributes(false);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, MQ_TAG);
        return Status;
    }

    Status = Adapter->ConnectInterrupt();
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, MQ_TAG);
        return Status;
    }

    Status = Adapter->AllocateQueues();
    if (Status != NDIS_STATUS_SUCCESS) {
        Adapter->DisconnectInterrupt();
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, MQ_TAG);
        return Status; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without}} expected-defect {{[ndisv_Init_IoWorkItem] (i = 0)}} expected-defect {{[ndisv_Init_IoWorkItem] (i = 1)}} expected-defect {{[ndisv_Init_IoWorkItem] (i = 2)}}
    }

    Status = Adapter->SetAttributes(true);
    if (Status != NDIS_STATUS_SUCCESS) {
        Adapter->FreeQueues();
        Adapter->DisconnectInterrupt();
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, MQ_TAG);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

extern "C" VOID MqHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(HaltAction);
    auto *Adapter = static_cast<MultiQueueAdapter *>(MiniportAdapterContext);
    Adapter->FreeQueues();
    Adapter->DisconnectInterrupt();
    NdisFreeMemoryWithTagPriority(Adapter->m_AdapterHandle, Adapter, MQ_TAG);
}

extern "C" VOID MqUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_MqDriverHandle);
}

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 60;
    Chars.InitializeHandlerEx = MqInitializeEx;
    Chars.HaltHandlerEx = MqHaltEx;
    Chars.UnloadHandler = MqUnload;
    NDIS_STATUS Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, nullptr, &Chars, &g_MqDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

// RUN: %ndisv check --verify %s
// A template ResourceHolder<Traits> owns the work item and the NBL pool; init releases every holder on failure and
// halt releases them all. The interrupt is registered and deregistered directly. Clean on every path.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define RH_TAG 'hRxN'

struct WorkItemTraits {
    static NDIS_HANDLE Acquire(NDIS_HANDLE Owner) { return NdisAllocateIoWorkItem(Owner); }
    static void Release(NDIS_HANDLE Handle) { NdisFreeIoWorkItem(Handle); }
};

struct NblPoolTraits {
    static NDIS_HANDLE Acquire(NDIS_HANDLE Owner)
    {
        NET_BUFFER_LIST_POOL_PARAMETERS Params;
        NdisZeroMemory(&Params, sizeof(Params));
        Params.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
        Params.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        Params.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        Params.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
        Params.fAllocateNetBuffer = TRUE;
        Params.PoolTag = RH_TAG;
        return NdisAllocateNetBufferListPool(Owner, &Params);
    }
    static void Release(NDIS_HANDLE Handle) { NdisFreeNetBufferListPool(Handle); }
};

template <typename T>
class ResourceHolder {
public:
    void Reset() { m_Handle = nullptr; }
    bool Acquire(NDIS_HANDLE Owner)
    {
        m_Handle = T::Acquire(Owner);
        return m_Handle != nullptr;
    }
    void Release()
    {
        if (m_Handle != nullptr) {
            T::Release(m_Handle);
            m_Handle = nullptr;
        }
    }
    NDIS_HANDLE Get() const { return m_Handle; }

private:
    NDIS_HANDLE m_Handle;
};

struct RhAdapter {
    NDIS_HANDLE                   AdapterHandle;
    NDIS_HANDLE                   InterruptHandle;
    ResourceHolder<WorkItemTraits> StatsWorkItem;
    ResourceHolder<NblPoolTraits>  RxPool;
    ULONG64                       RxFrames;
};

extern "C" {
DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE RhInitializeEx;
MINIPORT_HALT RhHaltEx;
MINIPORT_UNLOAD RhUnload;
MINIPORT_ISR RhIsr;
MINIPORT_INTERRUPT_DPC RhDpc;
MINIPORT_DISABLE_INTERRUPT RhDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT RhEnableInterrupt;
}

static NDIS_HANDLE g_RhDriverHandle;

extern "C" BOOLEAN RhIsr(NDIS_HANDLE Context, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(TargetProcessors);
    static_cast<RhAdapter *>(Context)->RxFrames++;
    *QueueDefaultInterruptDpc = FALSE;
    return TRUE;
}

extern "C" VOID RhDpc(NDIS_HANDLE Context, PVOID DpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(DpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

extern "C" VOID RhDisableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }
extern "C" VOID RhEnableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }

static void RhReleaseAll(RhAdapter *Adapter)
{
    if (Adapter->InterruptHandle != nullptr) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        Adapter->InterruptHandle = nullptr;
    }
    Adapter->RxPool.Release();
    Adapter->StatsWorkItem.Release();
}

extern "C" NDIS_STATUS RhInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                                      PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    RhAdapter *Adapter = static_cast<RhAdapter *>(
        NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(RhAdapter), RH_TAG, NormalPoolPriority));
    if (Adapter == nullptr) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(RhAdapter));
    Adapter->AdapterHandle = MiniportAdapterHandle;
    Adapter->StatsWorkItem.Reset();
    Adapter->RxPool.Reset();

    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Reg.InterfaceType = NdisInterfacePci;
    NDIS_STATUS Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);

    if (Status == NDIS_STATUS_SUCCESS && !Adapter->StatsWorkItem.Acquire(MiniportAdapterHandle)) {
        Status = NDIS_STATUS_RESOURCES;
    }
    if (Status == NDIS_STATUS_SUCCESS && !Adapter->RxPool.Acquire(MiniportAdapterHandle)) {
        Status = NDIS_STATUS_RESOURCES;
    }
    if (Status == NDIS_STATUS_SUCCESS) {
        NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
        NdisZeroMemory(&Intr, sizeof(Intr));
        Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
        Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
        Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
        Intr.InterruptHandler = RhIsr;
        Intr.InterruptDpcHandler = RhDpc;
        Intr.DisableInterruptHandler = RhDisableInterrupt;
        Intr.EnableInterruptHandler = RhEnableInterrupt;
        Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    }

    if (Status != NDIS_STATUS_SUCCESS) {
        RhReleaseAll(Adapter);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RH_TAG);
    }
    return Status;
}

extern "C" VOID RhHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(HaltAction);
    RhAdapter *Adapter = static_cast<RhAdapter *>(MiniportAdapterContext);
    NDIS_HANDLE Handle = Adapter->AdapterHandle;
    RhReleaseAll(Adapter);
    NdisFreeMemoryWithTagPriority(Handle, Adapter, RH_TAG);
}

extern "C" VOID RhUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_RhDriverHandle);
}

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = RhInitializeEx;
    Chars.HaltHandlerEx = RhHaltEx;
    Chars.UnloadHandler = RhUnload;
    NDIS_STATUS Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, nullptr, &Chars, &g_RhDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

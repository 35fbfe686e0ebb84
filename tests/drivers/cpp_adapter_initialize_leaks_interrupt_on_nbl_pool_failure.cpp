// RUN: %ndisv check --verify %s
// Adapter::Initialize() registers the interrupt through InterruptManager::Register(), then returns failure when
// NdisAllocateNetBufferListPool returns NULL without deregistering it; MPInitializeEx just frees the memory: a leak.
// expected-verdict {{Init_NdisAllocateIoWorkItem: not-applicable}}
// expected-verdict {{Init_RegisterInterrupt: defect}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}
// expected-verdict {{ndisv_Init_Interrupt: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define NIC_TAG 'cNmI'

inline void *operator new(decltype(sizeof(0)), void *Where) noexcept { return Where; }

class InterruptManager {
public:
    NDIS_STATUS Register(NDIS_HANDLE AdapterHandle, PVOID InterruptContext);
    void Deregister();

private:
    static BOOLEAN Isr(NDIS_HANDLE Context, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors);
    static VOID Dpc(NDIS_HANDLE Context, PVOID DpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2);
    static VOID Disable(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }
    static VOID Enable(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }

    NDIS_HANDLE m_Handle = nullptr;
};

BOOLEAN InterruptManager::Isr(NDIS_HANDLE Context, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID InterruptManager::Dpc(NDIS_HANDLE Context, PVOID DpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(DpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

NDIS_STATUS InterruptManager::Register(NDIS_HANDLE AdapterHandle, PVOID InterruptContext)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Chars.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Chars.InterruptHandler = &InterruptManager::Isr;
    Chars.InterruptDpcHandler = &InterruptManager::Dpc;
    Chars.DisableInterruptHandler = &InterruptManager::Disable;
    Chars.EnableInterruptHandler = &InterruptManager::Enable;
    return NdisMRegisterInterruptEx(AdapterHandle, InterruptContext, &Chars, &m_Handle); // expected-note {{interrupt registered by NdisMRegisterInterruptEx}}
}

void InterruptManager::Deregister()
{
    if (m_Handle != nullptr) {
        NdisMDeregisterInterruptEx(m_Handle);
        m_Handle = nullptr;
    }
}

class Adapter {
public:
    explicit Adapter(NDIS_HANDLE AdapterHandle) : m_AdapterHandle(AdapterHandle) {}

    NDIS_STATUS Initialize()
    {
        NET_BUFFER_LIST_POOL_PARAMETERS PoolParams;
        NDIS_STATUS Status = m_Interrupt.Register(m_AdapterHandle, this);
        if (Status != NDIS_STATUS_SUCCESS) {
            return Status;
        }

        NdisZeroMemory(&PoolParams, sizeof(PoolParams));
        PoolParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
        PoolParams.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        PoolParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        PoolParams.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
        PoolParams.fAllocateNetBuffer = TRUE;
        PoolParams.PoolTag = NIC_TAG;
        m_RxPool = NdisAllocateNetBufferListPool(m_AdapterHandle, &PoolParams);
        if (m_RxPool == nullptr) {
            // BUG: m_Interrupt.Deregister() is missing here.
            return NDIS_STATUS_RESOURCES;
        }
        return NDIS_STATUS_SUCCESS;
    }

    void Shutdown()
    {
        m_Interrupt.Deregister();
        if (m_RxPool != nullptr) {
            NdisFreeNetBufferListPool(m_RxPool);
            m_RxPool = nullptr;
        }
    }

    NDIS_STATUS SetRegistrationAttributes()
    {
        NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Attrs;
        NdisZeroMemory(&Attrs, sizeof(Attrs));
        Attrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
        Attrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Attrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Attrs.MiniportAdapterContext = this;
        Attrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
        Attrs.CheckForHangTimeInSeconds = 2;
        Attrs.InterfaceType = NdisInterfacePci;
        return NdisMSetMiniportAttributes(m_AdapterHandle, reinterpret_cast<PNDIS_MINIPORT_ADAPTER_ATTRIBUTES>(&Attrs));
    }

    NDIS_HANDLE Handle() const { return m_AdapterHandle; }

private:
    NDIS_HANDLE m_AdapterHandle;
    InterruptManager m_Interrupt;
    NDIS_HANDLE m_RxPool = nullptr;
};

static NDIS_HANDLE g_DriverHandle = nullptr;

extern "C" {
DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE MPInitializeEx;
MINIPORT_HALT MPHaltEx;
MINIPORT_UNLOAD MPUnload;
MINIPORT_OID_REQUEST MPOidRequest;
}

extern "C" NDIS_STATUS MPInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                                      PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    PVOID Memory = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Adapter), NIC_TAG, NormalPoolPriority);
    if (Memory == nullptr) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Memory, sizeof(Adapter));
    Adapter *Nic = new (Memory) Adapter(MiniportAdapterHandle);

    NDIS_STATUS Status = Nic->SetRegistrationAttributes();
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = Nic->Initialize();
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Memory, NIC_TAG);
        return Status; // expected-defect {{[Init_RegisterInterrupt] MiniportInitializeEx fails without}} expected-defect {{[ndisv_Init_Interrupt] MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx}}
    }
    return NDIS_STATUS_SUCCESS;
}

extern "C" VOID MPHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(HaltAction);
    Adapter *Nic = static_cast<Adapter *>(MiniportAdapterContext);
    NDIS_HANDLE AdapterHandle = Nic->Handle();
    Nic->Shutdown();
    NdisFreeMemoryWithTagPriority(AdapterHandle, Nic, NIC_TAG);
}

extern "C" NDIS_STATUS MPOidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST OidRequest)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(OidRequest);
    return NDIS_STATUS_NOT_SUPPORTED;
}

extern "C" VOID MPUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_DriverHandle);
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
    Chars.InitializeHandlerEx = MPInitializeEx;
    Chars.HaltHandlerEx = MPHaltEx;
    Chars.UnloadHandler = MPUnload;
    Chars.OidRequestHandler = MPOidRequest;

    NDIS_STATUS Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, nullptr, &Chars, &g_DriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

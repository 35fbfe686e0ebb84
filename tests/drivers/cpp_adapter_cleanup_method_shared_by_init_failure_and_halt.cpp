// RUN: %ndisv check --verify %s
// RAII-style Adapter class: every init failure path calls Adapter::Cleanup(), which releases the interrupt, the work
// item and the NBL pool under member NULL checks; halt calls the same Cleanup(). Clean on every path.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS680_MINIPORT 1
#include <ndis.h>

#define RA_TAG 'aRxN'

inline void *operator new(decltype(sizeof(0)), void *Where) noexcept { return Where; }

extern "C" {
MINIPORT_ISR RaIsr;
MINIPORT_INTERRUPT_DPC RaDpc;
MINIPORT_DISABLE_INTERRUPT RaDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT RaEnableInterrupt;
NDIS_IO_WORKITEM_FUNCTION RaLinkWorkItem;
}

class Adapter {
public:
    explicit Adapter(NDIS_HANDLE Handle)
        : m_Handle(Handle), m_Interrupt(nullptr), m_LinkWorkItem(nullptr), m_TxPool(nullptr), m_LinkUp(FALSE) {}

    static Adapter *Create(NDIS_HANDLE Handle)
    {
        PVOID Memory = NdisAllocateMemoryWithTagPriority(Handle, sizeof(Adapter), RA_TAG, NormalPoolPriority);
        if (Memory == nullptr) {
            return nullptr;
        }
        NdisZeroMemory(Memory, sizeof(Adapter));
        return new (Memory) Adapter(Handle);
    }

    NDIS_STATUS Register()
    {
        NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
        NdisZeroMemory(&Reg, sizeof(Reg));
        Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
        Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Reg.MiniportAdapterContext = this;
        Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
        Reg.CheckForHangTimeInSeconds = 2;
        Reg.InterfaceType = NdisInterfacePci;
        return NdisMSetMiniportAttributes(m_Handle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    }

    NDIS_STATUS AcquireResources()
    {
        NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
        NdisZeroMemory(&Intr, sizeof(Intr));
        Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
        Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
        Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
        Intr.InterruptHandler = RaIsr;
        Intr.InterruptDpcHandler = RaDpc;
        Intr.DisableInterruptHandler = RaDisableInterrupt;
        Intr.EnableInterruptHandler = RaEnableInterrupt;
        NDIS_STATUS Status = NdisMRegisterInterruptEx(m_Handle, this, &Intr, &m_Interrupt);
        if (Status != NDIS_STATUS_SUCCESS) {
            return Status;
        }

        m_LinkWorkItem = NdisAllocateIoWorkItem(m_Handle);
        if (m_LinkWorkItem == nullptr) {
            return NDIS_STATUS_RESOURCES;
        }

        NET_BUFFER_LIST_POOL_PARAMETERS Pool;
        NdisZeroMemory(&Pool, sizeof(Pool));
        Pool.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
        Pool.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        Pool.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        Pool.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
        Pool.fAllocateNetBuffer = TRUE;
        Pool.PoolTag = RA_TAG;
        m_TxPool = NdisAllocateNetBufferListPool(m_Handle, &Pool);
        return m_TxPool != nullptr ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
    }

    NDIS_STATUS SetGeneralAttributes()
    {
        NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
        NdisZeroMemory(&Gen, sizeof(Gen));
        Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
        Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
        Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
        Gen.MediaType = NdisMedium802_3;
        Gen.PhysicalMediumType = NdisPhysicalMedium802_3;
        Gen.MtuSize = 1500;
        Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = 10000000000ULL;
        Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 10000000000ULL;
        Gen.MediaConnectState = MediaConnectStateUnknown;
        Gen.MediaDuplexState = MediaDuplexStateUnknown;
        Gen.LookaheadSize = 1500;
        Gen.MacAddressLength = 6;
        return NdisMSetMiniportAttributes(m_Handle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
    }

    // Safe on a partially initialized adapter: every member is checked.
    void Cleanup()
    {
        if (m_Interrupt != nullptr) {
            NdisMDeregisterInterruptEx(m_Interrupt);
            m_Interrupt = nullptr;
        }
        if (m_LinkWorkItem != nullptr) {
            NdisFreeIoWorkItem(m_LinkWorkItem);
            m_LinkWorkItem = nullptr;
        }
        if (m_TxPool != nullptr) {
            NdisFreeNetBufferListPool(m_TxPool);
            m_TxPool = nullptr;
        }
    }

    void Destroy()
    {
        NDIS_HANDLE Handle = m_Handle;
        Cleanup();
        this->~Adapter();
        NdisFreeMemoryWithTagPriority(Handle, this, RA_TAG);
    }

    NDIS_HANDLE m_Handle;
    NDIS_HANDLE m_Interrupt;
    NDIS_HANDLE m_LinkWorkItem;
    NDIS_HANDLE m_TxPool;
    BOOLEAN     m_LinkUp;
};

extern "C" BOOLEAN RaIsr(NDIS_HANDLE Context, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

extern "C" VOID RaDpc(NDIS_HANDLE Context, PVOID DpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    Adapter *Nic = static_cast<Adapter *>(Context);
    UNREFERENCED_PARAMETER(DpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
    NdisQueueIoWorkItem(Nic->m_LinkWorkItem, RaLinkWorkItem, Nic);
}

extern "C" VOID RaDisableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }
extern "C" VOID RaEnableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }

extern "C" VOID RaLinkWorkItem(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    static_cast<Adapter *>(WorkItemContext)->m_LinkUp = TRUE;
}

static NDIS_HANDLE g_RaDriverHandle;

static NDIS_STATUS RaInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                                  PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter *Nic = Adapter::Create(MiniportAdapterHandle);
    if (Nic == nullptr) {
        return NDIS_STATUS_RESOURCES;
    }

    NDIS_STATUS Status = Nic->Register();
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = Nic->AcquireResources();
    }
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = Nic->SetGeneralAttributes();
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        Nic->Destroy();
    }
    return Status;
}

static VOID RaHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(HaltAction);
    static_cast<Adapter *>(MiniportAdapterContext)->Destroy();
}

static VOID RaUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_RaDriverHandle);
}

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 80;
    Chars.InitializeHandlerEx = RaInitializeEx;
    Chars.HaltHandlerEx = RaHaltEx;
    Chars.UnloadHandler = RaUnload;
    NDIS_STATUS Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, nullptr, &Chars, &g_RaDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

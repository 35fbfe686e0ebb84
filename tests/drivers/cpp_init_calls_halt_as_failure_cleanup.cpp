// RUN: %ndisv check --verify %s
// On any failure after the context exists, MPInitializeEx calls MPHaltEx(ctx, NdisHaltDeviceDisabled) itself as
// its cleanup; halt calls Adapter::Release(), which releases exactly what was acquired. Clean on every path.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS680_MINIPORT 1
#include <ndis.h>

#define HC_TAG 'cHxN'

inline void *operator new(decltype(sizeof(0)), void *Where) noexcept { return Where; }

extern "C" {
DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE MPInitializeEx;
MINIPORT_HALT MPHaltEx;
MINIPORT_UNLOAD MPUnload;
MINIPORT_ISR MPIsr;
MINIPORT_INTERRUPT_DPC MPDpc;
MINIPORT_DISABLE_INTERRUPT MPDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT MPEnableInterrupt;
}

class Adapter {
public:
    explicit Adapter(NDIS_HANDLE Handle) : m_Handle(Handle), m_Interrupt(nullptr), m_ResetWorkItem(nullptr) {}
    ~Adapter() {}

    NDIS_STATUS SetRegistration()
    {
        NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
        NdisZeroMemory(&Reg, sizeof(Reg));
        Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
        Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Reg.MiniportAdapterContext = this;
        Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
        Reg.InterfaceType = NdisInterfacePci;
        return NdisMSetMiniportAttributes(m_Handle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    }

    NDIS_STATUS SetGeneral()
    {
        NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
        NdisZeroMemory(&Gen, sizeof(Gen));
        Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
        Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
        Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
        Gen.MediaType = NdisMedium802_3;
        Gen.PhysicalMediumType = NdisPhysicalMediumUnspecified;
        Gen.MtuSize = 1500;
        Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = 2500000000ULL;
        Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 2500000000ULL;
        Gen.MediaConnectState = MediaConnectStateConnected;
        Gen.MediaDuplexState = MediaDuplexStateFull;
        Gen.LookaheadSize = 1500;
        Gen.MacAddressLength = 6;
        return NdisMSetMiniportAttributes(m_Handle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
    }

    NDIS_STATUS ConnectInterrupt()
    {
        NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
        NdisZeroMemory(&Intr, sizeof(Intr));
        Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
        Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
        Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
        Intr.InterruptHandler = MPIsr;
        Intr.InterruptDpcHandler = MPDpc;
        Intr.DisableInterruptHandler = MPDisableInterrupt;
        Intr.EnableInterruptHandler = MPEnableInterrupt;
        return NdisMRegisterInterruptEx(m_Handle, this, &Intr, &m_Interrupt);
    }

    NDIS_STATUS AllocateWorkItem()
    {
        m_ResetWorkItem = NdisAllocateIoWorkItem(m_Handle);
        return m_ResetWorkItem ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
    }

    void Release()
    {
        if (m_ResetWorkItem) {
            NdisFreeIoWorkItem(m_ResetWorkItem);
            m_ResetWorkItem = nullptr;
        }
        if (m_Interrupt) {
            NdisMDeregisterInterruptEx(m_Interrupt);
            m_Interrupt = nullptr;
        }
    }

    NDIS_HANDLE m_Handle;

private:
    NDIS_HANDLE m_Interrupt;
    NDIS_HANDLE m_ResetWorkItem;
};

static NDIS_HANDLE g_DriverHandle;

extern "C" BOOLEAN MPIsr(NDIS_HANDLE Context, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

extern "C" VOID MPDpc(NDIS_HANDLE Context, PVOID DpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(DpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

extern "C" VOID MPDisableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }
extern "C" VOID MPEnableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }

extern "C" VOID MPHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(HaltAction);
    Adapter *Nic = static_cast<Adapter *>(MiniportAdapterContext);
    NDIS_HANDLE Handle = Nic->m_Handle;
    Nic->Release();
    Nic->~Adapter();
    NdisFreeMemoryWithTagPriority(Handle, Nic, HC_TAG);
}

extern "C" NDIS_STATUS MPInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                                      PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    PVOID Memory = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Adapter), HC_TAG, NormalPoolPriority);
    if (Memory == nullptr) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Memory, sizeof(Adapter));
    Adapter *Nic = new (Memory) Adapter(MiniportAdapterHandle);

    NDIS_STATUS Status = Nic->SetRegistration();
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = Nic->AllocateWorkItem();
    }
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = Nic->ConnectInterrupt();
    }
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = Nic->SetGeneral();
    }

    if (Status != NDIS_STATUS_SUCCESS) {
        MPHaltEx(Nic, NdisHaltDeviceDisabled);
    }
    return Status;
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
    Chars.MinorNdisVersion = 80;
    Chars.InitializeHandlerEx = MPInitializeEx;
    Chars.HaltHandlerEx = MPHaltEx;
    Chars.UnloadHandler = MPUnload;
    NDIS_STATUS Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, nullptr, &Chars, &g_DriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

// RUN: %ndisv check --verify %s
// All driver code lives in namespace contoso::plover; only DriverEntry is extern "C". The role functions are
// namespace-scope functions assigned to the characteristics. Interrupt and work item released correctly: clean.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS680_MINIPORT 1
#include <ndis.h>

namespace contoso {
namespace plover {

constexpr ULONG kTag = 'volP';
NDIS_HANDLE g_DriverHandle = nullptr;

class Adapter {
public:
    NDIS_STATUS Start(NDIS_HANDLE Handle);
    void Stop();

    NDIS_HANDLE handle_;
    NDIS_HANDLE interrupt_;
    NDIS_HANDLE linkWorkItem_;
    ULONG       linkChanges_;

private:
    NDIS_STATUS SetAttributes();
};

BOOLEAN Isr(NDIS_HANDLE Context, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID Dpc(NDIS_HANDLE Context, PVOID DpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(DpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
    static_cast<Adapter *>(Context)->linkChanges_++;
}

VOID DisableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }
VOID EnableInterrupt(NDIS_HANDLE Context) { UNREFERENCED_PARAMETER(Context); }

NDIS_STATUS Adapter::SetAttributes()
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = this;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Reg.InterfaceType = NdisInterfacePci;
    return NdisMSetMiniportAttributes(handle_, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
}

NDIS_STATUS Adapter::Start(NDIS_HANDLE Handle)
{
    handle_ = Handle;
    NDIS_STATUS Status = SetAttributes();
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = Isr;
    Intr.InterruptDpcHandler = Dpc;
    Intr.DisableInterruptHandler = DisableInterrupt;
    Intr.EnableInterruptHandler = EnableInterrupt;
    Status = NdisMRegisterInterruptEx(handle_, this, &Intr, &interrupt_);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    linkWorkItem_ = NdisAllocateIoWorkItem(handle_);
    if (linkWorkItem_ == nullptr) {
        NdisMDeregisterInterruptEx(interrupt_);
        interrupt_ = nullptr;
        return NDIS_STATUS_RESOURCES;
    }
    return NDIS_STATUS_SUCCESS;
}

void Adapter::Stop()
{
    NdisFreeIoWorkItem(linkWorkItem_);
    linkWorkItem_ = nullptr;
    NdisMDeregisterInterruptEx(interrupt_);
    interrupt_ = nullptr;
}

NDIS_STATUS InitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                         PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    auto *Nic = static_cast<Adapter *>(
        NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Adapter), kTag, NormalPoolPriority));
    if (Nic == nullptr) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Nic, sizeof(Adapter));

    NDIS_STATUS Status = Nic->Start(MiniportAdapterHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Nic, kTag);
    }
    return Status;
}

VOID HaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(HaltAction);
    auto *Nic = static_cast<Adapter *>(MiniportAdapterContext);
    NDIS_HANDLE Handle = Nic->handle_;
    Nic->Stop();
    NdisFreeMemoryWithTagPriority(Handle, Nic, kTag);
}

VOID Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_DriverHandle);
}

} // namespace plover
} // namespace contoso

extern "C" DRIVER_INITIALIZE DriverEntry;

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    using namespace contoso::plover;

    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 80;
    Chars.InitializeHandlerEx = InitializeEx;
    Chars.HaltHandlerEx = contoso::plover::HaltEx;
    Chars.UnloadHandler = Unload;

    NDIS_STATUS Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, nullptr, &Chars, &g_DriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

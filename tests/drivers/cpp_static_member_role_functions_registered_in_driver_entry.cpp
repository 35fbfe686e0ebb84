// RUN: %ndisv check --verify %s
// The role functions are static member functions of class Miniport, declared with the NDIS role typedefs and
// registered through characteristics assignments in DriverEntry. Interrupt and work item are released correctly.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS683_MINIPORT 1
#include <ndis.h>

#define SM_TAG 'mSxN'

struct SM_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE ResetWorkItem;
    ULONG       PacketFilter;
    BOOLEAN     Paused;
};

class Miniport {
public:
    static MINIPORT_INITIALIZE InitializeEx;
    static MINIPORT_HALT HaltEx;
    static MINIPORT_PAUSE Pause;
    static MINIPORT_RESTART Restart;
    static MINIPORT_OID_REQUEST OidRequest;
    static MINIPORT_UNLOAD Unload;
    static MINIPORT_ISR Isr;
    static MINIPORT_INTERRUPT_DPC Dpc;
    static MINIPORT_DISABLE_INTERRUPT DisableInterrupt;
    static MINIPORT_ENABLE_INTERRUPT EnableInterrupt;

    static NDIS_HANDLE s_DriverHandle;

private:
    static NDIS_STATUS SetAttributes(SM_ADAPTER *Adapter);
    static void ReleaseResources(SM_ADAPTER *Adapter);
};

NDIS_HANDLE Miniport::s_DriverHandle = nullptr;

BOOLEAN Miniport::Isr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID Miniport::Dpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
                   PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

VOID Miniport::DisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
VOID Miniport::EnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

NDIS_STATUS Miniport::SetAttributes(SM_ADAPTER *Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    Reg.InterfaceType = NdisInterfacePci;
    return NdisMSetMiniportAttributes(Adapter->AdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
}

void Miniport::ReleaseResources(SM_ADAPTER *Adapter)
{
    if (Adapter->ResetWorkItem != nullptr) {
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
        Adapter->ResetWorkItem = nullptr;
    }
    if (Adapter->InterruptHandle != nullptr) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        Adapter->InterruptHandle = nullptr;
    }
}

NDIS_STATUS Miniport::InitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                                   PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    auto *Adapter = static_cast<SM_ADAPTER *>(
        NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(SM_ADAPTER), SM_TAG, LowPoolPriority));
    if (Adapter == nullptr) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(SM_ADAPTER));
    Adapter->AdapterHandle = MiniportAdapterHandle;
    Adapter->Paused = TRUE;

    NDIS_STATUS Status = SetAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SM_TAG);
        return Status;
    }

    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->ResetWorkItem == nullptr) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SM_TAG);
        return NDIS_STATUS_RESOURCES;
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
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        ReleaseResources(Adapter);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SM_TAG);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID Miniport::HaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(HaltAction);
    auto *Adapter = static_cast<SM_ADAPTER *>(MiniportAdapterContext);
    ReleaseResources(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, SM_TAG);
}

NDIS_STATUS Miniport::Pause(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{
    UNREFERENCED_PARAMETER(PauseParameters);
    static_cast<SM_ADAPTER *>(MiniportAdapterContext)->Paused = TRUE;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS Miniport::Restart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{
    UNREFERENCED_PARAMETER(RestartParameters);
    static_cast<SM_ADAPTER *>(MiniportAdapterContext)->Paused = FALSE;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS Miniport::OidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST Request)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(Request);
    return NDIS_STATUS_NOT_SUPPORTED;
}

VOID Miniport::Unload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(s_DriverHandle);
}

extern "C" DRIVER_INITIALIZE DriverEntry;

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 83;
    Chars.InitializeHandlerEx = Miniport::InitializeEx;
    Chars.HaltHandlerEx = Miniport::HaltEx;
    Chars.PauseHandler = Miniport::Pause;
    Chars.RestartHandler = Miniport::Restart;
    Chars.OidRequestHandler = Miniport::OidRequest;
    Chars.UnloadHandler = Miniport::Unload;

    NDIS_STATUS Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, nullptr, &Chars, &Miniport::s_DriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

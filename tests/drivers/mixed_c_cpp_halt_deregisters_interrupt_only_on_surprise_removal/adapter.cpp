// The Finch adapter object and MiniportInitializeEx / MiniportHaltEx (C++).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: defect}}
// expected-verdict {{Init_DeRegisterInterrupt: defect}}
// expected-verdict {{ndisv_Init_Interrupt: defect}}
#include "finch.h"

class FinchAdapter {
public:
    void Construct(NDIS_HANDLE Handle)
    {
        m_Handle = Handle;
        m_Interrupt = nullptr;
        m_ResetWorkItem = nullptr;
    }

    NDIS_STATUS Register()
    {
        NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
        NdisZeroMemory(&Reg, sizeof(Reg));
        Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
        Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Reg.MiniportAdapterContext = this;
        Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_SURPRISE_REMOVE_OK;
        Reg.InterfaceType = NdisInterfacePci;
        return NdisMSetMiniportAttributes(m_Handle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    }

    NDIS_STATUS ConnectInterrupt() { return FinchHwRegisterInterrupt(m_Handle, this, &m_Interrupt); }

    void DisconnectInterrupt()
    {
        if (m_Interrupt != nullptr) {
            FinchHwDeregisterInterrupt(m_Interrupt);
            m_Interrupt = nullptr;
        }
    }

    NDIS_STATUS AllocateWorkItem()
    {
        m_ResetWorkItem = NdisAllocateIoWorkItem(m_Handle);
        return m_ResetWorkItem != nullptr ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
    }

    void FreeWorkItem()
    {
        if (m_ResetWorkItem != nullptr) {
            NdisFreeIoWorkItem(m_ResetWorkItem);
            m_ResetWorkItem = nullptr;
        }
    }

    NDIS_HANDLE Handle() const { return m_Handle; }

private:
    NDIS_HANDLE m_Handle;
    NDIS_HANDLE m_Interrupt;
    NDIS_HANDLE m_ResetWorkItem;
};

extern "C" NDIS_STATUS FinchInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                                         PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    auto *Nic = static_cast<FinchAdapter *>(
        NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(FinchAdapter), FINCH_TAG, NormalPoolPriority));
    if (Nic == nullptr) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Nic, sizeof(FinchAdapter));
    Nic->Construct(MiniportAdapterHandle);

    NDIS_STATUS Status = Nic->Register();
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = Nic->AllocateWorkItem();
    }
    if (Status == NDIS_STATUS_SUCCESS) {
        Status = Nic->ConnectInterrupt();
    }
    if (Status != NDIS_STATUS_SUCCESS) {
        Nic->DisconnectInterrupt();
        Nic->FreeWorkItem();
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Nic, FINCH_TAG);
    }
    return Status;
}

extern "C" VOID FinchHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    auto *Nic = static_cast<FinchAdapter *>(MiniportAdapterContext);
    NDIS_HANDLE Handle = Nic->Handle();

    // BUG: the interrupt must be deregistered on every halt, not only after surprise removal.
    if (HaltAction == NdisHaltDeviceSurpriseRemoved) {
        Nic->DisconnectInterrupt();
    }
    Nic->FreeWorkItem();
    NdisFreeMemoryWithTagPriority(Handle, Nic, FINCH_TAG);
} // expected-defect {{[Init_RegisterInterrupt] MiniportHaltEx returns without}} expected-defect {{[Init_DeRegisterInterrupt] MiniportHaltEx returns without}} expected-defect {{[ndisv_Init_Interrupt] MiniportHaltEx returns without calling NdisMDeregisterInterruptEx}}

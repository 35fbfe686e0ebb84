// RUN: %ndisv check --verify %s
// NicContext's destructor frees the work item and halt deletes the object (clean halt), but when the general
// attributes cannot be set, MPInitializeEx returns without deleting the object: the work item leaks on init failure.
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
// expected-verdict {{Init_RegisterInterrupt: not-applicable}}
// expected-verdict {{Init_DeRegisterInterrupt: not-applicable}}
// expected-verdict {{ndisv_Init_Memory: defect}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define CTX_TAG 'xtCN'

class NicContext {
public:
    static void *operator new(decltype(sizeof(0)) Size, NDIS_HANDLE AdapterHandle) noexcept
    {
        PVOID Memory = NdisAllocateMemoryWithTagPriority(AdapterHandle, (UINT)Size, CTX_TAG, NormalPoolPriority);
        if (Memory != nullptr) {
            NdisZeroMemory(Memory, Size);
        }
        return Memory;
    }
    static void operator delete(void *Memory, NDIS_HANDLE AdapterHandle) noexcept
    {
        NdisFreeMemoryWithTagPriority(AdapterHandle, Memory, CTX_TAG);
    }
    static void operator delete(void *Memory) noexcept
    {
        NdisFreeMemory(Memory, 0, 0);
    }

    explicit NicContext(NDIS_HANDLE AdapterHandle) : m_AdapterHandle(AdapterHandle), m_LinkWorkItem(nullptr) {}

    ~NicContext()
    {
        if (m_LinkWorkItem != nullptr) {
            NdisFreeIoWorkItem(m_LinkWorkItem);
            m_LinkWorkItem = nullptr;
        }
    }

    NDIS_STATUS AllocateWorkItem()
    {
        m_LinkWorkItem = NdisAllocateIoWorkItem(m_AdapterHandle); // expected-note {{work item allocated by NdisAllocateIoWorkItem}}
        return m_LinkWorkItem != nullptr ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
    }

    NDIS_STATUS SetRegistrationAttributes()
    {
        NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Attrs;
        NdisZeroMemory(&Attrs, sizeof(Attrs));
        Attrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
        Attrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Attrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
        Attrs.MiniportAdapterContext = this;
        Attrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
        Attrs.InterfaceType = NdisInterfacePci;
        return NdisMSetMiniportAttributes(m_AdapterHandle, reinterpret_cast<PNDIS_MINIPORT_ADAPTER_ATTRIBUTES>(&Attrs));
    }

    NDIS_STATUS SetGeneralAttributes()
    {
        NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
        NdisZeroMemory(&Gen, sizeof(Gen));
        Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
        Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
        Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
        Gen.MediaType = NdisMedium802_3;
        Gen.PhysicalMediumType = NdisPhysicalMediumUnspecified;
        Gen.MtuSize = 1500;
        Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = 1000000000ULL;
        Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 1000000000ULL;
        Gen.MediaConnectState = MediaConnectStateConnected;
        Gen.MediaDuplexState = MediaDuplexStateFull;
        Gen.LookaheadSize = 1514;
        Gen.MacAddressLength = 6;
        return NdisMSetMiniportAttributes(m_AdapterHandle, reinterpret_cast<PNDIS_MINIPORT_ADAPTER_ATTRIBUTES>(&Gen));
    }

private:
    NDIS_HANDLE m_AdapterHandle;
    NDIS_HANDLE m_LinkWorkItem;
};

static NDIS_HANDLE g_DriverHandle = nullptr;

static NDIS_STATUS NicInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                                   PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    NicContext *Nic = new (MiniportAdapterHandle) NicContext(MiniportAdapterHandle);
    if (Nic == nullptr) {
        return NDIS_STATUS_RESOURCES;
    }

    NDIS_STATUS Status = Nic->SetRegistrationAttributes();
    if (Status != NDIS_STATUS_SUCCESS) {
        delete Nic;
        return Status;
    }

    Status = Nic->AllocateWorkItem();
    if (Status != NDIS_STATUS_SUCCESS) {
        delete Nic;
        return Status;
    }

    Status = Nic->SetGeneralAttributes();
    if (Status != NDIS_STATUS_SUCCESS) {
        // BUG: forgot "delete Nic;" -- the destructor would have freed the work item.
        return Status; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without}} {{[ndisv_Init_Memory] MiniportInitializeEx fails without calling NdisFreeMemoryWithTagPriority for Memory}} expected-defect {{[ndisv_Init_IoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for Nic->m_LinkWorkItem}}
    }
    return NDIS_STATUS_SUCCESS;
}

static VOID NicHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(HaltAction);
    NicContext *Nic = static_cast<NicContext *>(MiniportAdapterContext);
    delete Nic;
}

static NDIS_STATUS NicPause(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(PauseParameters);
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS NicRestart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RestartParameters);
    return NDIS_STATUS_SUCCESS;
}

static VOID NicUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_DriverHandle);
}

extern "C" DRIVER_INITIALIZE DriverEntry;

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 0;
    Chars.InitializeHandlerEx = NicInitializeEx;
    Chars.HaltHandlerEx = NicHaltEx;
    Chars.PauseHandler = NicPause;
    Chars.RestartHandler = NicRestart;
    Chars.UnloadHandler = NicUnload;

    NDIS_STATUS Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, nullptr, &Chars, &g_DriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

// MiniportInitializeEx with a goto cleanup chain, MiniportHaltEx, and DriverEntry.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}
#include "precomp.h"

static NDIS_HANDLE g_HeronDriverHandle;

static NDIS_STATUS HeronSetGeneralAttributes(HERON_ADAPTER *Adapter)
{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.PhysicalMediumType = NdisPhysicalMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = 1000000000ULL;
    Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 1000000000ULL;
    Gen.MediaConnectState = MediaConnectStateConnected;
    Gen.MediaDuplexState = MediaDuplexStateFull;
    Gen.LookaheadSize = 1500;
    Gen.MacAddressLength = 6;
    return NdisMSetMiniportAttributes(Adapter->AdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

extern "C" NDIS_STATUS HeronInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                                         PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    HERON_ADAPTER *Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = static_cast<HERON_ADAPTER *>(
        NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(HERON_ADAPTER), HERON_TAG, NormalPoolPriority));
    if (Adapter == nullptr) {
        Status = NDIS_STATUS_RESOURCES;
        goto Exit;
    }
    NdisZeroMemory(Adapter, sizeof(HERON_ADAPTER));
    Adapter->AdapterHandle = MiniportAdapterHandle;

    Status = HeronReadConfiguration(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeAdapter;
    }

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Reg.CheckForHangTimeInSeconds = 2;
    Reg.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeAdapter;
    }

    Status = HeronRegisterInterrupt(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeAdapter;
    }

    Status = HeronAllocateWorkItem(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto DeregisterInterrupt;
    }

    Status = HeronAllocateRxPool(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeWorkItem;
    }

    Status = HeronSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeRxPool;
    }

    Status = NDIS_STATUS_SUCCESS;
    goto Exit;

FreeRxPool:
    HeronFreeRxPool(Adapter);
FreeWorkItem:
    HeronFreeWorkItem(Adapter);
DeregisterInterrupt:
    HeronDeregisterInterrupt(Adapter);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, HERON_TAG);
Exit:
    return Status;
}

extern "C" VOID HeronHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    HERON_ADAPTER *Adapter = static_cast<HERON_ADAPTER *>(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);

    HeronDeregisterInterrupt(Adapter);
    HeronFreeRxPool(Adapter);
    HeronFreeWorkItem(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, HERON_TAG);
}

extern "C" NDIS_STATUS HeronPause(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(PauseParameters);
    return NDIS_STATUS_SUCCESS;
}

extern "C" NDIS_STATUS HeronRestart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RestartParameters);
    return NDIS_STATUS_SUCCESS;
}

extern "C" VOID HeronUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_HeronDriverHandle);
}

extern "C" DRIVER_INITIALIZE DriverEntry;

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NDIS_STATUS Status;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 60;
    Chars.InitializeHandlerEx = HeronInitializeEx;
    Chars.HaltHandlerEx = HeronHaltEx;
    Chars.PauseHandler = HeronPause;
    Chars.RestartHandler = HeronRestart;
    Chars.UnloadHandler = HeronUnload;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, nullptr, &Chars, &g_HeronDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

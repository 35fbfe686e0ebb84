// MiniportInitializeEx and MiniportHaltEx for Wren.
#include "driver.h"

NDIS_STATUS WrenInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                             PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    PWREN_ADAPTER Adapter = &g_Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    NdisZeroMemory(Adapter, sizeof(WREN_ADAPTER));
    Adapter->AdapterHandle = MiniportAdapterHandle;

    Adapter->RxRing = (PUCHAR)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, WREN_RX_RING_BYTES,
                                                                WREN_TAG, NormalPoolPriority);
    if (Adapter->RxRing == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter->RxRing, WREN_RX_RING_BYTES);

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = &g_Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    Reg.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeRing;
    }

    Adapter->LinkWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->LinkWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeRing;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = WrenIsr;
    Intr.InterruptDpcHandler = WrenDpc;
    Intr.DisableInterruptHandler = WrenDisableInterrupt;
    Intr.EnableInterruptHandler = WrenEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, &g_Adapter, &Intr, &g_Adapter.InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeWorkItem;
    }

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
    Gen.MediaType = NdisMedium802_3;
    Gen.PhysicalMediumType = NdisPhysicalMediumUnspecified;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = 100000000ULL;
    Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 100000000ULL;
    Gen.MediaConnectState = MediaConnectStateUnknown;
    Gen.MediaDuplexState = MediaDuplexStateUnknown;
    Gen.LookaheadSize = 1500;
    Gen.MacAddressLength = 6;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
    if (Status == NDIS_STATUS_SUCCESS) {
        return NDIS_STATUS_SUCCESS;
    }

    NdisMDeregisterInterruptEx(g_Adapter.InterruptHandle);
    g_Adapter.InterruptHandle = NULL;
FreeWorkItem:
    NdisFreeIoWorkItem(Adapter->LinkWorkItem);
    Adapter->LinkWorkItem = NULL;
FreeRing:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->RxRing, WREN_TAG);
    Adapter->RxRing = NULL;
    return Status;
}

VOID WrenHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PWREN_ADAPTER Adapter = (PWREN_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);

    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeIoWorkItem(Adapter->LinkWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter->RxRing, WREN_TAG);
    NdisZeroMemory(Adapter, sizeof(WREN_ADAPTER));
}

// attributes.c - what the Ahf miniport tells NDIS about the adapter, registration attributes first.
#include "driver.h"

NDIS_STATUS AhfSetRegistrationAttributes(PAHF_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Reg.CheckForHangTimeInSeconds = 2;
    Reg.InterfaceType = NdisInterfacePci;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
}

// General, then offload attributes, from a table: the order NDIS asks for.
NDIS_STATUS AhfSetAdditionalAttributes(PAHF_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    NDIS_MINIPORT_ADAPTER_OFFLOAD_ATTRIBUTES Offload;
    NDIS_OFFLOAD DefaultOffload;
    PNDIS_MINIPORT_ADAPTER_ATTRIBUTES Table[2];
    NDIS_STATUS Status;
    ULONG i;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 10000000000ULL;
    Gen.MediaConnectState = MediaConnectStateUnknown;
    Gen.LookaheadSize = 1500;
    Gen.MacAddressLength = 6;
    NdisMoveMemory(Gen.PermanentMacAddress, Adapter->MacAddress, 6);
    NdisMoveMemory(Gen.CurrentMacAddress, Adapter->MacAddress, 6);
    Gen.AccessType = NET_IF_ACCESS_BROADCAST;
    Gen.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    Gen.IfType = IF_TYPE_ETHERNET_CSMACD;

    NdisZeroMemory(&DefaultOffload, sizeof(DefaultOffload));
    NdisZeroMemory(&Offload, sizeof(Offload));
    Offload.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_OFFLOAD_ATTRIBUTES;
    Offload.Header.Revision = NDIS_MINIPORT_ADAPTER_OFFLOAD_ATTRIBUTES_REVISION_1;
    Offload.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_OFFLOAD_ATTRIBUTES_REVISION_1;
    Offload.DefaultOffloadConfiguration = &DefaultOffload;
    Offload.HardwareOffloadCapabilities = &DefaultOffload;

    Table[0] = (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen;
    Table[1] = (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Offload;
    for (i = 0; i < 2; i++) {
        Status = NdisMSetMiniportAttributes(Adapter->MiniportHandle, Table[i]);
        if (Status != NDIS_STATUS_SUCCESS)
            return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

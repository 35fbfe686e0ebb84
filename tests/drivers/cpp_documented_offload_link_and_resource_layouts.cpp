// RUN: %ndisv check --verify %s
// Shows: a C++ NDIS 6.83 miniport using the offload, link, network-address,
// header-data-split and PnP-resource declarations as their pages document
// them: NDIS_OFFLOAD_PARAMETERS up to UdpSegmentation (revision 3 ends at
// EncapsulationTypes), NDIS_OFFLOAD_ENCAPSULATION's revision, NDIS_LINK_PARAMETERS,
// NETWORK_ADDRESS_LIST, IO_RESOURCE_DESCRIPTOR.u.Port with IO_RESOURCE_ALTERNATIVE.
// Init leaks its work item only when every documented value and layout holds,
// so a model that gets one wrong loses the defect.
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS683_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE DlDriverHandle;
MINIPORT_INITIALIZE DlInitializeEx;
MINIPORT_HALT DlHaltEx;

static bool DlLayoutsAsDocumented()
{
    NDIS_OFFLOAD_PARAMETERS Offload = {};
    Offload.Header.Revision = NDIS_OFFLOAD_PARAMETERS_REVISION_3;
    Offload.Header.Size = NDIS_SIZEOF_OFFLOAD_PARAMETERS_REVISION_3;
    Offload.UdpSegmentation.IPv4 = NDIS_OFFLOAD_PARAMETERS_UDP_SEG_ENABLED;
    Offload.EncapsulationProtocolParameters.VxlanParameters.VxlanUDPPortNumber = 4789;
    NDIS_OFFLOAD_ENCAPSULATION Encap = {};
    Encap.Header.Revision = NDIS_OFFLOAD_ENCAPSULATION_REVISION_1;
    Encap.Header.Size = NDIS_SIZEOF_OFFLOAD_ENCAPSULATION_REVISION_1;
    NDIS_LINK_PARAMETERS Link = {};
    Link.Header.Size = NDIS_SIZEOF_LINK_PARAMETERS_REVISION_1;
    IO_RESOURCE_DESCRIPTOR Port = {};
    Port.Option = IO_RESOURCE_PREFERRED | IO_RESOURCE_ALTERNATIVE;
    Port.u.Port.Length = 0x20;
    NETWORK_ADDRESS_LIST Addresses = {};
    Addresses.Address[0].AddressType = NDIS_PROTOCOL_ID_TCP_IP;
    NDIS_UDP_SEGMENTATION_OFFLOAD_NET_BUFFER_LIST_INFO Uso = {};
    Uso.Transmit.IPVersion = NDIS_UDP_SEGMENTATION_OFFLOAD_IPV6;
    ULONG HdSplit = NDIS_HD_SPLIT_CAPS_SUPPORTS_HEADER_DATA_SPLIT | NDIS_HD_SPLIT_CAPS_SUPPORTS_TCP_OPTIONS;
    return Offload.Header.Size == FIELD_OFFSET(NDIS_OFFLOAD_PARAMETERS, EncapsulationTypes) + 1 &&
           NDIS_SIZEOF_OFFLOAD_PARAMETERS_REVISION_2 == FIELD_OFFSET(NDIS_OFFLOAD_PARAMETERS, IPsecV2IPv4) + 1 &&
           Offload.UdpSegmentation.IPv4 == 2 && Encap.Header.Revision == 1 &&
           Encap.Header.Size == sizeof(NDIS_OFFLOAD_ENCAPSULATION) && Link.Header.Size == sizeof(NDIS_LINK_PARAMETERS) &&
           Port.Option == 0x09 && Port.u.Memory.Length == 0x20 &&
           FIELD_OFFSET(NETWORK_ADDRESS_LIST, Address) == 6 && Uso.Transmit.IPVersion == 1 && HdSplit == 9 &&
           OID_TCP_RSC_STATISTICS == 0x0002021D;
}

NDIS_STATUS DlInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    NDIS_HANDLE WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (WorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    if (DlLayoutsAsDocumented())
        return NDIS_STATUS_FAILURE; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem}} {{[ndisv_Init_IoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for WorkItem}}
    NdisFreeIoWorkItem(WorkItem);
    return NDIS_STATUS_FAILURE;
}

VOID DlHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
}

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 83;
    Chars.InitializeHandlerEx = DlInitializeEx;
    Chars.HaltHandlerEx = DlHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &DlDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: an NDIS 6.80 RSSv2 miniport allocates a work item for deferred indirection-table moves, registers its
// interrupt and advertises VMQ/QoS hardware assist attributes. When that last NdisMSetMiniportAttributes fails the
// cleanup label deregisters the interrupt but skips NdisFreeIoWorkItem: the work item leaks on that return.
// The OID path walks NDIS_RSS_SET_INDIRECTION_ENTRIES and the send path the NBL chain.
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS680_MINIPORT 1
#include <ndis.h>

#define RV_TAG 'qVvN'
#define RV_NUM_QUEUES 8

typedef struct _RV_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE IndirectionWorkItem;
    USHORT IndirectionTable[NDIS_RSS_INDIRECTION_TABLE_MAX_SIZE_REVISION_1];
    UCHAR MacAddress[ETH_LENGTH_OF_ADDRESS];
    ULONG MulticastFrames;
    ULONG TaggedFrames;
    NDIS_RECEIVE_SCALE_CAPABILITIES RssCaps;
    NDIS_RECEIVE_FILTER_CAPABILITIES FilterCaps;
    NDIS_NIC_SWITCH_CAPABILITIES SwitchCaps;
    NDIS_QOS_CAPABILITIES QosCaps;
} RV_ADAPTER, *PRV_ADAPTER;

static NDIS_HANDLE RvDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE RvInitializeEx;
MINIPORT_HALT RvHaltEx;
MINIPORT_UNLOAD RvUnload;
MINIPORT_PAUSE RvPause;
MINIPORT_RESTART RvRestart;
MINIPORT_OID_REQUEST RvOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS RvSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS RvReturnNetBufferLists;
MINIPORT_CANCEL_SEND RvCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY RvDevicePnPEventNotify;
MINIPORT_SHUTDOWN RvShutdownEx;
MINIPORT_CANCEL_OID_REQUEST RvCancelOidRequest;
MINIPORT_ISR RvIsr;
MINIPORT_INTERRUPT_DPC RvInterruptDpc;

static NDIS_STATUS RvSetGeneralAttributes(PRV_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;

    NdisZeroMemory(&Adapter->RssCaps, sizeof(Adapter->RssCaps));
    Adapter->RssCaps.Header.Type = NDIS_OBJECT_TYPE_RSS_CAPABILITIES;
    Adapter->RssCaps.Header.Revision = NDIS_RECEIVE_SCALE_CAPABILITIES_REVISION_2;
    Adapter->RssCaps.Header.Size = NDIS_SIZEOF_RECEIVE_SCALE_CAPABILITIES_REVISION_2;
    Adapter->RssCaps.CapabilitiesFlags = NDIS_RSS_CAPS_MESSAGE_SIGNALED_INTERRUPTS | NDIS_RSS_CAPS_CLASSIFICATION_AT_DPC |
                                         NDIS_RSS_CAPS_HASH_TYPE_TCP_IPV4 | NDIS_RSS_CAPS_HASH_TYPE_TCP_IPV6 |
                                         NDIS_HASH_FUNCTION_TOEPLITZ;
    Adapter->RssCaps.NumberOfInterruptMessages = 1;
    Adapter->RssCaps.NumberOfReceiveQueues = RV_NUM_QUEUES;
    Adapter->RssCaps.NumberOfIndirectionTableEntries = NDIS_RSS_INDIRECTION_TABLE_MAX_SIZE_REVISION_1;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MacAddressLength = ETH_LENGTH_OF_ADDRESS;
    ETH_COPY_NETWORK_ADDRESS(Gen.PermanentMacAddress, Adapter->MacAddress);
    ETH_COPY_NETWORK_ADDRESS(Gen.CurrentMacAddress, Adapter->MacAddress);
    Gen.RecvScaleCapabilities = &Adapter->RssCaps;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

static NDIS_STATUS RvSetHardwareAssistAttributes(PRV_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES Assist;

    NdisZeroMemory(&Adapter->FilterCaps, sizeof(Adapter->FilterCaps));
    Adapter->FilterCaps.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    Adapter->FilterCaps.Header.Revision = NDIS_RECEIVE_FILTER_CAPABILITIES_REVISION_2;
    Adapter->FilterCaps.Header.Size = NDIS_SIZEOF_RECEIVE_FILTER_CAPABILITIES_REVISION_2;
    Adapter->FilterCaps.EnabledFilterTypes = NDIS_RECEIVE_FILTER_VMQ_FILTERS_ENABLED;
    Adapter->FilterCaps.EnabledQueueTypes = NDIS_RECEIVE_FILTER_VM_QUEUES_ENABLED;
    Adapter->FilterCaps.NumQueues = RV_NUM_QUEUES;
    Adapter->FilterCaps.SupportedQueueProperties =
        NDIS_RECEIVE_FILTER_VM_QUEUE_SUPPORTED | NDIS_RECEIVE_FILTER_LOOKAHEAD_SPLIT_SUPPORTED;
    Adapter->FilterCaps.SupportedFilterTests = NDIS_RECEIVE_FILTER_TEST_HEADER_FIELD_EQUAL_SUPPORTED;
    Adapter->FilterCaps.SupportedHeaders = NDIS_RECEIVE_FILTER_MAC_HEADER_SUPPORTED;
    Adapter->FilterCaps.SupportedMacHeaderFields =
        NDIS_RECEIVE_FILTER_MAC_HEADER_DEST_ADDR_SUPPORTED | NDIS_RECEIVE_FILTER_MAC_HEADER_VLAN_ID_SUPPORTED;

    NdisZeroMemory(&Adapter->SwitchCaps, sizeof(Adapter->SwitchCaps));
    Adapter->SwitchCaps.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    Adapter->SwitchCaps.Header.Revision = NDIS_NIC_SWITCH_CAPABILITIES_REVISION_2;
    Adapter->SwitchCaps.Header.Size = NDIS_SIZEOF_NIC_SWITCH_CAPABILITIES_REVISION_2;
    Adapter->SwitchCaps.NumTotalMacAddresses = RV_NUM_QUEUES;
    Adapter->SwitchCaps.MaxNumVPorts = 1;

    NdisZeroMemory(&Adapter->QosCaps, sizeof(Adapter->QosCaps));
    Adapter->QosCaps.Header.Type = NDIS_OBJECT_TYPE_QOS_CAPABILITIES;
    Adapter->QosCaps.Header.Revision = NDIS_QOS_CAPABILITIES_REVISION_1;
    Adapter->QosCaps.Header.Size = NDIS_SIZEOF_QOS_CAPABILITIES_REVISION_1;
    Adapter->QosCaps.Flags = NDIS_QOS_CAPABILITIES_STRICT_TSA_SUPPORTED;
    Adapter->QosCaps.MaxNumTrafficClasses = NDIS_QOS_MAXIMUM_TRAFFIC_CLASSES;

    NdisZeroMemory(&Assist, sizeof(Assist));
    Assist.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES;
    Assist.Header.Revision = NDIS_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3;
    Assist.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_HARDWARE_ASSIST_ATTRIBUTES_REVISION_3;
    Assist.HardwareReceiveFilterCapabilities = &Adapter->FilterCaps;
    Assist.CurrentReceiveFilterCapabilities = &Adapter->FilterCaps;
    Assist.HardwareNicSwitchCapabilities = &Adapter->SwitchCaps;
    Assist.CurrentNicSwitchCapabilities = &Adapter->SwitchCaps;
    Assist.HardwareQosCapabilities = &Adapter->QosCaps;
    Assist.CurrentQosCapabilities = &Adapter->QosCaps;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Assist);
}

NDIS_STATUS RvInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    PRV_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PRV_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(RV_ADAPTER), RV_TAG,
                                                             NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(RV_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Reg.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeAdapter;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = RvIsr;
    Intr.InterruptDpcHandler = RvInterruptDpc;
    Adapter->IndirectionWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle); // expected-note {{work item allocated by NdisAllocateIoWorkItem}}
    if (Adapter->IndirectionWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeAdapter;
    }
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeWorkItem;
    }

    Status = RvSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto DeregisterInterrupt;
    }
    Status = RvSetHardwareAssistAttributes(Adapter); // expected-note {{Calling 'RvSetHardwareAssistAttributes'}}
    if (Status != NDIS_STATUS_SUCCESS) {
        // The work item was allocated before the interrupt, but this path only undoes the interrupt.
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RV_TAG);
        return Status; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem}} expected-defect {{[ndisv_Init_IoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for Adapter->IndirectionWorkItem}}
    }
    return NDIS_STATUS_SUCCESS;

DeregisterInterrupt:
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
FreeWorkItem:
    NdisFreeIoWorkItem(Adapter->IndirectionWorkItem);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RV_TAG);
    return Status;
}

VOID RvHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PRV_ADAPTER Adapter = (PRV_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeIoWorkItem(Adapter->IndirectionWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, RV_TAG);
}

VOID RvSendNetBufferLists(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists,
                          NDIS_PORT_NUMBER PortNumber, ULONG SendFlags)
{
    PRV_ADAPTER Adapter = (PRV_ADAPTER)MiniportAdapterContext;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(PortNumber);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
        NDIS_NET_BUFFER_LIST_8021Q_INFO Tag;
        PNET_BUFFER Nb;

        Tag.Value = NET_BUFFER_LIST_INFO(Nbl, Ieee8021QNetBufferListInfo);
        if (Tag.TagHeader.VlanId != 0 && NET_BUFFER_LIST_RECEIVE_QUEUE_ID(Nbl) == NDIS_DEFAULT_RECEIVE_QUEUE_ID) {
            Adapter->TaggedFrames++;
        }
        for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb != NULL; Nb = NET_BUFFER_NEXT_NB(Nb)) {
            PUCHAR Frame = (PUCHAR)MmGetSystemAddressForMdlSafe(NET_BUFFER_CURRENT_MDL(Nb), NormalPagePriority);
            if (Frame != NULL && ETH_IS_MULTICAST(Frame + NET_BUFFER_CURRENT_MDL_OFFSET(Nb))) {
                Adapter->MulticastFrames++;
            }
        }
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    }
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
                                    NDIS_TEST_SEND_AT_DISPATCH_LEVEL(SendFlags) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL
                                                                                : 0);
}

BOOLEAN RvIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID RvInterruptDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext, PVOID ReceiveThrottleParameters,
                    PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

VOID RvUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(RvDriverHandle);
}

NDIS_STATUS RvPause(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(PauseParameters);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS RvRestart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RestartParameters);
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS RvSetIndirectionEntries(PRV_ADAPTER Adapter, PNDIS_RSS_SET_INDIRECTION_ENTRIES Entries)
{
    ULONG Index;

    for (Index = 0; Index < Entries->NumberOfRssEntries; Index++) {
        PNDIS_RSS_SET_INDIRECTION_ENTRY Entry = (PNDIS_RSS_SET_INDIRECTION_ENTRY)(
            (PUCHAR)Entries + Entries->RssEntryTableOffset + Index * Entries->RssEntrySize);
        if (Entry->IndirectionTableIndex >= NDIS_RSS_INDIRECTION_TABLE_MAX_SIZE_REVISION_1 ||
            (Entry->Flags & NDIS_RSS_SET_INDIRECTION_ENTRY_FLAG_DEFAULT_PROCESSOR) != 0) {
            Entry->EntryStatus = NDIS_STATUS_INVALID_PARAMETER;
            continue;
        }
        Adapter->IndirectionTable[Entry->IndirectionTableIndex] = Entry->TargetProcessorNumber.Number;
        Entry->EntryStatus = NDIS_STATUS_SUCCESS;
    }
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS RvOidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST OidRequest)
{
    PRV_ADAPTER Adapter = (PRV_ADAPTER)MiniportAdapterContext;

    switch (OidRequest->DATA.Oid) {
    case OID_GEN_RSS_SET_INDIRECTION_TABLE_ENTRIES:
        return RvSetIndirectionEntries(
            Adapter, (PNDIS_RSS_SET_INDIRECTION_ENTRIES)OidRequest->DATA.METHOD_INFORMATION.InformationBuffer);
    case OID_GEN_RECEIVE_SCALE_PARAMETERS_V2: {
        PNDIS_RECEIVE_SCALE_PARAMETERS_V2 Params =
            (PNDIS_RECEIVE_SCALE_PARAMETERS_V2)OidRequest->DATA.SET_INFORMATION.InformationBuffer;
        return (Params->Flags & NDIS_RECEIVE_SCALE_PARAM_ENABLE_RSS) ? NDIS_STATUS_SUCCESS : NDIS_STATUS_NOT_SUPPORTED;
    }
    default:
        return NDIS_STATUS_NOT_SUPPORTED;
    }
}

VOID RvReturnNetBufferLists(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists, ULONG ReturnFlags)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(NetBufferLists);
    UNREFERENCED_PARAMETER(ReturnFlags);
}

VOID RvCancelSend(NDIS_HANDLE MiniportAdapterContext, PVOID CancelId)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(CancelId);
}

VOID RvDevicePnPEventNotify(NDIS_HANDLE MiniportAdapterContext, PNET_DEVICE_PNP_EVENT NetDevicePnPEvent)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(NetDevicePnPEvent);
}

VOID RvShutdownEx(NDIS_HANDLE MiniportAdapterContext, NDIS_SHUTDOWN_ACTION ShutdownAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(ShutdownAction);
}

VOID RvCancelOidRequest(NDIS_HANDLE MiniportAdapterContext, PVOID RequestId)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RequestId);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
    Chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
    Chars.InitializeHandlerEx = RvInitializeEx;
    Chars.HaltHandlerEx = RvHaltEx;
    Chars.UnloadHandler = RvUnload;
    Chars.PauseHandler = RvPause;
    Chars.RestartHandler = RvRestart;
    Chars.OidRequestHandler = RvOidRequest;
    Chars.SendNetBufferListsHandler = RvSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = RvReturnNetBufferLists;
    Chars.CancelSendHandler = RvCancelSend;
    Chars.DevicePnPEventNotifyHandler = RvDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = RvShutdownEx;
    Chars.CancelOidRequestHandler = RvCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &RvDriverHandle);
}

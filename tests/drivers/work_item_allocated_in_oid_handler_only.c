// RUN: %ndisv check --verify %s
// Shows (false-alarm trap): only the OID handler allocates a work item (one per packet-filter change) and halt
// never frees one; init allocates none, so Init_NdisAllocateIoWorkItem does not apply. Interrupt handling is clean.
// expected-verdict {{Init_NdisAllocateIoWorkItem: not-applicable}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS660_MINIPORT 1
#include <ndis.h>

#define WOH_TAG 'hoWn'

typedef struct _WOH_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    ULONG       PacketFilter;
    ULONG       PendingFilter;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
} WOH_ADAPTER, *PWOH_ADAPTER;

static NDIS_HANDLE WohDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE WohInitializeEx;
MINIPORT_HALT WohHaltEx;
MINIPORT_UNLOAD WohUnload;
MINIPORT_PAUSE WohPause;
MINIPORT_RESTART WohRestart;
MINIPORT_OID_REQUEST WohOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS WohSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS WohReturnNetBufferLists;
MINIPORT_CANCEL_SEND WohCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY WohDevicePnPEventNotify;
MINIPORT_SHUTDOWN WohShutdownEx;
MINIPORT_CANCEL_OID_REQUEST WohCancelOidRequest;
MINIPORT_ISR WohIsr;
MINIPORT_INTERRUPT_DPC WohInterruptDpc;
MINIPORT_ENABLE_INTERRUPT WohEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT WohDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION WohFilterWorkItem;

static NDIS_STATUS WohSetRegistrationAttributes(PWOH_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    RegAttrs.CheckForHangTimeInSeconds = 2;
    RegAttrs.InterfaceType = NdisInterfacePci;

    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
}

static NDIS_STATUS WohSetGeneralAttributes(PWOH_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 1000000000ULL;
    Gen.MediaConnectState = MediaConnectStateUnknown;
    Gen.LookaheadSize = 1500;
    Gen.SupportedPacketFilters = NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_MULTICAST | NDIS_PACKET_TYPE_BROADCAST;
    Gen.MaxMulticastListSize = 32;
    Gen.MacAddressLength = 6;
    NdisMoveMemory(Gen.PermanentMacAddress, Adapter->MacAddress, 6);
    NdisMoveMemory(Gen.CurrentMacAddress, Adapter->MacAddress, 6);
    Gen.AccessType = NET_IF_ACCESS_BROADCAST;
    Gen.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    Gen.IfType = IF_TYPE_ETHERNET_CSMACD;

    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

NDIS_STATUS WohInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PWOH_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PWOH_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(WOH_ADAPTER),
                                                              WOH_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(WOH_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;
    Adapter->PacketFilter = NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_BROADCAST;

    Status = WohSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, WOH_TAG);
        return Status;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = WohIsr;
    Intr.InterruptDpcHandler = WohInterruptDpc;
    Intr.DisableInterruptHandler = WohDisableInterrupt;
    Intr.EnableInterruptHandler = WohEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, WOH_TAG);
        return Status;
    }

    Status = WohSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, WOH_TAG);
        return Status;
    }

    return NDIS_STATUS_SUCCESS;
}

VOID WohHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PWOH_ADAPTER Adapter = (PWOH_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, WOH_TAG);
}

// Runs at PASSIVE_LEVEL; the work item owns its handle and releases it when done.
VOID WohFilterWorkItem(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    PWOH_ADAPTER Adapter = (PWOH_ADAPTER)WorkItemContext;

    Adapter->PacketFilter = Adapter->PendingFilter;
    NdisFreeIoWorkItem(NdisIoWorkItemHandle);
}

NDIS_STATUS WohOidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST Request)
{
    PWOH_ADAPTER Adapter = (PWOH_ADAPTER)MiniportAdapterContext;
    NDIS_HANDLE WorkItem;

    if (Request->RequestType != NdisRequestSetInformation ||
        Request->DATA.SET_INFORMATION.Oid != OID_GEN_CURRENT_PACKET_FILTER) {
        return NDIS_STATUS_NOT_SUPPORTED;
    }
    if (Request->DATA.SET_INFORMATION.InformationBufferLength < sizeof(ULONG)) {
        Request->DATA.SET_INFORMATION.BytesNeeded = sizeof(ULONG);
        return NDIS_STATUS_INVALID_LENGTH;
    }
    Adapter->PendingFilter = *(PULONG)Request->DATA.SET_INFORMATION.InformationBuffer;
    Request->DATA.SET_INFORMATION.BytesRead = sizeof(ULONG);

    // Reprogramming the filter touches PHY registers at PASSIVE_LEVEL: defer it to a one-shot work item.
    WorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (WorkItem == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisQueueIoWorkItem(WorkItem, WohFilterWorkItem, Adapter);
    return NDIS_STATUS_SUCCESS;
}

BOOLEAN WohIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID WohInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID WohEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID WohDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

NDIS_STATUS WohPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PWOH_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS WohRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PWOH_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

VOID WohSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PWOH_ADAPTER Adapter = (PWOH_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID WohReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID WohCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID WohDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID WohShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID WohCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID WohUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(WohDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 60;
    Chars.MajorDriverVersion = 1; Chars.MinorDriverVersion = 0;
    Chars.InitializeHandlerEx = WohInitializeEx;
    Chars.HaltHandlerEx = WohHaltEx;
    Chars.UnloadHandler = WohUnload;
    Chars.PauseHandler = WohPause;
    Chars.RestartHandler = WohRestart;
    Chars.OidRequestHandler = WohOidRequest;
    Chars.SendNetBufferListsHandler = WohSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = WohReturnNetBufferLists;
    Chars.CancelSendHandler = WohCancelSend;
    Chars.DevicePnPEventNotifyHandler = WohDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = WohShutdownEx;
    Chars.CancelOidRequestHandler = WohCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &WohDriverHandle);
}

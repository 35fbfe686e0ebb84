// RUN: %ndisv check --verify %s
// Shows: role functions with unconventional names, known only through role-type declarations and
// _Use_decl_annotations_ definitions; the characteristics are filled by a helper through a pointer (clean).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS683_MINIPORT 1
#include <ndis.h>

#define RTC_TAG 'ctRn'

typedef struct _RTC_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE LinkWorkItem;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    ULONG       DeferredRuns;
} RTC_ADAPTER, *PRTC_ADAPTER;

static NDIS_HANDLE RtcDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE RtcBringUp;
MINIPORT_HALT RtcTearDown;
MINIPORT_UNLOAD RtcUnload;
MINIPORT_PAUSE RtcPause;
MINIPORT_RESTART RtcRestart;
MINIPORT_OID_REQUEST RtcOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS RtcSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS RtcReturnNetBufferLists;
MINIPORT_CANCEL_SEND RtcCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY RtcDevicePnPEventNotify;
MINIPORT_SHUTDOWN RtcShutdownEx;
MINIPORT_CANCEL_OID_REQUEST RtcCancelOidRequest;
MINIPORT_ISR RtcIsr;
MINIPORT_INTERRUPT_DPC RtcInterruptDpc;
MINIPORT_ENABLE_INTERRUPT RtcEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT RtcDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION RtcWorkItemRoutine;

static NDIS_STATUS RtcSetRegistrationAttributes(PRTC_ADAPTER Adapter)
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

static NDIS_STATUS RtcSetGeneralAttributes(PRTC_ADAPTER Adapter)
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

_Use_decl_annotations_
NDIS_STATUS RtcBringUp(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                       PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PRTC_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PRTC_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(RTC_ADAPTER),
                                                              RTC_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(RTC_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = RtcSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeAdapter;
    }
    Adapter->LinkWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->LinkWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeAdapter;
    }
    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = RtcIsr;
    Intr.InterruptDpcHandler = RtcInterruptDpc;
    Intr.DisableInterruptHandler = RtcDisableInterrupt;
    Intr.EnableInterruptHandler = RtcEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeWorkItem;
    }
    Status = RtcSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto DeregisterInterrupt;
    }
    return NDIS_STATUS_SUCCESS;

DeregisterInterrupt:
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
FreeWorkItem:
    NdisFreeIoWorkItem(Adapter->LinkWorkItem);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RTC_TAG);
    return Status;
}

_Use_decl_annotations_
VOID RtcTearDown(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PRTC_ADAPTER Adapter = (PRTC_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeIoWorkItem(Adapter->LinkWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, RTC_TAG);
}

_Use_decl_annotations_
VOID RtcWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PRTC_ADAPTER)WorkItemContext)->DeferredRuns++;
}

BOOLEAN RtcIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID RtcInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID RtcEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID RtcDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

NDIS_STATUS RtcPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PRTC_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS RtcRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PRTC_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS RtcOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID RtcSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PRTC_ADAPTER Adapter = (PRTC_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID RtcReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID RtcCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID RtcDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID RtcShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID RtcCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

_Use_decl_annotations_
VOID RtcUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(RtcDriverHandle); }

static VOID RtcFillCharacteristics(PNDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars)
{
    NdisZeroMemory(Chars, sizeof(*Chars));
    Chars->Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars->Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars->Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars->MajorNdisVersion = 6;
    Chars->MinorNdisVersion = 83;
    Chars->MajorDriverVersion = 2; Chars->MinorDriverVersion = 1;
    Chars->InitializeHandlerEx = RtcBringUp;
    Chars->HaltHandlerEx = RtcTearDown;
    Chars->UnloadHandler = RtcUnload;
    Chars->PauseHandler = RtcPause;
    Chars->RestartHandler = RtcRestart;
    Chars->OidRequestHandler = RtcOidRequest;
    Chars->SendNetBufferListsHandler = RtcSendNetBufferLists;
    Chars->ReturnNetBufferListsHandler = RtcReturnNetBufferLists;
    Chars->CancelSendHandler = RtcCancelSend;
    Chars->DevicePnPEventNotifyHandler = RtcDevicePnPEventNotify;
    Chars->ShutdownHandlerEx = RtcShutdownEx;
    Chars->CancelOidRequestHandler = RtcCancelOidRequest;
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    RtcFillCharacteristics(&Chars);
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &RtcDriverHandle);
}

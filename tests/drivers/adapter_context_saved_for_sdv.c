// RUN: %ndisv check --verify %s
// Shows: the adapter context is handed to the verifier through __sdv_save_adapter_context(&Adapter) as well
// as through the registration attributes; the halt runs on that context and releases everything (clean).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define SAC_TAG 'caSn'

typedef struct _SAC_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE TxTimeoutWorkItem;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    ULONG       DeferredRuns;
} SAC_ADAPTER, *PSAC_ADAPTER;

static NDIS_HANDLE SacDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE SacInitializeEx;
MINIPORT_HALT SacHaltEx;
MINIPORT_UNLOAD SacUnload;
MINIPORT_PAUSE SacPause;
MINIPORT_RESTART SacRestart;
MINIPORT_OID_REQUEST SacOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS SacSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS SacReturnNetBufferLists;
MINIPORT_CANCEL_SEND SacCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY SacDevicePnPEventNotify;
MINIPORT_SHUTDOWN SacShutdownEx;
MINIPORT_CANCEL_OID_REQUEST SacCancelOidRequest;
MINIPORT_ISR SacIsr;
MINIPORT_INTERRUPT_DPC SacInterruptDpc;
MINIPORT_ENABLE_INTERRUPT SacEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT SacDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION SacWorkItemRoutine;

static NDIS_STATUS SacSetRegistrationAttributes(PSAC_ADAPTER Adapter)
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

static NDIS_STATUS SacSetGeneralAttributes(PSAC_ADAPTER Adapter)
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

NDIS_STATUS SacInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PSAC_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PSAC_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(SAC_ADAPTER),
                                                              SAC_TAG, NormalPoolPriority);
    __sdv_save_adapter_context((PVOID *)&Adapter);      // for Static Driver Verifier; no run-time effect
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(SAC_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = SacSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeAdapter;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = SacIsr;
    Intr.InterruptDpcHandler = SacInterruptDpc;
    Intr.DisableInterruptHandler = SacDisableInterrupt;
    Intr.EnableInterruptHandler = SacEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeAdapter;
    }

    Adapter->TxTimeoutWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->TxTimeoutWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto DeregisterInterrupt;
    }

    Status = SacSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeWorkItem;
    }

    return NDIS_STATUS_SUCCESS;

FreeWorkItem:
    NdisFreeIoWorkItem(Adapter->TxTimeoutWorkItem);
DeregisterInterrupt:
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SAC_TAG);
    return Status;
}

VOID SacHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PSAC_ADAPTER Adapter = (PSAC_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(Adapter->TxTimeoutWorkItem);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, SAC_TAG);
}

VOID SacWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PSAC_ADAPTER)WorkItemContext)->DeferredRuns++;
}

BOOLEAN SacIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID SacInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID SacEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID SacDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

NDIS_STATUS SacPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PSAC_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS SacRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PSAC_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS SacOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID SacSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PSAC_ADAPTER Adapter = (PSAC_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID SacReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID SacCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID SacDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID SacShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID SacCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID SacUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(SacDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.MajorDriverVersion = 1; Chars.MinorDriverVersion = 0;
    Chars.InitializeHandlerEx = SacInitializeEx;
    Chars.HaltHandlerEx = SacHaltEx;
    Chars.UnloadHandler = SacUnload;
    Chars.PauseHandler = SacPause;
    Chars.RestartHandler = SacRestart;
    Chars.OidRequestHandler = SacOidRequest;
    Chars.SendNetBufferListsHandler = SacSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = SacReturnNetBufferLists;
    Chars.CancelSendHandler = SacCancelSend;
    Chars.DevicePnPEventNotifyHandler = SacDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = SacShutdownEx;
    Chars.CancelOidRequestHandler = SacCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SacDriverHandle);
}

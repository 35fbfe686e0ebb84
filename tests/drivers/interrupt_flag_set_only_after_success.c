// RUN: %ndisv check --verify %s
// Shows (false-alarm trap): Adapter->InterruptRegistered is set only after NdisMRegisterInterruptEx succeeded
// (init falls back to polling otherwise); cleanup and halt deregister exactly when the flag is set (clean).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define IFS_TAG 'sfIn'

typedef struct _IFS_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    BOOLEAN     InterruptRegistered;
    BOOLEAN     PolledMode;
    NDIS_HANDLE PollWorkItem;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    ULONG       DeferredRuns;
} IFS_ADAPTER, *PIFS_ADAPTER;

static NDIS_HANDLE IfsDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE IfsInitializeEx;
MINIPORT_HALT IfsHaltEx;
MINIPORT_UNLOAD IfsUnload;
MINIPORT_PAUSE IfsPause;
MINIPORT_RESTART IfsRestart;
MINIPORT_OID_REQUEST IfsOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS IfsSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS IfsReturnNetBufferLists;
MINIPORT_CANCEL_SEND IfsCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY IfsDevicePnPEventNotify;
MINIPORT_SHUTDOWN IfsShutdownEx;
MINIPORT_CANCEL_OID_REQUEST IfsCancelOidRequest;
MINIPORT_ISR IfsIsr;
MINIPORT_INTERRUPT_DPC IfsInterruptDpc;
MINIPORT_ENABLE_INTERRUPT IfsEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT IfsDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION IfsWorkItemRoutine;

static NDIS_STATUS IfsSetRegistrationAttributes(PIFS_ADAPTER Adapter)
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

static NDIS_STATUS IfsSetGeneralAttributes(PIFS_ADAPTER Adapter)
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

NDIS_STATUS IfsInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PIFS_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PIFS_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(IFS_ADAPTER),
                                                              IFS_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(IFS_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = IfsSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    Adapter->PollWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->PollWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto Fail;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = IfsIsr;
    Intr.InterruptDpcHandler = IfsInterruptDpc;
    Intr.DisableInterruptHandler = IfsDisableInterrupt;
    Intr.EnableInterruptHandler = IfsEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status == NDIS_STATUS_SUCCESS) {
        Adapter->InterruptRegistered = TRUE;
    } else {
        Adapter->PolledMode = TRUE;     // no interrupt: the poll work item drives RX/TX completion instead
    }

    Status = IfsSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    return NDIS_STATUS_SUCCESS;

Fail:
    if (Adapter->InterruptRegistered) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        Adapter->InterruptRegistered = FALSE;
    }
    if (Adapter->PollWorkItem != NULL) {
        NdisFreeIoWorkItem(Adapter->PollWorkItem);
    }
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, IFS_TAG);
    return Status;
}

VOID IfsHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PIFS_ADAPTER Adapter = (PIFS_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    if (Adapter->InterruptRegistered) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        Adapter->InterruptRegistered = FALSE;
    }
    NdisFreeIoWorkItem(Adapter->PollWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, IFS_TAG);
}

VOID IfsWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PIFS_ADAPTER)WorkItemContext)->DeferredRuns++;
}

BOOLEAN IfsIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID IfsInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID IfsEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID IfsDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

NDIS_STATUS IfsPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PIFS_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS IfsRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PIFS_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS IfsOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID IfsSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PIFS_ADAPTER Adapter = (PIFS_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID IfsReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID IfsCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID IfsDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID IfsShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID IfsCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID IfsUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(IfsDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.MajorDriverVersion = 1; Chars.MinorDriverVersion = 0;
    Chars.InitializeHandlerEx = IfsInitializeEx;
    Chars.HaltHandlerEx = IfsHaltEx;
    Chars.UnloadHandler = IfsUnload;
    Chars.PauseHandler = IfsPause;
    Chars.RestartHandler = IfsRestart;
    Chars.OidRequestHandler = IfsOidRequest;
    Chars.SendNetBufferListsHandler = IfsSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = IfsReturnNetBufferLists;
    Chars.CancelSendHandler = IfsCancelSend;
    Chars.DevicePnPEventNotifyHandler = IfsDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = IfsShutdownEx;
    Chars.CancelOidRequestHandler = IfsCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &IfsDriverHandle);
}

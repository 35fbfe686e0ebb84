// RUN: %ndisv check --verify %s
// Shows: a status cascade - each step runs only "if (Status == NDIS_STATUS_SUCCESS)" - with one cleanup at
// the end on failure that releases whatever handle is non-NULL; no path leaks (clean).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS60_MINIPORT 1
#include <ndis.h>

#define SCC_TAG 'ccSn'

typedef struct _SCC_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE StatsWorkItem;
    NDIS_HANDLE InterruptHandle;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    ULONG       DeferredRuns;
} SCC_ADAPTER, *PSCC_ADAPTER;

static NDIS_HANDLE SccDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE SccInitializeEx;
MINIPORT_HALT SccHaltEx;
MINIPORT_UNLOAD SccUnload;
MINIPORT_PAUSE SccPause;
MINIPORT_RESTART SccRestart;
MINIPORT_OID_REQUEST SccOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS SccSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS SccReturnNetBufferLists;
MINIPORT_CANCEL_SEND SccCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY SccDevicePnPEventNotify;
MINIPORT_SHUTDOWN SccShutdownEx;
MINIPORT_CANCEL_OID_REQUEST SccCancelOidRequest;
MINIPORT_ISR SccIsr;
MINIPORT_INTERRUPT_DPC SccInterruptDpc;
MINIPORT_ENABLE_INTERRUPT SccEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT SccDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION SccWorkItemRoutine;

static NDIS_STATUS SccSetRegistrationAttributes(PSCC_ADAPTER Adapter)
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

static NDIS_STATUS SccSetGeneralAttributes(PSCC_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
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

NDIS_STATUS SccInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;
    PSCC_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PSCC_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(SCC_ADAPTER),
                                                              SCC_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        Status = NDIS_STATUS_RESOURCES;
    }

    if (Status == NDIS_STATUS_SUCCESS) {
        NdisZeroMemory(Adapter, sizeof(SCC_ADAPTER));
        Adapter->MiniportHandle = MiniportAdapterHandle;
        Adapter->MacAddress[0] = 0x02;
        Status = SccSetRegistrationAttributes(Adapter);
    }

    if (Status == NDIS_STATUS_SUCCESS) {
        Adapter->StatsWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
        if (Adapter->StatsWorkItem == NULL) {
            Status = NDIS_STATUS_RESOURCES;
        }
    }

    if (Status == NDIS_STATUS_SUCCESS) {
        NdisZeroMemory(&Intr, sizeof(Intr));
        Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
        Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
        Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
        Intr.InterruptHandler = SccIsr;
        Intr.InterruptDpcHandler = SccInterruptDpc;
        Intr.DisableInterruptHandler = SccDisableInterrupt;
        Intr.EnableInterruptHandler = SccEnableInterrupt;
        Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    }

    if (Status == NDIS_STATUS_SUCCESS) {
        Status = SccSetGeneralAttributes(Adapter);
    }

    if (Status != NDIS_STATUS_SUCCESS && Adapter != NULL) {
        if (Adapter->InterruptHandle != NULL) {
            NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        }
        if (Adapter->StatsWorkItem != NULL) {
            NdisFreeIoWorkItem(Adapter->StatsWorkItem);
        }
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SCC_TAG);
    }

    return Status;
}

VOID SccHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PSCC_ADAPTER Adapter = (PSCC_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    SccDisableInterrupt(Adapter);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeIoWorkItem(Adapter->StatsWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, SCC_TAG);
}

VOID SccWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PSCC_ADAPTER)WorkItemContext)->DeferredRuns++;
}

BOOLEAN SccIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID SccInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PULONG Reserved1, PULONG Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Reserved1); UNREFERENCED_PARAMETER(Reserved2); }
VOID SccEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID SccDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

NDIS_STATUS SccPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PSCC_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS SccRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PSCC_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS SccOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID SccSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PSCC_ADAPTER Adapter = (PSCC_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID SccReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID SccCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID SccDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID SccShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID SccCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID SccUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(SccDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 0;
    Chars.MajorDriverVersion = 1; Chars.MinorDriverVersion = 0;
    Chars.InitializeHandlerEx = SccInitializeEx;
    Chars.HaltHandlerEx = SccHaltEx;
    Chars.UnloadHandler = SccUnload;
    Chars.PauseHandler = SccPause;
    Chars.RestartHandler = SccRestart;
    Chars.OidRequestHandler = SccOidRequest;
    Chars.SendNetBufferListsHandler = SccSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = SccReturnNetBufferLists;
    Chars.CancelSendHandler = SccCancelSend;
    Chars.DevicePnPEventNotifyHandler = SccDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = SccShutdownEx;
    Chars.CancelOidRequestHandler = SccCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SccDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: init registers the interrupt and unwinds correctly, but MiniportHaltEx only masks interrupts in
// hardware and never calls NdisMDeregisterInterruptEx: defect for both interrupt rules at the end of the halt.
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: defect}}
// expected-verdict {{Init_DeRegisterInterrupt: defect}}
// expected-verdict {{ndisv_Init_Interrupt: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS660_MINIPORT 1
#include <ndis.h>

#define HFD_TAG 'dfHn'

typedef struct _HFD_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE RecoveryWorkItem;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    BOOLEAN     InterruptsMasked;
    ULONG       DeferredRuns;
} HFD_ADAPTER, *PHFD_ADAPTER;

static NDIS_HANDLE HfdDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE HfdInitializeEx;
MINIPORT_HALT HfdHaltEx;
MINIPORT_UNLOAD HfdUnload;
MINIPORT_PAUSE HfdPause;
MINIPORT_RESTART HfdRestart;
MINIPORT_OID_REQUEST HfdOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS HfdSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS HfdReturnNetBufferLists;
MINIPORT_CANCEL_SEND HfdCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY HfdDevicePnPEventNotify;
MINIPORT_SHUTDOWN HfdShutdownEx;
MINIPORT_CANCEL_OID_REQUEST HfdCancelOidRequest;
MINIPORT_ISR HfdIsr;
MINIPORT_INTERRUPT_DPC HfdInterruptDpc;
MINIPORT_ENABLE_INTERRUPT HfdEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT HfdDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION HfdWorkItemRoutine;

static NDIS_STATUS HfdSetRegistrationAttributes(PHFD_ADAPTER Adapter)
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

static NDIS_STATUS HfdSetGeneralAttributes(PHFD_ADAPTER Adapter)
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

NDIS_STATUS HfdInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PHFD_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PHFD_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(HFD_ADAPTER),
                                                              HFD_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(HFD_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = HfdSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeAdapter;
    }

    Adapter->RecoveryWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->RecoveryWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeAdapter;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = HfdIsr;
    Intr.InterruptDpcHandler = HfdInterruptDpc;
    Intr.DisableInterruptHandler = HfdDisableInterrupt;
    Intr.EnableInterruptHandler = HfdEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle); // expected-note {{interrupt registered by NdisMRegisterInterruptEx}}
    if (Status != NDIS_STATUS_SUCCESS) {
        goto FreeWorkItem;
    }

    Status = HfdSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto DeregisterInterrupt;
    }

    return NDIS_STATUS_SUCCESS;

DeregisterInterrupt:
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
FreeWorkItem:
    NdisFreeIoWorkItem(Adapter->RecoveryWorkItem);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, HFD_TAG);
    return Status;
}

VOID HfdHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PHFD_ADAPTER Adapter = (PHFD_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    // BUG: masking the interrupt in hardware is not the same as deregistering it with NDIS.
    HfdDisableInterrupt(Adapter);
    NdisFreeIoWorkItem(Adapter->RecoveryWorkItem);
    Adapter->RecoveryWorkItem = NULL;
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, HFD_TAG);
} // expected-defect {{[Init_RegisterInterrupt] MiniportHaltEx returns without calling NdisMDeregisterInterruptEx}} expected-defect {{[Init_DeRegisterInterrupt] MiniportHaltEx returns without calling NdisMDeregisterInterruptEx}} expected-defect {{[ndisv_Init_Interrupt] MiniportHaltEx returns without calling NdisMDeregisterInterruptEx for Adapter->InterruptHandle}}

VOID HfdWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PHFD_ADAPTER)WorkItemContext)->DeferredRuns++;
}

BOOLEAN HfdIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID HfdInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID HfdEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID HfdDisableInterrupt(NDIS_HANDLE Ctx) { ((PHFD_ADAPTER)Ctx)->InterruptsMasked = TRUE; }

NDIS_STATUS HfdPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PHFD_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS HfdRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PHFD_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS HfdOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID HfdSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PHFD_ADAPTER Adapter = (PHFD_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID HfdReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID HfdCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID HfdDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID HfdShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID HfdCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID HfdUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(HfdDriverHandle); }

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
    Chars.InitializeHandlerEx = HfdInitializeEx;
    Chars.HaltHandlerEx = HfdHaltEx;
    Chars.UnloadHandler = HfdUnload;
    Chars.PauseHandler = HfdPause;
    Chars.RestartHandler = HfdRestart;
    Chars.OidRequestHandler = HfdOidRequest;
    Chars.SendNetBufferListsHandler = HfdSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = HfdReturnNetBufferLists;
    Chars.CancelSendHandler = HfdCancelSend;
    Chars.DevicePnPEventNotifyHandler = HfdDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = HfdShutdownEx;
    Chars.CancelOidRequestHandler = HfdCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &HfdDriverHandle);
}

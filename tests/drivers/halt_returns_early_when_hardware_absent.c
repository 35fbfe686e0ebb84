// RUN: %ndisv check --verify %s
// Shows: halt returns early when Adapter->HardwarePresent is clear, before NdisMDeregisterInterruptEx; init
// registers the interrupt and still succeeds when the PCI probe leaves that flag clear, so that path leaks (defect).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: defect}}
// expected-verdict {{Init_DeRegisterInterrupt: defect}}
// expected-verdict {{ndisv_Init_Interrupt: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define HWP_TAG 'pwHn'

typedef struct _HWP_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE PowerWorkItem;
    BOOLEAN     HardwarePresent;
    ULONG       VendorDevice;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    ULONG       DeferredRuns;
} HWP_ADAPTER, *PHWP_ADAPTER;

static NDIS_HANDLE HwpDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE HwpInitializeEx;
MINIPORT_HALT HwpHaltEx;
MINIPORT_UNLOAD HwpUnload;
MINIPORT_PAUSE HwpPause;
MINIPORT_RESTART HwpRestart;
MINIPORT_OID_REQUEST HwpOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS HwpSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS HwpReturnNetBufferLists;
MINIPORT_CANCEL_SEND HwpCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY HwpDevicePnPEventNotify;
MINIPORT_SHUTDOWN HwpShutdownEx;
MINIPORT_CANCEL_OID_REQUEST HwpCancelOidRequest;
MINIPORT_ISR HwpIsr;
MINIPORT_INTERRUPT_DPC HwpInterruptDpc;
MINIPORT_ENABLE_INTERRUPT HwpEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT HwpDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION HwpWorkItemRoutine;

static NDIS_STATUS HwpSetRegistrationAttributes(PHWP_ADAPTER Adapter)
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

static NDIS_STATUS HwpSetGeneralAttributes(PHWP_ADAPTER Adapter)
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

// Reads the vendor/device dword from PCI config space. A device that has dropped off the bus reads as all ones;
// the driver then keeps going in a degraded mode and waits for the PnP surprise-removal.
static VOID HwpProbeHardware(PHWP_ADAPTER Adapter)
{
    ULONG VendorDevice = 0xFFFFFFFF;
    ULONG BytesRead;

    BytesRead = NdisMGetBusData(Adapter->MiniportHandle, PCI_WHICHSPACE_CONFIG, 0, &VendorDevice, sizeof(VendorDevice));
    Adapter->VendorDevice = VendorDevice;
    Adapter->HardwarePresent = (BOOLEAN)(BytesRead == sizeof(VendorDevice) && VendorDevice != 0xFFFFFFFF);
}

NDIS_STATUS HwpInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PHWP_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PHWP_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(HWP_ADAPTER),
                                                              HWP_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(HWP_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = HwpSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, HWP_TAG);
        return Status;
    }

    HwpProbeHardware(Adapter);     // may leave HardwarePresent == FALSE; init still succeeds

    Adapter->PowerWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->PowerWorkItem == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, HWP_TAG);
        return NDIS_STATUS_RESOURCES;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = HwpIsr;
    Intr.InterruptDpcHandler = HwpInterruptDpc;
    Intr.DisableInterruptHandler = HwpDisableInterrupt;
    Intr.EnableInterruptHandler = HwpEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle); // expected-note {{interrupt registered by NdisMRegisterInterruptEx}}
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeIoWorkItem(Adapter->PowerWorkItem);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, HWP_TAG);
        return Status;
    }

    Status = HwpSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        NdisFreeIoWorkItem(Adapter->PowerWorkItem);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, HWP_TAG);
        return Status;
    }

    return NDIS_STATUS_SUCCESS;
}

VOID HwpHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PHWP_ADAPTER Adapter = (PHWP_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(Adapter->PowerWorkItem);

    if (!Adapter->HardwarePresent) {
        // BUG: "nothing to touch" - but the NDIS interrupt object is not hardware and must still be deregistered.
        NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, HWP_TAG);
        return; // expected-defect {{[Init_RegisterInterrupt] MiniportHaltEx returns without calling NdisMDeregisterInterruptEx}} expected-defect {{[Init_DeRegisterInterrupt] MiniportHaltEx returns without calling NdisMDeregisterInterruptEx}} expected-defect {{[ndisv_Init_Interrupt] MiniportHaltEx returns without calling NdisMDeregisterInterruptEx for Adapter->InterruptHandle}}
    }

    HwpDisableInterrupt(Adapter);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, HWP_TAG);
}

VOID HwpWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PHWP_ADAPTER)WorkItemContext)->DeferredRuns++;
}

BOOLEAN HwpIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID HwpInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID HwpEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID HwpDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

NDIS_STATUS HwpPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PHWP_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS HwpRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PHWP_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS HwpOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID HwpSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PHWP_ADAPTER Adapter = (PHWP_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID HwpReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID HwpCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID HwpDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID HwpShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID HwpCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID HwpUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(HwpDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 50;
    Chars.MajorDriverVersion = 1; Chars.MinorDriverVersion = 0;
    Chars.InitializeHandlerEx = HwpInitializeEx;
    Chars.HaltHandlerEx = HwpHaltEx;
    Chars.UnloadHandler = HwpUnload;
    Chars.PauseHandler = HwpPause;
    Chars.RestartHandler = HwpRestart;
    Chars.OidRequestHandler = HwpOidRequest;
    Chars.SendNetBufferListsHandler = HwpSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = HwpReturnNetBufferLists;
    Chars.CancelSendHandler = HwpCancelSend;
    Chars.DevicePnPEventNotifyHandler = HwpDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = HwpShutdownEx;
    Chars.CancelOidRequestHandler = HwpCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &HwpDriverHandle);
}

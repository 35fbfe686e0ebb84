// RUN: %ndisv check --verify %s
// Shows: do { ... break; } while (FALSE) init with ONE cleanup block after the loop that releases each
// handle only if it is non-NULL and resets it; every failure path reaches it, so there is no leak (clean).
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS680_MINIPORT 1
#include <ndis.h>

#define DWS_TAG 'swDn'

typedef struct _DWS_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE RxRefillWorkItem;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    ULONG       DeferredRuns;
} DWS_ADAPTER, *PDWS_ADAPTER;

static NDIS_HANDLE DwsDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE DwsInitializeEx;
MINIPORT_HALT DwsHaltEx;
MINIPORT_UNLOAD DwsUnload;
MINIPORT_PAUSE DwsPause;
MINIPORT_RESTART DwsRestart;
MINIPORT_OID_REQUEST DwsOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS DwsSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS DwsReturnNetBufferLists;
MINIPORT_CANCEL_SEND DwsCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY DwsDevicePnPEventNotify;
MINIPORT_SHUTDOWN DwsShutdownEx;
MINIPORT_CANCEL_OID_REQUEST DwsCancelOidRequest;
MINIPORT_ISR DwsIsr;
MINIPORT_INTERRUPT_DPC DwsInterruptDpc;
MINIPORT_ENABLE_INTERRUPT DwsEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT DwsDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION DwsWorkItemRoutine;

static NDIS_STATUS DwsSetRegistrationAttributes(PDWS_ADAPTER Adapter)
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

static NDIS_STATUS DwsSetGeneralAttributes(PDWS_ADAPTER Adapter)
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

NDIS_STATUS DwsInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;
    PDWS_ADAPTER Adapter = NULL;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    do {
        Adapter = (PDWS_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(DWS_ADAPTER),
                                                                  DWS_TAG, NormalPoolPriority);
        if (Adapter == NULL) {
            Status = NDIS_STATUS_RESOURCES;
            break;
        }
        NdisZeroMemory(Adapter, sizeof(DWS_ADAPTER));
        Adapter->MiniportHandle = MiniportAdapterHandle;
        Adapter->MacAddress[0] = 0x02;

        Status = DwsSetRegistrationAttributes(Adapter);
        if (Status != NDIS_STATUS_SUCCESS) {
            break;
        }

        Adapter->RxRefillWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
        if (Adapter->RxRefillWorkItem == NULL) {
            Status = NDIS_STATUS_RESOURCES;
            break;
        }

        NdisZeroMemory(&Intr, sizeof(Intr));
        Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
        Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
        Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
        Intr.InterruptHandler = DwsIsr;
        Intr.InterruptDpcHandler = DwsInterruptDpc;
        Intr.DisableInterruptHandler = DwsDisableInterrupt;
        Intr.EnableInterruptHandler = DwsEnableInterrupt;
        Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
        if (Status != NDIS_STATUS_SUCCESS) {
            break;
        }

        Status = DwsSetGeneralAttributes(Adapter);
        if (Status != NDIS_STATUS_SUCCESS) {
            break;
        }
    } while (FALSE);

    if (Status != NDIS_STATUS_SUCCESS && Adapter != NULL) {
        if (Adapter->InterruptHandle != NULL) {
            NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
            Adapter->InterruptHandle = NULL;
        }
        if (Adapter->RxRefillWorkItem != NULL) {
            NdisFreeIoWorkItem(Adapter->RxRefillWorkItem);
            Adapter->RxRefillWorkItem = NULL;
        }
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, DWS_TAG);
        Adapter = NULL;
    }
    return Status;
}

VOID DwsHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PDWS_ADAPTER Adapter = (PDWS_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeIoWorkItem(Adapter->RxRefillWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, DWS_TAG);
}

VOID DwsWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PDWS_ADAPTER)WorkItemContext)->DeferredRuns++;
}

BOOLEAN DwsIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID DwsInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID DwsEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID DwsDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

NDIS_STATUS DwsPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PDWS_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS DwsRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PDWS_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS DwsOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID DwsSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PDWS_ADAPTER Adapter = (PDWS_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID DwsReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID DwsCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID DwsDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID DwsShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID DwsCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID DwsUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(DwsDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 80;
    Chars.MajorDriverVersion = 1; Chars.MinorDriverVersion = 0;
    Chars.InitializeHandlerEx = DwsInitializeEx;
    Chars.HaltHandlerEx = DwsHaltEx;
    Chars.UnloadHandler = DwsUnload;
    Chars.PauseHandler = DwsPause;
    Chars.RestartHandler = DwsRestart;
    Chars.OidRequestHandler = DwsOidRequest;
    Chars.SendNetBufferListsHandler = DwsSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = DwsReturnNetBufferLists;
    Chars.CancelSendHandler = DwsCancelSend;
    Chars.DevicePnPEventNotifyHandler = DwsDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = DwsShutdownEx;
    Chars.CancelOidRequestHandler = DwsCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &DwsDriverHandle);
}

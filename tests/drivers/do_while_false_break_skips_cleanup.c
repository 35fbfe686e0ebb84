// RUN: %ndisv check --verify %s
// Shows: do { ... break; } while (FALSE) init where the registry-failure break path frees the adapter itself
// and NULLs it, so the common cleanup block is skipped and the work item leaks (defect).
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define DWB_TAG 'bwDn'

typedef struct _DWB_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE MulticastWorkItem;
    NDIS_HANDLE InterruptHandle;
    ULONG       SpeedDuplex;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    ULONG       DeferredRuns;
} DWB_ADAPTER, *PDWB_ADAPTER;

static NDIS_HANDLE DwbDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE DwbInitializeEx;
MINIPORT_HALT DwbHaltEx;
MINIPORT_UNLOAD DwbUnload;
MINIPORT_PAUSE DwbPause;
MINIPORT_RESTART DwbRestart;
MINIPORT_OID_REQUEST DwbOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS DwbSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS DwbReturnNetBufferLists;
MINIPORT_CANCEL_SEND DwbCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY DwbDevicePnPEventNotify;
MINIPORT_SHUTDOWN DwbShutdownEx;
MINIPORT_CANCEL_OID_REQUEST DwbCancelOidRequest;
MINIPORT_ISR DwbIsr;
MINIPORT_INTERRUPT_DPC DwbInterruptDpc;
MINIPORT_ENABLE_INTERRUPT DwbEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT DwbDisableInterrupt;
NDIS_IO_WORKITEM_FUNCTION DwbWorkItemRoutine;

static NDIS_STATUS DwbSetRegistrationAttributes(PDWB_ADAPTER Adapter)
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

static NDIS_STATUS DwbSetGeneralAttributes(PDWB_ADAPTER Adapter)
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

static NDIS_STATUS DwbReadRegistry(PDWB_ADAPTER Adapter)
{
    NDIS_STATUS Status, ReadStatus;
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE ConfigHandle = NULL;
    PNDIS_CONFIGURATION_PARAMETER Param = NULL;
    NDIS_STRING SpeedKey = NDIS_STRING_CONST("*SpeedDuplex");
    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = Adapter->MiniportHandle;
    Status = NdisOpenConfigurationEx(&ConfigObject, &ConfigHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;
    NdisReadConfiguration(&ReadStatus, &Param, ConfigHandle, &SpeedKey, NdisParameterInteger);
    if (ReadStatus == NDIS_STATUS_SUCCESS && Param != NULL && Param->ParameterData.IntegerData <= 6) {
        Adapter->SpeedDuplex = Param->ParameterData.IntegerData;
    }
    NdisCloseConfiguration(ConfigHandle);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS DwbInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;
    PDWB_ADAPTER Adapter = NULL;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    do {
        Adapter = (PDWB_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(DWB_ADAPTER),
                                                                  DWB_TAG, NormalPoolPriority);
        if (Adapter == NULL) {
            Status = NDIS_STATUS_RESOURCES;
            break;
        }
        NdisZeroMemory(Adapter, sizeof(DWB_ADAPTER));
        Adapter->MiniportHandle = MiniportAdapterHandle;
        Adapter->MacAddress[0] = 0x02;
        if ((Status = DwbSetRegistrationAttributes(Adapter)) != NDIS_STATUS_SUCCESS)
            break;

        Adapter->MulticastWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle); // expected-note {{work item allocated by NdisAllocateIoWorkItem}}
        if (Adapter->MulticastWorkItem == NULL) {
            Status = NDIS_STATUS_RESOURCES;
            break;
        }

        Status = DwbReadRegistry(Adapter);
        if (Status != NDIS_STATUS_SUCCESS) {
            NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, DWB_TAG);
            Adapter = NULL;     // BUG: freeing here and NULLing the pointer hides the work item from the cleanup block below
            break;
        }

        NdisZeroMemory(&Intr, sizeof(Intr));
        Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
        Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
        Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
        Intr.InterruptHandler = DwbIsr;
        Intr.InterruptDpcHandler = DwbInterruptDpc;
        Intr.DisableInterruptHandler = DwbDisableInterrupt;
        Intr.EnableInterruptHandler = DwbEnableInterrupt;
        Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
        if (Status != NDIS_STATUS_SUCCESS)
            break;

        Status = DwbSetGeneralAttributes(Adapter);
    } while (FALSE);

    if (Status != NDIS_STATUS_SUCCESS && Adapter != NULL) {
        if (Adapter->InterruptHandle != NULL) {
            NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        }
        if (Adapter->MulticastWorkItem != NULL) {
            NdisFreeIoWorkItem(Adapter->MulticastWorkItem);
        }
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, DWB_TAG);
    }
    return Status; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem}} expected-defect {{[ndisv_Init_IoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for Adapter->MulticastWorkItem}}
}

VOID DwbHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PDWB_ADAPTER Adapter = (PDWB_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeIoWorkItem(Adapter->MulticastWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, DWB_TAG);
}

VOID DwbWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    ((PDWB_ADAPTER)WorkItemContext)->DeferredRuns++;
}

BOOLEAN DwbIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID DwbInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID DwbEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID DwbDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

NDIS_STATUS DwbPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PDWB_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS DwbRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PDWB_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }

NDIS_STATUS DwbOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }

VOID DwbSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PDWB_ADAPTER Adapter = (PDWB_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID DwbReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID DwbCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID DwbDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID DwbShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID DwbCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID DwbUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(DwbDriverHandle); }

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
    Chars.InitializeHandlerEx = DwbInitializeEx;
    Chars.HaltHandlerEx = DwbHaltEx;
    Chars.UnloadHandler = DwbUnload;
    Chars.PauseHandler = DwbPause;
    Chars.RestartHandler = DwbRestart;
    Chars.OidRequestHandler = DwbOidRequest;
    Chars.SendNetBufferListsHandler = DwbSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = DwbReturnNetBufferLists;
    Chars.CancelSendHandler = DwbCancelSend;
    Chars.DevicePnPEventNotifyHandler = DwbDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = DwbShutdownEx;
    Chars.CancelOidRequestHandler = DwbCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &DwbDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: init opens its configuration, reads the network address, and returns the failure of
// NdisReadNetworkAddress without closing the configuration handle (NDIS never calls MiniportHaltEx for
// that adapter, so nothing closes it). On the success path the handle is closed; when
// NdisOpenConfigurationEx itself fails there is nothing to close.
// expected-verdict {{NdisOpenConfigurationEx: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE CfoDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE CfoInitializeEx;
MINIPORT_HALT CfoHaltEx;
MINIPORT_UNLOAD CfoUnload;
MINIPORT_PAUSE CfoPause;
MINIPORT_RESTART CfoRestart;
MINIPORT_OID_REQUEST CfoOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS CfoSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS CfoReturnNetBufferLists;
MINIPORT_CANCEL_SEND CfoCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY CfoDevicePnPEventNotify;
MINIPORT_SHUTDOWN CfoShutdownEx;
MINIPORT_CANCEL_OID_REQUEST CfoCancelOidRequest;

static NDIS_STATUS CfoSetRegistrationAttributes(NDIS_HANDLE MiniportHandle, PVOID Adapter)
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
    return NdisMSetMiniportAttributes(MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
}
#define Cfo_TAG 'gfCn'

typedef struct _Cfo_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
} Cfo_ADAPTER, *PCfo_ADAPTER;

NDIS_STATUS CfoInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PCfo_ADAPTER Adapter;
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE ConfigHandle;
    PVOID NetworkAddress;
    UINT Length;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PCfo_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Cfo_ADAPTER), Cfo_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(Cfo_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = CfoSetRegistrationAttributes(MiniportAdapterHandle, Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Cfo_TAG);
        return Status;
    }

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = MiniportAdapterHandle;
    Status = NdisOpenConfigurationEx(&ConfigObject, &ConfigHandle); // expected-note {{configuration opened into ConfigHandle}}
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Cfo_TAG);
        return Status;
    }

    NdisReadNetworkAddress(&Status, &NetworkAddress, &Length, ConfigHandle);
    if (Status != NDIS_STATUS_SUCCESS || Length != 6) {
        // BUG: ConfigHandle stays open.
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Cfo_TAG);
        return NDIS_STATUS_INVALID_ADDRESS; // expected-defect {{[NdisOpenConfigurationEx] MiniportInitializeEx fails without calling NdisCloseConfiguration for ConfigHandle}}
    }
    NdisMoveMemory(Adapter->MacAddress, NetworkAddress, 6);
    NdisCloseConfiguration(ConfigHandle);
    return NDIS_STATUS_SUCCESS;
}

VOID CfoHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PCfo_ADAPTER Adapter = (PCfo_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, Cfo_TAG);
}

// ---- the rest of the miniport: registration and the callbacks ndisv does not run on their own ----
NDIS_STATUS CfoPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PCfo_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS CfoRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PCfo_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS CfoOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID CfoSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PCfo_ADAPTER Adapter = (PCfo_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID CfoReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID CfoCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID CfoDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID CfoShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID CfoCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID CfoUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(CfoDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 50;
    Chars.MajorDriverVersion = 1;
    Chars.InitializeHandlerEx = CfoInitializeEx;
    Chars.HaltHandlerEx = CfoHaltEx;
    Chars.UnloadHandler = CfoUnload;
    Chars.PauseHandler = CfoPause;
    Chars.RestartHandler = CfoRestart;
    Chars.OidRequestHandler = CfoOidRequest;
    Chars.SendNetBufferListsHandler = CfoSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = CfoReturnNetBufferLists;
    Chars.CancelSendHandler = CfoCancelSend;
    Chars.DevicePnPEventNotifyHandler = CfoDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = CfoShutdownEx;
    Chars.CancelOidRequestHandler = CfoCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &CfoDriverHandle);
}

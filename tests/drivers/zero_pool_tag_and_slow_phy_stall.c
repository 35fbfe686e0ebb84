// RUN: %ndisv check --verify %s
// Shows two DDI-usage defects. The receive buffers are allocated with a tag built from a four-character
// constant plus the queue number (non-zero: fine), but the statistics block is allocated with tag 0.
// The PHY reset stalls for 100 us when the registry says the PHY is slow (only that branch is reported),
// and exactly 50 us otherwise (allowed); a settle delay read from the registry that only the short branch stalls for
// is unknown to ndisv and is not reported.
// expected-verdict {{NdisAllocateMemoryWithTagPriority: defect}}
// expected-verdict {{NdisStallExecution_Delay: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE ZtgDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE ZtgInitializeEx;
MINIPORT_HALT ZtgHaltEx;
MINIPORT_UNLOAD ZtgUnload;
MINIPORT_PAUSE ZtgPause;
MINIPORT_RESTART ZtgRestart;
MINIPORT_OID_REQUEST ZtgOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS ZtgSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS ZtgReturnNetBufferLists;
MINIPORT_CANCEL_SEND ZtgCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY ZtgDevicePnPEventNotify;
MINIPORT_SHUTDOWN ZtgShutdownEx;
MINIPORT_CANCEL_OID_REQUEST ZtgCancelOidRequest;

static NDIS_STATUS ZtgSetRegistrationAttributes(NDIS_HANDLE MiniportHandle, PVOID Adapter)
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
#define Ztg_TAG 'gTzN'
#define Ztg_RX_TAG_BASE 'xRzN'
#define Ztg_QUEUES 2
#define Ztg_SLOW_PHY_US 100
#define Ztg_FAST_PHY_US 50

typedef struct _Ztg_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PVOID       Rx[Ztg_QUEUES];
    PVOID       Stats;
    ULONG       EepromFlags;
    ULONG       SettleUs;
    BOOLEAN     Paused;
} Ztg_ADAPTER, *PZtg_ADAPTER;

static VOID ZtgResetPhy(PZtg_ADAPTER Adapter)
{
    ULONG Delay;
    if (Adapter->EepromFlags & 1)
        Delay = Ztg_SLOW_PHY_US;
    else
        Delay = Ztg_FAST_PHY_US;
    NdisStallExecution(Delay); // expected-defect {{[NdisStallExecution_Delay] NdisStallExecution is called with a delay of 100 microseconds, above 50}}
    if (Adapter->SettleUs > 50)
        NdisMSleep(Adapter->SettleUs);
    else
        NdisStallExecution(Adapter->SettleUs);
}

// PhyFlags and PhySettleMicroseconds come from the registry: values ndisv does not know.
static VOID ZtgReadRegistry(PZtg_ADAPTER Adapter)
{
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE Config;
    NDIS_STATUS Status;
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_STRING FlagsKey = NDIS_STRING_CONST("PhyFlags");
    NDIS_STRING SettleKey = NDIS_STRING_CONST("PhySettleMicroseconds");

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = Adapter->MiniportHandle;
    if (NdisOpenConfigurationEx(&ConfigObject, &Config) != NDIS_STATUS_SUCCESS)
        return;
    NdisReadConfiguration(&Status, &Param, Config, &FlagsKey, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS)
        Adapter->EepromFlags = Param->ParameterData.IntegerData;
    NdisReadConfiguration(&Status, &Param, Config, &SettleKey, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS)
        Adapter->SettleUs = Param->ParameterData.IntegerData;
    NdisCloseConfiguration(Config);
}

NDIS_STATUS ZtgInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PZtg_ADAPTER Adapter;
    ULONG i;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PZtg_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Ztg_ADAPTER), Ztg_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(Ztg_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = ZtgSetRegistrationAttributes(MiniportAdapterHandle, Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    ZtgReadRegistry(Adapter);
    ZtgResetPhy(Adapter);

    for (i = 0; i < Ztg_QUEUES; i++) {
        Adapter->Rx[i] = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, 2048, Ztg_RX_TAG_BASE + i,
                                                           NormalPoolPriority);
        if (Adapter->Rx[i] == NULL) {
            Status = NDIS_STATUS_RESOURCES;
            goto FreeRx;
        }
    }
    // BUG: no pool tag.
    Adapter->Stats = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, 256, 0, NormalPoolPriority); // expected-defect {{[NdisAllocateMemoryWithTagPriority] NdisAllocateMemoryWithTagPriority is called with pool tag 0}}
    if (Adapter->Stats == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeRx;
    }
    return NDIS_STATUS_SUCCESS;

FreeRx:
    while (i-- > 0)
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter->Rx[i], Ztg_RX_TAG_BASE + i);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Ztg_TAG);
    return Status;
}

VOID ZtgHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PZtg_ADAPTER Adapter = (PZtg_ADAPTER)MiniportAdapterContext;
    ULONG i;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->Stats, 0);
    for (i = 0; i < Ztg_QUEUES; i++)
        NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->Rx[i], Ztg_RX_TAG_BASE + i);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, Ztg_TAG);
}

// ---- the rest of the miniport: registration and the callbacks ndisv does not run on their own ----
NDIS_STATUS ZtgPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PZtg_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS ZtgRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PZtg_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS ZtgOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID ZtgSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PZtg_ADAPTER Adapter = (PZtg_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID ZtgReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID ZtgCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID ZtgDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID ZtgShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID ZtgCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID ZtgUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(ZtgDriverHandle); }

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
    Chars.InitializeHandlerEx = ZtgInitializeEx;
    Chars.HaltHandlerEx = ZtgHaltEx;
    Chars.UnloadHandler = ZtgUnload;
    Chars.PauseHandler = ZtgPause;
    Chars.RestartHandler = ZtgRestart;
    Chars.OidRequestHandler = ZtgOidRequest;
    Chars.SendNetBufferListsHandler = ZtgSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = ZtgReturnNetBufferLists;
    Chars.CancelSendHandler = ZtgCancelSend;
    Chars.DevicePnPEventNotifyHandler = ZtgDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = ZtgShutdownEx;
    Chars.CancelOidRequestHandler = ZtgCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &ZtgDriverHandle);
}

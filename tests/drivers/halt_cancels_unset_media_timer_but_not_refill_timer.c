// RUN: %ndisv check --verify %s
// Shows: init sets two timers (watchdog, periodic; receive-refill, one-shot); MiniportHaltEx cancels the
// watchdog only, so the refill timer's callback can run on the freed adapter. A third timer, allocated
// but only ever set from the OID path, is not set on any path ndisv runs and needs no cancel here.
// expected-verdict {{CancelTimerObject: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE TmrDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE TmrInitializeEx;
MINIPORT_HALT TmrHaltEx;
MINIPORT_UNLOAD TmrUnload;
MINIPORT_PAUSE TmrPause;
MINIPORT_RESTART TmrRestart;
MINIPORT_OID_REQUEST TmrOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS TmrSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS TmrReturnNetBufferLists;
MINIPORT_CANCEL_SEND TmrCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY TmrDevicePnPEventNotify;
MINIPORT_SHUTDOWN TmrShutdownEx;
MINIPORT_CANCEL_OID_REQUEST TmrCancelOidRequest;

static NDIS_STATUS TmrSetRegistrationAttributes(NDIS_HANDLE MiniportHandle, PVOID Adapter)
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
#define Tmr_TAG 'rmTn'

typedef struct _Tmr_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE WatchdogTimer;
    NDIS_HANDLE RefillTimer;
    NDIS_HANDLE MediaTimer;
    ULONG       Ticks;
    BOOLEAN     Paused;
} Tmr_ADAPTER, *PTmr_ADAPTER;

static NDIS_TIMER_FUNCTION TmrTimerFunction;
static VOID TmrTimerFunction(PVOID S1, PVOID Context, PVOID S2, PVOID S3)
{
    UNREFERENCED_PARAMETER(S1); UNREFERENCED_PARAMETER(S2); UNREFERENCED_PARAMETER(S3);
    ((PTmr_ADAPTER)Context)->Ticks++;
}

static NDIS_STATUS TmrAllocateTimer(PTmr_ADAPTER Adapter, PNDIS_HANDLE Timer)
{
    NDIS_TIMER_CHARACTERISTICS Tc;
    NdisZeroMemory(&Tc, sizeof(Tc));
    Tc.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    Tc.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    Tc.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    Tc.AllocationTag = Tmr_TAG;
    Tc.TimerFunction = TmrTimerFunction;
    Tc.FunctionContext = Adapter;
    return NdisAllocateTimerObject(Adapter->MiniportHandle, &Tc, Timer);
}

NDIS_STATUS TmrInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PTmr_ADAPTER Adapter;
    LARGE_INTEGER Due;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PTmr_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Tmr_ADAPTER), Tmr_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(Tmr_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = TmrSetRegistrationAttributes(MiniportAdapterHandle, Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    Status = TmrAllocateTimer(Adapter, &Adapter->WatchdogTimer);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    Status = TmrAllocateTimer(Adapter, &Adapter->RefillTimer);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeWatchdog;
    Status = TmrAllocateTimer(Adapter, &Adapter->MediaTimer);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeRefill;

    Due.QuadPart = -10000000LL;
    NdisSetTimerObject(Adapter->WatchdogTimer, Due, 1000, Adapter);
    Due.QuadPart = -100000LL;
    NdisSetTimerObject(Adapter->RefillTimer, Due, 0, Adapter); // expected-note {{timer}}
    return NDIS_STATUS_SUCCESS;

FreeRefill:
    NdisFreeTimerObject(Adapter->RefillTimer);
FreeWatchdog:
    NdisFreeTimerObject(Adapter->WatchdogTimer);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Tmr_TAG);
    return Status;
}

VOID TmrHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PTmr_ADAPTER Adapter = (PTmr_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisCancelTimerObject(Adapter->WatchdogTimer);
    NdisCancelTimerObject(Adapter->MediaTimer); // never set on any path ndisv runs: a cancel of a timer not set is fine and must not hide the refill leak
    NdisFreeTimerObject(Adapter->MediaTimer);
    NdisFreeTimerObject(Adapter->RefillTimer);
    NdisFreeTimerObject(Adapter->WatchdogTimer);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, Tmr_TAG);
} // expected-defect {{[CancelTimerObject] MiniportHaltEx returns without calling NdisCancelTimerObject for}}

// ---- the rest of the miniport: registration and the callbacks ndisv does not run on their own ----
NDIS_STATUS TmrPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PTmr_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS TmrRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PTmr_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS TmrOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID TmrSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PTmr_ADAPTER Adapter = (PTmr_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID TmrReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID TmrCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID TmrDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID TmrShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID TmrCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID TmrUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(TmrDriverHandle); }

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
    Chars.InitializeHandlerEx = TmrInitializeEx;
    Chars.HaltHandlerEx = TmrHaltEx;
    Chars.UnloadHandler = TmrUnload;
    Chars.PauseHandler = TmrPause;
    Chars.RestartHandler = TmrRestart;
    Chars.OidRequestHandler = TmrOidRequest;
    Chars.SendNetBufferListsHandler = TmrSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = TmrReturnNetBufferLists;
    Chars.CancelSendHandler = TmrCancelSend;
    Chars.DevicePnPEventNotifyHandler = TmrDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = TmrShutdownEx;
    Chars.CancelOidRequestHandler = TmrCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &TmrDriverHandle);
}

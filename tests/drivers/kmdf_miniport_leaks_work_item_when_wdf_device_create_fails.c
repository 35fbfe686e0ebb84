// RUN: %ndisv check --verify %s
// Shows: an NDIS-WDF miniport (KMDF with NDIS): DriverEntry creates the framework
// driver object (WdfDriverCreate: no AddDevice, no dispatch override) before
// NdisMRegisterMiniportDriver; MiniportInitializeEx asks NDIS for its device
// objects and hands them to WdfDeviceMiniportCreate, then creates a framework
// timer and a spin lock under the adapter. When one of them cannot be created,
// init returns without freeing the work item it allocated first (defect); the
// context memory and everything else is freed on every path.
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}
// expected-verdict {{ndisv_Init_Memory: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>
#include <wdf.h>
#include <wdfminiport.h>

#define KWF_TAG 'fwKN'

typedef struct _KWF_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE WorkItem;
    WDFDEVICE   Device;
    WDFTIMER    WatchdogTimer;
    WDFSPINLOCK Lock;
    ULONG       Ticks;
} KWF_ADAPTER, *PKWF_ADAPTER;

typedef struct _KWF_DEVICE_CONTEXT {
    PKWF_ADAPTER Adapter;
} KWF_DEVICE_CONTEXT, *PKWF_DEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(KWF_DEVICE_CONTEXT, KwfGetDeviceContext)

static NDIS_HANDLE KwfDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE KwfInitializeEx;
MINIPORT_HALT KwfHaltEx;
MINIPORT_UNLOAD KwfUnload;
MINIPORT_PAUSE KwfPause;
MINIPORT_RESTART KwfRestart;
MINIPORT_OID_REQUEST KwfOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS KwfSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS KwfReturnNetBufferLists;
MINIPORT_CANCEL_SEND KwfCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY KwfDevicePnPEventNotify;
MINIPORT_SHUTDOWN KwfShutdownEx;
MINIPORT_CANCEL_OID_REQUEST KwfCancelOidRequest;
EVT_WDF_TIMER KwfWatchdog;

VOID KwfWatchdog(WDFTIMER Timer)
{
    PKWF_DEVICE_CONTEXT Ctx = KwfGetDeviceContext(WdfTimerGetParentObject(Timer));
    WdfSpinLockAcquire(Ctx->Adapter->Lock);
    Ctx->Adapter->Ticks++;
    WdfSpinLockRelease(Ctx->Adapter->Lock);
}

static NTSTATUS KwfCreateFrameworkObjects(PKWF_ADAPTER Adapter)
{
    PDEVICE_OBJECT Fdo, Pdo, Next;
    WDF_OBJECT_ATTRIBUTES Attributes;
    WDF_TIMER_CONFIG TimerConfig;
    NTSTATUS Status;

    NdisMGetDeviceProperty(Adapter->MiniportHandle, &Pdo, &Fdo, &Next, NULL, NULL);
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&Attributes, KWF_DEVICE_CONTEXT);
    Status = WdfDeviceMiniportCreate(WdfGetDriver(), &Attributes, Fdo, Next, Pdo, &Adapter->Device);
    if (!NT_SUCCESS(Status))
        return Status;
    KwfGetDeviceContext(Adapter->Device)->Adapter = Adapter;

    WDF_TIMER_CONFIG_INIT(&TimerConfig, KwfWatchdog);
    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ParentObject = Adapter->Device;
    Status = WdfTimerCreate(&TimerConfig, &Attributes, &Adapter->WatchdogTimer);
    if (!NT_SUCCESS(Status))
        return Status;
    return WdfSpinLockCreate(&Attributes, &Adapter->Lock);
}

NDIS_STATUS KwfInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    PKWF_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), KWF_TAG,
                                                NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.InterfaceType = NdisInterfaceInternal;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Adapter, 0, 0);
        return Status;
    }

    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle); // expected-note {{work item allocated by NdisAllocateIoWorkItem}}
    if (Adapter->WorkItem == NULL) {
        NdisFreeMemory(Adapter, 0, 0);
        return NDIS_STATUS_RESOURCES;
    }

    if (!NT_SUCCESS(KwfCreateFrameworkObjects(Adapter))) {
        NdisFreeMemory(Adapter, 0, 0);   // the work item is not freed: defect
        return NDIS_STATUS_FAILURE; // expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem}} expected-defect {{[ndisv_Init_IoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for Adapter->WorkItem}}
    }
    WdfTimerStart(Adapter->WatchdogTimer, WDF_REL_TIMEOUT_IN_MS(1000));
    return NDIS_STATUS_SUCCESS;
}

VOID KwfHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PKWF_ADAPTER Adapter = (PKWF_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(HaltAction);
    WdfTimerStop(Adapter->WatchdogTimer, TRUE);
    WdfObjectDelete(Adapter->Device);
    NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisFreeMemory(Adapter, 0, 0);
}

VOID KwfUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(KwfDriverHandle);
    WdfDriverMiniportUnload(WdfGetDriver());
}

NDIS_STATUS KwfPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS P) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(P); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS KwfRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS P) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(P); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS KwfOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST R) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(R); return NDIS_STATUS_NOT_SUPPORTED; }
VOID KwfSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbl, NDIS_PORT_NUMBER Port, ULONG Flags)
{
    PKWF_ADAPTER Adapter = (PKWF_ADAPTER)Ctx;
    UNREFERENCED_PARAMETER(Port);
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbl,
        (Flags & NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID KwfReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbl, ULONG Flags) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbl); UNREFERENCED_PARAMETER(Flags); }
VOID KwfCancelSend(NDIS_HANDLE Ctx, PVOID Id) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Id); }
VOID KwfDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT E) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(E); }
VOID KwfShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION A) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(A); }
VOID KwfCancelOidRequest(NDIS_HANDLE Ctx, PVOID Id) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Id); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    WDF_DRIVER_CONFIG Config;
    NTSTATUS Status;

    // A miniport's framework driver object: no AddDevice, NDIS keeps the dispatch table.
    WDF_DRIVER_CONFIG_INIT(&Config, WDF_NO_EVENT_CALLBACK);
    Config.DriverInitFlags |= WdfDriverInitNoDispatchOverride;
    Status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &Config, WDF_NO_HANDLE);
    if (!NT_SUCCESS(Status))
        return Status;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.MajorDriverVersion = 1; Chars.MinorDriverVersion = 0;
    Chars.InitializeHandlerEx = KwfInitializeEx;
    Chars.HaltHandlerEx = KwfHaltEx;
    Chars.UnloadHandler = KwfUnload;
    Chars.PauseHandler = KwfPause;
    Chars.RestartHandler = KwfRestart;
    Chars.OidRequestHandler = KwfOidRequest;
    Chars.SendNetBufferListsHandler = KwfSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = KwfReturnNetBufferLists;
    Chars.CancelSendHandler = KwfCancelSend;
    Chars.DevicePnPEventNotifyHandler = KwfDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = KwfShutdownEx;
    Chars.CancelOidRequestHandler = KwfCancelOidRequest;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &KwfDriverHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        WdfDriverMiniportUnload(WdfGetDriver());
    return Status;
}

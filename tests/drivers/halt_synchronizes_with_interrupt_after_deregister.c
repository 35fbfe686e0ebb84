// RUN: %ndisv check --verify %s
// Shows: MiniportHaltEx deregisters the interrupt and then calls a helper that masks the device's
// interrupts through NdisMSynchronizeWithInterruptEx on the interrupt that no longer exists. The same
// helper runs correctly in init's failure cleanup, before that path's deregistration.
// expected-verdict {{NdisMDeregisterInterruptEx: defect}}
// expected-verdict {{Init_RegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE SynDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE SynInitializeEx;
MINIPORT_HALT SynHaltEx;
MINIPORT_UNLOAD SynUnload;
MINIPORT_PAUSE SynPause;
MINIPORT_RESTART SynRestart;
MINIPORT_OID_REQUEST SynOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS SynSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS SynReturnNetBufferLists;
MINIPORT_CANCEL_SEND SynCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY SynDevicePnPEventNotify;
MINIPORT_SHUTDOWN SynShutdownEx;
MINIPORT_CANCEL_OID_REQUEST SynCancelOidRequest;

static NDIS_STATUS SynSetRegistrationAttributes(NDIS_HANDLE MiniportHandle, PVOID Adapter)
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
#define Syn_TAG 'ySnN'

typedef struct _Syn_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE Interrupt;
    ULONG       IntMask;
    BOOLEAN     Paused;
} Syn_ADAPTER, *PSyn_ADAPTER;

MINIPORT_ISR SynIsr;
MINIPORT_INTERRUPT_DPC SynInterruptDpc;
MINIPORT_ENABLE_INTERRUPT SynEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT SynDisableInterrupt;
BOOLEAN SynIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDefaultInterruptDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID SynInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }
VOID SynEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID SynDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

static BOOLEAN SynMaskAll(NDIS_HANDLE Context)
{
    ((PSyn_ADAPTER)Context)->IntMask = 0;
    return TRUE;
}

static VOID SynQuiesce(PSyn_ADAPTER Adapter)
{
    NdisMSynchronizeWithInterruptEx(Adapter->Interrupt, 0, SynMaskAll, Adapter); // expected-defect {{[NdisMDeregisterInterruptEx] NdisMSynchronizeWithInterruptEx is called with an interrupt that NdisMDeregisterInterruptEx already deregistered}}
}

static NDIS_STATUS SynStartHardware(PSyn_ADAPTER Adapter)
{
    UNREFERENCED_PARAMETER(Adapter);
    return NdisMGetBusData(Adapter->MiniportHandle, PCI_WHICHSPACE_CONFIG, 0, &Adapter->IntMask, 4) == 4
               ? NDIS_STATUS_SUCCESS : NDIS_STATUS_ADAPTER_NOT_FOUND;
}

NDIS_STATUS SynInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PSyn_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PSyn_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(Syn_ADAPTER), Syn_TAG,
                                                              NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(Syn_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = SynSetRegistrationAttributes(MiniportAdapterHandle, Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = SynIsr;
    Intr.InterruptDpcHandler = SynInterruptDpc;
    Intr.DisableInterruptHandler = SynDisableInterrupt;
    Intr.EnableInterruptHandler = SynEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->Interrupt);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    Status = SynStartHardware(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        SynQuiesce(Adapter);                           // before the deregistration: fine
        NdisMDeregisterInterruptEx(Adapter->Interrupt);
        goto FreeAdapter;
    }
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, Syn_TAG);
    return Status;
}

VOID SynHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PSyn_ADAPTER Adapter = (PSyn_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->Interrupt);
    SynQuiesce(Adapter);                               // BUG: after the deregistration
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, Syn_TAG);
}

// ---- the rest of the miniport: registration and the callbacks ndisv does not run on their own ----
NDIS_STATUS SynPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PSyn_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS SynRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PSyn_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS SynOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID SynSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PSyn_ADAPTER Adapter = (PSyn_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID SynReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID SynCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID SynDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID SynShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID SynCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID SynUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(SynDriverHandle); }

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
    Chars.InitializeHandlerEx = SynInitializeEx;
    Chars.HaltHandlerEx = SynHaltEx;
    Chars.UnloadHandler = SynUnload;
    Chars.PauseHandler = SynPause;
    Chars.RestartHandler = SynRestart;
    Chars.OidRequestHandler = SynOidRequest;
    Chars.SendNetBufferListsHandler = SynSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = SynReturnNetBufferLists;
    Chars.CancelSendHandler = SynCancelSend;
    Chars.DevicePnPEventNotifyHandler = SynDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = SynShutdownEx;
    Chars.CancelOidRequestHandler = SynCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SynDriverHandle);
}

// RUN: %ndisv check --rules Irql --verify %s
// Shows: a spin lock acquire raises the IRQL and never lowers it; its release gives back the
// IRQL the acquire saved. Below DISPATCH_LEVEL (the OID handler, at PASSIVE_LEVEL) the acquire
// raises to DISPATCH_LEVEL, so NdisCurrentProcessorIndex (DISPATCH_LEVEL only) is fine while
// the lock is held, and the release goes back to PASSIVE_LEVEL, so NdisMNetPnPEvent
// (PASSIVE_LEVEL only) is fine after it. Above it (two synchronized routines at DIRQL) the
// acquire is itself a defect, and the IRQL stays DIRQL: NdisMResetComplete (at most
// DISPATCH_LEVEL) is flagged while the lock is held, and again after the release. A model
// that set the IRQL to DISPATCH_LEVEL on the acquire would miss both.
// expected-verdict {{Irql_Synch_Function: defect}}
// expected-verdict {{ndisv_Irql_Documented: defect}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define LC_TAG 'cLdN'
#define LC_MAX_MULTICAST 8

typedef struct _LC_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE WorkItem;
    NDIS_SPIN_LOCK Lock;
    NDIS_SPIN_LOCK RxLock;
    PNDIS_OID_REQUEST PendingRequest;
    ULONG TxCount;
    ULONG Flags;
    ULONG PacketFilter;
    ULONG MulticastCount;
    UCHAR MulticastList[LC_MAX_MULTICAST][6];
    PNET_BUFFER_LIST TxQueue;
    NDIS_HANDLE Timer;
    NDIS_HANDLE DmaHandle;
} LC_ADAPTER, *PLC_ADAPTER;

static NDIS_HANDLE LcDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE LcInitializeEx;
MINIPORT_HALT LcHaltEx;
MINIPORT_UNLOAD LcUnload;
MINIPORT_PAUSE LcPause;
MINIPORT_RESTART LcRestart;
MINIPORT_OID_REQUEST LcOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS LcSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS LcReturnNetBufferLists;
MINIPORT_CANCEL_SEND LcCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY LcDevicePnPEventNotify;
MINIPORT_SHUTDOWN LcShutdownEx;
MINIPORT_CANCEL_OID_REQUEST LcCancelOidRequest;
MINIPORT_ISR LcIsr;
MINIPORT_INTERRUPT_DPC LcInterruptDpc;
NDIS_IO_WORKITEM_FUNCTION LcWorkItemRoutine;

BOOLEAN LcIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueMiniportInterruptDpcHandler, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueMiniportInterruptDpcHandler = TRUE;
    return TRUE;
}

VOID LcDpcWithSync(PLC_ADAPTER Adapter);

VOID LcInterruptDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    LcDpcWithSync((PLC_ADAPTER)MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

MINIPORT_SYNCHRONIZE_INTERRUPT LcSyncUnderLock;
MINIPORT_SYNCHRONIZE_INTERRUPT LcSyncAfterRelease;

// Runs at DIRQL, from the DPC: the acquire leaves the IRQL at DIRQL.
BOOLEAN LcSyncUnderLock(NDIS_HANDLE SynchronizeContext)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)SynchronizeContext;
    NdisAcquireSpinLock(&Adapter->Lock); // expected-defect {{[Irql_Synch_Function] above the highest IRQL}}
    NdisMResetComplete(Adapter->MiniportHandle, NDIS_STATUS_SUCCESS, FALSE); // expected-defect {{[ndisv_Irql_Documented] NdisMResetComplete is called above the highest IRQL}}
    NdisReleaseSpinLock(&Adapter->Lock);
    return TRUE;
}

// Runs at DIRQL, from the OID handler: the release gives back DIRQL, not PASSIVE_LEVEL.
BOOLEAN LcSyncAfterRelease(NDIS_HANDLE SynchronizeContext)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)SynchronizeContext;
    NdisAcquireSpinLock(&Adapter->Lock); // expected-defect {{[Irql_Synch_Function] above the highest IRQL}}
    Adapter->TxCount = 0;
    NdisReleaseSpinLock(&Adapter->Lock);
    NdisMResetComplete(Adapter->MiniportHandle, NDIS_STATUS_SUCCESS, FALSE); // expected-defect {{[ndisv_Irql_Documented] NdisMResetComplete is called above the highest IRQL}}
    return TRUE;
}

VOID LcDpcWithSync(PLC_ADAPTER Adapter)
{
    NdisMSynchronizeWithInterruptEx(Adapter->InterruptHandle, 0, LcSyncUnderLock, Adapter);
}

NDIS_STATUS LcOidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST NdisRequest)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportAdapterContext;
    NET_PNP_EVENT_NOTIFICATION Event;
    UNREFERENCED_PARAMETER(NdisRequest);
    // At PASSIVE_LEVEL: the acquire raises to DISPATCH_LEVEL, the release lowers back.
    NdisAcquireSpinLock(&Adapter->Lock);
    Adapter->Flags = NdisCurrentProcessorIndex();
    NdisReleaseSpinLock(&Adapter->Lock);
    NdisZeroMemory(&Event, sizeof(Event));
    NdisMNetPnPEvent(Adapter->MiniportHandle, &Event);
    NdisMSynchronizeWithInterruptEx(Adapter->InterruptHandle, 0, LcSyncAfterRelease, Adapter);
    return NDIS_STATUS_SUCCESS;
}

VOID LcWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    UNREFERENCED_PARAMETER(WorkItemContext);
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
}

VOID LcCancelOidRequest(NDIS_HANDLE MiniportAdapterContext, PVOID RequestId)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RequestId);
}

NDIS_STATUS LcInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PLC_ADAPTER Adapter;
    NDIS_STATUS Status;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(LC_ADAPTER), LC_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(LC_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    RegAttrs.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LC_TAG);
        return Status;
    }
    NdisAllocateSpinLock(&Adapter->Lock);
    NdisAllocateSpinLock(&Adapter->RxLock);
    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = LcIsr;
    Intr.InterruptDpcHandler = LcInterruptDpc;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        if (Adapter->WorkItem != NULL)
            NdisFreeIoWorkItem(Adapter->WorkItem);
        NdisFreeSpinLock(&Adapter->RxLock);
        NdisFreeSpinLock(&Adapter->Lock);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LC_TAG);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID LcHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    if (Adapter->WorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisFreeSpinLock(&Adapter->RxLock);
    NdisFreeSpinLock(&Adapter->Lock);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, LC_TAG);
}

VOID LcUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(LcDriverHandle);
}

NDIS_STATUS LcPause(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(Params);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS LcRestart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(Params);
    return NDIS_STATUS_SUCCESS;
}

VOID LcSendNetBufferLists(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists,
                          NDIS_PORT_NUMBER PortNumber, ULONG SendFlags)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(PortNumber);
    UNREFERENCED_PARAMETER(SendFlags);
    if (NET_BUFFER_LIST_FIRST_NB(NetBufferLists) == NULL) {
        NET_BUFFER_LIST_STATUS(NetBufferLists) = NDIS_STATUS_INVALID_PACKET;
        NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists, 0);
        return;
    }
    Adapter->TxCount++;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists, 0);
}

VOID LcReturnNetBufferLists(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists, ULONG ReturnFlags)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(NetBufferLists);
    UNREFERENCED_PARAMETER(ReturnFlags);
    UNREFERENCED_PARAMETER(Adapter);
}

VOID LcCancelSend(NDIS_HANDLE MiniportAdapterContext, PVOID CancelId)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(CancelId);
}

VOID LcDevicePnPEventNotify(NDIS_HANDLE MiniportAdapterContext, PNET_DEVICE_PNP_EVENT NetDevicePnPEvent)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(NetDevicePnPEvent);
}

VOID LcShutdownEx(NDIS_HANDLE MiniportAdapterContext, NDIS_SHUTDOWN_ACTION ShutdownAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(ShutdownAction);
}

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
    Chars.InitializeHandlerEx = LcInitializeEx;
    Chars.HaltHandlerEx = LcHaltEx;
    Chars.UnloadHandler = LcUnload;
    Chars.PauseHandler = LcPause;
    Chars.RestartHandler = LcRestart;
    Chars.OidRequestHandler = LcOidRequest;
    Chars.SendNetBufferListsHandler = LcSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = LcReturnNetBufferLists;
    Chars.CancelSendHandler = LcCancelSend;
    Chars.DevicePnPEventNotifyHandler = LcDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = LcShutdownEx;
    Chars.CancelOidRequestHandler = LcCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &LcDriverHandle);
}

// RUN: %ndisv check --rules PeriodicTimer --verify %s
// Shows: MiniportRestartEx starts a periodic watchdog timer; the DPC cancels it when the link
// drops, at DISPATCH_LEVEL, where only a one-shot timer may be cancelled.
// expected-verdict {{PeriodicTimer: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define LC_TAG 'cLdN'

typedef struct _LC_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE WorkItem;
    NDIS_SPIN_LOCK Lock;
    NDIS_SPIN_LOCK RxLock;
    PNDIS_OID_REQUEST PendingRequest;
    ULONG TxCount;
    ULONG Flags;
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
NDIS_TIMER_FUNCTION LcWatchdog;

VOID LcWatchdog(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2, PVOID SystemSpecific3)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)FunctionContext;
    UNREFERENCED_PARAMETER(SystemSpecific1);
    UNREFERENCED_PARAMETER(SystemSpecific2);
    UNREFERENCED_PARAMETER(SystemSpecific3);
    Adapter->TxCount = 0;
}

BOOLEAN LcIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueMiniportInterruptDpcHandler, PULONG TargetProcessors)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportInterruptContext;
    UNREFERENCED_PARAMETER(TargetProcessors);

    *QueueMiniportInterruptDpcHandler = TRUE;
    return TRUE;
}

VOID LcInterruptDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportInterruptContext;
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
    NdisCancelTimerObject(Adapter->Timer); // expected-defect {{[PeriodicTimer] NdisCancelTimerObject cancels a periodic timer above PASSIVE_LEVEL}}
}

VOID LcWorkItemRoutine(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)WorkItemContext;
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);

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
    {
        NDIS_TIMER_CHARACTERISTICS Tc;
        NdisZeroMemory(&Tc, sizeof(Tc));
        Tc.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
        Tc.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
        Tc.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
        Tc.AllocationTag = LC_TAG;
        Tc.TimerFunction = LcWatchdog;
        Tc.FunctionContext = Adapter;
        Status = NdisAllocateTimerObject(MiniportAdapterHandle, &Tc, &Adapter->Timer);
        if (Status != NDIS_STATUS_SUCCESS) {
            NdisFreeSpinLock(&Adapter->RxLock);
            NdisFreeSpinLock(&Adapter->Lock);
            NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LC_TAG);
            return Status;
        }
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = LcIsr;
    Intr.InterruptDpcHandler = LcInterruptDpc;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeTimerObject(Adapter->Timer);
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
    NdisCancelTimerObject(Adapter->Timer);
    NdisFreeTimerObject(Adapter->Timer);
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
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(Adapter);
    UNREFERENCED_PARAMETER(Params);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS LcRestart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportAdapterContext;
    LARGE_INTEGER Due;
    Due.QuadPart = -10000000;
    NdisSetTimerObject(Adapter->Timer, Due, 1000, Adapter);
    UNREFERENCED_PARAMETER(Params);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS LcOidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST NdisRequest)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(Adapter);
    UNREFERENCED_PARAMETER(NdisRequest);
    return NDIS_STATUS_SUCCESS;
}

VOID LcSendNetBufferLists(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists,
                          NDIS_PORT_NUMBER PortNumber, ULONG SendFlags)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(PortNumber);
    UNREFERENCED_PARAMETER(SendFlags);
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

VOID LcCancelOidRequest(NDIS_HANDLE MiniportAdapterContext, PVOID RequestId)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RequestId);
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

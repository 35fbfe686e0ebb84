// RUN: %ndisv check --rules Irql --verify %s
// Shows: SDV's IRQL rules on the callbacks NDIS runs at raised IRQL: the ISR (at DIRQL) calls one
// DDI of each family documented for DISPATCH_LEVEL at most, the DPC (at DISPATCH_LEVEL) calls two
// PASSIVE_LEVEL DDIs, and MiniportSendNetBufferLists asks KeGetCurrentIrql instead of its SendFlags.
// expected-verdict {{Irql_Synch_Function: defect}}
// expected-verdict {{Irql_StatusIndication_Function: defect}}
// expected-verdict {{Irql_OID_Function: defect}}
// expected-verdict {{Irql_SendRcv_Function: defect}}
// expected-verdict {{Irql_Miscellaneous_Function: defect}}
// expected-verdict {{Irql_NetBuffer_Function: defect}}
// expected-verdict {{Irql_Timer_Function: defect}}
// expected-verdict {{Irql_Gather_DMA_Function: defect}}
// expected-verdict {{Irql_Miniport_Driver_Function: defect}}
// expected-verdict {{Irql_Interrupt_Function: defect}}
// expected-verdict {{Irql_Interfaces_Function: defect}}
// expected-verdict {{Flags_Irql: defect}}

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



BOOLEAN LcIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueMiniportInterruptDpcHandler, PULONG TargetProcessors)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportInterruptContext;
    UNREFERENCED_PARAMETER(TargetProcessors);
    NDIS_STATUS_INDICATION Ind;
    LARGE_INTEGER Due;
    PVOID Mem;
    NdisZeroMemory(&Ind, sizeof(Ind));
    Due.QuadPart = -10000;
    NdisAcquireSpinLock(&Adapter->Lock); // expected-defect {{[Irql_Synch_Function] is called above the highest IRQL}}
    NdisReleaseSpinLock(&Adapter->Lock);
    NdisMIndicateStatusEx(Adapter->MiniportHandle, &Ind); // expected-defect {{[Irql_StatusIndication_Function] is called above the highest IRQL}}
    NdisMOidRequestComplete(Adapter->MiniportHandle, Adapter->PendingRequest, NDIS_STATUS_SUCCESS); // expected-defect {{[Irql_OID_Function] is called above the highest IRQL}}
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Adapter->TxQueue, 0); // expected-defect {{[Irql_SendRcv_Function] is called above the highest IRQL}}
    Mem = NdisAllocateMemoryWithTagPriority(Adapter->MiniportHandle, 64, LC_TAG, NormalPoolPriority); // expected-defect {{[Irql_Miscellaneous_Function] is called above the highest IRQL}}
    if (Mem != NULL)
        NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Mem, LC_TAG);
    NdisFreeNetBufferList(Adapter->TxQueue); // expected-defect {{[Irql_NetBuffer_Function] is called above the highest IRQL}}
    NdisSetTimerObject(Adapter->Timer, Due, 0, NULL); // expected-defect {{[Irql_Timer_Function] is called above the highest IRQL}}
    NdisMFreeNetBufferSGList(Adapter->DmaHandle, NULL, NULL); // expected-defect {{[Irql_Gather_DMA_Function] is called above the highest IRQL}}
    NdisMPauseComplete(Adapter->MiniportHandle); // expected-defect {{[Irql_Miniport_Driver_Function] is called above the highest IRQL}}
    *QueueMiniportInterruptDpcHandler = TRUE;
    return TRUE;
}

VOID LcInterruptDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext, PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    PLC_ADAPTER Adapter = (PLC_ADAPTER)MiniportInterruptContext;
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
    UINT32 Luid;
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle); // expected-defect {{[Irql_Interrupt_Function] NdisMDeregisterInterruptEx is called above}}
    NdisIfAllocateNetLuidIndex(IF_TYPE_ETHERNET_CSMACD, &Luid); // expected-defect {{[Irql_Interfaces_Function] NdisIfAllocateNetLuidIndex is called above}}
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

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = LcIsr;
    Intr.InterruptDpcHandler = LcInterruptDpc;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
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
    if (KeGetCurrentIrql() == DISPATCH_LEVEL) // expected-defect {{[Flags_Irql] KeGetCurrentIrql is called in MiniportSendNetBufferLists}}
        Adapter->Flags |= 4;
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

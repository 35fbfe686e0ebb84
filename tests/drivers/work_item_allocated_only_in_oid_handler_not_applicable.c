// RUN: %ndisv check --verify %s
// The only NdisAllocateIoWorkItem call is in the OID handler (deferring a packet-filter change) and is never freed;
// it does not happen during MiniportInitializeEx, so Init_NdisAllocateIoWorkItem does not apply. Interrupt: clean.
// expected-verdict {{Init_NdisAllocateIoWorkItem: not-applicable}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS660_MINIPORT 1
#include <ndis.h>

#define LARK_TAG 'kraL'

typedef struct _LARK_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE FilterWorkItem;     // allocated lazily by the OID handler
    ULONG       PendingPacketFilter;
    ULONG       PacketFilter;
} LARK_ADAPTER, *PLARK_ADAPTER;

static NDIS_HANDLE g_LarkDriverHandle;

MINIPORT_INITIALIZE LarkInitializeEx;
MINIPORT_HALT LarkHaltEx;
MINIPORT_UNLOAD LarkUnload;
MINIPORT_OID_REQUEST LarkOidRequest;
MINIPORT_ISR LarkIsr;
MINIPORT_INTERRUPT_DPC LarkDpc;
MINIPORT_DISABLE_INTERRUPT LarkDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT LarkEnableInterrupt;
NDIS_IO_WORKITEM_FUNCTION LarkApplyFilterWorkItem;

BOOLEAN LarkIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(TargetProcessors);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

VOID LarkDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
             PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{
    UNREFERENCED_PARAMETER(MiniportInterruptContext);
    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
}

VOID LarkDisableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }
VOID LarkEnableInterrupt(NDIS_HANDLE MiniportInterruptContext) { UNREFERENCED_PARAMETER(MiniportInterruptContext); }

VOID LarkApplyFilterWorkItem(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
    PLARK_ADAPTER Adapter = (PLARK_ADAPTER)WorkItemContext;
    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    Adapter->PacketFilter = Adapter->PendingPacketFilter;
    // The work item is kept for reuse and never freed (a leak, but not one made during MiniportInitializeEx).
}

NDIS_STATUS LarkOidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST OidRequest)
{
    PLARK_ADAPTER Adapter = (PLARK_ADAPTER)MiniportAdapterContext;

    if (OidRequest->RequestType != NdisRequestSetInformation ||
        OidRequest->DATA.SET_INFORMATION.Oid != OID_GEN_CURRENT_PACKET_FILTER ||
        OidRequest->DATA.SET_INFORMATION.InformationBufferLength < sizeof(ULONG)) {
        return NDIS_STATUS_NOT_SUPPORTED;
    }

    if (Adapter->FilterWorkItem == NULL) {
        Adapter->FilterWorkItem = NdisAllocateIoWorkItem(Adapter->AdapterHandle);
        if (Adapter->FilterWorkItem == NULL) {
            return NDIS_STATUS_RESOURCES;
        }
    }
    Adapter->PendingPacketFilter = *(PULONG)OidRequest->DATA.SET_INFORMATION.InformationBuffer;
    NdisQueueIoWorkItem(Adapter->FilterWorkItem, LarkApplyFilterWorkItem, Adapter);
    OidRequest->DATA.SET_INFORMATION.BytesRead = sizeof(ULONG);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS LarkInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                             PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    PLARK_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PLARK_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(LARK_ADAPTER),
                                                               LARK_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(LARK_ADAPTER));
    Adapter->AdapterHandle = MiniportAdapterHandle;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE;
    Reg.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LARK_TAG);
        return Status;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = LarkIsr;
    Intr.InterruptDpcHandler = LarkDpc;
    Intr.DisableInterruptHandler = LarkDisableInterrupt;
    Intr.EnableInterruptHandler = LarkEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LARK_TAG);
        return Status;
    }

    return NDIS_STATUS_SUCCESS;
}

VOID LarkHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PLARK_ADAPTER Adapter = (PLARK_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);

    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, LARK_TAG);
}

VOID LarkUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_LarkDriverHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NDIS_STATUS Status;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 60;
    Chars.InitializeHandlerEx = LarkInitializeEx;
    Chars.HaltHandlerEx = LarkHaltEx;
    Chars.OidRequestHandler = LarkOidRequest;
    Chars.UnloadHandler = LarkUnload;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &g_LarkDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

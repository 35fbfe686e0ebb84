// A small, correct miniport: the interrupt and the work item are released on
// every init failure and in halt. Roles come from role type declarations and
// assignments to NDIS_MINIPORT_DRIVER_CHARACTERISTICS fields.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

typedef struct _CLN_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE WorkItem;
} CLN_ADAPTER, *PCLN_ADAPTER;

static NDIS_HANDLE ClnDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE ClnInitializeEx;
MINIPORT_HALT ClnHaltEx;
MINIPORT_UNLOAD ClnUnload;
MINIPORT_ISR ClnIsr;
MINIPORT_INTERRUPT_DPC ClnDpc;

BOOLEAN ClnIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID ClnDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }

NDIS_STATUS ClnInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PCLN_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PCLN_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(CLN_ADAPTER),
                                                              'nlCn', NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(CLN_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    // The registration attributes hand the adapter block to NDIS, which passes it back to halt.
    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'nlCn');
        return Status;
    }

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.InterruptHandler = ClnIsr;
    Intr.InterruptDpcHandler = ClnDpc;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'nlCn');
        return Status;
    }

    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WorkItem == NULL) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'nlCn');
        return NDIS_STATUS_RESOURCES;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID ClnHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PCLN_ADAPTER Adapter = (PCLN_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, 'nlCn');
}

VOID ClnUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(ClnDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = ClnInitializeEx;
    Chars.HaltHandlerEx = ClnHaltEx;
    Chars.UnloadHandler = ClnUnload;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &ClnDriverHandle);
}

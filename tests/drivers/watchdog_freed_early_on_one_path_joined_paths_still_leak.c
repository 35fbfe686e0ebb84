// RUN: %ndisv check --verify %s
// Shows: init allocates a watchdog work item; one setting frees it again at once, another decides
// whether the halt frees it (KeepWatchdog). Then init scans its resource list, a loop head where
// paths wait and are joined. The path that kept the work item without KeepWatchdog leaks it in the
// halt. An over-eager join would merge it with the path that freed it (same adapter layout) or
// lose which KeepWatchdog went with which work item; ndisv joins only paths whose rule data are
// equal, and a joined flag stays unknown, so the leak is still reported.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define WFE_TAG 'efW'

typedef struct _WFE_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE Watchdog;
    BOOLEAN KeepWatchdog;
    ULONG Ports, Interrupts, Others;
} WFE_ADAPTER, *PWFE_ADAPTER;

static NDIS_HANDLE WfeDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE WfeInitializeEx;
MINIPORT_HALT WfeHaltEx;

NDIS_STATUS WfeInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    PWFE_ADAPTER Adapter;
    PNDIS_RESOURCE_LIST Resources = MiniportInitParameters->AllocatedResources;
    ULONG i;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), WFE_TAG,
                                                NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.MiniportAdapterContext = Adapter;
    Reg.InterfaceType = NdisInterfaceInternal;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, WFE_TAG);
        return Status;
    }

    Adapter->Watchdog = NdisAllocateIoWorkItem(MiniportAdapterHandle); // expected-note {{NdisAllocateIoWorkItem}}
    if (Adapter->Watchdog == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, WFE_TAG);
        return NDIS_STATUS_RESOURCES;
    }
    if (MiniportInitParameters->Flags & 1) {
        // No watchdog on this hardware after all.
        NdisFreeIoWorkItem(Adapter->Watchdog);
        Adapter->Watchdog = NULL;
    }
    if (MiniportInitParameters->Flags & 2)
        Adapter->KeepWatchdog = TRUE;

    if (Resources) {
        for (i = 0; i < Resources->Count; i++) {
            if (Resources->PartialDescriptors[i].Type == CmResourceTypePort)
                Adapter->Ports++;
            else if (Resources->PartialDescriptors[i].Type == CmResourceTypeInterrupt)
                Adapter->Interrupts++;
            else
                Adapter->Others++;
        }
    }
    return NDIS_STATUS_SUCCESS;
}

VOID WfeHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PWFE_ADAPTER Adapter = (PWFE_ADAPTER)MiniportAdapterContext;
    if (Adapter->KeepWatchdog && Adapter->Watchdog != NULL)
        NdisFreeIoWorkItem(Adapter->Watchdog);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, WFE_TAG);
} // expected-defect {{[ndisv_Init_IoWorkItem]}} expected-defect {{[Init_NdisAllocateIoWorkItem]}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = WfeInitializeEx;
    Chars.HaltHandlerEx = WfeHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &WfeDriverHandle);
}

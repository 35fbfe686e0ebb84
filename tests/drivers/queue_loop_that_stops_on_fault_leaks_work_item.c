// RUN: %ndisv check --verify %s
// Shows: as queue_loop_over_unknown_range_then_defensive_check_is_infeasible.c, but the loop stops at
// the first queue when the registry asks it to stop on a fault, so `i < QueueCount` can hold after it
// and that failure path leaks the watchdog work item: flagged.
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define QLF_TAG 'flQ'

typedef struct _QLF_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    ULONG FirstQueue;   // the first hardware queue this adapter owns (from the registry)
    ULONG QueueCount;   // one past the last one it owns (from the registry)
    ULONG QueuesStarted;
    BOOLEAN StopOnFault;
    NDIS_HANDLE WatchdogWorkItem;
} QLF_ADAPTER, *PQLF_ADAPTER;

static NDIS_HANDLE QlfDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE QlfInitializeEx;
MINIPORT_HALT QlfHaltEx;

static NDIS_STATUS QlfReadUlong(NDIS_HANDLE Config, PNDIS_STRING Keyword, ULONG *Value)
{
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_STATUS Status;
    NdisReadConfiguration(&Status, &Param, Config, Keyword, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS)
        *Value = Param->ParameterData.IntegerData;
    return Status;
}

static NDIS_STATUS QlfReadQueues(PQLF_ADAPTER Adapter)
{
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_STRING FirstKey = NDIS_STRING_CONST("FirstQueue");
    NDIS_STRING CountKey = NDIS_STRING_CONST("QueueCount");
    NDIS_STRING FaultKey = NDIS_STRING_CONST("StopOnFault");
    NDIS_HANDLE Config;
    NDIS_STATUS Status;
    ULONG Stop = 0;

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = Adapter->MiniportHandle;
    Status = NdisOpenConfigurationEx(&ConfigObject, &Config);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;
    Status = QlfReadUlong(Config, &FirstKey, &Adapter->FirstQueue);
    if (Status == NDIS_STATUS_SUCCESS)
        Status = QlfReadUlong(Config, &CountKey, &Adapter->QueueCount);
    if (Status == NDIS_STATUS_SUCCESS && QlfReadUlong(Config, &FaultKey, &Stop) == NDIS_STATUS_SUCCESS)
        Adapter->StopOnFault = Stop != 0;
    NdisCloseConfiguration(Config);
    return Status;
}

NDIS_STATUS QlfInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    PQLF_ADAPTER Adapter;
    ULONG i;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), QLF_TAG,
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
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    Status = QlfReadQueues(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    Adapter->WatchdogWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WatchdogWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeAdapter;
    }

    for (i = Adapter->FirstQueue; i < Adapter->QueueCount; i++) {
        if (Adapter->StopOnFault)
            break;
        Adapter->QueuesStarted++;
    }

    if (i < Adapter->QueueCount) {
        // Not every queue started.
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, QLF_TAG);
        return NDIS_STATUS_ADAPTER_NOT_READY; // expected-defect {{[ndisv_Init_IoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for Adapter->WatchdogWorkItem}} expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem}}
    }
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, QLF_TAG);
    return Status;
}

VOID QlfHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PQLF_ADAPTER Adapter = (PQLF_ADAPTER)MiniportAdapterContext;
    NdisFreeIoWorkItem(Adapter->WatchdogWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, QLF_TAG);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = QlfInitializeEx;
    Chars.HaltHandlerEx = QlfHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &QlfDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: init starts its hardware queues with `for (i = FirstQueue; i < QueueCount; i++)`, both bounds
// read from the registry, then checks `if (i < QueueCount)` and fails without freeing the watchdog work
// item. The loop has no break, so it only ends with i >= QueueCount and the check can never hold; a tool
// that forgets how the two unknowns compared reports a leak there. ndisv remembers the loop's exit
// relation for the path: pass.
// expected-verdict {{ndisv_Init_IoWorkItem: pass}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define QLR_TAG 'rlQ'

typedef struct _QLR_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    ULONG FirstQueue;   // the first hardware queue this adapter owns (from the registry)
    ULONG QueueCount;   // one past the last one it owns (from the registry)
    ULONG QueuesStarted;
    BOOLEAN StopOnFault;
    NDIS_HANDLE WatchdogWorkItem;
} QLR_ADAPTER, *PQLR_ADAPTER;

static NDIS_HANDLE QlrDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE QlrInitializeEx;
MINIPORT_HALT QlrHaltEx;

static NDIS_STATUS QlrReadUlong(NDIS_HANDLE Config, PNDIS_STRING Keyword, ULONG *Value)
{
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_STATUS Status;
    NdisReadConfiguration(&Status, &Param, Config, Keyword, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS)
        *Value = Param->ParameterData.IntegerData;
    return Status;
}

static NDIS_STATUS QlrReadQueues(PQLR_ADAPTER Adapter)
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
    Status = QlrReadUlong(Config, &FirstKey, &Adapter->FirstQueue);
    if (Status == NDIS_STATUS_SUCCESS)
        Status = QlrReadUlong(Config, &CountKey, &Adapter->QueueCount);
    if (Status == NDIS_STATUS_SUCCESS && QlrReadUlong(Config, &FaultKey, &Stop) == NDIS_STATUS_SUCCESS)
        Adapter->StopOnFault = Stop != 0;
    NdisCloseConfiguration(Config);
    return Status;
}

NDIS_STATUS QlrInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    PQLR_ADAPTER Adapter;
    ULONG i;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), QLR_TAG,
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

    Status = QlrReadQueues(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    Adapter->WatchdogWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WatchdogWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeAdapter;
    }

    for (i = Adapter->FirstQueue; i < Adapter->QueueCount; i++)
        Adapter->QueuesStarted++;

    if (i < Adapter->QueueCount) {
        // Not every queue started.
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, QLR_TAG);
        return NDIS_STATUS_ADAPTER_NOT_READY;
    }
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, QLR_TAG);
    return Status;
}

VOID QlrHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PQLR_ADAPTER Adapter = (PQLR_ADAPTER)MiniportAdapterContext;
    NdisFreeIoWorkItem(Adapter->WatchdogWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, QLR_TAG);
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
    Chars.InitializeHandlerEx = QlrInitializeEx;
    Chars.HaltHandlerEx = QlrHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &QlrDriverHandle);
}

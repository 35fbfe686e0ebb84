// RUN: %ndisv check --verify %s
// Shows: a per-chip operations table indexed by a revision read from the registry (checked against the
// table's size). Revision A's Setup allocates a work item and its Teardown frees it without a NULL check;
// revision B's Setup allocates nothing and its Teardown frees nothing. Each Teardown matches its own
// Setup only: a tool that picks the two routines independently pairs A's Setup with B's Teardown and
// reports a leak that cannot happen. ndisv follows each table entry as one path: pass.
// expected-verdict {{ndisv_Init_IoWorkItem: pass}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define OPT_TAG 'tpO'

typedef struct _OPT_ADAPTER *POPT_ADAPTER;

// What differs between the chip revisions the driver supports.
typedef struct _OPT_CHIP_OPS {
    NDIS_STATUS (*Setup)(POPT_ADAPTER Adapter);
    VOID (*Teardown)(POPT_ADAPTER Adapter);
} OPT_CHIP_OPS;

typedef struct _OPT_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    ULONG Revision;
    const OPT_CHIP_OPS *Ops;
    NDIS_HANDLE ResetWorkItem;
} OPT_ADAPTER;

static NDIS_HANDLE OptDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE OptInitializeEx;
MINIPORT_HALT OptHaltEx;

static NDIS_STATUS OptRevASetup(POPT_ADAPTER Adapter)
{
    // This revision needs a work item to recover from a stalled DMA engine.
    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (Adapter->ResetWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OptRevBSetup(POPT_ADAPTER Adapter)
{
    // This revision recovers in hardware: no work item.
    return NDIS_STATUS_SUCCESS;
}


static VOID OptRevATeardown(POPT_ADAPTER Adapter)
{
    NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OptRevBTeardown(POPT_ADAPTER Adapter)
{
    // Revision B's setup allocated nothing.
    Adapter->Revision = 0;
}

static const OPT_CHIP_OPS OptChipOps[] = {
    { OptRevASetup, OptRevATeardown },
    { OptRevBSetup, OptRevBTeardown },
};

static NDIS_STATUS OptReadRevision(POPT_ADAPTER Adapter)
{
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_STRING Keyword = NDIS_STRING_CONST("ChipRevision");
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_HANDLE Config;
    NDIS_STATUS Status;

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = Adapter->MiniportHandle;
    Status = NdisOpenConfigurationEx(&ConfigObject, &Config);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;
    NdisReadConfiguration(&Status, &Param, Config, &Keyword, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS)
        Adapter->Revision = Param->ParameterData.IntegerData;
    NdisCloseConfiguration(Config);
    return Status;
}

NDIS_STATUS OptInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    POPT_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), OPT_TAG,
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

    Status = OptReadRevision(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    if (Adapter->Revision >= RTL_NUMBER_OF(OptChipOps)) {
        Status = NDIS_STATUS_NOT_SUPPORTED;
        goto FreeAdapter;
    }
    Adapter->Ops = &OptChipOps[Adapter->Revision];
    Status = Adapter->Ops->Setup(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, OPT_TAG);
    return Status;
}

VOID OptHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    POPT_ADAPTER Adapter = (POPT_ADAPTER)MiniportAdapterContext;
    Adapter->Ops->Teardown(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, OPT_TAG);
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
    Chars.InitializeHandlerEx = OptInitializeEx;
    Chars.HaltHandlerEx = OptHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &OptDriverHandle);
}

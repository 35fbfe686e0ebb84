// RUN: %ndisv check --verify %s
// Shows: init picks a per-chip operations table by a revision read from the registry (unknown to ndisv)
// and calls its Setup through a function pointer; both revisions' Setup allocate a work item, but
// revision B's Teardown, which halt calls through the same table, forgets to free it. The revision is
// checked against the table's size, so ndisv follows each entry as a path of its own (setup and teardown
// from the same entry) and finds the leak on revision B's (it used to drop the call and call the rule not
// applicable).
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define OPL_TAG 'lpO'

typedef struct _OPL_ADAPTER *POPL_ADAPTER;

// What differs between the chip revisions the driver supports.
typedef struct _OPL_CHIP_OPS {
    NDIS_STATUS (*Setup)(POPL_ADAPTER Adapter);
    VOID (*Teardown)(POPL_ADAPTER Adapter);
} OPL_CHIP_OPS;

typedef struct _OPL_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    ULONG Revision;
    const OPL_CHIP_OPS *Ops;
    NDIS_HANDLE ResetWorkItem;
} OPL_ADAPTER;

static NDIS_HANDLE OplDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE OplInitializeEx;
MINIPORT_HALT OplHaltEx;

static NDIS_STATUS OplRevASetup(POPL_ADAPTER Adapter)
{
    // This revision needs a work item to recover from a stalled DMA engine.
    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (Adapter->ResetWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OplRevBSetup(POPL_ADAPTER Adapter)
{
    // This revision needs a work item to recover from a stalled DMA engine.
    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (Adapter->ResetWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}


static VOID OplRevATeardown(POPL_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OplRevBTeardown(POPL_ADAPTER Adapter)
{
    // Forgets the work item its setup allocated.
    Adapter->Revision = 0;
}

static const OPL_CHIP_OPS OplChipOps[] = {
    { OplRevASetup, OplRevATeardown },
    { OplRevBSetup, OplRevBTeardown },
};

static NDIS_STATUS OplReadRevision(POPL_ADAPTER Adapter)
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

NDIS_STATUS OplInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    POPL_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), OPL_TAG,
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

    Status = OplReadRevision(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    if (Adapter->Revision >= RTL_NUMBER_OF(OplChipOps)) {
        Status = NDIS_STATUS_NOT_SUPPORTED;
        goto FreeAdapter;
    }
    Adapter->Ops = &OplChipOps[Adapter->Revision]; // expected-note {{selects entry 1 of 'OplChipOps' (one of 2)}}
    Status = Adapter->Ops->Setup(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, OPL_TAG);
    return Status;
}

VOID OplHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    POPL_ADAPTER Adapter = (POPL_ADAPTER)MiniportAdapterContext;
    Adapter->Ops->Teardown(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, OPL_TAG);
} // expected-defect {{[ndisv_Init_IoWorkItem] MiniportHaltEx returns without calling NdisFreeIoWorkItem for Adapter->ResetWorkItem}} expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportHaltEx returns without calling NdisFreeIoWorkItem}}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = OplInitializeEx;
    Chars.HaltHandlerEx = OplHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &OplDriverHandle);
}

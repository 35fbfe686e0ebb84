// RUN: %ndisv check --verify %s
// Shows: as ops_table_chip_setup_leaks_work_item_in_halt.c (revision B's Teardown forgets the work item
// its Setup allocated), but the operations are found through a map of 20 revisions to two families,
// more entries than ndisv follows one by one. The pointer read from the map is unknown, so the calls
// through it are explored over every function of their type whose address is taken, and the leak is
// still found.
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define OPK_TAG 'kpO'

typedef struct _OPK_ADAPTER *POPK_ADAPTER;

// What differs between the chip revisions the driver supports.
typedef struct _OPK_CHIP_OPS {
    NDIS_STATUS (*Setup)(POPK_ADAPTER Adapter);
    VOID (*Teardown)(POPK_ADAPTER Adapter);
} OPK_CHIP_OPS;

typedef struct _OPK_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    ULONG Revision;
    const OPK_CHIP_OPS *Ops;
    NDIS_HANDLE ResetWorkItem;
} OPK_ADAPTER;

static NDIS_HANDLE OpkDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE OpkInitializeEx;
MINIPORT_HALT OpkHaltEx;

static NDIS_STATUS OpkRevASetup(POPK_ADAPTER Adapter)
{
    // This revision needs a work item to recover from a stalled DMA engine.
    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (Adapter->ResetWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpkRevBSetup(POPK_ADAPTER Adapter)
{
    // This revision needs a work item to recover from a stalled DMA engine.
    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (Adapter->ResetWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}


static VOID OpkRevATeardown(POPK_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpkRevBTeardown(POPK_ADAPTER Adapter)
{
    // Forgets the work item its setup allocated.
    Adapter->Revision = 0;
}

static const OPK_CHIP_OPS OpkRevAOps = { OpkRevASetup, OpkRevATeardown };
static const OPK_CHIP_OPS OpkRevBOps = { OpkRevBSetup, OpkRevBTeardown };
// Revision -> operations: the revisions of one family share their routines.
static const OPK_CHIP_OPS *const OpkOpsByRevision[20] = {
    &OpkRevAOps, &OpkRevAOps, &OpkRevAOps, &OpkRevAOps,
    &OpkRevAOps, &OpkRevAOps, &OpkRevAOps, &OpkRevAOps,
    &OpkRevAOps, &OpkRevAOps, &OpkRevBOps, &OpkRevBOps,
    &OpkRevBOps, &OpkRevBOps, &OpkRevBOps, &OpkRevBOps,
    &OpkRevBOps, &OpkRevBOps, &OpkRevBOps, &OpkRevBOps
};

static NDIS_STATUS OpkReadRevision(POPK_ADAPTER Adapter)
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

NDIS_STATUS OpkInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    POPK_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), OPK_TAG,
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

    Status = OpkReadRevision(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    if (Adapter->Revision >= RTL_NUMBER_OF(OpkOpsByRevision)) {
        Status = NDIS_STATUS_NOT_SUPPORTED;
        goto FreeAdapter;
    }
    Adapter->Ops = OpkOpsByRevision[Adapter->Revision];
    Status = Adapter->Ops->Setup(Adapter); // expected-note {{Assuming the function pointer calls 'OpkRevBSetup' (one of 2 functions of its type whose address is taken)}}
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, OPK_TAG);
    return Status;
}

VOID OpkHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    POPK_ADAPTER Adapter = (POPK_ADAPTER)MiniportAdapterContext;
    Adapter->Ops->Teardown(Adapter); // expected-note {{Assuming the function pointer calls 'OpkRevBTeardown' (one of 2 functions of its type whose address is taken)}}
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, OPK_TAG);
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
    Chars.InitializeHandlerEx = OpkInitializeEx;
    Chars.HaltHandlerEx = OpkHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &OpkDriverHandle);
}

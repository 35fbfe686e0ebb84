// RUN: %ndisv check --verify %s
// Shows: a map of 20 chip revisions to three families of operations, read with the revision from the
// registry; init calls the family's Setup and halt its Teardown through the pointer read from the map,
// which ndisv does not know (more entries than it follows one by one). Each call is explored over the
// functions of its type whose address is taken; every Teardown frees the work item if one was
// allocated, so no pairing leaks: pass.
// expected-verdict {{ndisv_Init_IoWorkItem: pass}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define OPR_TAG 'rpO'

typedef struct _OPR_ADAPTER *POPR_ADAPTER;

// What differs between the chip revisions the driver supports.
typedef struct _OPR_CHIP_OPS {
    NDIS_STATUS (*Setup)(POPR_ADAPTER Adapter);
    VOID (*Teardown)(POPR_ADAPTER Adapter);
} OPR_CHIP_OPS;

typedef struct _OPR_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    ULONG Revision;
    const OPR_CHIP_OPS *Ops;
    NDIS_HANDLE ResetWorkItem;
} OPR_ADAPTER;

static NDIS_HANDLE OprDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE OprInitializeEx;
MINIPORT_HALT OprHaltEx;

static NDIS_STATUS OprRevASetup(POPR_ADAPTER Adapter)
{
    // This revision needs a work item to recover from a stalled DMA engine.
    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (Adapter->ResetWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OprRevBSetup(POPR_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OprRevCSetup(POPR_ADAPTER Adapter)
{
    // This revision needs a work item to recover from a stalled DMA engine.
    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (Adapter->ResetWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}


static VOID OprRevATeardown(POPR_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OprRevBTeardown(POPR_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OprRevCTeardown(POPR_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static const OPR_CHIP_OPS OprRevAOps = { OprRevASetup, OprRevATeardown };
static const OPR_CHIP_OPS OprRevBOps = { OprRevBSetup, OprRevBTeardown };
static const OPR_CHIP_OPS OprRevCOps = { OprRevCSetup, OprRevCTeardown };
// Revision -> operations: the revisions of one family share their routines.
static const OPR_CHIP_OPS *const OprOpsByRevision[20] = {
    &OprRevAOps, &OprRevAOps, &OprRevAOps, &OprRevAOps,
    &OprRevAOps, &OprRevAOps, &OprRevBOps, &OprRevBOps,
    &OprRevBOps, &OprRevBOps, &OprRevBOps, &OprRevBOps,
    &OprRevCOps, &OprRevCOps, &OprRevCOps, &OprRevCOps,
    &OprRevCOps, &OprRevCOps, &OprRevCOps, &OprRevCOps
};

static NDIS_STATUS OprReadRevision(POPR_ADAPTER Adapter)
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

NDIS_STATUS OprInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    POPR_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), OPR_TAG,
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

    Status = OprReadRevision(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    if (Adapter->Revision >= RTL_NUMBER_OF(OprOpsByRevision)) {
        Status = NDIS_STATUS_NOT_SUPPORTED;
        goto FreeAdapter;
    }
    Adapter->Ops = OprOpsByRevision[Adapter->Revision];
    Status = Adapter->Ops->Setup(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, OPR_TAG);
    return Status;
}

VOID OprHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    POPR_ADAPTER Adapter = (POPR_ADAPTER)MiniportAdapterContext;
    Adapter->Ops->Teardown(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, OPR_TAG);
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
    Chars.InitializeHandlerEx = OprInitializeEx;
    Chars.HaltHandlerEx = OprHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &OprDriverHandle);
}

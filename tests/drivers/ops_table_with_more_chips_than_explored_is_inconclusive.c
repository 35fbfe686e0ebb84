// RUN: %ndisv check --verify %s
// Shows: an operations table for 18 chip revisions, indexed by a revision read from the registry: more
// entries than ndisv follows one by one, so the pointer read from it is unknown. ndisv explores at most
// 16 targets of a call through an unknown function pointer (--max-indirect-targets);
// the two left over may allocate a work item (the last revision's Setup does), so the work item rules
// are inconclusive, naming the call site, while rules none of them concern keep their verdicts.
// expected-verdict {{ndisv_Init_IoWorkItem: inconclusive}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: inconclusive}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define OPM_TAG 'mpO'

typedef struct _OPM_ADAPTER *POPM_ADAPTER;

// What differs between the chip revisions the driver supports.
typedef struct _OPM_CHIP_OPS {
    NDIS_STATUS (*Setup)(POPM_ADAPTER Adapter);
    VOID (*Teardown)(POPM_ADAPTER Adapter);
} OPM_CHIP_OPS;

typedef struct _OPM_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    ULONG Revision;
    const OPM_CHIP_OPS *Ops;
    NDIS_HANDLE ResetWorkItem;
} OPM_ADAPTER;

static NDIS_HANDLE OpmDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE OpmInitializeEx;
MINIPORT_HALT OpmHaltEx;

static NDIS_STATUS OpmRev00Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev01Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev02Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev03Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev04Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev05Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev06Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev07Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev08Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev09Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev10Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev11Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev12Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev13Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev14Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev15Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev16Setup(POPM_ADAPTER Adapter)
{
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS OpmRev17Setup(POPM_ADAPTER Adapter)
{
    // This revision needs a work item to recover from a stalled DMA engine.
    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (Adapter->ResetWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}


static VOID OpmRev00Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev01Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev02Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev03Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev04Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev05Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev06Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev07Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev08Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev09Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev10Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev11Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev12Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev13Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev14Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev15Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev16Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static VOID OpmRev17Teardown(POPM_ADAPTER Adapter)
{
    if (Adapter->ResetWorkItem != NULL)
        NdisFreeIoWorkItem(Adapter->ResetWorkItem);
}

static const OPM_CHIP_OPS OpmChipOps[] = {
    { OpmRev00Setup, OpmRev00Teardown },
    { OpmRev01Setup, OpmRev01Teardown },
    { OpmRev02Setup, OpmRev02Teardown },
    { OpmRev03Setup, OpmRev03Teardown },
    { OpmRev04Setup, OpmRev04Teardown },
    { OpmRev05Setup, OpmRev05Teardown },
    { OpmRev06Setup, OpmRev06Teardown },
    { OpmRev07Setup, OpmRev07Teardown },
    { OpmRev08Setup, OpmRev08Teardown },
    { OpmRev09Setup, OpmRev09Teardown },
    { OpmRev10Setup, OpmRev10Teardown },
    { OpmRev11Setup, OpmRev11Teardown },
    { OpmRev12Setup, OpmRev12Teardown },
    { OpmRev13Setup, OpmRev13Teardown },
    { OpmRev14Setup, OpmRev14Teardown },
    { OpmRev15Setup, OpmRev15Teardown },
    { OpmRev16Setup, OpmRev16Teardown },
    { OpmRev17Setup, OpmRev17Teardown }
};

static NDIS_STATUS OpmReadRevision(POPM_ADAPTER Adapter)
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

NDIS_STATUS OpmInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    POPM_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), OPM_TAG,
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

    Status = OpmReadRevision(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    if (Adapter->Revision >= RTL_NUMBER_OF(OpmChipOps)) {
        Status = NDIS_STATUS_NOT_SUPPORTED;
        goto FreeAdapter;
    }
    Adapter->Ops = &OpmChipOps[Adapter->Revision];
    Status = Adapter->Ops->Setup(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, OPM_TAG);
    return Status;
}

VOID OpmHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    POPM_ADAPTER Adapter = (POPM_ADAPTER)MiniportAdapterContext;
    Adapter->Ops->Teardown(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, OPM_TAG);
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
    Chars.InitializeHandlerEx = OpmInitializeEx;
    Chars.HaltHandlerEx = OpmHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &OpmDriverHandle);
}

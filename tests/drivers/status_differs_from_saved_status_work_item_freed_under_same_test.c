// RUN: %ndisv check --verify %s
// Shows: init allocates a recovery work item only when the status the device reports differs from the
// one saved in the registry (two unknowns), and halt frees it under the same test. A tool that does not
// remember how two unknowns compared lets halt's test go the other way and reports a leak that cannot
// happen; ndisv keeps the relation (BootStatus != SavedStatus) for the path: pass.
// expected-verdict {{ndisv_Init_IoWorkItem: pass}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define SDS_TAG 'sdS'

typedef struct _SDS_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_STATUS BootStatus;   // what the device reports now
    NDIS_STATUS SavedStatus;  // what the previous instance saved at its halt
    NDIS_HANDLE RecoveryWorkItem;
} SDS_ADAPTER, *PSDS_ADAPTER;

static NDIS_HANDLE SdsDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE SdsInitializeEx;
MINIPORT_HALT SdsHaltEx;

static NDIS_STATUS SdsReadStatus(NDIS_HANDLE Config, PNDIS_STRING Keyword, NDIS_STATUS *Value)
{
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_STATUS Status;
    NdisReadConfiguration(&Status, &Param, Config, Keyword, NdisParameterHexInteger);
    if (Status == NDIS_STATUS_SUCCESS)
        *Value = (NDIS_STATUS)Param->ParameterData.IntegerData;
    return Status;
}

static NDIS_STATUS SdsReadStatuses(PSDS_ADAPTER Adapter)
{
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_STRING BootKey = NDIS_STRING_CONST("BootStatus");
    NDIS_STRING SavedKey = NDIS_STRING_CONST("SavedStatus");
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
    Status = SdsReadStatus(Config, &BootKey, &Adapter->BootStatus);
    if (Status == NDIS_STATUS_SUCCESS)
        Status = SdsReadStatus(Config, &SavedKey, &Adapter->SavedStatus);
    NdisCloseConfiguration(Config);
    return Status;
}

NDIS_STATUS SdsInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    PSDS_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), SDS_TAG,
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

    Status = SdsReadStatuses(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    // The previous instance did not halt the way the device now reports: recover later, from a work item.
    if (Adapter->BootStatus != Adapter->SavedStatus) {
        Adapter->RecoveryWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
        if (Adapter->RecoveryWorkItem == NULL) {
            Status = NDIS_STATUS_RESOURCES;
            goto FreeAdapter;
        }
    }
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SDS_TAG);
    return Status;
}

VOID SdsHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PSDS_ADAPTER Adapter = (PSDS_ADAPTER)MiniportAdapterContext;
    if (Adapter->BootStatus != Adapter->SavedStatus)
        NdisFreeIoWorkItem(Adapter->RecoveryWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, SDS_TAG);
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
    Chars.InitializeHandlerEx = SdsInitializeEx;
    Chars.HaltHandlerEx = SdsHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SdsDriverHandle);
}

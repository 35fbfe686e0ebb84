// RUN: %ndisv check --verify %s
// Shows: as status_differs_from_saved_status_work_item_freed_under_same_test.c, but halt frees the work
// item only when BootStatus < SavedStatus, which the init's test (BootStatus != SavedStatus) does not
// imply: with BootStatus > SavedStatus the work item leaks, and ndisv says so.
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define SDW_TAG 'wdS'

typedef struct _SDW_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_STATUS BootStatus;   // what the device reports now
    NDIS_STATUS SavedStatus;  // what the previous instance saved at its halt
    NDIS_HANDLE RecoveryWorkItem;
} SDW_ADAPTER, *PSDW_ADAPTER;

static NDIS_HANDLE SdwDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE SdwInitializeEx;
MINIPORT_HALT SdwHaltEx;

static NDIS_STATUS SdwReadStatus(NDIS_HANDLE Config, PNDIS_STRING Keyword, NDIS_STATUS *Value)
{
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_STATUS Status;
    NdisReadConfiguration(&Status, &Param, Config, Keyword, NdisParameterHexInteger);
    if (Status == NDIS_STATUS_SUCCESS)
        *Value = (NDIS_STATUS)Param->ParameterData.IntegerData;
    return Status;
}

static NDIS_STATUS SdwReadStatuses(PSDW_ADAPTER Adapter)
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
    Status = SdwReadStatus(Config, &BootKey, &Adapter->BootStatus);
    if (Status == NDIS_STATUS_SUCCESS)
        Status = SdwReadStatus(Config, &SavedKey, &Adapter->SavedStatus);
    NdisCloseConfiguration(Config);
    return Status;
}

NDIS_STATUS SdwInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    PSDW_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), SDW_TAG,
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

    Status = SdwReadStatuses(Adapter);
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
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SDW_TAG);
    return Status;
}

VOID SdwHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PSDW_ADAPTER Adapter = (PSDW_ADAPTER)MiniportAdapterContext;
    if ((LONG)Adapter->BootStatus < (LONG)Adapter->SavedStatus)
        NdisFreeIoWorkItem(Adapter->RecoveryWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, SDW_TAG);
} // expected-defect {{[ndisv_Init_IoWorkItem] MiniportHaltEx returns without calling NdisFreeIoWorkItem for Adapter->RecoveryWorkItem}} expected-defect {{[Init_NdisAllocateIoWorkItem] MiniportHaltEx returns without calling NdisFreeIoWorkItem}}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = SdwInitializeEx;
    Chars.HaltHandlerEx = SdwHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SdwDriverHandle);
}

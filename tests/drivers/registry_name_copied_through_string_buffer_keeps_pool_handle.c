// RUN: %ndisv check --verify %s
// Shows: as registry_name_copied_into_adapter_buffer_keeps_pool_handle.c, but the copy goes through a
// UNICODE_STRING whose Buffer points into the adapter (the shape of tap-windows6's NetCfgInstanceId). The
// pointer stored in Buffer was made by indexing the adapter's InstanceName array, so the copy of unknown
// length stays within that array: the pool's handle after it is kept, halt's NULL check on it goes one
// way, and the rule passes.
// expected-verdict {{ndisv_Init_NetBufferListPool: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define RNL_TAG 'lNrR'

typedef struct _RNL_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    WCHAR       InstanceName[64];
    UNICODE_STRING Instance;
    NDIS_HANDLE RecvPool;
} RNL_ADAPTER, *PRNL_ADAPTER;

static NDIS_HANDLE RnlDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE RnlInitializeEx;
MINIPORT_HALT RnlHaltEx;

static NDIS_STATUS RnlReadName(PRNL_ADAPTER Adapter, NDIS_HANDLE Config)
{
    NDIS_STRING Keyword = NDIS_STRING_CONST("NetCfgInstanceId");
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_STATUS Status;
    NdisReadConfiguration(&Status, &Param, Config, &Keyword, NdisParameterString);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;
    if (Param->ParameterData.StringData.Length >= sizeof(Adapter->InstanceName))
        return NDIS_STATUS_INVALID_DATA;
    Adapter->Instance.Buffer = Adapter->InstanceName;
    Adapter->Instance.Length = Param->ParameterData.StringData.Length;
    NdisMoveMemory(Adapter->Instance.Buffer, Param->ParameterData.StringData.Buffer,
                   Adapter->Instance.Length);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS RnlInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NET_BUFFER_LIST_POOL_PARAMETERS PoolParams;
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE Config;
    NDIS_STATUS Status;
    PRNL_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), RNL_TAG,
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

    NdisZeroMemory(&PoolParams, sizeof(PoolParams));
    PoolParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    PoolParams.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    PoolParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    PoolParams.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
    PoolParams.fAllocateNetBuffer = TRUE;
    PoolParams.PoolTag = RNL_TAG;
    Adapter->RecvPool = NdisAllocateNetBufferListPool(MiniportAdapterHandle, &PoolParams);
    if (Adapter->RecvPool == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeAdapter;
    }

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = MiniportAdapterHandle;
    Status = NdisOpenConfigurationEx(&ConfigObject, &Config);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreePool;
    Status = RnlReadName(Adapter, Config);
    NdisCloseConfiguration(Config);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreePool;
    return NDIS_STATUS_SUCCESS;

FreePool:
    NdisFreeNetBufferListPool(Adapter->RecvPool);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RNL_TAG);
    return Status;
}

VOID RnlHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PRNL_ADAPTER Adapter = (PRNL_ADAPTER)MiniportAdapterContext;
    if (Adapter->RecvPool != NULL)
        NdisFreeNetBufferListPool(Adapter->RecvPool);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, RNL_TAG);
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
    Chars.InitializeHandlerEx = RnlInitializeEx;
    Chars.HaltHandlerEx = RnlHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &RnlDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: init copies a registry blob of unknown length (at most the adapter's size) over the whole
// adapter, which does hold the receive pool's handle. ndisv cannot tell what the handle is afterwards, so
// halt's NULL check could go either way: it says it lost track of the handle (inconclusive), neither a
// leak nor a pass. Contrast registry_name_copied_through_string_buffer_keeps_pool_handle.c, whose copy
// stays within a name buffer.
// expected-verdict {{ndisv_Init_NetBufferListPool: inconclusive}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define RNO_TAG 'oNrR'

typedef struct _RNO_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    WCHAR       InstanceName[64];
    UNICODE_STRING Instance;
    NDIS_HANDLE RecvPool;
} RNO_ADAPTER, *PRNO_ADAPTER;

static NDIS_HANDLE RnoDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE RnoInitializeEx;
MINIPORT_HALT RnoHaltEx;

static NDIS_STATUS RnoReadName(PRNO_ADAPTER Adapter, NDIS_HANDLE Config)
{
    NDIS_STRING Keyword = NDIS_STRING_CONST("SavedAdapterState");
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_STATUS Status;
    NdisReadConfiguration(&Status, &Param, Config, &Keyword, NdisParameterBinary);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;
    if (Param->ParameterData.BinaryData.Length > sizeof(*Adapter))
        return NDIS_STATUS_INVALID_DATA;
    // Restores the whole adapter, the pool's handle included, from the registry.
    NdisMoveMemory(Adapter, Param->ParameterData.BinaryData.Buffer,
                   Param->ParameterData.BinaryData.Length);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS RnoInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NET_BUFFER_LIST_POOL_PARAMETERS PoolParams;
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE Config;
    NDIS_STATUS Status;
    PRNO_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), RNO_TAG,
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
    PoolParams.PoolTag = RNO_TAG;
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
    Status = RnoReadName(Adapter, Config);
    NdisCloseConfiguration(Config);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreePool;
    return NDIS_STATUS_SUCCESS;

FreePool:
    NdisFreeNetBufferListPool(Adapter->RecvPool);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RNO_TAG);
    return Status;
}

VOID RnoHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PRNO_ADAPTER Adapter = (PRNO_ADAPTER)MiniportAdapterContext;
    if (Adapter->RecvPool != NULL)
        NdisFreeNetBufferListPool(Adapter->RecvPool);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, RNO_TAG);
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
    Chars.InitializeHandlerEx = RnoInitializeEx;
    Chars.HaltHandlerEx = RnoHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &RnoDriverHandle);
}

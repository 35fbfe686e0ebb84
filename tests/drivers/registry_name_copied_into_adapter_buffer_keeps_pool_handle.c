// RUN: %ndisv check --verify %s
// Shows: init copies a registry string of unknown length into a name buffer inside the adapter, next to
// the receive pool's handle; halt frees the pool if it is not NULL. The copy stays within the buffer
// (it is an array member), so the handle after it is kept and the halt's NULL check goes one way: pass.
// expected-verdict {{ndisv_Init_NetBufferListPool: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define RNC_TAG 'cNrR'

typedef struct _RNC_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    WCHAR       InstanceName[64];
    NDIS_HANDLE RecvPool;
} RNC_ADAPTER, *PRNC_ADAPTER;

static NDIS_HANDLE RncDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE RncInitializeEx;
MINIPORT_HALT RncHaltEx;

static NDIS_STATUS RncReadName(PRNC_ADAPTER Adapter, NDIS_HANDLE Config)
{
    NDIS_STRING Keyword = NDIS_STRING_CONST("NetCfgInstanceId");
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_STATUS Status;
    NdisReadConfiguration(&Status, &Param, Config, &Keyword, NdisParameterString);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;
    if (Param->ParameterData.StringData.Length >= sizeof(Adapter->InstanceName))
        return NDIS_STATUS_INVALID_DATA;
    NdisMoveMemory(Adapter->InstanceName, Param->ParameterData.StringData.Buffer,
                   Param->ParameterData.StringData.Length);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS RncInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NET_BUFFER_LIST_POOL_PARAMETERS PoolParams;
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE Config;
    NDIS_STATUS Status;
    PRNC_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), RNC_TAG,
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
    PoolParams.PoolTag = RNC_TAG;
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
    Status = RncReadName(Adapter, Config);
    NdisCloseConfiguration(Config);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreePool;
    return NDIS_STATUS_SUCCESS;

FreePool:
    NdisFreeNetBufferListPool(Adapter->RecvPool);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RNC_TAG);
    return Status;
}

VOID RncHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PRNC_ADAPTER Adapter = (PRNC_ADAPTER)MiniportAdapterContext;
    if (Adapter->RecvPool != NULL)
        NdisFreeNetBufferListPool(Adapter->RecvPool);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, RNC_TAG);
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
    Chars.InitializeHandlerEx = RncInitializeEx;
    Chars.HaltHandlerEx = RncHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &RncDriverHandle);
}

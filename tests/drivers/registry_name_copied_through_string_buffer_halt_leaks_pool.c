// RUN: %ndisv check --verify %s
// Shows: as registry_name_copied_through_string_buffer_keeps_pool_handle.c (a registry string of unknown
// length copied through a UNICODE_STRING into a name buffer inside the adapter), but halt frees only the
// adapter. The copy stays within the name buffer, so the pool's handle is still tracked and the leak is
// reported, not lost track of.
// expected-verdict {{ndisv_Init_NetBufferListPool: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define RNX_TAG 'xNrR'

typedef struct _RNX_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    WCHAR       InstanceName[64];
    UNICODE_STRING Instance;
    NDIS_HANDLE RecvPool;
} RNX_ADAPTER, *PRNX_ADAPTER;

static NDIS_HANDLE RnxDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE RnxInitializeEx;
MINIPORT_HALT RnxHaltEx;

static NDIS_STATUS RnxReadName(PRNX_ADAPTER Adapter, NDIS_HANDLE Config)
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

NDIS_STATUS RnxInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NET_BUFFER_LIST_POOL_PARAMETERS PoolParams;
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE Config;
    NDIS_STATUS Status;
    PRNX_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), RNX_TAG,
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
    PoolParams.PoolTag = RNX_TAG;
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
    Status = RnxReadName(Adapter, Config);
    NdisCloseConfiguration(Config);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreePool;
    return NDIS_STATUS_SUCCESS;

FreePool:
    NdisFreeNetBufferListPool(Adapter->RecvPool);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RNX_TAG);
    return Status;
}

VOID RnxHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PRNX_ADAPTER Adapter = (PRNX_ADAPTER)MiniportAdapterContext;
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, RNX_TAG);
} // expected-defect {{[ndisv_Init_NetBufferListPool] MiniportHaltEx returns without calling NdisFreeNetBufferListPool for Adapter->RecvPool}}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = RnxInitializeEx;
    Chars.HaltHandlerEx = RnxHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &RnxDriverHandle);
}

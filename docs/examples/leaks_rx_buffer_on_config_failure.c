// An example driver for docs/rule-language.md: MiniportInitializeEx
// allocates an adapter block and a receive buffer, and leaks the receive
// buffer when NdisOpenConfigurationEx fails.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS683_MINIPORT 1
#include <ndis.h>

#define EX_TAG 'xEdN'

typedef struct _EX_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PVOID       RxBuffer;
} EX_ADAPTER, *PEX_ADAPTER;

static NDIS_HANDLE ExDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE ExInitializeEx;
MINIPORT_HALT ExHaltEx;

NDIS_STATUS ExInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE ConfigHandle = NULL;
    PEX_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(EX_ADAPTER), EX_TAG,
                                                NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(EX_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, EX_TAG);
        return Status;
    }

    Adapter->RxBuffer = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, 2048, EX_TAG,
                                                          NormalPoolPriority);
    if (Adapter->RxBuffer == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, EX_TAG);
        return NDIS_STATUS_RESOURCES;
    }

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = MiniportAdapterHandle;
    Status = NdisOpenConfigurationEx(&ConfigObject, &ConfigHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, EX_TAG); // forgets Adapter->RxBuffer
        return Status;
    }
    NdisCloseConfiguration(ConfigHandle);
    return NDIS_STATUS_SUCCESS;
}

VOID ExHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PEX_ADAPTER Adapter = (PEX_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->RxBuffer, EX_TAG);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, EX_TAG);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 83;
    Chars.InitializeHandlerEx = ExInitializeEx;
    Chars.HaltHandlerEx = ExHaltEx;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &ExDriverHandle);
}

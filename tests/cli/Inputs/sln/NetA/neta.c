// The solution's clean miniport: the work item is freed on every path.
#include <ndis.h>

// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}

static NDIS_HANDLE NetADriverHandle;
static NDIS_HANDLE NetAWorkItem;
MINIPORT_INITIALIZE NetAInitializeEx;
MINIPORT_HALT NetAHaltEx;

NDIS_STATUS NetAInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                             PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    NetAWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (NetAWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}

VOID NetAHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(NetAWorkItem);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = NetAInitializeEx;
    Chars.HaltHandlerEx = NetAHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &NetADriverHandle);
}

// The Release build leaks the work item when NdisMSetMiniportAttributes
// fails (line 28); the Debug build frees it (VP_FREE_ON_FAILURE).
#include <ndis.h>
#include "vp_config.h"
#ifdef VP_HELPERS_ITEM
#error "VP_HELPERS_ITEM belongs to helpers.c only"
#endif

static NDIS_HANDLE VpDriverHandle;
static NDIS_HANDLE VpWorkItem;

NDIS_STATUS VpInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    VpWorkItem = VpAllocateWorkItem(MiniportAdapterHandle);
    if (VpWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    if (NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs) != NDIS_STATUS_SUCCESS) {
#ifdef VP_FREE_ON_FAILURE
        NdisFreeIoWorkItem(VpWorkItem);
#endif
        return NDIS_STATUS_FAILURE;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID VpHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(VpWorkItem);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = VpInitializeEx;
    Chars.HaltHandlerEx = VpHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &VpDriverHandle);
}

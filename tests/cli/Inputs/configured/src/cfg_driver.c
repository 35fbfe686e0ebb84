// Compiles only when the build defines NDIS620_MINIPORT and HAVE_FEATURE=1
// and puts ../inc on the include path. Init leaks the work item when
// NdisMSetMiniportAttributes fails (on line 35), so a run that compiled it
// reports an Init_NdisAllocateIoWorkItem defect there.
#define NDIS_MINIPORT_DRIVER 1
#ifndef NDIS620_MINIPORT
#error "NDIS620_MINIPORT must come from the build"
#endif
#if !defined(HAVE_FEATURE) || HAVE_FEATURE != 1
#error "HAVE_FEATURE=1 must come from the build"
#endif
#include <ndis.h>
#include "cfg_feature.h"

static NDIS_HANDLE CfgDriverHandle;
static NDIS_HANDLE CfgWorkItem;

MINIPORT_INITIALIZE CfgInitializeEx;
MINIPORT_HALT CfgHaltEx;

NDIS_STATUS CfgInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    CfgWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (CfgWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    if (NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs) != NDIS_STATUS_SUCCESS)
        return NDIS_STATUS_FAILURE;
    return NDIS_STATUS_SUCCESS;
}

VOID CfgHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(CfgWorkItem);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = CfgInitializeEx;
    Chars.HaltHandlerEx = CfgHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &CfgDriverHandle);
}

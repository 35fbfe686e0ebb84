// Init leaks the work item when the attributes fail, unless
// SgFreeOnFailure is set (it is not: the header initializes it to 0).
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>
#include "sg_globals.h"

MINIPORT_INITIALIZE SgInitializeEx;

NDIS_STATUS SgInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    SgWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (SgWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    if (NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs) != NDIS_STATUS_SUCCESS) {
        if (SgFreeOnFailure)
            NdisFreeIoWorkItem(SgWorkItem);
        return NDIS_STATUS_FAILURE;
    }
    return NDIS_STATUS_SUCCESS;
}

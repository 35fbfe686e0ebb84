// Compiles only with the options of build/driver.rsp (a response file, as
// msbuild hands cl.exe its options) and the header forced in with /FI.
// Init leaks the work item when NdisMSetMiniportAttributes fails (line 28).
#ifndef RSP_FORCED_HEADER
#error "forced.h must be force-included (/FI)"
#endif
#if !defined(RSP_FROM_FILE) || RSP_FROM_FILE != 1
#error "RSP_FROM_FILE=1 must come from the response file"
#endif
#include <ndis.h>
#include "rsp_inc.h"

static NDIS_HANDLE RspDriverHandle;
static NDIS_HANDLE RspWorkItem;

MINIPORT_INITIALIZE RspInitializeEx;
MINIPORT_HALT RspHaltEx;

NDIS_STATUS RspInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    RspWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (RspWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    if (NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs) != NDIS_STATUS_SUCCESS)
        return NDIS_STATUS_FAILURE;
    return NDIS_STATUS_SUCCESS;
}

VOID RspHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    NdisFreeIoWorkItem(RspWorkItem);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.InitializeHandlerEx = RspInitializeEx;
    Chars.HaltHandlerEx = RspHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &RspDriverHandle);
}

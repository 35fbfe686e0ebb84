// The solution's leaking miniport; it compiles only in the configuration
// the solution maps its Release|x64 to.
#include <ndis.h>

// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}

#ifndef NETB_CONFIGURED
#error evaluated in a configuration the solution does not map Release|x64 to
#endif

static NDIS_HANDLE NetBDriverHandle;
MINIPORT_INITIALIZE NetBInitializeEx;
MINIPORT_HALT NetBHaltEx;

NDIS_STATUS NetBInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                             PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_HANDLE WorkItem;
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (WorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_FAILURE; // expected-defect {{[Init_NdisAllocateIoWorkItem] fails without calling NdisFreeIoWorkItem}}
}

VOID NetBHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = NetBInitializeEx;
    Chars.HaltHandlerEx = NetBHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &NetBDriverHandle);
}

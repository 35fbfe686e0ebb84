// RUN: sh -c '%ndisv check %ndisv_cli_rules --color=never %s; echo "exit: $?"' > %t.out 2>&1
// RUN: FileCheck %s --check-prefix=TRACE --strict-whitespace < %t.out
//
// A switch on the status whose arm for a failure other than
// NDIS_STATUS_RESOURCES returns without freeing the work item. The trace
// names the arm the path's value chose (in hex, as statuses read) and the
// value that chose it; the `break` of the success arm, which the failing
// path never ran, is not a step.
//
// TRACE:      switch_decides.c:[[#%d,RET:]]:9: warning: [Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem
// TRACE:      switch_decides.c:[[#%d,SW:]]:5: note: Taking case 0xC0000001 of the switch on 'Status' (Status = 0xC0000001), which leads to this exit{{$}}
// TRACE-NEXT: switch_decides.c:[[#RET]]:9: note: 'SwInitializeEx' returns a failure status
// TRACE-NOT: Jumping to line
// TRACE-NOT: 'break'
// TRACE:      exit: 1
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE SwDriverHandle;
static NDIS_HANDLE SwWorkItem;

MINIPORT_INITIALIZE SwInitializeEx;
MINIPORT_HALT SwHaltEx;

static NDIS_STATUS SwSetAttributes(NDIS_HANDLE MiniportAdapterHandle)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    return NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
}

NDIS_STATUS SwInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    SwWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (SwWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    Status = SwSetAttributes(MiniportAdapterHandle);
    switch (Status) {
    case NDIS_STATUS_SUCCESS:
        break;
    case NDIS_STATUS_RESOURCES:
        NdisFreeIoWorkItem(SwWorkItem);
        return Status;
    case NDIS_STATUS_FAILURE:
        return Status; // the bug: the work item stays allocated
    default:
        NdisFreeIoWorkItem(SwWorkItem);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID SwHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(SwWorkItem);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = SwInitializeEx;
    Chars.HaltHandlerEx = SwHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SwDriverHandle);
}

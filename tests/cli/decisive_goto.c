// RUN: sh -c '%ndisv check %ndisv_cli_rules --color=never %s; echo "exit: $?"' > %t.out 2>&1
// RUN: FileCheck %s --check-prefix=TRACE --strict-whitespace < %t.out
//
// A goto-cleanup MiniportInitializeEx whose early `goto Out` jumps over the
// `Fail:` label that frees the work item. The trace names the `if` that
// decided (with the status that decided it) and then the goto that skipped
// the release, with the line it lands on; the ends of `if` bodies the path
// merely fell through are not steps.
//
// TRACE-NOT: Jumping to line
// TRACE:      decisive_goto.c:[[#%d,RET:]]:5: warning: [Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem
// TRACE:      decisive_goto.c:[[#%d,IF:]]:9: note: Taking the true branch of 'Status != 0' (Status = 0xC0000001), which leads to this exit{{$}}
// TRACE-NEXT: decisive_goto.c:[[#IF+1]]:9: note: 'goto Out' skips to line [[#RET]]{{$}}
// TRACE-NEXT: decisive_goto.c:[[#RET]]:5: note: 'GtInitializeEx' returns a failure status
// TRACE-NOT: Jumping to line
// TRACE:      exit: 1
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE GtDriverHandle;
static NDIS_HANDLE GtWorkItem;

MINIPORT_INITIALIZE GtInitializeEx;
MINIPORT_HALT GtHaltEx;

static NDIS_STATUS GtSetAttributes(NDIS_HANDLE MiniportAdapterHandle)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    return NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
}

NDIS_STATUS GtInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    GtWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (GtWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto Out;
    }
    Status = GtSetAttributes(MiniportAdapterHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        goto Out; // the bug: should be goto Fail
    Status = GtSetAttributes(MiniportAdapterHandle);
    if (Status != NDIS_STATUS_SUCCESS)
        goto Fail;
    return NDIS_STATUS_SUCCESS;

Fail:
    NdisFreeIoWorkItem(GtWorkItem);
Out:
    return Status;
}

VOID GtHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(GtWorkItem);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = GtInitializeEx;
    Chars.HaltHandlerEx = GtHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &GtDriverHandle);
}

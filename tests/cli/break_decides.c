// RUN: sh -c '%ndisv check %ndisv_cli_rules --color=never %s; echo "exit: $?"' > %t.out 2>&1
// RUN: FileCheck %s --check-prefix=TRACE --strict-whitespace < %t.out
//
// Attribute blocks set in a loop; a failing one breaks out of the loop and
// init returns its status with the work item still allocated. The trace
// names the iteration the call failed in, the `if` inside the loop that
// decided, and the `break` that left the loop, with the line it lands on.
//
// TRACE:      break_decides.c:[[#%d,RET:]]:5: warning: [Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem
// TRACE:      note: Calling 'BkSetAttributes' (iteration 1){{$}}
// TRACE:      break_decides.c:[[#%d,IF:]]:13: note: Taking the true branch of 'Status != 0' (Status = 0xC0000001), which leads to this exit (iteration 1){{$}}
// TRACE-NEXT: break_decides.c:[[#IF+1]]:13: note: 'break' skips to line [[#RET]] (iteration 1){{$}}
// TRACE-NEXT: break_decides.c:[[#RET]]:5: note: 'BkInitializeEx' returns a failure status
// TRACE-NOT: Jumping to line
// TRACE:      exit: 1
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE BkDriverHandle;
static NDIS_HANDLE BkWorkItem;

MINIPORT_INITIALIZE BkInitializeEx;
MINIPORT_HALT BkHaltEx;

static NDIS_STATUS BkSetAttributes(NDIS_HANDLE MiniportAdapterHandle)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    return NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
}

NDIS_STATUS BkInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;
    ULONG Block;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    BkWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (BkWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    for (Block = 0; Block < 2; Block++) {
        Status = BkSetAttributes(MiniportAdapterHandle);
        if (Status != NDIS_STATUS_SUCCESS)
            break; // the bug: the work item stays allocated
    }
    return Status;
}

VOID BkHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(BkWorkItem);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = BkInitializeEx;
    Chars.HaltHandlerEx = BkHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &BkDriverHandle);
}

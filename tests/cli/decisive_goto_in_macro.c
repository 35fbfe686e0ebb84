// RUN: sh -c '%ndisv check %ndisv_cli_rules --color=never %s; echo "exit: $?"' > %t.out 2>&1
// RUN: FileCheck %s --check-prefix=TRACE --strict-whitespace < %t.out
//
// decisive_goto.c with its gotos in a macro (GT_CHECK). The debug location
// of a macro's code is its invocation's, so the source text there is
// `GT_CHECK(Status, Out);`, not `goto`: the trace names the jump by the
// invocation and by what the macro's #define says (its label argument).
// The trap: GT_COUNT's do/while(0) ends with a branch the engine records
// as a jump, but its #define holds no goto or break: no step.
//
// The same macros from outside the file (-D, as a header's): named by the
// invocation alone; GT_COUNT's branch lands on the next statement, skipping
// no code, so it is no step.
// RUN: sed '/^#define GT_/d' %s > %t.c
// RUN: sh -c '%ndisv check %ndisv_cli_rules --color=never -D "GT_COUNT(s)=do { GtFailures += (s) != 0; } while (0)" -D "GT_CHECK(s,l)=if ((s) != 0) goto l" %t.c; echo "exit: $?"' > %t2.out 2>&1
// RUN: FileCheck %s --check-prefix=HDR < %t2.out
// HDR:     note: Taking the true branch of 'Status != 0'
// HDR-NEXT: note: 'GT_CHECK(Status, Out)' skips to line
// HDR-NOT: GT_COUNT
// HDR:     exit: 1
//
// TRACE-NOT: Jumping to line
// TRACE:      decisive_goto_in_macro.c:[[#%d,RET:]]:5: warning: [Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem
// TRACE:      decisive_goto_in_macro.c:[[#%d,IF:]]:5: note: Taking the true branch of 'Status != 0' (Status = 0xC0000001), which leads to this exit{{$}}
// TRACE-NEXT: decisive_goto_in_macro.c:[[#IF]]:5: note: 'goto Out' in 'GT_CHECK(Status, Out)' skips to line [[#RET-1]]{{$}}
// TRACE-NEXT: decisive_goto_in_macro.c:[[#RET]]:5: note: 'GtInitializeEx' returns a failure status
// TRACE-NOT: Jumping to line
// TRACE-NOT: GT_COUNT
// TRACE:      exit: 1
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

// The goto is in a macro: the trace names it from the macro's invocation.
#define GT_CHECK(s, label) if ((s) != NDIS_STATUS_SUCCESS) goto label
// A trap: the end of a do/while(0) in a macro jumps nowhere in the source.
#define GT_COUNT(s) do { GtFailures += (s) != NDIS_STATUS_SUCCESS; } while (0)

static ULONG GtFailures;

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

    GT_CHECK(Status, Out); // the bug: should be Fail
    Status = GtSetAttributes(MiniportAdapterHandle);
    GT_CHECK(Status, Fail);
    return NDIS_STATUS_SUCCESS;

Fail:
    NdisFreeIoWorkItem(GtWorkItem);
Out:
    GT_COUNT(Status);
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

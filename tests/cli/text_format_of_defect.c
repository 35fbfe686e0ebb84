// RUN: sh -c '%ndisv check %ndisv_cli_rules --color=false %s; echo "exit: $?"' > %t.out 2>&1
// RUN: FileCheck %s --check-prefix=WARN --strict-whitespace < %t.out
// RUN: FileCheck %s --check-prefix=NOTE --strict-whitespace < %t.out
// RUN: sh -c '%ndisv check %ndisv_cli_rules --color=false --verbose %s; echo "exit: $?"' 2>&1 | FileCheck %s --check-prefix=VERBOSE --strict-whitespace
//
// The text report of a defect: a "file:line:col: warning: [Rule] message"
// line at the return that leaves MiniportInitializeEx, then the trace as
// "note:" lines indented by two spaces (two more inside a called helper),
// then "ndisv: compiled N of M translation units" and a table with one row
// per rule, in rule-name order: verdict, defects, origin, reason, aligned.
//
// NOTE:      {{^}}{{.*}}text_format_of_defect.c:{{[0-9]+}}:{{[0-9]+}}: warning: [Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem{{.*}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE TfDriverHandle;
static NDIS_HANDLE TfWorkItem;

MINIPORT_INITIALIZE TfInitializeEx;
MINIPORT_HALT TfHaltEx;

static NDIS_STATUS TfSetAttributes(NDIS_HANDLE MiniportAdapterHandle);

// NOTE-NEXT: {{^  [^ ]}}{{.*}}text_format_of_defect.c:[[#@LINE+1]]: note: NDIS calls 'TfInitializeEx'
NDIS_STATUS TfInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

// NOTE-NEXT: {{^  [^ ]}}{{.*}}text_format_of_defect.c:[[#@LINE+2]]:18: note: NdisAllocateIoWorkItem succeeds
// NOTE-NEXT: {{^  [^ ]}}{{.*}}text_format_of_defect.c:[[#@LINE+1]]:18: note: work item allocated by NdisAllocateIoWorkItem
    TfWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (TfWorkItem == NULL)
        return NDIS_STATUS_RESOURCES;

// NOTE-NEXT: {{^  [^ ]}}{{.*}}text_format_of_defect.c:[[#@LINE+1]]:14: note: Calling 'TfSetAttributes'
    Status = TfSetAttributes(MiniportAdapterHandle);
// The helper's own steps are indented two more spaces.
// NOTE-NEXT: {{^    [^ ]}}{{.*}}text_format_of_defect.c:{{[0-9]+}}:12: note: NdisMSetMiniportAttributes fails
// NOTE-NEXT: {{^  [^ ]}}{{.*}}text_format_of_defect.c:{{[0-9]+}}:5: note: Returning from 'TfSetAttributes'
// The branch the failure decided, with its condition and the value:
// NOTE-NEXT: {{^  [^ ]}}{{.*}}text_format_of_defect.c:[[#@LINE+1]]:9: note: Taking the true branch of 'Status != 0' (Status = 0xC0000001), which leads to this exit{{$}}
    if (Status != NDIS_STATUS_SUCCESS)
// WARN:      {{^}}{{.*}}text_format_of_defect.c:[[#@LINE+2]]:9: warning: [Init_NdisAllocateIoWorkItem] MiniportInitializeEx fails without calling NdisFreeIoWorkItem for the work item allocated by NdisAllocateIoWorkItem{{$}}
// NOTE-NEXT: {{^  [^ ]}}{{.*}}text_format_of_defect.c:[[#@LINE+1]]:9: note: 'TfInitializeEx' returns a failure status
        return Status;
    return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS TfSetAttributes(NDIS_HANDLE MiniportAdapterHandle)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    return NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
}

VOID TfHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(TfWorkItem);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = TfInitializeEx;
    Chars.HaltHandlerEx = TfHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &TfDriverHandle);
}

// The summary follows the last note: defects first, rules that do not
// apply on one line.
// WARN:      {{^}}ndisv: compiled 1 of 1 translation units{{$}}
// WARN-NEXT: {{^}}ndisv: rule                         verdict  defects  origin{{$}}
// WARN-NEXT: {{^}}ndisv: Init_NdisAllocateIoWorkItem: defect         1  sdv{{$}}
// WARN-NEXT: {{^}}ndisv: not applicable (2 rules, --verbose says why): Init_DeRegisterInterrupt, Init_RegisterInterrupt{{$}}
// WARN-NEXT: {{^}}exit: 1{{$}}
// With --verbose, each rule has its row and its reason.
// VERBOSE:      {{^}}ndisv: compiled 1 of 1 translation units{{$}}
// VERBOSE-NEXT: {{^}}ndisv: rule                         verdict         defects  origin  reason{{$}}
// VERBOSE-NEXT: {{^}}ndisv: Init_NdisAllocateIoWorkItem: defect                1  sdv{{$}}
// VERBOSE-NEXT: {{^}}ndisv: Init_DeRegisterInterrupt:    not-applicable        0  sdv     NdisMRegisterInterruptEx is never called {{.*[^ ]$}}
// VERBOSE-NEXT: {{^}}ndisv: Init_RegisterInterrupt:      not-applicable        0  sdv     NdisMRegisterInterruptEx is never called {{.*[^ ]$}}
// VERBOSE-NEXT: {{^}}exit: 1{{$}}
// WARN-NOT:  warning:

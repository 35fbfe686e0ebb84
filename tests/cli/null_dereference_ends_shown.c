// RUN: rm -rf %t && mkdir -p %t
// RUN: %ndisv check %ndisv_cli_rules --sarif %t/out.sarif --html %t/html %s > %t/out.txt 2>&1
// RUN: FileCheck %s --check-prefix=TEXT < %t/out.txt
// RUN: FileCheck %s --check-prefix=SARIF < %t/out.sarif
// RUN: FileCheck %s --check-prefix=HTML < %t/html/index.html
//
// A path that ends at a load or store through NULL is not explored further: what the
// driver does after it (here: everything init does after the ring's first use, and the
// halt) was not checked. A pass says so, with how many paths ended where: in the verdict
// table's reason, in SARIF's runs[0].properties.ruleBounds and in the HTML verdict table.
// The ring pointer is set only by a routine the harness never runs, so to ndisv it is the
// NULL the global starts as.
//
// The same driver, checking the ring first, and with its allocation NULL-checked, has
// no such bound.
// RUN: %ndisv check %ndisv_cli_rules -D NE_CHECKED=1 %s > %t/checked.txt 2>&1
// RUN: FileCheck %s --check-prefix=CHECKED --implicit-check-not="dereference of NULL" < %t/checked.txt
// CHECKED: ndisv: Init_NdisAllocateIoWorkItem: pass
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

typedef struct _NE_RING {
    ULONG Head;
    ULONG Tail;
} NE_RING, *PNE_RING;

typedef struct _NE_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE WorkItem;
} NE_ADAPTER, *PNE_ADAPTER;

static NDIS_HANDLE NeDriverHandle;
static PNE_RING NeSharedRing; // set when user mode maps the ring: never, to the harness

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE NeInitializeEx;
MINIPORT_HALT NeHaltEx;
MINIPORT_UNLOAD NeUnload;

VOID NeMapRing(PNE_RING Ring)
{
    NeSharedRing = Ring;
}

NDIS_STATUS NeInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PNE_ADAPTER Adapter;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PNE_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(NE_ADAPTER),
                                                             'eNeN', NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(NE_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'eNeN');
        return Status;
    }

    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WorkItem == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, 'eNeN');
        return NDIS_STATUS_RESOURCES;
    }
#ifdef NE_CHECKED
    if (NeSharedRing != NULL)
#endif
    // TEXT: ndisv: Init_NdisAllocateIoWorkItem: pass {{.*}}holds only under bounds: 1 path ended at a dereference of NULL at null_dereference_ends_shown.c:[[@LINE+5]]
    // SARIF:      "ruleBounds": {
    // SARIF-NEXT:   "Init_NdisAllocateIoWorkItem": [
    // SARIF-NEXT:     "1 path ended at a dereference of NULL at null_dereference_ends_shown.c:[[@LINE+2]]"
    // HTML: <span class="bounds">holds only under bounds:<br>1 path ended at a dereference of NULL at null_dereference_ends_shown.c:[[@LINE+1]]</span>
    NeSharedRing->Head = 0;
    return NDIS_STATUS_SUCCESS;
}

VOID NeHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PNE_ADAPTER Adapter = (PNE_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, 'eNeN');
}

VOID NeUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(NeDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = NeInitializeEx;
    Chars.HaltHandlerEx = NeHaltEx;
    Chars.UnloadHandler = NeUnload;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &NeDriverHandle);
}

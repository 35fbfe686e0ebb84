// RUN: %ndisv check --list-entry-points %s | FileCheck %s --implicit-check-not=ndisv: --implicit-check-not=warning:
// RUN: %ndisv check --list-entry-points %s 2>&1 | count 5
//
// --list-entry-points prints one line per role function: the role, the
// function, where it is defined, and every way ndisv found it. It only lists:
// no verification, no summary (no "ndisv:" line), exit code 0. This
// driver uses every way ndisv knows: a role type declaration (EpInitializeEx),
// a _Function_class_ annotation (EpHaltEx), C99 designated initializers of the
// characteristics object (InitializeHandlerEx, HaltHandlerEx), plain
// assignments to its fields (PauseHandler, UnloadHandler) and DriverEntry by
// name.

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE EpDriverHandle;

MINIPORT_INITIALIZE EpInitializeEx;

// CHECK-DAG: MINIPORT_INITIALIZE EpInitializeEx {{.*}}list_entry_points.c:[[#@LINE+1]] {{.*}}role type declaration{{.*}}InitializeHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS
NDIS_STATUS EpInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterHandle);
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    return NDIS_STATUS_SUCCESS;
}

// CHECK-DAG: MINIPORT_HALT EpHaltEx {{.*}}list_entry_points.c:[[#@LINE+2]] {{.*}}HaltHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS{{.*}}_Function_class_ annotation
_Function_class_(MINIPORT_HALT)
static VOID EpHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
}

// CHECK-DAG: MINIPORT_PAUSE EpPause {{.*}}list_entry_points.c:[[#@LINE+1]] {{.*}}PauseHandler in NDIS_MINIPORT_DRIVER_CHARACTERISTICS
static NDIS_STATUS EpPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }

// CHECK-DAG: MINIPORT_UNLOAD EpUnload {{.*}}list_entry_points.c:[[#@LINE+1]] {{.*}}UnloadHandler in NDIS_MINIPORT_DRIVER_CHARACTERISTICS
static VOID EpUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(EpDriverHandle); }

// CHECK-DAG: DRIVER_INITIALIZE DriverEntry {{.*}}list_entry_points.c:[[#@LINE+1]] {{.*}}by name
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars = {
        .Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS,
        .Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2,
        .Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2,
        .MajorNdisVersion = 6,
        .MinorNdisVersion = 20,
        .InitializeHandlerEx = EpInitializeEx,
        .HaltHandlerEx = EpHaltEx,
    };

    Chars.PauseHandler = EpPause;
    Chars.UnloadHandler = EpUnload;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &EpDriverHandle);
}

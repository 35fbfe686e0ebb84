// RUN: %ndisv check --list-entry-points %s | FileCheck %s --match-full-lines --implicit-check-not=ndisv:
//
// --list-entry-points prints one line per (role, function, how): the role,
// the function, how ndisv found it, and where the function is defined. This
// driver uses every way ndisv knows: a role type declaration (EpInitializeEx),
// a _Function_class_ annotation (EpHaltEx), C99 designated initializers of the
// characteristics object (InitializeHandlerEx, HaltHandlerEx), plain
// assignments to its fields (PauseHandler, UnloadHandler) and DriverEntry by
// name. A clean driver listed this way prints no summary (no "ndisv:" line).

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

static NDIS_HANDLE EpDriverHandle;

MINIPORT_INITIALIZE EpInitializeEx;

// CHECK-DAG: MINIPORT_INITIALIZE EpInitializeEx role type declaration ({{.*}}list_entry_points.c:[[#@LINE+2]])
// CHECK-DAG: MINIPORT_INITIALIZE EpInitializeEx InitializeHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS ({{.*}}list_entry_points.c:[[#@LINE+1]])
NDIS_STATUS EpInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterHandle);
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    return NDIS_STATUS_SUCCESS;
}

// CHECK-DAG: MINIPORT_HALT EpHaltEx _Function_class_ annotation ({{.*}}list_entry_points.c:[[#@LINE+3]])
// CHECK-DAG: MINIPORT_HALT EpHaltEx HaltHandlerEx in NDIS_MINIPORT_DRIVER_CHARACTERISTICS ({{.*}}list_entry_points.c:[[#@LINE+2]])
_Function_class_(MINIPORT_HALT)
static VOID EpHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
}

// CHECK-DAG: MINIPORT_PAUSE EpPause PauseHandler in NDIS_MINIPORT_DRIVER_CHARACTERISTICS ({{.*}}list_entry_points.c:[[#@LINE+1]])
static NDIS_STATUS EpPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }

// CHECK-DAG: MINIPORT_UNLOAD EpUnload UnloadHandler in NDIS_MINIPORT_DRIVER_CHARACTERISTICS ({{.*}}list_entry_points.c:[[#@LINE+1]])
static VOID EpUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(EpDriverHandle); }

// CHECK-DAG: DRIVER_INITIALIZE DriverEntry by name ({{.*}}list_entry_points.c:[[#@LINE+1]])
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

// virtnic DriverEntry: registers the miniport's callbacks with NDIS.
#include "virtnic.h"

static NDIS_HANDLE DriverHandle;

static MINIPORT_UNLOAD VirtnicUnload;
static VOID VirtnicUnload(PDRIVER_OBJECT DriverObject) {
  UNREFERENCED_PARAMETER(DriverObject);
  NdisMDeregisterMiniportDriver(DriverHandle);
}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
  Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
  Chars.MajorNdisVersion = 6;
  Chars.MinorNdisVersion = 20;
  Chars.InitializeHandlerEx = VirtnicInitializeEx;
  Chars.HaltHandlerEx = VirtnicHaltEx;
  Chars.UnloadHandler = VirtnicUnload;
  return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &DriverHandle);
}

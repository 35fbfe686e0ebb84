// virtnic MiniportInitializeEx and MiniportHaltEx.
#include "virtnic.h"

NDIS_STATUS VirtnicInitializeEx(NDIS_HANDLE MiniportHandle, NDIS_HANDLE DriverContext,
                                PNDIS_MINIPORT_INIT_PARAMETERS InitParameters) {
  NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
  PVIRTNIC_ADAPTER Adapter;
  NDIS_STATUS Status;
  UNREFERENCED_PARAMETER(DriverContext);
  UNREFERENCED_PARAMETER(InitParameters);

  Adapter = NdisAllocateMemoryWithTagPriority(MiniportHandle, sizeof(*Adapter), VIRTNIC_TAG,
                                              NormalPoolPriority);
  if (Adapter == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Adapter, sizeof(*Adapter));
  Adapter->MiniportHandle = MiniportHandle;

  NdisZeroMemory(&Reg, sizeof(Reg));
  Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
  Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
  Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
  Reg.MiniportAdapterContext = Adapter;
  Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_NDIS_WDM;
  Reg.InterfaceType = NdisInterfaceInternal;
  Status = NdisMSetMiniportAttributes(MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
  if (Status != NDIS_STATUS_SUCCESS)
    goto FreeAdapter;

  Status = VirtnicRegisterInterrupt(Adapter);
  if (Status != NDIS_STATUS_SUCCESS)
    goto FreeAdapter;

  Status = VirtnicAllocateQueues(Adapter);
  if (Status != NDIS_STATUS_SUCCESS)
    goto DeregisterInterrupt;

  // The bug: a failure here jumps past the interrupt's deregistration.
  Status = VirtnicSetGeneralAttributes(Adapter);
  if (Status != NDIS_STATUS_SUCCESS) {
    VirtnicFreeQueues(Adapter);
    goto FreeAdapter;
  }
  return NDIS_STATUS_SUCCESS;

DeregisterInterrupt:
  NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
FreeAdapter:
  NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
  return Status;
}

VOID VirtnicHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction) {
  PVIRTNIC_ADAPTER Adapter = (PVIRTNIC_ADAPTER)MiniportAdapterContext;
  UNREFERENCED_PARAMETER(HaltAction);
  NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
  VirtnicFreeQueues(Adapter);
  NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
}

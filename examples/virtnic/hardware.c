// virtnic resources: interrupt, per-queue receive work items, attributes.
#include "virtnic.h"

static MINIPORT_ISR VirtnicIsr;
static BOOLEAN VirtnicIsr(NDIS_HANDLE Context, PBOOLEAN QueueDpc, PULONG TargetProcessors) {
  UNREFERENCED_PARAMETER(Context);
  UNREFERENCED_PARAMETER(TargetProcessors);
  *QueueDpc = TRUE;
  return TRUE;
}

static MINIPORT_INTERRUPT_DPC VirtnicDpc;
static VOID VirtnicDpc(NDIS_HANDLE Context, PVOID Reserved, PVOID ReceiveThrottle, PVOID Reserved2) {
  UNREFERENCED_PARAMETER(Context);
  UNREFERENCED_PARAMETER(Reserved);
  UNREFERENCED_PARAMETER(ReceiveThrottle);
  UNREFERENCED_PARAMETER(Reserved2);
}

NDIS_STATUS VirtnicRegisterInterrupt(PVIRTNIC_ADAPTER Adapter) {
  NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
  NdisZeroMemory(&Intr, sizeof(Intr));
  Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
  Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
  Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
  Intr.InterruptHandler = VirtnicIsr;
  Intr.InterruptDpcHandler = VirtnicDpc;
  return NdisMRegisterInterruptEx(Adapter->MiniportHandle, Adapter, &Intr,
                                  &Adapter->InterruptHandle);
}

NDIS_STATUS VirtnicAllocateQueues(PVIRTNIC_ADAPTER Adapter) {
  for (ULONG Q = 0; Q < VIRTNIC_QUEUES; Q++) {
    Adapter->RxWorkItem[Q] = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (Adapter->RxWorkItem[Q] == NULL) {
      VirtnicFreeQueues(Adapter);
      return NDIS_STATUS_RESOURCES;
    }
  }
  return NDIS_STATUS_SUCCESS;
}

VOID VirtnicFreeQueues(PVIRTNIC_ADAPTER Adapter) {
  for (ULONG Q = 0; Q < VIRTNIC_QUEUES; Q++) {
    if (Adapter->RxWorkItem[Q] != NULL) {
      NdisFreeIoWorkItem(Adapter->RxWorkItem[Q]);
      Adapter->RxWorkItem[Q] = NULL;
    }
  }
}

NDIS_STATUS VirtnicSetGeneralAttributes(PVIRTNIC_ADAPTER Adapter) {
  NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
  NdisZeroMemory(&Gen, sizeof(Gen));
  Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
  Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
  Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
  Gen.MediaType = NdisMedium802_3;
  Gen.MtuSize = 1500;
  Gen.MaxXmitLinkSpeed = Gen.MaxRcvLinkSpeed = 10000000000ULL;
  return NdisMSetMiniportAttributes(Adapter->MiniportHandle,
                                    (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

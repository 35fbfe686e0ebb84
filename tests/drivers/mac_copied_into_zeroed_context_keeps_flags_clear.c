// RUN: %ndisv check --verify %s
// Init zeroes the adapter, then copies the MAC address into it with
// NdisMoveMemory; the release flags must still read as clear, so halt releases
// exactly what init set. A tool that forgets the zeroing after the copy
// invents paths where halt skips its releases.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define MCP_TAG 'pcMM'
#define MCP_FLAG_INTERRUPT 0x1
#define MCP_FLAG_WORK_ITEM 0x2

typedef struct _MCP_ADAPTER {
  NDIS_HANDLE MiniportHandle;
  UCHAR PermanentAddress[6];
  UCHAR CurrentAddress[6];
  ULONG Flags;
  NDIS_HANDLE Interrupt;
  NDIS_HANDLE WorkItem;
} MCP_ADAPTER, *PMCP_ADAPTER;

static const UCHAR McpDefaultMac[6] = {0x02, 0x00, 0x5e, 0x10, 0x20, 0x30};

MINIPORT_INITIALIZE McpInitializeEx;
MINIPORT_HALT McpHaltEx;
static MINIPORT_ISR McpIsr;
static MINIPORT_INTERRUPT_DPC McpDpc;

static BOOLEAN McpIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDpc, PULONG Targets) {
  UNREFERENCED_PARAMETER(Ctx);
  UNREFERENCED_PARAMETER(Targets);
  *QueueDpc = TRUE;
  return TRUE;
}

static VOID McpDpc(NDIS_HANDLE Ctx, PVOID R1, PVOID Throttle, PVOID R2) {
  UNREFERENCED_PARAMETER(Ctx);
  UNREFERENCED_PARAMETER(R1);
  UNREFERENCED_PARAMETER(Throttle);
  UNREFERENCED_PARAMETER(R2);
}

static VOID McpRelease(PMCP_ADAPTER Adapter) {
  if (Adapter->Flags & MCP_FLAG_WORK_ITEM)
    NdisFreeIoWorkItem(Adapter->WorkItem);
  if (Adapter->Flags & MCP_FLAG_INTERRUPT)
    NdisMDeregisterInterruptEx(Adapter->Interrupt);
  Adapter->Flags = 0;
}

NDIS_STATUS McpInitializeEx(NDIS_HANDLE MiniportHandle, NDIS_HANDLE DriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS Params) {
  NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
  NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
  PMCP_ADAPTER Adapter;
  NDIS_STATUS Status;
  UNREFERENCED_PARAMETER(DriverContext);
  UNREFERENCED_PARAMETER(Params);

  Adapter = NdisAllocateMemoryWithTagPriority(MiniportHandle, sizeof(*Adapter), MCP_TAG,
                                              NormalPoolPriority);
  if (Adapter == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Adapter, sizeof(*Adapter));
  Adapter->MiniportHandle = MiniportHandle;
  NdisMoveMemory(Adapter->PermanentAddress, McpDefaultMac, sizeof(McpDefaultMac));
  NdisMoveMemory(Adapter->CurrentAddress, Adapter->PermanentAddress, 6);

  NdisZeroMemory(&Reg, sizeof(Reg));
  Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
  Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
  Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
  Reg.MiniportAdapterContext = Adapter;
  Reg.InterfaceType = NdisInterfaceInternal;
  Status = NdisMSetMiniportAttributes(MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
  if (Status != NDIS_STATUS_SUCCESS)
    goto Fail;

  NdisZeroMemory(&Intr, sizeof(Intr));
  Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
  Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
  Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
  Intr.InterruptHandler = McpIsr;
  Intr.InterruptDpcHandler = McpDpc;
  Status = NdisMRegisterInterruptEx(MiniportHandle, Adapter, &Intr, &Adapter->Interrupt);
  if (Status != NDIS_STATUS_SUCCESS)
    goto Fail;
  Adapter->Flags |= MCP_FLAG_INTERRUPT;

  Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportHandle);
  if (Adapter->WorkItem == NULL) {
    Status = NDIS_STATUS_RESOURCES;
    goto Fail;
  }
  Adapter->Flags |= MCP_FLAG_WORK_ITEM;
  return NDIS_STATUS_SUCCESS;

Fail:
  McpRelease(Adapter);
  NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
  return Status;
}

VOID McpHaltEx(NDIS_HANDLE Context, NDIS_HALT_ACTION Action) {
  PMCP_ADAPTER Adapter = (PMCP_ADAPTER)Context;
  UNREFERENCED_PARAMETER(Action);
  McpRelease(Adapter);
  NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  static NDIS_HANDLE DriverHandle;
  NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
  Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
  Chars.MajorNdisVersion = 6;
  Chars.MinorNdisVersion = 30;
  Chars.InitializeHandlerEx = McpInitializeEx;
  Chars.HaltHandlerEx = McpHaltEx;
  return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &DriverHandle);
}

// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}

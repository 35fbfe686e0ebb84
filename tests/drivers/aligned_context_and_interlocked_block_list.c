// RUN: %ndisv check --verify %s
// Two patterns from real miniports: the adapter context is carved out of a
// larger buffer and aligned to the shared-data (cache line) alignment after
// the whole buffer is zeroed, and receive blocks, each owning a work item,
// live on an interlocked list that halt drains. Clean: a tool that loses the
// zeroing through the alignment arithmetic, or cannot see what the
// interlocked list holds, invents endless lists and never finishes.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define ALB_TAG 'blLA'
#define ALB_BLOCKS 3

typedef struct _ALB_BLOCK {
  LIST_ENTRY Link;
  NDIS_HANDLE WorkItem;
} ALB_BLOCK, *PALB_BLOCK;

typedef struct _ALB_ADAPTER {
  PVOID Buffer;
  ULONG BufferSize;
  LIST_ENTRY Blocks;
  NDIS_SPIN_LOCK BlocksLock;
  NDIS_HANDLE MiniportHandle;
} ALB_ADAPTER, *PALB_ADAPTER;

MINIPORT_INITIALIZE AlbInitializeEx;
MINIPORT_HALT AlbHaltEx;

static VOID AlbFreeBlocks(PALB_ADAPTER Adapter) {
  PLIST_ENTRY Entry;
  if (Adapter->Blocks.Flink == NULL) // never initialised: nothing to free
    return;
  while ((Entry = NdisInterlockedRemoveHeadList(&Adapter->Blocks, &Adapter->BlocksLock)) != NULL) {
    PALB_BLOCK Block = CONTAINING_RECORD(Entry, ALB_BLOCK, Link);
    NdisFreeIoWorkItem(Block->WorkItem);
    NdisFreeMemory(Block, sizeof(*Block), 0);
  }
}

static NDIS_STATUS AlbAllocateBlocks(PALB_ADAPTER Adapter) {
  for (ULONG I = 0; I < ALB_BLOCKS; I++) {
    PALB_BLOCK Block = NdisAllocateMemoryWithTagPriority(Adapter->MiniportHandle, sizeof(*Block),
                                                         ALB_TAG, NormalPoolPriority);
    if (Block == NULL)
      return NDIS_STATUS_RESOURCES;
    Block->WorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
    if (Block->WorkItem == NULL) {
      NdisFreeMemory(Block, sizeof(*Block), 0);
      return NDIS_STATUS_RESOURCES;
    }
    NdisInterlockedInsertTailList(&Adapter->Blocks, &Block->Link, &Adapter->BlocksLock);
  }
  return NDIS_STATUS_SUCCESS;
}

static VOID AlbFreeAdapter(PALB_ADAPTER Adapter) {
  AlbFreeBlocks(Adapter);
  NdisFreeSpinLock(&Adapter->BlocksLock);
  NdisFreeMemory(Adapter->Buffer, Adapter->BufferSize, 0);
}

NDIS_STATUS AlbInitializeEx(NDIS_HANDLE MiniportHandle, NDIS_HANDLE DriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS Params) {
  NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
  ULONG Size = sizeof(ALB_ADAPTER) + NdisGetSharedDataAlignment();
  PVOID Buffer;
  PALB_ADAPTER Adapter;
  NDIS_STATUS Status;
  UNREFERENCED_PARAMETER(DriverContext);
  UNREFERENCED_PARAMETER(Params);

  Buffer = NdisAllocateMemoryWithTagPriority(MiniportHandle, Size, ALB_TAG, NormalPoolPriority);
  if (Buffer == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Buffer, Size);
  Adapter = (PALB_ADAPTER)ALIGN_UP_POINTER_BY(Buffer, NdisGetSharedDataAlignment());
  Adapter->Buffer = Buffer;
  Adapter->BufferSize = Size;
  Adapter->MiniportHandle = MiniportHandle;

  NdisZeroMemory(&Reg, sizeof(Reg));
  Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
  Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
  Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
  Reg.MiniportAdapterContext = Adapter;
  Reg.InterfaceType = NdisInterfaceInternal;
  Status = NdisMSetMiniportAttributes(MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
  if (Status != NDIS_STATUS_SUCCESS)
    goto Fail;

  NdisInitializeListHead(&Adapter->Blocks);
  NdisAllocateSpinLock(&Adapter->BlocksLock);
  Status = AlbAllocateBlocks(Adapter);
  if (Status != NDIS_STATUS_SUCCESS)
    goto Fail;
  return NDIS_STATUS_SUCCESS;

Fail:
  AlbFreeAdapter(Adapter);
  return Status;
}

VOID AlbHaltEx(NDIS_HANDLE Context, NDIS_HALT_ACTION Action) {
  UNREFERENCED_PARAMETER(Action);
  AlbFreeAdapter((PALB_ADAPTER)Context);
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
  Chars.MinorNdisVersion = 50;
  Chars.InitializeHandlerEx = AlbInitializeEx;
  Chars.HaltHandlerEx = AlbHaltEx;
  return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &DriverHandle);
}

// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{Init_RegisterInterrupt: not-applicable}}
// expected-verdict {{Init_DeRegisterInterrupt: not-applicable}}

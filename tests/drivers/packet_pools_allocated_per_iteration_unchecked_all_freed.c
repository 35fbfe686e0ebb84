// RUN: %ndisv check --verify %s
// RUN: %ndisv check --color=never --rules=ndisv_Init_NetBufferListPool %s 2>&1 | FileCheck %s
// Shows: init allocates 64 packet buffers through a helper called once per iteration, each with its own
// NET_BUFFER_LIST pool, and never checks whether a pool allocation failed (halt frees whatever it got, NULL
// included). Each iteration's pool may fail or not; exploring every combination would make 2^8 rule states
// before the unrolling bound, so a call in a loop is explored failing in one iteration per path (every
// iteration can be that one). Halt frees every pool: pass, conclusive, and the verdict says it relied on that.
// expected-verdict {{ndisv_Init_NetBufferListPool: pass}}
// expected-verdict {{ndisv_Init_Memory: pass}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define PPA_TAG 'apP'
#define PPA_PACKETS 64

typedef struct _PPA_PACKET {
    NDIS_HANDLE Pool;
    ULONG InUse;
} PPA_PACKET;

typedef struct _PPA_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PPA_PACKET Packets[PPA_PACKETS];
} PPA_ADAPTER, *PPPA_ADAPTER;

static NDIS_HANDLE PpaDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE PpaInitializeEx;
MINIPORT_HALT PpaHaltEx;

static VOID PpaNewPacket(PPPA_ADAPTER Adapter, PPA_PACKET *Packet)
{
    NET_BUFFER_LIST_POOL_PARAMETERS Params;
    NdisZeroMemory(&Params, sizeof(Params));
    Params.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    Params.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Params.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Params.fAllocateNetBuffer = TRUE;
    Params.PoolTag = PPA_TAG;
    Packet->Pool = NdisAllocateNetBufferListPool(Adapter->MiniportHandle, &Params);
    Packet->InUse = 0;
}

static VOID PpaInitPackets(PPPA_ADAPTER Adapter)
{
    ULONG i;
    // No check: a packet whose pool failed stays unusable.
    // CHECK: ndisv_Init_NetBufferListPool: pass {{.*}}calls inside loops explored failing in one iteration per path: the loop at packet_pools_allocated_per_iteration_unchecked_all_freed.c:[[@LINE+1]] in PpaInitPackets
    for (i = 0; i < PPA_PACKETS; i++)
        PpaNewPacket(Adapter, &Adapter->Packets[i]);
}

static VOID PpaFreePackets(PPPA_ADAPTER Adapter)
{
    ULONG i;
    for (i = 0; i < PPA_PACKETS; i++)
        if (Adapter->Packets[i].Pool != NULL)
            NdisFreeNetBufferListPool(Adapter->Packets[i].Pool);
}

NDIS_STATUS PpaInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    PPPA_ADAPTER Adapter;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), PPA_TAG,
                                                NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = Adapter;
    Reg.InterfaceType = NdisInterfaceInternal;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, PPA_TAG);
        return Status;
    }
    PpaInitPackets(Adapter);
    return NDIS_STATUS_SUCCESS;
}

VOID PpaHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PPPA_ADAPTER Adapter = (PPPA_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(HaltAction);
    PpaFreePackets(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, PPA_TAG);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = PpaInitializeEx;
    Chars.HaltHandlerEx = PpaHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &PpaDriverHandle);
}

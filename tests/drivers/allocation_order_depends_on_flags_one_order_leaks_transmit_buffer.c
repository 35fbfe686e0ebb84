// RUN: %ndisv check --verify --max-paths=1000 %s
// Shows: the driver of allocation_order_depends_on_flags_then_resource_scan.c with a slip in the
// transmit-first order of the last pair: it allocates a larger transmit buffer over the first, which
// is never freed. Paths of that order hold one more buffer than the others (the rules
// follow it), so path joining, even after matching the orders' objects, must not fold them into the
// paths that free everything: the leak is reported at halt (and on the init failure after the slip),
// and the scan loop still joins.
// expected-verdict {{ndisv_Init_Memory: defect}}
// expected-verdict {{NdisAllocateMemoryWithTagPriority: pass}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define ORD_TAG 'drO'
#define ORD_PAIRS 6

typedef struct _ORD_PAIR {
    PUCHAR Rx;
    PUCHAR Tx;
} ORD_PAIR;

typedef struct _ORD_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    ORD_PAIR Pair[ORD_PAIRS];
    ULONG Ports, Interrupts, Others;
} ORD_ADAPTER, *PORD_ADAPTER;

static NDIS_HANDLE OrdDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE OrdInitializeEx;
MINIPORT_HALT OrdHaltEx;

static PUCHAR OrdAlloc(PORD_ADAPTER Adapter, ULONG Size)
{
    return (PUCHAR)NdisAllocateMemoryWithTagPriority(Adapter->MiniportHandle, Size, ORD_TAG,
                                                     NormalPoolPriority);
}

static VOID OrdFreeBuffers(PORD_ADAPTER Adapter)
{
    ULONG i;
    for (i = 0; i < ORD_PAIRS; i++) {
        if (Adapter->Pair[i].Rx)
            NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->Pair[i].Rx, ORD_TAG);
        if (Adapter->Pair[i].Tx)
            NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter->Pair[i].Tx, ORD_TAG);
    }
}

// Receive first or transmit first: the order decides the objects' numbers.
static NDIS_STATUS OrdAllocPair(PORD_ADAPTER Adapter, ULONG Index, BOOLEAN RxFirst)
{
    ORD_PAIR *P = &Adapter->Pair[Index];
    if (RxFirst) {
        P->Rx = OrdAlloc(Adapter, 2048 + Index * 16);
        if (P->Rx == NULL)
            return NDIS_STATUS_RESOURCES;
        P->Tx = OrdAlloc(Adapter, 1024 + Index * 16);
    } else {
        P->Tx = OrdAlloc(Adapter, 1024 + Index * 16);
        if (P->Tx == NULL)
            return NDIS_STATUS_RESOURCES;
        P->Rx = OrdAlloc(Adapter, 2048 + Index * 16);
        if (P->Rx != NULL && Index == ORD_PAIRS - 1)
            P->Tx = OrdAlloc(Adapter, 4096); // the slip: a larger transmit buffer, the first one lost
    }
    if (P->Rx == NULL || P->Tx == NULL)
        return NDIS_STATUS_RESOURCES;
    return NDIS_STATUS_SUCCESS;
}

static VOID OrdScanResources(PORD_ADAPTER Adapter, PNDIS_RESOURCE_LIST Resources)
{
    ULONG i;
    for (i = 0; i < Resources->Count; i++) {
        switch (Resources->PartialDescriptors[i].Type) {
        case CmResourceTypePort:
            Adapter->Ports++;
            break;
        case CmResourceTypeInterrupt:
            Adapter->Interrupts++;
            break;
        default:
            Adapter->Others++;
            break;
        }
    }
}

NDIS_STATUS OrdInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    PORD_ADAPTER Adapter;
    ULONG i;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), ORD_TAG,
                                                NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.MiniportAdapterContext = Adapter;
    Reg.InterfaceType = NdisInterfaceInternal;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, ORD_TAG);
        return Status;
    }

    for (i = 0; i < ORD_PAIRS; i++) {
        Status = OrdAllocPair(Adapter, i, (MiniportInitParameters->Flags >> i) & 1);
        if (Status != NDIS_STATUS_SUCCESS) {
            OrdFreeBuffers(Adapter);
            NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, ORD_TAG);
            return Status; // expected-defect {{[ndisv_Init_Memory] MiniportInitializeEx fails without calling NdisFreeMemoryWithTagPriority for P->Tx}}
        }
    }

    if (MiniportInitParameters->AllocatedResources)
        OrdScanResources(Adapter, MiniportInitParameters->AllocatedResources);
    return NDIS_STATUS_SUCCESS;
}

VOID OrdHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PORD_ADAPTER Adapter = (PORD_ADAPTER)MiniportAdapterContext;
    OrdFreeBuffers(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, ORD_TAG);
} // expected-defect {{[ndisv_Init_Memory] MiniportHaltEx returns without calling NdisFreeMemoryWithTagPriority for P->Tx}}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = OrdInitializeEx;
    Chars.HaltHandlerEx = OrdHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &OrdDriverHandle);
}

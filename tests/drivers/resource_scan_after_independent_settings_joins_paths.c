// RUN: %ndisv check --verify --max-paths=1000 %s
// Shows: init decides six independent settings before it scans its resource list (a loop over an
// unknown count with a switch per descriptor). The settings split the paths in ways no rule watches:
// two touch the driver's globals in opposite orders, two read a 64-bit value on one side and a 16-bit
// one on the other (so the paths number their unknowns differently), two compare two unknowns (a
// relation one path holds and the other does not). Explored apart, the 64 combinations each unroll the
// scan (about 2,500 forks, past the 1,000 this test allows: inconclusive). Joined where they meet at
// the loop head (globals numbered alike, symbols renamed, only the relations both paths hold kept),
// the scan runs once: pass.
// expected-verdict {{ndisv_Init_Memory: pass}}
// expected-verdict {{NdisAllocateMemoryWithTagPriority: pass}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define RSJ_TAG 'jsR'

typedef struct _RSJ_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    ULONG64 Luid;
    USHORT Strap;
    ULONG64 Luid2;
    USHORT Strap2;
    BOOLEAN IndexBelowFlags;
    BOOLEAN IndexBelowStrap;
    ULONG Ports, Interrupts, Ranges, Others;
} RSJ_ADAPTER, *PRSJ_ADAPTER;

static NDIS_HANDLE RsjDriverHandle;
static ULONG RsjRxRings, RsjTxRings, RsjRxBuffers, RsjTxBuffers;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE RsjInitializeEx;
MINIPORT_HALT RsjHaltEx;

static VOID RsjScanResources(PRSJ_ADAPTER Adapter, PNDIS_RESOURCE_LIST Resources)
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
        case CmResourceTypeMemory:
            Adapter->Ranges++;
            break;
        default:
            Adapter->Others++;
            break;
        }
    }
}

NDIS_STATUS RsjInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    PRSJ_ADAPTER Adapter;
    PUSHORT Straps = (PUSHORT)MiniportInitParameters->PciDeviceCustomProperties;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), RSJ_TAG,
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
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RSJ_TAG);
        return Status;
    }

    // Globals touched in opposite orders.
    if (MiniportInitParameters->Flags & 1) {
        RsjRxRings = 4;
        RsjTxRings = 2;
    } else {
        RsjTxRings = 1;
        RsjRxRings = 1;
    }
    if (MiniportInitParameters->Flags & 2) {
        RsjRxBuffers = 512;
        RsjTxBuffers = 256;
    } else {
        RsjTxBuffers = 64;
        RsjRxBuffers = 64;
    }
    // A 64-bit unknown on one side, a 16-bit one on the other.
    if (MiniportInitParameters->Flags & 4)
        Adapter->Luid = MiniportInitParameters->NetLuid.Value;
    else
        Adapter->Strap = Straps[0];
    if (MiniportInitParameters->Flags & 8)
        Adapter->Luid2 = MiniportInitParameters->NetLuid.Value + 1;
    else
        Adapter->Strap2 = Straps[1];
    // Relations between two unknowns.
    if (MiniportInitParameters->IfIndex < MiniportInitParameters->Header.Size)
        Adapter->IndexBelowFlags = TRUE;
    if (MiniportInitParameters->Header.Revision < MiniportInitParameters->IfIndex)
        Adapter->IndexBelowStrap = TRUE;

    if (MiniportInitParameters->AllocatedResources)
        RsjScanResources(Adapter, MiniportInitParameters->AllocatedResources);
    return NDIS_STATUS_SUCCESS;
}

VOID RsjHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PRSJ_ADAPTER Adapter = (PRSJ_ADAPTER)MiniportAdapterContext;
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, RSJ_TAG);
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
    Chars.InitializeHandlerEx = RsjInitializeEx;
    Chars.HaltHandlerEx = RsjHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &RsjDriverHandle);
}

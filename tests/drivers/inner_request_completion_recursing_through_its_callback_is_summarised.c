// RUN: %ndisv check --verify %s
// Shows: a completion routine handed the inner request of a larger block, which calls the block's
// callback through a pointer of its own type (the shape of an intermediate driver's OID completion).
// The callback is not set on this path, so ndisv explores every address-taken function of that type,
// the completion routine itself among them; called that way it takes the block for an inner request
// and looks further back in memory at each level, so no two levels have the same arguments. One
// level of recursion is followed; the call below it, with the routine running twice already, is
// summarised (unknown result, what it is handed and the globals it may write unknown) instead of
// being unrolled to the call-depth budget, which left every rule inconclusive. The work item and the
// adapter, which the completion routine never sees, are tracked to the halt: their rules pass. The
// status-indication rules are inconclusive, naming the summarised call: a callback it may reach
// indicates a status.
// expected-verdict {{ndisv_Init_IoWorkItem: pass}}
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{ndisv_Init_Memory: pass}}
// expected-verdict {{NdisAllocateMemoryWithTagPriority: pass}}
// expected-verdict {{NdisMIndicateStatusEx: inconclusive}}
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define RQD_TAG 'dqR'

typedef struct _RQD_REQUEST RQD_REQUEST, *PRQD_REQUEST;
typedef VOID (*RQD_DONE)(NDIS_HANDLE Queue, PRQD_REQUEST Request, NDIS_STATUS Status);

typedef struct _RQD_INNER {
    ULONG Oid;
    ULONG BytesNeeded;
} RQD_INNER, *PRQD_INNER;

struct _RQD_REQUEST {
    RQD_DONE Done;
    NDIS_STATUS Status;
    RQD_INNER Inner; // what the lower layer sees and completes
};

typedef struct _RQD_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE WorkItem;
    RQD_DONE CompleteHandler; // handed to the lower layer, which calls it on completion
    RQD_DONE IndicateHandler, BlockingHandler; // the callbacks requests it issues may have
} RQD_ADAPTER, *PRQD_ADAPTER;

static NDIS_HANDLE RqdDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE RqdInitializeEx;
MINIPORT_HALT RqdHaltEx;

static ULONG RqdCompleted;

// A request whose result the upper layer hears of as a status indication.
static VOID RqdIndicateDone(NDIS_HANDLE Queue, PRQD_REQUEST Request, NDIS_STATUS Status)
{
    NDIS_STATUS_INDICATION Indication;

    NdisZeroMemory(&Indication, sizeof(Indication));
    Indication.Header.Type = NDIS_OBJECT_TYPE_STATUS_INDICATION;
    Indication.Header.Revision = NDIS_STATUS_INDICATION_REVISION_1;
    Indication.Header.Size = NDIS_SIZEOF_STATUS_INDICATION_REVISION_1;
    Indication.SourceHandle = Queue;
    Indication.StatusCode = Status;
    NdisMIndicateStatusEx(Queue, &Indication);
}

// A request a caller waits for: it reads the status afterwards.
static VOID RqdBlockingDone(NDIS_HANDLE Queue, PRQD_REQUEST Request, NDIS_STATUS Status)
{
    Request->Status = Status;
    RqdCompleted++;
}

// The completion routine, handed the inner request: whoever issued the block decides what happens
// next.
static VOID RqdRequestComplete(NDIS_HANDLE Queue, PRQD_REQUEST Inner, NDIS_STATUS Status)
{
    PRQD_REQUEST Request = CONTAINING_RECORD((PRQD_INNER)Inner, RQD_REQUEST, Inner);

    Request->Done(Queue, Request, Status);
}

NDIS_STATUS RqdInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    PRQD_ADAPTER Adapter;
    RQD_REQUEST Request;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), RQD_TAG,
                                                NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->CompleteHandler = RqdRequestComplete;
    Adapter->IndicateHandler = RqdIndicateDone;
    Adapter->BlockingHandler = RqdBlockingDone;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2;
    Reg.MiniportAdapterContext = Adapter;
    Reg.InterfaceType = NdisInterfaceInternal;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;

    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto FreeAdapter;
    }

    // The request's callback is left to whoever completes it (not on this path).
    Request.Inner.Oid = OID_GEN_CURRENT_PACKET_FILTER;
    RqdRequestComplete(MiniportAdapterHandle, (PRQD_REQUEST)&Request.Inner, NDIS_STATUS_SUCCESS);
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RQD_TAG);
    return Status;
}

VOID RqdHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PRQD_ADAPTER Adapter = (PRQD_ADAPTER)MiniportAdapterContext;

    NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, RQD_TAG);
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
    Chars.InitializeHandlerEx = RqdInitializeEx;
    Chars.HaltHandlerEx = RqdHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &RqdDriverHandle);
}

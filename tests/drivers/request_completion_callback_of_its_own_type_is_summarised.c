// RUN: %ndisv check --verify %s
// Shows: a completion routine that calls the request's callback through a pointer of its own type.
// The request's callback is not set on this path, so ndisv explores every address-taken function of
// that type, the completion routine itself among them; bound to it, the pointer calls it again with
// the same arguments at every level. That call repeats one already running, so it is summarised
// (unknown result, the request it is handed and the globals it may write unknown) instead of being
// unrolled to the call-depth budget, which left every rule inconclusive. The work item and the
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

#define RQC_TAG 'cqR'

typedef struct _RQC_REQUEST RQC_REQUEST, *PRQC_REQUEST;
typedef VOID (*RQC_DONE)(NDIS_HANDLE Queue, PRQC_REQUEST Request, NDIS_STATUS Status);

struct _RQC_REQUEST {
    RQC_DONE Done;
    NDIS_STATUS Status;
    ULONG Oid;
};

typedef struct _RQC_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE WorkItem;
    RQC_DONE CompleteHandler; // handed to the lower layer, which calls it on completion
    RQC_DONE IndicateHandler, BlockingHandler; // the callbacks requests it issues may have
} RQC_ADAPTER, *PRQC_ADAPTER;

static NDIS_HANDLE RqcDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE RqcInitializeEx;
MINIPORT_HALT RqcHaltEx;

static ULONG RqcCompleted;

// A request whose result the upper layer hears of as a status indication.
static VOID RqcIndicateDone(NDIS_HANDLE Queue, PRQC_REQUEST Request, NDIS_STATUS Status)
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
static VOID RqcBlockingDone(NDIS_HANDLE Queue, PRQC_REQUEST Request, NDIS_STATUS Status)
{
    Request->Status = Status;
    RqcCompleted++;
}

// The completion routine: whoever issued the request decides what happens next.
static VOID RqcRequestComplete(NDIS_HANDLE Queue, PRQC_REQUEST Request, NDIS_STATUS Status)
{
    Request->Done(Queue, Request, Status);
}

NDIS_STATUS RqcInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_STATUS Status;
    PRQC_ADAPTER Adapter;
    RQC_REQUEST Request;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), RQC_TAG,
                                                NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(*Adapter));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->CompleteHandler = RqcRequestComplete;
    Adapter->IndicateHandler = RqcIndicateDone;
    Adapter->BlockingHandler = RqcBlockingDone;

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
    Request.Oid = OID_GEN_CURRENT_PACKET_FILTER;
    RqcRequestComplete(MiniportAdapterHandle, &Request, NDIS_STATUS_SUCCESS);
    return NDIS_STATUS_SUCCESS;

FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, RQC_TAG);
    return Status;
}

VOID RqcHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PRQC_ADAPTER Adapter = (PRQC_ADAPTER)MiniportAdapterContext;

    NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, RQC_TAG);
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
    Chars.InitializeHandlerEx = RqcInitializeEx;
    Chars.HaltHandlerEx = RqcHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &RqcDriverHandle);
}

// A leaking miniport whose comments and strings carry HTML (inside init, so
// that the defect pages show them): the report must show every byte as text.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

typedef struct _HX_ADAPTER {
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE WorkItem;
} HX_ADAPTER, *PHX_ADAPTER;

static NDIS_HANDLE HxDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE HxInitializeEx;
MINIPORT_HALT HxHaltEx;
MINIPORT_ISR HxIsr;
MINIPORT_INTERRUPT_DPC HxDpc;

BOOLEAN HxIsr(NDIS_HANDLE Ctx, PBOOLEAN QueueDpc, PULONG TargetProcessors)
{ UNREFERENCED_PARAMETER(Ctx); *QueueDpc = TRUE; *TargetProcessors = 0; return TRUE; }
VOID HxDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx); UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2); }

NDIS_STATUS HxInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PHX_ADAPTER Adapter;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;
    // <script>alert(1)</script>
    // "><img src=x onerror=alert(1)>
    /* <script>document.title='XSS-RAN'</script>
       "><img src=x onerror="document.body.setAttribute('data-xss','ran')"> */
    static const char HxBanner[] = "<script>alert(1)</script>";
    static const char HxAttr[] = "\"><img src=x onerror=alert(1)>";
    static const char HxTitle[] = "<script>document.title='XSS-RAN'</script></td></tr></table><b id=\"xss\">";

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    UNREFERENCED_PARAMETER(HxBanner);
    UNREFERENCED_PARAMETER(HxAttr);
    UNREFERENCED_PARAMETER(HxTitle);

    Adapter = (PHX_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(HX_ADAPTER),
                                                             'xHtH', NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(HX_ADAPTER));

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.InterruptHandler = HxIsr;
    Intr.InterruptDpcHandler = HxDpc;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle); /* <script>alert(1)</script> */
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemory(Adapter, 0, 0);
        return Status;
    }

    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WorkItem == NULL) {
        return NDIS_STATUS_RESOURCES; // "><img src=x onerror=alert(1)>
    }
    return NDIS_STATUS_SUCCESS;
}

VOID HxHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PHX_ADAPTER Adapter = (PHX_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    NdisFreeMemory(Adapter, 0, 0);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = HxInitializeEx;
    Chars.HaltHandlerEx = HxHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &HxDriverHandle);
}

// RUN: %ndisv check --verify %s
// Shows: the link watchdog timer is set at the end of init; the halt frees the
// adapter's receive buffer but never cancels or frees the timer, so the timer
// fires after MiniportHaltEx returned and its function indicates a link status.
// CancelTimerObject reports the same forgotten timer at the end of the halt.
// expected-verdict {{NdisMIndicateStatusEx: defect}}
// expected-verdict {{CancelTimerObject: defect}}
// expected-verdict {{ndisv_Init_TimerObject: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define LTS_TAG 'sTtL'

typedef struct _LTS_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE LinkTimer;
    ULONG       LinkUp;
} LTS_ADAPTER, *PLTS_ADAPTER;

static NDIS_HANDLE LtsDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE LtsInitializeEx;
MINIPORT_HALT LtsHaltEx;
NDIS_TIMER_FUNCTION LtsLinkTimer;

VOID LtsLinkTimer(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2,
                  PVOID SystemSpecific3)
{
    PLTS_ADAPTER Adapter = (PLTS_ADAPTER)FunctionContext;
    NDIS_STATUS_INDICATION Indication;
    NdisZeroMemory(&Indication, sizeof(Indication));
    Indication.Header.Type = NDIS_OBJECT_TYPE_STATUS_INDICATION;
    Indication.SourceHandle = Adapter->MiniportHandle;
    Indication.StatusCode = NDIS_STATUS_LINK_STATE;
    NdisMIndicateStatusEx(Adapter->MiniportHandle, &Indication); // expected-defect {{[NdisMIndicateStatusEx] after MiniportHaltEx returned}}
}

NDIS_STATUS LtsInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_TIMER_CHARACTERISTICS Timer;
    LARGE_INTEGER Due;
    NDIS_STATUS Status;
    PLTS_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), LTS_TAG,
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
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LTS_TAG);
        return Status;
    }

    NdisZeroMemory(&Timer, sizeof(Timer));
    Timer.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    Timer.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    Timer.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    Timer.AllocationTag = LTS_TAG;
    Timer.TimerFunction = LtsLinkTimer;
    Timer.FunctionContext = Adapter;
    Status = NdisAllocateTimerObject(LtsDriverHandle, &Timer, &Adapter->LinkTimer);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LTS_TAG);
        return Status;
    }
    Due.QuadPart = -10000000LL; // one second
    NdisSetTimerObject(Adapter->LinkTimer, Due, 1000, NULL);
    return NDIS_STATUS_SUCCESS;
}

VOID LtsHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PLTS_ADAPTER Adapter = (PLTS_ADAPTER)MiniportAdapterContext;
    Adapter->LinkUp = 0; // forgets the timer
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, LTS_TAG);
} // expected-defect {{[CancelTimerObject] without calling NdisCancelTimerObject for Adapter->LinkTimer}} expected-defect {{[ndisv_Init_TimerObject] MiniportHaltEx returns without calling NdisFreeTimerObject for Adapter->LinkTimer}}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.InitializeHandlerEx = LtsInitializeEx;
    Chars.HaltHandlerEx = LtsHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &LtsDriverHandle);
}

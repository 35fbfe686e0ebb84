// RUN: %ndisv check --verify %s
// Shows: the same watchdog, but the halt cancels the timer through a stop helper before freeing it,
// and init indicates the initial link state itself (allowed: the halt has not run). Traps: the indication
// in init, and a timer whose set depends on a registry-style flag. No defect.
// expected-verdict {{NdisMIndicateStatusEx: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define LTC_TAG 'cTtL'

typedef struct _LTC_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE LinkTimer;
    ULONG       LinkUp;
    BOOLEAN     PollLink;
} LTC_ADAPTER, *PLTC_ADAPTER;

static NDIS_HANDLE LtcDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE LtcInitializeEx;
MINIPORT_HALT LtcHaltEx;
NDIS_TIMER_FUNCTION LtcLinkTimer;

static VOID LtcIndicateLink(PLTC_ADAPTER Adapter);

static VOID LtcStopTimer(PLTC_ADAPTER Adapter)
{
    if (Adapter->LinkTimer != NULL) {
        NdisCancelTimerObject(Adapter->LinkTimer);
        NdisFreeTimerObject(Adapter->LinkTimer);
        Adapter->LinkTimer = NULL;
    }
}

VOID LtcLinkTimer(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2,
                  PVOID SystemSpecific3)
{
    PLTC_ADAPTER Adapter = (PLTC_ADAPTER)FunctionContext;
    NDIS_STATUS_INDICATION Indication;
    NdisZeroMemory(&Indication, sizeof(Indication));
    Indication.Header.Type = NDIS_OBJECT_TYPE_STATUS_INDICATION;
    Indication.SourceHandle = Adapter->MiniportHandle;
    Indication.StatusCode = NDIS_STATUS_LINK_STATE;
    NdisMIndicateStatusEx(Adapter->MiniportHandle, &Indication);
}

NDIS_STATUS LtcInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;
    NDIS_TIMER_CHARACTERISTICS Timer;
    LARGE_INTEGER Due;
    NDIS_STATUS Status;
    PLTC_ADAPTER Adapter;

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(*Adapter), LTC_TAG,
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
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LTC_TAG);
        return Status;
    }

    NdisZeroMemory(&Timer, sizeof(Timer));
    Timer.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    Timer.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    Timer.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    Timer.AllocationTag = LTC_TAG;
    Timer.TimerFunction = LtcLinkTimer;
    Timer.FunctionContext = Adapter;
    Status = NdisAllocateTimerObject(LtcDriverHandle, &Timer, &Adapter->LinkTimer);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LTC_TAG);
        return Status;
    }
    Adapter->PollLink = MiniportInitParameters->Flags != 0;
    if (Adapter->PollLink) {
        Due.QuadPart = -10000000LL; // one second
        NdisSetTimerObject(Adapter->LinkTimer, Due, 1000, NULL);
    }
    LtcIndicateLink(Adapter);
    return NDIS_STATUS_SUCCESS;
}

VOID LtcHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PLTC_ADAPTER Adapter = (PLTC_ADAPTER)MiniportAdapterContext;
    LtcStopTimer(Adapter);
    Adapter->LinkUp = 0;
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, LTC_TAG);
}

static VOID LtcIndicateLink(PLTC_ADAPTER Adapter)
{
    NDIS_STATUS_INDICATION Indication;
    NdisZeroMemory(&Indication, sizeof(Indication));
    Indication.Header.Type = NDIS_OBJECT_TYPE_STATUS_INDICATION;
    Indication.SourceHandle = Adapter->MiniportHandle;
    Indication.StatusCode = NDIS_STATUS_LINK_STATE;
    NdisMIndicateStatusEx(Adapter->MiniportHandle, &Indication);
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
    Chars.InitializeHandlerEx = LtcInitializeEx;
    Chars.HaltHandlerEx = LtcHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &LtcDriverHandle);
}

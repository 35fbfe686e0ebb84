// Timers: allocated and started from init, stopped from halt (in this file,
// not in the file that holds MiniportHaltEx).
#include "hwm.h"

static NDIS_TIMER_FUNCTION HwmWatchdog;
static NDIS_TIMER_FUNCTION HwmLinkPoll;

static VOID HwmWatchdog(PVOID S1, PVOID Context, PVOID S2, PVOID S3)
{ UNREFERENCED_PARAMETER(S1); UNREFERENCED_PARAMETER(S2); UNREFERENCED_PARAMETER(S3); UNREFERENCED_PARAMETER(Context); }
static VOID HwmLinkPoll(PVOID S1, PVOID Context, PVOID S2, PVOID S3)
{ UNREFERENCED_PARAMETER(S1); UNREFERENCED_PARAMETER(S2); UNREFERENCED_PARAMETER(S3); UNREFERENCED_PARAMETER(Context); }

static NDIS_STATUS HwmAllocateOne(PHWM_ADAPTER Adapter, PNDIS_TIMER_FUNCTION Fn, PNDIS_HANDLE Timer)
{
    NDIS_TIMER_CHARACTERISTICS Tc;

    NdisZeroMemory(&Tc, sizeof(Tc));
    Tc.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    Tc.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    Tc.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    Tc.AllocationTag = HWM_TAG;
    Tc.TimerFunction = Fn;
    Tc.FunctionContext = Adapter;
    return NdisAllocateTimerObject(Adapter->MiniportHandle, &Tc, Timer);
}

NDIS_STATUS HwmAllocateTimers(PHWM_ADAPTER Adapter)
{
    NDIS_STATUS Status = HwmAllocateOne(Adapter, HwmWatchdog, &Adapter->WatchdogTimer);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;
    Status = HwmAllocateOne(Adapter, HwmLinkPoll, &Adapter->LinkTimer);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeTimerObject(Adapter->WatchdogTimer);
        Adapter->WatchdogTimer = NULL;
    }
    return Status;
}

VOID HwmStartWatchdog(PHWM_ADAPTER Adapter)
{
    LARGE_INTEGER Due;
    Due.QuadPart = -20000000LL; // two seconds
    NdisSetTimerObject(Adapter->WatchdogTimer, Due, 2000, Adapter);
    Due.QuadPart = -10000000LL;
    NdisSetTimerObject(Adapter->LinkTimer, Due, 0, Adapter);
}

VOID HwmStopTimers(PHWM_ADAPTER Adapter)
{
    NdisCancelTimerObject(Adapter->LinkTimer);
    NdisCancelTimerObject(Adapter->WatchdogTimer);
}

VOID HwmFreeTimers(PHWM_ADAPTER Adapter)
{
    NdisFreeTimerObject(Adapter->LinkTimer);
    NdisFreeTimerObject(Adapter->WatchdogTimer);
}

// File B: MiniportHaltEx, delegating the hardware teardown to ReleaseHardware() in hardware.c.
#include "adapter.h"

VOID LitmusHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PLITMUS_ADAPTER Adapter = (PLITMUS_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);

    ReleaseHardware(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, LITMUS_TAG);
} // expected-defect {{[Init_RegisterInterrupt] MiniportHaltEx returns without}} expected-defect {{[Init_DeRegisterInterrupt] MiniportHaltEx returns without}} expected-defect {{[ndisv_Init_Interrupt] MiniportHaltEx returns without calling NdisMDeregisterInterruptEx for Adapter->InterruptHandle}}

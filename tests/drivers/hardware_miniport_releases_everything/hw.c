// Register access. The CSR window is mapped here, in a helper that only
// MiniportInitializeEx calls: that is still "during MiniportInitializeEx".
#include "hwm.h"

static BOOLEAN HwmMaskInterrupts(NDIS_HANDLE Context)
{
    PHWM_ADAPTER Adapter = (PHWM_ADAPTER)Context;
    NdisWriteRegisterUlong((PULONG)(Adapter->Csr + 0x10), 0);
    return TRUE;
}

NDIS_STATUS HwmMapRegisters(PHWM_ADAPTER Adapter, PNDIS_MINIPORT_INIT_PARAMETERS Params)
{
    NDIS_PHYSICAL_ADDRESS Bar;

    UNREFERENCED_PARAMETER(Params);
    Bar.QuadPart = 0xF0000000;
    return NdisMMapIoSpace((PVOID *)&Adapter->Csr, Adapter->MiniportHandle, Bar, HWM_CSR_BYTES);
}

VOID HwmResetPhy(PHWM_ADAPTER Adapter)
{
    NdisWriteRegisterUlong((PULONG)(Adapter->Csr + 0x20), 1);
    NdisStallExecution(50); // the limit itself is allowed
    // Long waits sleep; only the short branch busy-waits.
    if (Adapter->PhyResetUs > 50)
        NdisMSleep(Adapter->PhyResetUs);
    else
        NdisStallExecution(Adapter->PhyResetUs);
    NdisWriteRegisterUlong((PULONG)(Adapter->Csr + 0x20), 0);
}

VOID HwmDisableInterrupts(PHWM_ADAPTER Adapter)
{
    // Called before NdisMDeregisterInterruptEx: synchronizing is still allowed.
    NdisMSynchronizeWithInterruptEx(Adapter->Interrupt, 0, HwmMaskInterrupts, Adapter);
}

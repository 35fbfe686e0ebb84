// Hardware setup and cleanup. Line 9 has a syntax error (a missing ";"), so this
// translation unit does not compile.
#include "brk.h"

NDIS_STATUS BrkSetupHardware(PBRK_ADAPTER Adapter)
{
    ULONG Value;

    Value = 0x1234
    Adapter->Registers = Value;
    return NDIS_STATUS_SUCCESS;
}

// Undoes what init did after NdisMRegisterInterruptEx succeeded.
VOID BrkReleaseHardware(PBRK_ADAPTER Adapter)
{
    Adapter->Registers = 0;
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
}

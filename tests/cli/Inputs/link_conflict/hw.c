// Hardware setup. Compiles, but defines BrkDebugLevel like main.c does, so
// the two translation units cannot be linked together.
#include "brk.h"

ULONG BrkDebugLevel = 1;

NDIS_STATUS BrkSetupHardware(PBRK_ADAPTER Adapter)
{
    ULONG Value;

    Value = 0x1234;
    Adapter->Registers = Value;
    return NDIS_STATUS_SUCCESS;
}

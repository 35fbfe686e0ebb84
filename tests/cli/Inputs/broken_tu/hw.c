// Hardware setup. Line 9 has a syntax error (a missing ';'), so this
// translation unit does not compile.
#include "brk.h"

NDIS_STATUS BrkSetupHardware(PBRK_ADAPTER Adapter)
{
    ULONG Value;

    Value = 0x1234
    Adapter->Registers = Value;
    return NDIS_STATUS_SUCCESS;
}

// The project defines NDIS_MINIPORT_DRIVER and NDIS620_MINIPORT; this
// folder does not, so <ndis.h> comes in with no version.
#include <ndis.h>
#include "nvs.h"

static ULONG NvsQueues;

VOID NvsSetQueues(ULONG Count)
{
    NvsQueues = Count;
}

MINIPORT_INITIALIZE NvsInitializeEx;

NDIS_STATUS NvsInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    UNREFERENCED_PARAMETER(MiniportAdapterHandle);
    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    NvsSetQueues(4);
    return NDIS_STATUS_SUCCESS;
}

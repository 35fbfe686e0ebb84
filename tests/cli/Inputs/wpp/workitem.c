// Traces with DEBUGP, which only the project declares (WppTraceFunction),
// and includes its own missing .tmh.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>
#include "workitem.tmh"

NDIS_HANDLE WpAllocateWorkItem(NDIS_HANDLE MiniportAdapterHandle)
{
    DEBUGP(MP_TRACE, "allocating a work item for %p\n", MiniportAdapterHandle);
    return NdisAllocateIoWorkItem(MiniportAdapterHandle);
}

// Halt frees the adapter but forgets the work item init allocated.
#include "adapter.h"

VOID MdHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PMD_ADAPTER Adapter = (PMD_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, 'DMdn');
}

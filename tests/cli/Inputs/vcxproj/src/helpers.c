// Item metadata of its own: one more include directory and one more macro,
// on top of everything the definition groups give every item.
#include <ndis.h>
#include "vp_config.h"
#include "vp_helpers.h"
#ifndef VP_HELPERS_ITEM
#error "VP_HELPERS_ITEM must come from this item's metadata"
#endif

NDIS_HANDLE VpAllocateWorkItem(NDIS_HANDLE MiniportAdapterHandle)
{
    return NdisAllocateIoWorkItem(MiniportAdapterHandle);
}

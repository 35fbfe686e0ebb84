// Item metadata of its own: one more include directory and one more macro,
// on top of everything the definition groups give every item.
#include <ndis.h>
#include "vp_config.h"
#include "vp_helpers.h"
#include "vplog.h" // the header the build makes of the MessageCompile item src\vplog.mc
#if VP_MSG_NO_WORK_ITEM != 0x8FFF0010L
#error "vplog.h: not the documented message code layout"
#endif
#ifndef VP_HELPERS_ITEM
#error "VP_HELPERS_ITEM must come from this item's metadata"
#endif

NDIS_HANDLE VpAllocateWorkItem(NDIS_HANDLE MiniportAdapterHandle)
{
    return NdisAllocateIoWorkItem(MiniportAdapterHandle);
}

#include <ndis.h>
#include <w7_config.h>

NDIS_HANDLE W7AllocateWorkItem(NDIS_HANDLE AdapterHandle)
{
    return NdisAllocateIoWorkItem(AdapterHandle);
}

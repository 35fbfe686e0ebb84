// Includes a WDK header the model does not provide.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>
#include <NdisVendorOnly.h>

ULONG MhVendor(void) { return 0; }

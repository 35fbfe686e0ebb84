// Force-included by /FI; found through the /I directory of the response file.
#define RSP_FORCED_HEADER 1
#define NDIS_MINIPORT_DRIVER 1

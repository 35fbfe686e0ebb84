// Includes a header its build generates (not in the tree).
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>
#include "mh_build_version.h"

ULONG MhVersion(void) { return MH_BUILD_VERSION; }

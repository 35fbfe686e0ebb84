#ifndef MD_ADAPTER_H
#define MD_ADAPTER_H
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

typedef struct _MD_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE WorkItem;
} MD_ADAPTER, *PMD_ADAPTER;

MINIPORT_INITIALIZE MdInitializeEx;
MINIPORT_HALT MdHaltEx;
#endif

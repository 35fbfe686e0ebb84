#ifndef BRK_H
#define BRK_H
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

typedef struct _BRK_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    ULONG       Registers;
} BRK_ADAPTER, *PBRK_ADAPTER;

// Defined only in hw.c.
NDIS_STATUS BrkSetupHardware(PBRK_ADAPTER Adapter);
#endif

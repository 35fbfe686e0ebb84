// Shared header of the "Heron" miniport (C++). MiniportInitializeEx (init.cpp) unwinds with a goto chain whose
// labels call release helpers in resources.cpp; configuration is read in config.cpp. Correct on every path.
#pragma once

#define NDIS_MINIPORT_DRIVER 1
#define NDIS660_MINIPORT 1
#include <ndis.h>

#define HERON_TAG 'noeH'
#define HERON_MAX_RX_BUFFERS 8

struct HERON_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE WatchdogWorkItem;
    NDIS_HANDLE RxNblPool;
    ULONG       NumRxBuffers;
    ULONG       InterruptModeration;
};

extern "C" {
MINIPORT_INITIALIZE HeronInitializeEx;
MINIPORT_HALT HeronHaltEx;
MINIPORT_UNLOAD HeronUnload;
MINIPORT_PAUSE HeronPause;
MINIPORT_RESTART HeronRestart;
}

// config.cpp
NDIS_STATUS HeronReadConfiguration(HERON_ADAPTER *Adapter);

// resources.cpp
NDIS_STATUS HeronRegisterInterrupt(HERON_ADAPTER *Adapter);
void HeronDeregisterInterrupt(HERON_ADAPTER *Adapter);
NDIS_STATUS HeronAllocateWorkItem(HERON_ADAPTER *Adapter);
void HeronFreeWorkItem(HERON_ADAPTER *Adapter);
NDIS_STATUS HeronAllocateRxPool(HERON_ADAPTER *Adapter);
void HeronFreeRxPool(HERON_ADAPTER *Adapter);

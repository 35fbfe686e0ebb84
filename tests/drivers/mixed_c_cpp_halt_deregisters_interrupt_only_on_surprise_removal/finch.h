// Shared header of the "Finch" miniport, built from C (entry.c, hw.c) and C++ (adapter.cpp).
// Halt (adapter.cpp) deregisters the interrupt only when HaltAction is NdisHaltDeviceSurpriseRemoved, so a normal
// halt (e.g. NdisHaltDeviceDisabled) after a successful init leaves the interrupt registered: a halt defect.
#pragma once

#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define FINCH_TAG 'hcnF'

#ifdef __cplusplus
extern "C" {
#endif

extern NDIS_HANDLE g_FinchDriverHandle;

MINIPORT_INITIALIZE FinchInitializeEx;
MINIPORT_HALT FinchHaltEx;
MINIPORT_PAUSE FinchPause;
MINIPORT_RESTART FinchRestart;
MINIPORT_UNLOAD FinchUnload;

// hw.c
NDIS_STATUS FinchHwRegisterInterrupt(NDIS_HANDLE AdapterHandle, PVOID InterruptContext, PNDIS_HANDLE InterruptHandle);
VOID FinchHwDeregisterInterrupt(NDIS_HANDLE InterruptHandle);

#ifdef __cplusplus
}
#endif

// Shared declarations for the "Litmus" Ethernet miniport.
// Init (init.c) sets ADAPTER_FLAG_INTR_REGISTERED after a successful NdisMRegisterInterruptEx; the halt helper
// ReleaseHardware (hardware.c) tests ADAPTER_FLAG_INTR_ENABLED instead, which restart sets and pause clears, so
// the interrupt is never deregistered when a successfully initialized adapter is halted.
#pragma once

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define LITMUS_TAG 'tmiL'

#define ADAPTER_FLAG_REGISTERED        0x00000001
#define ADAPTER_FLAG_INTR_REGISTERED   0x00000002
#define ADAPTER_FLAG_INTR_ENABLED      0x00000004
#define ADAPTER_FLAG_PAUSED            0x00000008

typedef struct _LITMUS_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    ULONG       Flags;
    ULONG       InterruptCount;
    UCHAR       MacAddress[6];
} LITMUS_ADAPTER, *PLITMUS_ADAPTER;

extern NDIS_HANDLE g_LitmusDriverHandle;

MINIPORT_INITIALIZE LitmusInitializeEx;
MINIPORT_HALT LitmusHaltEx;
MINIPORT_PAUSE LitmusPause;
MINIPORT_RESTART LitmusRestart;
MINIPORT_UNLOAD LitmusUnload;
MINIPORT_ISR LitmusIsr;
MINIPORT_INTERRUPT_DPC LitmusDpc;
MINIPORT_DISABLE_INTERRUPT LitmusDisableInterrupt;
MINIPORT_ENABLE_INTERRUPT LitmusEnableInterrupt;

NDIS_STATUS ConnectInterrupt(PLITMUS_ADAPTER Adapter);
VOID ReleaseHardware(PLITMUS_ADAPTER Adapter);

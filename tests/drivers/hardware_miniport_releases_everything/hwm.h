// A PCI NIC with CSR registers (memory-mapped), a legacy I/O port window,
// a shared-memory descriptor ring, four receive queues with their own MDL
// and NET_BUFFER, a watchdog and a link timer, and an interrupt.
#pragma once
#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

// A four-character pool tag, as drivers write them: a non-zero constant.
#define HWM_TAG 'Tag1'
#define HWM_QUEUES 4
#define HWM_RX_BYTES 2048
#define HWM_RING_BYTES 0x4000
#define HWM_CSR_BYTES 0x1000
#define HWM_PORT_BASE 0x300
#define HWM_PORT_COUNT 0x20

typedef struct _HWM_QUEUE {
    PVOID       Buffer;
    PMDL        Mdl;
    PNET_BUFFER Nb;
} HWM_QUEUE;

typedef struct _HWM_ADAPTER {
    NDIS_HANDLE    MiniportHandle;
    PUCHAR         Csr;
    PVOID          PortBase;
    NDIS_HANDLE    Interrupt;
    NDIS_HANDLE    WatchdogTimer;
    NDIS_HANDLE    LinkTimer;
    NDIS_HANDLE    NbPool;
    PNDIS_GENERIC_OBJECT StatsObject;
    PVOID          RingVa;
    NDIS_PHYSICAL_ADDRESS RingPa;
    ULONG          RingBytes;
    ULONG          PhyResetUs;
    HWM_QUEUE      Queue[HWM_QUEUES];
    UCHAR          MacAddress[6];
    BOOLEAN        Paused;
} HWM_ADAPTER, *PHWM_ADAPTER;

extern NDIS_HANDLE HwmDriverHandle;
extern PDRIVER_OBJECT HwmDriverObject;

// hw.c
NDIS_STATUS HwmMapRegisters(PHWM_ADAPTER Adapter, PNDIS_MINIPORT_INIT_PARAMETERS Params);
VOID HwmResetPhy(PHWM_ADAPTER Adapter);
VOID HwmDisableInterrupts(PHWM_ADAPTER Adapter);
// config.c
NDIS_STATUS HwmReadConfiguration(PHWM_ADAPTER Adapter);
// timers.c
NDIS_STATUS HwmAllocateTimers(PHWM_ADAPTER Adapter);
VOID HwmStartWatchdog(PHWM_ADAPTER Adapter);
VOID HwmStopTimers(PHWM_ADAPTER Adapter);
VOID HwmFreeTimers(PHWM_ADAPTER Adapter);
// queues.c
NDIS_STATUS HwmAllocateQueues(PHWM_ADAPTER Adapter);
VOID HwmFreeQueues(PHWM_ADAPTER Adapter, ULONG Count);
// init.c
MINIPORT_INITIALIZE HwmInitializeEx;
MINIPORT_HALT HwmHaltEx;

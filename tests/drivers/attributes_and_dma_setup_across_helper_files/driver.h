// driver.h - the Ahf bus-master miniport: attributes, hardware set-up and callbacks in separate files.
#pragma once
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define AHF_TAG 'fhAn'
#define AHF_RING_BYTES 8192
#define AHF_CSR_BYTES 0x200
#define AHF_REG_CONTROL 0x00
#define AHF_REG_TX_BUSY 0x10
#define AHF_CONTROL_STOP_DMA 0x2

typedef struct _AHF_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    PUCHAR Csr;
    NDIS_HANDLE DmaHandle;
    PVOID Ring;
    NDIS_PHYSICAL_ADDRESS RingPa;
    UCHAR MacAddress[6];
} AHF_ADAPTER, *PAHF_ADAPTER;

MINIPORT_PROCESS_SG_LIST AhfProcessSGList;

// attributes.c
NDIS_STATUS AhfSetRegistrationAttributes(PAHF_ADAPTER Adapter);
NDIS_STATUS AhfSetAdditionalAttributes(PAHF_ADAPTER Adapter);
// hardware.c
NDIS_STATUS AhfMapRegisters(PAHF_ADAPTER Adapter);
NDIS_STATUS AhfSetUpDma(PAHF_ADAPTER Adapter);
VOID AhfStopDma(PAHF_ADAPTER Adapter);
VOID AhfReleaseHardware(PAHF_ADAPTER Adapter);
NDIS_STATUS AhfTransmitIdleStatus(PAHF_ADAPTER Adapter);

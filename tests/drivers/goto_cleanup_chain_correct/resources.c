// resources.c - helpers that each acquire one resource of the Gcc miniport and report the NDIS status.
#include "driver.h"

#define GCC_MIN_RX_BUFFERS 32
#define GCC_MAX_RX_BUFFERS 1024

NDIS_STATUS GccReadConfiguration(PGCC_ADAPTER Adapter)
{
    NDIS_STATUS Status, ReadStatus;
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE ConfigHandle = NULL;
    PNDIS_CONFIGURATION_PARAMETER Param = NULL;
    NDIS_STRING Keyword = NDIS_STRING_CONST("*ReceiveBuffers");

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = Adapter->MiniportHandle;
    Status = NdisOpenConfigurationEx(&ConfigObject, &ConfigHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    Adapter->ReceiveBuffers = 256;
    NdisReadConfiguration(&ReadStatus, &Param, ConfigHandle, &Keyword, NdisParameterInteger);
    if (ReadStatus == NDIS_STATUS_SUCCESS && Param != NULL) {
        ULONG Value = Param->ParameterData.IntegerData;
        Adapter->ReceiveBuffers = (Value < GCC_MIN_RX_BUFFERS) ? GCC_MIN_RX_BUFFERS
                                : (Value > GCC_MAX_RX_BUFFERS) ? GCC_MAX_RX_BUFFERS : Value;
    }
    NdisCloseConfiguration(ConfigHandle);
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS GccCreatePools(PGCC_ADAPTER Adapter, BOOLEAN NetBufferPool)
{
    if (!NetBufferPool) {
        NET_BUFFER_LIST_POOL_PARAMETERS NblParams;

        NdisZeroMemory(&NblParams, sizeof(NblParams));
        NblParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
        NblParams.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        NblParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
        NblParams.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
        NblParams.PoolTag = GCC_TAG;
        Adapter->NblPool = NdisAllocateNetBufferListPool(Adapter->MiniportHandle, &NblParams);
        return (Adapter->NblPool != NULL) ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
    } else {
        NET_BUFFER_POOL_PARAMETERS NbParams;

        NdisZeroMemory(&NbParams, sizeof(NbParams));
        NbParams.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
        NbParams.Header.Revision = NET_BUFFER_POOL_PARAMETERS_REVISION_1;
        NbParams.Header.Size = NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1;
        NbParams.PoolTag = GCC_TAG;
        Adapter->NbPool = NdisAllocateNetBufferPool(Adapter->MiniportHandle, &NbParams);
        return (Adapter->NbPool != NULL) ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
    }
}

NDIS_STATUS GccCreateWatchdogTimer(PGCC_ADAPTER Adapter)
{
    NDIS_TIMER_CHARACTERISTICS TimerChars;

    NdisZeroMemory(&TimerChars, sizeof(TimerChars));
    TimerChars.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    TimerChars.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    TimerChars.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    TimerChars.AllocationTag = GCC_TAG;
    TimerChars.TimerFunction = GccWatchdogTimer;
    TimerChars.FunctionContext = Adapter;
    return NdisAllocateTimerObject(Adapter->MiniportHandle, &TimerChars, &Adapter->WatchdogTimer);
}

NDIS_STATUS GccRegisterDma(PGCC_ADAPTER Adapter)
{
    NDIS_SG_DMA_DESCRIPTION Dma;

    NdisZeroMemory(&Dma, sizeof(Dma));
    Dma.Header.Type = NDIS_OBJECT_TYPE_SG_DMA_DESCRIPTION;
    Dma.Header.Revision = NDIS_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Header.Size = NDIS_SIZEOF_SG_DMA_DESCRIPTION_REVISION_1;
    Dma.Flags = NDIS_SG_DMA_64_BIT_ADDRESS;
    Dma.MaximumPhysicalMapping = GCC_MAX_FRAME;
    Dma.ProcessSGListHandler = GccProcessSGList;
    return NdisMRegisterScatterGatherDma(Adapter->MiniportHandle, &Dma, &Adapter->DmaHandle);
}

NDIS_STATUS GccRegisterInterrupt(PGCC_ADAPTER Adapter)
{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = GccIsr;
    Intr.InterruptDpcHandler = GccInterruptDpc;
    Intr.DisableInterruptHandler = GccDisableInterrupt;
    Intr.EnableInterruptHandler = GccEnableInterrupt;
    return NdisMRegisterInterruptEx(Adapter->MiniportHandle, Adapter, &Intr, &Adapter->InterruptHandle);
}

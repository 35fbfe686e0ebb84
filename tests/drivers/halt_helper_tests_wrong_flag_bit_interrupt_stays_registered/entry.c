// DriverEntry, unload, pause and restart of the Litmus miniport.
// expected-verdict {{Init_NdisAllocateIoWorkItem: not-applicable}}
// expected-verdict {{Init_RegisterInterrupt: defect}}
// expected-verdict {{Init_DeRegisterInterrupt: defect}}
// expected-verdict {{ndisv_Init_Interrupt: defect}}
#include "adapter.h"

NDIS_HANDLE g_LitmusDriverHandle = NULL;

NDIS_STATUS LitmusPause(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{
    PLITMUS_ADAPTER Adapter = (PLITMUS_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(PauseParameters);
    Adapter->Flags &= ~ADAPTER_FLAG_INTR_ENABLED;
    Adapter->Flags |= ADAPTER_FLAG_PAUSED;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS LitmusRestart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{
    PLITMUS_ADAPTER Adapter = (PLITMUS_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(RestartParameters);
    Adapter->Flags &= ~ADAPTER_FLAG_PAUSED;
    Adapter->Flags |= ADAPTER_FLAG_INTR_ENABLED;
    return NDIS_STATUS_SUCCESS;
}

VOID LitmusUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(g_LitmusDriverHandle);
}

DRIVER_INITIALIZE DriverEntry;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NDIS_STATUS Status;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.InitializeHandlerEx = LitmusInitializeEx;
    Chars.HaltHandlerEx = LitmusHaltEx;
    Chars.PauseHandler = LitmusPause;
    Chars.RestartHandler = LitmusRestart;
    Chars.UnloadHandler = LitmusUnload;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &g_LitmusDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

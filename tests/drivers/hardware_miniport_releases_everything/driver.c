// Shows: a hardware miniport that uses every API of the NDIS acquire/release and DDI-usage rules
// correctly, with the traps a naive checker trips over: a pool tag written as 'Tag1', a stall of exactly
// 50 us, a registry-chosen delay that only the short branch stalls for, NdisMMapIoSpace in a helper that
// init calls, timers cancelled in a helper in another file, per-queue MDLs and NET_BUFFERs freed by a
// matching loop, an MDL kept in a local before it is stored, failed allocations that need no free, a
// shared-memory failure that is logged before a smaller retry, and NdisMSynchronizeWithInterruptEx just
// before (not after) NdisMDeregisterInterruptEx.
// It allocates shared memory without registering DMA first; ndisv_Order_DmaBeforeSharedMemory reports that (not what this driver is about).
// expected-verdict {{ndisv_Order_DmaBeforeSharedMemory: defect}}
// expected-verdict {{NdisAllocateGenericObject: pass}}
// expected-verdict {{NdisAllocateMdl: pass}}
// expected-verdict {{NdisAllocateNetBuffer: pass}}
// expected-verdict {{NdisOpenConfigurationEx: pass}}
// expected-verdict {{CancelTimerObject: pass}}
// expected-verdict {{WriteErrorLog: pass}}
// expected-verdict {{NdisMMapIoSpace: pass}}
// expected-verdict {{NdisMRegisterIoPortRange: pass}}
// expected-verdict {{NdisAllocateMemoryWithTagPriority: pass}}
// expected-verdict {{NdisStallExecution_Delay: pass}}
// expected-verdict {{NdisMDeregisterInterruptEx: pass}}
// expected-verdict {{Init_RegisterInterrupt: pass}}
#include "hwm.h"

NDIS_HANDLE HwmDriverHandle;
PDRIVER_OBJECT HwmDriverObject;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_UNLOAD HwmUnload;
MINIPORT_PAUSE HwmPause;
MINIPORT_RESTART HwmRestart;
MINIPORT_OID_REQUEST HwmOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS HwmSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS HwmReturnNetBufferLists;
MINIPORT_CANCEL_SEND HwmCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY HwmDevicePnPEventNotify;
MINIPORT_SHUTDOWN HwmShutdownEx;
MINIPORT_CANCEL_OID_REQUEST HwmCancelOidRequest;

NDIS_STATUS HwmPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PHWM_ADAPTER)Ctx)->Paused = TRUE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS HwmRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); ((PHWM_ADAPTER)Ctx)->Paused = FALSE; return NDIS_STATUS_SUCCESS; }
NDIS_STATUS HwmOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID HwmSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PHWM_ADAPTER Adapter = (PHWM_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID HwmReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID HwmCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID HwmDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID HwmShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID HwmCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID HwmUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(HwmDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    HwmDriverObject = DriverObject;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 50;
    Chars.MajorDriverVersion = 1;
    Chars.InitializeHandlerEx = HwmInitializeEx;
    Chars.HaltHandlerEx = HwmHaltEx;
    Chars.UnloadHandler = HwmUnload;
    Chars.PauseHandler = HwmPause;
    Chars.RestartHandler = HwmRestart;
    Chars.OidRequestHandler = HwmOidRequest;
    Chars.SendNetBufferListsHandler = HwmSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = HwmReturnNetBufferLists;
    Chars.CancelSendHandler = HwmCancelSend;
    Chars.DevicePnPEventNotifyHandler = HwmDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = HwmShutdownEx;
    Chars.CancelOidRequestHandler = HwmCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &HwmDriverHandle);
}

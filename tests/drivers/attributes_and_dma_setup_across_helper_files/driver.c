// driver.c - DriverEntry and the Ahf miniport's callbacks.
// Shows: a correct bus-master miniport whose set-up is spread over helper files. The registration
// attributes are set in attributes.c; when that call fails, init returns at once (nothing else was
// claimed). The general and offload attributes follow from a table walked in a loop. Registers are
// mapped, scatter/gather DMA registered and the ring allocated in hardware.c, in that order.
// MiniportPause returns the status of a helper that yields only PENDING or SUCCESS, through a local
// that starts out as NDIS_STATUS_FAILURE; MiniportShutdownEx only stops the DMA engine.
// expected-verdict {{MiniportPause_Return: pass}}
// expected-verdict {{NdisMFreeSharedMemory: pass}}
// expected-verdict {{ndisv_Order_RegistrationAttributesFirst: pass}}
// expected-verdict {{ndisv_Order_RegistrationBeforeHardwareResources: pass}}
// expected-verdict {{ndisv_Order_DmaBeforeSharedMemory: pass}}
#include "driver.h"

static NDIS_HANDLE AhfDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE AhfInitializeEx;
MINIPORT_HALT AhfHaltEx;
MINIPORT_UNLOAD AhfUnload;
MINIPORT_PAUSE AhfPause;
MINIPORT_RESTART AhfRestart;
MINIPORT_OID_REQUEST AhfOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS AhfSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS AhfReturnNetBufferLists;
MINIPORT_CANCEL_SEND AhfCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY AhfDevicePnPEventNotify;
MINIPORT_SHUTDOWN AhfShutdownEx;
MINIPORT_CANCEL_OID_REQUEST AhfCancelOidRequest;

NDIS_STATUS AhfInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PAHF_ADAPTER Adapter;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PAHF_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(AHF_ADAPTER),
                                                              AHF_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(AHF_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;

    Status = AhfSetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, AHF_TAG);
        return Status;
    }
    Status = AhfSetAdditionalAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    Status = AhfMapRegisters(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto FreeAdapter;
    Status = AhfSetUpDma(Adapter);
    if (Status != NDIS_STATUS_SUCCESS)
        goto UnmapCsr;
    return NDIS_STATUS_SUCCESS;

UnmapCsr:
    NdisMUnmapIoSpace(MiniportAdapterHandle, Adapter->Csr, AHF_CSR_BYTES);
FreeAdapter:
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, AHF_TAG);
    return Status;
}

VOID AhfHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PAHF_ADAPTER Adapter = (PAHF_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    AhfReleaseHardware(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, AHF_TAG);
}

VOID AhfShutdownEx(NDIS_HANDLE MiniportAdapterContext, NDIS_SHUTDOWN_ACTION ShutdownAction)
{
    UNREFERENCED_PARAMETER(ShutdownAction);
    AhfStopDma((PAHF_ADAPTER)MiniportAdapterContext);
}

NDIS_STATUS AhfPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{
    NDIS_STATUS Status = NDIS_STATUS_FAILURE;

    UNREFERENCED_PARAMETER(Params);
    Status = AhfTransmitIdleStatus((PAHF_ADAPTER)Ctx);
    return Status;
}

NDIS_STATUS AhfRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }

NDIS_STATUS AhfOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID AhfSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PNET_BUFFER_LIST Nbl;
    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(((PAHF_ADAPTER)Ctx)->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID AhfReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID AhfCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID AhfDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID AhfCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID AhfUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(AhfDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.MajorDriverVersion = 1;
    Chars.InitializeHandlerEx = AhfInitializeEx;
    Chars.HaltHandlerEx = AhfHaltEx;
    Chars.UnloadHandler = AhfUnload;
    Chars.PauseHandler = AhfPause;
    Chars.RestartHandler = AhfRestart;
    Chars.OidRequestHandler = AhfOidRequest;
    Chars.SendNetBufferListsHandler = AhfSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = AhfReturnNetBufferLists;
    Chars.CancelSendHandler = AhfCancelSend;
    Chars.DevicePnPEventNotifyHandler = AhfDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = AhfShutdownEx;
    Chars.CancelOidRequestHandler = AhfCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &AhfDriverHandle);
}

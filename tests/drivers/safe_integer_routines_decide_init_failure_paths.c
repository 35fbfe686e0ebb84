// RUN: %ndisv check --verify %s
// Shows: the ntintsafe.h routines are modelled with their real result, so the
// verifier follows only the outcome that happens. RtlSizeTMult of 64 * 16
// cannot overflow, so its failure branch (which would leak the adapter) is
// never taken; RtlULongAdd of 0xFFFFFFF0 + 0x100 always overflows, so the
// branch that returns without freeing the adapter is a real leak. With the
// routines undeclared this driver does not compile; with bodyless
// declarations, or with the engine not folding the checked-arithmetic
// intrinsics, the RtlSizeTMult branch is a false defect.
// expected-verdict {{ndisv_Init_Memory: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS683_MINIPORT 1
#include <ndis.h>
#include <ntintsafe.h>

#define SIR_TAG      'riSS'
#define SIR_RX_DESCS 64

typedef struct _SIR_RX_DESC {
    ULONGLONG Address;
    ULONG     Length;
    ULONG     Flags;
} SIR_RX_DESC;

typedef struct _SIR_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    SIZE_T      RingBytes;
    ULONG       HeaderBytes;
    ULONG       FrameBytes;
    USHORT      ShortFrame;
} SIR_ADAPTER, *PSIR_ADAPTER;

static NDIS_HANDLE SirDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE SirInitializeEx;
MINIPORT_HALT SirHaltEx;
MINIPORT_UNLOAD SirUnload;
MINIPORT_PAUSE SirPause;
MINIPORT_RESTART SirRestart;
MINIPORT_OID_REQUEST SirOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS SirSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS SirReturnNetBufferLists;
MINIPORT_CANCEL_SEND SirCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY SirDevicePnPEventNotify;
MINIPORT_SHUTDOWN SirShutdownEx;
MINIPORT_CANCEL_OID_REQUEST SirCancelOidRequest;

NDIS_STATUS SirInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PSIR_ADAPTER Adapter;
    SIZE_T RingBytes;
    ULONG FrameBytes;
    USHORT ShortFrame;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PSIR_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(SIR_ADAPTER), // expected-note {{allocates a block of memory for Adapter}}
                                                              SIR_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(SIR_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->HeaderBytes = 0xFFFFFFF0;

    // 64 * 16 fits in a SIZE_T: this branch is never taken.
    if (!NT_SUCCESS(RtlSizeTMult(SIR_RX_DESCS, sizeof(SIR_RX_DESC), &RingBytes)))
        return NDIS_STATUS_RESOURCES;
    Adapter->RingBytes = RingBytes;

    // 70000 does not fit in a USHORT: the conversion fails and the driver
    // keeps its default.
    if (!NT_SUCCESS(RtlULongToUShort(70000, &ShortFrame)))
        ShortFrame = 1514;
    Adapter->ShortFrame = ShortFrame;

    // 0xFFFFFFF0 + 0x100 overflows a ULONG: this return always runs and leaks Adapter.
    if (!NT_SUCCESS(RtlULongAdd(Adapter->HeaderBytes, 0x100, &FrameBytes)))
        return NDIS_STATUS_INVALID_LENGTH; // expected-defect {{[ndisv_Init_Memory] MiniportInitializeEx fails without calling NdisFreeMemoryWithTagPriority for Adapter}}
    Adapter->FrameBytes = FrameBytes;

    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, SIR_TAG);
    return NDIS_STATUS_FAILURE;
}

VOID SirHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PSIR_ADAPTER Adapter = (PSIR_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, SIR_TAG);
}

NDIS_STATUS SirPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS SirRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Params); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS SirOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID SirSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PSIR_ADAPTER Adapter = (PSIR_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = Nbls; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Nbls,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID SirReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID SirCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID SirDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID SirShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID SirCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }
VOID SirUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(SirDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 83;
    Chars.MajorDriverVersion = 1;
    Chars.InitializeHandlerEx = SirInitializeEx;
    Chars.HaltHandlerEx = SirHaltEx;
    Chars.UnloadHandler = SirUnload;
    Chars.PauseHandler = SirPause;
    Chars.RestartHandler = SirRestart;
    Chars.OidRequestHandler = SirOidRequest;
    Chars.SendNetBufferListsHandler = SirSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = SirReturnNetBufferLists;
    Chars.CancelSendHandler = SirCancelSend;
    Chars.DevicePnPEventNotifyHandler = SirDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = SirShutdownEx;
    Chars.CancelOidRequestHandler = SirCancelOidRequest;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &SirDriverHandle);
}

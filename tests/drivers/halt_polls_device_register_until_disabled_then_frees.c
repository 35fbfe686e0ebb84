// RUN: %ndisv check --verify %s
// Shows: MiniportHaltEx clears the controller's enable bit and polls the
// register (mapped with NdisMMapIoSpace) until the hardware reports it
// clear, with no call in the loop, then releases everything. The path that
// assumed the bit still set would see it set forever; but the device, not a
// thread of the driver, changes its registers, so at the unrolling bound
// the register is read again as unknown and the halt goes on: conclusive
// pass. (A loop spinning on plain memory without a yield still runs to the
// loop budget: halt_spins_on_pending_receives_without_yield_stays_bounded.c.)
// expected-verdict {{Init_NdisAllocateIoWorkItem: pass}}
// expected-verdict {{ndisv_Init_IoWorkItem: pass}}
// expected-verdict {{ndisv_Init_IoSpace: pass}}
// expected-verdict {{NdisMMapIoSpace: pass}}
// expected-verdict {{ndisv_Init_Memory: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define DPR_TAG 'rpDn'
#define DPR_CTRL_ENABLE 0x2

// The controller's registers, as the device lays them out.
typedef struct _DPR_REGS {
    ULONG Status;
    ULONG Control;
    ULONG RxBase;
    ULONG TxBase;
} DPR_REGS;

typedef struct _DPR_ADAPTER {
    NDIS_HANDLE        MiniportHandle;
    NDIS_HANDLE        ResetWorkItem;
    volatile DPR_REGS *Regs;
} DPR_ADAPTER, *PDPR_ADAPTER;

static NDIS_HANDLE DprDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE DprInitializeEx;
MINIPORT_HALT DprHaltEx;
MINIPORT_UNLOAD DprUnload;
MINIPORT_PAUSE DprPause;
MINIPORT_RESTART DprRestart;
MINIPORT_OID_REQUEST DprOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS DprSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS DprReturnNetBufferLists;
MINIPORT_CANCEL_SEND DprCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY DprDevicePnPEventNotify;
MINIPORT_SHUTDOWN DprShutdownEx;
MINIPORT_CANCEL_OID_REQUEST DprCancelOidRequest;

static NDIS_STATUS DprSetAttributes(PDPR_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;
    NDIS_STATUS Status;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_NO_HALT_ON_SUSPEND;
    RegAttrs.CheckForHangTimeInSeconds = 2;
    RegAttrs.InterfaceType = NdisInterfaceInternal;
    Status = NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.MtuSize = 1500;
    Gen.MaxXmitLinkSpeed = Gen.XmitLinkSpeed = Gen.MaxRcvLinkSpeed = Gen.RcvLinkSpeed = 1000000000ULL;
    Gen.MediaConnectState = MediaConnectStateConnected;
    Gen.LookaheadSize = 1500;
    Gen.MacAddressLength = 6;
    Gen.AccessType = NET_IF_ACCESS_BROADCAST;
    Gen.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    Gen.IfType = IF_TYPE_ETHERNET_CSMACD;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

NDIS_STATUS DprInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PDPR_ADAPTER Adapter;
    NDIS_PHYSICAL_ADDRESS RegisterBase;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PDPR_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(DPR_ADAPTER),
                                                              DPR_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(DPR_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;

    Status = DprSetAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, DPR_TAG);
        return Status;
    }

    RegisterBase.QuadPart = 0xF0010000;
    Status = NdisMMapIoSpace((PVOID *)&Adapter->Regs, MiniportAdapterHandle, RegisterBase, sizeof(DPR_REGS));
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, DPR_TAG);
        return Status;
    }

    Adapter->ResetWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->ResetWorkItem == NULL) {
        NdisMUnmapIoSpace(MiniportAdapterHandle, (PVOID)Adapter->Regs, sizeof(DPR_REGS));
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, DPR_TAG);
        return NDIS_STATUS_RESOURCES;
    }
    Adapter->Regs->Control |= DPR_CTRL_ENABLE;
    return NDIS_STATUS_SUCCESS;
}

VOID DprHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PDPR_ADAPTER Adapter = (PDPR_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    Adapter->Regs->Control &= ~DPR_CTRL_ENABLE;
    while (Adapter->Regs->Control & DPR_CTRL_ENABLE)
        ; // the controller finishes its current frame first
    NdisMUnmapIoSpace(Adapter->MiniportHandle, (PVOID)Adapter->Regs, sizeof(DPR_REGS));
    NdisFreeIoWorkItem(Adapter->ResetWorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, DPR_TAG);
}

NDIS_STATUS DprPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); UNREFERENCED_PARAMETER(Ctx); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS DprRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{ UNREFERENCED_PARAMETER(Params); UNREFERENCED_PARAMETER(Ctx); return NDIS_STATUS_SUCCESS; }
NDIS_STATUS DprOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request); return NDIS_STATUS_NOT_SUPPORTED; }
VOID DprSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PDPR_ADAPTER Adapter = (PDPR_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl))
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}
VOID DprReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID DprCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID DprDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID DprShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID DprCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID DprUnload(PDRIVER_OBJECT DriverObject)
{ UNREFERENCED_PARAMETER(DriverObject); NdisMDeregisterMiniportDriver(DprDriverHandle); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 50;
    Chars.MajorDriverVersion = 1; Chars.MinorDriverVersion = 0;
    Chars.InitializeHandlerEx = DprInitializeEx;
    Chars.HaltHandlerEx = DprHaltEx;
    Chars.UnloadHandler = DprUnload;
    Chars.PauseHandler = DprPause;
    Chars.RestartHandler = DprRestart;
    Chars.OidRequestHandler = DprOidRequest;
    Chars.SendNetBufferListsHandler = DprSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = DprReturnNetBufferLists;
    Chars.CancelSendHandler = DprCancelSend;
    Chars.DevicePnPEventNotifyHandler = DprDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = DprShutdownEx;
    Chars.CancelOidRequestHandler = DprCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &DprDriverHandle);
}

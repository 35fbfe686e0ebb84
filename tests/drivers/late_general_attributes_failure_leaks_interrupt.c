// RUN: %ndisv check --verify %s
// Shows: the interrupt is registered while bringing up the hardware, then the LATE general-attributes
// NdisMSetMiniportAttributes call fails and init returns without NdisMDeregisterInterruptEx: a real leak.
// expected-verdict {{Init_NdisAllocateIoWorkItem: not-applicable}}
// expected-verdict {{Init_RegisterInterrupt: defect}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}
// expected-verdict {{ndisv_Init_Interrupt: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

#define LGA_TAG         'aGLn'
#define LGA_MTU         1500
#define LGA_LINK_SPEED  1000000000ULL

typedef struct _LGA_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE InterruptHandle;
    UCHAR       MacAddress[6];
    BOOLEAN     Paused;
    ULONG       InterruptsSeen;
} LGA_ADAPTER, *PLGA_ADAPTER;

static NDIS_HANDLE LgaDriverHandle = NULL;
static NDIS_OID LgaSupportedOids[] = { OID_GEN_SUPPORTED_LIST, OID_GEN_MEDIA_CONNECT_STATUS, OID_802_3_CURRENT_ADDRESS };

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE LgaInitializeEx;
MINIPORT_HALT LgaHaltEx;
MINIPORT_UNLOAD LgaUnload;
MINIPORT_PAUSE LgaPause;
MINIPORT_RESTART LgaRestart;
MINIPORT_OID_REQUEST LgaOidRequest;
MINIPORT_SEND_NET_BUFFER_LISTS LgaSendNetBufferLists;
MINIPORT_RETURN_NET_BUFFER_LISTS LgaReturnNetBufferLists;
MINIPORT_CANCEL_SEND LgaCancelSend;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY LgaDevicePnPEventNotify;
MINIPORT_SHUTDOWN LgaShutdownEx;
MINIPORT_CANCEL_OID_REQUEST LgaCancelOidRequest;
MINIPORT_ISR LgaIsr;
MINIPORT_INTERRUPT_DPC LgaInterruptDpc;
MINIPORT_ENABLE_INTERRUPT LgaEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT LgaDisableInterrupt;

static NDIS_STATUS LgaSetGeneralAttributes(PLGA_ADAPTER Adapter)
{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.PhysicalMediumType = NdisPhysicalMedium802_3;
    Gen.MtuSize = LGA_MTU;
    Gen.MaxXmitLinkSpeed = LGA_LINK_SPEED;
    Gen.XmitLinkSpeed = LGA_LINK_SPEED;
    Gen.MaxRcvLinkSpeed = LGA_LINK_SPEED;
    Gen.RcvLinkSpeed = LGA_LINK_SPEED;
    Gen.MediaConnectState = MediaConnectStateUnknown;
    Gen.MediaDuplexState = MediaDuplexStateFull;
    Gen.LookaheadSize = LGA_MTU;
    Gen.SupportedPacketFilters = NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_BROADCAST;
    Gen.MaxMulticastListSize = 32;
    Gen.MacAddressLength = 6;
    NdisMoveMemory(Gen.PermanentMacAddress, Adapter->MacAddress, 6);
    NdisMoveMemory(Gen.CurrentMacAddress, Adapter->MacAddress, 6);
    Gen.AccessType = NET_IF_ACCESS_BROADCAST;
    Gen.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    Gen.ConnectionType = NET_IF_CONNECTION_DEDICATED;
    Gen.IfType = IF_TYPE_ETHERNET_CSMACD;
    Gen.IfConnectorPresent = TRUE;
    Gen.SupportedOidList = LgaSupportedOids;
    Gen.SupportedOidListLength = sizeof(LgaSupportedOids);

    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}

NDIS_STATUS LgaInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                            PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_STATUS Status;
    PLGA_ADAPTER Adapter;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PLGA_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(LGA_ADAPTER),
                                                              LGA_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(LGA_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->MacAddress[0] = 0x02;
    Adapter->MacAddress[5] = 0x42;

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    RegAttrs.CheckForHangTimeInSeconds = 4;
    RegAttrs.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LGA_TAG);
        return Status;
    }

    // Bring up the hardware: the interrupt is connected first.
    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = LgaIsr;
    Intr.InterruptDpcHandler = LgaInterruptDpc;
    Intr.DisableInterruptHandler = LgaDisableInterrupt;
    Intr.EnableInterruptHandler = LgaEnableInterrupt;
    Status = NdisMRegisterInterruptEx(MiniportAdapterHandle, Adapter, &Intr, &Adapter->InterruptHandle); // expected-note {{interrupt registered by NdisMRegisterInterruptEx}}
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LGA_TAG);
        return Status;
    }

    // Late attribute registration. BUG: its failure branch forgets the interrupt.
    Status = LgaSetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, LGA_TAG);
        return Status; // expected-defect {{[Init_RegisterInterrupt] MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx}} expected-defect {{[ndisv_Init_Interrupt] MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx for Adapter->InterruptHandle}}
    }

    return NDIS_STATUS_SUCCESS;
}

VOID LgaHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PLGA_ADAPTER Adapter = (PLGA_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    Adapter->InterruptHandle = NULL;
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, LGA_TAG);
}

BOOLEAN LgaIsr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{
    PLGA_ADAPTER Adapter = (PLGA_ADAPTER)MiniportInterruptContext;
    Adapter->InterruptsSeen++;
    *QueueDefaultInterruptDpc = TRUE;
    *TargetProcessors = 0;
    return TRUE;
}

VOID LgaInterruptDpc(NDIS_HANDLE Ctx, PVOID DpcCtx, PVOID Throttle, PVOID Reserved2)
{
    UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(DpcCtx);
    UNREFERENCED_PARAMETER(Throttle); UNREFERENCED_PARAMETER(Reserved2);
}

VOID LgaEnableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }
VOID LgaDisableInterrupt(NDIS_HANDLE Ctx) { UNREFERENCED_PARAMETER(Ctx); }

NDIS_STATUS LgaPause(NDIS_HANDLE Ctx, PNDIS_MINIPORT_PAUSE_PARAMETERS Params)
{
    UNREFERENCED_PARAMETER(Params);
    ((PLGA_ADAPTER)Ctx)->Paused = TRUE;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS LgaRestart(NDIS_HANDLE Ctx, PNDIS_MINIPORT_RESTART_PARAMETERS Params)
{
    UNREFERENCED_PARAMETER(Params);
    ((PLGA_ADAPTER)Ctx)->Paused = FALSE;
    return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS LgaOidRequest(NDIS_HANDLE Ctx, PNDIS_OID_REQUEST Request)
{
    UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Request);
    return NDIS_STATUS_NOT_SUPPORTED;
}

VOID LgaSendNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST NetBufferLists, NDIS_PORT_NUMBER Port, ULONG SendFlags)
{
    PLGA_ADAPTER Adapter = (PLGA_ADAPTER)Ctx;
    PNET_BUFFER_LIST Nbl;

    UNREFERENCED_PARAMETER(Port);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
        NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_SUCCESS;
    }
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists,
        NDIS_TEST_SEND_FLAG(SendFlags, NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

VOID LgaReturnNetBufferLists(NDIS_HANDLE Ctx, PNET_BUFFER_LIST Nbls, ULONG Flags)
{ UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Nbls); UNREFERENCED_PARAMETER(Flags); }
VOID LgaCancelSend(NDIS_HANDLE Ctx, PVOID CancelId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(CancelId); }
VOID LgaDevicePnPEventNotify(NDIS_HANDLE Ctx, PNET_DEVICE_PNP_EVENT Event) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Event); }
VOID LgaShutdownEx(NDIS_HANDLE Ctx, NDIS_SHUTDOWN_ACTION Action) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(Action); }
VOID LgaCancelOidRequest(NDIS_HANDLE Ctx, PVOID RequestId) { UNREFERENCED_PARAMETER(Ctx); UNREFERENCED_PARAMETER(RequestId); }

VOID LgaUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(LgaDriverHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.MajorDriverVersion = 1;
    Chars.MinorDriverVersion = 4;
    Chars.InitializeHandlerEx = LgaInitializeEx;
    Chars.HaltHandlerEx = LgaHaltEx;
    Chars.UnloadHandler = LgaUnload;
    Chars.PauseHandler = LgaPause;
    Chars.RestartHandler = LgaRestart;
    Chars.OidRequestHandler = LgaOidRequest;
    Chars.SendNetBufferListsHandler = LgaSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = LgaReturnNetBufferLists;
    Chars.CancelSendHandler = LgaCancelSend;
    Chars.DevicePnPEventNotifyHandler = LgaDevicePnPEventNotify;
    Chars.ShutdownHandlerEx = LgaShutdownEx;
    Chars.CancelOidRequestHandler = LgaCancelOidRequest;

    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &LgaDriverHandle);
}

// RUN: %ndisv check --rules NullCheck --verify %s
// Shows: the trap of a driver that guards a pointer with an event's state. Init leaves the
// ring NULL and the "disconnected" event signalled; halt touches the ring only when the event
// says connected, which never happens here. Without the events' signal state (an unknown
// KeReadStateEvent), a naive tool reports the NULL ring. KeSetEvent returns the state before
// it, and an NDIS_EVENT holds a KEVENT, set here with NdisSetEvent.
// expected-verdict {{NullCheck: pass}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ndis.h>

#define EV_TAG 'tvEN'

typedef struct _EV_RING {
    ULONG Head;
    ULONG Tail;
} EV_RING, *PEV_RING;

typedef struct _EV_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    KEVENT Disconnected;
    NDIS_EVENT Ready;
    PEV_RING Ring; // mapped when a user-mode client connects (never, here)
} EV_ADAPTER, *PEV_ADAPTER;

static NDIS_HANDLE EvDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE EvInitializeEx;
MINIPORT_HALT EvHaltEx;
MINIPORT_UNLOAD EvUnload;

NDIS_STATUS EvInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PEV_ADAPTER Adapter;
    NDIS_STATUS Status;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(EV_ADAPTER), EV_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(EV_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->Ring = NULL;
    KeInitializeEvent(&Adapter->Disconnected, NotificationEvent, TRUE);
    NdisInitializeEvent(&Adapter->Ready);
    NdisSetEvent(&Adapter->Ready);

    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_NO_HALT_ON_SUSPEND;
    RegAttrs.InterfaceType = NdisInterfaceInternal;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, EV_TAG);
        return Status;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID EvHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PEV_ADAPTER Adapter = (PEV_ADAPTER)MiniportAdapterContext;
    UNREFERENCED_PARAMETER(HaltAction);
    if (!KeReadStateEvent(&Adapter->Disconnected))
        Adapter->Ring->Head = 0;
    if (!KeReadStateEvent(&Adapter->Ready.Event))
        Adapter->Ring->Tail = 0;
    if (KeSetEvent(&Adapter->Disconnected, IO_NO_INCREMENT, FALSE) == 0)
        Adapter->Ring->Head = 1;
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, EV_TAG);
}

VOID EvUnload(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver(EvDriverHandle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
    Chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
    Chars.InitializeHandlerEx = EvInitializeEx;
    Chars.HaltHandlerEx = EvHaltEx;
    Chars.UnloadHandler = EvUnload;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &EvDriverHandle);
}

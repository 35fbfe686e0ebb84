// RUN: %ndisv check --verify %s
// Shows: a tunnel-style miniport that uses the kernel families beyond NDIS
// (ntifs.h and fltkernel.h push locks, wdm.h run-down protection, a bug
// check reason callback, a processor hot-add callback, Winsock Kernel
// registration from wsk.h, _snprintf from the kernel stdio.h) compiles
// against the bundled model. When WskRegister fails, init returns without
// freeing the work item it allocated before (defect); the run-down
// reference, push lock and callbacks need no NDIS cleanup, so no other rule
// complains (trap: a verifier that does not know these routines must not
// invent resources for them).
// expected-verdict {{Init_NdisAllocateIoWorkItem: defect}}
// expected-verdict {{ndisv_Init_IoWorkItem: defect}}

#define NDIS_MINIPORT_DRIVER 1
#define NDIS650_MINIPORT 1
#include <ntifs.h>
#include <fltkernel.h>
#include <ndis.h>
#include <wsk.h>
#include <stdio.h>

#define KH_TAG 'hKhK'

typedef struct _KH_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE WorkItem;
    EX_RUNDOWN_REF Rundown;
    EX_PUSH_LOCK TableLock;
    KBUGCHECK_REASON_CALLBACK_RECORD BugCheckRecord;
    PVOID ProcessorCallback;
    WSK_REGISTRATION Wsk;
    CHAR Name[16];
} KH_ADAPTER, *PKH_ADAPTER;

static NDIS_HANDLE KhDriverHandle;
static const WSK_CLIENT_DISPATCH KhWskDispatch = { 0x0100, 0, NULL };

DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE KhInitializeEx;
MINIPORT_HALT KhHaltEx;
NDIS_IO_WORKITEM_FUNCTION KhWork;

VOID KhWork(PVOID Context, NDIS_HANDLE WorkItem)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(WorkItem);
}

// A Network Module Registrar client (netioddk.h, which wsk.h includes);
// registered nowhere here, only declared as a client would.
static NTSTATUS KhAttachProvider(HANDLE Binding, PVOID ClientContext,
                                 PNPI_REGISTRATION_INSTANCE Provider)
{
    UNREFERENCED_PARAMETER(Binding);
    UNREFERENCED_PARAMETER(ClientContext);
    return Provider->NpiId ? STATUS_SUCCESS : STATUS_NOT_SUPPORTED;
}
static NTSTATUS KhDetachProvider(PVOID ClientBindingContext)
{
    UNREFERENCED_PARAMETER(ClientBindingContext);
    return STATUS_SUCCESS;
}
static const NPI_CLIENT_CHARACTERISTICS KhNmrClient = {
    0, sizeof(NPI_CLIENT_CHARACTERISTICS), KhAttachProvider, KhDetachProvider, NULL,
    { 0, sizeof(NPI_REGISTRATION_INSTANCE), NULL, NULL, 0, NULL }
};

static VOID KhBugCheck(KBUGCHECK_CALLBACK_REASON Reason, PKBUGCHECK_REASON_CALLBACK_RECORD Record,
                       PVOID Data, ULONG Length)
{
    PKBUGCHECK_SECONDARY_DUMP_DATA Dump = (PKBUGCHECK_SECONDARY_DUMP_DATA)Data;
    UNREFERENCED_PARAMETER(Record);
    if (Reason == KbCallbackSecondaryDumpData && Length >= sizeof(*Dump))
        Dump->OutBufferLength = 0;
}

static VOID KhProcessorAdded(PVOID Context, PKE_PROCESSOR_CHANGE_NOTIFY_CONTEXT Change,
                             PNTSTATUS OperationStatus)
{
    UNREFERENCED_PARAMETER(Context);
    if (Change->State == KeProcessorAddFailureNotify)
        *OperationStatus = STATUS_SUCCESS;
}

NDIS_STATUS KhInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    PKH_ADAPTER Adapter;
    WSK_CLIENT_NPI Npi;
    NTSTATUS Status;
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    Adapter = (PKH_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(KH_ADAPTER),
                                                             KH_TAG, NormalPoolPriority);
    if (Adapter == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(Adapter, sizeof(KH_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    RegAttrs.InterfaceType = NdisInterfaceInternal;
    if (NdisMSetMiniportAttributes(MiniportAdapterHandle,
                                   (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs) != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, KH_TAG);
        return NDIS_STATUS_FAILURE;
    }
    _snprintf(Adapter->Name, sizeof(Adapter->Name), "kh%u", (unsigned)MiniportInitParameters->IfIndex);
    ExInitializeRundownProtection(&Adapter->Rundown);
    FltInitializePushLock(&Adapter->TableLock);
    KeRegisterBugCheckReasonCallback(&Adapter->BugCheckRecord, KhBugCheck,
                                     KbCallbackSecondaryDumpData, (PUCHAR)"kh");
    Adapter->ProcessorCallback = KeRegisterProcessorChangeCallback(KhProcessorAdded, Adapter, 0);

    Adapter->WorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->WorkItem == NULL) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, KH_TAG);
        return NDIS_STATUS_RESOURCES;
    }

    Npi.ClientContext = Adapter;
    Npi.Dispatch = &KhWskDispatch;
    Status = WskRegister(&Npi, &Adapter->Wsk);
    if (!NT_SUCCESS(Status)) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, KH_TAG);
        return NDIS_STATUS_FAILURE; // expected-defect {{[Init_NdisAllocateIoWorkItem]}} expected-defect {{[ndisv_Init_IoWorkItem]}}
    }
    if (ExAcquireRundownProtection(&Adapter->Rundown)) {
        ExAcquirePushLockShared(&Adapter->TableLock);
        ExReleasePushLockShared(&Adapter->TableLock);
        ExReleaseRundownProtection(&Adapter->Rundown);
    }
    return NDIS_STATUS_SUCCESS;
}

VOID KhHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PKH_ADAPTER Adapter = (PKH_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);
    ExWaitForRundownProtectionRelease(&Adapter->Rundown);
    WskDeregister(&Adapter->Wsk);
    KeDeregisterProcessorChangeCallback(Adapter->ProcessorCallback);
    KeDeregisterBugCheckReasonCallback(&Adapter->BugCheckRecord);
    NdisFreeIoWorkItem(Adapter->WorkItem);
    NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, Adapter, KH_TAG);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 50;
    Chars.InitializeHandlerEx = KhInitializeEx;
    Chars.HaltHandlerEx = KhHaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &KhDriverHandle);
}

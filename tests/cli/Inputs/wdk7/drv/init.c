// The work item leaks when NdisMSetMiniportAttributes fails (line 31).
#include <ndis.h>
#include <w7_config.h>
#include "w7drv.h" // generated from w7drv.mc by the build, here by ndisv

#if W7_MSG_ATTRIBUTES_FAILED != 0xC0040001L || W7_MSG_NO_WORK_ITEM != 0xC0040002L || \
    W7_FACILITY_IO != 4
#error "the message header's codes are not the documented layout"
#endif

static NDIS_HANDLE W7DriverHandle;
static NDIS_HANDLE W7WorkItem;

NDIS_STATUS W7InitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                           PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegAttrs;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    W7WorkItem = W7AllocateWorkItem(MiniportAdapterHandle);
    if (W7WorkItem == NULL)
        return NDIS_STATUS_RESOURCES;
    NdisZeroMemory(&RegAttrs, sizeof(RegAttrs));
    RegAttrs.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    RegAttrs.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    RegAttrs.Header.Size = sizeof(RegAttrs);
    if (NdisMSetMiniportAttributes(MiniportAdapterHandle,
                                   (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&RegAttrs) != NDIS_STATUS_SUCCESS) {
        NdisWriteErrorLogEntry(MiniportAdapterHandle, W7_MSG_ATTRIBUTES_FAILED, 0);
        return NDIS_STATUS_FAILURE;
    }
    return NDIS_STATUS_SUCCESS;
}

VOID W7HaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(HaltAction);
    NdisFreeIoWorkItem(W7WorkItem);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 1;
    Chars.InitializeHandlerEx = W7InitializeEx;
    Chars.HaltHandlerEx = W7HaltEx;
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &W7DriverHandle);
}

// MiniportInitializeEx / MiniportHaltEx.
// expected-verdict {{Init_NdisAllocateIoWorkItem: not-applicable}}
// expected-verdict {{Init_RegisterInterrupt: defect}}
// expected-verdict {{Init_DeRegisterInterrupt: pass}}
// expected-verdict {{ndisv_Init_Interrupt: defect}}
#include "nic.h"

NDIS_STATUS QuillInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                              PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
    NDIS_MINIPORT_ADAPTER_ATTRIBUTES Attrs;
    PQUILL_ADAPTER Adapter;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);

    Adapter = (PQUILL_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(QUILL_ADAPTER),
                                                                QUILL_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(QUILL_ADAPTER));
    Adapter->AdapterHandle = MiniportAdapterHandle;
    Adapter->LookAhead = QUILL_MTU;
    Adapter->LinkSpeed = 10000000000ULL;

    NdisZeroMemory(&Attrs, sizeof(Attrs));
    Attrs.RegistrationAttributes.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Attrs.RegistrationAttributes.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Attrs.RegistrationAttributes.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Attrs.RegistrationAttributes.MiniportAdapterContext = Adapter;
    Attrs.RegistrationAttributes.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Attrs.RegistrationAttributes.CheckForHangTimeInSeconds = 2;
    Attrs.RegistrationAttributes.InterfaceType = NdisInterfacePci;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, &Attrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, QUILL_TAG);
        return Status;
    }

    Status = RegisterAdapterInterrupt(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, QUILL_TAG);
        return Status;
    }

    NdisZeroMemory(&Attrs, sizeof(Attrs));
    Attrs.GeneralAttributes.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Attrs.GeneralAttributes.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
    Attrs.GeneralAttributes.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1;
    Attrs.GeneralAttributes.MediaType = NdisMedium802_3;
    Attrs.GeneralAttributes.PhysicalMediumType = NdisPhysicalMediumUnspecified;
    Attrs.GeneralAttributes.MtuSize = QUILL_MTU;
    Attrs.GeneralAttributes.MaxXmitLinkSpeed = Adapter->LinkSpeed;
    Attrs.GeneralAttributes.XmitLinkSpeed = Adapter->LinkSpeed;
    Attrs.GeneralAttributes.MaxRcvLinkSpeed = Adapter->LinkSpeed;
    Attrs.GeneralAttributes.RcvLinkSpeed = Adapter->LinkSpeed;
    Attrs.GeneralAttributes.MediaConnectState = MediaConnectStateConnected;
    Attrs.GeneralAttributes.MediaDuplexState = MediaDuplexStateFull;
    Attrs.GeneralAttributes.LookaheadSize = Adapter->LookAhead;
    Attrs.GeneralAttributes.MacAddressLength = 6;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, &Attrs);
    if (Status != NDIS_STATUS_SUCCESS) {
        // BUG: only the memory is released; DeregisterAdapterInterrupt(Adapter) is missing.
        NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, QUILL_TAG);
        return Status; // expected-defect {{[Init_RegisterInterrupt] MiniportInitializeEx fails without}} expected-defect {{[ndisv_Init_Interrupt] MiniportInitializeEx fails without calling NdisMDeregisterInterruptEx for Adapter->InterruptHandle}}
    }

    return NDIS_STATUS_SUCCESS;
}

VOID QuillHaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
    PQUILL_ADAPTER Adapter = (PQUILL_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(HaltAction);

    DeregisterAdapterInterrupt(Adapter);
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, QUILL_TAG);
}

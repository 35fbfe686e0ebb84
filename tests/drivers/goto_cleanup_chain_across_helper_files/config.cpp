// Registry configuration for Heron: NumRxBuffers clamped to [1, HERON_MAX_RX_BUFFERS].
#include "precomp.h"

NDIS_STATUS HeronReadConfiguration(HERON_ADAPTER *Adapter)
{
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE ConfigHandle = nullptr;
    PNDIS_CONFIGURATION_PARAMETER Param = nullptr;
    NDIS_STRING Keyword = NDIS_STRING_CONST("NumRxBuffers");
    NDIS_STATUS Status;

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = Adapter->AdapterHandle;
    ConfigObject.Flags = 0;

    Status = NdisOpenConfigurationEx(&ConfigObject, &ConfigHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    Adapter->NumRxBuffers = 4;
    NdisReadConfiguration(&Status, &Param, ConfigHandle, &Keyword, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS) {
        ULONG Value = Param->ParameterData.IntegerData;
        if (Value >= 1 && Value <= HERON_MAX_RX_BUFFERS) {
            Adapter->NumRxBuffers = Value;
        }
    }

    NdisCloseConfiguration(ConfigHandle);
    return NDIS_STATUS_SUCCESS;
}

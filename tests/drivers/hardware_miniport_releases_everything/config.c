// Registry parameters: the configuration handle is opened and closed here,
// on every path that opened it.
#include "hwm.h"

NDIS_STATUS HwmReadConfiguration(PHWM_ADAPTER Adapter)
{
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE Config = NULL;
    NDIS_STATUS Status;
    PNDIS_CONFIGURATION_PARAMETER Param;
    NDIS_STRING Keyword = NDIS_STRING_CONST("PhyResetMicroseconds");

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = Adapter->MiniportHandle;

    Status = NdisOpenConfigurationEx(&ConfigObject, &Config);
    if (Status != NDIS_STATUS_SUCCESS)
        return Status; // nothing opened, nothing to close

    Adapter->PhyResetUs = 20;
    NdisReadConfiguration(&Status, &Param, Config, &Keyword, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS)
        Adapter->PhyResetUs = Param->ParameterData.IntegerData; // unknown: the registry decides

    NdisCloseConfiguration(Config);
    return NDIS_STATUS_SUCCESS;
}

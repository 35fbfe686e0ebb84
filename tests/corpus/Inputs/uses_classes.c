/* Uses the header mof2h.py writes for classes.mof the way a miniport uses
 * wmimofck's: the GUID initializer and <Class>_SIZE in an NDIS_GUID table.
 * The sizes are those of the MOF's data items in WmiDataId order with natural
 * alignment; a wrong layout or a missing name fails to compile. */
#include <ndis.h>
#include "classesmof.h"

C_ASSERT(sizeof(Test_Inner) == 8);
C_ASSERT(Test_Inner_SIZE == 5);            /* up ends at 5: no tail padding */
C_ASSERT(FIELD_OFFSET(Test_Outer, flag) == 0);
C_ASSERT(FIELD_OFFSET(Test_Outer, bytes) == 8);
C_ASSERT(FIELD_OFFSET(Test_Outer, inner) == 16);
C_ASSERT(Test_Outer_SIZE == 30);           /* ports[3] at 24, 6 bytes */
C_ASSERT(Test_Outer_inner_SIZE == sizeof(Test_Inner) && Test_Outer_inner_ID == 3);
C_ASSERT(Test_Outer_ports_SIZE == 3 * sizeof(USHORT) && Test_Outer_ports_ID == 4);

static const NDIS_GUID Guids[] = {
    { Test_OuterGuid, 0xFF000001, Test_Outer_SIZE, fNDIS_GUID_TO_OID | fNDIS_GUID_ALLOW_READ },
    { Test_InnerGuid, 0xFF000002, Test_Inner_SIZE, fNDIS_GUID_TO_OID | fNDIS_GUID_ALLOW_READ },
};

NTSTATUS DriverEntry(PDRIVER_OBJECT Driver, PUNICODE_STRING Path)
{
    UNREFERENCED_PARAMETER(Driver);
    UNREFERENCED_PARAMETER(Path);
    return Guids[0].Size == 30 ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

// A tracing helper nothing in the driver calls (main.c is Inputs/clean.c).
// Does not compile: the ';' after the call is missing.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS620_MINIPORT 1
#include <ndis.h>

VOID ClnTraceHalt(PVOID Adapter)
{
    DbgPrint("halt %p\n", Adapter)
}

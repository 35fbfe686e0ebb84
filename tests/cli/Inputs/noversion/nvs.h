// As drivers do: what the NDIS version offers decides the driver's own
// prototypes. Without a version macro the older one is declared, and the
// definition in nvs.c no longer matches it.
#pragma once
#if NDIS_SUPPORT_NDIS620
typedef ULONG NVS_QUEUE_COUNT;
#else
typedef USHORT NVS_QUEUE_COUNT;
#endif
VOID NvsSetQueues(NVS_QUEUE_COUNT Count);

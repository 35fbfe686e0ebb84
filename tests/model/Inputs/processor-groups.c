// CM_PARTIAL_RESOURCE_DESCRIPTOR's processor-group fields (tests/model/processor_groups.test):
// the documented layout with and without NT_PROCESSOR_GROUPS, same offsets either way.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>

#define CHECK(e) _Static_assert(e, #e)
#define OFF(m) __builtin_offsetof(CM_PARTIAL_RESOURCE_DESCRIPTOR, u.m)

CHECK(sizeof(CM_PARTIAL_RESOURCE_DESCRIPTOR) == 20);
CHECK(OFF(MessageInterrupt.Raw.MessageCount) == 6 && OFF(MessageInterrupt.Raw.Vector) == 8);
CHECK(OFF(Interrupt.Vector) == 8 && OFF(MessageInterrupt.Translated.Vector) == 8);
#if defined(NT_PROCESSOR_GROUPS)
CHECK(OFF(Interrupt.Group) == 6 && OFF(MessageInterrupt.Raw.Group) == 4);
CHECK(OFF(MessageInterrupt.Translated.Group) == 6 && sizeof(((CM_PARTIAL_RESOURCE_DESCRIPTOR *)0)->u.Interrupt.Level) == 2);
#else
CHECK(OFF(MessageInterrupt.Raw.Reserved) == 4 && sizeof(((CM_PARTIAL_RESOURCE_DESCRIPTOR *)0)->u.Interrupt.Level) == 4);
#endif

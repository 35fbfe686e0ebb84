// A WSK client's declarations: wsk.h's values and dispatch tables, netiodef.h's
// network module identifiers, ws2def.h's control-data macros and ws2ipdef.h's
// IPv6 address initializers. Sizes are the x64 layouts.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS686_MINIPORT 1
#include <ndis.h>
#include <wsk.h>
#include <netiodef.h>
_Static_assert(sizeof(NPI_MODULEID) == 24, "NPI_MODULEID: USHORT, enum, then a GUID/LUID union");
_Static_assert(__builtin_offsetof(NPI_MODULEID, Guid) == 8, "module GUID");
_Static_assert(MIT_GUID == 1 && MIT_IF_LUID == 2, "module id types");
_Static_assert(WSA_CMSG_SPACE(0) == sizeof(WSACMSGHDR), "an empty control object is one header");
_Static_assert(WSA_CMSG_LEN(4) == 20 && WSA_CMSG_SPACE(4) == 24, "header 16 bytes, data aligned to 8");
_Static_assert(FIELD_SIZE(WSACMSGHDR, cmsg_level) == 4 && MAX_NATURAL_ALIGNMENT == 8, "ntdef");
_Static_assert(TYPE_ALIGNMENT(LUID) == 4, "LUID is two 32-bit halves");
_Static_assert(WSK_FLAG_DATAGRAM_SOCKET == 4 && WSK_EVENT_RECEIVE_FROM == 0x100, "wsk flags");
_Static_assert(SO_WSK_EVENT_CALLBACK == 0x4002 && WSK_INFINITE_WAIT == 0xffffffff, "wsk options");
_Static_assert(SIO_WSK_SET_REMOTE_ADDRESS == 0x8f000001u, "wsk ioctl class");
_Static_assert(sizeof(WSK_PROVIDER_DATAGRAM_DISPATCH) == 8 * sizeof(void *), "datagram table");

static IN6_ADDR Any = IN6ADDR_ANY_INIT, Loopback = IN6ADDR_LOOPBACK_INIT;

NTSTATUS Close(PWSK_SOCKET Socket, PIRP Irp, PWSK_EVENT_CALLBACK_CONTROL Control) {
    Control->NpiId = &NPI_WSK_INTERFACE_ID;
    Control->EventMask = WSK_EVENT_RECEIVE_FROM;
    if (NmrIsEqualNpiModuleId(&NPI_MS_IPV4_MODULEID, &NPI_MS_IPV6_MODULEID) || Any.u.Byte[0] ||
        Loopback.u.Byte[15] != 1)
        return STATUS_UNSUCCESSFUL;
#ifdef __cplusplus
    return ((const WSK_PROVIDER_DATAGRAM_DISPATCH *)Socket->Dispatch)->Basic.WskCloseSocket(Socket, Irp);
#else
    // C reaches the basic table's routines directly, through the unnamed member.
    return ((const WSK_PROVIDER_DATAGRAM_DISPATCH *)Socket->Dispatch)->WskCloseSocket(Socket, Irp);
#endif
}

// Networking headers NDIS drivers include beside ndis.h: netiodef.h, netioapi.h,
// ws2ipdef.h, and the WSK version and TEXT macros. Sizes are those of the API
// metadata's x64 layouts.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS686_MINIPORT 1
#include <ndis.h>
#include <wsk.h>
#include <netiodef.h>
#include <netioapi.h>
_Static_assert(sizeof(IPV4_HEADER) == 20, "ipv4");
_Static_assert(sizeof(IPV6_HEADER) == 40, "ipv6");
_Static_assert(sizeof(ETHERNET_HEADER) == 14, "eth");
_Static_assert(sizeof(VLAN_TAG) == 4, "vlan");
_Static_assert(sizeof(IPV6_FRAGMENT_HEADER) == 8, "frag");
_Static_assert(sizeof(ICMP_MESSAGE) == 8, "icmp");
_Static_assert(sizeof(IGMP_HEADER) == 8, "igmp");
_Static_assert(sizeof(MIB_IF_ROW2) == 1352, "ifrow2");
_Static_assert(IPV6_RTHDR == 32, "rthdr");
_Static_assert(MAKE_WSK_VERSION(1,0) == 0x100, "wsk");
static const char t[] = TEXT("x");
_Static_assert(sizeof(t) == 2, "TEXT is narrow without UNICODE");
_Static_assert(sizeof(IPV4_OPTION_HEADER) == 2 && sizeof(ARP_HEADER) == 9, "netiodef");
_Static_assert(sizeof(MIB_IPNET_ROW2) == 88 && sizeof(MIB_ANYCASTIPADDRESS_ROW) == 48, "netioapi rows");
_Static_assert(sizeof(IP_MREQ) == 8 && sizeof(IPV6_MREQ) == 20, "ws2ipdef");
#ifdef __cplusplus
static_assert(__builtin_offsetof(IPV4_HEADER, Protocol) == 9, "ipv4 protocol");
#endif
void f(IPV4_HEADER *h) { h->HeaderLength = 5; h->Version = IPV4_VERSION; }

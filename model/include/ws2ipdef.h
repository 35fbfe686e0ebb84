//===- ws2ipdef.h - ndisv model of the IP socket definitions --------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv from the documented IPv6 and dual-stack socket address
// types; not the WDK header.
#pragma once

#include <ws2def.h>
#include <in6addr.h>

typedef struct sockaddr_in6 {
    ADDRESS_FAMILY sin6_family;
    USHORT sin6_port;
    ULONG sin6_flowinfo;
    IN6_ADDR sin6_addr;
    union {
        ULONG sin6_scope_id;
        SCOPE_ID sin6_scope_struct;
    };
} SOCKADDR_IN6_LH, *PSOCKADDR_IN6_LH;
typedef SOCKADDR_IN6_LH SOCKADDR_IN6, *PSOCKADDR_IN6;

typedef union _SOCKADDR_INET {
    SOCKADDR_IN Ipv4;
    SOCKADDR_IN6 Ipv6;
    ADDRESS_FAMILY si_family;
} SOCKADDR_INET, *PSOCKADDR_INET;

// Text lengths of an address, with the terminating NUL (RtlIpv4AddressToString
// and RtlIpv6AddressToString, the Winsock reference's inet_ntop).
#define INET_ADDRSTRLEN 22
#define INET6_ADDRSTRLEN 65

#define IP_OPTIONS 1
#define IP_HDRINCL 2
#define IP_TOS 3
#define IP_TTL 4
#define IP_PKTINFO 19
#define IPV6_HOPLIMIT 21
#define IPV6_PKTINFO 19
#define IPV6_UNICAST_HOPS 4
#define IPV6_V6ONLY 27

typedef struct in_pktinfo {
    IN_ADDR ipi_addr;
    ULONG ipi_ifindex;
} IN_PKTINFO, *PIN_PKTINFO;

typedef struct in6_pktinfo {
    IN6_ADDR ipi6_addr;
    ULONG ipi6_ifindex;
} IN6_PKTINFO, *PIN6_PKTINFO;

// Multicast membership requests (IP_ADD_MEMBERSHIP, IPV6_JOIN_GROUP, ...), as the
// API metadata lays them out.
typedef struct ip_mreq {
    IN_ADDR imr_multiaddr;
    IN_ADDR imr_interface;
} IP_MREQ, *PIP_MREQ;

typedef struct ip_mreq_source {
    IN_ADDR imr_multiaddr;
    IN_ADDR imr_sourceaddr;
    IN_ADDR imr_interface;
} IP_MREQ_SOURCE, *PIP_MREQ_SOURCE;

typedef struct ipv6_mreq {
    IN6_ADDR ipv6mr_multiaddr;
    ULONG ipv6mr_interface;
} IPV6_MREQ, *PIPV6_MREQ;

// Initializers of the well-known IPv6 addresses and prefixes (the addresses are
// RFC 4291's and RFC 4380's; the Winsock reference names the macros without bodies).
// IN6_ADDR's bytes come first, so a byte list initializes it.
#define IN6ADDR_ANY_INIT {0}
#define IN6ADDR_LOOPBACK_INIT {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
#define IN6ADDR_ALLNODESONNODE_INIT {0xff, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}
#define IN6ADDR_ALLNODESONLINK_INIT {0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}
#define IN6ADDR_ALLROUTERSONLINK_INIT {0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02}
#define IN6ADDR_ALLMLDV2ROUTERSONLINK_INIT \
    {0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x16}
#define IN6ADDR_LINKLOCALPREFIX_INIT {0xfe, 0x80}
#define IN6ADDR_LINKLOCALPREFIX_LENGTH 64
#define IN6ADDR_MULTICASTPREFIX_INIT {0xff, 0x00}
#define IN6ADDR_MULTICASTPREFIX_LENGTH 8
#define IN6ADDR_SOLICITEDNODEMULTICASTPREFIX_INIT \
    {0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0xff}
#define IN6ADDR_SOLICITEDNODEMULTICASTPREFIX_LENGTH 104
#define IN6ADDR_V4MAPPEDPREFIX_INIT {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}
#define IN6ADDR_V4MAPPEDPREFIX_LENGTH 96
#define IN6ADDR_6TO4PREFIX_INIT {0x20, 0x02}
#define IN6ADDR_6TO4PREFIX_LENGTH 16
#define IN6ADDR_TEREDOPREFIX_INIT {0x20, 0x01, 0, 0}
#define IN6ADDR_TEREDOPREFIX_LENGTH 32

// Every other IPPROTO_IP / IPPROTO_IPV6 socket option (IPV6_RTHDR, IP_RECVIF, ...),
// MCAST_* and PMTUD_STATE: values of Microsoft's API metadata (scripts/gen-net-values).
#include <net/ws2ipdef-values.h>

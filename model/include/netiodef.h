//===- netiodef.h - ndisv model of the network header definitions --------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv; not the WDK header. The link-layer and IP protocol headers
// NDIS drivers parse in their send and receive paths: Ethernet, 802.1Q, SNAP,
// ARP, IPv4 and its options, IPv6 and its extension headers, ICMP, IGMP.
// Field names, order and sizes are those of Microsoft's API metadata
// (windows-sys Win32::Networking::WinSock, which files netiodef.h there); the
// metadata keeps bit fields as one integer, so their names here are the
// protocol's fields as the RFCs lay them out, low bits first as MSVC allocates
// them. Every constant comes from the metadata through scripts/gen-net-values
// (net/netiodef-values.h). Multi-byte fields are in network byte order.
#pragma once

#include <ntdef.h>
#include <ws2ipdef.h>

#include <pshpack1.h>

// ---- link layer ------------------------------------------------------------------
typedef union _DL_OUI {
    UINT8 Byte[3];
    struct {
        UINT8 Group : 1;
        UINT8 Local : 1;
    };
} DL_OUI, *PDL_OUI;

typedef union _DL_EI48 {
    UINT8 Byte[3];
} DL_EI48, *PDL_EI48;

typedef union _DL_EUI48 {
    UINT8 Byte[6];
    struct {
        DL_OUI Oui;
        DL_EI48 Ei48;
    };
} DL_EUI48, *PDL_EUI48;

typedef struct _ETHERNET_HEADER {
    DL_EUI48 Destination;
    DL_EUI48 Source;
    union {
        USHORT Type;
        USHORT Length;
    };
} ETHERNET_HEADER, *PETHERNET_HEADER;

typedef struct _SNAP_HEADER {
    UINT8 Dsap;
    UINT8 Ssap;
    UINT8 Control;
    UINT8 Oui[3];
    USHORT Type;
} SNAP_HEADER, *PSNAP_HEADER;

typedef struct _VLAN_TAG {
    union {
        USHORT Tag;
        struct {
            USHORT VID : 12;
            USHORT CFI : 1;
            USHORT User_Priority : 3;
        };
    };
    USHORT Type;
} VLAN_TAG, *PVLAN_TAG;

typedef struct _ARP_HEADER {
    USHORT HardwareAddressSpace;
    USHORT ProtocolAddressSpace;
    UINT8 HardwareAddressLength;
    UINT8 ProtocolAddressLength;
    USHORT Opcode;
    UINT8 SenderHardwareAddress[ANYSIZE_ARRAY];
} ARP_HEADER, *PARP_HEADER;

// ---- IPv4 ------------------------------------------------------------------------
typedef struct _IPV4_HEADER {
    union {
        UINT8 VersionAndHeaderLength;
        struct {
            UINT8 HeaderLength : 4;
            UINT8 Version : 4;
        };
    };
    union {
        UINT8 TypeOfServiceAndEcnField;
        struct {
            UINT8 EcnField : 2;
            UINT8 TypeOfService : 6;
        };
    };
    USHORT TotalLength;
    USHORT Identification;
    union {
        USHORT FlagsAndOffset;
        struct {
            USHORT DontUse1 : 5;
            USHORT MoreFragments : 1;
            USHORT DontFragment : 1;
            USHORT Reserved : 1;
            USHORT DontUse2 : 8;
        };
    };
    UINT8 TimeToLive;
    UINT8 Protocol;
    USHORT HeaderChecksum;
    IN_ADDR SourceAddress;
    IN_ADDR DestinationAddress;
} IPV4_HEADER, *PIPV4_HEADER;

typedef struct _IPV4_OPTION_HEADER {
    union {
        UINT8 OptionType;
        struct {
            UINT8 OptionNumber : 5;
            UINT8 OptionClass : 2;
            UINT8 CopiedFlag : 1;
        };
    };
    UINT8 OptionLength;
} IPV4_OPTION_HEADER, *PIPV4_OPTION_HEADER;

typedef struct _IPV4_ROUTING_HEADER {
    IPV4_OPTION_HEADER OptionHeader;
    UINT8 Pointer;
} IPV4_ROUTING_HEADER, *PIPV4_ROUTING_HEADER;

// ---- IPv6 and its extension headers ------------------------------------------------
typedef struct _IPV6_HEADER {
    union {
        ULONG VersionClassFlow;
        struct {
            ULONG : 4;
            ULONG Version : 4;
            ULONG : 24;
        };
    };
    USHORT PayloadLength;
    UINT8 NextHeader;
    UINT8 HopLimit;
    IN6_ADDR SourceAddress;
    IN6_ADDR DestinationAddress;
} IPV6_HEADER, *PIPV6_HEADER;

typedef struct _IPV6_EXTENSION_HEADER {
    UINT8 NextHeader;
    UINT8 Length;
} IPV6_EXTENSION_HEADER, *PIPV6_EXTENSION_HEADER;

typedef struct _IPV6_FRAGMENT_HEADER {
    UINT8 NextHeader;
    UINT8 Reserved;
    union {
        struct {
            USHORT DontUse1 : 8;
            USHORT MoreFragments : 1;
            USHORT ReservedBits : 2;
            USHORT DontUse2 : 5;
        };
        USHORT OffsetAndFlags;
    };
    ULONG Id;
} IPV6_FRAGMENT_HEADER, *PIPV6_FRAGMENT_HEADER;

typedef struct _IPV6_ROUTING_HEADER {
    UINT8 NextHeader;
    UINT8 Length;
    UINT8 RoutingType;
    UINT8 SegmentsLeft;
    UINT8 Reserved[4];
} IPV6_ROUTING_HEADER, *PIPV6_ROUTING_HEADER;

typedef struct _IPV6_OPTION_HEADER {
    UINT8 Type;
    UINT8 DataLength;
} IPV6_OPTION_HEADER, *PIPV6_OPTION_HEADER;

// ---- ICMP and IGMP -------------------------------------------------------------------
typedef struct _ICMP_HEADER {
    UINT8 Type;
    UINT8 Code;
    USHORT Checksum;
} ICMP_HEADER, *PICMP_HEADER;
typedef ICMP_HEADER ICMPV4_HEADER, *PICMPV4_HEADER;
typedef ICMP_HEADER ICMPV6_HEADER, *PICMPV6_HEADER;

typedef struct _ICMP_MESSAGE {
    ICMP_HEADER Header;
    union {
        ULONG Data32[1];
        USHORT Data16[2];
        UINT8 Data8[4];
    } Data;
} ICMP_MESSAGE, *PICMP_MESSAGE;
typedef ICMP_MESSAGE ICMPV4_MESSAGE, *PICMPV4_MESSAGE;
typedef ICMP_MESSAGE ICMPV6_MESSAGE, *PICMPV6_MESSAGE;

typedef struct _IGMP_HEADER {
    union {
        struct {
            UINT8 Type : 4;
            UINT8 Version : 4;
        };
        UINT8 VersionType;
    };
    union {
        UINT8 Reserved;
        UINT8 MaxRespTime;
        UINT8 Code;
    };
    USHORT Checksum;
    IN_ADDR MulticastAddress;
} IGMP_HEADER, *PIGMP_HEADER;

#include <poppack.h>

#include <net/netiodef-values.h>

// ---- network module identifiers ---------------------------------------------------
// NPIID is the reference's (NPI_REGISTRATION_INSTANCE page: a GUID, a pointer to a
// constant one). NPI_MODULEID, its NPI_MODULEID_TYPE (MIT_GUID = 1, MIT_IF_LUID = 2)
// and the Microsoft modules' identifiers are the API metadata's, which files them in
// this header as the WDK does; the reference names NPI_MODULEID without a page.
NDISV_BEGIN_DECLS

#ifndef _NPIID_DEFINED
#define _NPIID_DEFINED
typedef GUID NPIID;
typedef const NPIID *PNPIID;
#endif

typedef enum _NPI_MODULEID_TYPE {
    MIT_GUID = 1,
    MIT_IF_LUID,
} NPI_MODULEID_TYPE;

typedef struct _NPI_MODULEID {
    USHORT Length;
    NPI_MODULEID_TYPE Type;
    union {
        GUID Guid;
        LUID IfLuid;
    };
} NPI_MODULEID;
typedef const NPI_MODULEID *PNPI_MODULEID;

// Same type, then the GUID or the LUID compared as the type says.
static __inline BOOLEAN NmrIsEqualNpiModuleId(PNPI_MODULEID ModuleId1, PNPI_MODULEID ModuleId2) {
    if (ModuleId1->Type != ModuleId2->Type)
        return FALSE;
    if (ModuleId1->Type == MIT_GUID)
        return (BOOLEAN)(__builtin_memcmp(&ModuleId1->Guid, &ModuleId2->Guid, sizeof(GUID)) == 0);
    if (ModuleId1->Type == MIT_IF_LUID)
        return (BOOLEAN)(__builtin_memcmp(&ModuleId1->IfLuid, &ModuleId2->IfLuid, sizeof(LUID)) == 0);
    return FALSE;
}

// Identifiers the system's network modules register with (exported by netio; their
// values are not documented and the model does not need them).
extern const NPI_MODULEID NPI_MS_NMR_MODULEID;
extern const NPIID NPI_FRAMING_LAYER_ID;
extern const NPI_MODULEID NPI_MS_TUN_MODULEID;
extern const NPI_MODULEID NPI_MS_FL48_MODULEID;
extern const NPI_MODULEID NPI_MS_FL68_MODULEID;
extern const NPI_MODULEID NPI_MS_FL4L_MODULEID;
extern const NPI_MODULEID NPI_MS_FL6L_MODULEID;
extern const NPI_MODULEID NPI_MS_FL4T_MODULEID;
extern const NPI_MODULEID NPI_MS_FL6T_MODULEID;
extern const NPI_MODULEID NPI_MS_WANARPV4_MODULEID;
extern const NPI_MODULEID NPI_MS_WANARPV6_MODULEID;
extern const NPI_MODULEID NPI_MS_FL_WANARP_MODULEID;
extern const NPI_MODULEID NPI_MS_NDIS_MODULEID;
extern const NPIID NPI_NETWORK_LAYER_ID;
extern const NPI_MODULEID NPI_MS_IPV6_MODULEID;
extern const NPI_MODULEID NPI_MS_IPV4_MODULEID;

NDISV_END_DECLS

//===- ndis/ext-wintun-tap.h - NDIS names the base ndis.h model lacks ---===//
// SPDX-License-Identifier: Apache-2.0
//
// ndisv NDIS model. Written for ndisv from the documented NDIS API (names,
// prototypes, field lists, constant values); not the WDK header. Virtual
// adapters with a control device (wintun, tap-windows6) use NDIS names the
// base model did not carry yet: the device-object registration, NBL flag
// helpers, EtherType values, runtime versions and a few OIDs. Each
// group is guarded so that a later copy in the base headers wins cleanly.
#pragma once

NDISV_BEGIN_DECLS

// ---- versions ---------------------------------------------------------------
// NdisGetVersion returns the major version in the high 16 bits.
#ifndef NDIS_RUNTIME_VERSION_60
#define NDIS_RUNTIME_VERSION_60 ((6 << 16) | 0)
#define NDIS_RUNTIME_VERSION_61 ((6 << 16) | 1)
#define NDIS_RUNTIME_VERSION_620 ((6 << 16) | 20)
#define NDIS_RUNTIME_VERSION_630 ((6 << 16) | 30)
#define NDIS_RUNTIME_VERSION_640 ((6 << 16) | 40)
#define NDIS_RUNTIME_VERSION_650 ((6 << 16) | 50)
#define NDIS_RUNTIME_VERSION_660 ((6 << 16) | 60)
#define NDIS_RUNTIME_VERSION_670 ((6 << 16) | 70)
#define NDIS_RUNTIME_VERSION_680 ((6 << 16) | 80)
#define NDIS_RUNTIME_VERSION_681 ((6 << 16) | 81)
#define NDIS_RUNTIME_VERSION_682 ((6 << 16) | 82)
#define NDIS_RUNTIME_VERSION_683 ((6 << 16) | 83)
#define NDIS_RUNTIME_VERSION_684 ((6 << 16) | 84)
#define NDIS_RUNTIME_VERSION_685 ((6 << 16) | 85)
#define NDIS_RUNTIME_VERSION_686 ((6 << 16) | 86)
#define NDIS_RUNTIME_VERSION_687 ((6 << 16) | 87)
#define NDIS_RUNTIME_VERSION_688 ((6 << 16) | 88)
#define NDIS_RUNTIME_VERSION_689 ((6 << 16) | 89)
#endif
// The oldest miniport version this NDIS accepts (NDIS 6.0).
#ifndef NDIS_MINIPORT_MINIMUM_MAJOR_VERSION
#define NDIS_MINIPORT_MINIMUM_MAJOR_VERSION 6
#endif
#ifndef NDIS_MINIPORT_MINIMUM_MINOR_VERSION
#define NDIS_MINIPORT_MINIMUM_MINOR_VERSION 0
#endif

// ---- status codes and interface types -----------------------------------------
#ifndef NDIS_STATUS_INVALID_STATE
#define NDIS_STATUS_INVALID_STATE ((NDIS_STATUS)STATUS_INVALID_DEVICE_STATE)
#endif
#ifndef IF_TYPE_PROP_VIRTUAL
#define IF_TYPE_PROP_VIRTUAL 53
#endif

// ---- OIDs -------------------------------------------------------------------------
#ifndef OID_GEN_RCV_DISCARDS
#define OID_GEN_RCV_DISCARDS 0x0002011B
#endif
#ifndef OID_GEN_XMIT_DISCARDS
#define OID_GEN_XMIT_DISCARDS 0x0002011C
#endif
#ifndef OID_PM_CURRENT_CAPABILITIES
#define OID_PM_CURRENT_CAPABILITIES 0xFD010107
#define OID_PM_HARDWARE_CAPABILITIES 0xFD010108
#define OID_PM_PARAMETERS 0xFD010109
#define OID_PM_ADD_WOL_PATTERN 0xFD01010A
#define OID_PM_REMOVE_WOL_PATTERN 0xFD01010B
#define OID_PM_WOL_PATTERN_LIST 0xFD01010C
#define OID_PM_ADD_PROTOCOL_OFFLOAD 0xFD01010D
#define OID_PM_GET_PROTOCOL_OFFLOAD 0xFD01010E
#define OID_PM_REMOVE_PROTOCOL_OFFLOAD 0xFD01010F
#define OID_PM_PROTOCOL_OFFLOAD_LIST 0xFD010110
#endif
#ifndef OID_IP4_OFFLOAD_STATS
#define OID_IP4_OFFLOAD_STATS 0xFC010209
#define OID_IP6_OFFLOAD_STATS 0xFC01020A
#endif

// ---- EtherType values -----------------------------------------------------------
#ifndef NDIS_ETH_TYPE_IPV4
#define NDIS_ETH_TYPE_IPV4 0x0800
#define NDIS_ETH_TYPE_ARP 0x0806
#define NDIS_ETH_TYPE_IPV6 0x86DD
#define NDIS_ETH_TYPE_802_1X 0x888E
#define NDIS_ETH_TYPE_802_1Q 0x8100
#define NDIS_ETH_TYPE_SLOW_PROTOCOL 0x8809
#endif

// ---- NET_BUFFER_LIST flags --------------------------------------------------------
#ifndef NDIS_NBL_FLAGS_IS_IPV4
#define NDIS_NBL_FLAGS_SEND_READ_ONLY 0x00000001
#define NDIS_NBL_FLAGS_RECV_READ_ONLY 0x00000002
#define NDIS_NBL_FLAGS_HD_SPLIT 0x00000100
#define NDIS_NBL_FLAGS_IS_IPV4 0x00000200
#define NDIS_NBL_FLAGS_IS_IPV6 0x00000400
#define NDIS_NBL_FLAGS_IS_TCP 0x00000800
#define NDIS_NBL_FLAGS_IS_UDP 0x00001000
#endif
#ifndef NBL_FLAGS_MINIPORT_RESERVED
#define NBL_FLAGS_PROTOCOL_RESERVED 0xFFF00000
#define NBL_FLAGS_MINIPORT_RESERVED 0x0000F000
#define NBL_FLAGS_SCRATCH 0x000F0000
#define NBL_FLAGS_NDIS_RESERVED 0x00000FFF
#endif
#ifndef NdisSetNblFlag
#endif

// ---- device objects registered through NDIS -------------------------------------------
#ifndef NDIS_DEVICE_OBJECT_ATTRIBUTES_REVISION_1
#define NDIS_DEVICE_OBJECT_ATTRIBUTES_REVISION_1 1
#define NDIS_SIZEOF_DEVICE_OBJECT_ATTRIBUTES_REVISION_1 \
    RTL_SIZEOF_THROUGH_FIELD(NDIS_DEVICE_OBJECT_ATTRIBUTES, DeviceClassGuid)
#endif

NDISV_END_DECLS

// ndisv NDIS model: ndis.h entry point and NDIS version selection. Written for ndisv from the documented API; not the WDK header.
// SPDX-License-Identifier: Apache-2.0
#pragma once
// The WDK header's include guard: drivers test it to know the header is in.
#define _NDIS_

#include <ntddk.h>

// Pick the newest version the driver asked for; default to NDIS 6.0.
#if defined(NDIS689_MINIPORT)
#define NDISV_VER 689
#elif defined(NDIS688_MINIPORT)
#define NDISV_VER 688
#elif defined(NDIS687_MINIPORT)
#define NDISV_VER 687
#elif defined(NDIS686_MINIPORT)
#define NDISV_VER 686
#elif defined(NDIS685_MINIPORT)
#define NDISV_VER 685
#elif defined(NDIS684_MINIPORT)
#define NDISV_VER 684
#elif defined(NDIS683_MINIPORT)
#define NDISV_VER 683
#elif defined(NDIS682_MINIPORT)
#define NDISV_VER 682
#elif defined(NDIS681_MINIPORT)
#define NDISV_VER 681
#elif defined(NDIS680_MINIPORT)
#define NDISV_VER 680
#elif defined(NDIS670_MINIPORT)
#define NDISV_VER 670
#elif defined(NDIS660_MINIPORT)
#define NDISV_VER 660
#elif defined(NDIS650_MINIPORT)
#define NDISV_VER 650
#elif defined(NDIS640_MINIPORT)
#define NDISV_VER 640
#elif defined(NDIS630_MINIPORT)
#define NDISV_VER 630
#elif defined(NDIS620_MINIPORT)
#define NDISV_VER 620
#elif defined(NDIS61_MINIPORT)
#define NDISV_VER 610
#else
#define NDISV_VER 600
#endif

#define NDIS_SUPPORT_NDIS6 1
#if NDISV_VER >= 610
#define NDIS_SUPPORT_NDIS61 1
#endif
#if NDISV_VER >= 620
#define NDIS_SUPPORT_NDIS620 1
#endif
#if NDISV_VER >= 630
#define NDIS_SUPPORT_NDIS630 1
#endif
#if NDISV_VER >= 640
#define NDIS_SUPPORT_NDIS640 1
#endif
#if NDISV_VER >= 650
#define NDIS_SUPPORT_NDIS650 1
#endif
// NDIS 6.51 (Windows 10, version 1511) has no miniport macro of its own here;
// what the WDK gates at it is there from 6.60 on.
#if NDISV_VER >= 651
#define NDIS_SUPPORT_NDIS651 1
#endif
#if NDISV_VER >= 660
#define NDIS_SUPPORT_NDIS660 1
#endif
#if NDISV_VER >= 670
#define NDIS_SUPPORT_NDIS670 1
#endif
#if NDISV_VER >= 680
#define NDIS_SUPPORT_NDIS680 1
#endif
#if NDISV_VER >= 681
#define NDIS_SUPPORT_NDIS681 1
#endif
#if NDISV_VER >= 682
#define NDIS_SUPPORT_NDIS682 1
#endif
#if NDISV_VER >= 683
#define NDIS_SUPPORT_NDIS683 1
#endif
#if NDISV_VER >= 684
#define NDIS_SUPPORT_NDIS684 1
#endif
#if NDISV_VER >= 685
#define NDIS_SUPPORT_NDIS685 1
#endif
#if NDISV_VER >= 686
#define NDIS_SUPPORT_NDIS686 1
#endif
#if NDISV_VER >= 687
#define NDIS_SUPPORT_NDIS687 1
#endif
#if NDISV_VER >= 688
#define NDIS_SUPPORT_NDIS688 1
#endif
#if NDISV_VER >= 689
#define NDIS_SUPPORT_NDIS689 1
#endif

#if 1
#ifndef NDIS_MINIPORT_MAJOR_VERSION
#define NDIS_MINIPORT_MAJOR_VERSION 6
#endif
#ifndef NDIS_MINIPORT_MINOR_VERSION
#if NDISV_VER == 600
#define NDIS_MINIPORT_MINOR_VERSION 0
#elif NDISV_VER == 610
#define NDIS_MINIPORT_MINOR_VERSION 1
#elif NDISV_VER == 620
#define NDIS_MINIPORT_MINOR_VERSION 20
#elif NDISV_VER == 630
#define NDIS_MINIPORT_MINOR_VERSION 30
#elif NDISV_VER == 640
#define NDIS_MINIPORT_MINOR_VERSION 40
#elif NDISV_VER == 650
#define NDIS_MINIPORT_MINOR_VERSION 50
#elif NDISV_VER == 660
#define NDIS_MINIPORT_MINOR_VERSION 60
#elif NDISV_VER == 670
#define NDIS_MINIPORT_MINOR_VERSION 70
#elif NDISV_VER == 680
#define NDIS_MINIPORT_MINOR_VERSION 80
#elif NDISV_VER == 681
#define NDIS_MINIPORT_MINOR_VERSION 81
#elif NDISV_VER == 682
#define NDIS_MINIPORT_MINOR_VERSION 82
#elif NDISV_VER == 683
#define NDIS_MINIPORT_MINOR_VERSION 83
#elif NDISV_VER == 684
#define NDIS_MINIPORT_MINOR_VERSION 84
#elif NDISV_VER == 685
#define NDIS_MINIPORT_MINOR_VERSION 85
#elif NDISV_VER == 686
#define NDIS_MINIPORT_MINOR_VERSION 86
#elif NDISV_VER == 687
#define NDIS_MINIPORT_MINOR_VERSION 87
#elif NDISV_VER == 688
#define NDIS_MINIPORT_MINOR_VERSION 88
#elif NDISV_VER == 689
#define NDIS_MINIPORT_MINOR_VERSION 89
#endif
#endif
#endif

// NdisGetVersion returns the major version in the high 16 bits.
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
// the lowest version ndis.sys accepts (Microsoft's WDK API metadata: 5.0)
#define NDIS_MINIPORT_MINIMUM_MAJOR_VERSION 5
#define NDIS_MINIPORT_MINIMUM_MINOR_VERSION 0

#define NDIS_API
#define NDIS_DDI

// As with the WDK's ndis.h, the socket address types (SOCKADDR, IN6_ADDR,
// SOCKADDR_INET) are visible to every miniport: NDK and the ntddndis.h
// structures use them.
#include <ws2ipdef.h>
#include <ndis/status.h>
#include <ndis/oids.h>
#include <ndis/types.h>
#include <ndis/nbl-values.h>
#include <ndis/vmq.h>
#include <ndis/rss.h>
#include <ndis/qos.h>
#include <ndis/documented.h>
#include <ndis/ntddndis-values.h>
#include <ndis/miniport-values.h>
#include <ndis/functions.h>

# SPDX-License-Identifier: Apache-2.0
"""Declarations scripts/gen-ndis-model cannot take from a syntax block.

Each entry is a documented name whose page has no syntax block (documented
after 2018), or whose block is documentation shorthand rather than C; the text
is written from the page's documented facts (field names and order from its
field list, types from its field descriptions), and the comment says which.
"""

# Documented names whose declaration the syntax block cannot give as C.
DECLARATIONS = {
    # NET_BUFFER_DATA, NET_BUFFER and NET_BUFFER_LIST: the 2018 blocks show the
    # header unions only; the field lists (and the accessor macros, which use
    # Next, CurrentMdl, FirstNetBuffer ... directly) document the members the
    # unions overlay, in this order.
    "NET_BUFFER_DATA": """typedef struct _NET_BUFFER_DATA {
  PNET_BUFFER Next;
  PMDL CurrentMdl;
  ULONG CurrentMdlOffset;
  union {
    ULONG DataLength;
    SIZE_T stDataLength;
  } NbDataLength;
  PMDL MdlChain;
  ULONG DataOffset;
} NET_BUFFER_DATA, *PNET_BUFFER_DATA;""",
    "NET_BUFFER": """typedef struct _NET_BUFFER {
  union {
    struct {
      PNET_BUFFER Next;
      PMDL CurrentMdl;
      ULONG CurrentMdlOffset;
      union {
        ULONG DataLength;
        SIZE_T stDataLength;
      };
      PMDL MdlChain;
      ULONG DataOffset;
    };
    SLIST_HEADER Link;
    NET_BUFFER_HEADER NetBufferHeader;
  };
  USHORT ChecksumBias;
  USHORT Reserved;
  NDIS_HANDLE NdisPoolHandle;
  PVOID NdisReserved[2];
  PVOID ProtocolReserved[6];
  PVOID MiniportReserved[4];
  NDIS_PHYSICAL_ADDRESS DataPhysicalAddress;
#if NDIS_SUPPORT_NDIS620
  union {
    PNET_BUFFER_SHARED_MEMORY SharedMemoryInfo;
    PSCATTER_GATHER_LIST ScatterGatherList;
  };
#endif
} NET_BUFFER, *PNET_BUFFER;""",
    "NET_BUFFER_LIST": """typedef struct _NET_BUFFER_LIST {
  union {
    struct {
      PNET_BUFFER_LIST Next;
      PNET_BUFFER FirstNetBuffer;
    };
    SLIST_HEADER Link;
    NET_BUFFER_LIST_HEADER NetBufferListHeader;
  };
  PNET_BUFFER_LIST_CONTEXT Context;
  PNET_BUFFER_LIST ParentNetBufferList;
  NDIS_HANDLE NdisPoolHandle;
  PVOID NdisReserved[2];
  PVOID ProtocolReserved[4];
  PVOID MiniportReserved[2];
  PVOID Scratch;
  NDIS_HANDLE SourceHandle;
  ULONG NblFlags;
  LONG ChildRefCount;
  ULONG Flags;
  union {
    NDIS_STATUS Status;
    ULONG NdisReserved2;
  };
  PVOID NetBufferListInfo[MaxNetBufferListInfo];
} NET_BUFFER_LIST, *PNET_BUFFER_LIST;""",
    # The third parameter is documented as a pointer to
    # NDIS_RECEIVE_THROTTLE_PARAMETERS, which NDIS 6.20 introduced; before it
    # the two trailing parameters were reserved ULONG pointers.
    "MINIPORT_INTERRUPT_DPC": """#if NDIS_SUPPORT_NDIS620
typedef VOID (MINIPORT_INTERRUPT_DPC)(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
                                      PVOID ReceiveThrottleParameters, PVOID NdisReserved2);
#else
typedef VOID (MINIPORT_INTERRUPT_DPC)(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
                                      PULONG NdisReserved1, PULONG NdisReserved2);
#endif""",
    "MINIPORT_MESSAGE_INTERRUPT_DPC": """#if NDIS_SUPPORT_NDIS620
typedef VOID (MINIPORT_MESSAGE_INTERRUPT_DPC)(NDIS_HANDLE MiniportInterruptContext, ULONG MessageId,
                                              PVOID MiniportDpcContext,
                                              PVOID ReceiveThrottleParameters, PVOID NdisReserved2);
#else
typedef VOID (MINIPORT_MESSAGE_INTERRUPT_DPC)(NDIS_HANDLE MiniportInterruptContext, ULONG MessageId,
                                              PVOID MiniportDpcContext,
                                              PULONG NdisReserved1, PULONG NdisReserved2);
#endif""",
    # Poll mode (poll.h, NDIS 6.85): pages without syntax blocks. Types are
    # the ones the field and parameter descriptions name; reserved members
    # are documented only as "must be zero" and are declared ULONG.
    "NDIS_POLL_TRANSMIT_DATA": """typedef struct _NDIS_POLL_TRANSMIT_DATA {
  ULONG MaxNblsToComplete;
  ULONG Reserved1;
  NET_BUFFER_LIST *CompletedNblChain;
  ULONG NumberOfCompletedNbls;
  ULONG NumberOfRemainingNbls;
  ULONG SendCompleteFlags;
  ULONG Reserved2;
  ULONG Reserved3;
} NDIS_POLL_TRANSMIT_DATA, *PNDIS_POLL_TRANSMIT_DATA;""",
    "NDIS_POLL_RECEIVE_DATA": """typedef struct _NDIS_POLL_RECEIVE_DATA {
  ULONG MaxNblsToIndicate;
  ULONG Reserved1;
  NET_BUFFER_LIST *IndicatedNblChain;
  ULONG NumberOfIndicatedNbls;
  ULONG NumberOfRemainingNbls;
  ULONG Flags;
  ULONG Reserved2;
  ULONG Reserved3;
} NDIS_POLL_RECEIVE_DATA, *PNDIS_POLL_RECEIVE_DATA;""",
    "NDIS_POLL_DATA": """typedef struct _NDIS_POLL_DATA {
  NDIS_OBJECT_HEADER Header;
  NDIS_POLL_TRANSMIT_DATA Transmit;
  NDIS_POLL_RECEIVE_DATA Receive;
} NDIS_POLL_DATA, *PNDIS_POLL_DATA;""",
    "NDIS_POLL_NOTIFICATION": """typedef struct _NDIS_POLL_NOTIFICATION {
  NDIS_OBJECT_HEADER Header;
  BOOLEAN Enabled;
} NDIS_POLL_NOTIFICATION, *PNDIS_POLL_NOTIFICATION;""",
    "NDIS_POLL": "typedef VOID (NDIS_POLL)(PVOID Context, NDIS_POLL_DATA *PollData);",
    "NDIS_SET_POLL_NOTIFICATION":
        "typedef VOID (NDIS_SET_POLL_NOTIFICATION)(PVOID Context, NDIS_POLL_NOTIFICATION *Notification);",
    "NDIS_POLL_CHARACTERISTICS": """typedef struct _NDIS_POLL_CHARACTERISTICS {
  NDIS_OBJECT_HEADER Header;
  NDIS_SET_POLL_NOTIFICATION *SetPollNotificationHandler;
  NDIS_POLL *PollHandler;
} NDIS_POLL_CHARACTERISTICS, *PNDIS_POLL_CHARACTERISTICS;""",
    "NdisRegisterPoll": """NTSTATUS NdisRegisterPoll(NDIS_HANDLE NdisHandle, PVOID Context,
                          NDIS_POLL_CHARACTERISTICS const *Characteristics,
                          NDIS_POLL_HANDLE *PollHandle);""",
    "NdisDeregisterPoll": "VOID NdisDeregisterPoll(NDIS_POLL_HANDLE PollHandle);",
    "NdisRequestPoll": "VOID NdisRequestPoll(NDIS_POLL_HANDLE PollHandle, PVOID Reserved);",
    "NdisSetPollAffinity":
        "NTSTATUS NdisSetPollAffinity(NDIS_POLL_HANDLE PollHandle, PROCESSOR_NUMBER const *PollAffinity);",
    # Timestamps (nbltimestamp.h): a 64-bit value per NET_BUFFER_LIST.
    "NET_BUFFER_LIST_TIMESTAMP": """typedef struct _NET_BUFFER_LIST_TIMESTAMP {
  ULONG64 Timestamp;
} NET_BUFFER_LIST_TIMESTAMP, *PNET_BUFFER_LIST_TIMESTAMP;""",
    "NdisGetNblTimestampInfo":
        "VOID NdisGetNblTimestampInfo(PNET_BUFFER_LIST Nbl, PNET_BUFFER_LIST_TIMESTAMP NblTimestamp);",
    "NdisSetNblTimestampInfo":
        "VOID NdisSetNblTimestampInfo(PNET_BUFFER_LIST Nbl, PNET_BUFFER_LIST_TIMESTAMP NblTimestamp);",
    "NdisCopyNblTimestampInfo":
        "VOID NdisCopyNblTimestampInfo(PNET_BUFFER_LIST NblDest, PNET_BUFFER_LIST NblSrc);",
    # UDP segmentation offload per-packet information (nbluso.h): the same
    # 20/10/1/1-bit layout as the documented LSO V2 transmit information.
    "NDIS_UDP_SEGMENTATION_OFFLOAD_NET_BUFFER_LIST_INFO": """typedef struct _NDIS_UDP_SEGMENTATION_OFFLOAD_NET_BUFFER_LIST_INFO {
  union {
    struct {
      ULONG MSS : 20;
      ULONG UdpHeaderOffset : 10;
      ULONG Reserved : 1;
      ULONG IPVersion : 1;
    } Transmit;
    PVOID Value;
  };
} NDIS_UDP_SEGMENTATION_OFFLOAD_NET_BUFFER_LIST_INFO, *PNDIS_UDP_SEGMENTATION_OFFLOAD_NET_BUFFER_LIST_INFO;""",
    # miniport.h's ordered memory accessors (no syntax blocks): each page
    # documents a pointer to the value read or written and the value.
    "BarrierAfterRead": "VOID BarrierAfterRead(VOID);",
    "ReadBooleanRaw": "BOOLEAN ReadBooleanRaw(BOOLEAN const volatile *Source);",
    "ReadInt32Acquire": "LONG ReadInt32Acquire(LONG const volatile *Source);",
    "ReadInt32NoFence": "LONG ReadInt32NoFence(LONG const volatile *Source);",
    "ReadInt32Raw": "LONG ReadInt32Raw(LONG const volatile *Source);",
    "ReadUInt32Acquire": "ULONG ReadUInt32Acquire(ULONG const volatile *Source);",
    "ReadUInt32NoFence": "ULONG ReadUInt32NoFence(ULONG const volatile *Source);",
    "ReadUInt32Raw": "ULONG ReadUInt32Raw(ULONG const volatile *Source);",
    "WriteInt32NoFence": "VOID WriteInt32NoFence(LONG volatile *Destination, LONG Value);",
    "WriteInt32Raw": "VOID WriteInt32Raw(LONG volatile *Destination, LONG Value);",
    "WriteInt32Release": "VOID WriteInt32Release(LONG volatile *Destination, LONG Value);",
    "WriteUInt32NoFence": "VOID WriteUInt32NoFence(ULONG volatile *Destination, ULONG Value);",
    "WriteUInt32Raw": "VOID WriteUInt32Raw(ULONG volatile *Destination, ULONG Value);",
    "WriteUInt32Release": "VOID WriteUInt32Release(ULONG volatile *Destination, ULONG Value);",
    # The block has a stray "ULONG {"; the field list gives the members.
    "NDIS_SWITCH_PORT_PROPERTY_ROUTING_DOMAIN": """typedef struct _NDIS_SWITCH_PORT_PROPERTY_ROUTING_DOMAIN {
  NDIS_OBJECT_HEADER Header;
  ULONG Flags;
  NDIS_ROUTING_DOMAIN_ID RoutingDomainId;
  NDIS_ROUTING_DOMAIN_NAME RoutingDomainName;
  ULONG NumIsolationEntries;
  ULONG FirstIsolationEntryOffset;
} NDIS_SWITCH_PORT_PROPERTY_ROUTING_DOMAIN, *PNDIS_SWITCH_PORT_PROPERTY_ROUTING_DOMAIN;""",
    # Timestamping and USO capabilities (ntddndis.h, pages without blocks):
    # the flags are documented as BOOLEAN capabilities, the clock values as
    # 64-bit counts; the USO support fields use the 2-bit NDIS_OFFLOAD_*
    # flag encoding of the documented LSO V2 capabilities.
    "NDIS_TIMESTAMP_CAPABILITY_FLAGS": """typedef struct _NDIS_TIMESTAMP_CAPABILITY_FLAGS {
  BOOLEAN PtpV2OverUdpIPv4EventMsgReceiveHw;
  BOOLEAN PtpV2OverUdpIPv4AllMsgReceiveHw;
  BOOLEAN PtpV2OverUdpIPv4EventMsgTransmitHw;
  BOOLEAN PtpV2OverUdpIPv4AllMsgTransmitHw;
  BOOLEAN PtpV2OverUdpIPv6EventMsgReceiveHw;
  BOOLEAN PtpV2OverUdpIPv6AllMsgReceiveHw;
  BOOLEAN PtpV2OverUdpIPv6EventMsgTransmitHw;
  BOOLEAN PtpV2OverUdpIPv6AllMsgTransmitHw;
  BOOLEAN AllReceiveHw;
  BOOLEAN AllTransmitHw;
  BOOLEAN TaggedTransmitHw;
  BOOLEAN AllReceiveSw;
  BOOLEAN AllTransmitSw;
  BOOLEAN TaggedTransmitSw;
} NDIS_TIMESTAMP_CAPABILITY_FLAGS, *PNDIS_TIMESTAMP_CAPABILITY_FLAGS;""",
    "NDIS_TIMESTAMP_CAPABILITIES": """typedef struct _NDIS_TIMESTAMP_CAPABILITIES {
  NDIS_OBJECT_HEADER Header;
  ULONG64 HardwareClockFrequencyHz;
  BOOLEAN CrossTimestamp;
  ULONG64 Reserved1;
  ULONG64 Reserved2;
  NDIS_TIMESTAMP_CAPABILITY_FLAGS TimestampFlags;
} NDIS_TIMESTAMP_CAPABILITIES, *PNDIS_TIMESTAMP_CAPABILITIES;""",
    "NDIS_HARDWARE_CROSSTIMESTAMP": """typedef struct _NDIS_HARDWARE_CROSSTIMESTAMP {
  NDIS_OBJECT_HEADER Header;
  ULONG Flags;
  ULONG64 SystemTimestamp1;
  ULONG64 HardwareClockTimestamp;
  ULONG64 SystemTimestamp2;
} NDIS_HARDWARE_CROSSTIMESTAMP, *PNDIS_HARDWARE_CROSSTIMESTAMP;""",
    "NDIS_UDP_SEGMENTATION_OFFLOAD": """typedef struct _NDIS_UDP_SEGMENTATION_OFFLOAD {
  struct {
    ULONG Encapsulation;
    ULONG MaxOffLoadSize;
    ULONG MinSegmentCount;
    ULONG SubMssFinalSegmentSupported : 2;
    ULONG Reserved : 30;
  } IPv4;
  struct {
    ULONG Encapsulation;
    ULONG MaxOffLoadSize;
    ULONG MinSegmentCount;
    ULONG SubMssFinalSegmentSupported : 2;
    ULONG Reserved1 : 30;
    ULONG IpExtensionHeadersSupported : 2;
    ULONG Reserved2 : 30;
  } IPv6;
} NDIS_UDP_SEGMENTATION_OFFLOAD, *PNDIS_UDP_SEGMENTATION_OFFLOAD;""",
    # NDIS 6.50 VXLAN and NDIS 6.70 464XLAT offload capabilities (pages
    # without blocks): the support fields use the 4-bit encoding of the
    # documented V1 structure, the reserved bits fill the ULONG.
    "NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_V2": """typedef struct _NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_V2 {
  ULONG TransmitChecksumOffloadSupported : 4;
  ULONG ReceiveChecksumOffloadSupported : 4;
  ULONG LsoV2Supported : 4;
  ULONG RssSupported : 4;
  ULONG VmqSupported : 4;
  ULONG UsoSupported : 4;
  ULONG Reserved : 8;
  ULONG MaxHeaderSizeSupported;
  union _ENCAPSULATION_PROTOCOL_INFO {
    struct {
      USHORT VxlanUDPPortNumber;
      USHORT VxlanUDPPortNumberConfigurable : 1;
      USHORT Reserved : 15;
    } VxlanInfo;
    ULONG Value;
  } EncapsulationProtocolInfo;
  ULONG Reserved1;
  ULONG Reserved2;
} NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_V2, *PNDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_V2;""",
    "NDIS_RFC6877_464XLAT_OFFLOAD": """typedef struct _NDIS_RFC6877_464XLAT_OFFLOAD {
  NDIS_RFC6877_464XLAT_OFFLOAD_OPTIONS XlatOffload;
  ULONG Flags;
} NDIS_RFC6877_464XLAT_OFFLOAD, *PNDIS_RFC6877_464XLAT_OFFLOAD;""",
    # Documented (nblapi.h) without a syntax block: the pages give the
    # parameters (a pointer to the buffer size; the MDL to free) and returns.
    "NET_BUFFER_ALLOCATE_MDL": "typedef PMDL (NET_BUFFER_ALLOCATE_MDL)(PULONG BufferSize);",
    "NET_BUFFER_FREE_MDL": "typedef VOID (NET_BUFFER_FREE_MDL)(PMDL Mdl);",
    # Documented as a macro with an untyped prototype; the parameters are
    # documented as the list head and the NDIS_SPIN_LOCK that guards it.
    "NdisInterlockedRemoveHeadList":
        "PLIST_ENTRY NdisInterlockedRemoveHeadList(PLIST_ENTRY ListHead, PNDIS_SPIN_LOCK SpinLock);",
}

# Typos in the reference's syntax blocks (regular expression, replacement), corrected to the names the
# reference documents elsewhere.
FIXES = {
    # Microsoft's Win32 metadata (windows-sys Win32::NetworkManagement::Ndis,
    # which scripts/gen-ndis-values reads) has NdisMediumWiMAX = 18 before
    # NdisMediumIP = 19, and the spelling NdisProcessorVendorGenuineIntel
    # beside the reference's GenuinIntel (both 1); the blocks lack them, so
    # NdisMediumIP and NdisMediumMax had the wrong values.
    "NDIS_MEDIUM": [(r"\bNdisMediumIP\b", "NdisMediumWiMAX,\n  NdisMediumIP")],
    "NDIS_PROCESSOR_VENDOR": [(r"\bNdisProcessorVendorGenuinIntel\b\s*,",
                               "NdisProcessorVendorGenuinIntel,\n  NdisProcessorVendorGenuineIntel = "
                               "NdisProcessorVendorGenuinIntel,")],
    # The field list documents u.Port (the block spells it "port"), and the
    # Option flags IO_RESOURCE_PREFERRED, _DEFAULT and _ALTERNATIVE, whose
    # values (1, 2, 8) Microsoft's WDK metadata gives (windows-docs-rs,
    # Wdk::System::SystemServices).
    "IO_RESOURCE_DESCRIPTOR": [(r"\}\s*port;", "} Port;"),
                               (r"^(typedef struct _IO_RESOURCE_DESCRIPTOR)",
                                "#define IO_RESOURCE_PREFERRED 0x01\n#define IO_RESOURCE_DEFAULT 0x02\n"
                                "#define IO_RESOURCE_ALTERNATIVE 0x08\n\\1")],
    # The field list documents the members NDIS 6.50 (VXLAN port, the union
    # _ENCAPSULATION_PROTOCOL_PARAMETERS) and 6.83 (USO settings, values 0-2
    # like the other UCHAR settings) and 6.89 (UdpRsc.Enabled, URO) added after
    # the block's last one; the
    # port is a UDP port number (USHORT), as in NDIS_OFFLOAD's VXLAN info.
    "NDIS_OFFLOAD_PARAMETERS": [(r"(UCHAR\s+EncapsulationTypes;\s*\n\s*\};\s*\n#endif)",
                                 "\\1\n#if NDIS_SUPPORT_NDIS650\n  union _ENCAPSULATION_PROTOCOL_PARAMETERS {\n"
                                 "    struct {\n      USHORT VxlanUDPPortNumber;\n    } VxlanParameters;\n"
                                 "    ULONG Value;\n  } EncapsulationProtocolParameters;\n#endif\n"
                                 "#if NDIS_SUPPORT_NDIS683\n  struct {\n    UCHAR IPv4;\n    UCHAR IPv6;\n"
                                 "  } UdpSegmentation;\n#endif\n"
                                 "#if NDIS_SUPPORT_NDIS689\n  struct {\n    UCHAR Enabled;\n  } UdpRsc;\n#endif")],
    # The shared-memory provider's handler fields hold pointers to the
    # documented ALLOCATE/FREE_SHARED_MEMORY_HANDLER function types.
    "NDIS_SHARED_MEMORY_PROVIDER_CHARACTERISTICS": [
        (r"ALLOCATE_SHARED_MEMORY_HANDLER\s+AllocateSharedMemoryHandler",
         "ALLOCATE_SHARED_MEMORY_HANDLER *AllocateSharedMemoryHandler"),
        (r"FREE_SHARED_MEMORY_HANDLER\s+FreeSharedMemoryHandler",
         "FREE_SHARED_MEMORY_HANDLER *FreeSharedMemoryHandler")],
    "PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS": [("INPNET_BUFFER_LIST", "PNET_BUFFER_LIST")],
    # The port's state field is of the documented NDIS_SWITCH_PORT_STATE type.
    "NDIS_SWITCH_PORT_PARAMETERS": [(r"NDIS_SWITCH_PORT_PARAMETERS(\s+PortState)", r"NDIS_SWITCH_PORT_STATE\1")],
    # The field list documents DATA.Oid, the OID common to the three request
    # kinds, and the SwitchId, VPortId and Flags members NDIS 6.50 added.
    "NDIS_OID_REQUEST": [(r"union _REQUEST_DATA \{", "union _REQUEST_DATA {\n    NDIS_OID Oid;"),
                         (r"(USHORT\s+Reserved2;)", "\\1\n#if NDIS_SUPPORT_NDIS650\n  NDIS_NIC_SWITCH_ID SwitchId;\n  NDIS_NIC_SWITCH_VPORT_ID VPortId;\n  ULONG Flags;\n#endif")],
    # UdpSegmentationOffloadInfo, listed after TcpRecvSegCoalesceInfo, names
    # the same slot: USO is transmit-only, RSC receive-only.
    "NDIS_NET_BUFFER_LIST_INFO": [(r"(\n\s*TcpRecvSegCoalesceInfo,)", r"\1\n  UdpSegmentationOffloadInfo = TcpRecvSegCoalesceInfo,")],
    # The 64-bit register pages show the UMDF form, whose first parameter is
    # the device; kernel-mode code passes the register alone (as for the
    # 32-bit READ_REGISTER_ULONG the kernel headers declare).
    # The field list documents the members NDIS 6.50 (VXLAN; the
    # encapsulation-type flags, declared UCHAR), 6.70 (464XLAT) and 6.83 (USO)
    # added after the block's last one.
    # (UdpRsc, URO's capabilities, ends the reference's 2024 block; NDIS 6.89.)
    "NDIS_OFFLOAD": [(r"(EncapsulatedPacketTaskOffloadGre;\s*\n#endif)",
                      "\\1\n#if NDIS_SUPPORT_NDIS650\n  NDIS_ENCAPSULATED_PACKET_TASK_OFFLOAD_V2 EncapsulatedPacketTaskOffloadVxlan;\n  UCHAR EncapsulationTypes;\n#endif\n#if NDIS_SUPPORT_NDIS670\n  NDIS_RFC6877_464XLAT_OFFLOAD Rfc6877Xlat;\n#endif\n#if NDIS_SUPPORT_NDIS683\n  NDIS_UDP_SEGMENTATION_OFFLOAD UdpSegmentation;\n#endif\n#if NDIS_SUPPORT_NDIS689\n  NDIS_UDP_RSC_OFFLOAD UdpRsc;\n#endif")],
    # The field list documents HashSecretKeyOffset (the offset of the key, as
    # in NDIS_RECEIVE_SCALE_PARAMETERS, a ULONG there) after HashSecretKeySize.
    "NDIS_RECEIVE_SCALE_PARAMETERS_V2": [(r"(ULONG\s+HashSecretKeySize;)", "\\1\n  ULONG              HashSecretKeyOffset;")],
    # On x64, where the interlocked S-list entry is its own 16-byte aligned
    # SLIST_ENTRY (wdm.h), these expand to ExInterlockedPush/PopEntrySList and
    # take and return that type; the pages show the 32-bit SINGLE_LIST_ENTRY.
    "NdisInterlockedPushEntrySList": [(r"PSINGLE_LIST_ENTRY", "PSLIST_ENTRY")],
    "NdisInterlockedPopEntrySList": [(r"PSINGLE_LIST_ENTRY", "PSLIST_ENTRY")],
    # Every block: the port control state type is NDIS_PORT_CONTROL_STATE.
    "*": [("NDIS_PORT_CONTROLL_STATE", "NDIS_PORT_CONTROL_STATE"),
          (r"_In_\s+IWDFDevice3\s*\*\s*pDevice,\s*", "")],
}

# Names documented declarations use that have no page of their own in the
# folders read (CoNDIS and Hyper-V switch base types, array bounds). Each is
# declared in the header of the declarations that use it, from what the
# pages using it say it is. name: (header, NDIS version, declaration)
SUPPORT = {
    "NDIS_OID_REQUEST_NDIS_RESERVED_SIZE": ("oidrequest.h", 600, "#define NDIS_OID_REQUEST_NDIS_RESERVED_SIZE 16"),
    "MAXIMUM_PROC_PER_GROUP": ("ndis.h", 600, "#ifndef MAXIMUM_PROC_PER_GROUP\n#define MAXIMUM_PROC_PER_GROUP 64\n#endif"),
    "NDIS_PM_MAX_STRING_SIZE": ("ntddndis.h", 620, "#define NDIS_PM_MAX_STRING_SIZE 64"),
    "DOT11_RSN_KCK_LENGTH": ("ntddndis.h", 620, "#define DOT11_RSN_KCK_LENGTH 16\n#define DOT11_RSN_KEK_LENGTH 16\n#define DOT11_RSN_MAX_CIPHER_KEY_LENGTH 32"),
    "NDIS_RSS_CAPS_FLAGS": ("ntddndis.h", 600, "typedef ULONG NDIS_RSS_CAPS_FLAGS;"),
    "NDIS_PORT_TYPE": ("ntddndis.h", 600, "typedef enum _NDIS_PORT_TYPE {\n  NdisPortTypeUndefined,\n  NdisPortTypeBridge,\n  NdisPortTypeRasConnection,\n  NdisPortType8021xSupplicant,\n  NdisPortTypeMax\n} NDIS_PORT_TYPE, *PNDIS_PORT_TYPE;"),
    "NET_PNP_EVENT": ("ndis.h", 600, "typedef enum _NET_PNP_EVENT_CODE {\n  NetEventSetPower,\n  NetEventQueryPower,\n  NetEventQueryRemoveDevice,\n  NetEventCancelRemoveDevice,\n  NetEventReconfigure,\n  NetEventBindList,\n  NetEventBindsComplete,\n  NetEventPnPCapabilities,\n  NetEventPause,\n  NetEventRestart,\n  NetEventPortActivation,\n  NetEventPortDeactivation,\n  NetEventIMReEnableDevice,\n  NetEventNDKEnable,\n  NetEventNDKDisable,\n  NetEventFilterPreDetach,\n  NetEventBindFailed,\n  NetEventSwitchActivate,\n  NetEventAllowBindsAbove,\n  NetEventInhibitBindsAbove,\n  NetEventAllowStart,\n  NetEventRequirePause,\n  NetEventUploadGftFlowEntries,\n  NetEventMaximum\n} NET_PNP_EVENT_CODE, *PNET_PNP_EVENT_CODE;\ntypedef struct _NET_PNP_EVENT {\n  NET_PNP_EVENT_CODE NetEvent;\n  PVOID Buffer;\n  ULONG BufferLength;\n  ULONG_PTR NdisReserved[4];\n  ULONG_PTR TransportReserved[4];\n  ULONG_PTR TdiReserved[4];\n  ULONG_PTR TdiClientReserved[4];\n} NET_PNP_EVENT, *PNET_PNP_EVENT;"),
    # URO (UDP receive segment coalescing) capabilities: the reference's
    # nbluro page documents one member, Enabled, a BOOLEAN; NDIS 6.89 (the
    # NDIS_OFFLOAD_PARAMETERS page: UdpRsc "for NDIS 6.89").
    "NDIS_UDP_RSC_OFFLOAD": ("ntddndis.h", 689, "typedef struct _NDIS_UDP_RSC_OFFLOAD {\n  BOOLEAN Enabled;\n} NDIS_UDP_RSC_OFFLOAD, *PNDIS_UDP_RSC_OFFLOAD;"),
    "NDIS_TIMER_FUNCTION": None,  # see derived pointer types
    # OID_GEN_NETWORK_LAYER_ADDRESSES's buffer (no DDI page; the NDIS
    # reference's NETWORK_ADDRESS and NETWORK_ADDRESS_LIST pages give the
    # members, Microsoft's metadata the same types).
    "NETWORK_ADDRESS": ("ntddndis.h", 600, "typedef struct _NETWORK_ADDRESS {\n  USHORT AddressLength;\n  USHORT AddressType;\n  UCHAR Address[1];\n} NETWORK_ADDRESS, *PNETWORK_ADDRESS;\ntypedef struct _NETWORK_ADDRESS_LIST {\n  LONG AddressCount;\n  USHORT AddressType;\n  NETWORK_ADDRESS Address[1];\n} NETWORK_ADDRESS_LIST, *PNETWORK_ADDRESS_LIST;"),
    # OID_GEN_LINK_PARAMETERS's buffer: its page (network guide) gives the
    # declaration and one revision, through AutoNegotiationFlags.
    "NDIS_LINK_PARAMETERS": ("ntddndis.h", 600, "typedef struct _NDIS_LINK_PARAMETERS {\n  NDIS_OBJECT_HEADER Header;\n  NDIS_MEDIA_DUPLEX_STATE MediaDuplexState;\n  ULONG64 XmitLinkSpeed;\n  ULONG64 RcvLinkSpeed;\n  NDIS_SUPPORTED_PAUSE_FUNCTIONS PauseFunctions;\n  ULONG AutoNegotiationFlags;\n} NDIS_LINK_PARAMETERS, *PNDIS_LINK_PARAMETERS;\n#define NDIS_LINK_PARAMETERS_REVISION_1 1\n#define NDIS_SIZEOF_LINK_PARAMETERS_REVISION_1 RTL_SIZEOF_THROUGH_FIELD(NDIS_LINK_PARAMETERS, AutoNegotiationFlags)"),
    # CoNDIS call-manager structures: miniports do not use them; pointers only.
    "PCO_CALL_PARAMETERS": ("ndis.h", 600, "typedef struct _CO_CALL_PARAMETERS CO_CALL_PARAMETERS, *PCO_CALL_PARAMETERS;"),
    "PCO_ADDRESS_FAMILY": ("ndis.h", 600, "typedef struct _CO_ADDRESS_FAMILY CO_ADDRESS_FAMILY, *PCO_ADDRESS_FAMILY;"),
    "PCO_SAP": ("ndis.h", 600, "typedef struct _CO_SAP CO_SAP, *PCO_SAP;"),
    "PVAR_STRING": ("ndis.h", 600, "typedef struct _VAR_STRING VAR_STRING, *PVAR_STRING;"),
    "PDOT11_PHY_ATTRIBUTES": ("ndis.h", 600, "typedef struct _DOT11_PHY_ATTRIBUTES DOT11_PHY_ATTRIBUTES, *PDOT11_PHY_ATTRIBUTES;"),
    # Hyper-V extensible switch base types (documented as UINT32 / USHORT /
    # opaque handle / counted names on the switch pages).
    "NDIS_SWITCH_CONTEXT": ("ndis.h", 630, "typedef PVOID NDIS_SWITCH_CONTEXT, *PNDIS_SWITCH_CONTEXT;"),
    "NDIS_SWITCH_PORT_ID": ("ntddndis.h", 630, "typedef UINT32 NDIS_SWITCH_PORT_ID, *PNDIS_SWITCH_PORT_ID;\ntypedef USHORT NDIS_SWITCH_NIC_INDEX, *PNDIS_SWITCH_NIC_INDEX;\ntypedef GUID NDIS_SWITCH_OBJECT_INSTANCE_ID, *PNDIS_SWITCH_OBJECT_INSTANCE_ID;\ntypedef GUID NDIS_SWITCH_OBJECT_ID, *PNDIS_SWITCH_OBJECT_ID;\ntypedef USHORT NDIS_SWITCH_OBJECT_VERSION, *PNDIS_SWITCH_OBJECT_VERSION;\ntypedef USHORT NDIS_SWITCH_OBJECT_SERIALIZATION_VERSION, *PNDIS_SWITCH_OBJECT_SERIALIZATION_VERSION;"),
    "NDIS_IF_COUNTED_STRING": ("ntddndis.h", 630, "typedef IF_COUNTED_STRING NDIS_SWITCH_NAME, *PNDIS_SWITCH_NAME;\ntypedef IF_COUNTED_STRING NDIS_SWITCH_FRIENDLYNAME, *PNDIS_SWITCH_FRIENDLYNAME;\ntypedef IF_COUNTED_STRING NDIS_SWITCH_PORT_NAME, *PNDIS_SWITCH_PORT_NAME;\ntypedef IF_COUNTED_STRING NDIS_SWITCH_PORT_FRIENDLYNAME, *PNDIS_SWITCH_PORT_FRIENDLYNAME;\ntypedef IF_COUNTED_STRING NDIS_SWITCH_NIC_NAME, *PNDIS_SWITCH_NIC_NAME;\ntypedef IF_COUNTED_STRING NDIS_SWITCH_NIC_FRIENDLYNAME, *PNDIS_SWITCH_NIC_FRIENDLYNAME;\ntypedef IF_COUNTED_STRING NDIS_SWITCH_EXTENSION_FRIENDLYNAME, *PNDIS_SWITCH_EXTENSION_FRIENDLYNAME;\ntypedef IF_COUNTED_STRING NDIS_VM_NAME_T, *PNDIS_VM_NAME_T;\ntypedef IF_COUNTED_STRING NDIS_VM_FRIENDLYNAME, *PNDIS_VM_FRIENDLYNAME;\ntypedef IF_COUNTED_STRING NDIS_NIC_SWITCH_FRIENDLY_NAME, *PNDIS_NIC_SWITCH_FRIENDLY_NAME;\ntypedef IF_COUNTED_STRING NDIS_VPORT_NAME, *PNDIS_VPORT_NAME;\ntypedef IF_COUNTED_STRING NDIS_SWITCH_PORT_PROPERTY_PROFILE_NAME, *PNDIS_SWITCH_PORT_PROPERTY_PROFILE_NAME;\ntypedef IF_COUNTED_STRING NDIS_SWITCH_PORT_PROPERTY_PROFILE_CDN_LABEL, *PNDIS_SWITCH_PORT_PROPERTY_PROFILE_CDN_LABEL;\ntypedef IF_COUNTED_STRING NDIS_VENDOR_NAME, *PNDIS_VENDOR_NAME;\ntypedef IF_COUNTED_STRING NDIS_ISOLATION_ID_NAME, *PNDIS_ISOLATION_ID_NAME;\ntypedef GUID NDIS_ROUTING_DOMAIN_ID, *PNDIS_ROUTING_DOMAIN_ID;"),
    "NDIS_PD_PROVIDER_HANDLE": ("ndis.h", 600, "typedef struct _NDIS_PD_PROVIDER_HANDLE_ *NDIS_PD_PROVIDER_HANDLE;\ntypedef struct _NDIS_PD_COUNTER_HANDLE_ *NDIS_PD_COUNTER_HANDLE;\ntypedef struct _NDIS_PD_FILTER_HANDLE_ *NDIS_PD_FILTER_HANDLE;\ntypedef ULONG NDIS_GFP_PROFILE_ID;"),
    # IPsec task offload (NDIS 6.0/6.1): IPv4 addresses and masks are ULONGs
    # in network order; the bounds and enumerations are the pages' own.
    "IPAddr": ("ntddndis.h", 600, "typedef ULONG IPAddr, IPMask;"),
    "OFFLOAD_MAX_SAS": ("ndis.h", 600, "#define OFFLOAD_MAX_SAS 3"),
    "IPSEC_OFFLOAD_V2_MAX_EXTENSION_HEADERS": ("ndis.h", 610, "#define IPSEC_OFFLOAD_V2_MAX_EXTENSION_HEADERS 2"),
    "UDP_ENCAP_TYPE": ("ndis.h", 600, "typedef enum _UDP_ENCAP_TYPE {\n  OFFLOAD_IPSEC_UDPESP_ENCAPTYPE_IKE,\n  OFFLOAD_IPSEC_UDPESP_ENCAPTYPE_OTHER\n} UDP_ENCAP_TYPE, *PUDP_ENCAP_TYPE;"),
    "SPI_TYPE": ("ndis.h", 600, "typedef ULONG SPI_TYPE;"),
    "OFFLOAD_OPERATION_E": ("ndis.h", 600, "typedef enum _OFFLOAD_OPERATION_E {\n  AUTHENTICATE = 1,\n  ENCRYPT\n} OFFLOAD_OPERATION_E;"),
    "NDIS_VF_RID": ("ntddndis.h", 630, "typedef ULONG NDIS_VF_RID, *PNDIS_VF_RID;"),
    "NET_FRAME_TYPE": ("ndis.h", 600, "typedef USHORT NET_FRAME_TYPE, *PNET_FRAME_TYPE;"),
    "PDOT11_EXTSTA_ATTRIBUTES": ("ndis.h", 600, "typedef struct _DOT11_EXTSTA_ATTRIBUTES *PDOT11_EXTSTA_ATTRIBUTES;\ntypedef struct _DOT11_VWIFI_ATTRIBUTES *PDOT11_VWIFI_ATTRIBUTES;\ntypedef struct _DOT11_EXTAP_ATTRIBUTES *PDOT11_EXTAP_ATTRIBUTES;\ntypedef struct _DOT11_WFD_ATTRIBUTES *PDOT11_WFD_ATTRIBUTES;"),
    "PNDIS_SWITCH_NET_BUFFER_LIST_CONTEXT_TYPE": ("ndis.h", 630, "typedef struct _NDIS_SWITCH_NET_BUFFER_LIST_CONTEXT_TYPE *PNDIS_SWITCH_NET_BUFFER_LIST_CONTEXT_TYPE;"),
    "NDIS_IF_COUNTED_STRING_NAMES_640": ("ntddndis.h", 640, "typedef IF_COUNTED_STRING NDIS_ISOLATION_NAME, *PNDIS_ISOLATION_NAME;"),
    # Named by documented declarations, documented on pages outside the
    # folders read (the NDIS 6 miniport DMA, timer and work-item pages).
    'PNDIS_TIMER_FUNCTION': ("ndis.h", 600, """typedef NDIS_TIMER_FUNCTION *PNDIS_TIMER_FUNCTION;"""),
    'NDIS_IO_WORKITEM_ROUTINE': ("ndis.h", 600, """typedef VOID NDIS_IO_WORKITEM_FUNCTION(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle);
typedef NDIS_IO_WORKITEM_FUNCTION *NDIS_IO_WORKITEM_ROUTINE;"""),
    'NDIS_SG_DMA_DESCRIPTION': ("ndis.h", 600, """typedef struct _NDIS_SG_DMA_DESCRIPTION {
    NDIS_OBJECT_HEADER Header;
    ULONG Flags;
    ULONG MaximumPhysicalMapping;
    MINIPORT_PROCESS_SG_LIST_HANDLER ProcessSGListHandler;
    MINIPORT_ALLOCATE_SHARED_MEM_COMPLETE_HANDLER SharedMemAllocateCompleteHandler;
    ULONG ScatterGatherListSize;
} NDIS_SG_DMA_DESCRIPTION, *PNDIS_SG_DMA_DESCRIPTION;"""),
    'NDIS_DMA_DESCRIPTION': ("ndis.h", 600, """typedef struct _NDIS_DMA_DESCRIPTION {
    BOOLEAN DemandMode;
    BOOLEAN AutoInitialize;
    BOOLEAN DmaChannelSpecified;
    DMA_WIDTH DmaWidth;
    DMA_SPEED DmaSpeed;
    ULONG DmaPort;
    ULONG DmaChannel;
} NDIS_DMA_DESCRIPTION, *PNDIS_DMA_DESCRIPTION;"""),
    'NDIS_PNP_CAPABILITIES': ("ndis.h", 600, """typedef struct _NDIS_PM_WAKE_UP_CAPABILITIES {
    NDIS_DEVICE_POWER_STATE MinMagicPacketWakeUp;
    NDIS_DEVICE_POWER_STATE MinPatternWakeUp;
    NDIS_DEVICE_POWER_STATE MinLinkChangeWakeUp;
} NDIS_PM_WAKE_UP_CAPABILITIES, *PNDIS_PM_WAKE_UP_CAPABILITIES;

typedef struct _NDIS_PNP_CAPABILITIES {
    ULONG Flags;
    NDIS_PM_WAKE_UP_CAPABILITIES WakeUpCapabilities;
} NDIS_PNP_CAPABILITIES, *PNDIS_PNP_CAPABILITIES;"""),
    "NET_BUFFER_POOL_PARAMETERS": ("ndis.h", 600, """typedef struct _NET_BUFFER_POOL_PARAMETERS {
  NDIS_OBJECT_HEADER Header;
  ULONG PoolTag;
  ULONG DataSize;
} NET_BUFFER_POOL_PARAMETERS, *PNET_BUFFER_POOL_PARAMETERS;"""),
    # NDK (RDMA) adapter information is defined by the NDK provider interface
    # (ndkpi.h); NDIS structures only point at it.
    "NDK_ADAPTER_INFO": ("ntddndis.h", 630, "typedef struct _NDK_ADAPTER_INFO NDK_ADAPTER_INFO;"),
    # NdisSetOptionalHandlers takes any of the optional-handler structures,
    # each of which starts with an NDIS_OBJECT_HEADER.
    "NDIS_DRIVER_OPTIONAL_HANDLERS": ("ndis.h", 600, """typedef struct _NDIS_DRIVER_OPTIONAL_HANDLERS {
  NDIS_OBJECT_HEADER Header;
} NDIS_DRIVER_OPTIONAL_HANDLERS, *PNDIS_DRIVER_OPTIONAL_HANDLERS;"""),
    "NDIS_POLL_HANDLE": ("poll.h", 685, "typedef struct _NDIS_POLL_HANDLE_ *NDIS_POLL_HANDLE;\n#define NDIS_ANY_NUMBER_OF_NBLS ((ULONG)-1)"),
    "PCI_TYPE0_ADDRESSES": ("miniport.h", 600, "#ifndef PCI_TYPE0_ADDRESSES\n#define PCI_TYPE0_ADDRESSES 6\n#define PCI_TYPE1_ADDRESSES 2\n#define PCI_TYPE2_ADDRESSES 5\n#endif"),
    "IPSEC_OFFLOAD_V2_SPI_TYPE": ("ndis.h", 610, "typedef ULONG IPSEC_OFFLOAD_V2_SPI_TYPE;"),
}

# Macros the reference documents only with a prototype-like line; bodies
# written for ndisv from what each page says the macro does.
MACRO_BODIES = {
    'NDIS_SWITCH_PORT_PROPERTY_PARAMETERS_GET_PROPERTY': r"""#define NDIS_SWITCH_PORT_PROPERTY_PARAMETERS_GET_PROPERTY(PropertyParameters) \
    ((PVOID)((PUCHAR)(PropertyParameters) + (PropertyParameters)->PropertyBufferOffset))""",
    'NDIS_SWITCH_PORT_PROPERTY_CUSTOM_GET_BUFFER': r"""#define NDIS_SWITCH_PORT_PROPERTY_CUSTOM_GET_BUFFER(PropertyCustom) \
    ((PVOID)((PUCHAR)(PropertyCustom) + (PropertyCustom)->PropertyBufferOffset))""",
    'NDIS_SWITCH_PORT_PROPERTY_ENUM_PARAMETERS_GET_FIRST_INFO': r"""#define NDIS_SWITCH_PORT_PROPERTY_ENUM_PARAMETERS_GET_FIRST_INFO(PropertyEnumParameters) \
    ((PNDIS_SWITCH_PORT_PROPERTY_ENUM_INFO)((PUCHAR)(PropertyEnumParameters) + (PropertyEnumParameters)->FirstPropertyOffset))""",
    'NDIS_SWITCH_PORT_PROPERTY_ENUM_INFO_GET_PROPERTY': r"""#define NDIS_SWITCH_PORT_PROPERTY_ENUM_INFO_GET_PROPERTY(PropertyEnumInfo) \
    ((PVOID)((PUCHAR)(PropertyEnumInfo) + (PropertyEnumInfo)->PropertyBufferOffset))""",
    'NDIS_SWITCH_PORT_PROPERTY_ENUM_INFO_GET_NEXT': r"""#define NDIS_SWITCH_PORT_PROPERTY_ENUM_INFO_GET_NEXT(PropertyEnumInfo) \
    ((PNDIS_SWITCH_PORT_PROPERTY_ENUM_INFO)((PUCHAR)(PropertyEnumInfo) + (PropertyEnumInfo)->QwordAlignedPropertyBufferLength + sizeof(NDIS_SWITCH_PORT_PROPERTY_ENUM_INFO)))""",
    'NDIS_SWITCH_PROPERTY_PARAMETERS_GET_PROPERTY': r"""#define NDIS_SWITCH_PROPERTY_PARAMETERS_GET_PROPERTY(PropertyParameters) \
    ((PVOID)((PUCHAR)(PropertyParameters) + (PropertyParameters)->PropertyBufferOffset))""",
    'NDIS_SWITCH_PROPERTY_CUSTOM_GET_BUFFER': r"""#define NDIS_SWITCH_PROPERTY_CUSTOM_GET_BUFFER(PropertyCustom) \
    ((PVOID)((PUCHAR)(PropertyCustom) + (PropertyCustom)->PropertyBufferOffset))""",
    'NDIS_SWITCH_PROPERTY_ENUM_PARAMETERS_GET_FIRST_INFO': r"""#define NDIS_SWITCH_PROPERTY_ENUM_PARAMETERS_GET_FIRST_INFO(PropertyEnumParameters) \
    ((PNDIS_SWITCH_PROPERTY_ENUM_INFO)((PUCHAR)(PropertyEnumParameters) + (PropertyEnumParameters)->FirstPropertyOffset))""",
    'NDIS_SWITCH_PROPERTY_ENUM_INFO_GET_PROPERTY': r"""#define NDIS_SWITCH_PROPERTY_ENUM_INFO_GET_PROPERTY(PropertyEnumInfo) \
    ((PVOID)((PUCHAR)(PropertyEnumInfo) + (PropertyEnumInfo)->PropertyBufferOffset))""",
    'NDIS_SWITCH_PROPERTY_ENUM_INFO_GET_NEXT': r"""#define NDIS_SWITCH_PROPERTY_ENUM_INFO_GET_NEXT(PropertyEnumInfo) \
    ((PNDIS_SWITCH_PROPERTY_ENUM_INFO)((PUCHAR)(PropertyEnumInfo) + (PropertyEnumInfo)->QwordAlignedPropertyBufferLength + sizeof(NDIS_SWITCH_PROPERTY_ENUM_INFO)))""",
    'NDIS_SWITCH_PORT_AT_ARRAY_INDEX': r"""#define NDIS_SWITCH_PORT_AT_ARRAY_INDEX(PortArray, Index) \
    ((PNDIS_SWITCH_PORT_PARAMETERS)((PUCHAR)(PortArray) + (PortArray)->FirstElementOffset + (PortArray)->ElementSize * (Index)))""",
    'NDIS_SWITCH_NIC_AT_ARRAY_INDEX': r"""#define NDIS_SWITCH_NIC_AT_ARRAY_INDEX(NicArray, Index) \
    ((PNDIS_SWITCH_NIC_PARAMETERS)((PUCHAR)(NicArray) + (NicArray)->FirstElementOffset + (NicArray)->ElementSize * (Index)))""",
    'NDIS_ISOLATION_PARAMETERS_GET_FIRST_ROUTING_DOMAIN_ENTRY': r"""#define NDIS_ISOLATION_PARAMETERS_GET_FIRST_ROUTING_DOMAIN_ENTRY(IsolationParameters) \
    ((PNDIS_ROUTING_DOMAIN_ENTRY)((PUCHAR)(IsolationParameters) + (IsolationParameters)->FirstRoutingDomainEntryOffset))""",
    'NDIS_ROUTING_DOMAIN_ENTRY_GET_FIRST_ISOLATION_ENTRY': r"""#define NDIS_ROUTING_DOMAIN_ENTRY_GET_FIRST_ISOLATION_ENTRY(RoutingDomainEntry) \
    ((PNDIS_ROUTING_DOMAIN_ISOLATION_ENTRY)((PUCHAR)(RoutingDomainEntry) + (RoutingDomainEntry)->FirstIsolationEntryOffset))""",
    'NDIS_SWITCH_PORT_PROPERTY_ROUTING_DOMAIN_GET_FIRST_ISOLATION_ENTRY': r"""#define NDIS_SWITCH_PORT_PROPERTY_ROUTING_DOMAIN_GET_FIRST_ISOLATION_ENTRY(RoutingDomain) \
    ((PNDIS_ROUTING_DOMAIN_ISOLATION_ENTRY)((PUCHAR)(RoutingDomain) + (RoutingDomain)->FirstIsolationEntryOffset))""",
    'NET_BUFFER_LIST_SWITCH_FORWARDING_DETAIL': r"""#define NET_BUFFER_LIST_SWITCH_FORWARDING_DETAIL(_NBL) \
    ((PNDIS_SWITCH_FORWARDING_DETAIL_NET_BUFFER_LIST_INFO)&NET_BUFFER_LIST_INFO((_NBL), SwitchForwardingDetail))""",
    # The media-specific information of a NET_BUFFER_LIST is a list headed
    # by its MediaSpecificInformation(Ex) slot and linked through NextEntry,
    # each element identified by its Tag.
    'NDIS_NBL_ADD_MEDIA_SPECIFIC_INFO': r"""#define NDIS_NBL_ADD_MEDIA_SPECIFIC_INFO(_NBL, _MediaSpecificInfo) \
    ((_MediaSpecificInfo)->NextEntry = NET_BUFFER_LIST_INFO((_NBL), MediaSpecificInformation), \
     NET_BUFFER_LIST_INFO((_NBL), MediaSpecificInformation) = (PVOID)(_MediaSpecificInfo))""",
    'NDIS_NBL_ADD_MEDIA_SPECIFIC_INFO_EX': r"""#define NDIS_NBL_ADD_MEDIA_SPECIFIC_INFO_EX(_NBL, _MediaSpecificInfo) \
    ((_MediaSpecificInfo)->NextEntry = NET_BUFFER_LIST_INFO((_NBL), MediaSpecificInformationEx), \
     NET_BUFFER_LIST_INFO((_NBL), MediaSpecificInformationEx) = (PVOID)(_MediaSpecificInfo))""",
    'NDIS_NBL_GET_MEDIA_SPECIFIC_INFO': r"""#define NDIS_NBL_GET_MEDIA_SPECIFIC_INFO(_NBL, _Tag, _MediaSpecificInfo) \
    do { PNDIS_NBL_MEDIA_SPECIFIC_INFORMATION NdisvE_ = \
             (PNDIS_NBL_MEDIA_SPECIFIC_INFORMATION)NET_BUFFER_LIST_INFO((_NBL), MediaSpecificInformation); \
         while (NdisvE_ != NULL && NdisvE_->Tag != (_Tag)) \
             NdisvE_ = (PNDIS_NBL_MEDIA_SPECIFIC_INFORMATION)NdisvE_->NextEntry; \
         *(_MediaSpecificInfo) = (PVOID)NdisvE_; } while (0)""",
    'NDIS_NBL_GET_MEDIA_SPECIFIC_INFO_EX': r"""#define NDIS_NBL_GET_MEDIA_SPECIFIC_INFO_EX(_NBL, _Tag, _MediaSpecificInfo) \
    do { PNDIS_NBL_MEDIA_SPECIFIC_INFORMATION_EX NdisvE_ = \
             (PNDIS_NBL_MEDIA_SPECIFIC_INFORMATION_EX)NET_BUFFER_LIST_INFO((_NBL), MediaSpecificInformationEx); \
         while (NdisvE_ != NULL && NdisvE_->Tag != (_Tag)) \
             NdisvE_ = (PNDIS_NBL_MEDIA_SPECIFIC_INFORMATION_EX)NdisvE_->NextEntry; \
         *(_MediaSpecificInfo) = (PVOID)NdisvE_; } while (0)""",
    'NDIS_NBL_REMOVE_MEDIA_SPECIFIC_INFO': r"""#define NDIS_NBL_REMOVE_MEDIA_SPECIFIC_INFO(_NBL, _MediaSpecificInfo) \
    do { PVOID *NdisvLink_ = &NET_BUFFER_LIST_INFO((_NBL), MediaSpecificInformation); \
         while (*NdisvLink_ != NULL && *NdisvLink_ != (PVOID)(_MediaSpecificInfo)) \
             NdisvLink_ = &((PNDIS_NBL_MEDIA_SPECIFIC_INFORMATION)*NdisvLink_)->NextEntry; \
         if (*NdisvLink_ != NULL) *NdisvLink_ = (_MediaSpecificInfo)->NextEntry; } while (0)""",
    'NDIS_NBL_REMOVE_MEDIA_SPECIFIC_INFO_EX': r"""#define NDIS_NBL_REMOVE_MEDIA_SPECIFIC_INFO_EX(_NBL, _MediaSpecificInfo) \
    do { PVOID *NdisvLink_ = &NET_BUFFER_LIST_INFO((_NBL), MediaSpecificInformationEx); \
         while (*NdisvLink_ != NULL && *NdisvLink_ != (PVOID)(_MediaSpecificInfo)) \
             NdisvLink_ = &((PNDIS_NBL_MEDIA_SPECIFIC_INFORMATION_EX)*NdisvLink_)->NextEntry; \
         if (*NdisvLink_ != NULL) *NdisvLink_ = (_MediaSpecificInfo)->NextEntry; } while (0)""",
    # NDIS mutexes are kernel mutex objects (KMUTEX).
    'NDIS_INIT_MUTEX': r"""#define NDIS_INIT_MUTEX(_M) KeInitializeMutex((_M), 0xFFFF)""",
    'NDIS_WAIT_FOR_MUTEX': r"""#define NDIS_WAIT_FOR_MUTEX(_M) KeWaitForSingleObject((_M), Executive, KernelMode, FALSE, NULL)""",
    'NDIS_RELEASE_MUTEX': r"""#define NDIS_RELEASE_MUTEX(_M) KeReleaseMutex((_M), FALSE)""",
    # A PCI routing ID: bus in bits 15:8, device in 7:3, function in 2:0.
    'NDIS_MAKE_RID': r"""#define NDIS_MAKE_RID(_Bus, _Device, _Function) \
    ((NDIS_VF_RID)((((_Bus) & 0xFF) << 8) | (((_Device) & 0x1F) << 3) | ((_Function) & 0x7)))""",
    # The pages' blocks define the NET_BUFFER accessors of the same name.
    'NET_BUFFER_LIST_MINIPORT_RESERVED': r"""#define NET_BUFFER_LIST_MINIPORT_RESERVED(_NBL) ((_NBL)->MiniportReserved)""",
    'NET_BUFFER_LIST_PROTOCOL_RESERVED': r"""#define NET_BUFFER_LIST_PROTOCOL_RESERVED(_NBL) ((_NBL)->ProtocolReserved)""",
    # ARM64 system-register encodings: op1 in bits 13:11, CRn 10:7, CRm 6:3, op2 2:0.
    'ARM64_SYSREG_OP1': r"""#define ARM64_SYSREG_OP1(_Reg_) (((_Reg_) >> 11) & 7)""",
    'ARM64_SYSREG_CRN': r"""#define ARM64_SYSREG_CRN(_Reg_) (((_Reg_) >> 7) & 0xf)""",
    'ARM64_SYSREG_CRM': r"""#define ARM64_SYSREG_CRM(_Reg_) (((_Reg_) >> 3) & 0xf)""",
    'ARM64_SYSREG_OP2': r"""#define ARM64_SYSREG_OP2(_Reg_) ((_Reg_) & 7)""",
    'NET_BUFFER_LIST_GET_HASH_TYPE': r"""#define NET_BUFFER_LIST_GET_HASH_TYPE(_NBL) \
    (((ULONG)(ULONG_PTR)NET_BUFFER_LIST_INFO((_NBL), NetBufferListHashInfo)) & NDIS_HASH_TYPE_MASK)""",
    'NET_BUFFER_LIST_GET_HASH_FUNCTION': r"""#define NET_BUFFER_LIST_GET_HASH_FUNCTION(_NBL) \
    (((ULONG)(ULONG_PTR)NET_BUFFER_LIST_INFO((_NBL), NetBufferListHashInfo)) & NDIS_HASH_FUNCTION_MASK)""",
    'NET_BUFFER_LIST_COALESCED_SEG_COUNT': r"""#define NET_BUFFER_LIST_COALESCED_SEG_COUNT(_NBL) \
    (((PNDIS_RSC_NBL_INFO)&NET_BUFFER_LIST_INFO((_NBL), TcpRecvSegCoalesceInfo))->Info.CoalescedSegCount)""",
    'NET_BUFFER_LIST_DUP_ACK_COUNT': r"""#define NET_BUFFER_LIST_DUP_ACK_COUNT(_NBL) \
    (((PNDIS_RSC_NBL_INFO)&NET_BUFFER_LIST_INFO((_NBL), TcpRecvSegCoalesceInfo))->Info.DupAckCount)""",
    'NdisSetNetBufferListProtocolId': r"""#define NdisSetNetBufferListProtocolId(_NBL, _ProtocolId) \
    (*((PUCHAR)&NET_BUFFER_LIST_INFO((_NBL), NetBufferListProtocolId)) = (UCHAR)(_ProtocolId))""",
    'NDIS_MAKE_NET_LUID': r"""#define NDIS_MAKE_NET_LUID(_PNetLuid, _IfType, _NetLuidIndex) \
    ((_PNetLuid)->Info.IfType = (_IfType), (_PNetLuid)->Info.NetLuidIndex = (_NetLuidIndex), \
     (_PNetLuid)->Info.Reserved = 0)""",
    'NDIS_GET_NET_BUFFER_LIST_CANCEL_ID': r"""#define NDIS_GET_NET_BUFFER_LIST_CANCEL_ID(_NBL) (NET_BUFFER_LIST_INFO((_NBL), NetBufferListCancelId))""",
    'NDIS_LOWER_IRQL': r"""#define NDIS_LOWER_IRQL(_OldIrql_, _CurIrql_) KeLowerIrql(_OldIrql_)""",
    'NDIS_RAISE_IRQL_TO_DISPATCH': r"""#define NDIS_RAISE_IRQL_TO_DISPATCH(_pIrql_) KeRaiseIrql(DISPATCH_LEVEL, (_pIrql_))""",
    'NDIS_SET_NET_BUFFER_LIST_CANCEL_ID': r"""#define NDIS_SET_NET_BUFFER_LIST_CANCEL_ID(_NBL, _CancelId) \
    (NET_BUFFER_LIST_INFO((_NBL), NetBufferListCancelId) = (_CancelId))""",
    'NET_BUFFER_LIST_GET_HASH_VALUE': r"""#define NET_BUFFER_LIST_GET_HASH_VALUE(_NBL) \
    ((ULONG)(ULONG_PTR)(NET_BUFFER_LIST_INFO((_NBL), NetBufferListHashValue)))""",
    'NET_BUFFER_LIST_INFO': r"""#define NET_BUFFER_LIST_INFO(_NBL, _Id) ((_NBL)->NetBufferListInfo[(_Id)])""",
    'NET_BUFFER_LIST_RECEIVE_FILTER_ID': r"""#define NET_BUFFER_LIST_RECEIVE_FILTER_ID(_NBL) \
    (((PNDIS_NET_BUFFER_LIST_FILTERING_INFO)&NET_BUFFER_LIST_INFO((_NBL), NetBufferListFilteringInfo))->FilteringInfo.FilterId)""",
    'NET_BUFFER_LIST_RECEIVE_FILTER_VPORT_ID': r"""#define NET_BUFFER_LIST_RECEIVE_FILTER_VPORT_ID(_NBL) \
    (((PNDIS_NET_BUFFER_LIST_FILTERING_INFO)&NET_BUFFER_LIST_INFO((_NBL), NetBufferListFilteringInfo))->FilteringInfo.QueueVPortInfo.VPortId)""",
    # From NDIS 6.30 the queue and VPort IDs share FilteringInfo.QueueVPortInfo.
    'NET_BUFFER_LIST_RECEIVE_QUEUE_ID': r"""#if NDIS_SUPPORT_NDIS630
#define NET_BUFFER_LIST_RECEIVE_QUEUE_ID(_NBL) \
    (((PNDIS_NET_BUFFER_LIST_FILTERING_INFO)&NET_BUFFER_LIST_INFO((_NBL), NetBufferListFilteringInfo))->FilteringInfo.QueueVPortInfo.QueueId)
#else
#define NET_BUFFER_LIST_RECEIVE_QUEUE_ID(_NBL) \
    (((PNDIS_NET_BUFFER_LIST_FILTERING_INFO)&NET_BUFFER_LIST_INFO((_NBL), NetBufferListFilteringInfo))->FilteringInfo.QueueId)
#endif""",
    # Documented as functions without a prototype; they set the type or function bits of the NBL's hash information.
    'NET_BUFFER_LIST_SET_HASH_TYPE': r"""#define NET_BUFFER_LIST_SET_HASH_TYPE(_NBL, _HashType) \
    (NET_BUFFER_LIST_INFO((_NBL), NetBufferListHashInfo) = (PVOID)(ULONG_PTR)( \
        (((ULONG)(ULONG_PTR)NET_BUFFER_LIST_INFO((_NBL), NetBufferListHashInfo)) & ~NDIS_HASH_TYPE_MASK) | \
        ((_HashType) & NDIS_HASH_TYPE_MASK)))""",
    'NET_BUFFER_LIST_SET_HASH_FUNCTION': r"""#define NET_BUFFER_LIST_SET_HASH_FUNCTION(_NBL, _HashFunction) \
    (NET_BUFFER_LIST_INFO((_NBL), NetBufferListHashInfo) = (PVOID)(ULONG_PTR)( \
        (((ULONG)(ULONG_PTR)NET_BUFFER_LIST_INFO((_NBL), NetBufferListHashInfo)) & ~NDIS_HASH_FUNCTION_MASK) | \
        ((_HashFunction) & NDIS_HASH_FUNCTION_MASK)))""",
    'NET_BUFFER_LIST_SET_HASH_VALUE': r"""#define NET_BUFFER_LIST_SET_HASH_VALUE(_NBL, _HashValue) \
    (NET_BUFFER_LIST_INFO((_NBL), NetBufferListHashValue) = (PVOID)(ULONG_PTR)(_HashValue))""",
    'NdisAdjustMdlLength': r"""#define NdisAdjustMdlLength(_Mdl, _Length) ((_Mdl)->ByteCount = (_Length))""",
    'NdisClearNblFlag': r"""#define NdisClearNblFlag(Nbl, F) ((Nbl)->NblFlags &= ~(F))""",
    'NdisEqualMemory': r"""#define NdisEqualMemory(Source1, Source2, Length) RtlEqualMemory((Source1), (Source2), (Length))""",
    'NdisEqualString': r"""#define NdisEqualString(String1, String2, CaseInsensitive) \
    RtlEqualUnicodeString((String1), (String2), (CaseInsensitive))""",
    'NdisFillMemory': r"""#define NdisFillMemory(Destination, Length, Fill) RtlFillMemory((Destination), (Length), (Fill))""",
    'NdisGetPhysicalAddressHigh': r"""#define NdisGetPhysicalAddressHigh(PhysicalAddress) ((PhysicalAddress).HighPart)""",
    'NdisGetPhysicalAddressLow': r"""#define NdisGetPhysicalAddressLow(PhysicalAddress) ((PhysicalAddress).LowPart)""",
    'NdisInitAnsiString': r"""#define NdisInitAnsiString(Destination, Source) RtlInitAnsiString((Destination), (Source))""",
    'NdisInitUnicodeString': r"""#define NdisInitUnicodeString(Destination, Source) RtlInitUnicodeString((Destination), (Source))""",
    'NdisInitializeListHead': r"""#define NdisInitializeListHead(ListHead) InitializeListHead(ListHead)""",
    'NdisInitializeSListHead': r"""#define NdisInitializeSListHead(SListHead) RtlZeroMemory((SListHead), sizeof(SLIST_HEADER))""",
    'NdisInterlockedAddLargeStatistic': r"""#define NdisInterlockedAddLargeStatistic(Addend, Increment) \
    InterlockedExchangeAdd64((LONG64 volatile *)(Addend), (LONG64)(Increment))""",
    'NdisInterlockedDecrement': r"""#define NdisInterlockedDecrement(Addend) InterlockedDecrement(Addend)""",
    'NdisInterlockedIncrement': r"""#define NdisInterlockedIncrement(Addend) InterlockedIncrement(Addend)""",
    'NdisMoveMemory': r"""#define NdisMoveMemory(Destination, Source, Length) RtlCopyMemory((Destination), (Source), (Length))""",
    'NdisReadRegisterUchar': r"""#define NdisReadRegisterUchar(Register, Data) (*(Data) = *(volatile UCHAR *)(Register))""",
    'NdisReadRegisterUlong': r"""#define NdisReadRegisterUlong(Register, Data) (*(Data) = *(volatile ULONG *)(Register))""",
    'NdisReadRegisterUshort': r"""#define NdisReadRegisterUshort(Register, Data) (*(Data) = *(volatile USHORT *)(Register))""",
    'NdisRetrieveUlong': r"""#define NdisRetrieveUlong(DestinationAddress, SourceAddress) \
    RtlCopyMemory((DestinationAddress), (SourceAddress), sizeof(ULONG))""",
    'NdisSetNblFlag': r"""#define NdisSetNblFlag(Nbl, F) ((Nbl)->NblFlags |= (F))""",
    'NdisSetPhysicalAddressHigh': r"""#define NdisSetPhysicalAddressHigh(PhysicalAddress, Value) ((PhysicalAddress).HighPart) = (Value)""",
    'NdisSetPhysicalAddressLow': r"""#define NdisSetPhysicalAddressLow(PhysicalAddress, Value) ((PhysicalAddress).LowPart) = (Value)""",
    'NdisStoreUlong': r"""#define NdisStoreUlong(DestinationAddress, Value) \
    do { ULONG NdisvTmp_ = (Value); RtlCopyMemory((DestinationAddress), &NdisvTmp_, sizeof(ULONG)); } while (0)""",
    'NdisTestNblFlag': r"""#define NdisTestNblFlag(Nbl, F) (((Nbl)->NblFlags & (F)) != 0)""",
    'NdisTestNblFlags': r"""#define NdisTestNblFlags(Nbl, F) (((Nbl)->NblFlags & (F)) == (F))""",
    'NdisWriteRegisterUchar': r"""#define NdisWriteRegisterUchar(Register, Data) (*(volatile UCHAR *)(Register) = (Data))""",
    'NdisWriteRegisterUlong': r"""#define NdisWriteRegisterUlong(Register, Data) (*(volatile ULONG *)(Register) = (Data))""",
    'NdisWriteRegisterUshort': r"""#define NdisWriteRegisterUshort(Register, Data) (*(volatile USHORT *)(Register) = (Data))""",
    'NdisZeroMemory': r"""#define NdisZeroMemory(Destination, Length) RtlZeroMemory((Destination), (Length))""",
}

// ndisv NDIS model: NET_BUFFER_LIST flag, send/receive flag, protocol ID and EtherType values and MDL helpers (the structures and accessors are generated from the DDI reference). Written for ndisv from the documented API; not the WDK header.
// SPDX-License-Identifier: Apache-2.0
#pragma once











#define NET_BUFFER_NDIS_RESERVED(_NB) ((_NB)->NdisReserved)


#define NDIS_MDL_LINKAGE(_Mdl) ((_Mdl)->Next)
#define NdisGetNextMdl(_CurrentMdl, _NextMdl) \
    do { *(_NextMdl) = (_CurrentMdl)->Next; } while (0)
#define NdisQueryMdl(_Mdl, _VirtualAddress, _Length, _Priority)                     \
    do {                                                                             \
        if (ARGUMENT_PRESENT(_VirtualAddress))                                       \
            *(PVOID *)(_VirtualAddress) = MmGetSystemAddressForMdlSafe((_Mdl), (_Priority)); \
        *(_Length) = MmGetMdlByteCount(_Mdl);                                        \
    } while (0)
#define NdisQueryMdlOffset(_Mdl, _Offset, _Length) \
    do { *(_Offset) = MmGetMdlByteOffset(_Mdl); *(_Length) = MmGetMdlByteCount(_Mdl); } while (0)
#define NDIS_MDL_TO_SPAN_PAGES(_Mdl) \
    ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(_Mdl), MmGetMdlByteCount(_Mdl))
#define NdisBufferLength(_Mdl) MmGetMdlByteCount(_Mdl)

// ---- flags ---------------------------------------------------------------
#define NDIS_SEND_FLAGS_DISPATCH_LEVEL 0x00000001
#define NDIS_SEND_FLAGS_CHECK_FOR_LOOPBACK 0x00000002
#define NDIS_SEND_FLAGS_SINGLE_QUEUE 0x00000004
#define NDIS_SEND_FLAGS_SWITCH_DESTINATION_GROUP 0x00000010
#define NDIS_SEND_FLAGS_SWITCH_SINGLE_SOURCE 0x00000020
#define NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL 0x00000001
#define NDIS_SEND_COMPLETE_FLAGS_SINGLE_QUEUE 0x00000002
#define NDIS_RETURN_FLAGS_DISPATCH_LEVEL 0x00000001
#define NDIS_RETURN_FLAGS_SINGLE_QUEUE 0x00000002
#define NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL 0x00000001
#define NDIS_RECEIVE_FLAGS_RESOURCES 0x00000002
#define NDIS_RECEIVE_FLAGS_SINGLE_ETHER_TYPE 0x00000100
#define NDIS_RECEIVE_FLAGS_SINGLE_VLAN 0x00000200
#define NDIS_RECEIVE_FLAGS_PERFECT_FILTERED 0x00000400
#define NDIS_RECEIVE_FLAGS_SINGLE_QUEUE 0x00000800
#define NDIS_RECEIVE_FLAGS_SHARED_MEMORY_INFO_VALID 0x00001000
#define NDIS_RECEIVE_FLAGS_MORE_NBLS 0x00002000

#define NDIS_TEST_SEND_FLAG(_Flags, _Fl) (((_Flags) & (_Fl)) == (_Fl))
#define NDIS_SET_SEND_FLAG(_Flags, _Fl) ((_Flags) |= (_Fl))
#define NDIS_TEST_SEND_AT_DISPATCH_LEVEL(_Flags) \
    (((_Flags) & NDIS_SEND_FLAGS_DISPATCH_LEVEL) ? TRUE : FALSE)
#define NDIS_TEST_SEND_COMPLETE_FLAG(_Flags, _Fl) (((_Flags) & (_Fl)) == (_Fl))
#define NDIS_SET_SEND_COMPLETE_FLAG(_Flags, _Fl) ((_Flags) |= (_Fl))
#define NDIS_TEST_SEND_COMPLETE_AT_DISPATCH_LEVEL(_Flags) \
    (((_Flags) & NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL) ? TRUE : FALSE)
#define NDIS_TEST_RETURN_FLAG(_Flags, _Fl) (((_Flags) & (_Fl)) == (_Fl))
#define NDIS_SET_RETURN_FLAG(_Flags, _Fl) ((_Flags) |= (_Fl))
#define NDIS_TEST_RETURN_AT_DISPATCH_LEVEL(_Flags) \
    (((_Flags) & NDIS_RETURN_FLAGS_DISPATCH_LEVEL) ? TRUE : FALSE)
#define NDIS_TEST_RECEIVE_FLAG(_Flags, _Fl) (((_Flags) & (_Fl)) == (_Fl))
#define NDIS_SET_RECEIVE_FLAG(_Flags, _Fl) ((_Flags) |= (_Fl))
#define NDIS_TEST_RECEIVE_AT_DISPATCH_LEVEL(_Flags) \
    (((_Flags) & NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL) ? TRUE : FALSE)
#define NDIS_TEST_RECEIVE_CANNOT_PEND(_Flags) \
    (((_Flags) & NDIS_RECEIVE_FLAGS_RESOURCES) ? TRUE : FALSE)

// ---- pools ---------------------------------------------------------------
#define NDIS_PROTOCOL_ID_DEFAULT 0x00
#define NDIS_PROTOCOL_ID_TCP_IP 0x02
#define NDIS_PROTOCOL_ID_IPX 0x06
#define NDIS_PROTOCOL_ID_NBF 0x07
#define NDIS_PROTOCOL_ID_MAX 0x0F
#define NDIS_PROTOCOL_ID_MASK 0x0F
// NDIS_UDP_SEGMENTATION_OFFLOAD_NET_BUFFER_LIST_INFO.Transmit.IPVersion (its
// page names them; values from Microsoft's WDK metadata)
#define NDIS_UDP_SEGMENTATION_OFFLOAD_IPV4 0
#define NDIS_UDP_SEGMENTATION_OFFLOAD_IPV6 1

#define NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1 1
#define NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1 \
    RTL_SIZEOF_THROUGH_FIELD(NET_BUFFER_LIST_POOL_PARAMETERS, DataSize)

#define NET_BUFFER_POOL_PARAMETERS_REVISION_1 1
#define NDIS_SIZEOF_NET_BUFFER_POOL_PARAMETERS_REVISION_1 \
    RTL_SIZEOF_THROUGH_FIELD(NET_BUFFER_POOL_PARAMETERS, DataSize)




// Shared memory segments of a NET_BUFFER (VMQ receive buffers).
#define NET_BUFFER_FIRST_SHARED_MEM_INFO(_NB) ((_NB)->SharedMemoryInfo)

// ---- Ethernet addresses --------------------------------------------------
#define ETH_LENGTH_OF_ADDRESS 6
#define ETH_IS_MULTICAST(Address) ((BOOLEAN)(((PUCHAR)(Address))[0] & ((UCHAR)0x01)))
#define ETH_IS_BROADCAST(Address) \
    ((((PUCHAR)(Address))[0] == 0xff) && (((PUCHAR)(Address))[1] == 0xff) && \
     (((PUCHAR)(Address))[2] == 0xff) && (((PUCHAR)(Address))[3] == 0xff) && \
     (((PUCHAR)(Address))[4] == 0xff) && (((PUCHAR)(Address))[5] == 0xff))
#define ETH_COPY_NETWORK_ADDRESS(_D, _S) RtlCopyMemory((_D), (_S), ETH_LENGTH_OF_ADDRESS)
#define ETH_COMPARE_NETWORK_ADDRESSES_EQ(_A, _B, _Result) \
    (*(_Result) = (RtlCompareMemory((_A), (_B), ETH_LENGTH_OF_ADDRESS) == ETH_LENGTH_OF_ADDRESS) ? 0 : 1)
// EtherType values.
#define NDIS_ETH_TYPE_IPV4 0x0800
#define NDIS_ETH_TYPE_ARP 0x0806
#define NDIS_ETH_TYPE_IPV6 0x86DD
#define NDIS_ETH_TYPE_802_1X 0x888E
#define NDIS_ETH_TYPE_802_1Q 0x8100
#define NDIS_ETH_TYPE_SLOW_PROTOCOL 0x8809

// NET_BUFFER_LIST flags.
#define NDIS_NBL_FLAGS_SEND_READ_ONLY 0x00000001
#define NDIS_NBL_FLAGS_RECV_READ_ONLY 0x00000002
#define NDIS_NBL_FLAGS_HD_SPLIT 0x00000100
#define NDIS_NBL_FLAGS_IS_IPV4 0x00000200
#define NDIS_NBL_FLAGS_IS_IPV6 0x00000400
#define NDIS_NBL_FLAGS_IS_TCP 0x00000800
#define NDIS_NBL_FLAGS_IS_UDP 0x00001000
// (values of the rest of the family from Microsoft's WDK API metadata,
// windows-sys Wdk::NetworkManagement::Ndis)
#define NDIS_NBL_FLAGS_SPLIT_AT_UPPER_LAYER_PROTOCOL_HEADER 0x00002000
#define NDIS_NBL_FLAGS_SPLIT_AT_UPPER_LAYER_PROTOCOL_PAYLOAD 0x00004000
#define NDIS_NBL_FLAGS_IS_LOOPBACK_PACKET 0x00008000
#define NDIS_NBL_FLAGS_CAPTURE_TIMESTAMP_ON_TRANSMIT 0x00010000
// (the two low bits are the protocol's too: NDIS reserves 0x00000FFC; WDK metadata)
#define NBL_FLAGS_PROTOCOL_RESERVED 0xFFF00003
#define NBL_PROT_RSVD_FLAGS NBL_FLAGS_PROTOCOL_RESERVED
#define NBL_FLAGS_MINIPORT_RESERVED 0x0000F000
#define NBL_FLAGS_SCRATCH 0x000F0000
#define NBL_FLAGS_NDIS_RESERVED 0x00000FFC


// NDIS_TCP_LARGE_SEND_OFFLOAD_NET_BUFFER_LIST_INFO: its Type (LSO version)
// and the IP version of an LSO V2 send.
#define NDIS_TCP_LARGE_SEND_OFFLOAD_V1_TYPE 0
#define NDIS_TCP_LARGE_SEND_OFFLOAD_V2_TYPE 1
#define NDIS_TCP_LARGE_SEND_OFFLOAD_IPv4 0
#define NDIS_TCP_LARGE_SEND_OFFLOAD_IPv6 1

// NdisAllocateCloneNetBufferList's CloneFlags.
#define NDIS_CLONE_FLAGS_RESERVED 0x00000001
#define NDIS_CLONE_FLAGS_USE_ORIGINAL_MDLS 0x00000002

// NdisMAllocateNetBufferSGList's Flags.
#define NDIS_SG_LIST_WRITE_TO_DEVICE 0x000000001

# ===- miniport_gen/names.py - Names, OID pools, the seeded state, Out ----=== #
# SPDX-License-Identifier: Apache-2.0
#
# Everything random in a generated driver comes from the one random.Random in
# Gen, drawn in a fixed order (the fixed files first, then each subsystem
# file), so the output is a pure function of (--kloc, --seed, --plant-defect).
# Reordering any draw, here or in the modules that take a Gen, changes every
# driver after it.
# ===----------------------------------------------------------------------=== #

import random

VENDORS = ["Kestrel", "Osprey", "Merlin", "Harrier", "Petrel", "Gannet", "Plover", "Avocet"]
SUBSYS_WORDS = ["Rss", "Vlan", "Lso", "Csum", "Wol", "Ptp", "Mcast", "Filter", "Qos", "Eee", "Phy",
                "Mac", "Led", "Eeprom", "Moder", "Flow", "Dcb", "Vmq", "Sriov", "Nvm", "Diag",
                "Thermal", "Fw", "Mbx", "Ring", "Desc", "Hash", "Tso", "Rsc", "Arp", "Ns", "Pm",
                "Link", "Stats", "Rdma", "Tunnel", "Encap", "Ipsec", "Timesync", "Coalesce"]

# OIDs a subsystem may answer; the value comes from its own counters.
QUERY_OIDS_32 = ["OID_GEN_HARDWARE_STATUS", "OID_GEN_MAXIMUM_LOOKAHEAD", "OID_GEN_MAXIMUM_FRAME_SIZE",
                 "OID_GEN_TRANSMIT_BUFFER_SPACE", "OID_GEN_RECEIVE_BUFFER_SPACE",
                 "OID_GEN_TRANSMIT_BLOCK_SIZE", "OID_GEN_RECEIVE_BLOCK_SIZE", "OID_GEN_VENDOR_ID",
                 "OID_GEN_CURRENT_PACKET_FILTER", "OID_GEN_CURRENT_LOOKAHEAD", "OID_GEN_DRIVER_VERSION",
                 "OID_GEN_MAXIMUM_TOTAL_SIZE", "OID_GEN_MAC_OPTIONS", "OID_GEN_MEDIA_CONNECT_STATUS",
                 "OID_GEN_MAXIMUM_SEND_PACKETS", "OID_GEN_VENDOR_DRIVER_VERSION",
                 "OID_GEN_TRANSMIT_QUEUE_LENGTH", "OID_802_3_MAXIMUM_LIST_SIZE", "OID_802_3_MAC_OPTIONS",
                 "OID_802_3_RCV_ERROR_ALIGNMENT", "OID_802_3_XMIT_ONE_COLLISION",
                 "OID_802_3_XMIT_MORE_COLLISIONS", "OID_802_3_XMIT_DEFERRED",
                 "OID_802_3_XMIT_MAX_COLLISIONS", "OID_802_3_RCV_OVERRUN", "OID_802_3_XMIT_UNDERRUN",
                 "OID_802_3_XMIT_HEARTBEAT_FAILURE", "OID_802_3_XMIT_TIMES_CRS_LOST",
                 "OID_802_3_XMIT_LATE_COLLISIONS", "OID_GEN_RCV_CRC_ERROR"]
QUERY_OIDS_64 = ["OID_GEN_XMIT_OK", "OID_GEN_RCV_OK", "OID_GEN_XMIT_ERROR", "OID_GEN_RCV_ERROR",
                 "OID_GEN_RCV_NO_BUFFER", "OID_GEN_DIRECTED_BYTES_XMIT", "OID_GEN_DIRECTED_FRAMES_XMIT",
                 "OID_GEN_MULTICAST_BYTES_XMIT", "OID_GEN_MULTICAST_FRAMES_XMIT",
                 "OID_GEN_BROADCAST_BYTES_XMIT", "OID_GEN_BROADCAST_FRAMES_XMIT",
                 "OID_GEN_DIRECTED_BYTES_RCV", "OID_GEN_DIRECTED_FRAMES_RCV", "OID_GEN_MULTICAST_BYTES_RCV",
                 "OID_GEN_MULTICAST_FRAMES_RCV", "OID_GEN_BROADCAST_BYTES_RCV",
                 "OID_GEN_BROADCAST_FRAMES_RCV"]
SET_OIDS = ["OID_GEN_CURRENT_PACKET_FILTER", "OID_GEN_CURRENT_LOOKAHEAD", "OID_802_3_MULTICAST_LIST",
            "OID_GEN_INTERRUPT_MODERATION", "OID_PNP_SET_POWER", "OID_PNP_ADD_WAKE_UP_PATTERN",
            "OID_PNP_REMOVE_WAKE_UP_PATTERN", "OID_PNP_ENABLE_WAKE_UP", "OID_GEN_LINK_PARAMETERS"]

NUM_QUEUES = 4
COUNTERS = 16


class Out:
    """Collects the lines of one file. o(a) then o(b) writes what o(a, a line break, b)
    would, so a text that ends in a line break leaves one blank line before the next."""

    def __init__(self):
        self.lines = []

    def __call__(self, text=""):
        self.lines.extend(text.split("\n"))

    def count(self):
        return len(self.lines)

    def text(self):
        return "\n".join(self.lines) + "\n"


class Gen:
    """The state one driver is generated from: its names, its random stream,
    and what the subsystem files accumulate for subsys.h."""

    def __init__(self, kloc, seed, plant):
        self.kloc = kloc
        self.rng = random.Random(seed)
        self.plant = plant
        self.vendor = self.rng.choice(VENDORS)
        self.p = self.vendor[:2] + self.vendor[-1]          # function prefix, e.g. "Ksl"
        self.P = self.p.upper()                              # macro prefix
        self.protos = []          # subsystem prototypes for subsys.h
        # Per subsystem file (reset by subsys_file): register accessors made so
        # far, their running number, and the running number of filters.
        self._regs = []
        self._regn = 0
        self._filters = 0

# ===- miniport_gen/subsystem.py - one subsystem file ---------------------=== #
# SPDX-License-Identifier: Apache-2.0
#
# A subsystem file is its role functions (subsys_roles.py) padded to a drawn
# size with unreached helpers: register field accessors, a Toeplitz-style
# hash and a CRC, and header-matching filters.
# ===----------------------------------------------------------------------=== #

from .names import COUNTERS, Out
from .subsys_roles import (fn_query_oid, fn_set_oid, fn_state_machine, fn_stats, fn_transmit,
                           subsys_reached)


def subsys_file(g, name, idx, target_lines):
    p, P, r = g.p, g.P, g.rng
    S = f"{P}_SUBSYS_{name.upper()}"
    alloc = (idx % 4) == 0     # a quarter of the subsystems own a table that init allocates
    o = Out()
    o(f"""// {name.lower()}.c - the {name} subsystem of the {g.vendor} miniport.
// {name}Initialize/{name}Shutdown are reached from MiniportInitializeEx and MiniportHaltEx; the rest
// runs from the OID, send and interrupt paths.
#include "precomp.h"
""")
    g._regs = []
    g._regn = 0
    g._filters = 0
    subsys_reached(g, o, name, idx, alloc)
    roles = {}
    roles["query"] = fn_query_oid(g, o, name, S)
    roles["set"] = fn_set_oid(g, o, name, S)
    roles["tx"] = fn_transmit(g, o, name, S)
    fn_regs(g, o, name, S)
    roles["service"] = fn_state_machine(g, o, name, S)
    fn_stats(g, o, name, S)
    g.protos += [f"NDIS_STATUS {roles['query']}(P{P}_ADAPTER Adapter, PNDIS_OID_REQUEST Request);",
                 f"NDIS_STATUS {roles['set']}(P{P}_ADAPTER Adapter, PNDIS_OID_REQUEST Request);",
                 f"VOID {roles['tx']}(P{P}_ADAPTER Adapter, PNET_BUFFER_LIST Nbl, ULONG Queue);",
                 f"VOID {roles['service']}(P{P}_ADAPTER Adapter, ULONG Icr);",
                 f"VOID {p}{name}CollectStatistics(P{P}_ADAPTER Adapter, PNDIS_STATISTICS_INFO Stats);"]
    # Pad to this file's size with more unreached helpers.
    extra = [fn_hash, fn_filter, fn_filter, fn_regs]
    k = 0
    while o.count() < target_lines:
        fn = extra[k % len(extra)] if k < len(extra) else r.choice([fn_filter, fn_regs])
        if fn == fn_hash and k >= len(extra):
            fn = fn_filter
        fn(g, o, name, S)
        k += 1
    return o, roles


def fn_regs(g, o, name, S):
    p, P, r = g.p, g.P, g.rng
    for _ in range(r.randint(3, 6)):
        k = g._regn          # unique per file: fn_regs also pads files
        g._regn += 1
        shift = r.randint(0, 24)
        width = r.randint(1, 7)
        mask = ((1 << width) - 1) << shift
        fld = r.choice(["Mode", "Threshold", "Divider", "Select", "Window", "Credit", "Level"])
        o(f"""ULONG {p}{name}Get{fld}{k}(P{P}_ADAPTER Adapter)
{{
    ULONG Reg = {p}ReadReg(Adapter, {P}_REG_SUBSYS({S}) + 0x{(4 * k) % 0x40:X});
    return (Reg & 0x{mask:08X}u) >> {shift};
}}

VOID {p}{name}Set{fld}{k}(P{P}_ADAPTER Adapter, ULONG Value)
{{
    ULONG Reg = {p}ReadReg(Adapter, {P}_REG_SUBSYS({S}) + 0x{(4 * k) % 0x40:X});
    Reg &= ~0x{mask:08X}u;
    Reg |= (Value << {shift}) & 0x{mask:08X}u;
    {p}WriteReg(Adapter, {P}_REG_SUBSYS({S}) + 0x{(4 * k) % 0x40:X}, Reg);
}}
""")
        g._regs.append((f"{p}{name}Get{fld}{k}", f"{p}{name}Set{fld}{k}", (1 << width) - 1))
        g.protos += [f"ULONG {p}{name}Get{fld}{k}(P{P}_ADAPTER Adapter);",
                     f"VOID {p}{name}Set{fld}{k}(P{P}_ADAPTER Adapter, ULONG Value);"]
    return None


def fn_hash(g, o, name, S):
    p, r = g.p, g.rng
    o(f"""ULONG {p}{name}Hash(const UCHAR *Key, ULONG KeyLength, const UCHAR *Input, ULONG InputLength)
{{
    ULONG Result = 0;
    ULONG Window;
    ULONG Byte;
    ULONG Bit;

    if (KeyLength < 4) {{
        return 0;
    }}
    Window = ((ULONG)Key[0] << 24) | ((ULONG)Key[1] << 16) | ((ULONG)Key[2] << 8) | Key[3];
    for (Byte = 0; Byte < InputLength; Byte++) {{
        for (Bit = 0; Bit < 8; Bit++) {{
            if (Input[Byte] & (0x80u >> Bit)) {{
                Result ^= Window;
            }}
            Window <<= 1;
            if (Byte + 4 < KeyLength && (Key[Byte + 4] & (0x80u >> Bit))) {{
                Window |= 1;
            }}
        }}
    }}
    return Result ^ 0x{r.randint(0, 0xFFFFFFFF):08X}u;
}}

ULONG {p}{name}Crc32(const UCHAR *Data, ULONG Length)
{{
    ULONG Crc = 0xFFFFFFFFu;
    ULONG Index;
    ULONG Bit;

    for (Index = 0; Index < Length; Index++) {{
        Crc ^= Data[Index];
        for (Bit = 0; Bit < 8; Bit++) {{
            Crc = (Crc >> 1) ^ (0x{r.choice([0xEDB88320, 0x82F63B78, 0xEB31D82E]):08X}u & (0u - (Crc & 1u)));
        }}
    }}
    return ~Crc;
}}
""")
    g.protos += [f"ULONG {p}{name}Hash(const UCHAR *Key, ULONG KeyLength, const UCHAR *Input, ULONG InputLength);",
                 f"ULONG {p}{name}Crc32(const UCHAR *Data, ULONG Length);"]
    return None


def fn_filter(g, o, name, S):
    p, P, r = g.p, g.P, g.rng
    n = r.randint(4, 12)
    o(f"""BOOLEAN {p}{name}MatchFilter{g._filters}(P{P}_ADAPTER Adapter, PNET_BUFFER Nb)
{{
    P{P}_SUBSYS S = &Adapter->Subsys[{S}];
    UCHAR Storage[{4 * n}];
    PUCHAR Header = (PUCHAR)NdisGetDataBuffer(Nb, sizeof(Storage), Storage, 1, 0);
    ULONG Word;

    if (Header == NULL) {{
        S->Counters[{r.randrange(COUNTERS)}]++;
        return FALSE;
    }}""")
    for k in range(n):
        o(f"""    Word = ((ULONG)Header[{4 * k}] << 24) | ((ULONG)Header[{4 * k + 1}] << 16) |
           ((ULONG)Header[{4 * k + 2}] << 8) | Header[{4 * k + 3}];
    if ((Word & 0x{r.randint(1, 0xFFFFFFFF):08X}u) == 0x{r.randint(0, 0xFFFF):04X}u) {{
        return {r.choice(["TRUE", "FALSE", "(S->Flags & 0x1u) ? TRUE : FALSE"])};
    }}""")
    o("""    return FALSE;
}
""")
    g.protos.append(f"BOOLEAN {p}{name}MatchFilter{g._filters}(P{P}_ADAPTER Adapter, PNET_BUFFER Nb);")
    g._filters += 1
    return None

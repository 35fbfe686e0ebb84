# ===- miniport_gen/subsys_roles.py - a subsystem's role functions --------=== #
# SPDX-License-Identifier: Apache-2.0
#
# Each subsystem file holds an Initialize/Shutdown pair that init and halt
# reach through subsys.c, and the functions subsys.c fans the OID, send and
# interrupt paths out to: QueryOid, SetOid, Transmit, Service (a state
# machine over the register accessors of subsystem.py) and CollectStatistics.
# ===----------------------------------------------------------------------=== #

from .names import COUNTERS, QUERY_OIDS_32, QUERY_OIDS_64, SET_OIDS


def subsys_reached(g, o, name, idx, alloc):
    p, P = g.p, g.P
    S = f"{P}_SUBSYS_{name.upper()}"
    entries = g.rng.choice([8, 16, 32])
    mul = g.rng.randint(3, 97)
    o(f"""NDIS_STATUS {p}{name}Initialize(P{P}_ADAPTER Adapter)
{{
    P{P}_SUBSYS S = &Adapter->Subsys[{S}];
    ULONG Index;

    NdisAllocateSpinLock(&S->Lock);
    S->TableEntries = {entries};
    S->RingMask = {entries} - 1;""")
    if alloc:
        o(f"""    S->Table = (PULONG)NdisAllocateMemoryWithTagPriority(Adapter->MiniportHandle,
                                                        S->TableEntries * sizeof(ULONG), {P}_TAG,
                                                        NormalPoolPriority);
    if (S->Table == NULL) {{
        NdisFreeSpinLock(&S->Lock);
        return NDIS_STATUS_RESOURCES;
    }}
    for (Index = 0; Index < S->TableEntries; Index++) {{
        S->Table[Index] = (Index * {mul}u) & S->RingMask;
    }}""")
    else:
        o(f"""    S->Table = NULL;
    for (Index = 0; Index < {P}_NUM_COUNTERS; Index++) {{
        S->Counters[Index] = 0;
    }}""")
    o(f"""    S->Flags = 0x{g.rng.randint(0, 0xffff):04X}u;
    S->State = {P}SubsysIdle;
    S->RingHead = 0;
    S->RingTail = 0;
    return NDIS_STATUS_SUCCESS;
}}

VOID {p}{name}Shutdown(P{P}_ADAPTER Adapter)
{{
    P{P}_SUBSYS S = &Adapter->Subsys[{S}];

    S->State = {P}SubsysStopped;
    if (S->Table != NULL) {{
        NdisFreeMemoryWithTagPriority(Adapter->MiniportHandle, S->Table, {P}_TAG);
        S->Table = NULL;
    }}
    NdisFreeSpinLock(&S->Lock);
}}
""")
    g.protos += [f"NDIS_STATUS {p}{name}Initialize(P{P}_ADAPTER Adapter);",
                 f"VOID {p}{name}Shutdown(P{P}_ADAPTER Adapter);"]


def fn_query_oid(g, o, name, S):
    p, P, r = g.p, g.P, g.rng
    oids32 = r.sample(QUERY_OIDS_32, r.randint(10, 22))
    oids64 = r.sample(QUERY_OIDS_64, r.randint(4, 10))
    o(f"""NDIS_STATUS {p}{name}QueryOid(P{P}_ADAPTER Adapter, PNDIS_OID_REQUEST Request)
{{
    P{P}_SUBSYS S = &Adapter->Subsys[{S}];
    ULONG Value32 = 0;
    ULONG64 Value64 = 0;
    BOOLEAN Is64 = FALSE;
    PVOID Buffer = Request->DATA.QUERY_INFORMATION.InformationBuffer;
    UINT Length = Request->DATA.QUERY_INFORMATION.InformationBufferLength;

    switch (Request->DATA.QUERY_INFORMATION.Oid) {{""")
    for oid in oids32:
        k = r.randrange(COUNTERS)
        expr = r.choice([f"S->Counters[{k}]", f"S->Counters[{k}] + S->Counters[{(k + 1) % COUNTERS}]",
                         f"(S->Flags >> {r.randint(0, 12)}) & 0x{r.randint(1, 255):X}u",
                         f"S->TableEntries * {r.randint(2, 64)}u", f"0x{r.randint(0, 0xFFFFFF):06X}u"])
        o(f"""    case {oid}:
        Value32 = {expr};
        break;""")
    for oid in oids64:
        k = r.randrange(4)
        o(f"""    case {oid}:
        Value64 = S->Octets[{k}] + S->Counters[{r.randrange(COUNTERS)}];
        Is64 = TRUE;
        break;""")
    o(f"""    default:
        return NDIS_STATUS_NOT_SUPPORTED;
    }}
    if (Is64) {{
        if (Length < sizeof(ULONG)) {{
            Request->DATA.QUERY_INFORMATION.BytesNeeded = sizeof(ULONG64);
            return NDIS_STATUS_BUFFER_TOO_SHORT;
        }}
        if (Length < sizeof(ULONG64)) {{
            *(PULONG)Buffer = (ULONG)Value64;
            Request->DATA.QUERY_INFORMATION.BytesWritten = sizeof(ULONG);
            Request->DATA.QUERY_INFORMATION.BytesNeeded = sizeof(ULONG64);
            return NDIS_STATUS_SUCCESS;
        }}
        *(PULONG64)Buffer = Value64;
        Request->DATA.QUERY_INFORMATION.BytesWritten = sizeof(ULONG64);
        return NDIS_STATUS_SUCCESS;
    }}
    if (Length < sizeof(ULONG)) {{
        Request->DATA.QUERY_INFORMATION.BytesNeeded = sizeof(ULONG);
        return NDIS_STATUS_BUFFER_TOO_SHORT;
    }}
    *(PULONG)Buffer = Value32;
    Request->DATA.QUERY_INFORMATION.BytesWritten = sizeof(ULONG);
    return NDIS_STATUS_SUCCESS;
}}
""")
    return f"{p}{name}QueryOid"


def fn_set_oid(g, o, name, S):
    p, P, r = g.p, g.P, g.rng
    oids = r.sample(SET_OIDS, r.randint(3, 6))
    o(f"""NDIS_STATUS {p}{name}SetOid(P{P}_ADAPTER Adapter, PNDIS_OID_REQUEST Request)
{{
    P{P}_SUBSYS S = &Adapter->Subsys[{S}];
    PVOID Buffer = Request->DATA.SET_INFORMATION.InformationBuffer;
    UINT Length = Request->DATA.SET_INFORMATION.InformationBufferLength;
    ULONG Value;

    if (Length < sizeof(ULONG)) {{
        Request->DATA.SET_INFORMATION.BytesNeeded = sizeof(ULONG);
        return NDIS_STATUS_INVALID_LENGTH;
    }}
    Value = *(PULONG)Buffer;
    S->Octets[2] = Value;     // last value set, kept for the diagnostics dump
    switch (Request->DATA.SET_INFORMATION.Oid) {{""")
    for oid in oids:
        mask = r.randint(0xF, 0xFFFF)
        lim = r.randint(8, 4096)
        o(r.choice([
            f"""    case {oid}:
        if (Value & ~0x{mask:X}u) {{
            return NDIS_STATUS_NOT_SUPPORTED;
        }}
        S->Flags = (S->Flags & ~0x{mask:X}u) | Value;
        {p}ModifyReg(Adapter, {P}_REG_SUBSYS({S}), 0x{mask:X}u, Value);
        break;""",
            f"""    case {oid}:
        if (Value == 0 || Value > {lim}u) {{
            return NDIS_STATUS_INVALID_DATA;
        }}
        S->TableEntries = Value;
        S->Counters[{r.randrange(COUNTERS)}] = Value;
        break;""",
            f"""    case {oid}:
        if ((Length % 6) != 0 || Length / 6 > 32) {{
            Request->DATA.SET_INFORMATION.BytesNeeded = 6;
            return NDIS_STATUS_INVALID_LENGTH;
        }}
        S->Counters[{r.randrange(COUNTERS)}] = Length / 6;
        {p}WriteReg(Adapter, {P}_REG_SUBSYS({S}) + 4, Length / 6);
        break;"""]))
    o(f"""    default:
        return NDIS_STATUS_NOT_SUPPORTED;
    }}
    Request->DATA.SET_INFORMATION.BytesRead = sizeof(ULONG);
    return NDIS_STATUS_SUCCESS;
}}
""")
    return f"{p}{name}SetOid"


def fn_transmit(g, o, name, S):
    p, P, r = g.p, g.P, g.rng
    o(f"""VOID {p}{name}Transmit(P{P}_ADAPTER Adapter, PNET_BUFFER_LIST Nbl, ULONG Queue)
{{
    P{P}_SUBSYS S = &Adapter->Subsys[{S}];
    PNET_BUFFER Nb;
    ULONG Descriptors = 0;
    ULONG Offload = (ULONG)(ULONG_PTR)NET_BUFFER_LIST_INFO(Nbl, TcpIpChecksumNetBufferListInfo);

    if (S->State != {P}SubsysRunning) {{
        return;
    }}
    for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb != NULL; Nb = NET_BUFFER_NEXT_NB(Nb)) {{
        ULONG Length = NET_BUFFER_DATA_LENGTH(Nb);
        ULONG Cmd = (Length & 0xFFFFu) | ((Queue & 0x3u) << 16);

        if (Offload & 0x{r.randint(1, 15):X}u) {{
            Cmd |= 0x{r.choice([1, 2, 4, 8]) << 20:X}u;
        }}
        if (Length > {P}_MTU + 14) {{
            Cmd |= 0x{r.choice([1, 2, 4]) << 24:X}u;     // segmentation
            S->Counters[{r.randrange(COUNTERS)}]++;
        }}
        S->Table != NULL ? (S->Table[S->RingTail & S->RingMask] = Cmd) : (void)0;
        S->RingTail = (S->RingTail + 1) & S->RingMask;
        S->Octets[{r.randrange(4)}] += Length;
        Descriptors++;
    }}
    S->Counters[{r.randrange(COUNTERS)}] += Descriptors;
}}
""")
    return f"{p}{name}Transmit"


def fn_state_machine(g, o, name, S):
    p, P, r = g.p, g.P, g.rng
    regs = g._regs
    o(f"""VOID {p}{name}Service(P{P}_ADAPTER Adapter, ULONG Icr)
{{
    P{P}_SUBSYS S = &Adapter->Subsys[{S}];
    ULONG Event = (Icr >> {r.randint(0, 20)}) & 0x7u;

    NdisDprAcquireSpinLock(&S->Lock);
    switch (S->State) {{
    case {P}SubsysStopped:
        break;
    case {P}SubsysIdle:
        if (Event & 0x1u) {{
            S->State = {P}SubsysArming;""")
    if regs:
        g, s, m = r.choice(regs)
        o(f"            {s}(Adapter, {r.randint(0, m)}u);")
    o(f"""        }}
        break;
    case {P}SubsysArming:
        switch (Event) {{
        case 0:
            break;
        case 1:
        case 3:
            S->State = {P}SubsysRunning;
            S->Counters[{r.randrange(COUNTERS)}]++;
            break;
        case 4:
            S->State = {P}SubsysFaulted;
            break;
        default:
            S->State = {P}SubsysIdle;
            break;
        }}
        break;
    case {P}SubsysRunning:
        if (Event & 0x4u) {{
            S->State = {P}SubsysDraining;
        }} else if (S->RingHead != S->RingTail) {{
            S->RingHead = (S->RingHead + 1) & S->RingMask;
            S->Counters[{r.randrange(COUNTERS)}]++;
        }}""")
    if regs:
        g, s, m = r.choice(regs)
        o(f"""        if ({g}(Adapter) == {r.randint(0, m)}u) {{
            S->Flags ^= 0x{1 << r.randint(0, 15):X}u;
        }}""")
    o(f"""        break;
    case {P}SubsysDraining:
        if (S->RingHead == S->RingTail) {{
            S->State = {P}SubsysIdle;
        }} else {{
            S->RingHead = (S->RingHead + 1) & S->RingMask;
        }}
        break;
    case {P}SubsysFaulted:
        S->Counters[{r.randrange(COUNTERS)}]++;
        S->State = {P}SubsysResetting;
        {p}ModifyReg(Adapter, {P}_REG_SUBSYS({S}), 0, 0x80000000u);
        break;
    case {P}SubsysResetting:
        if (({p}ReadReg(Adapter, {P}_REG_SUBSYS({S})) & 0x80000000u) == 0) {{
            S->RingHead = S->RingTail = 0;
            S->State = {P}SubsysIdle;
        }}
        break;
    default:
        S->State = {P}SubsysFaulted;
        break;
    }}
    NdisDprReleaseSpinLock(&S->Lock);
}}
""")
    return f"{p}{name}Service"


def fn_stats(g, o, name, S):
    p, P, r = g.p, g.P, g.rng
    fields = ["ifInDiscards", "ifInErrors", "ifHCInOctets", "ifHCInUcastPkts", "ifHCInMulticastPkts",
              "ifHCInBroadcastPkts", "ifHCOutOctets", "ifHCOutUcastPkts", "ifHCOutMulticastPkts",
              "ifHCOutBroadcastPkts", "ifOutErrors", "ifOutDiscards", "ifHCInUcastOctets",
              "ifHCInMulticastOctets", "ifHCInBroadcastOctets", "ifHCOutUcastOctets",
              "ifHCOutMulticastOctets", "ifHCOutBroadcastOctets"]
    o(f"""VOID {p}{name}CollectStatistics(P{P}_ADAPTER Adapter, PNDIS_STATISTICS_INFO Stats)
{{
    P{P}_SUBSYS S = &Adapter->Subsys[{S}];
    ULONG Index;
    ULONG64 Total = 0;

    NdisAcquireSpinLock(&S->Lock);
    for (Index = 0; Index < {P}_NUM_COUNTERS; Index++) {{
        Total += S->Counters[Index];
    }}
    S->Octets[3] = Total;     // cached for the next OID query""")
    for f in r.sample(fields, r.randint(6, 14)):
        o(f"    Stats->{f} += " + r.choice([f"S->Counters[{r.randrange(COUNTERS)}];",
                                             f"S->Octets[{r.randrange(4)}];",
                                             f"Total >> {r.randint(1, 6)};"]))
    o(f"""    Stats->SupportedStatistics |= NDIS_STATISTICS_FLAGS_VALID_BYTES_RCV | NDIS_STATISTICS_FLAGS_VALID_BYTES_XMIT;
    NdisReleaseSpinLock(&S->Lock);
}}
""")
    return None

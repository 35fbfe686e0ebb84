# ===- miniport_gen/driver.py - the whole driver --------------------------=== #
# SPDX-License-Identifier: Apache-2.0
#
# generate() draws the fixed files first, then subsystem files until the
# target size is reached, then the files that list every subsystem: subsys.c
# (bring-up, teardown and fan-out), subsys.h and precomp.h's NUM_SUBSYS.
# Also driver.c: DriverEntry and the small adapter-level handlers.
# ===----------------------------------------------------------------------=== #

from .adapter import adapter_c
from .datapath import datapath_c, oid_c
from .header import precomp
from .names import COUNTERS, SUBSYS_WORDS, Gen, Out
from .resources import config_c, hw_c, interrupt_c, resources_c
from .subsystem import subsys_file


def generate(kloc, seed, plant):
    """The driver's files, {name: Out}, for (--kloc, --seed, --plant-defect)."""
    g = Gen(kloc, seed, plant)
    target = g.kloc * 1000
    fixed = {"driver.c": driver_c(g), "adapter.c": adapter_c(g), "config.c": config_c(g),
             "hw.c": hw_c(g), "resources.c": resources_c(g), "interrupt.c": interrupt_c(g),
             "datapath.c": datapath_c(g), "oid.c": oid_c(g)}
    used = sum(f.count() for f in fixed.values()) + 175   # precomp.h
    names, roles, subs = [], [], {}
    idx = 0
    # Each subsystem also costs ~25 lines in subsys.c and ~8 in subsys.h.
    while used < target or not names:
        word = SUBSYS_WORDS[idx % len(SUBSYS_WORDS)]
        name = word if idx < len(SUBSYS_WORDS) else f"{word}{idx // len(SUBSYS_WORDS) + 1}"
        size = g.rng.randint(300, 600)
        size = max(120, min(size, target - used - 33))
        o, ro = subsys_file(g, name, idx, size)
        subs[f"{name.lower()}.c"] = o
        names.append(name)
        roles.append(ro)
        used += o.count() + 33
        idx += 1
    files = dict(fixed)
    files.update(subs)
    files["subsys.c"] = subsys_c(g, names, roles)
    files["subsys.h"] = subsys_h(g, names)
    pre = precomp(g)
    pre.lines.insert(pre.lines.index(f"#define {g.P}_NUM_COUNTERS      {COUNTERS}") + 1,
                     f"#define {g.P}_NUM_SUBSYS       {len(names)}")
    files["precomp.h"] = pre
    return files


def driver_c(g):
    p, P = g.p, g.P
    o = Out()
    o(f"""// driver.c - DriverEntry, unload and the small adapter-level handlers of the {g.vendor} miniport.
#include "precomp.h"

NDIS_HANDLE {p}DriverHandle = NULL;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NDIS_STATUS Status;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
    Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_2;
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 20;
    Chars.MajorDriverVersion = 3;
    Chars.MinorDriverVersion = {g.rng.randint(0, 40)};
    Chars.InitializeHandlerEx = {p}InitializeEx;
    Chars.HaltHandlerEx = {p}HaltEx;
    Chars.UnloadHandler = {p}Unload;
    Chars.PauseHandler = {p}Pause;
    Chars.RestartHandler = {p}Restart;
    Chars.OidRequestHandler = {p}OidRequest;
    Chars.SendNetBufferListsHandler = {p}SendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = {p}ReturnNetBufferLists;
    Chars.CancelSendHandler = {p}CancelSend;
    Chars.CheckForHangHandlerEx = {p}CheckForHang;
    Chars.ResetHandlerEx = {p}Reset;
    Chars.DevicePnPEventNotifyHandler = {p}DevicePnPEventNotify;
    Chars.ShutdownHandlerEx = {p}ShutdownEx;
    Chars.CancelOidRequestHandler = {p}CancelOidRequest;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &{p}DriverHandle);
    if (Status != NDIS_STATUS_SUCCESS) {{
        return STATUS_UNSUCCESSFUL;
    }}
    return STATUS_SUCCESS;
}}

VOID {p}Unload(PDRIVER_OBJECT DriverObject)
{{
    UNREFERENCED_PARAMETER(DriverObject);
    NdisMDeregisterMiniportDriver({p}DriverHandle);
}}

NDIS_STATUS {p}Pause(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportAdapterContext;
    ULONG Queue;

    UNREFERENCED_PARAMETER(PauseParameters);
    Adapter->Paused = TRUE;
    {p}WriteReg(Adapter, {P}_REG_IMC, 0xFFFFFFFFu);
    for (Queue = 0; Queue < {P}_NUM_QUEUES; Queue++) {{
        {p}CompletePendingSends(Adapter, Queue);
    }}
    return NDIS_STATUS_SUCCESS;
}}

NDIS_STATUS {p}Restart(NDIS_HANDLE MiniportAdapterContext, PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(RestartParameters);
    Adapter->Paused = FALSE;
    {p}WriteReg(Adapter, {P}_REG_IMS, {P}_ICR_RXT0 | {P}_ICR_TXDW | {P}_ICR_LSC);
    return NDIS_STATUS_SUCCESS;
}}

BOOLEAN {p}CheckForHang(NDIS_HANDLE MiniportAdapterContext)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportAdapterContext;
    ULONG Status = {p}ReadReg(Adapter, {P}_REG_STATUS);

    return (Status == 0xFFFFFFFFu) ? TRUE : FALSE;
}}

NDIS_STATUS {p}Reset(NDIS_HANDLE MiniportAdapterContext, PBOOLEAN AddressingReset)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportAdapterContext;
    ULONG Spin;

    *AddressingReset = FALSE;
    {p}ModifyReg(Adapter, {P}_REG_CTRL, 0, {P}_CTRL_RESET);
    for (Spin = 0; Spin < 100; Spin++) {{
        if (({p}ReadReg(Adapter, {P}_REG_CTRL) & {P}_CTRL_RESET) == 0) {{
            return NDIS_STATUS_SUCCESS;
        }}
        NdisStallExecution(10);
    }}
    return NDIS_STATUS_HARD_ERRORS;
}}

VOID {p}DevicePnPEventNotify(NDIS_HANDLE MiniportAdapterContext, PNET_DEVICE_PNP_EVENT NetDevicePnPEvent)
{{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(NetDevicePnPEvent);
}}

VOID {p}ShutdownEx(NDIS_HANDLE MiniportAdapterContext, NDIS_SHUTDOWN_ACTION ShutdownAction)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(ShutdownAction);
    {p}WriteReg(Adapter, {P}_REG_IMC, 0xFFFFFFFFu);
    {p}ModifyReg(Adapter, {P}_REG_RCTL, 0x2u, 0);
    {p}ModifyReg(Adapter, {P}_REG_TCTL, 0x2u, 0);
}}
""")
    return o


def subsys_c(g, names, roles):
    p, P = g.p, g.P
    o = Out()
    o(f"""// subsys.c - bring-up, teardown and fan-out to the subsystems of the {g.vendor} miniport.
// Initialization stops at the first failing subsystem; SubsysReady records which ones need a shutdown,
// so one teardown routine serves both the init error path and MiniportHaltEx.
#include "precomp.h"

#define {P}_MARK_READY(A, n)   ((A)->SubsysReady[(n) / 32] |= (1u << ((n) % 32)))
#define {P}_IS_READY(A, n)     (((A)->SubsysReady[(n) / 32] & (1u << ((n) % 32))) != 0)
#define {P}_CLEAR_READY(A, n)  ((A)->SubsysReady[(n) / 32] &= ~(1u << ((n) % 32)))

NDIS_STATUS {p}InitializeSubsystems(P{P}_ADAPTER Adapter)
{{
    NDIS_STATUS Status;
""")
    for n in names:
        o(f"""    Status = {p}{n}Initialize(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {{
        return Status;
    }}
    {P}_MARK_READY(Adapter, {P}_SUBSYS_{n.upper()});""")
    o(f"""    return NDIS_STATUS_SUCCESS;
}}

VOID {p}ShutdownSubsystems(P{P}_ADAPTER Adapter)
{{""")
    for n in reversed(names):
        o(f"""    if ({P}_IS_READY(Adapter, {P}_SUBSYS_{n.upper()})) {{
        {p}{n}Shutdown(Adapter);
        {P}_CLEAR_READY(Adapter, {P}_SUBSYS_{n.upper()});
    }}""")
    o(f"""}}

VOID {p}ServiceSubsystems(P{P}_ADAPTER Adapter, ULONG Icr)
{{""")
    for n, ro in zip(names, roles):
        o(f"    {ro['service']}(Adapter, Icr);")
    o(f"""}}

VOID {p}SubsystemTransmit(P{P}_ADAPTER Adapter, PNET_BUFFER_LIST Nbl, ULONG Queue)
{{""")
    for n, ro in zip(names, roles):
        o(f"    {ro['tx']}(Adapter, Nbl, Queue);")
    o(f"""}}

NDIS_STATUS {p}SubsystemQueryOid(P{P}_ADAPTER Adapter, PNDIS_OID_REQUEST Request)
{{
    NDIS_STATUS Status;
""")
    for n, ro in zip(names, roles):
        o(f"""    Status = {ro['query']}(Adapter, Request);
    if (Status != NDIS_STATUS_NOT_SUPPORTED) {{
        return Status;
    }}""")
    o(f"""    return NDIS_STATUS_NOT_SUPPORTED;
}}

NDIS_STATUS {p}SubsystemSetOid(P{P}_ADAPTER Adapter, PNDIS_OID_REQUEST Request)
{{
    NDIS_STATUS Status;
""")
    for n, ro in zip(names, roles):
        o(f"""    Status = {ro['set']}(Adapter, Request);
    if (Status != NDIS_STATUS_NOT_SUPPORTED) {{
        return Status;
    }}""")
    o("""    return NDIS_STATUS_NOT_SUPPORTED;
}
""")
    return o


def subsys_h(g, names):
    P = g.P
    o = Out()
    o(f"""// subsys.h - subsystem indices and entry points of the {g.vendor} miniport.
#pragma once
""")
    for i, n in enumerate(names):
        o(f"#define {P}_SUBSYS_{n.upper()} {i}")
    o("")
    for pr in g.protos:
        o(pr)
    return o

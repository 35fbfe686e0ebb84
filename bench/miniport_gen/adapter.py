# ===- miniport_gen/adapter.py - adapter.c, init and halt -----------------=== #
# SPDX-License-Identifier: Apache-2.0
#
# MiniportInitializeEx acquires resources through helpers in other files and
# unwinds them with a goto-cleanup chain; MiniportHaltEx releases through the
# shared helper in resources.c. --plant-defect bends one goto of that chain.
# ===----------------------------------------------------------------------=== #

from .names import Out


def adapter_c(g):
    # The planted defect: the late general-attributes failure jumps past the interrupt.
    late_label = "ShutdownSubsystems" if g.plant else "DeregisterInterrupt"
    late_comment = ("    // BUG (planted): skips DeregisterInterrupt, the interrupt stays registered.\n"
                    if g.plant else "")
    o = Out()
    _attributes(g, o)
    _initialize_halt(g, o, late_label, late_comment)
    return o


def _attributes(g, o):
    """The supported-OID list and the two NdisMSetMiniportAttributes helpers."""
    p, P = g.p, g.P
    o(f"""// adapter.c - MiniportInitializeEx (goto-cleanup chain) and MiniportHaltEx of the {g.vendor} miniport.
#include "precomp.h"

static NDIS_OID {p}SupportedOids[] = {{
    OID_GEN_SUPPORTED_LIST, OID_GEN_HARDWARE_STATUS, OID_GEN_MEDIA_SUPPORTED, OID_GEN_MEDIA_IN_USE,
    OID_GEN_MAXIMUM_LOOKAHEAD, OID_GEN_MAXIMUM_FRAME_SIZE, OID_GEN_LINK_SPEED, OID_GEN_CURRENT_PACKET_FILTER,
    OID_GEN_CURRENT_LOOKAHEAD, OID_GEN_MEDIA_CONNECT_STATUS, OID_GEN_XMIT_OK, OID_GEN_RCV_OK,
    OID_GEN_STATISTICS, OID_802_3_PERMANENT_ADDRESS, OID_802_3_CURRENT_ADDRESS, OID_802_3_MULTICAST_LIST,
    OID_802_3_MAXIMUM_LIST_SIZE, OID_GEN_INTERRUPT_MODERATION, OID_PNP_SET_POWER, OID_PNP_QUERY_POWER
}};

static NDIS_STATUS {p}SetRegistrationAttributes(P{P}_ADAPTER Adapter)
{{
    NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES Reg;

    NdisZeroMemory(&Reg, sizeof(Reg));
    Reg.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
    Reg.Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
    Reg.MiniportAdapterContext = (NDIS_HANDLE)Adapter;
    Reg.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE | NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Reg.CheckForHangTimeInSeconds = 2;
    Reg.InterfaceType = NdisInterfacePci;
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Reg);
}}

static NDIS_STATUS {p}SetGeneralAttributes(P{P}_ADAPTER Adapter)
{{
    NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES Gen;

    NdisZeroMemory(&Gen, sizeof(Gen));
    Gen.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;
    Gen.Header.Revision = NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_2;
    Gen.MediaType = NdisMedium802_3;
    Gen.PhysicalMediumType = NdisPhysicalMedium802_3;
    Gen.MtuSize = {P}_MTU;
    Gen.MaxXmitLinkSpeed = {P}_LINK_SPEED;
    Gen.XmitLinkSpeed = {P}_LINK_SPEED;
    Gen.MaxRcvLinkSpeed = {P}_LINK_SPEED;
    Gen.RcvLinkSpeed = {P}_LINK_SPEED;
    Gen.MediaConnectState = MediaConnectStateUnknown;
    Gen.MediaDuplexState = MediaDuplexStateFull;
    Gen.LookaheadSize = Adapter->Config.Lookahead;
    Gen.SupportedPacketFilters = NDIS_PACKET_TYPE_DIRECTED | NDIS_PACKET_TYPE_MULTICAST |
                                 NDIS_PACKET_TYPE_ALL_MULTICAST | NDIS_PACKET_TYPE_BROADCAST |
                                 NDIS_PACKET_TYPE_PROMISCUOUS;
    Gen.MaxMulticastListSize = 32;
    Gen.MacAddressLength = 6;
    NdisMoveMemory(Gen.PermanentMacAddress, Adapter->PermanentAddress, 6);
    NdisMoveMemory(Gen.CurrentMacAddress, Adapter->CurrentAddress, 6);
    Gen.AccessType = NET_IF_ACCESS_BROADCAST;
    Gen.DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    Gen.ConnectionType = NET_IF_CONNECTION_DEDICATED;
    Gen.IfType = IF_TYPE_ETHERNET_CSMACD;
    Gen.IfConnectorPresent = TRUE;
    Gen.SupportedOidList = {p}SupportedOids;
    Gen.SupportedOidListLength = sizeof({p}SupportedOids);
    return NdisMSetMiniportAttributes(Adapter->MiniportHandle, (PNDIS_MINIPORT_ADAPTER_ATTRIBUTES)&Gen);
}}
""")


def _initialize_halt(g, o, late_label, late_comment):
    """MiniportInitializeEx with its goto-cleanup chain, and MiniportHaltEx."""
    p, P = g.p, g.P
    o(f"""NDIS_STATUS {p}InitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportDriverContext,
                          PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{{
    P{P}_ADAPTER Adapter;
    NDIS_STATUS Status;
    ULONG Byte;

    UNREFERENCED_PARAMETER(MiniportDriverContext);

    Adapter = (P{P}_ADAPTER)NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof({P}_ADAPTER),
                                                              {P}_TAG, NormalPoolPriority);
    if (Adapter == NULL) {{
        Status = NDIS_STATUS_RESOURCES;
        goto Exit;
    }}
    NdisZeroMemory(Adapter, sizeof({P}_ADAPTER));
    Adapter->MiniportHandle = MiniportAdapterHandle;
    Adapter->PermanentAddress[0] = 0x02;
    Adapter->PermanentAddress[5] = 0x{g.rng.randint(16, 255):02X};
    // Byte copy, not NdisMoveMemory: ndisv (at a3c1b10) drops the NdisZeroMemory fill of an object
    // that memcpy writes into, which would turn InitFlags unknown and the verdicts into false alarms.
    for (Byte = 0; Byte < 6; Byte++) {{
        Adapter->CurrentAddress[Byte] = Adapter->PermanentAddress[Byte];
    }}
    NdisAllocateSpinLock(&Adapter->SendLock);

    Status = {p}SetRegistrationAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {{
        goto FreeAdapter;
    }}

    Status = {p}ReadConfiguration(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {{
        goto FreeAdapter;
    }}

    Status = {p}MapRegisters(Adapter, MiniportInitParameters);
    if (Status != NDIS_STATUS_SUCCESS) {{
        goto FreeAdapter;
    }}
    Adapter->InitFlags |= {P}_INIT_REGISTERS;

    Status = {p}AllocateNblPools(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {{
        goto UnmapRegisters;
    }}
    Adapter->InitFlags |= {P}_INIT_POOLS;

    Status = {p}AllocateQueueWorkItems(Adapter);    // unwinds its own partial loop
    if (Status != NDIS_STATUS_SUCCESS) {{
        goto FreePools;
    }}
    Adapter->InitFlags |= {P}_INIT_WORK_ITEMS;

    Status = {p}AllocateWatchdogTimer(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {{
        goto FreeWorkItems;
    }}
    Adapter->InitFlags |= {P}_INIT_TIMER;

    Status = {p}InitializeSubsystems(Adapter);      // each ready subsystem is marked in SubsysReady
    if (Status != NDIS_STATUS_SUCCESS) {{
        goto ShutdownSubsystems;
    }}
    Adapter->InitFlags |= {P}_INIT_SUBSYSTEMS;

    Status = {p}RegisterInterrupt(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {{
        goto ShutdownSubsystems;
    }}
    Adapter->InitFlags |= {P}_INIT_INTERRUPT;

    Status = {p}SetGeneralAttributes(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {{
{late_comment}        goto {late_label};
    }}

    {p}WriteReg(Adapter, {P}_REG_IMS, {P}_ICR_RXT0 | {P}_ICR_TXDW | {P}_ICR_LSC);
    Status = NDIS_STATUS_SUCCESS;
    goto Exit;

DeregisterInterrupt:
    {p}DeregisterInterrupt(Adapter);
ShutdownSubsystems:
    {p}ShutdownSubsystems(Adapter);
    {p}FreeWatchdogTimer(Adapter);
FreeWorkItems:
    {p}FreeQueueWorkItems(Adapter);
FreePools:
    {p}FreeNblPools(Adapter);
UnmapRegisters:
    {p}UnmapRegisters(Adapter);
FreeAdapter:
    NdisFreeSpinLock(&Adapter->SendLock);
    NdisFreeMemoryWithTagPriority(MiniportAdapterHandle, Adapter, {P}_TAG);
Exit:
    return Status;
}}

VOID {p}HaltEx(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportAdapterContext;
    NDIS_HANDLE MiniportHandle = Adapter->MiniportHandle;

    UNREFERENCED_PARAMETER(HaltAction);
    {p}WriteReg(Adapter, {P}_REG_IMC, 0xFFFFFFFFu);
    {p}ReleaseAdapterResources(Adapter);             // shared with the error paths of the data path
    NdisFreeSpinLock(&Adapter->SendLock);
    NdisFreeMemoryWithTagPriority(MiniportHandle, Adapter, {P}_TAG);
}}
""")

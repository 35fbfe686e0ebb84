# ===- miniport_gen/datapath.py - datapath.c and oid.c --------------------=== #
# SPDX-License-Identifier: Apache-2.0
#
# The send, return and receive paths and the OID dispatch: role functions that
# init/halt never reach, so Clang parses them and ndisv's init/halt checks
# do not explore them.
# ===----------------------------------------------------------------------=== #

from .names import Out


def datapath_c(g):
    o = Out()
    _send(g, o)
    _receive(g, o)
    return o


def _send(g, o):
    p, P = g.p, g.P
    o(f"""// datapath.c - send, return and receive paths of the {g.vendor} miniport (not reached from init/halt).
#include "precomp.h"

VOID {p}SendNetBufferLists(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists,
                          NDIS_PORT_NUMBER PortNumber, ULONG SendFlags)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportAdapterContext;
    PNET_BUFFER_LIST Nbl;
    PNET_BUFFER_LIST Next;
    ULONG CompleteFlags = NDIS_TEST_SEND_AT_DISPATCH_LEVEL(SendFlags) ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0;

    UNREFERENCED_PARAMETER(PortNumber);
    if (Adapter->Paused || !Adapter->LinkUp) {{
        for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {{
            NET_BUFFER_LIST_STATUS(Nbl) = Adapter->Paused ? NDIS_STATUS_PAUSED : NDIS_STATUS_MEDIA_DISCONNECTED;
        }}
        NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, NetBufferLists, CompleteFlags);
        return;
    }}
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Next) {{
        ULONG Queue = NET_BUFFER_LIST_GET_HASH_VALUE(Nbl) & ({P}_NUM_QUEUES - 1);
        P{P}_QUEUE Q = &Adapter->Queues[Queue];
        PNET_BUFFER Nb;

        Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
        NET_BUFFER_LIST_NEXT_NBL(Nbl) = NULL;
        for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb != NULL; Nb = NET_BUFFER_NEXT_NB(Nb)) {{
            Q->Bytes += NET_BUFFER_DATA_LENGTH(Nb);
            Q->Packets++;
            Q->Tail = (Q->Tail + 1) & ({P}_MAX_TX_BUFFERS - 1);
        }}
        {p}SubsystemTransmit(Adapter, Nbl, Queue);
        NdisAcquireSpinLock(&Adapter->SendLock);
        if (Q->PendingTail == NULL) {{
            Q->PendingHead = Nbl;
        }} else {{
            NET_BUFFER_LIST_NEXT_NBL(Q->PendingTail) = Nbl;
        }}
        Q->PendingTail = Nbl;
        NdisReleaseSpinLock(&Adapter->SendLock);
        {p}WriteReg(Adapter, {P}_REG_TDT(Queue), Q->Tail);
    }}
}}

VOID {p}CompletePendingSends(P{P}_ADAPTER Adapter, ULONG Queue)
{{
    P{P}_QUEUE Q = &Adapter->Queues[Queue];
    PNET_BUFFER_LIST Done;
    PNET_BUFFER_LIST Nbl;

    NdisAcquireSpinLock(&Adapter->SendLock);
    Done = Q->PendingHead;
    Q->PendingHead = NULL;
    Q->PendingTail = NULL;
    NdisReleaseSpinLock(&Adapter->SendLock);
    if (Done == NULL) {{
        return;
    }}
    for (Nbl = Done; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {{
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
        Adapter->XmitOk++;
    }}
    NdisMSendNetBufferListsComplete(Adapter->MiniportHandle, Done, NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL);
}}

VOID {p}ReturnNetBufferLists(NDIS_HANDLE MiniportAdapterContext, PNET_BUFFER_LIST NetBufferLists, ULONG ReturnFlags)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportAdapterContext;
    PNET_BUFFER_LIST Nbl;
    PNET_BUFFER_LIST Next;

    UNREFERENCED_PARAMETER(ReturnFlags);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Next) {{
        Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
        NET_BUFFER_LIST_NEXT_NBL(Nbl) = NULL;
        NdisFreeNetBufferList(Nbl);
        Adapter->Queues[0].Head = (Adapter->Queues[0].Head + 1) & ({P}_MAX_RX_BUFFERS - 1);
    }}
}}
""")


def _receive(g, o):
    p, P = g.p, g.P
    o(f"""VOID {p}DrainReceiveQueue(P{P}_ADAPTER Adapter, ULONG Queue, ULONG Budget)
{{
    P{P}_QUEUE Q = &Adapter->Queues[Queue];
    PNET_BUFFER_LIST Head = NULL;
    PNET_BUFFER_LIST Tail = NULL;
    ULONG Count = 0;
    ULONG HwHead = {p}ReadReg(Adapter, {P}_REG_RDH(Queue));

    while (Q->Head != HwHead && Count < Budget) {{
        PNET_BUFFER_LIST Nbl = NdisAllocateNetBufferAndNetBufferList(Adapter->RxNblPool, 0, 0, NULL, 0, 0);
        if (Nbl == NULL) {{
            Adapter->RcvError++;
            break;
        }}
        if (Tail == NULL) {{
            Head = Nbl;
        }} else {{
            NET_BUFFER_LIST_NEXT_NBL(Tail) = Nbl;
        }}
        Tail = Nbl;
        Q->Head = (Q->Head + 1) & ({P}_MAX_RX_BUFFERS - 1);
        Count++;
    }}
    if (Head != NULL) {{
        Q->Packets += Count;
        Adapter->RcvOk += Count;
        NdisMIndicateReceiveNetBufferLists(Adapter->MiniportHandle, Head, NDIS_DEFAULT_PORT_NUMBER, Count,
                                           NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL);
    }}
    {p}WriteReg(Adapter, {P}_REG_RDT(Queue), Q->Head);
}}

VOID {p}RefillWorkItem(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{{
    P{P}_QUEUE Q = (P{P}_QUEUE)WorkItemContext;

    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
    Q->Tail = (Q->Head + {P}_MAX_RX_BUFFERS - 1) & ({P}_MAX_RX_BUFFERS - 1);
}}

VOID {p}WatchdogTimerFunction(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2,
                             PVOID SystemSpecific3)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)FunctionContext;
    ULONG Status;

    UNREFERENCED_PARAMETER(SystemSpecific1);
    UNREFERENCED_PARAMETER(SystemSpecific2);
    UNREFERENCED_PARAMETER(SystemSpecific3);
    Status = {p}ReadReg(Adapter, {P}_REG_STATUS);
    Adapter->LinkUp = (Status & {P}_STATUS_LINK) ? TRUE : FALSE;
}}

VOID {p}CancelSend(NDIS_HANDLE MiniportAdapterContext, PVOID CancelId)
{{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(CancelId);
}}
""")


def oid_c(g):
    p, P = g.p, g.P
    o = Out()
    o(f"""// oid.c - OID request dispatch of the {g.vendor} miniport (not reached from init/halt).
#include "precomp.h"

static NDIS_STATUS {p}CopyUlong(PNDIS_OID_REQUEST Request, ULONG Value)
{{
    if (Request->DATA.QUERY_INFORMATION.InformationBufferLength < sizeof(ULONG)) {{
        Request->DATA.QUERY_INFORMATION.BytesNeeded = sizeof(ULONG);
        return NDIS_STATUS_BUFFER_TOO_SHORT;
    }}
    *(PULONG)Request->DATA.QUERY_INFORMATION.InformationBuffer = Value;
    Request->DATA.QUERY_INFORMATION.BytesWritten = sizeof(ULONG);
    return NDIS_STATUS_SUCCESS;
}}

static NDIS_STATUS {p}QueryAdapterOid(P{P}_ADAPTER Adapter, PNDIS_OID_REQUEST Request)
{{
    switch (Request->DATA.QUERY_INFORMATION.Oid) {{
    case OID_GEN_MEDIA_SUPPORTED:
    case OID_GEN_MEDIA_IN_USE:
        return {p}CopyUlong(Request, NdisMedium802_3);
    case OID_GEN_LINK_SPEED:
        return {p}CopyUlong(Request, (ULONG)({P}_LINK_SPEED / 100));
    case OID_GEN_MAXIMUM_FRAME_SIZE:
        return {p}CopyUlong(Request, {P}_MTU);
    case OID_GEN_CURRENT_LOOKAHEAD:
        return {p}CopyUlong(Request, Adapter->Config.Lookahead);
    case OID_GEN_CURRENT_PACKET_FILTER:
        return {p}CopyUlong(Request, Adapter->Config.PacketFilter);
    case OID_GEN_MEDIA_CONNECT_STATUS:
        return {p}CopyUlong(Request, Adapter->LinkUp ? 0u : 1u);
    case OID_802_3_PERMANENT_ADDRESS:
    case OID_802_3_CURRENT_ADDRESS:
        if (Request->DATA.QUERY_INFORMATION.InformationBufferLength < 6) {{
            Request->DATA.QUERY_INFORMATION.BytesNeeded = 6;
            return NDIS_STATUS_BUFFER_TOO_SHORT;
        }}
        NdisMoveMemory(Request->DATA.QUERY_INFORMATION.InformationBuffer,
                       Request->DATA.QUERY_INFORMATION.Oid == OID_802_3_PERMANENT_ADDRESS ?
                           Adapter->PermanentAddress : Adapter->CurrentAddress, 6);
        Request->DATA.QUERY_INFORMATION.BytesWritten = 6;
        return NDIS_STATUS_SUCCESS;
    default:
        return {p}SubsystemQueryOid(Adapter, Request);
    }}
}}

NDIS_STATUS {p}OidRequest(NDIS_HANDLE MiniportAdapterContext, PNDIS_OID_REQUEST OidRequest)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportAdapterContext;

    switch (OidRequest->RequestType) {{
    case NdisRequestQueryInformation:
    case NdisRequestQueryStatistics:
        return {p}QueryAdapterOid(Adapter, OidRequest);
    case NdisRequestSetInformation:
        return {p}SubsystemSetOid(Adapter, OidRequest);
    default:
        return NDIS_STATUS_NOT_SUPPORTED;
    }}
}}

VOID {p}CancelOidRequest(NDIS_HANDLE MiniportAdapterContext, PVOID RequestId)
{{
    UNREFERENCED_PARAMETER(MiniportAdapterContext);
    UNREFERENCED_PARAMETER(RequestId);
}}
""")
    return o

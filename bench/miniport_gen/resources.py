# ===- miniport_gen/resources.py - what init acquires, halt releases ------=== #
# SPDX-License-Identifier: Apache-2.0
#
# config.c, hw.c, resources.c (NBL pools, work items, the timer and the shared
# release helper) and interrupt.c: the helpers MiniportInitializeEx calls and
# the cleanup MiniportHaltEx and the init error paths share.
# ===----------------------------------------------------------------------=== #

from .names import Out


def config_c(g):
    p, P = g.p, g.P
    o = Out()
    o(f"""// config.c - registry configuration of the {g.vendor} miniport.
#include "precomp.h"

static ULONG {p}Clamp(ULONG Value, ULONG Low, ULONG High)
{{
    return Value < Low ? Low : (Value > High ? High : Value);
}}

NDIS_STATUS {p}ReadConfiguration(P{P}_ADAPTER Adapter)
{{
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE ConfigHandle = NULL;
    PNDIS_CONFIGURATION_PARAMETER Param = NULL;
    NDIS_STRING RxKeyword = NDIS_STRING_CONST("NumRxBuffers");
    NDIS_STRING TxKeyword = NDIS_STRING_CONST("NumTxBuffers");
    NDIS_STRING ModKeyword = NDIS_STRING_CONST("InterruptModeration");
    NDIS_STATUS Status;

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Type = NDIS_OBJECT_TYPE_CONFIGURATION_OBJECT;
    ConfigObject.Header.Revision = NDIS_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.Header.Size = NDIS_SIZEOF_CONFIGURATION_OBJECT_REVISION_1;
    ConfigObject.NdisHandle = Adapter->MiniportHandle;
    ConfigObject.Flags = 0;

    Status = NdisOpenConfigurationEx(&ConfigObject, &ConfigHandle);
    if (Status != NDIS_STATUS_SUCCESS) {{
        return Status;
    }}

    // Defaults first: a missing keyword is not an error.
    Adapter->Config.NumRxBuffers = 256;
    Adapter->Config.NumTxBuffers = 256;
    Adapter->Config.InterruptModeration = 1;
    Adapter->Config.PacketFilter = 0;
    Adapter->Config.Lookahead = {P}_MTU;

    NdisReadConfiguration(&Status, &Param, ConfigHandle, &RxKeyword, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS) {{
        Adapter->Config.NumRxBuffers = {p}Clamp(Param->ParameterData.IntegerData, 64, {P}_MAX_RX_BUFFERS);
    }}
    NdisReadConfiguration(&Status, &Param, ConfigHandle, &TxKeyword, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS) {{
        Adapter->Config.NumTxBuffers = Param->ParameterData.IntegerData & ({P}_MAX_TX_BUFFERS - 1);
    }}
    NdisReadConfiguration(&Status, &Param, ConfigHandle, &ModKeyword, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS) {{
        Adapter->Config.InterruptModeration = Param->ParameterData.IntegerData & 0x3u;
    }}

    NdisCloseConfiguration(ConfigHandle);
    return NDIS_STATUS_SUCCESS;
}}
""")
    return o


def hw_c(g):
    p, P = g.p, g.P
    o = Out()
    o(f"""// hw.c - BAR0 mapping and register accessors of the {g.vendor} miniport.
#include "precomp.h"

NDIS_STATUS {p}MapRegisters(P{P}_ADAPTER Adapter, PNDIS_MINIPORT_INIT_PARAMETERS InitParameters)
{{
    NDIS_PHYSICAL_ADDRESS Bar0;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(InitParameters);
    Bar0.QuadPart = 0xF0000000LL;   // the resource list is not walked in this model
    Status = NdisMMapIoSpace((PVOID *)&Adapter->Registers, Adapter->MiniportHandle, Bar0, {P}_REG_SPACE_SIZE);
    if (Status != NDIS_STATUS_SUCCESS) {{
        Adapter->Registers = NULL;
    }}
    return Status;
}}

VOID {p}UnmapRegisters(P{P}_ADAPTER Adapter)
{{
    if (Adapter->Registers != NULL) {{
        NdisMUnmapIoSpace(Adapter->MiniportHandle, Adapter->Registers, {P}_REG_SPACE_SIZE);
        Adapter->Registers = NULL;
    }}
}}

ULONG {p}ReadReg(P{P}_ADAPTER Adapter, ULONG Offset)
{{
    ULONG Value;
    NdisReadRegisterUlong((PULONG)(Adapter->Registers + Offset), &Value);
    return Value;
}}

VOID {p}WriteReg(P{P}_ADAPTER Adapter, ULONG Offset, ULONG Value)
{{
    NdisWriteRegisterUlong((PULONG)(Adapter->Registers + Offset), Value);
}}

VOID {p}ModifyReg(P{P}_ADAPTER Adapter, ULONG Offset, ULONG Clear, ULONG Set)
{{
    ULONG Value = {p}ReadReg(Adapter, Offset);
    Value &= ~Clear;
    Value |= Set;
    {p}WriteReg(Adapter, Offset, Value);
}}
""")
    return o


def resources_c(g):
    p, P = g.p, g.P
    o = Out()
    o(f"""// resources.c - NBL pools, per-queue work items, the watchdog timer and the shared release helper.
#include "precomp.h"

NDIS_STATUS {p}AllocateNblPools(P{P}_ADAPTER Adapter)
{{
    NET_BUFFER_LIST_POOL_PARAMETERS Params;

    NdisZeroMemory(&Params, sizeof(Params));
    Params.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
    Params.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Params.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
    Params.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
    Params.fAllocateNetBuffer = TRUE;
    Params.PoolTag = {P}_TAG;
    Adapter->RxNblPool = NdisAllocateNetBufferListPool(Adapter->MiniportHandle, &Params);
    if (Adapter->RxNblPool == NULL) {{
        return NDIS_STATUS_RESOURCES;
    }}
    Adapter->TxNblPool = NdisAllocateNetBufferListPool(Adapter->MiniportHandle, &Params);
    if (Adapter->TxNblPool == NULL) {{
        NdisFreeNetBufferListPool(Adapter->RxNblPool);
        Adapter->RxNblPool = NULL;
        return NDIS_STATUS_RESOURCES;
    }}
    return NDIS_STATUS_SUCCESS;
}}

VOID {p}FreeNblPools(P{P}_ADAPTER Adapter)
{{
    if (Adapter->TxNblPool != NULL) {{
        NdisFreeNetBufferListPool(Adapter->TxNblPool);
        Adapter->TxNblPool = NULL;
    }}
    if (Adapter->RxNblPool != NULL) {{
        NdisFreeNetBufferListPool(Adapter->RxNblPool);
        Adapter->RxNblPool = NULL;
    }}
}}

NDIS_STATUS {p}AllocateQueueWorkItems(P{P}_ADAPTER Adapter)
{{
    ULONG Queue;

    for (Queue = 0; Queue < {P}_NUM_QUEUES; Queue++) {{
        Adapter->Queues[Queue].Index = Queue;
        Adapter->Queues[Queue].RefillWorkItem = NdisAllocateIoWorkItem(Adapter->MiniportHandle);
        if (Adapter->Queues[Queue].RefillWorkItem == NULL) {{
            // Unwind the queues already done so the caller sees all-or-nothing.
            while (Queue > 0) {{
                Queue--;
                NdisFreeIoWorkItem(Adapter->Queues[Queue].RefillWorkItem);
                Adapter->Queues[Queue].RefillWorkItem = NULL;
            }}
            return NDIS_STATUS_RESOURCES;
        }}
    }}
    return NDIS_STATUS_SUCCESS;
}}

VOID {p}FreeQueueWorkItems(P{P}_ADAPTER Adapter)
{{
    ULONG Queue;

    for (Queue = 0; Queue < {P}_NUM_QUEUES; Queue++) {{
        if (Adapter->Queues[Queue].RefillWorkItem != NULL) {{
            NdisFreeIoWorkItem(Adapter->Queues[Queue].RefillWorkItem);
            Adapter->Queues[Queue].RefillWorkItem = NULL;
        }}
    }}
}}

NDIS_STATUS {p}AllocateWatchdogTimer(P{P}_ADAPTER Adapter)
{{
    NDIS_TIMER_CHARACTERISTICS Timer;

    NdisZeroMemory(&Timer, sizeof(Timer));
    Timer.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
    Timer.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
    Timer.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
    Timer.AllocationTag = {P}_TAG;
    Timer.TimerFunction = {p}WatchdogTimerFunction;
    Timer.FunctionContext = Adapter;
    return NdisAllocateTimerObject(Adapter->MiniportHandle, &Timer, &Adapter->WatchdogTimer);
}}

VOID {p}FreeWatchdogTimer(P{P}_ADAPTER Adapter)
{{
    if (Adapter->WatchdogTimer != NULL) {{
        NdisCancelTimerObject(Adapter->WatchdogTimer);
        NdisFreeTimerObject(Adapter->WatchdogTimer);
        Adapter->WatchdogTimer = NULL;
    }}
}}

// Releases whatever InitFlags says was acquired, newest first. MiniportHaltEx
// calls it; so does any path that tears a live adapter down.
VOID {p}ReleaseAdapterResources(P{P}_ADAPTER Adapter)
{{
    if (Adapter->InitFlags & {P}_INIT_INTERRUPT) {{
        {p}DeregisterInterrupt(Adapter);
        Adapter->InitFlags &= ~{P}_INIT_INTERRUPT;
    }}
    if (Adapter->InitFlags & {P}_INIT_SUBSYSTEMS) {{
        {p}ShutdownSubsystems(Adapter);
        Adapter->InitFlags &= ~{P}_INIT_SUBSYSTEMS;
    }}
    if (Adapter->InitFlags & {P}_INIT_TIMER) {{
        {p}FreeWatchdogTimer(Adapter);
        Adapter->InitFlags &= ~{P}_INIT_TIMER;
    }}
    if (Adapter->InitFlags & {P}_INIT_WORK_ITEMS) {{
        {p}FreeQueueWorkItems(Adapter);
        Adapter->InitFlags &= ~{P}_INIT_WORK_ITEMS;
    }}
    if (Adapter->InitFlags & {P}_INIT_POOLS) {{
        {p}FreeNblPools(Adapter);
        Adapter->InitFlags &= ~{P}_INIT_POOLS;
    }}
    if (Adapter->InitFlags & {P}_INIT_REGISTERS) {{
        {p}UnmapRegisters(Adapter);
        Adapter->InitFlags &= ~{P}_INIT_REGISTERS;
    }}
}}
""")
    return o


def interrupt_c(g):
    p, P = g.p, g.P
    o = Out()
    o(f"""// interrupt.c - interrupt registration and the ISR/DPC of the {g.vendor} miniport.
#include "precomp.h"

NDIS_STATUS {p}RegisterInterrupt(P{P}_ADAPTER Adapter)
{{
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Intr;

    NdisZeroMemory(&Intr, sizeof(Intr));
    Intr.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INTERRUPT;
    Intr.Header.Revision = NDIS_MINIPORT_INTERRUPT_REVISION_1;
    Intr.Header.Size = NDIS_SIZEOF_MINIPORT_INTERRUPT_CHARACTERISTICS_REVISION_1;
    Intr.InterruptHandler = {p}Isr;
    Intr.InterruptDpcHandler = {p}InterruptDpc;
    Intr.DisableInterruptHandler = {p}DisableInterrupt;
    Intr.EnableInterruptHandler = {p}EnableInterrupt;
    return NdisMRegisterInterruptEx(Adapter->MiniportHandle, Adapter, &Intr, &Adapter->InterruptHandle);
}}

VOID {p}DeregisterInterrupt(P{P}_ADAPTER Adapter)
{{
    NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    Adapter->InterruptHandle = NULL;
}}

BOOLEAN {p}Isr(NDIS_HANDLE MiniportInterruptContext, PBOOLEAN QueueDefaultInterruptDpc, PULONG TargetProcessors)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportInterruptContext;
    ULONG Icr = {p}ReadReg(Adapter, {P}_REG_ICR);

    *TargetProcessors = 0;
    if (Icr == 0 || Icr == 0xFFFFFFFFu) {{
        *QueueDefaultInterruptDpc = FALSE;
        return FALSE;
    }}
    Adapter->LastIcr |= Icr;
    {p}WriteReg(Adapter, {P}_REG_IMC, Icr);
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}}

VOID {p}InterruptDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
                    PVOID ReceiveThrottleParameters, PVOID NdisReserved2)
{{
    P{P}_ADAPTER Adapter = (P{P}_ADAPTER)MiniportInterruptContext;
    ULONG Icr = Adapter->LastIcr;
    ULONG Queue;

    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);
    Adapter->LastIcr = 0;
    if (Icr & {P}_ICR_LSC) {{
        ULONG Status = {p}ReadReg(Adapter, {P}_REG_STATUS);
        Adapter->LinkUp = (Status & {P}_STATUS_LINK) ? TRUE : FALSE;
    }}
    for (Queue = 0; Queue < {P}_NUM_QUEUES; Queue++) {{
        if (Icr & {P}_ICR_RXT0) {{
            {p}DrainReceiveQueue(Adapter, Queue, 64);
            NdisQueueIoWorkItem(Adapter->Queues[Queue].RefillWorkItem, {p}RefillWorkItem, &Adapter->Queues[Queue]);
        }}
        if (Icr & {P}_ICR_TXDW) {{
            {p}CompletePendingSends(Adapter, Queue);
        }}
    }}
    {p}ServiceSubsystems(Adapter, Icr);
    {p}WriteReg(Adapter, {P}_REG_IMS, {P}_ICR_RXT0 | {P}_ICR_TXDW | {P}_ICR_LSC);
}}

VOID {p}EnableInterrupt(NDIS_HANDLE MiniportInterruptContext)
{{
    {p}WriteReg((P{P}_ADAPTER)MiniportInterruptContext, {P}_REG_IMS, {P}_ICR_RXT0 | {P}_ICR_TXDW | {P}_ICR_LSC);
}}

VOID {p}DisableInterrupt(NDIS_HANDLE MiniportInterruptContext)
{{
    {p}WriteReg((P{P}_ADAPTER)MiniportInterruptContext, {P}_REG_IMC, 0xFFFFFFFFu);
}}
""")
    return o

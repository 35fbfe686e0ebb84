//===- kernel/processor.h - ndisv model: processor state and hot-add -----===//
// SPDX-License-Identifier: Apache-2.0
//
// Part of the model's wdm.h (which includes it), written for ndisv from the
// DDI reference's pages; not the WDK header:
//  - extended processor state (KeSaveExtendedProcessorState, Windows 7 on).
//    The XSTATE_MASK_* flags the reference lists are the XCR0 state-component
//    bits of the Intel SDM (vol. 1, 13.1): x87 0, SSE 1, AVX ("GSSE") 2, MPX
//    3-4, AVX-512 5-7, AMX TILECFG 17 and TILEDATA 18. The kernel
//    documentation calls XSTATE_SAVE opaque and shows drivers keeping one
//    on the stack; its size is not documented, so it is declared here as
//    reserved pointer-sized words (64 bytes), enough to be stored and
//    passed but not the WDK's layout.
//  - processor hot-add callbacks (KeRegisterProcessorChangeCallback, Windows
//    Server 2008 on). The reference does not give the value of its one
//    flag, KE_PROCESSOR_CHANGE_ADD_EXISTING, so it is not defined.
#pragma once

NDISV_BEGIN_DECLS

// ---- extended processor state -----------------------------------------------
#define XSTATE_MASK_LEGACY_FLOATING_POINT (1ULL << 0)
#define XSTATE_MASK_LEGACY_SSE (1ULL << 1)
#define XSTATE_MASK_LEGACY (XSTATE_MASK_LEGACY_FLOATING_POINT | XSTATE_MASK_LEGACY_SSE)
#define XSTATE_MASK_GSSE (1ULL << 2)
#define XSTATE_MASK_MPX ((1ULL << 3) | (1ULL << 4))
#define XSTATE_MASK_AVX512 ((1ULL << 5) | (1ULL << 6) | (1ULL << 7))
#define XSTATE_MASK_AMX_TILE_CONFIG (1ULL << 17)
#define XSTATE_MASK_AMX_TILE_DATA (1ULL << 18)

typedef struct _XSTATE_SAVE {
    ULONG_PTR Reserved[8]; // opaque
} XSTATE_SAVE, *PXSTATE_SAVE;
NTSTATUS KeSaveExtendedProcessorState(ULONG64 Mask, PXSTATE_SAVE XStateSave);
VOID KeRestoreExtendedProcessorState(PXSTATE_SAVE XStateSave);

// ---- processor hot-add ------------------------------------------------------
typedef enum _KE_PROCESSOR_CHANGE_NOTIFY_STATE {
    KeProcessorAddStartNotify = 0,
    KeProcessorAddCompleteNotify,
    KeProcessorAddFailureNotify
} KE_PROCESSOR_CHANGE_NOTIFY_STATE;

typedef struct _KE_PROCESSOR_CHANGE_NOTIFY_CONTEXT {
    KE_PROCESSOR_CHANGE_NOTIFY_STATE State;
    ULONG NtNumber;
    NTSTATUS Status;
    PROCESSOR_NUMBER ProcNumber;
} KE_PROCESSOR_CHANGE_NOTIFY_CONTEXT, *PKE_PROCESSOR_CHANGE_NOTIFY_CONTEXT;

typedef VOID PROCESSOR_CALLBACK_FUNCTION(PVOID CallbackContext,
                                         PKE_PROCESSOR_CHANGE_NOTIFY_CONTEXT ChangeContext,
                                         PNTSTATUS OperationStatus);
typedef PROCESSOR_CALLBACK_FUNCTION *PPROCESSOR_CALLBACK_FUNCTION;

PVOID KeRegisterProcessorChangeCallback(PPROCESSOR_CALLBACK_FUNCTION CallbackFunction,
                                        PVOID CallbackContext, ULONG Flags);
VOID KeDeregisterProcessorChangeCallback(PVOID CallbackHandle);

NDISV_END_DECLS

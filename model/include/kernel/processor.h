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
//    flag, KE_PROCESSOR_CHANGE_ADD_EXISTING; it is Microsoft's Windows API
//    metadata's (windows-sys Wdk::System::SystemServices).
#pragma once

NDISV_BEGIN_DECLS

// ---- extended processor state -----------------------------------------------
// The XSTATE_* feature numbers are the XCR0 bit positions; the names and
// numbers beyond the reference's list are those of Microsoft's Windows API
// metadata (windows-sys Win32::System::SystemServices), each XSTATE_MASK_*
// the bit of its feature.
#define XSTATE_LEGACY_FLOATING_POINT 0
#define XSTATE_LEGACY_SSE 1
#define XSTATE_GSSE 2
#define XSTATE_AVX XSTATE_GSSE
#define XSTATE_MPX_BNDREGS 3
#define XSTATE_MPX_BNDCSR 4
#define XSTATE_AVX512_KMASK 5
#define XSTATE_AVX512_ZMM_H 6
#define XSTATE_AVX512_ZMM 7
#define XSTATE_IPT 8
#define XSTATE_PASID 10
#define XSTATE_CET_U 11
#define XSTATE_CET_S 12
#define XSTATE_AMX_TILE_CONFIG 17
#define XSTATE_AMX_TILE_DATA 18
#define XSTATE_LWP 62
#define MAXIMUM_XSTATE_FEATURES 64

#define XSTATE_MASK_LEGACY_FLOATING_POINT (1ULL << XSTATE_LEGACY_FLOATING_POINT)
#define XSTATE_MASK_LEGACY_SSE (1ULL << XSTATE_LEGACY_SSE)
#define XSTATE_MASK_LEGACY (XSTATE_MASK_LEGACY_FLOATING_POINT | XSTATE_MASK_LEGACY_SSE)
#define XSTATE_MASK_GSSE (1ULL << XSTATE_GSSE)
#define XSTATE_MASK_AVX XSTATE_MASK_GSSE
#define XSTATE_MASK_MPX ((1ULL << XSTATE_MPX_BNDREGS) | (1ULL << XSTATE_MPX_BNDCSR))
#define XSTATE_MASK_AVX512 \
    ((1ULL << XSTATE_AVX512_KMASK) | (1ULL << XSTATE_AVX512_ZMM_H) | (1ULL << XSTATE_AVX512_ZMM))
#define XSTATE_MASK_IPT (1ULL << XSTATE_IPT)
#define XSTATE_MASK_PASID (1ULL << XSTATE_PASID)
#define XSTATE_MASK_CET_U (1ULL << XSTATE_CET_U)
#define XSTATE_MASK_CET_S (1ULL << XSTATE_CET_S)
#define XSTATE_MASK_AMX_TILE_CONFIG (1ULL << XSTATE_AMX_TILE_CONFIG)
#define XSTATE_MASK_AMX_TILE_DATA (1ULL << XSTATE_AMX_TILE_DATA)
#define XSTATE_MASK_LWP (1ULL << XSTATE_LWP)

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

#define KE_PROCESSOR_CHANGE_ADD_EXISTING 1

PVOID KeRegisterProcessorChangeCallback(PPROCESSOR_CALLBACK_FUNCTION CallbackFunction,
                                        PVOID CallbackContext, ULONG Flags);
VOID KeDeregisterProcessorChangeCallback(PVOID CallbackHandle);

NDISV_END_DECLS

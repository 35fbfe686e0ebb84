//===- ntintsafe.h - ndisv model of the kernel safe-integer routines -----===//
// SPDX-License-Identifier: Apache-2.0
// Written for ndisv from the documented ntintsafe.h API (RtlULongAdd and
// friends); not the WDK header. The routines are defined inline so the
// verifier sees their real result: STATUS_INTEGER_OVERFLOW and a zeroed
// result on overflow, STATUS_SUCCESS otherwise.
#pragma once
// The WDK header's include guard: drivers test it to know the header is in.
#define _NTINTSAFE_H_INCLUDED_

#include <ntdef.h>

#define NDISV_INTSAFE_OP(Name, Type, Expr)                                     \
    static __inline NTSTATUS Name(Type A, Type B, Type *Result) {              \
        Type R;                                                                \
        if (Expr) {                                                            \
            *Result = 0;                                                       \
            return STATUS_INTEGER_OVERFLOW;                                    \
        }                                                                      \
        *Result = R;                                                           \
        return STATUS_SUCCESS;                                                 \
    }

NDISV_INTSAFE_OP(RtlULongAdd, ULONG, __builtin_add_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlULongSub, ULONG, __builtin_sub_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlULongMult, ULONG, __builtin_mul_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlUShortAdd, USHORT, __builtin_add_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlUShortSub, USHORT, __builtin_sub_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlUShortMult, USHORT, __builtin_mul_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlUIntAdd, UINT, __builtin_add_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlUIntSub, UINT, __builtin_sub_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlUIntMult, UINT, __builtin_mul_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlULongLongAdd, ULONGLONG, __builtin_add_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlULongLongSub, ULONGLONG, __builtin_sub_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlULongLongMult, ULONGLONG, __builtin_mul_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlSizeTAdd, SIZE_T, __builtin_add_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlSizeTSub, SIZE_T, __builtin_sub_overflow(A, B, &R))
NDISV_INTSAFE_OP(RtlSizeTMult, SIZE_T, __builtin_mul_overflow(A, B, &R))
#undef NDISV_INTSAFE_OP

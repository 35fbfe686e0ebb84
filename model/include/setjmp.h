//===- setjmp.h - ndisv model of the C runtime's setjmp.h ----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv from the documented C runtime routines (setjmp,
// longjmp, the jmp_buf type); not the MSVC header. Clang's own <intrin.h>
// includes it for _setjmp's jmp_buf parameter, so every driver that
// includes <intrin.h> needs it. The C runtime documentation does not give
// jmp_buf's layout: it is declared here as an array of 16 16-byte aligned
// elements (256 bytes), room for the x64 nonvolatile registers it saves.
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

#ifndef _JMP_BUF_DEFINED
#define _JMP_BUF_DEFINED
typedef struct __declspec(align(16)) _SETJMP_FLOAT128 {
    unsigned __int64 Part[2];
} SETJMP_FLOAT128;
#define _JBLEN 16
typedef SETJMP_FLOAT128 _JBTYPE;
typedef _JBTYPE jmp_buf[_JBLEN];
#endif

int __cdecl _setjmp(jmp_buf Env);
#define setjmp _setjmp
__declspec(noreturn) void __cdecl longjmp(jmp_buf Env, int Value);

#ifdef __cplusplus
}
#endif

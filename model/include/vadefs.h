//===- vadefs.h - ndisv model of the MSVC variable-argument types ---------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv; not the MSVC header. The kernel C runtime headers
// (ctype.h, stdlib.h, wchar.h, string.h) reach it as MSVC's do, which is how
// kernel code that includes only ntddk.h sees va_list and uintptr_t.
// Clang's own <stdarg.h> declares the same va_list type.
#pragma once

#ifndef _VA_LIST_DEFINED
#define _VA_LIST_DEFINED
typedef __builtin_va_list va_list;
#endif
#ifndef _UINTPTR_T_DEFINED
#define _UINTPTR_T_DEFINED
typedef unsigned __int64 uintptr_t;
#endif
#ifndef _INTPTR_T_DEFINED
#define _INTPTR_T_DEFINED
typedef __int64 intptr_t;
#endif

// The C runtime's calling-convention and secure-function names (MSVC's
// vcruntime.h / corecrt.h, which every CRT header reaches): __CRTDECL is
// __cdecl; _TRUNCATE, the count that asks the _s routines to truncate;
// errno_t and rsize_t, what they return and take.
#ifndef __CRTDECL
#define __CRTDECL __cdecl
#endif
#ifndef _TRUNCATE
#define _TRUNCATE ((unsigned __int64)-1)
#endif
#ifndef _ERRNO_T_DEFINED
#define _ERRNO_T_DEFINED
typedef int errno_t;
#endif
#ifndef _RSIZE_T_DEFINED
#define _RSIZE_T_DEFINED
typedef unsigned __int64 rsize_t;
#endif

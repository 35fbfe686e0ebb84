//===- wchar.h - ndisv model of the kernel C runtime's wchar.h ------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv from the documented wide-character C runtime routines the
// kernel exports; not the MSVC header. The wide string routines string.h
// shares with it are declared there.
#pragma once

#include <vadefs.h>
#include <stddef.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef _WINT_T_DEFINED
#define _WINT_T_DEFINED
typedef unsigned short wint_t;
#endif
#define WEOF ((wint_t)(0xFFFF))
#define WCHAR_MIN 0x0000
#define WCHAR_MAX 0xffff

wchar_t *wcscpy(wchar_t *Dest, const wchar_t *Src);
wchar_t *wcsncpy(wchar_t *Dest, const wchar_t *Src, size_t Count);
wchar_t *wcscat(wchar_t *Dest, const wchar_t *Src);
wchar_t *wcsncat(wchar_t *Dest, const wchar_t *Src, size_t Count);
wchar_t *wcsrchr(const wchar_t *S, wchar_t C);
wchar_t *wcsstr(const wchar_t *S, const wchar_t *Sub);
size_t wcsspn(const wchar_t *S, const wchar_t *Set);
size_t wcscspn(const wchar_t *S, const wchar_t *Set);
wchar_t *_wcslwr(wchar_t *S);
wchar_t *_wcsupr(wchar_t *S);
wchar_t *wmemcpy(wchar_t *Dest, const wchar_t *Src, size_t Count);
wchar_t *wmemmove(wchar_t *Dest, const wchar_t *Src, size_t Count);
wchar_t *wmemset(wchar_t *Dest, wchar_t C, size_t Count);
int wmemcmp(const wchar_t *A, const wchar_t *B, size_t Count);
int iswalpha(wint_t C);
int iswdigit(wint_t C);
int iswxdigit(wint_t C);
int iswspace(wint_t C);
int iswupper(wint_t C);
int iswlower(wint_t C);
wint_t towupper(wint_t C);
wint_t towlower(wint_t C);

#ifdef __cplusplus
}
#endif

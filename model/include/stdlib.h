//===- stdlib.h - ndisv model of the kernel C runtime's stdlib.h ----------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv from the documented C runtime routines kernel code may
// call (the kernel exports no allocator: malloc and free are not here); not
// the MSVC header.
#pragma once

#include <vadefs.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define _MAX_PATH 260
#define _MAX_DRIVE 3
#define _MAX_DIR 256
#define _MAX_FNAME 256
#define _MAX_EXT 256

#ifndef __cplusplus
#define _countof(Array) (sizeof(Array) / sizeof((Array)[0]))
#else
#define _countof(Array) (sizeof(Array) / sizeof((Array)[0]))
#endif

#define __max(a, b) (((a) > (b)) ? (a) : (b))
#define __min(a, b) (((a) < (b)) ? (a) : (b))
#ifndef __cplusplus
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#endif

int abs(int X);
long labs(long X);
long long llabs(long long X);
__int64 _abs64(__int64 X);
int atoi(const char *S);
long atol(const char *S);
long strtol(const char *S, char **End, int Base);
unsigned long strtoul(const char *S, char **End, int Base);
__int64 _strtoi64(const char *S, char **End, int Base);
unsigned __int64 _strtoui64(const char *S, char **End, int Base);
long wcstol(const wchar_t *S, wchar_t **End, int Base);
unsigned long wcstoul(const wchar_t *S, wchar_t **End, int Base);
char *_itoa(int Value, char *Buffer, int Radix);
char *_ultoa(unsigned long Value, char *Buffer, int Radix);
wchar_t *_itow(int Value, wchar_t *Buffer, int Radix);
size_t mbstowcs(wchar_t *Dest, const char *Src, size_t Count);
size_t wcstombs(char *Dest, const wchar_t *Src, size_t Count);
void qsort(void *Base, size_t Count, size_t Size, int (*Compare)(const void *, const void *));
void *bsearch(const void *Key, const void *Base, size_t Count, size_t Size,
              int (*Compare)(const void *, const void *));
unsigned short _byteswap_ushort(unsigned short Value);
unsigned long _byteswap_ulong(unsigned long Value);
unsigned __int64 _byteswap_uint64(unsigned __int64 Value);
unsigned int _rotl(unsigned int Value, int Shift);
unsigned int _rotr(unsigned int Value, int Shift);
unsigned long _lrotl(unsigned long Value, int Shift);
unsigned long _lrotr(unsigned long Value, int Shift);
unsigned __int64 _rotl64(unsigned __int64 Value, int Shift);
unsigned __int64 _rotr64(unsigned __int64 Value, int Shift);

#ifdef __cplusplus
}
#endif

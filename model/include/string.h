//===- string.h - ndisv model of the C string functions kernel code uses ---===//
// SPDX-License-Identifier: Apache-2.0
//
// ndisv NDIS model, written for ndisv; not a C library header. ndisv parses
// with -nostdinc, and Clang's own resource headers have no string.h, so
// drivers get the subset the kernel C runtime exports. wdm.h includes it, as
// the WDK's does (RtlCopyMemory and friends are these routines).
#pragma once

#include <vadefs.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void *memset(void *Dest, int Value, size_t Count);
void *memcpy(void *Dest, const void *Src, size_t Count);
void *memmove(void *Dest, const void *Src, size_t Count);
int memcmp(const void *A, const void *B, size_t Count);
void *memchr(const void *Buf, int Value, size_t Count);
size_t strlen(const char *S);
size_t strnlen(const char *S, size_t MaxCount);
int strcmp(const char *A, const char *B);
int strncmp(const char *A, const char *B, size_t Count);
char *strchr(const char *S, int C);
char *strrchr(const char *S, int C);
char *strstr(const char *S, const char *Sub);
char *strcpy(char *Dest, const char *Src);
char *strncpy(char *Dest, const char *Src, size_t Count);
char *strcat(char *Dest, const char *Src);
char *strncat(char *Dest, const char *Src, size_t Count);
char *_strlwr(char *S);
char *_strupr(char *S);
int _stricmp(const char *A, const char *B);
int _strnicmp(const char *A, const char *B, size_t Count);
size_t wcslen(const wchar_t *S);
size_t wcsnlen(const wchar_t *S, size_t MaxCount);
int wcscmp(const wchar_t *A, const wchar_t *B);
int wcsncmp(const wchar_t *A, const wchar_t *B, size_t Count);
int _wcsicmp(const wchar_t *A, const wchar_t *B);
int _wcsnicmp(const wchar_t *A, const wchar_t *B, size_t Count);
wchar_t *wcschr(const wchar_t *S, wchar_t C);

#ifdef __cplusplus
}
#endif

//===- stdio.h - ndisv model of the kernel C runtime's stdio.h -----------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv from the documented C runtime routines; not the MSVC
// header. Kernel code has no streams (no FILE, no fopen or printf): what it
// may call are the string-formatting routines the kernel exports, declared
// here with their documented prototypes. ntstrsafe.h is the WDK's advice
// for new code; drivers still use these.
#pragma once

#include <vadefs.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef EOF
#define EOF (-1)
#endif
#ifndef WEOF
#define WEOF ((unsigned short)0xFFFF)
#endif

int __cdecl sprintf(char *Buffer, const char *Format, ...);
int __cdecl _snprintf(char *Buffer, size_t Count, const char *Format, ...);
int __cdecl vsprintf(char *Buffer, const char *Format, va_list Args);
int __cdecl _vsnprintf(char *Buffer, size_t Count, const char *Format, va_list Args);
int __cdecl swprintf(wchar_t *Buffer, size_t Count, const wchar_t *Format, ...);
int __cdecl _swprintf(wchar_t *Buffer, const wchar_t *Format, ...);
int __cdecl _snwprintf(wchar_t *Buffer, size_t Count, const wchar_t *Format, ...);
int __cdecl vswprintf(wchar_t *Buffer, size_t Count, const wchar_t *Format, va_list Args);
int __cdecl _vsnwprintf(wchar_t *Buffer, size_t Count, const wchar_t *Format, va_list Args);
// The secure forms the kernel exports (count _TRUNCATE truncates).
int __cdecl sprintf_s(char *Buffer, size_t SizeInBytes, const char *Format, ...);
int __cdecl _snprintf_s(char *Buffer, size_t SizeInBytes, size_t MaxCount, const char *Format, ...);
int __cdecl vsprintf_s(char *Buffer, size_t SizeInBytes, const char *Format, va_list Args);
int __cdecl _vsnprintf_s(char *Buffer, size_t SizeInBytes, size_t MaxCount, const char *Format,
                         va_list Args);
int __cdecl swprintf_s(wchar_t *Buffer, size_t SizeInWords, const wchar_t *Format, ...);
int __cdecl _snwprintf_s(wchar_t *Buffer, size_t SizeInWords, size_t MaxCount,
                         const wchar_t *Format, ...);
int __cdecl _vsnwprintf_s(wchar_t *Buffer, size_t SizeInWords, size_t MaxCount,
                          const wchar_t *Format, va_list Args);
int __cdecl sscanf(const char *Buffer, const char *Format, ...);
int __cdecl swscanf(const wchar_t *Buffer, const wchar_t *Format, ...);

#ifdef __cplusplus
}
#endif

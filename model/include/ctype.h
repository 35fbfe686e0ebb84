//===- ctype.h - ndisv model of the kernel C runtime's ctype.h ------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv from the documented C runtime routines the kernel exports;
// not the MSVC header. ntdef.h includes it, as the WDK's does.
#pragma once

#include <vadefs.h>

#ifdef __cplusplus
extern "C" {
#endif

int isalpha(int C);
int isupper(int C);
int islower(int C);
int isdigit(int C);
int isxdigit(int C);
int isspace(int C);
int ispunct(int C);
int isalnum(int C);
int isprint(int C);
int isgraph(int C);
int iscntrl(int C);
int toupper(int C);
int tolower(int C);
int _toupper(int C);
int _tolower(int C);
int __isascii(int C);
#define isascii __isascii

#ifdef __cplusplus
}
#endif

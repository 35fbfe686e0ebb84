//===- malloc.h - ndisv model of the kernel C runtime's malloc.h ----------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv from the documented C runtime; not the MSVC header.
// Kernel code has no heap here: only stack allocation.
#pragma once

#include <vadefs.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif
void *_alloca(size_t Size);
#define alloca _alloca
#ifdef __cplusplus
}
#endif

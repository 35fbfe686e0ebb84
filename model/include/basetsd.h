// ndisv model: basetsd.h, the sized and pointer-precision integer types
// (INT8 ... UINT64, LONG_PTR, SIZE_T, ...). ntdef.h declares them, as the
// WDK's ntdef.h has them through this header; code shared with other
// platforms includes it on its own for the sized types.
// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <ntdef.h>

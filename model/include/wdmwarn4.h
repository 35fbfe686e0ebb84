// ndisv NDIS model: wdmwarn4.h. Written for ndisv; not the WDK header.
// SPDX-License-Identifier: Apache-2.0
//
// The WDK's wdmwarn4.h only sets cl.exe's warning options (#pragma warning)
// so that the kernel headers compile at warning level 4; drivers include it
// before wdm.h or ndis.h, often between #pragma warning(push) and (pop). It
// declares nothing, and ndisv's compiler does not act on cl.exe's warning
// numbers, so the model's is empty.
#pragma once

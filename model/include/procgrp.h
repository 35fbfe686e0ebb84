//===- procgrp.h - ndisv model of the processor group compatibility header ===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv; not the WDK header. The WDK's procgrp.h lets a driver
// built for Windows Vista call the processor-group routines of Windows 7
// (KeQueryActiveProcessorCountEx, KeGetCurrentProcessorNumberEx, ...), which
// are documented in wdm.h and declared there by the model; ndisv analyses
// the driver for one system, so the header adds nothing of its own.
#pragma once

#include <wdm.h>

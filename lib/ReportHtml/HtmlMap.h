//===- HtmlMap.h - The lifecycle map as a person reads it -------*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
#ifndef NDISV_REPORTHTML_HTMLMAP_H
#define NDISV_REPORTHTML_HTMLMAP_H

#include "ndisv/Report/Results.h"

namespace ndisv {
/// One row per acquiring call (the rows of rules tracking the same call
/// merged, each cell the worst status any of them saw, leaks linking every
/// defect), without rows no exit saw held and role events no path reached
/// holding anything.
LifecycleMap compactLifecycleMap(const LifecycleMap &In);
} // namespace ndisv

#endif

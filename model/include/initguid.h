//===- initguid.h - ndisv model: DEFINE_GUID defines from here on ---------===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv; not the WDK header. Including it makes every later
// DEFINE_GUID a definition rather than a declaration, as the WDK documents.
#ifndef INITGUID
#define INITGUID
#endif
#include <guiddef.h>

// ndisv NDIS model: the legacy driver annotations of driverspecs.h that sal.h
// does not already define, as empty macros. Written for ndisv from the documented
// annotation names; not the WDK header.
// SPDX-License-Identifier: Apache-2.0
#pragma once

// The rest of the legacy (WDK 7 driverspecs.h) driver annotations drivers of
// that era still carry: IRQL of the function as a whole, exclusive and global
// resources, floating-point state, annotation groups. Empty like the rest.
#ifndef __drv_maxFunctionIRQL
#define __drv_maxFunctionIRQL(x)
#endif
#ifndef __drv_minFunctionIRQL
#define __drv_minFunctionIRQL(x)
#endif
#ifndef __drv_acquiresExclusiveResource
#define __drv_acquiresExclusiveResource(x)
#endif
#ifndef __drv_releasesExclusiveResource
#define __drv_releasesExclusiveResource(x)
#endif
#ifndef __drv_acquiresResourceGlobal
#define __drv_acquiresResourceGlobal(kind, param)
#endif
#ifndef __drv_releasesResourceGlobal
#define __drv_releasesResourceGlobal(kind, param)
#endif
#ifndef __drv_acquiresExclusiveResourceGlobal
#define __drv_acquiresExclusiveResourceGlobal(kind, param)
#endif
#ifndef __drv_releasesExclusiveResourceGlobal
#define __drv_releasesExclusiveResourceGlobal(kind, param)
#endif
#ifndef __drv_mustHoldGlobal
#define __drv_mustHoldGlobal(kind, param)
#endif
#ifndef __drv_neverHoldGlobal
#define __drv_neverHoldGlobal(kind, param)
#endif
#ifndef __drv_floatSaved
#define __drv_floatSaved
#endif
#ifndef __drv_floatRestored
#define __drv_floatRestored
#endif
#ifndef __drv_floatUsed
#define __drv_floatUsed
#endif
#ifndef __drv_ret
#define __drv_ret(annotes)
#endif
#ifndef __drv_in_deref
#define __drv_in_deref(annotes)
#endif
#ifndef __drv_out_deref
#define __drv_out_deref(annotes)
#endif
#ifndef __drv_callbackType
#define __drv_callbackType(kind)
#endif
#ifndef __drv_completionType
#define __drv_completionType(kindlist)
#endif

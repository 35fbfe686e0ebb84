// ndisv KMDF model: object context types and the "no value" constants
// (hand-written). Written from the WDF documentation's pages for
// WDF_DECLARE_CONTEXT_TYPE, WDF_DECLARE_CONTEXT_TYPE_WITH_NAME,
// WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE, WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE
// and WdfObjectGetTypedContext, and the parameter descriptions that name
// WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE, ... ("can be NULL"). The DDI
// reference marks WDF_TYPE_NAME_TO_TYPE_INFO, WDF_GET_CONTEXT_TYPE_INFO and
// WDF_TYPE_NAME_POINTER_TYPE "reserved for internal use"; they are ndisv's own.
// Not the WDK header.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#define WDF_NO_OBJECT_ATTRIBUTES NULL
#define WDF_NO_EVENT_CALLBACK NULL
#define WDF_NO_HANDLE NULL
#define WDF_NO_CONTEXT NULL
#define WDF_NO_SEND_OPTIONS NULL

// The type information of a context type: one object per type, named after it.
#define WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) _WDF_##_contexttype##_TYPE_INFO
#define WDF_TYPE_NAME_POINTER_TYPE(_contexttype) WDF_##_contexttype##_POINTER_TYPE
#define WDF_GET_CONTEXT_TYPE_INFO(_contexttype) (&WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype))

// Declares the context type's information and its accessor _castingfunction,
// which returns a pointer to the context of the object it is given.
#define WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, _castingfunction)                 \
  typedef _contexttype *WDF_TYPE_NAME_POINTER_TYPE(_contexttype);                          \
  static const WDF_OBJECT_CONTEXT_TYPE_INFO WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) = {   \
      sizeof(WDF_OBJECT_CONTEXT_TYPE_INFO), (PCHAR)#_contexttype, sizeof(_contexttype),    \
      NULL, NULL};                                                                         \
  static __inline _contexttype *_castingfunction(WDFOBJECT Handle) {                       \
    return (_contexttype *)WdfObjectGetTypedContextWorker(                                 \
        Handle, WDF_GET_CONTEXT_TYPE_INFO(_contexttype));                                  \
  }

// The accessor of WDF_DECLARE_CONTEXT_TYPE is WdfObjectGet_<type>.
#define WDF_DECLARE_CONTEXT_TYPE(_contexttype)                                             \
  WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, WdfObjectGet_##_contexttype)

#define WdfObjectGetTypedContext(handle, _contexttype)                                     \
  ((_contexttype *)WdfObjectGetTypedContextWorker((WDFOBJECT)(handle),                     \
                                                  WDF_GET_CONTEXT_TYPE_INFO(_contexttype)))

#define WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype)                  \
  ((_attributes)->ContextTypeInfo = WDF_GET_CONTEXT_TYPE_INFO(_contexttype))

#define WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(_attributes, _contexttype)                 \
  (WDF_OBJECT_ATTRIBUTES_INIT(_attributes),                                                \
   WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype))

// Object references with the caller's tag, file and line (WdfObjectReference
// and WdfObjectDereference are documented as these calls).
#define WdfObjectReference(Handle) WdfObjectReferenceActual((WDFOBJECT)(Handle), NULL, __LINE__, __FILE__)
#define WdfObjectReferenceWithTag(Handle, Tag) WdfObjectReferenceActual((WDFOBJECT)(Handle), (Tag), __LINE__, __FILE__)
#define WdfObjectDereference(Handle) WdfObjectDereferenceActual((WDFOBJECT)(Handle), NULL, __LINE__, __FILE__)
#define WdfObjectDereferenceWithTag(Handle, Tag) WdfObjectDereferenceActual((WDFOBJECT)(Handle), (Tag), __LINE__, __FILE__)

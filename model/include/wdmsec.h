//===- wdmsec.h - ndisv model of the secure device creation header ---===//
// SPDX-License-Identifier: Apache-2.0
//
// ndisv NDIS model. Written for ndisv from the documented WDK API; not the WDK
// header. Drivers that expose a control device create it with an SDDL
// default security descriptor (IoCreateDeviceSecure, or
// NDIS_DEVICE_OBJECT_ATTRIBUTES.DefaultSDDLString). The SDDL_DEVOBJ_*
// constants are UNICODE_STRING objects in wdmsec.lib; ndisv never links, so
// declarations are all a translation unit needs.
#pragma once

#include <wdm.h>

NDISV_BEGIN_DECLS

NTSTATUS IoCreateDeviceSecure(PDRIVER_OBJECT DriverObject, ULONG DeviceExtensionSize, PUNICODE_STRING DeviceName,
                              DEVICE_TYPE DeviceType, ULONG DeviceCharacteristics, BOOLEAN Exclusive,
                              PCUNICODE_STRING DefaultSDDLString, LPCGUID DeviceClassGuid,
                              PDEVICE_OBJECT *DeviceObject);

extern const UNICODE_STRING SDDL_DEVOBJ_KERNEL_ONLY;
extern const UNICODE_STRING SDDL_DEVOBJ_INF_SUPPLIED;
extern const UNICODE_STRING SDDL_DEVOBJ_SYS_ALL;
extern const UNICODE_STRING SDDL_DEVOBJ_SYS_ALL_ADM_ALL;
extern const UNICODE_STRING SDDL_DEVOBJ_SYS_ALL_ADM_RX;
extern const UNICODE_STRING SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_R;
extern const UNICODE_STRING SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_R_RES_R;
extern const UNICODE_STRING SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RW_RES_R;
extern const UNICODE_STRING SDDL_DEVOBJ_SYS_ALL_ADM_RWX_WORLD_RWX_RES_RWX;
extern const UNICODE_STRING SDDL_DEVOBJ_SYS_ALL_ADM_ALL_WORLD_R;
extern const UNICODE_STRING SDDL_DEVOBJ_SYS_ALL_WORLD_RWX_RES_RWX;

NDISV_END_DECLS

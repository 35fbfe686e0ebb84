//===- ntifs.h - ndisv model of the installable file system kernel header ---===//
// SPDX-License-Identifier: Apache-2.0
//
// ndisv NDIS model. Written for ndisv from the documented WDK API; not the WDK
// header. Miniports include <ntifs.h> first for the security, process and
// object-manager routines a control device needs (wintun checks the caller's
// access, attaches to processes and closes their handles).
#pragma once
// The WDK header's include guard: drivers test it to know the header is in.
#define _NTIFS_

#include <ntddk.h>

NDISV_BEGIN_DECLS

// ---- security ---------------------------------------------------------------
typedef struct _SID *PSID;
typedef struct _ACL {
    UCHAR AclRevision;
    UCHAR Sbz1;
    USHORT AclSize;
    USHORT AceCount;
    USHORT Sbz2;
} ACL, *PACL;
typedef USHORT SECURITY_DESCRIPTOR_CONTROL, *PSECURITY_DESCRIPTOR_CONTROL;

typedef struct _SECURITY_DESCRIPTOR {
    UCHAR Revision;
    UCHAR Sbz1;
    SECURITY_DESCRIPTOR_CONTROL Control;
    PSID Owner;
    PSID Group;
    PACL Sacl;
    PACL Dacl;
} SECURITY_DESCRIPTOR;

typedef enum _SECURITY_IMPERSONATION_LEVEL {
    SecurityAnonymous,
    SecurityIdentification,
    SecurityImpersonation,
    SecurityDelegation
} SECURITY_IMPERSONATION_LEVEL, *PSECURITY_IMPERSONATION_LEVEL;

typedef PVOID PACCESS_TOKEN;

typedef struct _SECURITY_SUBJECT_CONTEXT {
    PACCESS_TOKEN ClientToken;
    SECURITY_IMPERSONATION_LEVEL ImpersonationLevel;
    PACCESS_TOKEN PrimaryToken;
    PVOID ProcessAuditId;
} SECURITY_SUBJECT_CONTEXT, *PSECURITY_SUBJECT_CONTEXT;

typedef struct _PRIVILEGE_SET *PPRIVILEGE_SET;

VOID SeCaptureSubjectContext(PSECURITY_SUBJECT_CONTEXT SubjectContext);
VOID SeReleaseSubjectContext(PSECURITY_SUBJECT_CONTEXT SubjectContext);
VOID SeLockSubjectContext(PSECURITY_SUBJECT_CONTEXT SubjectContext);
VOID SeUnlockSubjectContext(PSECURITY_SUBJECT_CONTEXT SubjectContext);
BOOLEAN SeAccessCheck(PSECURITY_DESCRIPTOR SecurityDescriptor, PSECURITY_SUBJECT_CONTEXT SubjectSecurityContext,
                      BOOLEAN SubjectContextLocked, ACCESS_MASK DesiredAccess, ACCESS_MASK PreviouslyGrantedAccess,
                      PPRIVILEGE_SET *Privileges, PGENERIC_MAPPING GenericMapping, KPROCESSOR_MODE AccessMode,
                      PACCESS_MASK GrantedAccess, PNTSTATUS AccessStatus);
BOOLEAN SeSinglePrivilegeCheck(LUID PrivilegeValue, KPROCESSOR_MODE PreviousMode);

// ---- object manager -----------------------------------------------------------
// POBJECT_TYPE and the object types are wdm.h's (ObReferenceObjectByHandle).

typedef struct _OBJECT_HANDLE_INFORMATION {
    ULONG HandleAttributes;
    ACCESS_MASK GrantedAccess;
} OBJECT_HANDLE_INFORMATION, *POBJECT_HANDLE_INFORMATION;

NTSTATUS ObCloseHandle(HANDLE Handle, KPROCESSOR_MODE PreviousMode);
NTSTATUS ObOpenObjectByPointer(PVOID Object, ULONG HandleAttributes, PVOID PassedAccessState,
                               ACCESS_MASK DesiredAccess, POBJECT_TYPE ObjectType, KPROCESSOR_MODE AccessMode,
                               PHANDLE Handle);

// ---- processes ------------------------------------------------------------------
// KAPC_STATE is opaque to drivers; the size reserves what x64 uses.
typedef struct _KAPC_STATE {
    LIST_ENTRY ApcListHead[2];
    PKPROCESS Process;
    ULONG_PTR NdisvOpaque;
} KAPC_STATE, *PKAPC_STATE, *PRKAPC_STATE;

// The documented parameter is PRKPROCESS; drivers pass the PEPROCESS that
// PsLookupProcessByProcessId returned, so the model takes that type.
VOID KeStackAttachProcess(PEPROCESS Process, PRKAPC_STATE ApcState);
VOID KeUnstackDetachProcess(PRKAPC_STATE ApcState);
NTSTATUS PsLookupProcessByProcessId(HANDLE ProcessId, PEPROCESS *Process);
NTSTATUS PsLookupThreadByThreadId(HANDLE ThreadId, PETHREAD *Thread);
HANDLE PsGetProcessId(PEPROCESS Process);

// ---- native system services -------------------------------------------------------
NTSTATUS ZwCreateEvent(PHANDLE EventHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes,
                       EVENT_TYPE EventType, BOOLEAN InitialState);
NTSTATUS ZwSetEvent(HANDLE EventHandle, PLONG PreviousState);

NDISV_END_DECLS

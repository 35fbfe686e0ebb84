// ndisv NDIS model: ntddk.h additions over wdm.h. Written for ndisv from the documented API; not the WDK header.
// SPDX-License-Identifier: Apache-2.0
#pragma once
// The WDK header's include guard: drivers test it to know the header is in.
#define _NTDDK_

#include <wdm.h>

NDISV_BEGIN_DECLS

LARGE_INTEGER KeQueryPerformanceCounter(PLARGE_INTEGER PerformanceFrequency);
HANDLE PsGetCurrentProcessId(void);
HANDLE PsGetCurrentThreadId(void);
BOOLEAN PsGetVersion(PULONG MajorVersion, PULONG MinorVersion, PULONG BuildNumber, PUNICODE_STRING CSDVersion);
BOOLEAN PsIsSystemThread(PETHREAD Thread);
NTSTATUS ZwClose(HANDLE Handle);
NTSTATUS ZwOpenKey(PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes);
NTSTATUS ZwWaitForSingleObject(HANDLE Handle, BOOLEAN Alertable, PLARGE_INTEGER Timeout);
ULONG KeGetRecommendedSharedDataAlignment(void);
USHORT KeQueryActiveGroupCount(void);
PVOID ExAllocatePoolQuotaUninitialized(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);

typedef struct _OSVERSIONINFOW {
    ULONG dwOSVersionInfoSize;
    ULONG dwMajorVersion;
    ULONG dwMinorVersion;
    ULONG dwBuildNumber;
    ULONG dwPlatformId;
    WCHAR szCSDVersion[128];
} OSVERSIONINFOW, *POSVERSIONINFOW, RTL_OSVERSIONINFOW, *PRTL_OSVERSIONINFOW;
NTSTATUS RtlGetVersion(PRTL_OSVERSIONINFOW lpVersionInformation);

// ---- wdm.h routines kept here so wdm.h stays small -------------------------
typedef ULONG NODE_REQUIREMENT;
#define MM_ANY_NODE_OK 0x80000000
#define BYTES_TO_PAGES(Size) (((ULONG_PTR)(Size) >> PAGE_SHIFT) + (((ULONG_PTR)(Size) & (PAGE_SIZE - 1)) != 0))

// Lookaside lists: the layout is opaque to drivers, only the size matters.
typedef PVOID ALLOCATE_FUNCTION(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
typedef ALLOCATE_FUNCTION *PALLOCATE_FUNCTION;
typedef VOID FREE_FUNCTION(PVOID Buffer);
typedef FREE_FUNCTION *PFREE_FUNCTION;
typedef struct DECLSPEC_CACHEALIGN _NPAGED_LOOKASIDE_LIST {
    ULONG_PTR NdisvOpaque[16];
} NPAGED_LOOKASIDE_LIST, *PNPAGED_LOOKASIDE_LIST;
typedef struct DECLSPEC_CACHEALIGN _PAGED_LOOKASIDE_LIST {
    ULONG_PTR NdisvOpaque[16];
} PAGED_LOOKASIDE_LIST, *PPAGED_LOOKASIDE_LIST;
VOID ExInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PALLOCATE_FUNCTION Allocate,
                                     PFREE_FUNCTION Free, ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth);
VOID ExDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);
PVOID ExAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);
VOID ExFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry);

typedef enum _KDPC_IMPORTANCE { LowImportance, MediumImportance, HighImportance, MediumHighImportance } KDPC_IMPORTANCE;
typedef struct _KDPC_WATCHDOG_INFORMATION {
    ULONG DpcTimeLimit;
    ULONG DpcTimeCount;
    ULONG DpcWatchdogLimit;
    ULONG DpcWatchdogCount;
    ULONG Reserved;
} KDPC_WATCHDOG_INFORMATION, *PKDPC_WATCHDOG_INFORMATION;
NTSTATUS KeQueryDpcWatchdogInformation(PKDPC_WATCHDOG_INFORMATION WatchdogInformation);
VOID KeSetImportanceDpc(PRKDPC Dpc, KDPC_IMPORTANCE Importance);
VOID KeSetTargetProcessorDpc(PRKDPC Dpc, CCHAR Number);
NTSTATUS KeSetTargetProcessorDpcEx(PKDPC Dpc, PPROCESSOR_NUMBER ProcNumber);
BOOLEAN KeTryToAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock);
ULONG KeGetProcessorIndexFromNumber(PPROCESSOR_NUMBER ProcNumber);
NTSTATUS KeGetProcessorNumberFromIndex(ULONG ProcIndex, PPROCESSOR_NUMBER ProcNumber);
CCHAR RtlFindLeastSignificantBit(ULONGLONG Set);
CCHAR RtlFindMostSignificantBit(ULONGLONG Set);
ULONG RtlNumberOfSetBitsUlongPtr(ULONG_PTR Target);

// ---- process notifications ----------------------------------------------------
typedef VOID CREATE_PROCESS_NOTIFY_ROUTINE(HANDLE ParentId, HANDLE ProcessId, BOOLEAN Create);
typedef CREATE_PROCESS_NOTIFY_ROUTINE *PCREATE_PROCESS_NOTIFY_ROUTINE;
NTSTATUS PsSetCreateProcessNotifyRoutine(PCREATE_PROCESS_NOTIFY_ROUTINE NotifyRoutine, BOOLEAN Remove);

// Extended processor features (wdm.h's KeSaveExtendedProcessorState takes
// the mask this returns).
ULONG64 RtlGetEnabledExtendedFeatures(ULONG64 FeatureMask);

NDISV_END_DECLS

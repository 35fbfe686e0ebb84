// ndisv NDIS model: helper macros, inline list helpers and __sdv_save_adapter_context (the routines themselves are generated from the DDI reference). Written for ndisv from the documented API; not the WDK header.
// SPDX-License-Identifier: Apache-2.0
#pragma once

NDISV_BEGIN_DECLS

// Static Driver Verifier's hook: a driver names its adapter context with
// __sdv_save_adapter_context(&adapter_context) (the documented form); the
// compiler ignores the call. ndisv takes the context from what the argument
// points to.
VOID __sdv_save_adapter_context(PVOID *AdapterContext);




NDIS_STATUS NdisAllocateMemoryWithTag(PVOID *VirtualAddress, UINT Length, ULONG Tag);
PMDL NdisAllocateMdl(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, UINT Length);
VOID NdisFreeMdl(PMDL Mdl);

#if NDIS_SUPPORT_NDIS620
// ndis.sys's export (NDIS 6.20, with the processor-group routines): the
// system-wide index of a processor, as KeGetProcessorIndexFromNumber gives it,
// from the PROCESSOR_NUMBER an RSS indirection table holds.
ULONG NdisProcessorNumberToIndex(PROCESSOR_NUMBER ProcNum);
// NDIS_RECEIVE_THROTTLE_PARAMETERS.MaxNblsToIndicate when the miniport may
// indicate every NET_BUFFER_LIST it has (the structure's page).
#define NDIS_INDICATE_ALL_NBLS (~0ul)
#endif

#define NdisRaiseIrql(_pIrql_, _NewIrql_) KeRaiseIrql((_NewIrql_), (_pIrql_))

// An NDIS mutex is a kernel mutex; the macros are the kernel routines.
typedef KMUTEX NDIS_MUTEX, *PNDIS_MUTEX;
#define NDIS_INIT_MUTEX(_M) KeInitializeMutex((_M), 0xFFFF)
#define NDIS_WAIT_FOR_MUTEX(_M) KeWaitForSingleObject((_M), Executive, KernelMode, FALSE, NULL)
#define NDIS_RELEASE_MUTEX(_M) KeReleaseMutex((_M), FALSE)
#define NdisLowerIrql(_OldIrql_) KeLowerIrql(_OldIrql_)
// SAL-only declarations of the driver's context types: no code.
#define NDIS_DECLARE_MINIPORT_DRIVER_CONTEXT(_ContextType) typedef _ContextType NDISV_MINIPORT_DRIVER_CONTEXT_TYPE
#define NDIS_DECLARE_MINIPORT_ADAPTER_CONTEXT(_ContextType) typedef _ContextType NDISV_MINIPORT_ADAPTER_CONTEXT_TYPE
#define NDIS_DECLARE_MINIPORT_INTERRUPT_CONTEXT(_ContextType) typedef _ContextType NDISV_MINIPORT_INTERRUPT_CONTEXT_TYPE
#define NDIS_DECLARE_MINIPORT_SHARED_MEMORY_CONTEXT(_ContextType) typedef _ContextType NDISV_MINIPORT_SHARED_MEMORY_CONTEXT_TYPE
#define NDIS_DECLARE_PROTOCOL_DRIVER_CONTEXT(_ContextType) typedef _ContextType NDISV_PROTOCOL_DRIVER_CONTEXT_TYPE
#define NDIS_DECLARE_PROTOCOL_BIND_CONTEXT(_ContextType) typedef _ContextType NDISV_PROTOCOL_BIND_CONTEXT_TYPE
#define NDIS_DECLARE_PROTOCOL_OPEN_CONTEXT(_ContextType) typedef _ContextType NDISV_PROTOCOL_OPEN_CONTEXT_TYPE
#define NDIS_DECLARE_FILTER_DRIVER_CONTEXT(_ContextType) typedef _ContextType NDISV_FILTER_DRIVER_CONTEXT_TYPE
#define NDIS_DECLARE_FILTER_MODULE_CONTEXT(_ContextType) typedef _ContextType NDISV_FILTER_MODULE_CONTEXT_TYPE

// The interlocked list routines do what the plain ones do under the spin
// lock; written out here so a verifier sees what the list holds. Each
// returns the entry that was at the head or tail before, or NULL if the list
// was empty, as documented.
FORCEINLINE PLIST_ENTRY NdisInterlockedInsertHeadList(PLIST_ENTRY ListHead, PLIST_ENTRY ListEntry,
                                                      PNDIS_SPIN_LOCK SpinLock) {
  PLIST_ENTRY Old = IsListEmpty(ListHead) ? NULL : ListHead->Flink;
  (void)SpinLock;
  InsertHeadList(ListHead, ListEntry);
  return Old;
}
FORCEINLINE PLIST_ENTRY NdisInterlockedInsertTailList(PLIST_ENTRY ListHead, PLIST_ENTRY ListEntry,
                                                      PNDIS_SPIN_LOCK SpinLock) {
  PLIST_ENTRY Old = IsListEmpty(ListHead) ? NULL : ListHead->Blink;
  (void)SpinLock;
  InsertTailList(ListHead, ListEntry);
  return Old;
}
FORCEINLINE PLIST_ENTRY NdisInterlockedRemoveHeadList(PLIST_ENTRY ListHead, PNDIS_SPIN_LOCK SpinLock) {
  (void)SpinLock;
  return IsListEmpty(ListHead) ? NULL : RemoveHeadList(ListHead);
}
#define NDIS_CURRENT_IRQL() KeGetCurrentIrql()



// ---- hardware access -----------------------------------------------------
#define PCI_WHICHSPACE_CONFIG 0x0
#define PCI_WHICHSPACE_ROM 0x52696350


VOID NdisGetSystemUpTime(PULONG pSystemUpTime);

NDISV_END_DECLS

#ifdef __cplusplus
// In C++ a PMP_ADAPTER * does not convert to PVOID *, and some drivers pass
// the context itself rather than its address; the WDK's empty macro lets
// both compile. The address of any pointer names what it points to; any
// other pointer names itself. extern "C++": drivers include <ndis.h> inside
// extern "C" { } too.
extern "C++" {
template <typename T> inline VOID __sdv_save_adapter_context(T **AdapterContext) {
  __sdv_save_adapter_context((PVOID *)AdapterContext);
}
template <typename T> inline VOID __sdv_save_adapter_context(T *AdapterContext) {
  PVOID Context = (PVOID)AdapterContext;
  __sdv_save_adapter_context(&Context);
}
}
#endif

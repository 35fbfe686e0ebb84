// ndisv NDIS model: NDIS library routines and helper macros. Written for ndisv from the documented API; not the WDK header.
// SPDX-License-Identifier: Apache-2.0
#pragma once

NDISV_BEGIN_DECLS

// ndisv hook: lets a driver name its adapter context explicitly.
VOID __sdv_save_adapter_context(PVOID *AdapterContext);

// ---- driver / adapter registration ---------------------------------------
NDIS_STATUS NdisMRegisterMiniportDriver(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath,
                                        NDIS_HANDLE MiniportDriverContext,
                                        PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics,
                                        PNDIS_HANDLE NdisMiniportDriverHandle);
VOID NdisMDeregisterMiniportDriver(NDIS_HANDLE NdisMiniportDriverHandle);
NDIS_STATUS NdisMSetMiniportAttributes(NDIS_HANDLE NdisMiniportHandle,
                                       PNDIS_MINIPORT_ADAPTER_ATTRIBUTES MiniportAttributes);
NDIS_STATUS NdisMRemoveMiniport(NDIS_HANDLE MiniportHandle);
UINT NdisGetVersion(void);
VOID NdisMGetDeviceProperty(NDIS_HANDLE MiniportAdapterHandle, PDEVICE_OBJECT *PhysicalDeviceObject,
                            PDEVICE_OBJECT *FunctionalDeviceObject, PDEVICE_OBJECT *NextDeviceObject,
                            PCM_RESOURCE_LIST *AllocatedResources,
                            PCM_RESOURCE_LIST *AllocatedResourcesTranslated);
VOID NdisMPauseComplete(NDIS_HANDLE MiniportAdapterHandle);
VOID NdisMRestartComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status);
VOID NdisMOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle, PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status);
VOID NdisMDirectOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle, PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status);
VOID NdisMResetComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status, BOOLEAN AddressingReset);
VOID NdisMIndicateStatusEx(NDIS_HANDLE MiniportAdapterHandle, PNDIS_STATUS_INDICATION StatusIndication);
VOID NdisWriteErrorLogEntry(NDIS_HANDLE NdisAdapterHandle, NDIS_ERROR_CODE ErrorCode,
                            ULONG NumberOfErrorValues, ...);

// ---- interrupts ----------------------------------------------------------
NDIS_STATUS NdisMRegisterInterruptEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE MiniportInterruptContext,
                                     PNDIS_MINIPORT_INTERRUPT_CHARACTERISTICS MiniportInterruptCharacteristics,
                                     PNDIS_HANDLE NdisInterruptHandle);
VOID NdisMDeregisterInterruptEx(NDIS_HANDLE NdisInterruptHandle);
BOOLEAN NdisMSynchronizeWithInterruptEx(NDIS_HANDLE NdisInterruptHandle, ULONG MessageId,
                                        MINIPORT_SYNCHRONIZE_INTERRUPT_HANDLER SynchronizeFunction,
                                        PVOID SynchronizeContext);

// ---- work items and timers -----------------------------------------------
NDIS_HANDLE NdisAllocateIoWorkItem(NDIS_HANDLE NdisObjectHandle);
VOID NdisFreeIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle);
VOID NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle, NDIS_IO_WORKITEM_ROUTINE Routine, PVOID WorkItemContext);
NDIS_STATUS NdisAllocateTimerObject(NDIS_HANDLE NdisHandle, PNDIS_TIMER_CHARACTERISTICS TimerCharacteristics,
                                    PNDIS_HANDLE pTimerObject);
BOOLEAN NdisSetTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime, LONG MillisecondsPeriod,
                           PVOID FunctionContext);
BOOLEAN NdisCancelTimerObject(NDIS_HANDLE TimerObject);
VOID NdisFreeTimerObject(NDIS_HANDLE TimerObject);

// ---- memory --------------------------------------------------------------
PVOID NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length, ULONG Tag, EX_POOL_PRIORITY Priority);
NDIS_STATUS NdisAllocateMemoryWithTag(PVOID *VirtualAddress, UINT Length, ULONG Tag);
VOID NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags);
VOID NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, ULONG Tag);
PNDIS_GENERIC_OBJECT NdisAllocateGenericObject(PDRIVER_OBJECT DriverObject, ULONG Tag, USHORT Size);
VOID NdisFreeGenericObject(PNDIS_GENERIC_OBJECT NdisObject);
PMDL NdisAllocateMdl(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, UINT Length);
VOID NdisFreeMdl(PMDL Mdl);
#define NdisZeroMemory(Destination, Length) RtlZeroMemory((Destination), (Length))
#define NdisMoveMemory(Destination, Source, Length) RtlCopyMemory((Destination), (Source), (Length))
#define NdisFillMemory(Destination, Length, Fill) RtlFillMemory((Destination), (Length), (Fill))
#define NdisEqualMemory(Source1, Source2, Length) RtlEqualMemory((Source1), (Source2), (Length))
#define NdisRetrieveUlong(DestinationAddress, SourceAddress) \
    RtlCopyMemory((DestinationAddress), (SourceAddress), sizeof(ULONG))
#define NdisStoreUlong(DestinationAddress, Value) \
    do { ULONG NdisvTmp_ = (Value); RtlCopyMemory((DestinationAddress), &NdisvTmp_, sizeof(ULONG)); } while (0)

// ---- spin locks, RW locks, events ----------------------------------------
VOID NdisAllocateSpinLock(PNDIS_SPIN_LOCK SpinLock);
VOID NdisFreeSpinLock(PNDIS_SPIN_LOCK SpinLock);
VOID NdisAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock);
VOID NdisReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock);
VOID NdisDprAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock);
VOID NdisDprReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock);
PNDIS_RW_LOCK_EX NdisAllocateRWLock(NDIS_HANDLE NdisHandle);
VOID NdisFreeRWLock(PNDIS_RW_LOCK_EX Lock);
VOID NdisAcquireRWLockRead(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState, UCHAR Flags);
VOID NdisAcquireRWLockWrite(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState, UCHAR Flags);
VOID NdisReleaseRWLock(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState);
VOID NdisInitializeReadWriteLock(PNDIS_RW_LOCK Lock);
VOID NdisAcquireReadWriteLock(PNDIS_RW_LOCK Lock, BOOLEAN fWrite, PLOCK_STATE LockState);
VOID NdisReleaseReadWriteLock(PNDIS_RW_LOCK Lock, PLOCK_STATE LockState);
#define NDIS_RAISE_IRQL_TO_DISPATCH(_pIrql_) KeRaiseIrql(DISPATCH_LEVEL, (_pIrql_))
#define NDIS_LOWER_IRQL(_OldIrql_, _CurIrql_) KeLowerIrql(_OldIrql_)
#define NdisRaiseIrql(_pIrql_, _NewIrql_) KeRaiseIrql((_NewIrql_), (_pIrql_))
#define NdisLowerIrql(_OldIrql_) KeLowerIrql(_OldIrql_)
ULONG NdisGetSharedDataAlignment(void);
#define NdisAdjustMdlLength(_Mdl, _Length) ((_Mdl)->ByteCount = (_Length))
// SAL-only declarations of the driver's context types: no code.
#define NDIS_DECLARE_MINIPORT_DRIVER_CONTEXT(_ContextType) typedef _ContextType NDISV_MINIPORT_DRIVER_CONTEXT_TYPE
#define NDIS_DECLARE_MINIPORT_ADAPTER_CONTEXT(_ContextType) typedef _ContextType NDISV_MINIPORT_ADAPTER_CONTEXT_TYPE
#define NDIS_DECLARE_MINIPORT_INTERRUPT_CONTEXT(_ContextType) typedef _ContextType NDISV_MINIPORT_INTERRUPT_CONTEXT_TYPE

// Lookaside lists (NdisInitializeNPagedLookasideList and friends).
VOID NdisInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PALLOCATE_FUNCTION Allocate,
                                       PFREE_FUNCTION Free, ULONG Flags, SIZE_T Size, ULONG Tag, USHORT Depth);
VOID NdisDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);
PVOID NdisAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);
VOID NdisFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry);
VOID NdisInitializeEvent(PNDIS_EVENT Event);
VOID NdisSetEvent(PNDIS_EVENT Event);
VOID NdisResetEvent(PNDIS_EVENT Event);
BOOLEAN NdisWaitEvent(PNDIS_EVENT Event, UINT MsToWait);
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
VOID NdisInterlockedAddUlong(PULONG Addend, ULONG Increment, PNDIS_SPIN_LOCK SpinLock);
#define NdisInterlockedIncrement(Addend) InterlockedIncrement(Addend)
#define NdisInterlockedDecrement(Addend) InterlockedDecrement(Addend)
#define NdisInterlockedAddLargeStatistic(Addend, Increment) \
    InterlockedExchangeAdd64((LONG64 volatile *)(Addend), (LONG64)(Increment))
#define NdisInitializeListHead(ListHead) InitializeListHead(ListHead)
#define NdisInitializeSListHead(SListHead) RtlZeroMemory((SListHead), sizeof(SLIST_HEADER))
#define NDIS_CURRENT_IRQL() KeGetCurrentIrql()

// ---- NET_BUFFER / NET_BUFFER_LIST ----------------------------------------
NDIS_HANDLE NdisAllocateNetBufferListPool(NDIS_HANDLE NdisHandle, PNET_BUFFER_LIST_POOL_PARAMETERS Parameters);
VOID NdisFreeNetBufferListPool(NDIS_HANDLE PoolHandle);
NDIS_HANDLE NdisAllocateNetBufferPool(NDIS_HANDLE NdisHandle, PNET_BUFFER_POOL_PARAMETERS Parameters);
VOID NdisFreeNetBufferPool(NDIS_HANDLE PoolHandle);
PNET_BUFFER_LIST NdisAllocateNetBufferAndNetBufferList(NDIS_HANDLE PoolHandle, USHORT ContextSize,
                                                       USHORT ContextBackFill, PMDL MdlChain,
                                                       ULONG DataOffset, SIZE_T DataLength);
PNET_BUFFER_LIST NdisAllocateNetBufferList(NDIS_HANDLE NetBufferListPoolHandle, USHORT ContextSize,
                                           USHORT ContextBackFill);
VOID NdisFreeNetBufferList(PNET_BUFFER_LIST NetBufferList);
PNET_BUFFER NdisAllocateNetBuffer(NDIS_HANDLE PoolHandle, PMDL MdlChain, ULONG DataOffset, SIZE_T DataLength);
VOID NdisFreeNetBuffer(PNET_BUFFER NetBuffer);
PVOID NdisGetDataBuffer(PNET_BUFFER NetBuffer, ULONG BytesNeeded, PVOID Storage, UINT AlignMultiple,
                        UINT AlignOffset);
VOID NdisAdvanceNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta, BOOLEAN FreeMdl,
                                   NET_BUFFER_FREE_MDL_HANDLER FreeMdlHandler);
NDIS_STATUS NdisRetreatNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta, ULONG DataBackFill,
                                          NET_BUFFER_ALLOCATE_MDL_HANDLER AllocateMdlHandler);
NDIS_STATUS NdisAllocateNetBufferListContext(PNET_BUFFER_LIST NetBufferList, USHORT ContextSize,
                                             USHORT ContextBackFill, ULONG PoolTag);
VOID NdisFreeNetBufferListContext(PNET_BUFFER_LIST NetBufferList, USHORT ContextSize);
ULONG NdisQueryNetBufferPhysicalCount(PNET_BUFFER NetBuffer);
VOID NdisMIndicateReceiveNetBufferLists(NDIS_HANDLE MiniportAdapterHandle, PNET_BUFFER_LIST NetBufferLists,
                                        NDIS_PORT_NUMBER PortNumber, ULONG NumberOfNetBufferLists,
                                        ULONG ReceiveFlags);
VOID NdisMSendNetBufferListsComplete(NDIS_HANDLE MiniportAdapterHandle, PNET_BUFFER_LIST NetBufferLists,
                                     ULONG SendCompleteFlags);

// ---- configuration -------------------------------------------------------
NDIS_STATUS NdisOpenConfigurationEx(PNDIS_CONFIGURATION_OBJECT ConfigObject, PNDIS_HANDLE ConfigurationHandle);
VOID NdisReadConfiguration(PNDIS_STATUS Status, PNDIS_CONFIGURATION_PARAMETER *ParameterValue,
                           NDIS_HANDLE ConfigurationHandle, PNDIS_STRING Keyword,
                           NDIS_PARAMETER_TYPE ParameterType);
VOID NdisWriteConfiguration(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle, PNDIS_STRING Keyword,
                            PNDIS_CONFIGURATION_PARAMETER ParameterValue);
VOID NdisCloseConfiguration(NDIS_HANDLE ConfigurationHandle);
VOID NdisReadNetworkAddress(PNDIS_STATUS Status, PVOID *NetworkAddress, PUINT NetworkAddressLength,
                            NDIS_HANDLE ConfigurationHandle);
VOID NdisOpenConfigurationKeyByName(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle,
                                    PNDIS_STRING SubKeyName, PNDIS_HANDLE SubKeyHandle);
VOID NdisOpenConfigurationKeyByIndex(PNDIS_STATUS Status, NDIS_HANDLE ConfigurationHandle, ULONG Index,
                                     PNDIS_STRING KeyName, PNDIS_HANDLE KeyHandle);

// ---- hardware access -----------------------------------------------------
#define PCI_WHICHSPACE_CONFIG 0x0
#define PCI_WHICHSPACE_ROM 0x52696350
ULONG NdisMGetBusData(NDIS_HANDLE NdisMiniportHandle, ULONG WhichSpace, ULONG Offset, PVOID Buffer, ULONG Length);
ULONG NdisMSetBusData(NDIS_HANDLE NdisMiniportHandle, ULONG WhichSpace, ULONG Offset, PVOID Buffer, ULONG Length);
NDIS_STATUS NdisMMapIoSpace(PVOID *VirtualAddress, NDIS_HANDLE MiniportAdapterHandle,
                            NDIS_PHYSICAL_ADDRESS PhysicalAddress, UINT Length);
VOID NdisMUnmapIoSpace(NDIS_HANDLE MiniportAdapterHandle, PVOID VirtualAddress, UINT Length);
NDIS_STATUS NdisMRegisterIoPortRange(PVOID *PortOffset, NDIS_HANDLE MiniportAdapterHandle, UINT InitialPort,
                                     UINT NumberOfPorts);
VOID NdisMDeregisterIoPortRange(NDIS_HANDLE MiniportAdapterHandle, UINT InitialPort, UINT NumberOfPorts,
                                PVOID PortOffset);
NDIS_STATUS NdisMRegisterScatterGatherDma(NDIS_HANDLE MiniportAdapterHandle, PNDIS_SG_DMA_DESCRIPTION DmaDescription,
                                          PNDIS_HANDLE NdisMiniportDmaHandle);
VOID NdisMDeregisterScatterGatherDma(NDIS_HANDLE NdisMiniportDmaHandle);
NDIS_STATUS NdisMAllocateNetBufferSGList(NDIS_HANDLE NdisMiniportDmaHandle, PNET_BUFFER NetBuffer, PVOID Context,
                                         ULONG Flags, PVOID ScatterGatherListBuffer,
                                         ULONG ScatterGatherListBufferSize);
VOID NdisMFreeNetBufferSGList(NDIS_HANDLE NdisMiniportDmaHandle, PSCATTER_GATHER_LIST pSGL, PNET_BUFFER NetBuffer);
VOID NdisMAllocateSharedMemory(NDIS_HANDLE MiniportAdapterHandle, ULONG Length, BOOLEAN Cached,
                               PVOID *VirtualAddress, PNDIS_PHYSICAL_ADDRESS PhysicalAddress);
VOID NdisMFreeSharedMemory(NDIS_HANDLE MiniportAdapterHandle, ULONG Length, BOOLEAN Cached,
                           PVOID VirtualAddress, NDIS_PHYSICAL_ADDRESS PhysicalAddress);
NDIS_STATUS NdisMAllocateSharedMemoryAsyncEx(NDIS_HANDLE MiniportDmaHandle, ULONG Length, BOOLEAN Cached,
                                             PVOID Context);
NDIS_STATUS NdisMRegisterDmaChannel(PNDIS_HANDLE MiniportDmaHandle, NDIS_HANDLE MiniportAdapterHandle,
                                    UINT DmaChannel, BOOLEAN Dma32BitAddresses,
                                    PNDIS_DMA_DESCRIPTION DmaDescription, ULONG MaximumLength);
VOID NdisMDeregisterDmaChannel(NDIS_HANDLE MiniportDmaHandle);
ULONG NdisMGetDmaAlignment(NDIS_HANDLE MiniportAdapterHandle);

#define NdisReadRegisterUlong(Register, Data) (*(Data) = *(volatile ULONG *)(Register))
#define NdisReadRegisterUshort(Register, Data) (*(Data) = *(volatile USHORT *)(Register))
#define NdisReadRegisterUchar(Register, Data) (*(Data) = *(volatile UCHAR *)(Register))
#define NdisWriteRegisterUlong(Register, Data) (*(volatile ULONG *)(Register) = (Data))
#define NdisWriteRegisterUshort(Register, Data) (*(volatile USHORT *)(Register) = (Data))
#define NdisWriteRegisterUchar(Register, Data) (*(volatile UCHAR *)(Register) = (Data))
VOID NdisRawReadPortUlong(ULONG_PTR Port, PULONG Data);
VOID NdisRawReadPortUshort(ULONG_PTR Port, PUSHORT Data);
VOID NdisRawReadPortUchar(ULONG_PTR Port, PUCHAR Data);
VOID NdisRawWritePortUlong(ULONG_PTR Port, ULONG Data);
VOID NdisRawWritePortUshort(ULONG_PTR Port, USHORT Data);
VOID NdisRawWritePortUchar(ULONG_PTR Port, UCHAR Data);

// ---- time, strings, misc -------------------------------------------------
VOID NdisMSleep(ULONG MicrosecondsToSleep);
VOID NdisStallExecution(UINT MicrosecondsToStall);
VOID NdisGetCurrentSystemTime(PLARGE_INTEGER pSystemTime);
VOID NdisGetSystemUpTimeEx(PLARGE_INTEGER pSystemUpTime);
VOID NdisGetSystemUpTime(PULONG pSystemUpTime);
CCHAR NdisSystemProcessorCount(void);
ULONG NdisGroupMaxProcessorCount(USHORT Group);
ULONG NdisGroupActiveProcessorCount(USHORT Group);
ULONG NdisCurrentGroupAndProcessor(PPROCESSOR_NUMBER ProcNum);
#define NdisInitUnicodeString(Destination, Source) RtlInitUnicodeString((Destination), (Source))
#define NdisInitAnsiString(Destination, Source) RtlInitAnsiString((Destination), (Source))
#define NdisEqualString(String1, String2, CaseInsensitive) \
    RtlEqualUnicodeString((String1), (String2), (CaseInsensitive))
NDIS_STATUS NdisAnsiStringToUnicodeString(PNDIS_STRING DestinationString, PNDIS_ANSI_STRING SourceString);
NDIS_STATUS NdisUnicodeStringToAnsiString(PNDIS_ANSI_STRING DestinationString, PNDIS_STRING SourceString);

NDISV_END_DECLS

// Kernel families the model declares in full (tests/model/kernel_families.test):
// each assertion is one documented value, so a name that disappears or
// changes fails to compile.
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#pragma warning(push)
#include <wdmwarn4.h> // cl.exe warning options only: declares nothing
#include <ndis.h>
#pragma warning(pop)
#include <wdm.h>

#define CHECK(e) _Static_assert(e, #e)

// Device types and characteristics (kernel/devicetypes.h).
CHECK(FILE_DEVICE_BEEP == 0x01 && FILE_DEVICE_NETWORK == 0x12 && FILE_DEVICE_PHYSICAL_NETCARD == 0x17);
CHECK(FILE_DEVICE_UNKNOWN == 0x22 && FILE_DEVICE_ACPI == 0x32 && FILE_DEVICE_VMBUS == 0x3e);
CHECK(FILE_DEVICE_SOUNDWIRE == 0x61 && FILE_DEVICE_SECURE_OPEN == 0x100);
CHECK(CTL_CODE(FILE_DEVICE_ACPI, 1, METHOD_BUFFERED, FILE_READ_ACCESS | FILE_WRITE_ACCESS) == 0x32C004);

// Resource descriptor flags (kernel/resources.h).
CHECK(CM_RESOURCE_MEMORY_LARGE == (CM_RESOURCE_MEMORY_LARGE_40 | CM_RESOURCE_MEMORY_LARGE_48 |
                                   CM_RESOURCE_MEMORY_LARGE_64));
CHECK(CM_RESOURCE_MEMORY_LARGE_40 == 0x200 && CM_RESOURCE_MEMORY_LARGE_64_MAXLEN == 0xFFFFFFFF00000000ULL);
CHECK(CM_RESOURCE_PORT_16_BIT_DECODE == 0x10 && CM_RESOURCE_DMA_BUS_MASTER == 0x8);
CHECK(CM_RESOURCE_INTERRUPT_WAKE_HINT == 0x20 && CM_RESOURCE_DMA_V3 == 0x80);

// MDL flags.
CHECK(MDL_PARENT_MAPPED_SYSTEM_VA == 0x100 && MDL_FREE_EXTRA_PTES == 0x200 && MDL_INTERNAL == 0x8000);

// Extended processor state and processor hot-add (kernel/processor.h).
CHECK(XSTATE_MASK_AVX == XSTATE_MASK_GSSE && XSTATE_MASK_AVX == 4);
CHECK(XSTATE_MASK_AVX512 == 0xE0 && XSTATE_MASK_CET_U == 0x800 && XSTATE_MASK_LWP == (1ULL << 62));
CHECK(KE_PROCESSOR_CHANGE_ADD_EXISTING == 1);

// Lookaside lists and cache alignment (kernel/lookaside.h).
CHECK(SYSTEM_CACHE_ALIGNMENT_SIZE == 64);
static LOOKASIDE_ALIGN LOOKASIDE_LIST_EX Cache;
CHECK(_Alignof(Cache) == 64 && sizeof(LOOKASIDE_LIST_EX) == 96);
CHECK(EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE == 2);

// Registry options and device keys.
CHECK(REG_OPTION_NON_VOLATILE == 0 && REG_OPTION_VOLATILE == 1 && PLUGPLAY_REGKEY_DRIVER == 2);

// Bug check callback records, bitmaps, IRQL.
static KBUGCHECK_REASON_CALLBACK_RECORD Record;
static ULONG Bits[4];
static RTL_BITMAP Map;
VOID UseKernelFamilies(VOID)
{
    KIRQL Old = KeRaiseIrqlToSynchLevel();
    KeLowerIrql(Old);
    KeInitializeCallbackRecord(&Record);
    RtlInitializeBitMap(&Map, Bits, 128);
    if (RtlFindClearBitsAndSet(&Map, 1, 0) != 0xFFFFFFFF && RtlCheckBit(&Map, 0))
        RtlClearBit(&Map, 0);
    ExDeleteLookasideListEx(&Cache);
}

// Language glue and text types drivers take from the kernel headers.
EXTERN_C_START
CHECK(sizeof(TCHAR) == 1);
EXTERN_C_END

// Through <ndis.h> alone, as with the WDK: socket addresses and IN6_ADDR.
static IN6_ADDR Address6;
static SOCKADDR_INET Endpoint;
CHECK(sizeof(Address6) == 16 && IPPROTO_IP == 0 && STATUS_ALREADY_COMPLETE == 0xFF);

// Legacy (SAL 1) buffer annotations.
VOID SalUser(_Out_z_cap_c_(INET6_ADDRSTRLEN) PSTR Buffer, _In_bytecount_(Length) PVOID Data,
             _Inout_opt_count_x_(Length / 2) PUSHORT Words, ULONG Length);

// The C runtime's secure routines and their names.
#include <stdio.h>
CHECK(_TRUNCATE == (size_t)-1);
int __CRTDECL CrtUser(char *Buffer, const char *Format, va_list Args)
{
    errno_t Err = 0;
    return Err + _vsnprintf_s(Buffer, 16, _TRUNCATE, Format, Args);
}

// wdm.h's bit-scan names for the compiler's intrinsics; ntstrsafe.h brings the
// C runtime's formatting routines with it.
#include <ntstrsafe.h>
static unsigned char LowestSetBit(unsigned long *Index, ULONG64 Mask) { return BitScanForward64(Index, Mask); }
static unsigned char HighestSetBit(unsigned long *Index, ULONG Mask) { return BitScanReverse(Index, Mask); }
static int FormatLimited(char *Buffer, size_t Size, const char *Format, va_list Args)
{ return _vsnprintf_s(Buffer, Size, _TRUNCATE, Format, Args); }

// Remove locks (kernel/removelock.h): the reference's four macros over an
// IO_REMOVE_LOCK the driver embeds in its device context.
typedef struct _DEVICE_CONTEXT { IO_REMOVE_LOCK Lock; } DEVICE_CONTEXT;
static NTSTATUS RemoveLockUser(DEVICE_CONTEXT *Context, PVOID Tag)
{
    IoInitializeRemoveLock(&Context->Lock, 'kLmR', 0, 0);
    NTSTATUS Status = IoAcquireRemoveLock(&Context->Lock, Tag);
    if (NT_SUCCESS(Status))
        IoReleaseRemoveLock(&Context->Lock, Tag);
    IoReleaseRemoveLockAndWait(&Context->Lock, Tag);
    return Status;
}

// Thread priorities (kernel/removelock.h), as KeSetPriorityThread takes them.
CHECK(LOW_PRIORITY == 0 && LOW_REALTIME_PRIORITY == 16 && HIGH_PRIORITY == 31 && MAXIMUM_PRIORITY == 32);
static KPRIORITY RealTime(PKTHREAD Thread) { return KeSetPriorityThread(Thread, LOW_REALTIME_PRIORITY); }

// User-buffer probes (kernel/memory.h) and the object types ObReferenceObjectByHandle
// takes, which wdm.h declares (no ntifs.h here).
static NTSTATUS ProbeAndReference(PVOID User, SIZE_T Length, HANDLE Event, PVOID *Object)
{
    ProbeForRead(User, Length, sizeof(UCHAR));
    ProbeForWrite(User, Length, sizeof(ULONG));
    return ObReferenceObjectByHandle(Event, 0, *ExEventObjectType, KernelMode, Object, NULL);
}

// ntdef.h's deprecation markers and MIDL's pointer-sized integer.
DECLSPEC_DEPRECATED_DDK VOID OldRoutine(VOID);
DECLSPEC_DEPRECATED typedef enum _OLD_STATUS { OldOk } OLD_STATUS;
CHECK(sizeof(__int3264) == 8);

// The legacy annotations of driverspecs.h and specstrings.h (SAL 1).
__drv_maxFunctionIRQL(DISPATCH_LEVEL) __drv_minFunctionIRQL(PASSIVE_LEVEL)
VOID Sal1User(__inout_bcount_part_opt(Size, *Length) PVOID Buffer, __in SIZE_T Size,
              __inout PSIZE_T Length, __deref_opt_out_ecount_z(Size) PWCHAR *Text,
              __out_ecount_full_opt(Size) PUCHAR Bytes, __in_bcount_z_opt(Size) const char *Name);
__drv_acquiresExclusiveResource(ExResourceType) VOID LockIt(__in PVOID Resource);

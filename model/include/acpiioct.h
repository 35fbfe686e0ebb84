//===- acpiioct.h - ndisv model of the ACPI device-control interface -----===//
// SPDX-License-Identifier: Apache-2.0
//
// Written for ndisv from the DDI reference's acpiioct pages (the
// IOCTL_ACPI_* requests, the ACPI_EVAL_* input and output buffers and
// ACPI_METHOD_ARGUMENT, V1 and V2, the argument macros); not the WDK header.
// The reference gives no values: the IOCTL function numbers and the buffer
// signatures (four-character tags, 'BieA' read as a little-endian ULONG) are
// the WDK's, as Microsoft's API metadata records them. The unversioned
// names are the V1 forms, as for a driver built before Windows 10 1703.
#pragma once

#include <wdm.h>

NDISV_BEGIN_DECLS

#define NDISV_ACPI_IOCTL(n) CTL_CODE(FILE_DEVICE_ACPI, n, METHOD_BUFFERED, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
#define IOCTL_ACPI_ASYNC_EVAL_METHOD_V1 NDISV_ACPI_IOCTL(0)
#define IOCTL_ACPI_EVAL_METHOD_V1 NDISV_ACPI_IOCTL(1)
#define IOCTL_ACPI_ACQUIRE_GLOBAL_LOCK NDISV_ACPI_IOCTL(4)
#define IOCTL_ACPI_RELEASE_GLOBAL_LOCK NDISV_ACPI_IOCTL(5)
#define IOCTL_ACPI_EVAL_METHOD_V1_EX NDISV_ACPI_IOCTL(6)
#define IOCTL_ACPI_ASYNC_EVAL_METHOD_V1_EX NDISV_ACPI_IOCTL(7)
#define IOCTL_ACPI_ENUM_CHILDREN NDISV_ACPI_IOCTL(8)
#define IOCTL_ACPI_GET_DEVICE_INFORMATION NDISV_ACPI_IOCTL(10)
#define IOCTL_ACPI_GET_DEVICE_SPECIFIC_DATA NDISV_ACPI_IOCTL(14)
#define IOCTL_ACPI_EVAL_METHOD_V2 NDISV_ACPI_IOCTL(15)
#define IOCTL_ACPI_ASYNC_EVAL_METHOD_V2 NDISV_ACPI_IOCTL(16)
#define IOCTL_ACPI_EVAL_METHOD_V2_EX NDISV_ACPI_IOCTL(17)
#define IOCTL_ACPI_ASYNC_EVAL_METHOD_V2_EX NDISV_ACPI_IOCTL(18)
#define IOCTL_ACPI_EVAL_METHOD IOCTL_ACPI_EVAL_METHOD_V1
#define IOCTL_ACPI_ASYNC_EVAL_METHOD IOCTL_ACPI_ASYNC_EVAL_METHOD_V1
#define IOCTL_ACPI_EVAL_METHOD_EX IOCTL_ACPI_EVAL_METHOD_V1_EX
#define IOCTL_ACPI_ASYNC_EVAL_METHOD_EX IOCTL_ACPI_ASYNC_EVAL_METHOD_V1_EX

// A tag 'abcd' as MSVC reads the character constant: 'a' in the top byte.
#define NDISV_ACPI_TAG(a, b, c, d) \
    ((ULONG)(((ULONG)(a) << 24) | ((ULONG)(b) << 16) | ((ULONG)(c) << 8) | (ULONG)(d)))
#define ACPI_EVAL_INPUT_BUFFER_SIGNATURE_V1 NDISV_ACPI_TAG('B', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_SIGNATURE_V1 NDISV_ACPI_TAG('I', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_SIGNATURE_V1 NDISV_ACPI_TAG('S', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_COMPLEX_SIGNATURE_V1 NDISV_ACPI_TAG('C', 'i', 'e', 'A')
#define ACPI_EVAL_OUTPUT_BUFFER_SIGNATURE_V1 NDISV_ACPI_TAG('B', 'o', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIGNATURE_V1_EX NDISV_ACPI_TAG('A', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_SIGNATURE_V1_EX NDISV_ACPI_TAG('D', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_SIGNATURE_V1_EX NDISV_ACPI_TAG('E', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_COMPLEX_SIGNATURE_V1_EX NDISV_ACPI_TAG('F', 'i', 'e', 'A')
#define ACPI_ENUM_CHILDREN_OUTPUT_BUFFER_SIGNATURE NDISV_ACPI_TAG('G', 'i', 'e', 'A')
#define ACPI_ENUM_CHILDREN_INPUT_BUFFER_SIGNATURE NDISV_ACPI_TAG('H', 'i', 'e', 'A')
#define IOCTL_ACPI_GET_DEVICE_INFORMATION_SIGNATURE NDISV_ACPI_TAG('J', 'i', 'e', 'A')
#define IOCTL_ACPI_GET_DEVICE_SPECIFIC_DATA_SIGNATURE NDISV_ACPI_TAG('H', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIGNATURE_V2 NDISV_ACPI_TAG('K', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_SIGNATURE_V2 NDISV_ACPI_TAG('L', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_SIGNATURE_V2 NDISV_ACPI_TAG('M', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_COMPLEX_SIGNATURE_V2 NDISV_ACPI_TAG('N', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIGNATURE_V2_EX NDISV_ACPI_TAG('O', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_SIGNATURE_V2_EX NDISV_ACPI_TAG('P', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_SIGNATURE_V2_EX NDISV_ACPI_TAG('Q', 'i', 'e', 'A')
#define ACPI_EVAL_INPUT_BUFFER_COMPLEX_SIGNATURE_V2_EX NDISV_ACPI_TAG('R', 'i', 'e', 'A')
#define ACPI_EVAL_OUTPUT_BUFFER_SIGNATURE_V2 NDISV_ACPI_TAG('K', 'o', 'e', 'A')
#define ACPI_ACQUIRE_GLOBAL_LOCK_SIGNATURE NDISV_ACPI_TAG('L', 'g', 'a', 'A')
#define ACPI_RELEASE_GLOBAL_LOCK_SIGNATURE NDISV_ACPI_TAG('L', 'g', 'r', 'A')
#define ACPI_EVAL_INPUT_BUFFER_SIGNATURE ACPI_EVAL_INPUT_BUFFER_SIGNATURE_V1
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_SIGNATURE ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_SIGNATURE_V1
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_SIGNATURE ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_SIGNATURE_V1
#define ACPI_EVAL_INPUT_BUFFER_COMPLEX_SIGNATURE ACPI_EVAL_INPUT_BUFFER_COMPLEX_SIGNATURE_V1
#define ACPI_EVAL_OUTPUT_BUFFER_SIGNATURE ACPI_EVAL_OUTPUT_BUFFER_SIGNATURE_V1
#define ACPI_EVAL_INPUT_BUFFER_SIGNATURE_EX ACPI_EVAL_INPUT_BUFFER_SIGNATURE_V1_EX
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_SIGNATURE_EX ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_SIGNATURE_V1_EX
#define ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_SIGNATURE_EX ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_SIGNATURE_V1_EX
#define ACPI_EVAL_INPUT_BUFFER_COMPLEX_SIGNATURE_EX ACPI_EVAL_INPUT_BUFFER_COMPLEX_SIGNATURE_V1_EX

#define ACPI_METHOD_ARGUMENT_INTEGER 0x0
#define ACPI_METHOD_ARGUMENT_STRING 0x1
#define ACPI_METHOD_ARGUMENT_BUFFER 0x2
#define ACPI_METHOD_ARGUMENT_PACKAGE 0x3
#define ACPI_METHOD_ARGUMENT_PACKAGE_EX 0x4

// ---- V1 and V2 buffers (V2: a ULONG DataLength) ------------------------------
#define NDISV_ACPI_NAME4 union { UCHAR MethodName[4]; ULONG MethodNameAsUlong; }
#define NDISV_ACPI_BUFFERS(V, LenType)                                                        \
    typedef struct _ACPI_METHOD_ARGUMENT_##V {                                                \
        USHORT Type;                                                                          \
        LenType DataLength;                                                                   \
        union { ULONG Argument; UCHAR Data[ANYSIZE_ARRAY]; };                                 \
    } ACPI_METHOD_ARGUMENT_##V;                                                               \
    typedef ACPI_METHOD_ARGUMENT_##V UNALIGNED *PACPI_METHOD_ARGUMENT_##V;                    \
    typedef struct _ACPI_EVAL_INPUT_BUFFER_##V {                                              \
        ULONG Signature; NDISV_ACPI_NAME4;                                                    \
    } ACPI_EVAL_INPUT_BUFFER_##V, *PACPI_EVAL_INPUT_BUFFER_##V;                               \
    typedef struct _ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_##V {                               \
        ULONG Signature; NDISV_ACPI_NAME4; ULONG IntegerArgument;                             \
    } ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_##V, *PACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_##V; \
    typedef struct _ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_##V {                                \
        ULONG Signature; NDISV_ACPI_NAME4; ULONG StringLength; UCHAR String[ANYSIZE_ARRAY];   \
    } ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_##V, *PACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_##V;   \
    typedef struct _ACPI_EVAL_INPUT_BUFFER_COMPLEX_##V {                                      \
        ULONG Signature; NDISV_ACPI_NAME4; ULONG Size; ULONG ArgumentCount;                   \
        ACPI_METHOD_ARGUMENT_##V Argument[ANYSIZE_ARRAY];                                     \
    } ACPI_EVAL_INPUT_BUFFER_COMPLEX_##V, *PACPI_EVAL_INPUT_BUFFER_COMPLEX_##V;               \
    typedef struct _ACPI_EVAL_OUTPUT_BUFFER_##V {                                             \
        ULONG Signature; ULONG Length; ULONG Count;                                           \
        ACPI_METHOD_ARGUMENT_##V Argument[ANYSIZE_ARRAY];                                     \
    } ACPI_EVAL_OUTPUT_BUFFER_##V;                                                            \
    typedef ACPI_EVAL_OUTPUT_BUFFER_##V UNALIGNED *PACPI_EVAL_OUTPUT_BUFFER_##V;              \
    typedef struct _ACPI_EVAL_INPUT_BUFFER_##V##_EX {                                         \
        ULONG Signature; CHAR MethodName[256];                                                \
    } ACPI_EVAL_INPUT_BUFFER_##V##_EX, *PACPI_EVAL_INPUT_BUFFER_##V##_EX;                     \
    typedef struct _ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_##V##_EX {                          \
        ULONG Signature; CHAR MethodName[256]; ULONG64 IntegerArgument;                       \
    } ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_##V##_EX,                                         \
        *PACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_##V##_EX;                                     \
    typedef struct _ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_##V##_EX {                           \
        ULONG Signature; CHAR MethodName[256]; ULONG StringLength;                            \
        UCHAR String[ANYSIZE_ARRAY];                                                          \
    } ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_##V##_EX,                                          \
        *PACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_##V##_EX;                                      \
    typedef struct _ACPI_EVAL_INPUT_BUFFER_COMPLEX_##V##_EX {                                 \
        ULONG Signature; CHAR MethodName[256]; ULONG Size; ULONG ArgumentCount;               \
        ACPI_METHOD_ARGUMENT_##V Argument[ANYSIZE_ARRAY];                                     \
    } ACPI_EVAL_INPUT_BUFFER_COMPLEX_##V##_EX, *PACPI_EVAL_INPUT_BUFFER_COMPLEX_##V##_EX;
NDISV_ACPI_BUFFERS(V1, USHORT)
NDISV_ACPI_BUFFERS(V2, ULONG)

typedef ACPI_METHOD_ARGUMENT_V1 ACPI_METHOD_ARGUMENT;
typedef ACPI_METHOD_ARGUMENT_V1 UNALIGNED *PACPI_METHOD_ARGUMENT;
typedef ACPI_EVAL_INPUT_BUFFER_V1 ACPI_EVAL_INPUT_BUFFER, *PACPI_EVAL_INPUT_BUFFER;
typedef ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_V1 ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER,
    *PACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER;
typedef ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_V1 ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING,
    *PACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING;
typedef ACPI_EVAL_INPUT_BUFFER_COMPLEX_V1 ACPI_EVAL_INPUT_BUFFER_COMPLEX,
    *PACPI_EVAL_INPUT_BUFFER_COMPLEX;
typedef ACPI_EVAL_INPUT_BUFFER_V1_EX ACPI_EVAL_INPUT_BUFFER_EX, *PACPI_EVAL_INPUT_BUFFER_EX;
typedef ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_V1_EX ACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_EX,
    *PACPI_EVAL_INPUT_BUFFER_SIMPLE_INTEGER_EX;
typedef ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_V1_EX ACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_EX,
    *PACPI_EVAL_INPUT_BUFFER_SIMPLE_STRING_EX;
typedef ACPI_EVAL_INPUT_BUFFER_COMPLEX_V1_EX ACPI_EVAL_INPUT_BUFFER_COMPLEX_EX,
    *PACPI_EVAL_INPUT_BUFFER_COMPLEX_EX;
typedef ACPI_EVAL_OUTPUT_BUFFER_V1 ACPI_EVAL_OUTPUT_BUFFER;
typedef ACPI_EVAL_OUTPUT_BUFFER_V1 UNALIGNED *PACPI_EVAL_OUTPUT_BUFFER;

// ---- argument macros ------------------------------------------------------------
#define ACPI_METHOD_ARGUMENT_LENGTH(DataLength) \
    (FIELD_OFFSET(ACPI_METHOD_ARGUMENT, Data) + max(sizeof(ULONG), (DataLength)))
#define ACPI_METHOD_ARGUMENT_LENGTH_FROM_ARGUMENT(Argument) \
    (ACPI_METHOD_ARGUMENT_LENGTH(((PACPI_METHOD_ARGUMENT)(Argument))->DataLength))
#define ACPI_METHOD_NEXT_ARGUMENT(Argument) \
    (PACPI_METHOD_ARGUMENT)((PUCHAR)(Argument) + ACPI_METHOD_ARGUMENT_LENGTH_FROM_ARGUMENT(Argument))
#define ACPI_METHOD_SET_ARGUMENT_INTEGER(MethodArgument, IntData) \
    { (MethodArgument)->Type = ACPI_METHOD_ARGUMENT_INTEGER; \
      (MethodArgument)->DataLength = sizeof(ULONG); (MethodArgument)->Argument = (IntData); }
#define ACPI_METHOD_SET_ARGUMENT_STRING(Argument, StrData) \
    { (Argument)->Type = ACPI_METHOD_ARGUMENT_STRING; \
      (Argument)->DataLength = (USHORT)(strlen((const char *)(StrData)) + sizeof(UCHAR)); \
      memcpy(&(Argument)->Data[0], (StrData), (Argument)->DataLength); }
#define ACPI_METHOD_SET_ARGUMENT_BUFFER(Argument, BuffData, BuffLength) \
    { (Argument)->Type = ACPI_METHOD_ARGUMENT_BUFFER; (Argument)->DataLength = (BuffLength); \
      memcpy(&(Argument)->Data[0], (BuffData), (BuffLength)); }
#define ACPI_EVAL_OUTPUT_BUFFER_ARGUMENT_LENGTH(Buffer) \
    ((Buffer)->Length - FIELD_OFFSET(ACPI_EVAL_OUTPUT_BUFFER, Argument))
#define ACPI_EVAL_OUTPUT_BUFFER_ARGUMENTS_BEGIN(Buffer) ((PACPI_METHOD_ARGUMENT)(Buffer)->Argument)
#define ACPI_EVAL_OUTPUT_BUFFER_ARGUMENTS_END(Buffer) \
    (PACPI_METHOD_ARGUMENT)((PUCHAR)(Buffer)->Argument + ACPI_EVAL_OUTPUT_BUFFER_ARGUMENT_LENGTH(Buffer))

// ---- global lock, children, device information ------------------------------------
typedef struct _ACPI_MANIPULATE_GLOBAL_LOCK_BUFFER {
    ULONG Signature;
    PVOID LockObject;
} ACPI_MANIPULATE_GLOBAL_LOCK_BUFFER, *PACPI_MANIPULATE_GLOBAL_LOCK_BUFFER;

typedef struct _ACPI_ENUM_CHILDREN_INPUT_BUFFER {
    ULONG Signature;
    ULONG Flags;
    ULONG NameLength;
    CHAR Name[ANYSIZE_ARRAY];
} ACPI_ENUM_CHILDREN_INPUT_BUFFER, *PACPI_ENUM_CHILDREN_INPUT_BUFFER;
typedef struct _ACPI_ENUM_CHILD {
    ULONG Flags;
    ULONG NameLength;
    CHAR Name[ANYSIZE_ARRAY];
} ACPI_ENUM_CHILD;
typedef ACPI_ENUM_CHILD UNALIGNED *PACPI_ENUM_CHILD;
typedef struct _ACPI_ENUM_CHILDREN_OUTPUT_BUFFER {
    ULONG Signature;
    ULONG NumberOfChildren;
    ACPI_ENUM_CHILD Children[ANYSIZE_ARRAY];
} ACPI_ENUM_CHILDREN_OUTPUT_BUFFER;
typedef ACPI_ENUM_CHILDREN_OUTPUT_BUFFER UNALIGNED *PACPI_ENUM_CHILDREN_OUTPUT_BUFFER;
#define ENUM_CHILDREN_IMMEDIATE_ONLY 0x1
#define ENUM_CHILDREN_MULTILEVEL 0x2
#define ENUM_CHILDREN_NAME_IS_FILTER 0x4
#define ACPI_OBJECT_HAS_CHILDREN 0x1

typedef struct _ACPI_DEVICE_INFORMATION_OUTPUT_BUFFER {
    ULONG Signature;
    USHORT Size;
    UCHAR Revision;
    UCHAR Reserved0;
    USHORT VendorIdStringOffset;
    USHORT VendorStringLength;
    USHORT DeviceIdStringOffset;
    USHORT SubSystemIdStringOffset;
    USHORT SubSystemStringLength;
    USHORT SubDeviceIdStringOffset;
    USHORT InstanceIdLength;
    USHORT InstanceIdOffset;
    USHORT BaseClassCode;
    USHORT HardwareRevision;
    UCHAR ProgrammingInterface;
    UCHAR Reserved1;
    USHORT SubClassCode;
} ACPI_DEVICE_INFORMATION_OUTPUT_BUFFER, *PACPI_DEVICE_INFORMATION_OUTPUT_BUFFER;

typedef struct _ACPI_GET_DEVICE_SPECIFIC_DATA {
    ULONG Signature;
    GUID Section;
    ULONG PropertyNameLength;
    UCHAR PropertyName[ANYSIZE_ARRAY];
} ACPI_GET_DEVICE_SPECIFIC_DATA, *PACPI_GET_DEVICE_SPECIFIC_DATA;

NDISV_END_DECLS

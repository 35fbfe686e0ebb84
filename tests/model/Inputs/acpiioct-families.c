// acpiioct.h: the IOCTL codes, signatures and buffer layouts the model
// declares (tests/model/kernel_families.test).
#define NDIS_MINIPORT_DRIVER 1
#define NDIS630_MINIPORT 1
#include <ndis.h>
#include <string.h>
#include <acpiioct.h>
_Static_assert(IOCTL_ACPI_EVAL_METHOD == 0x32C004, "");
_Static_assert(ACPI_EVAL_OUTPUT_BUFFER_SIGNATURE == 'BoeA', "");
_Static_assert(sizeof(ACPI_METHOD_ARGUMENT) == 8 && sizeof(ACPI_METHOD_ARGUMENT_V2) == 12, "");
void f(PACPI_EVAL_INPUT_BUFFER_COMPLEX In, PACPI_EVAL_OUTPUT_BUFFER Out) {
  PACPI_METHOD_ARGUMENT A = In->Argument;
  ACPI_METHOD_SET_ARGUMENT_INTEGER(A, 1);
  A = ACPI_METHOD_NEXT_ARGUMENT(A);
  ACPI_METHOD_SET_ARGUMENT_BUFFER(A, Out, 4);
  ACPI_METHOD_SET_ARGUMENT_STRING(A, "x");
  (void)ACPI_METHOD_ARGUMENT_LENGTH(4);
}
#include <ws2ipdef.h>
_Static_assert(INET_ADDRSTRLEN == 22 && INET6_ADDRSTRLEN == 65, "");

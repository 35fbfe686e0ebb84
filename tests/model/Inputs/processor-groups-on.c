// processor-groups.c with NT_PROCESSOR_GROUPS defined, as a project that targets processor groups sets it.
#define NT_PROCESSOR_GROUPS
#include "processor-groups.c"

// Found only through the include directory helpers.c's own item adds.
#define VP_HELPERS_READY 1

// Compiled only as the sources file's free amd64 Windows 7 branch says.
#if !defined(W7_FREE) || defined(W7_CHECKED) || W7_TARGET != 7 || !defined(NDIS61_MINIPORT)
#error "not the free amd64 Windows 7 build of the sources file"
#endif
#if _WIN32_WINNT != 0x0601
#error "the build environment targets Windows 7"
#endif

NDIS_HANDLE W7AllocateWorkItem(NDIS_HANDLE AdapterHandle);

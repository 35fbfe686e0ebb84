// Found only through $(VpIncludeDir), a property of props/vp.props.
#ifndef VP_FROM_PROPS
#error "VP_FROM_PROPS must come from the ItemDefinitionGroup of props/vp.props"
#endif
#define VP_TAG 'prVn'
// The name of MiniportInitializeEx says which configuration was compiled.
#if defined(VP_RELEASE_X64) && defined(VP_RELEASE_64BIT) && !defined(VP_DEBUG) && !defined(VP_WIN32)
#define VpInitializeEx VpInitializeEx_Release_x64
#elif defined(VP_DEBUG) && defined(VP_WIN32) && !defined(VP_RELEASE_X64) && !defined(VP_RELEASE_64BIT)
#define VpInitializeEx VpInitializeEx_Debug_Win32
#elif defined(VP_DEBUG) && !defined(VP_WIN32) && !defined(VP_RELEASE_X64) && !defined(VP_RELEASE_64BIT)
#define VpInitializeEx VpInitializeEx_Debug_x64
#else
#error "a combination of configuration macros no condition produces"
#endif
MINIPORT_INITIALIZE VpInitializeEx;
MINIPORT_HALT VpHaltEx;
NDIS_HANDLE VpAllocateWorkItem(NDIS_HANDLE MiniportAdapterHandle);

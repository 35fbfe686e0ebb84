// WPP configuration as a traced driver writes it: the control GUID and its
// flags, and the trace functions in a comment block only tracewpp reads.
#define WPP_CONTROL_GUIDS \
    WPP_DEFINE_CONTROL_GUID(WpDriverTraceGuid, (7b1f5a0e, 3c1d, 4f8e, 9a6b, 1c2d3e4f5a6b), \
        WPP_DEFINE_BIT(TRACE_INIT) \
        WPP_DEFINE_BIT(TRACE_HALT) \
        )

#define WPP_LEVEL_FLAGS_LOGGER(lvl, flags) WPP_LEVEL_LOGGER(flags)
#define WPP_LEVEL_FLAGS_ENABLED(lvl, flags) \
    (WPP_LEVEL_ENABLED(flags) && WPP_CONTROL(WPP_BIT_ ## flags).Level >= lvl)

//
// begin_wpp config
// FUNC TraceEvents(LEVEL, FLAGS, MSG, ...);
// FUNC TraceInit{LEVEL=TRACE_LEVEL_INFORMATION, FLAGS=TRACE_INIT}(MSG, ...);
// end_wpp
//

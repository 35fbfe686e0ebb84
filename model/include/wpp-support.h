/*===- wpp-support.h - WPP tracing macros as no-ops ------------------------===*/
/* SPDX-License-Identifier: Apache-2.0                                        */
/*                                                                            */
/* Written for ndisv. A WPP-traced driver gets its tracing macros from the    */
/* .tmh files the WDK's tracewpp tool generates at build time; ndisv cannot   */
/* run it, and tracing never changes what a driver acquires or releases, so   */
/* the frontend force-includes this header into sources that use WPP (and     */
/* stands in an empty file for each missing .tmh). Every macro expands to     */
/* nothing, ignoring its arguments: the names they mention (trace flags,      */
/* levels, control GUIDs) are only ever declared by the generated code.       */
/* The trace functions a driver declares itself (FUNC lines in a begin_wpp    */
/* config comment, or WppTraceFunction in its project) are defined as no-ops  */
/* on the command line. A driver's own definition of any of these wins.       */
/*===----------------------------------------------------------------------===*/
#ifndef NDISV_MODEL_WPP_SUPPORT_H
#define NDISV_MODEL_WPP_SUPPORT_H

/* Control GUID configuration, normally consumed by the .tmh. */
#define WPP_CONTROL_GUIDS
#define WPP_DEFINE_CONTROL_GUID(...)
#define WPP_DEFINE_BIT(...)

/* Start and stop of tracing in DriverEntry / unload; the kernel-mode form
 * takes (DriverObject, RegistryPath), the user-mode one (AppName). */
#define WPP_INIT_TRACING(...) ((void)0)
#define WPP_CLEANUP(...) ((void)0)

/* Whether a flag or level is enabled, and the logger to trace to: tracing
 * is off, so no level is enabled and there is no logger. */
#define WPP_LEVEL_ENABLED(...) (0)
#define WPP_FLAG_ENABLED(...) (0)
#define WPP_LEVEL_LOGGER(...) (0)
#define WPP_FLAG_LOGGER(...) (0)
#define WPP_LEVEL_FLAGS_ENABLED(...) (0)
#define WPP_LEVEL_FLAGS_LOGGER(...) (0)

/* The default trace function of every WPP configuration. */
#define DoTraceMessage(...) ((void)0)
#define DoTraceLevelMessage(...) ((void)0)

/* In-flight recorder (WppRecorder.h) entry points drivers call directly. */
#define WppRecorderLogGetDefault() ((void *)0)
#define WppRecorderLogCreate(...) (0)
#define WppRecorderLogDelete(...) ((void)0)
#define WppRecorderConfigure(...) ((void)0)
#define WppRecorderDumpLiveDriverData(...) (0)

#endif

//===- ndisv/Model/Model.h - The NDIS model: API table and roles -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// Everything ndisv knows about NDIS as data: model/ndis-api.table (what each
// call does and how it can fail) and the role table (which typedefs and
// characteristics fields name the miniport's callbacks).
//===----------------------------------------------------------------------===//
#ifndef NDISV_MODEL_MODEL_H
#define NDISV_MODEL_MODEL_H

#include "ndisv/Engine/CallModel.h"
#include "ndisv/Frontend/Frontend.h"
#include "llvm/Support/Error.h"

namespace ndisv::model {

/// Parses the API table; errors read "FILE:LINE: message".
llvm::Expected<engine::CallModelTable> parseApiTable(llvm::StringRef Text, llvm::StringRef File);
llvm::Expected<engine::CallModelTable> loadApiTable(llvm::StringRef Path);

/// Role types and characteristics fields of NDIS 6 miniports.
RoleTable ndisRoleTable();

/// Names the harness and rules share.
inline constexpr const char *RoleDriverEntry = "DRIVER_INITIALIZE";
inline constexpr const char *RoleInitialize = "MINIPORT_INITIALIZE";
inline constexpr const char *RoleHalt = "MINIPORT_HALT";
inline constexpr const char *RoleRestart = "MINIPORT_RESTART";
inline constexpr const char *RolePause = "MINIPORT_PAUSE";
inline constexpr const char *RoleShutdown = "MINIPORT_SHUTDOWN";
inline constexpr const char *RoleOidRequest = "MINIPORT_OID_REQUEST";
inline constexpr const char *RoleSend = "MINIPORT_SEND_NET_BUFFER_LISTS";
inline constexpr const char *RoleReturn = "MINIPORT_RETURN_NET_BUFFER_LISTS";
inline constexpr const char *RoleCancelSend = "MINIPORT_CANCEL_SEND";
inline constexpr const char *RoleCancelOid = "MINIPORT_CANCEL_OID_REQUEST";
inline constexpr const char *RolePnpEvent = "MINIPORT_DEVICE_PNP_EVENT_NOTIFY";
inline constexpr const char *RoleIsr = "MINIPORT_ISR";
inline constexpr const char *RoleDpc = "MINIPORT_INTERRUPT_DPC";
/// Phases of the callbacks the driver handed NDIS and NDIS calls back.
inline constexpr const char *RoleTimer = "NDIS_TIMER_FUNCTION";
inline constexpr const char *RoleWorkItem = "NDIS_IO_WORKITEM_FUNCTION";
/// The call that makes a work item due: work items run while the adapter
/// runs, never after the halt (drivers wait for them in ways the model
/// does not see).
inline constexpr const char *QueueWorkItemCall = "NdisQueueIoWorkItem";
/// Not a callback but a phase: after MiniportHaltEx returned, the harness
/// runs the callbacks still due (a timer the halt left set).
inline constexpr const char *PhaseAfterHalt = "AFTER_HALT";
/// The roles the harness may run, in lifecycle order. Restart, pause and
/// shutdown run only when a selected rule watches them.
inline const std::vector<std::string> &harnessRoles() {
  static const std::vector<std::string> Roles = {RoleDriverEntry, RoleInitialize, RoleRestart,
                                                 RolePause,       RoleShutdown,   RoleHalt};
  return Roles;
}
/// The running adapter's callbacks, which the harness runs only for rules
/// that watch them (between the restart and the pause).
inline const std::vector<std::string> &callbackRoles() {
  static const std::vector<std::string> Roles = {
      RoleOidRequest, RoleSend, RoleReturn, RoleIsr,   RoleDpc,
      RoleTimer,      RoleWorkItem, RoleCancelSend, RoleCancelOid, RolePnpEvent};
  return Roles;
}
inline constexpr const char *SlotAdapterContext = "adapter-context";
inline constexpr const char *SlotDriverContext = "driver-context";
inline constexpr const char *SlotInterruptContext = "interrupt-context";

} // namespace ndisv::model

#endif

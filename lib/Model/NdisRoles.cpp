//===- NdisRoles.cpp - Which functions play which NDIS role -----------------===//
// SPDX-License-Identifier: Apache-2.0
//
// Role types are the documented MINIPORT_XXX function typedefs; the
// characteristics fields are those of NDIS_MINIPORT_DRIVER_CHARACTERISTICS.
//===----------------------------------------------------------------------===//
#include "ndisv/Model/Model.h"

using namespace ndisv;

RoleTable ndisv::model::ndisRoleTable() {
  RoleTable T;
  static const std::pair<const char *, const char *> Fields[] = {
      {"SetOptionsHandler", "SET_OPTIONS"},
      {"InitializeHandlerEx", "MINIPORT_INITIALIZE"},
      {"HaltHandlerEx", "MINIPORT_HALT"},
      {"UnloadHandler", "MINIPORT_UNLOAD"},
      {"PauseHandler", "MINIPORT_PAUSE"},
      {"RestartHandler", "MINIPORT_RESTART"},
      {"OidRequestHandler", "MINIPORT_OID_REQUEST"},
      {"SendNetBufferListsHandler", "MINIPORT_SEND_NET_BUFFER_LISTS"},
      {"ReturnNetBufferListsHandler", "MINIPORT_RETURN_NET_BUFFER_LISTS"},
      {"CancelSendHandler", "MINIPORT_CANCEL_SEND"},
      {"CheckForHangHandlerEx", "MINIPORT_CHECK_FOR_HANG"},
      {"ResetHandlerEx", "MINIPORT_RESET"},
      {"DevicePnPEventNotifyHandler", "MINIPORT_DEVICE_PNP_EVENT_NOTIFY"},
      {"ShutdownHandlerEx", "MINIPORT_SHUTDOWN"},
      {"CancelOidRequestHandler", "MINIPORT_CANCEL_OID_REQUEST"},
      {"DirectOidRequestHandler", "MINIPORT_DIRECT_OID_REQUEST"},
      {"CancelDirectOidRequestHandler", "MINIPORT_CANCEL_DIRECT_OID_REQUEST"},
  };
  for (auto &[Field, Role] : Fields) {
    T.HandlerFields[Field] = Role;
    T.RoleTypes.push_back(Role);
  }
  T.RoleTypes.push_back("DRIVER_INITIALIZE");
  // Callbacks registered elsewhere than the driver characteristics: found by
  // their role type declarations (MINIPORT_ISR MPIsr;). Timer functions and
  // work item routines are no roles: the harness runs the ones the driver
  // handed NDIS (model table's defer/arm), under the phases RoleTimer and
  // RoleWorkItem. MINIPORT_SYNCHRONIZE_INTERRUPT is no role either: NDIS runs
  // it inside the driver's own NdisMSynchronizeWithInterruptEx call (the
  // model table's call effect), so it is kept wherever its caller is.
  for (const char *R : {"MINIPORT_ISR", "MINIPORT_INTERRUPT_DPC", "MINIPORT_ENABLE_INTERRUPT",
                        "MINIPORT_DISABLE_INTERRUPT", "MINIPORT_PROCESS_SG_LIST",
                        "MINIPORT_ALLOCATE_SHARED_MEM_COMPLETE"})
    T.RoleTypes.push_back(R);
  T.CharacteristicsType = "NDIS_MINIPORT_DRIVER_CHARACTERISTICS";
  T.NamedRoles["DriverEntry"] = "DRIVER_INITIALIZE";
  return T;
}

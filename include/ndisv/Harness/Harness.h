//===- ndisv/Harness/Harness.h - The lifecycle as NDIS drives it -*- C++ -*-===//
// SPDX-License-Identifier: Apache-2.0
//
// DriverEntry -> MiniportInitializeEx -> (on NDIS_STATUS_SUCCESS) [restart,
// pause, or a shutdown path, when a rule watches them] ->
// MiniportHaltEx on the adapter context the driver registered, on every
// path the engine finds. Like SDV's sdv_main, but the adapter context comes
// from NdisMSetMiniportAttributes itself, so no annotation is needed.
//===----------------------------------------------------------------------===//
#ifndef NDISV_HARNESS_HARNESS_H
#define NDISV_HARNESS_HARNESS_H

#include "ndisv/Engine/Executor.h"
#include "ndisv/Program/DriverProgram.h"
#include "ndisv/Rules/RuleMonitor.h"

namespace ndisv {

struct HarnessResult {
  engine::ExecStats Stats;
  bool Exhausted = false;
  std::vector<std::string> UnknownCallees;
  std::vector<std::string> Notes; // e.g. "no MiniportHaltEx found: halt clauses not checked"
  bool RanInit = false, RanHalt = false;
  uint64_t DroppedPaths = 0; // DriverEntry paths past the harness's budget
};

HarnessResult runLifecycle(const DriverProgram &P, const engine::CallModelTable &Models,
                           rules::RuleMonitor &Monitor, const engine::Budget &B);

} // namespace ndisv

#endif

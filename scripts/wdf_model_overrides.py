# SPDX-License-Identifier: Apache-2.0
"""What scripts/gen-wdf-model cannot take from a KMDF page's syntax block.

The same tables as ndis_model_overrides.py, read by the same code
(ndis_model_decls.make_decl / build_decls). Each entry says which documented
facts it is written from.
"""

# Pages written after 2018 (no syntax block at SYNTAX_COMMIT) and pages whose
# block is not C as it stands. Each is written from the page's parameter
# list (names in order, types from the descriptions: "a handle to a framework
# timer object" is a WDFTIMER) and its Returns section (none: VOID).
DECLARATIONS = {
    "WdfSpinLockAcquire": "VOID WdfSpinLockAcquire(WDFSPINLOCK SpinLock);",
    "WdfSpinLockRelease": "VOID WdfSpinLockRelease(WDFSPINLOCK SpinLock);",
    "WdfWaitLockRelease": "VOID WdfWaitLockRelease(WDFWAITLOCK Lock);",
    # The 2018 blocks show the WdfFunctions table's pointer type
    # (PFN_WDFINTERRUPTACQUIRELOCK); the method takes the interrupt alone.
    "WdfInterruptAcquireLock": "VOID WdfInterruptAcquireLock(WDFINTERRUPT Interrupt);",
    "WdfInterruptReleaseLock": "VOID WdfInterruptReleaseLock(WDFINTERRUPT Interrupt);",
    "EVT_WDF_TIMER": "typedef VOID (EVT_WDF_TIMER)(WDFTIMER Timer);",
    "EVT_WDF_DPC": "typedef VOID (EVT_WDF_DPC)(WDFDPC Dpc);",
    "EVT_WDF_WORKITEM": "typedef VOID (EVT_WDF_WORKITEM)(WDFWORKITEM WorkItem);",
    "EVT_WDF_DEVICE_SHUTDOWN_NOTIFICATION":
        "typedef VOID (EVT_WDF_DEVICE_SHUTDOWN_NOTIFICATION)(WDFDEVICE Device);",
    # Parameters as EVT_WDF_DEVICE_D0_ENTRY / _D0_EXIT, whose variants they
    # are (the pages name Device and PreviousState / TargetState).
    "EVT_WDF_DEVICE_D0_ENTRY_POST_HARDWARE_ENABLED":
        "typedef NTSTATUS (EVT_WDF_DEVICE_D0_ENTRY_POST_HARDWARE_ENABLED)(WDFDEVICE Device, "
        "WDF_POWER_DEVICE_STATE PreviousState);",
    "EVT_WDF_DEVICE_D0_EXIT_PRE_HARDWARE_DISABLED":
        "typedef NTSTATUS (EVT_WDF_DEVICE_D0_EXIT_PRE_HARDWARE_DISABLED)(WDFDEVICE Device, "
        "WDF_POWER_DEVICE_STATE TargetState);",
    "WdfDeviceResumeIdleWithTag": "VOID WdfDeviceResumeIdleWithTag(WDFDEVICE Device, PVOID Tag);",
    "WdfDeviceSetDeviceInterfaceStateEx":
        "VOID WdfDeviceSetDeviceInterfaceStateEx(WDFDEVICE Device, CONST GUID *InterfaceClassGUID, "
        "PCUNICODE_STRING ReferenceString, BOOLEAN IsInterfaceEnabled);",
    # "returns TRUE if it successfully starts the DMA transfer".
    "EVT_WDF_PROGRAM_DMA":
        "typedef BOOLEAN (EVT_WDF_PROGRAM_DMA)(WDFDMATRANSACTION Transaction, WDFDEVICE Device, "
        "WDFCONTEXT Context, WDF_DMA_DIRECTION Direction, PSCATTER_GATHER_LIST SgList);",
    # Returns as WdfDriverOpenParametersRegistryKey, which the page refers to.
    "WdfDriverOpenPersistentStateRegistryKey":
        "NTSTATUS WdfDriverOpenPersistentStateRegistryKey(WDFDRIVER Driver, ACCESS_MASK DesiredAccess, "
        "PWDF_OBJECT_ATTRIBUTES KeyAttributes, WDFKEY *Key);",
    "EVT_WDF_DEVICE_FILTER_RESOURCE_REQUIREMENTS":
        "typedef NTSTATUS (EVT_WDF_DEVICE_FILTER_RESOURCE_REQUIREMENTS)(WDFDEVICE Device, "
        "WDFIORESREQLIST IoResourceRequirementsList);",
    "EVT_WDF_DEVICE_RESOURCES_QUERY":
        "typedef NTSTATUS (EVT_WDF_DEVICE_RESOURCES_QUERY)(WDFDEVICE Device, WDFCMRESLIST Resources);",
    "WdfPdoInitRemovePowerDependencyOnParent":
        "VOID WdfPdoInitRemovePowerDependencyOnParent(PWDFDEVICE_INIT DeviceInit);",
    "EVT_WDF_DEVICE_PROCESS_QUERY_INTERFACE_REQUEST":
        "typedef NTSTATUS (EVT_WDF_DEVICE_PROCESS_QUERY_INTERFACE_REQUEST)(WDFDEVICE Device, "
        "LPGUID InterfaceType, PINTERFACE ExposedInterface, PVOID ExposedInterfaceSpecificData);",
}

# Regular-expression fixes of blocks: name -> [(pattern, replacement)];
# "*" applies to every block.
FIXES = {
    "*": [
        # SAL annotations with arguments the model's sal.h does not take.
        (r"\b_Must_inspect_result_\s*", ""),
        # A few 2018 blocks show the hidden first parameter of the WDK's
        # WdfFunctions table entries; the documented method has none.
        (r"(_In_\s+)?PWDF_DRIVER_GLOBALS\s+\w+\s*,\s*", ""),
    ],
}

# Names the documented declarations use that have no page of their own:
# name -> (header, version, text). The WDF ones with no page are generated
# by rule instead (handle types, PFN_ pointers, PC const pointers: see
# gen-wdf-model); WDFOBJECT and WDFCONTEXT are not opaque handles.
SUPPORT = {
    # "a handle to a framework object" of any type: every WDFxxx handle
    # converts to it (WdfObjectDelete takes a WDFDEVICE, a WDFTIMER, ...).
    "WDFOBJECT": ("wdftypes.h", 600, "typedef HANDLE WDFOBJECT, *PWDFOBJECT;"),
    # The EvtXxx callbacks' driver-defined context: "a pointer to ...".
    "WDFCONTEXT": ("wdftypes.h", 600, "typedef PVOID WDFCONTEXT;"),
    # WDF_OBJECT_CONTEXT_TYPE_INFO.EvtDriverGetUniqueContextType, "for
    # internal use": a routine returning the type's unique information.
    "PFN_GET_UNIQUE_CONTEXT_TYPE": ("wdfobject.h", 600,
                                    "typedef PCWDF_OBJECT_CONTEXT_TYPE_INFO (*PFN_GET_UNIQUE_CONTEXT_TYPE)(VOID);"),
}

# Macros documented with a prototype and no body. The reference marks the
# context-type-info macros "reserved for internal use": wdf/context.h defines
# them with the documented WDF_DECLARE_CONTEXT_TYPE family, so the generated
# headers leave them to it.
MACRO_BODIES = {
    "WDF_GET_CONTEXT_TYPE_INFO": "",
    "WDF_TYPE_NAME_TO_TYPE_INFO": "",
    "WDF_TYPE_NAME_POINTER_TYPE": "",
}

# Documented defaults of a *_INIT function beyond zeroing and Size (its
# Remarks): init function -> [(member, value)].
INIT_DEFAULTS = {
    # "sets the ExecutionLevel and SynchronizationScope members to
    # WdfExecutionLevelInheritFromParent / WdfSynchronizationScopeInheritFromParent"
    "WDF_OBJECT_ATTRIBUTES_INIT": [("ExecutionLevel", "WdfExecutionLevelInheritFromParent"),
                                   ("SynchronizationScope",
                                    "WdfSynchronizationScopeInheritFromParent")],
}

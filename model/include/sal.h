// ndisv NDIS model: SAL annotations as empty macros. Written for ndisv from the documented API; not the WDK header.
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Every annotation expands to nothing. _Function_class_ stays a
// function-like macro on purpose: the ndisv frontend watches it expand.
#ifndef _In_
#define _In_
#endif
#ifndef _In_opt_
#define _In_opt_
#endif
#ifndef _Out_
#define _Out_
#endif
#ifndef _Out_opt_
#define _Out_opt_
#endif
#ifndef _Inout_
#define _Inout_
#endif
#ifndef _Inout_opt_
#define _Inout_opt_
#endif
#ifndef _Outptr_
#define _Outptr_
#endif
#ifndef _Outptr_result_maybenull_
#define _Outptr_result_maybenull_
#endif
#ifndef _Outptr_opt_
#define _Outptr_opt_
#endif
#ifndef _Outptr_opt_result_maybenull_
#define _Outptr_opt_result_maybenull_
#endif
#ifndef _Use_decl_annotations_
#define _Use_decl_annotations_
#endif
#ifndef _IRQL_saves_
#define _IRQL_saves_
#endif
#ifndef _IRQL_restores_
#define _IRQL_restores_
#endif
#ifndef _IRQL_requires_same_
#define _IRQL_requires_same_
#endif
#ifndef _IRQL_is_cancel_
#define _IRQL_is_cancel_
#endif
#ifndef _IRQL_uses_cancel_
#define _IRQL_uses_cancel_
#endif
#ifndef _Must_inspect_result_
#define _Must_inspect_result_
#endif
#ifndef _Check_return_
#define _Check_return_
#endif
#ifndef _Ret_maybenull_
#define _Ret_maybenull_
#endif
#ifndef _Ret_notnull_
#define _Ret_notnull_
#endif
#ifndef _Ret_z_
#define _Ret_z_
#endif
#ifndef _Post_maybenull_
#define _Post_maybenull_
#endif
#ifndef _Post_notnull_
#define _Post_notnull_
#endif
#ifndef _Interlocked_
#define _Interlocked_
#endif
#ifndef _Interlocked_operand_
#define _Interlocked_operand_
#endif
#ifndef _Printf_format_string_
#define _Printf_format_string_
#endif
#ifndef _Null_terminated_
#define _Null_terminated_
#endif
#ifndef _NullNull_terminated_
#define _NullNull_terminated_
#endif
#ifndef _Notnull_
#define _Notnull_
#endif
#ifndef _Maybenull_
#define _Maybenull_
#endif
#ifndef __drv_aliasesMem
#define __drv_aliasesMem
#endif
#ifndef __in
#define __in
#endif
#ifndef __out
#define __out
#endif
#ifndef __inout
#define __inout
#endif
#ifndef __in_opt
#define __in_opt
#endif
#ifndef __out_opt
#define __out_opt
#endif
#ifndef __inout_opt
#define __inout_opt
#endif
#ifndef _Frees_ptr_
#define _Frees_ptr_
#endif
#ifndef _Frees_ptr_opt_
#define _Frees_ptr_opt_
#endif
#ifndef _Pre_notnull_
#define _Pre_notnull_
#endif
#ifndef _Pre_maybenull_
#define _Pre_maybenull_
#endif
#ifndef _Pre_valid_
#define _Pre_valid_
#endif
#ifndef _Post_valid_
#define _Post_valid_
#endif
#ifndef _Post_invalid_
#define _Post_invalid_
#endif
#ifndef _Post_z_
#define _Post_z_
#endif
#ifndef _Reserved_
#define _Reserved_
#endif
#ifndef _Const_
#define _Const_
#endif
#ifndef _Strict_type_match_
#define _Strict_type_match_
#endif
#ifndef _Notliteral_
#define _Notliteral_
#endif
#ifndef _Literal_
#define _Literal_
#endif
#ifndef _Pre_defensive_
#define _Pre_defensive_
#endif
#ifndef _Post_defensive_
#define _Post_defensive_
#endif
#ifndef _No_competing_thread_
#define _No_competing_thread_
#endif
#ifndef _Benign_race_begin_
#define _Benign_race_begin_
#endif
#ifndef _Benign_race_end_
#define _Benign_race_end_
#endif
#ifndef _In_z_
#define _In_z_
#endif
#ifndef _In_opt_z_
#define _In_opt_z_
#endif
#ifndef _Inout_z_
#define _Inout_z_
#endif
#ifndef _Out_z_
#define _Out_z_
#endif
#ifndef _Field_z_
#define _Field_z_
#endif
#ifndef _Kernel_clear_do_init_
#define _Kernel_clear_do_init_(x)
#endif
#ifndef _Ret_
#define _Ret_
#endif
#ifndef _Result_nullonfailure_
#define _Result_nullonfailure_
#endif
#ifndef _Result_zeroonfailure_
#define _Result_zeroonfailure_
#endif
#ifndef _Outptr_result_nullonfailure_
#define _Outptr_result_nullonfailure_
#endif
#ifndef _Deref_out_
#define _Deref_out_
#endif
#ifndef _Deref_in_
#define _Deref_in_
#endif
#ifndef _Pre_z_
#define _Pre_z_
#endif
#ifndef _In_NLS_string_
#define _In_NLS_string_(x)
#endif
#ifndef __drv_functionClass
#define __drv_functionClass(x)
#endif
#ifndef __drv_preferredFunction
#define __drv_preferredFunction(a,b)
#endif
#ifndef _Kernel_float_saved_
#define _Kernel_float_saved_
#endif
#ifndef _Kernel_float_restored_
#define _Kernel_float_restored_
#endif
#ifndef _Kernel_float_used_
#define _Kernel_float_used_
#endif
#ifndef _Analysis_noreturn_
#define _Analysis_noreturn_
#endif
#ifndef _Pre_satisfies_
#define _Pre_satisfies_(x)
#endif
#ifndef _Post_satisfies_
#define _Post_satisfies_(x)
#endif
#ifndef __drv_allocatesMem
#define __drv_allocatesMem(x)
#endif
#ifndef __drv_freesMem
#define __drv_freesMem(x)
#endif
#ifndef __drv_requiresIRQL
#define __drv_requiresIRQL(x)
#endif
#ifndef __drv_maxIRQL
#define __drv_maxIRQL(x)
#endif
#ifndef __drv_minIRQL
#define __drv_minIRQL(x)
#endif
#ifndef __drv_dispatchType
#define __drv_dispatchType(x)
#endif
#ifndef __drv_setsIRQL
#define __drv_setsIRQL(x)
#endif
#ifndef __drv_raisesIRQL
#define __drv_raisesIRQL(x)
#endif
#ifndef __drv_savesIRQL
#define __drv_savesIRQL
#endif
#ifndef __drv_restoresIRQL
#define __drv_restoresIRQL
#endif
#ifndef __drv_savesIRQLGlobal
#define __drv_savesIRQLGlobal(a,b)
#endif
#ifndef __drv_restoresIRQLGlobal
#define __drv_restoresIRQLGlobal(a,b)
#endif
#ifndef __drv_sameIRQL
#define __drv_sameIRQL
#endif
#ifndef __drv_isCancelIRQL
#define __drv_isCancelIRQL
#endif
#ifndef __drv_useCancelIRQL
#define __drv_useCancelIRQL
#endif
#ifndef __drv_when
#define __drv_when(a,b)
#endif
#ifndef __drv_acquiresResource
#define __drv_acquiresResource(x)
#endif
#ifndef __drv_releasesResource
#define __drv_releasesResource(x)
#endif
#ifndef __drv_mustHold
#define __drv_mustHold(x)
#endif
#ifndef __drv_neverHold
#define __drv_neverHold(x)
#endif
#ifndef __drv_arg
#define __drv_arg(a,b)
#endif
#ifndef __drv_in
#define __drv_in(x)
#endif
#ifndef __drv_out
#define __drv_out(x)
#endif
#ifndef __drv_valueIs
#define __drv_valueIs(x)
#endif
#ifndef __drv_clearDoInit
#define __drv_clearDoInit(x)
#endif
#ifndef __drv_inTry
#define __drv_inTry
#endif
#ifndef __drv_notInTry
#define __drv_notInTry
#endif
#ifndef __drv_acquiresCancelSpinLock
#define __drv_acquiresCancelSpinLock
#endif
#ifndef __drv_releasesCancelSpinLock
#define __drv_releasesCancelSpinLock
#endif
#ifndef __drv_mustHoldCancelSpinLock
#define __drv_mustHoldCancelSpinLock
#endif
#ifndef __drv_neverHoldCancelSpinLock
#define __drv_neverHoldCancelSpinLock
#endif
#ifndef __drv_acquiresCriticalRegion
#define __drv_acquiresCriticalRegion
#endif
#ifndef __drv_releasesCriticalRegion
#define __drv_releasesCriticalRegion
#endif
#ifndef __drv_strictTypeMatch
#define __drv_strictTypeMatch(x)
#endif
#ifndef __drv_strictType
#define __drv_strictType(a,b)
#endif
#ifndef __drv_isObjectPointer
#define __drv_isObjectPointer
#endif
#ifndef __drv_reportError
#define __drv_reportError(x)
#endif
#ifndef __drv_interlocked
#define __drv_interlocked
#endif
#ifndef __drv_formatString
#define __drv_formatString(x)
#endif
#ifndef __drv_constant
#define __drv_constant
#endif
#ifndef __drv_nonConstant
#define __drv_nonConstant
#endif
#ifndef __drv_at
#define __drv_at(a,b)
#endif
#ifndef __drv_deref
#define __drv_deref(x)
#endif
#ifndef __drv_dispatchType_other
#define __drv_dispatchType_other
#endif
#ifndef __drv_requiresIRQLGlobal
#define __drv_requiresIRQLGlobal(a,b)
#endif
#ifndef __success
#define __success(x)
#endif
#ifndef __checkReturn
#define __checkReturn
#endif
#ifndef __bcount
#define __bcount(x)
#endif
#ifndef __ecount
#define __ecount(x)
#endif
#ifndef __in_bcount
#define __in_bcount(x)
#endif
#ifndef __in_ecount
#define __in_ecount(x)
#endif
#ifndef __out_bcount
#define __out_bcount(x)
#endif
#ifndef __out_ecount
#define __out_ecount(x)
#endif
#ifndef __inout_bcount
#define __inout_bcount(x)
#endif
#ifndef __inout_ecount
#define __inout_ecount(x)
#endif
#ifndef __deref_out
#define __deref_out
#endif
#ifndef __deref_out_opt
#define __deref_out_opt
#endif
#ifndef __reserved
#define __reserved
#endif
#ifndef __nullterminated
#define __nullterminated
#endif
#ifndef _In_reads_
#define _In_reads_(x)
#endif
#ifndef _In_reads_bytes_
#define _In_reads_bytes_(x)
#endif
#ifndef _In_reads_opt_
#define _In_reads_opt_(x)
#endif
#ifndef _In_reads_bytes_opt_
#define _In_reads_bytes_opt_(x)
#endif
#ifndef _In_reads_z_
#define _In_reads_z_(x)
#endif
#ifndef _In_reads_or_z_
#define _In_reads_or_z_(x)
#endif
#ifndef _Out_writes_
#define _Out_writes_(x)
#endif
#ifndef _Out_writes_bytes_
#define _Out_writes_bytes_(x)
#endif
#ifndef _Out_writes_bytes_all_
#define _Out_writes_bytes_all_(x)
#endif
#ifndef _Out_writes_all_
#define _Out_writes_all_(x)
#endif
#ifndef _Out_writes_to_
#define _Out_writes_to_(x,y)
#endif
#ifndef _Out_writes_bytes_to_
#define _Out_writes_bytes_to_(x,y)
#endif
#ifndef _Out_writes_opt_
#define _Out_writes_opt_(x)
#endif
#ifndef _Out_writes_bytes_opt_
#define _Out_writes_bytes_opt_(x)
#endif
#ifndef _Out_writes_z_
#define _Out_writes_z_(x)
#endif
#ifndef _Out_writes_bytes_to_opt_
#define _Out_writes_bytes_to_opt_(x,y)
#endif
#ifndef _Out_writes_to_opt_
#define _Out_writes_to_opt_(x,y)
#endif
#ifndef _Out_writes_bytes_all_opt_
#define _Out_writes_bytes_all_opt_(x)
#endif
#ifndef _Inout_updates_
#define _Inout_updates_(x)
#endif
#ifndef _Inout_updates_bytes_
#define _Inout_updates_bytes_(x)
#endif
#ifndef _Inout_updates_opt_
#define _Inout_updates_opt_(x)
#endif
#ifndef _Inout_updates_bytes_opt_
#define _Inout_updates_bytes_opt_(x)
#endif
#ifndef _Inout_updates_z_
#define _Inout_updates_z_(x)
#endif
#ifndef _Inout_updates_to_
#define _Inout_updates_to_(x,y)
#endif
#ifndef _Inout_updates_bytes_to_
#define _Inout_updates_bytes_to_(x,y)
#endif
#ifndef _Inout_updates_all_
#define _Inout_updates_all_(x)
#endif
#ifndef _Field_size_
#define _Field_size_(x)
#endif
#ifndef _Field_size_bytes_
#define _Field_size_bytes_(x)
#endif
#ifndef _Field_size_opt_
#define _Field_size_opt_(x)
#endif
#ifndef _Field_size_bytes_opt_
#define _Field_size_bytes_opt_(x)
#endif
#ifndef _Field_size_part_
#define _Field_size_part_(x,y)
#endif
#ifndef _Field_size_bytes_part_
#define _Field_size_bytes_part_(x,y)
#endif
#ifndef _Field_size_full_
#define _Field_size_full_(x)
#endif
#ifndef _Field_size_bytes_full_
#define _Field_size_bytes_full_(x)
#endif
#ifndef _Struct_size_bytes_
#define _Struct_size_bytes_(x)
#endif
#ifndef _Function_class_
#define _Function_class_(x)
#endif
#ifndef _IRQL_requires_
#define _IRQL_requires_(x)
#endif
#ifndef _IRQL_requires_max_
#define _IRQL_requires_max_(x)
#endif
#ifndef _IRQL_requires_min_
#define _IRQL_requires_min_(x)
#endif
#ifndef _IRQL_raises_
#define _IRQL_raises_(x)
#endif
#ifndef _IRQL_saves_global_
#define _IRQL_saves_global_(a,b)
#endif
#ifndef _IRQL_restores_global_
#define _IRQL_restores_global_(a,b)
#endif
#ifndef _IRQL_always_function_max_
#define _IRQL_always_function_max_(x)
#endif
#ifndef _IRQL_always_function_min_
#define _IRQL_always_function_min_(x)
#endif
#ifndef _IRQL_lowers_
#define _IRQL_lowers_(x)
#endif
#ifndef _When_
#define _When_(a,b)
#endif
#ifndef _Success_
#define _Success_(x)
#endif
#ifndef _Post_writable_byte_size_
#define _Post_writable_byte_size_(x)
#endif
#ifndef _Post_readable_byte_size_
#define _Post_readable_byte_size_(x)
#endif
#ifndef _Post_writable_size_
#define _Post_writable_size_(x)
#endif
#ifndef _Post_readable_size_
#define _Post_readable_size_(x)
#endif
#ifndef _At_
#define _At_(a,b)
#endif
#ifndef _At_buffer_
#define _At_buffer_(a,b,c,d)
#endif
#ifndef _Acquires_lock_
#define _Acquires_lock_(x)
#endif
#ifndef _Releases_lock_
#define _Releases_lock_(x)
#endif
#ifndef _Requires_lock_held_
#define _Requires_lock_held_(x)
#endif
#ifndef _Requires_lock_not_held_
#define _Requires_lock_not_held_(x)
#endif
#ifndef _Requires_no_locks_held_
#define _Requires_no_locks_held_
#endif
#ifndef _Requires_exclusive_lock_held_
#define _Requires_exclusive_lock_held_(x)
#endif
#ifndef _Requires_shared_lock_held_
#define _Requires_shared_lock_held_(x)
#endif
#ifndef _Guarded_by_
#define _Guarded_by_(x)
#endif
#ifndef _Write_guarded_by_
#define _Write_guarded_by_(x)
#endif
#ifndef _Dispatch_type_
#define _Dispatch_type_(x)
#endif
#ifndef _Kernel_requires_resource_held_
#define _Kernel_requires_resource_held_(x)
#endif
#ifndef _Kernel_requires_resource_not_held_
#define _Kernel_requires_resource_not_held_(x)
#endif
#ifndef _Kernel_acquires_resource_
#define _Kernel_acquires_resource_(x)
#endif
#ifndef _Kernel_releases_resource_
#define _Kernel_releases_resource_(x)
#endif
#ifndef _Analysis_assume_
#define _Analysis_assume_(x)
#endif
#ifndef _Analysis_assume_lock_held_
#define _Analysis_assume_lock_held_(x)
#endif
#ifndef _Analysis_assume_lock_not_held_
#define _Analysis_assume_lock_not_held_(x)
#endif
#ifndef _Writable_bytes_
#define _Writable_bytes_(x)
#endif
#ifndef _Writable_elements_
#define _Writable_elements_(x)
#endif
#ifndef _Readable_bytes_
#define _Readable_bytes_(x)
#endif
#ifndef _Readable_elements_
#define _Readable_elements_(x)
#endif
#ifndef _Outptr_result_bytebuffer_
#define _Outptr_result_bytebuffer_(x)
#endif
#ifndef _Outptr_result_buffer_
#define _Outptr_result_buffer_(x)
#endif
#ifndef _Outptr_result_bytebuffer_maybenull_
#define _Outptr_result_bytebuffer_maybenull_(x)
#endif
#ifndef _Outptr_result_buffer_maybenull_
#define _Outptr_result_buffer_maybenull_(x)
#endif
#ifndef _Outptr_opt_result_bytebuffer_
#define _Outptr_opt_result_bytebuffer_(x)
#endif
#ifndef _Ret_range_
#define _Ret_range_(a,b)
#endif
#ifndef _In_range_
#define _In_range_(a,b)
#endif
#ifndef _Out_range_
#define _Out_range_(a,b)
#endif
#ifndef _Deref_out_range_
#define _Deref_out_range_(a,b)
#endif
#ifndef _Field_range_
#define _Field_range_(a,b)
#endif
#ifndef _Deref_in_range_
#define _Deref_in_range_(a,b)
#endif
#ifndef _Deref_inout_range_
#define _Deref_inout_range_(a,b)
#endif
#ifndef _Inout_range_
#define _Inout_range_(a,b)
#endif
#ifndef _Post_equal_to_
#define _Post_equal_to_(x)
#endif
#ifndef _Ret_writes_bytes_maybenull_
#define _Ret_writes_bytes_maybenull_(x)
#endif
#ifndef _Ret_writes_maybenull_
#define _Ret_writes_maybenull_(x)
#endif
#ifndef _Ret_writes_bytes_
#define _Ret_writes_bytes_(x)
#endif
#ifndef _Ret_writes_
#define _Ret_writes_(x)
#endif
#ifndef _Ret_writes_bytes_to_
#define _Ret_writes_bytes_to_(x,y)
#endif
#ifndef _Inexpressible_
#define _Inexpressible_(x)
#endif
#ifndef _Releases_exclusive_lock_
#define _Releases_exclusive_lock_(x)
#endif
#ifndef _Acquires_exclusive_lock_
#define _Acquires_exclusive_lock_(x)
#endif
#ifndef _Acquires_shared_lock_
#define _Acquires_shared_lock_(x)
#endif
#ifndef _Releases_shared_lock_
#define _Releases_shared_lock_(x)
#endif
#ifndef _Acquires_nonreentrant_lock_
#define _Acquires_nonreentrant_lock_(x)
#endif
#ifndef _Releases_nonreentrant_lock_
#define _Releases_nonreentrant_lock_(x)
#endif
#ifndef _Has_lock_kind_
#define _Has_lock_kind_(x)
#endif
#ifndef _Has_lock_level_
#define _Has_lock_level_(x)
#endif
#ifndef _Lock_level_order_
#define _Lock_level_order_(a,b)
#endif
#ifndef _Create_lock_level_
#define _Create_lock_level_(x)
#endif
#ifndef _Function_ignore_lock_checking_
#define _Function_ignore_lock_checking_(x)
#endif
#ifndef _Post_same_lock_
#define _Post_same_lock_(a,b)
#endif
#ifndef _Internal_set_lock_count_
#define _Internal_set_lock_count_(a,b)
#endif
#ifndef _Always_
#define _Always_(x)
#endif
#ifndef _On_failure_
#define _On_failure_(x)
#endif
#ifndef _Return_type_success_
#define _Return_type_success_(x)
#endif
#ifndef _Points_to_data_
#define _Points_to_data_
#endif
#ifndef _Kernel_IoGetDmaAdapter_
#define _Kernel_IoGetDmaAdapter_
#endif
#ifndef _Pre_equal_to_
#define _Pre_equal_to_(x)
#endif
#ifndef _Unchanged_
#define _Unchanged_(x)
#endif
#ifndef _Old_
#define _Old_(x)
#endif
#ifndef _Param_
#define _Param_(x)
#endif
#ifndef _Pre_readable_size_
#define _Pre_readable_size_(x)
#endif
#ifndef _Pre_writable_size_
#define _Pre_writable_size_(x)
#endif
#ifndef _Pre_readable_byte_size_
#define _Pre_readable_byte_size_(x)
#endif
#ifndef _Pre_writable_byte_size_
#define _Pre_writable_byte_size_(x)
#endif
#ifndef _Pre_null_
#define _Pre_null_
#endif
#ifndef _Post_null_
#define _Post_null_
#endif
#ifndef _Ret_null_
#define _Ret_null_
#endif
#ifndef _Deref_pre_z_
#define _Deref_pre_z_
#endif
#ifndef _Deref_post_z_
#define _Deref_post_z_
#endif
#ifndef _Prepost_z_
#define _Prepost_z_
#endif
#ifndef _In_reads_to_ptr_
#define _In_reads_to_ptr_(x)
#endif
#ifndef _Out_writes_to_ptr_
#define _Out_writes_to_ptr_(x)
#endif
#ifndef _Outptr_result_z_
#define _Outptr_result_z_
#endif
#ifndef _Outptr_opt_result_z_
#define _Outptr_opt_result_z_
#endif
#ifndef _Outptr_result_maybenull_z_
#define _Outptr_result_maybenull_z_
#endif
#ifndef _COM_Outptr_
#define _COM_Outptr_
#endif
#ifndef _COM_Outptr_opt_
#define _COM_Outptr_opt_
#endif
#ifndef _Out_writes_bytes_to_ptr_
#define _Out_writes_bytes_to_ptr_(x)
#endif
#ifndef _Enum_is_bitflag_
#define _Enum_is_bitflag_
#endif
#ifndef _Maybe_raises_SEH_exception_
#define _Maybe_raises_SEH_exception_
#endif
#ifndef _Raises_SEH_exception_
#define _Raises_SEH_exception_
#endif
#ifndef _Use_decl_anno_impl_
#define _Use_decl_anno_impl_
#endif
// Bare pre/post condition markers and the analysis-mode declaration
// (`_Analysis_mode_(_Analysis_code_type_kernel_driver_);` at file scope).
#ifndef _Pre_
#define _Pre_
#endif
#ifndef _Post_
#define _Post_
#endif
#ifndef _Analysis_mode_
#define _Analysis_mode_(x)
#endif
#ifndef __fallthrough
#define __fallthrough
#endif

// Legacy (SAL 1) buffer annotations, as empty one-argument macros: _In_ and
// _Inout_ buffers with an element or byte count, _Out_ and _Inout_ buffers
// with a capacity, each also _opt_ and _z_, a constant (_c_) or expression
// (_x_) size. The SAL documentation lists them as the older spellings of
// _In_reads_, _Out_writes_ and their kin.
#ifndef _In_count_
#define _In_count_(size)
#endif
#ifndef _In_count_c_
#define _In_count_c_(size)
#endif
#ifndef _In_count_x_
#define _In_count_x_(size)
#endif
#ifndef _In_bytecount_
#define _In_bytecount_(size)
#endif
#ifndef _In_bytecount_c_
#define _In_bytecount_c_(size)
#endif
#ifndef _In_bytecount_x_
#define _In_bytecount_x_(size)
#endif
#ifndef _In_opt_count_
#define _In_opt_count_(size)
#endif
#ifndef _In_opt_count_c_
#define _In_opt_count_c_(size)
#endif
#ifndef _In_opt_count_x_
#define _In_opt_count_x_(size)
#endif
#ifndef _In_opt_bytecount_
#define _In_opt_bytecount_(size)
#endif
#ifndef _In_opt_bytecount_c_
#define _In_opt_bytecount_c_(size)
#endif
#ifndef _In_opt_bytecount_x_
#define _In_opt_bytecount_x_(size)
#endif
#ifndef _In_z_count_
#define _In_z_count_(size)
#endif
#ifndef _In_z_count_c_
#define _In_z_count_c_(size)
#endif
#ifndef _In_z_count_x_
#define _In_z_count_x_(size)
#endif
#ifndef _In_z_bytecount_
#define _In_z_bytecount_(size)
#endif
#ifndef _In_z_bytecount_c_
#define _In_z_bytecount_c_(size)
#endif
#ifndef _In_z_bytecount_x_
#define _In_z_bytecount_x_(size)
#endif
#ifndef _In_opt_z_count_
#define _In_opt_z_count_(size)
#endif
#ifndef _In_opt_z_count_c_
#define _In_opt_z_count_c_(size)
#endif
#ifndef _In_opt_z_count_x_
#define _In_opt_z_count_x_(size)
#endif
#ifndef _In_opt_z_bytecount_
#define _In_opt_z_bytecount_(size)
#endif
#ifndef _In_opt_z_bytecount_c_
#define _In_opt_z_bytecount_c_(size)
#endif
#ifndef _In_opt_z_bytecount_x_
#define _In_opt_z_bytecount_x_(size)
#endif
#ifndef _Out_cap_
#define _Out_cap_(size)
#endif
#ifndef _Out_cap_c_
#define _Out_cap_c_(size)
#endif
#ifndef _Out_cap_x_
#define _Out_cap_x_(size)
#endif
#ifndef _Out_bytecap_
#define _Out_bytecap_(size)
#endif
#ifndef _Out_bytecap_c_
#define _Out_bytecap_c_(size)
#endif
#ifndef _Out_bytecap_x_
#define _Out_bytecap_x_(size)
#endif
#ifndef _Out_opt_cap_
#define _Out_opt_cap_(size)
#endif
#ifndef _Out_opt_cap_c_
#define _Out_opt_cap_c_(size)
#endif
#ifndef _Out_opt_cap_x_
#define _Out_opt_cap_x_(size)
#endif
#ifndef _Out_opt_bytecap_
#define _Out_opt_bytecap_(size)
#endif
#ifndef _Out_opt_bytecap_c_
#define _Out_opt_bytecap_c_(size)
#endif
#ifndef _Out_opt_bytecap_x_
#define _Out_opt_bytecap_x_(size)
#endif
#ifndef _Out_z_cap_
#define _Out_z_cap_(size)
#endif
#ifndef _Out_z_cap_c_
#define _Out_z_cap_c_(size)
#endif
#ifndef _Out_z_cap_x_
#define _Out_z_cap_x_(size)
#endif
#ifndef _Out_z_bytecap_
#define _Out_z_bytecap_(size)
#endif
#ifndef _Out_z_bytecap_c_
#define _Out_z_bytecap_c_(size)
#endif
#ifndef _Out_z_bytecap_x_
#define _Out_z_bytecap_x_(size)
#endif
#ifndef _Out_opt_z_cap_
#define _Out_opt_z_cap_(size)
#endif
#ifndef _Out_opt_z_cap_c_
#define _Out_opt_z_cap_c_(size)
#endif
#ifndef _Out_opt_z_cap_x_
#define _Out_opt_z_cap_x_(size)
#endif
#ifndef _Out_opt_z_bytecap_
#define _Out_opt_z_bytecap_(size)
#endif
#ifndef _Out_opt_z_bytecap_c_
#define _Out_opt_z_bytecap_c_(size)
#endif
#ifndef _Out_opt_z_bytecap_x_
#define _Out_opt_z_bytecap_x_(size)
#endif
#ifndef _Inout_count_
#define _Inout_count_(size)
#endif
#ifndef _Inout_count_c_
#define _Inout_count_c_(size)
#endif
#ifndef _Inout_count_x_
#define _Inout_count_x_(size)
#endif
#ifndef _Inout_bytecount_
#define _Inout_bytecount_(size)
#endif
#ifndef _Inout_bytecount_c_
#define _Inout_bytecount_c_(size)
#endif
#ifndef _Inout_bytecount_x_
#define _Inout_bytecount_x_(size)
#endif
#ifndef _Inout_cap_
#define _Inout_cap_(size)
#endif
#ifndef _Inout_cap_c_
#define _Inout_cap_c_(size)
#endif
#ifndef _Inout_cap_x_
#define _Inout_cap_x_(size)
#endif
#ifndef _Inout_bytecap_
#define _Inout_bytecap_(size)
#endif
#ifndef _Inout_bytecap_c_
#define _Inout_bytecap_c_(size)
#endif
#ifndef _Inout_bytecap_x_
#define _Inout_bytecap_x_(size)
#endif
#ifndef _Inout_opt_count_
#define _Inout_opt_count_(size)
#endif
#ifndef _Inout_opt_count_c_
#define _Inout_opt_count_c_(size)
#endif
#ifndef _Inout_opt_count_x_
#define _Inout_opt_count_x_(size)
#endif
#ifndef _Inout_opt_bytecount_
#define _Inout_opt_bytecount_(size)
#endif
#ifndef _Inout_opt_bytecount_c_
#define _Inout_opt_bytecount_c_(size)
#endif
#ifndef _Inout_opt_bytecount_x_
#define _Inout_opt_bytecount_x_(size)
#endif
#ifndef _Inout_opt_cap_
#define _Inout_opt_cap_(size)
#endif
#ifndef _Inout_opt_cap_c_
#define _Inout_opt_cap_c_(size)
#endif
#ifndef _Inout_opt_cap_x_
#define _Inout_opt_cap_x_(size)
#endif
#ifndef _Inout_opt_bytecap_
#define _Inout_opt_bytecap_(size)
#endif
#ifndef _Inout_opt_bytecap_c_
#define _Inout_opt_bytecap_c_(size)
#endif
#ifndef _Inout_opt_bytecap_x_
#define _Inout_opt_bytecap_x_(size)
#endif
#ifndef _Inout_z_count_
#define _Inout_z_count_(size)
#endif
#ifndef _Inout_z_count_c_
#define _Inout_z_count_c_(size)
#endif
#ifndef _Inout_z_count_x_
#define _Inout_z_count_x_(size)
#endif
#ifndef _Inout_z_bytecount_
#define _Inout_z_bytecount_(size)
#endif
#ifndef _Inout_z_bytecount_c_
#define _Inout_z_bytecount_c_(size)
#endif
#ifndef _Inout_z_bytecount_x_
#define _Inout_z_bytecount_x_(size)
#endif
#ifndef _Inout_z_cap_
#define _Inout_z_cap_(size)
#endif
#ifndef _Inout_z_cap_c_
#define _Inout_z_cap_c_(size)
#endif
#ifndef _Inout_z_cap_x_
#define _Inout_z_cap_x_(size)
#endif
#ifndef _Inout_z_bytecap_
#define _Inout_z_bytecap_(size)
#endif
#ifndef _Inout_z_bytecap_c_
#define _Inout_z_bytecap_c_(size)
#endif
#ifndef _Inout_z_bytecap_x_
#define _Inout_z_bytecap_x_(size)
#endif
#ifndef _Inout_opt_z_count_
#define _Inout_opt_z_count_(size)
#endif
#ifndef _Inout_opt_z_count_c_
#define _Inout_opt_z_count_c_(size)
#endif
#ifndef _Inout_opt_z_count_x_
#define _Inout_opt_z_count_x_(size)
#endif
#ifndef _Inout_opt_z_bytecount_
#define _Inout_opt_z_bytecount_(size)
#endif
#ifndef _Inout_opt_z_bytecount_c_
#define _Inout_opt_z_bytecount_c_(size)
#endif
#ifndef _Inout_opt_z_bytecount_x_
#define _Inout_opt_z_bytecount_x_(size)
#endif
#ifndef _Inout_opt_z_cap_
#define _Inout_opt_z_cap_(size)
#endif
#ifndef _Inout_opt_z_cap_c_
#define _Inout_opt_z_cap_c_(size)
#endif
#ifndef _Inout_opt_z_cap_x_
#define _Inout_opt_z_cap_x_(size)
#endif
#ifndef _Inout_opt_z_bytecap_
#define _Inout_opt_z_bytecap_(size)
#endif
#ifndef _Inout_opt_z_bytecap_c_
#define _Inout_opt_z_bytecap_c_(size)
#endif
#ifndef _Inout_opt_z_bytecap_x_
#define _Inout_opt_z_bytecap_x_(size)
#endif


// The rest of the SAL 1 and legacy driver annotations, in the files the WDK
// keeps them in.
#include <specstrings.h>
#include <driverspecs.h>

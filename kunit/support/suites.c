// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the C++ support library (lib/kcxx).  The cases are C++,
 * in the *_test.cpp files next to this one.  They need no test bench, so
 * they also run on a board: insmod socmmu_core, socmmu_kunit, then this.
 * The typed-register suite needs emulated MMIO and lives with the bench.
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "support_tests.h"

static struct kunit_case result_cases[] = {
	KUNIT_CASE(result_holds_value),
	KUNIT_CASE(result_holds_error),
	KUNIT_CASE(result_try_propagates_error),
	KUNIT_CASE(result_try_yields_value),
	KUNIT_CASE(result_from_errno),
	KUNIT_CASE(result_err_ptr_round_trip),
	KUNIT_CASE(result_owns_move_only_value),
	{}
};

static struct kunit_suite result_suite = {
	.name = "kcxx_result",
	.test_cases = result_cases,
};

static struct kunit_case owner_cases[] = {
	KUNIT_CASE(owner_constructs_and_destroys),
	KUNIT_CASE(owner_release_and_reset),
	KUNIT_CASE(owner_move_transfers),
	KUNIT_CASE(owner_deletes_through_base),
	KUNIT_CASE(owner_atomic_allocation),
	KUNIT_CASE(owned_array_zeroed_and_sized),
	KUNIT_CASE(owned_array_rejects_impossible_sizes),
	{}
};

static struct kunit_suite owner_suite = {
	.name = "kcxx_owner",
	.test_cases = owner_cases,
};

static struct kunit_case runtime_cases[] = {
	KUNIT_CASE(runtime_new_nothrow_constructs),
	KUNIT_CASE(runtime_new_array_constructs_each),
	KUNIT_CASE(runtime_new_nothrow_fails_cleanly),
	KUNIT_CASE(runtime_virtual_dispatch_and_delete),
	{}
};

static struct kunit_suite runtime_suite = {
	.name = "kcxx_runtime",
	.test_cases = runtime_cases,
};

static struct kunit_case bits_cases[] = {
	KUNIT_CASE(bits_genmask_and_bit),
	KUNIT_CASE(bits_field_get_and_insert),
	KUNIT_CASE(bits_alignment),
	KUNIT_CASE(bits_log2_and_ctz),
	KUNIT_CASE(bits_range_overflow),
	KUNIT_CASE(bits_64bit_division),
	KUNIT_CASE(bits_address_field),
	KUNIT_CASE(bits_disjoint_masks),
	{}
};

static struct kunit_suite bits_suite = {
	.name = "kcxx_bits",
	.test_cases = bits_cases,
};

static struct kunit_case lock_cases[] = {
	KUNIT_CASE(lock_spin_guard_holds_lock),
	KUNIT_CASE(lock_irqsave_guard_masks_irqs),
	KUNIT_CASE(lock_mutex_guard_and_trylock),
	KUNIT_CASE(lock_locked_data_only_under_lock),
	KUNIT_CASE(lock_class_per_init_site),
	KUNIT_CASE(lock_nesting_two_classes),
	KUNIT_CASE(lock_percpu_local_irqsave),
	{}
};

static struct kunit_suite lock_suite = {
	.name = "kcxx_lock",
	.test_cases = lock_cases,
};

kunit_test_suites(&result_suite, &owner_suite, &runtime_suite, &bits_suite,
		  &lock_suite);

MODULE_DESCRIPTION("KUnit suites for the socmmu C++ support library");
MODULE_LICENSE("GPL");

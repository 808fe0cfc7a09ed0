/* SPDX-License-Identifier: GPL-2.0 */
/* The C++ cases of the support-library suites; tables in suites.c. */
#ifndef SOCMMU_SUPPORT_TESTS_H
#define SOCMMU_SUPPORT_TESTS_H

#include <shim/base.h>

struct kunit;

KX_BEGIN_DECLS

void result_holds_value(struct kunit *test);
void result_holds_error(struct kunit *test);
void result_try_propagates_error(struct kunit *test);
void result_try_yields_value(struct kunit *test);
void result_from_errno(struct kunit *test);
void result_err_ptr_round_trip(struct kunit *test);
void result_owns_move_only_value(struct kunit *test);

void owner_constructs_and_destroys(struct kunit *test);
void owner_release_and_reset(struct kunit *test);
void owner_move_transfers(struct kunit *test);
void owner_deletes_through_base(struct kunit *test);
void owner_atomic_allocation(struct kunit *test);
void owned_array_zeroed_and_sized(struct kunit *test);
void owned_array_rejects_impossible_sizes(struct kunit *test);

void runtime_new_nothrow_constructs(struct kunit *test);
void runtime_new_array_constructs_each(struct kunit *test);
void runtime_new_nothrow_fails_cleanly(struct kunit *test);
void runtime_virtual_dispatch_and_delete(struct kunit *test);

void bits_genmask_and_bit(struct kunit *test);
void bits_field_get_and_insert(struct kunit *test);
void bits_alignment(struct kunit *test);
void bits_log2_and_ctz(struct kunit *test);
void bits_range_overflow(struct kunit *test);
void bits_64bit_division(struct kunit *test);
void bits_address_field(struct kunit *test);
void bits_disjoint_masks(struct kunit *test);

void lock_spin_guard_holds_lock(struct kunit *test);
void lock_irqsave_guard_masks_irqs(struct kunit *test);
void lock_mutex_guard_and_trylock(struct kunit *test);
void lock_locked_data_only_under_lock(struct kunit *test);
void lock_class_per_init_site(struct kunit *test);
void lock_nesting_two_classes(struct kunit *test);
void lock_percpu_local_irqsave(struct kunit *test);

KX_END_DECLS

#endif

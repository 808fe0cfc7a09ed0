/* SPDX-License-Identifier: GPL-2.0 */
/* The IOVA allocator's C++ cases; the table is in iova_suites.c. */
#ifndef SOCMMU_IOVA_TESTS_H
#define SOCMMU_IOVA_TESTS_H

#include <shim/base.h>

struct kunit;

KX_BEGIN_DECLS

void iova_create_rejects_bad_windows(struct kunit *test);
void iova_rounded_size(struct kunit *test);
void iova_window_and_limit(struct kunit *test);
void iova_pow2_alignment(struct kunit *test);
void iova_non_pow2_alignment(struct kunit *test);
void iova_asked_alignment(struct kunit *test);
void iova_lowest_fit(struct kunit *test);
void iova_reserve(struct kunit *test);
void iova_coalesce_scrambled(struct kunit *test);
void iova_exhaustion(struct kunit *test);
void iova_cache_hits_and_limit(struct kunit *test);
void iova_exhaustion_flushes_caches(struct kunit *test);
void iova_random_ops_height_and_overlap(struct kunit *test);
void iova_atomic_context(struct kunit *test);
void iova_bad_free_counted(struct kunit *test);
void iova_node_alloc_failure_keeps_state(struct kunit *test);

void iova_tree_orders_mask(struct kunit *test);
void iova_tree_stays_balanced(struct kunit *test);
void iova_tree_finds_lowest(struct kunit *test);

KX_END_DECLS

#endif

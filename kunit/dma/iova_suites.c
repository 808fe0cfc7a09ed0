// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the DMA layer's IOVA allocator (dma/iova_allocator.h)
 * and its free-range tree (dma/free_range_tree.h).  The cases are C++
 * (iova_test.cpp) and compile the allocator from its header, as the DMA
 * layer does.  They need nothing but the support library, so they build
 * for the boards too.
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "iova_tests.h"

static struct kunit_case iova_cases[] = {
	KUNIT_CASE(iova_create_rejects_bad_windows),
	KUNIT_CASE(iova_rounded_size),
	KUNIT_CASE(iova_window_and_limit),
	KUNIT_CASE(iova_pow2_alignment),
	KUNIT_CASE(iova_non_pow2_alignment),
	KUNIT_CASE(iova_asked_alignment),
	KUNIT_CASE(iova_lowest_fit),
	KUNIT_CASE(iova_reserve),
	KUNIT_CASE(iova_coalesce_scrambled),
	KUNIT_CASE(iova_exhaustion),
	KUNIT_CASE(iova_cache_hits_and_limit),
	KUNIT_CASE(iova_exhaustion_flushes_caches),
	KUNIT_CASE(iova_random_ops_height_and_overlap),
	KUNIT_CASE(iova_atomic_context),
	KUNIT_CASE(iova_bad_free_counted),
	KUNIT_CASE(iova_node_alloc_failure_keeps_state),
	{}
};

static struct kunit_suite iova_suite = {
	.name = "socmmu_iova",
	.test_cases = iova_cases,
};

static struct kunit_case iova_tree_cases[] = {
	KUNIT_CASE(iova_tree_orders_mask),
	KUNIT_CASE(iova_tree_stays_balanced),
	KUNIT_CASE(iova_tree_finds_lowest),
	{}
};

static struct kunit_suite iova_tree_suite = {
	.name = "socmmu_iova_tree",
	.test_cases = iova_tree_cases,
};

kunit_test_suites(&iova_suite, &iova_tree_suite);

MODULE_DESCRIPTION("KUnit suites for the socmmu IOVA allocator");
MODULE_LICENSE("GPL");

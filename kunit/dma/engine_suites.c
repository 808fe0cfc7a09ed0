// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the DMA layer's C++ side, on the layer's own code:
 * socmmu_dma exports the entry points its shims call to KUnit suites
 * (EXPORT_SYMBOL_IF_KUNIT, dma/dma_test_exports.c), so this module loads
 * after it.  The engine runs over a recording backend and scatterlists of
 * the test's own (engine_test.cpp); the rules (rules_test.cpp) and the
 * device registry (registry_test.cpp) need nothing else.  No model: they
 * build for the boards too.
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "engine_tests.h"

static struct kunit_case engine_cases[] = {
	KUNIT_CASE(engine_sg_merges_within_limits),
	KUNIT_CASE(engine_sg_unaligned_entries),
	KUNIT_CASE(engine_sg_one_map_per_run),
	KUNIT_CASE(engine_sg_one_map_sg_call),
	KUNIT_CASE(engine_sg_map_runs_one_walk),
	KUNIT_CASE(engine_sg_run_log_limits),
	KUNIT_CASE(engine_map_runs_failure_unwinds),
	KUNIT_CASE(engine_sg_padding_holes),
	KUNIT_CASE(engine_sg_boundary_no_straddle),
	KUNIT_CASE(engine_single_boundary_and_size_alignment),
	KUNIT_CASE(engine_sg_unmap_from_segments),
	KUNIT_CASE(engine_map_failure_unwinds),
	KUNIT_CASE(engine_map_phys_offsets),
	KUNIT_CASE(engine_strict_and_deferred),
	KUNIT_CASE(engine_rejects_bad_chunks),
	KUNIT_CASE(engine_prot_reaches_iommu),
	KUNIT_CASE(engine_pages_coalesce_runs),
	KUNIT_CASE(engine_mask_limits),
	KUNIT_CASE(engine_cache_sync_policy),
	KUNIT_CASE(engine_limits_and_hints),
	KUNIT_CASE(engine_deferred_needs_flush_all),
	KUNIT_CASE(engine_buffers_by_iova),
	KUNIT_CASE(engine_range_pool_size_aligned),
	{}
};

static struct kunit_suite engine_suite = {
	.name = "socmmu_dma_engine",
	.test_cases = engine_cases,
};

static struct kunit_case rules_cases[] = {
	KUNIT_CASE(rules_prot),
	KUNIT_CASE(rules_granule),
	KUNIT_CASE(rules_window_sources),
	KUNIT_CASE(rules_window_checked),
	KUNIT_CASE(rules_page_plan_orders),
	KUNIT_CASE(rules_page_plan_fallback),
	KUNIT_CASE(rules_page_plan_attrs),
	KUNIT_CASE(rules_fixed_area),
	KUNIT_CASE(rules_declared_offset),
	KUNIT_CASE(rules_removal_order),
	{}
};

static struct kunit_suite rules_suite = {
	.name = "socmmu_dma_rules",
	.test_cases = rules_cases,
};

static struct kunit_case registry_cases[] = {
	KUNIT_CASE(registry_devices),
	{}
};

static struct kunit_suite registry_suite = {
	.name = "socmmu_dma_registry",
	.test_cases = registry_cases,
};

kunit_test_suites(&engine_suite, &rules_suite, &registry_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_DESCRIPTION("KUnit suites for the socmmu DMA layer's engine, rules and registries");
MODULE_LICENSE("GPL");

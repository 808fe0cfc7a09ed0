/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DMA layer's C++ cases on its own code (engine_test.cpp,
 * rules_test.cpp, registry_test.cpp); the tables are in engine_suites.c.
 */
#ifndef SOCMMU_KUNIT_ENGINE_TESTS_H
#define SOCMMU_KUNIT_ENGINE_TESTS_H

#include <shim/base.h>

struct kunit;

KX_BEGIN_DECLS

void engine_sg_merges_within_limits(struct kunit *test) KX_NOEXCEPT;
void engine_sg_unaligned_entries(struct kunit *test) KX_NOEXCEPT;
void engine_sg_one_map_per_run(struct kunit *test) KX_NOEXCEPT;
void engine_sg_one_map_sg_call(struct kunit *test) KX_NOEXCEPT;
void engine_sg_map_runs_one_walk(struct kunit *test) KX_NOEXCEPT;
void engine_sg_run_log_limits(struct kunit *test) KX_NOEXCEPT;
void engine_map_runs_failure_unwinds(struct kunit *test) KX_NOEXCEPT;
void engine_sg_padding_holes(struct kunit *test) KX_NOEXCEPT;
void engine_sg_boundary_no_straddle(struct kunit *test) KX_NOEXCEPT;
void engine_single_boundary_and_size_alignment(struct kunit *test) KX_NOEXCEPT;
void engine_sg_unmap_from_segments(struct kunit *test) KX_NOEXCEPT;
void engine_map_failure_unwinds(struct kunit *test) KX_NOEXCEPT;
void engine_map_phys_offsets(struct kunit *test) KX_NOEXCEPT;
void engine_strict_and_deferred(struct kunit *test) KX_NOEXCEPT;
void engine_rejects_bad_chunks(struct kunit *test) KX_NOEXCEPT;
void engine_prot_reaches_iommu(struct kunit *test) KX_NOEXCEPT;
void engine_pages_coalesce_runs(struct kunit *test) KX_NOEXCEPT;
void engine_mask_limits(struct kunit *test) KX_NOEXCEPT;
void engine_cache_sync_policy(struct kunit *test) KX_NOEXCEPT;
void engine_limits_and_hints(struct kunit *test) KX_NOEXCEPT;
void engine_deferred_needs_flush_all(struct kunit *test) KX_NOEXCEPT;
void engine_buffers_by_iova(struct kunit *test) KX_NOEXCEPT;
void engine_range_pool_size_aligned(struct kunit *test) KX_NOEXCEPT;

void rules_prot(struct kunit *test) KX_NOEXCEPT;
void rules_granule(struct kunit *test) KX_NOEXCEPT;
void rules_window_sources(struct kunit *test) KX_NOEXCEPT;
void rules_window_checked(struct kunit *test) KX_NOEXCEPT;
void rules_page_plan_orders(struct kunit *test) KX_NOEXCEPT;
void rules_page_plan_fallback(struct kunit *test) KX_NOEXCEPT;
void rules_page_plan_attrs(struct kunit *test) KX_NOEXCEPT;
void rules_fixed_area(struct kunit *test) KX_NOEXCEPT;
void rules_declared_offset(struct kunit *test) KX_NOEXCEPT;
void rules_removal_order(struct kunit *test) KX_NOEXCEPT;

void registry_devices(struct kunit *test) KX_NOEXCEPT;

KX_END_DECLS

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the DMA layer's engine (dma/dma_engine.cpp), on this
 * module's copy of it (engine_copy.cpp) over a recording IOMMU and
 * scatterlists of the test's own (engine_test.cpp).  Needs nothing but
 * the support library, so it builds for the boards too.
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "engine_tests.h"

static struct kunit_case engine_cases[] = {
	KUNIT_CASE(engine_sg_merges_within_limits),
	KUNIT_CASE(engine_sg_unaligned_entries),
	KUNIT_CASE(engine_sg_one_map_per_run),
	KUNIT_CASE(engine_sg_padding_holes),
	KUNIT_CASE(engine_map_failure_unwinds),
	KUNIT_CASE(engine_map_phys_offsets),
	KUNIT_CASE(engine_strict_and_deferred),
	KUNIT_CASE(engine_rejects_bad_chunks),
	{}
};

static struct kunit_suite engine_suite = {
	.name = "socmmu_dma_engine",
	.test_cases = engine_cases,
};

kunit_test_suites(&engine_suite);

MODULE_DESCRIPTION("KUnit suite for the socmmu DMA engine");
MODULE_LICENSE("GPL");

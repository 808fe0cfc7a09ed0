// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the remote-processor driver's firmware policy
 * (remoteproc/srp_firmware.cpp), on this module's copy of it
 * (srp_firmware_copy.cpp) with images the cases build.  Needs nothing but
 * the support library, so it builds for the boards too.
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "fw_tests.h"

static struct kunit_case fw_cases[] = {
	KUNIT_CASE(fw_accepts_layout),
	KUNIT_CASE(fw_needs_a_table),
	KUNIT_CASE(fw_carveouts_stay_out_of_the_window),
	KUNIT_CASE(fw_segments_inside_carveouts),
	KUNIT_CASE(fw_carveouts_apart_and_named),
	KUNIT_CASE(fw_carveouts_aligned),
	KUNIT_CASE(fw_vdev_needs_shared_memory),
	KUNIT_CASE(fw_table_entry_trace_placed),
	KUNIT_CASE(fw_truncated_or_corrupt),
	{}
};

static struct kunit_suite fw_suite = {
	.name = "socmmu_rproc_firmware",
	.test_cases = fw_cases,
};

kunit_test_suites(&fw_suite);

MODULE_DESCRIPTION("KUnit suite for the socmmu remote-processor driver's firmware policy");
MODULE_LICENSE("GPL");

// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the short-descriptor page-table engine
 * (iommu/pgtable/).  The cases are C++ (*_test.cpp).  "socmmu_pgtable_dma"
 * runs the engine on production table memory: the DMA API on a real
 * platform device, so DMA_API_DEBUG checks every map, sync and unmap.
 * "socmmu_pgtable_rules" uses a recording memory to see exactly which
 * bytes are synced, when tables are freed, and allocation failures, and
 * runs the engine on run-time format objects (kunit/pgtable/test_format.h):
 * 36-bit PAs, tables above 4 GiB, permissions, what map() reports in its
 * MapGather.  "socmmu_pgtable_v7s" runs the engine with ArmV7sFormat
 * against the kernel's own io-pgtable-arm-v7s (v7s_diff_test.cpp).
 */
#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sched.h>

#include "pgtable_tests.h"

static struct platform_device *pgt_pdev;

struct device *pgt_test_device(void)
{
	return pgt_pdev ? &pgt_pdev->dev : NULL;
}

void *pgt_test_phys_to_virt(u64 phys)
{
	return phys_to_virt((phys_addr_t)phys);
}

u64 pgt_test_virt_to_phys(void *virt)
{
	return virt_to_phys(virt);
}

void pgt_test_yield(void)
{
	cond_resched();
}

/*
 * A fresh device per case.  DMA_API_DEBUG checks each sync and unmap
 * against the device's mappings; it reports mappings left behind only for
 * buses that register with it (PCI), not the platform bus, so the cases
 * count live tables themselves (DmaTableMemory::live_tables()).
 */
static int pgt_case_init(struct kunit *test)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_simple("socmmu-pgtable-test", PLATFORM_DEVID_AUTO,
					       NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	ret = dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret) {
		platform_device_unregister(pdev);
		return ret;
	}
	pgt_pdev = pdev;
	return 0;
}

static void pgt_case_exit(struct kunit *test)
{
	platform_device_unregister(pgt_pdev);
	pgt_pdev = NULL;
}

/* Also frees the kernel tables of a v7s case that ended early. */
static void pgt_v7s_case_exit(struct kunit *test)
{
	pgt_v7s_release_all();
	pgt_case_exit(test);
}

static struct kunit_case pgt_dma_cases[] = {
	KUNIT_CASE(pgt_map_small_page),
	KUNIT_CASE(pgt_map_large_page),
	KUNIT_CASE(pgt_map_section),
	KUNIT_CASE(pgt_map_supersection),
	KUNIT_CASE(pgt_map_unmap_pgcount),
	KUNIT_CASE(pgt_map_in_atomic_context),
	{}
};

static struct kunit_suite pgt_dma_suite = {
	.name = "socmmu_pgtable_dma",
	.init = pgt_case_init,
	.exit = pgt_case_exit,
	.test_cases = pgt_dma_cases,
};

static struct kunit_case pgt_rules_cases[] = {
	KUNIT_CASE(pgt_map_rejects_bad_arguments),
	KUNIT_CASE(pgt_map_overlap_keeps_state),
	KUNIT_CASE(pgt_unmap_unmapped_returns_zero),
	KUNIT_CASE(pgt_unmap_partial_large_entries),
	KUNIT_CASE(pgt_syncs_only_touched_entries),
	KUNIT_CASE(pgt_empty_l2_freed_only_at_release),
	KUNIT_CASE(pgt_unmap_full_l2_in_one_step),
	KUNIT_CASE(pgt_sync_once_per_l2_run),
	KUNIT_CASE(pgt_coherent_tables_not_synced),
	KUNIT_CASE(pgt_alloc_failure_leaves_nothing),
	KUNIT_CASE(pgt_pick_page_size),
	KUNIT_CASE(pgt_zero_l2_format),
	KUNIT_CASE(pgt_for_each_mapping_visits_each_once),
	KUNIT_CASE(pgt_unmap_runs_to_aperture_end),
	KUNIT_CASE(pgt_unmap_runs_to_aperture_end_test_format),
	KUNIT_CASE(pgt_map_fast_path_in_live_l2),
	KUNIT_CASE(pgt_unmap_blocks_lock_free),
	KUNIT_CASE(pgt_map_gather_fault_l1),
	KUNIT_CASE(pgt_map_gather_zero_l2_link),
	KUNIT_CASE(pgt_format_pa_shift),
	KUNIT_CASE(pgt_format_pa_bits_checked),
	KUNIT_CASE(pgt_prot_in_every_replica),
	{}
};

static struct kunit_suite pgt_rules_suite = {
	.name = "socmmu_pgtable_rules",
	.test_cases = pgt_rules_cases,
};

static struct kunit_case pgt_v7s_cases[] = {
	KUNIT_CASE(pgt_v7s_format_entries),
	KUNIT_CASE(pgt_v7s_same_registers),
	KUNIT_CASE(pgt_v7s_every_prot_and_size),
	KUNIT_CASE(pgt_v7s_random_ops),
	KUNIT_CASE(pgt_v7s_kernel_differences),
	{}
};

static struct kunit_suite pgt_v7s_suite = {
	.name = "socmmu_pgtable_v7s",
	.init = pgt_case_init,
	.exit = pgt_v7s_case_exit,
	.test_cases = pgt_v7s_cases,
};

kunit_test_suites(&pgt_dma_suite, &pgt_rules_suite, &pgt_v7s_suite);

MODULE_DESCRIPTION("KUnit suites for the socmmu short-descriptor page-table engine");
MODULE_LICENSE("GPL");

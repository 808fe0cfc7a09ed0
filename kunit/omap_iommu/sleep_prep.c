// SPDX-License-Identifier: GPL-2.0
/*
 * Before the system sleep (see omap_sleep.h): bind the test DT's DSP client
 * ("socmmu,test-dsp", behind mmu_dsp0 and mmu_dsp1), hold it runtime-active
 * so that its MMUs are powered across the sleep and their late
 * force-suspend must save and restore context, attach a paging domain,
 * map a page and prove that both instances translate it, lock a TLB entry
 * on each, and unmap a second page after both TLBs cached it.  All of it
 * stays for socmmu_omap_sleep_check, whose last case releases it
 * (omap_sleep_release(); this module's exit does too if it did not).
 *
 * 6.1 runs a module's suites before its init: the suite does the work.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "../omap_model/omap_model.h"
#include "omap_sleep.h"

static const char *const osp_mmu_names[OMAP_SLEEP_NR_MMUS] = { "mmu_dsp0", "mmu_dsp1" };

static struct omap_sleep_state osp;
static bool osp_driver_registered;
static bool osp_pm_held;
static bool osp_attached;
static unsigned long osp_pages[3];

const struct omap_sleep_state *omap_sleep_state(void)
{
	return &osp;
}
EXPORT_SYMBOL_GPL(omap_sleep_state);

static int osp_client_probe(struct platform_device *pdev)
{
	/* The suite attaches a domain of its own. */
	socmmu_dma_release(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	osp.client = &pdev->dev;
	return 0;
}

static void osp_client_remove(struct platform_device *pdev)
{
	pm_runtime_disable(&pdev->dev);
	osp.client = NULL;
}

static const struct of_device_id osp_client_match[] = {
	{ .compatible = "socmmu,test-dsp" },
	{}
};

static struct platform_driver osp_client_driver = {
	.probe = osp_client_probe,
	.remove_new = osp_client_remove,
	.driver = {
		.name = "socmmu-omap-sleep-client",
		.of_match_table = osp_client_match,
	},
	/* The suite attaches its own paging domain. */
	.driver_managed_dma = true,
};

static int osp_fault(struct iommu_domain *domain, struct device *dev, unsigned long iova,
		     int flags, void *token)
{
	WRITE_ONCE(osp.fault_iova, iova);
	WRITE_ONCE(osp.fault_dev, dev);
	/* The fields before the count: readers look at them after it. */
	smp_mb__before_atomic();
	atomic_inc(&osp.faults);
	return 0;
}

/* A locked 4 KB TLB entry @iova -> @pa, loaded as a vendor driver would. */
static void osp_lock_entry(struct omap_model *m, u32 iova, u32 pa)
{
	void __iomem *base = ioremap(omap_model_phys_base(m), OMAP_MODEL_WINDOW);

	if (!base)
		return;
	writel(iova | OMAP_MODEL_CAM_PRESERVED | OMAP_MODEL_CAM_VALID | OMAP_MODEL_CAM_SIZE_4K,
	       base + OMAP_MODEL_CAM);
	writel(pa, base + OMAP_MODEL_RAM);
	writel(0, base + OMAP_MODEL_LOCK);
	writel(1, base + OMAP_MODEL_LD_TLB);
	writel((1u << OMAP_MODEL_LOCK_BASE_SHIFT) | (1u << OMAP_MODEL_LOCK_VICT_SHIFT),
	       base + OMAP_MODEL_LOCK);
	iounmap(base);
}

static bool osp_wait_unstalled(struct omap_model *m)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (!omap_model_stalled(m))
			return true;
		msleep(20);
	}
	return false;
}

static bool osp_wait_faults(int count)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (atomic_read(&osp.faults) >= count)
			return true;
		msleep(20);
	}
	return false;
}

static void *osp_page(int i, u64 *phys, unsigned int seed)
{
	u8 *p;
	size_t j;

	osp_pages[i] = get_zeroed_page(GFP_KERNEL);
	if (!osp_pages[i])
		return NULL;
	p = (u8 *)osp_pages[i];
	for (j = 0; j < PAGE_SIZE; j++)
		p[j] = omap_sleep_byte(seed, j);
	*phys = virt_to_phys(p);
	return p;
}

static bool osp_same(const u8 *buf, const u8 *page, size_t len)
{
	return !memcmp(buf, page, len);
}

/* The client is bound to this module's driver and runtime-active. */
static void osp_client_active(struct kunit *test)
{
	int i;

	KUNIT_ASSERT_NOT_NULL_MSG(test, osp.client, "the DSP client is not bound");
	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		osp.mmus[i] = omap_model_find(osp_mmu_names[i]);
		KUNIT_ASSERT_NOT_NULL(test, osp.mmus[i]);
	}
	KUNIT_ASSERT_EQ(test, pm_runtime_resume_and_get(osp.client), 0);
	osp_pm_held = true;
	/* The client's device links resumed both MMUs. */
	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++)
		KUNIT_EXPECT_TRUE(test, omap_model_powered(osp.mmus[i]));
}

/* A paging domain on the client; a mapped page read through both MMUs. */
static void osp_domain_attached(struct kunit *test)
{
	struct omap_model_result res;
	u64 unmapped_phys;
	void *unmapped;
	u8 buf[64];
	int i;

	KUNIT_ASSERT_TRUE(test, osp_pm_held);
	osp.domain = kx_iommu_paging_domain_alloc(osp.client);
	KUNIT_ASSERT_NOT_NULL(test, osp.domain);
	iommu_set_fault_handler(osp.domain, osp_fault, NULL);
	KUNIT_ASSERT_EQ(test, iommu_attach_device(osp.domain, osp.client), 0);
	osp_attached = true;

	osp.mapped = osp_page(0, &osp.mapped_phys, OMAP_SLEEP_SEED_MAPPED);
	osp.locked = osp_page(1, &osp.locked_phys, OMAP_SLEEP_SEED_LOCKED);
	unmapped = osp_page(2, &unmapped_phys, 0x63);
	KUNIT_ASSERT_TRUE(test, osp.mapped && osp.locked && unmapped);
	KUNIT_ASSERT_EQ(test, kx_iommu_map(osp.domain, OMAP_SLEEP_IOVA_MAPPED, osp.mapped_phys,
					   PAGE_SIZE, IOMMU_READ | IOMMU_WRITE), 0);
	KUNIT_ASSERT_EQ(test, kx_iommu_map(osp.domain, OMAP_SLEEP_IOVA_UNMAPPED, unmapped_phys,
					   PAGE_SIZE, IOMMU_READ | IOMMU_WRITE), 0);

	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		struct omap_model *m = osp.mmus[i];

		KUNIT_EXPECT_EQ(test, omap_model_read(m, OMAP_SLEEP_IOVA_MAPPED, buf, sizeof(buf),
						      &res), OMAP_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.phys, osp.mapped_phys);
		KUNIT_EXPECT_TRUE(test, osp_same(buf, osp.mapped, sizeof(buf)));
		KUNIT_EXPECT_EQ(test, omap_model_read(m, OMAP_SLEEP_IOVA_UNMAPPED, buf,
						      sizeof(buf), &res), OMAP_MODEL_OK);
		KUNIT_EXPECT_TRUE(test, osp_same(buf, unmapped, sizeof(buf)));
		/* In no table: only the TLB can translate it. */
		osp_lock_entry(m, OMAP_SLEEP_IOVA_LOCKED, (u32)osp.locked_phys);
		KUNIT_EXPECT_EQ(test, omap_model_read(m, OMAP_SLEEP_IOVA_LOCKED, buf, sizeof(buf),
						      &res), OMAP_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.phys, osp.locked_phys);
		KUNIT_EXPECT_TRUE(test, osp_same(buf, osp.locked, sizeof(buf)));
	}
}

/* Unmapped and flushed: both TLBs forget the page before the sleep. */
static void osp_unmap_flushed(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model_result res;
	u8 buf[16];
	int i;

	KUNIT_ASSERT_TRUE(test, osp_attached);
	KUNIT_ASSERT_EQ(test, iommu_unmap(osp.domain, OMAP_SLEEP_IOVA_UNMAPPED, PAGE_SIZE),
			PAGE_SIZE);
	iommu_flush_iotlb_all(osp.domain);
	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		struct omap_model *m = osp.mmus[i];

		omap_model_reset_counters(m);
		KUNIT_EXPECT_NE(test, omap_model_read(m, OMAP_SLEEP_IOVA_UNMAPPED, buf,
						      sizeof(buf), &res), OMAP_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.fault_addr, OMAP_SLEEP_IOVA_UNMAPPED);
		omap_model_counters(m, &c);
		KUNIT_EXPECT_EQ(test, c.tlb_hits, 0u);
		KUNIT_ASSERT_TRUE(test, osp_wait_faults(i + 1));
		KUNIT_EXPECT_TRUE(test, osp_wait_unstalled(m));
	}
	KUNIT_EXPECT_EQ(test, osp.fault_iova, (unsigned long)OMAP_SLEEP_IOVA_UNMAPPED);
	KUNIT_EXPECT_PTR_EQ(test, osp.fault_dev, osp.client);

	/* GFLUSH keeps the locked entries. */
	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		KUNIT_EXPECT_EQ(test, omap_model_translate(osp.mmus[i], OMAP_SLEEP_IOVA_LOCKED,
							   &res), OMAP_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.phys, osp.locked_phys);
	}
}

/* Last: what the sleep check counts starts here. */
static void osp_ready(struct kunit *test)
{
	int i;

	KUNIT_ASSERT_TRUE(test, osp_attached);
	KUNIT_ASSERT_EQ(test, atomic_read(&osp.faults), OMAP_SLEEP_NR_MMUS);
	atomic_set(&osp.faults, 0);
	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		KUNIT_ASSERT_TRUE(test, omap_model_powered(osp.mmus[i]));
		KUNIT_ASSERT_FALSE(test, omap_model_stalled(osp.mmus[i]));
		omap_model_reset_counters(osp.mmus[i]);
	}
	osp.ready = true;
}

static int osp_suite_init(struct kunit_suite *suite)
{
	int ret;

	/* No owner: on 6.1 this runs before the module's kobject exists. */
	ret = __platform_driver_register(&osp_client_driver, NULL);
	if (ret)
		return ret;
	osp_driver_registered = true;
	return 0;
}

static struct kunit_case osp_cases[] = {
	KUNIT_CASE(osp_client_active),
	KUNIT_CASE(osp_domain_attached),
	KUNIT_CASE(osp_unmap_flushed),
	KUNIT_CASE(osp_ready),
	{}
};

static struct kunit_suite osp_suite = {
	.name = "omap_sleep_prep",
	.suite_init = osp_suite_init,
	.test_cases = osp_cases,
};

kunit_test_suites(&osp_suite);

static int __init osp_init(void)
{
	return 0;
}
module_init(osp_init);

/*
 * Detach and free the domain, let the client suspend and unbind it: the
 * check's last case calls this, so that socmmu_omap_iommu_test, loaded
 * next, can bind the client.  This module stays loaded until the end of
 * the run (see omap-iommu.rst: on the UML test kernels a module loaded
 * after another was unloaded is corrupted).
 */
void omap_sleep_release(void)
{
	int i;

	osp.ready = false;
	if (osp_attached)
		iommu_detach_device(osp.domain, osp.client);
	osp_attached = false;
	if (osp.domain)
		iommu_domain_free(osp.domain);
	osp.domain = NULL;
	if (osp_pm_held)
		pm_runtime_put_sync(osp.client);
	osp_pm_held = false;
	if (osp_driver_registered)
		platform_driver_unregister(&osp_client_driver);
	osp_driver_registered = false;
	for (i = 0; i < ARRAY_SIZE(osp_pages); i++)
		free_page(osp_pages[i]);
	memset(osp_pages, 0, sizeof(osp_pages));
	osp.mapped = NULL;
	osp.locked = NULL;
}
EXPORT_SYMBOL_GPL(omap_sleep_release);

static void __exit osp_exit(void)
{
	omap_sleep_release();
}
module_exit(osp_exit);

MODULE_DESCRIPTION("socmmu: OMAP IOMMU across a system sleep, the set-up before it");
MODULE_LICENSE("GPL");

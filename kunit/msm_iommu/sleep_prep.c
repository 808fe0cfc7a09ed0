// SPDX-License-Identifier: GPL-2.0
/*
 * Before the system sleep (see msm_sleep.h): msm-client-multi bound,
 * runtime-active, with a domain on both of its MSM instances, a page
 * mapped and read through both, another unmapped after both cached it.
 * 6.1 runs a module's suites before its init: the suite does the work.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "../../iommu/core/socmmu_iommu.h"
#include "../msm_model/msm_model.h"
#include "msm_sleep.h"

static const char *const msp_iommu_names[MSM_SLEEP_NR_IOMMUS] = {
	"iommu@d4000000", "iommu@d4100000",
};

static struct msm_sleep_state msp;
static bool msp_driver_registered;
static bool msp_pm_held;
static bool msp_attached;
static unsigned long msp_pages[2];

const struct msm_sleep_state *msm_sleep_state(void)
{
	return &msp;
}
EXPORT_SYMBOL_GPL(msm_sleep_state);

static int msp_client_probe(struct platform_device *pdev)
{
	/* The suite attaches a domain of its own. */
	socmmu_dma_release(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	msp.client = &pdev->dev;
	return 0;
}

static void msp_client_remove(struct platform_device *pdev)
{
	pm_runtime_disable(&pdev->dev);
	msp.client = NULL;
}

static const struct of_device_id msp_client_match[] = {
	{ .compatible = "socmmu,test-msm-sleep-client" },
	{}
};

static struct platform_driver msp_client_driver = {
	.probe = msp_client_probe,
	.remove_new = msp_client_remove,
	.driver = {
		.name = "socmmu-msm-sleep-client",
		.of_match_table = msp_client_match,
	},
	/* The suite attaches its own paging domain. */
	.driver_managed_dma = true,
};

/* The handler refuses: each fault is counted and its access terminated. */
static int msp_fault(struct iommu_domain *domain, struct device *dev, unsigned long iova,
		     int flags, void *token)
{
	WRITE_ONCE(msp.fault_iova, iova);
	WRITE_ONCE(msp.fault_dev, dev);
	/* The fields before the count: readers look at them after it. */
	smp_mb__before_atomic();
	atomic_inc(&msp.faults);
	return -EFAULT;
}

static bool msp_wait(struct msm_model *m, u32 mid, int faults)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (atomic_read(&msp.faults) >= faults && !msm_model_stalled(m, mid))
			return true;
		msleep(20);
	}
	return false;
}

/* The client is bound to this module's driver and runtime-active. */
static void msp_client_active(struct kunit *test)
{
	int i;

	KUNIT_ASSERT_NOT_NULL_MSG(test, msp.client, "msm-client-multi is not bound");
	for (i = 0; i < MSM_SLEEP_NR_IOMMUS; i++) {
		msp.iommus[i] = msm_model_find(msp_iommu_names[i]);
		KUNIT_ASSERT_NOT_NULL(test, msp.iommus[i]);
	}
	KUNIT_ASSERT_EQ(test, pm_runtime_resume_and_get(msp.client), 0);
	msp_pm_held = true;
	/* The client's device links resumed both instances. */
	for (i = 0; i < MSM_SLEEP_NR_IOMMUS; i++)
		KUNIT_EXPECT_TRUE(test, msm_model_powered(msp.iommus[i]));
}

/* A paging domain on the client; a mapped page read through both instances. */
static void msp_domain_attached(struct kunit *test)
{
	struct msm_model_result res;
	u64 unmapped_phys;
	u8 buf[64], *p;
	size_t j;
	int i;

	KUNIT_ASSERT_TRUE(test, msp_pm_held);
	msp.domain = kx_iommu_paging_domain_alloc(msp.client);
	KUNIT_ASSERT_NOT_NULL(test, msp.domain);
	iommu_set_fault_handler(msp.domain, msp_fault, NULL);
	KUNIT_ASSERT_EQ(test, iommu_attach_device(msp.domain, msp.client), 0);
	msp_attached = true;

	msp_pages[0] = get_zeroed_page(GFP_KERNEL);
	msp_pages[1] = get_zeroed_page(GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, msp_pages[0] && msp_pages[1]);
	p = (u8 *)msp_pages[0];
	for (j = 0; j < PAGE_SIZE; j++)
		p[j] = msm_sleep_byte(j);
	msp.mapped = p;
	msp.mapped_phys = virt_to_phys(p);
	unmapped_phys = virt_to_phys((void *)msp_pages[1]);
	KUNIT_ASSERT_EQ(test, kx_iommu_map(msp.domain, MSM_SLEEP_IOVA_MAPPED, msp.mapped_phys,
					   PAGE_SIZE, IOMMU_READ | IOMMU_WRITE), 0);
	KUNIT_ASSERT_EQ(test, kx_iommu_map(msp.domain, MSM_SLEEP_IOVA_UNMAPPED, unmapped_phys,
					   PAGE_SIZE, IOMMU_READ | IOMMU_WRITE), 0);

	for (i = 0; i < MSM_SLEEP_NR_IOMMUS; i++) {
		struct msm_model *m = msp.iommus[i];
		u32 mid = msm_sleep_mid(i);

		KUNIT_EXPECT_EQ(test, msm_model_read(m, mid, MSM_SLEEP_IOVA_MAPPED, buf,
						     sizeof(buf), &res), MSM_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.phys, msp.mapped_phys);
		KUNIT_EXPECT_EQ(test, memcmp(buf, msp.mapped, sizeof(buf)), 0);
		msp.banks[i] = res.ctx;
		KUNIT_EXPECT_EQ(test, msm_model_read(m, mid, MSM_SLEEP_IOVA_UNMAPPED, buf,
						     sizeof(buf), &res), MSM_MODEL_OK);
	}
}

/* Unmapped and synced: both TLBs forget the page before the sleep. */
static void msp_unmap_synced(struct kunit *test)
{
	struct msm_model_counters c;
	struct msm_model_result res;
	int i;

	KUNIT_ASSERT_TRUE(test, msp_attached);
	KUNIT_ASSERT_EQ(test, iommu_unmap(msp.domain, MSM_SLEEP_IOVA_UNMAPPED, PAGE_SIZE),
			PAGE_SIZE);
	for (i = 0; i < MSM_SLEEP_NR_IOMMUS; i++) {
		struct msm_model *m = msp.iommus[i];
		u32 mid = msm_sleep_mid(i);

		msm_model_reset_counters(m);
		KUNIT_EXPECT_EQ(test, msm_model_translate(m, mid, MSM_SLEEP_IOVA_UNMAPPED, 0, &res),
				MSM_MODEL_STALLED);
		msm_model_counters(m, &c);
		KUNIT_EXPECT_EQ(test, c.tlb_hits, 0u);
		KUNIT_ASSERT_TRUE(test, msp_wait(m, mid, i + 1));
		/* The terminated access: the master's next transfer gets its error. */
		KUNIT_EXPECT_EQ(test, msm_model_translate(m, mid, MSM_SLEEP_IOVA_UNMAPPED, 0, &res),
				MSM_MODEL_ERROR);
	}
	KUNIT_EXPECT_EQ(test, READ_ONCE(msp.fault_iova), (unsigned long)MSM_SLEEP_IOVA_UNMAPPED);
	KUNIT_EXPECT_PTR_EQ(test, READ_ONCE(msp.fault_dev), msp.client);
}

/* Last: what the sleep check counts starts here. */
static void msp_ready(struct kunit *test)
{
	struct socmmu_iommu_stats s;
	int i;

	KUNIT_ASSERT_TRUE(test, msp_attached);
	KUNIT_ASSERT_EQ(test, atomic_read(&msp.faults), MSM_SLEEP_NR_IOMMUS);
	atomic_set(&msp.faults, 0);
	for (i = 0; i < MSM_SLEEP_NR_IOMMUS; i++) {
		struct msm_model *m = msp.iommus[i];

		KUNIT_ASSERT_TRUE(test, msm_model_powered(m));
		KUNIT_ASSERT_FALSE(test, msm_model_stalled(m, msm_sleep_mid(i)));
		KUNIT_ASSERT_EQ(test, socmmu_iommu_get_stats(msm_model_device(m), &s), 0);
		msp.programs[i] = s.programs;
		msm_model_reset_counters(m);
	}
	msp.ready = true;
}

static int msp_suite_init(struct kunit_suite *suite)
{
	int ret;

	/* No owner: on 6.1 this runs before the module's kobject exists. */
	ret = __platform_driver_register(&msp_client_driver, NULL);
	if (ret)
		return ret;
	msp_driver_registered = true;
	return 0;
}

static struct kunit_case msp_cases[] = {
	KUNIT_CASE(msp_client_active),
	KUNIT_CASE(msp_domain_attached),
	KUNIT_CASE(msp_unmap_synced),
	KUNIT_CASE(msp_ready),
	{}
};

static struct kunit_suite msp_suite = {
	.name = "msm_sleep_prep",
	.suite_init = msp_suite_init,
	.test_cases = msp_cases,
};

kunit_test_suites(&msp_suite);

static int __init msp_init(void)
{
	return 0;
}
module_init(msp_init);

/*
 * Detach and free the domain, let the client suspend and unbind it: the
 * check's last case calls this, so that socmmu_msm_iommu_test, loaded
 * next, can bind the client.  This module stays loaded until the end of
 * the run (Documentation/testing.rst: no unload between loads).
 */
void msm_sleep_release(void)
{
	int i;

	msp.ready = false;
	if (msp_attached)
		iommu_detach_device(msp.domain, msp.client);
	msp_attached = false;
	if (msp.domain)
		iommu_domain_free(msp.domain);
	msp.domain = NULL;
	if (msp_pm_held)
		pm_runtime_put_sync(msp.client);
	msp_pm_held = false;
	if (msp_driver_registered)
		platform_driver_unregister(&msp_client_driver);
	msp_driver_registered = false;
	for (i = 0; i < ARRAY_SIZE(msp_pages); i++)
		free_page(msp_pages[i]);
	memset(msp_pages, 0, sizeof(msp_pages));
	msp.mapped = NULL;
}
EXPORT_SYMBOL_GPL(msm_sleep_release);

static void __exit msp_exit(void)
{
	msm_sleep_release();
}
module_exit(msp_exit);

MODULE_DESCRIPTION("socmmu: MSM IOMMU across a system sleep, the set-up before it");
MODULE_LICENSE("GPL");

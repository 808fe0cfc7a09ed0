// SPDX-License-Identifier: GPL-2.0
/*
 * Before the system sleep (see exynos_sleep.h): the MFC client, bound to
 * this module's driver, runtime-active with a paging domain attached; a
 * page mapped and read through both SYSMMUs, another unmapped after both
 * TLBs held it.  6.1 runs a module's suites before its init: the suite
 * does the work.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/string.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "../exynos_model/exynos_model.h"
#include "exynos_sleep.h"

static const char *const esp_mmu_names[EXYNOS_SLEEP_NR_MMUS] = {
	"sysmmu-mfc0", "sysmmu-mfc1",
};

static struct exynos_sleep_state esp;
static bool esp_had_dma_layer;
static bool esp_driver_registered;
static bool esp_pm_held;
static bool esp_attached;
static unsigned long esp_pages[3];

const struct exynos_sleep_state *exynos_sleep_state(void)
{
	return &esp;
}
EXPORT_SYMBOL_GPL(exynos_sleep_state);

/* Only the MFC: the other socmmu,test-exynos clients stay unbound. */
static int esp_client_probe(struct platform_device *pdev)
{
	struct socmmu_dma_info info;

	if (strcmp(kbasename(pdev->dev.of_node->full_name), "exynos-client-mfc"))
		return -ENODEV;
	/* The framework installed the DMA layer; the suite attaches a domain of its own. */
	esp_had_dma_layer = !socmmu_dma_get_info(&pdev->dev, &info);
	socmmu_dma_release(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	esp.client = &pdev->dev;
	return 0;
}

static void esp_client_remove(struct platform_device *pdev)
{
	pm_runtime_disable(&pdev->dev);
	esp.client = NULL;
}

static const struct of_device_id esp_client_match[] = {
	{ .compatible = "socmmu,test-exynos" },
	{}
};

static struct platform_driver esp_client_driver = {
	.probe = esp_client_probe,
	.remove_new = esp_client_remove,
	.driver = {
		.name = "socmmu-exynos-sleep-client",
		.of_match_table = esp_client_match,
	},
	/* The suite attaches its own paging domain. */
	.driver_managed_dma = true,
};

static int esp_fault(struct iommu_domain *domain, struct device *dev, unsigned long iova,
		     int flags, void *token)
{
	WRITE_ONCE(esp.fault_iova, iova);
	WRITE_ONCE(esp.fault_dev, dev);
	/* The fields before the count: readers look at them after it. */
	smp_mb__before_atomic();
	atomic_inc(&esp.faults);
	return 0;
}

static bool esp_wait_unstalled(struct exynos_model *m)
{
	int i;

	for (i = 0; i < 50 && exynos_model_stalled(m); i++)
		msleep(20);
	return !exynos_model_stalled(m);
}

static bool esp_wait_faults(int count)
{
	int i;

	for (i = 0; i < 50 && atomic_read(&esp.faults) < count; i++)
		msleep(20);
	return atomic_read(&esp.faults) >= count;
}

static void *esp_page(int i, u64 *phys, unsigned int seed)
{
	u8 *p;
	size_t j;

	esp_pages[i] = get_zeroed_page(GFP_KERNEL);
	if (!esp_pages[i])
		return NULL;
	p = (u8 *)esp_pages[i];
	for (j = 0; j < PAGE_SIZE; j++)
		p[j] = exynos_sleep_byte(seed, j);
	*phys = virt_to_phys(p);
	return p;
}

/* The client is bound to this module's driver and runtime-active. */
static void esp_client_active(struct kunit *test)
{
	int i;

	KUNIT_ASSERT_NOT_NULL_MSG(test, esp.client, "the MFC client is not bound");
	KUNIT_EXPECT_TRUE(test, esp_had_dma_layer);
	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		esp.mmus[i] = exynos_model_find(esp_mmu_names[i]);
		KUNIT_ASSERT_NOT_NULL(test, esp.mmus[i]);
	}
	KUNIT_ASSERT_EQ(test, pm_runtime_resume_and_get(esp.client), 0);
	esp_pm_held = true;
	/* The client's device links resumed both SYSMMUs. */
	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++)
		KUNIT_EXPECT_TRUE(test, exynos_model_powered(esp.mmus[i]));
}

/* A paging domain on the client; a mapped page read through both SYSMMUs. */
static void esp_domain_attached(struct kunit *test)
{
	struct exynos_model_result res;
	u64 unmapped_phys;
	void *unmapped;
	u8 buf[64];
	int i;

	KUNIT_ASSERT_TRUE(test, esp_pm_held);
	esp.domain = kx_iommu_paging_domain_alloc(esp.client);
	KUNIT_ASSERT_NOT_NULL(test, esp.domain);
	iommu_set_fault_handler(esp.domain, esp_fault, NULL);
	KUNIT_ASSERT_EQ(test, iommu_attach_device(esp.domain, esp.client), 0);
	esp_attached = true;

	esp.mapped = esp_page(0, &esp.mapped_phys, EXYNOS_SLEEP_SEED_MAPPED);
	esp.later = esp_page(1, &esp.later_phys, EXYNOS_SLEEP_SEED_LATER);
	unmapped = esp_page(2, &unmapped_phys, 0x63);
	KUNIT_ASSERT_TRUE(test, esp.mapped && esp.later && unmapped);
	KUNIT_ASSERT_EQ(test, kx_iommu_map(esp.domain, EXYNOS_SLEEP_IOVA_MAPPED, esp.mapped_phys,
					   PAGE_SIZE, IOMMU_READ | IOMMU_WRITE), 0);
	KUNIT_ASSERT_EQ(test, kx_iommu_map(esp.domain, EXYNOS_SLEEP_IOVA_UNMAPPED, unmapped_phys,
					   PAGE_SIZE, IOMMU_READ | IOMMU_WRITE), 0);

	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		struct exynos_model *m = esp.mmus[i];

		KUNIT_EXPECT_EQ(test, exynos_model_read(m, EXYNOS_SLEEP_IOVA_MAPPED, buf,
							sizeof(buf), &res), EXYNOS_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.phys, esp.mapped_phys);
		KUNIT_EXPECT_TRUE(test, !memcmp(buf, esp.mapped, sizeof(buf)));
		KUNIT_EXPECT_EQ(test, exynos_model_read(m, EXYNOS_SLEEP_IOVA_UNMAPPED, buf,
							sizeof(buf), &res), EXYNOS_MODEL_OK);
		KUNIT_EXPECT_TRUE(test, !memcmp(buf, unmapped, sizeof(buf)));
	}
}

/* Unmapped and synced: both TLBs forget the page before the sleep. */
static void esp_unmap_flushed(struct kunit *test)
{
	struct exynos_model_counters c;
	struct exynos_model_result res;
	u8 buf[16];
	int i;

	KUNIT_ASSERT_TRUE(test, esp_attached);
	KUNIT_ASSERT_EQ(test, iommu_unmap(esp.domain, EXYNOS_SLEEP_IOVA_UNMAPPED, PAGE_SIZE),
			PAGE_SIZE);
	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		struct exynos_model *m = esp.mmus[i];

		exynos_model_reset_counters(m);
		KUNIT_EXPECT_NE(test, exynos_model_read(m, EXYNOS_SLEEP_IOVA_UNMAPPED, buf,
							sizeof(buf), &res), EXYNOS_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.fault_addr, EXYNOS_SLEEP_IOVA_UNMAPPED);
		exynos_model_counters(m, &c);
		KUNIT_EXPECT_EQ(test, c.tlb_hits, 0u);
		KUNIT_ASSERT_TRUE(test, esp_wait_faults(i + 1));
		KUNIT_EXPECT_TRUE(test, esp_wait_unstalled(m));
	}
	KUNIT_EXPECT_EQ(test, esp.fault_iova, (unsigned long)EXYNOS_SLEEP_IOVA_UNMAPPED);
	KUNIT_EXPECT_PTR_EQ(test, esp.fault_dev, esp.client);
}

/* Last: what the sleep check counts starts here. */
static void esp_ready(struct kunit *test)
{
	int i;

	KUNIT_ASSERT_TRUE(test, esp_attached);
	KUNIT_ASSERT_EQ(test, atomic_read(&esp.faults), EXYNOS_SLEEP_NR_MMUS);
	atomic_set(&esp.faults, 0);
	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		KUNIT_ASSERT_TRUE(test, exynos_model_powered(esp.mmus[i]));
		KUNIT_ASSERT_FALSE(test, exynos_model_stalled(esp.mmus[i]));
		exynos_model_reset_counters(esp.mmus[i]);
	}
	esp.ready = true;
}

static int esp_suite_init(struct kunit_suite *suite)
{
	int ret;

	/* No owner: on 6.1 this runs before the module's kobject exists. */
	ret = __platform_driver_register(&esp_client_driver, NULL);
	if (ret)
		return ret;
	esp_driver_registered = true;
	return 0;
}

static struct kunit_case esp_cases[] = {
	KUNIT_CASE(esp_client_active),
	KUNIT_CASE(esp_domain_attached),
	KUNIT_CASE(esp_unmap_flushed),
	KUNIT_CASE(esp_ready),
	{}
};

static struct kunit_suite esp_suite = {
	.name = "exynos_sleep_prep",
	.suite_init = esp_suite_init,
	.test_cases = esp_cases,
};

kunit_test_suites(&esp_suite);

static int __init esp_init(void)
{
	return 0;
}
module_init(esp_init);

/*
 * Detach and free the domain, let the client suspend and unbind it: the
 * check's last case calls this, so that socmmu_exynos_iommu_test, loaded
 * next, can bind the client.  This module stays loaded until the end of
 * the run (Documentation/testing.rst: no unload between loads).
 */
void exynos_sleep_release(void)
{
	int i;

	esp.ready = false;
	if (esp_attached)
		iommu_detach_device(esp.domain, esp.client);
	esp_attached = false;
	if (esp.domain)
		iommu_domain_free(esp.domain);
	esp.domain = NULL;
	if (esp_pm_held)
		pm_runtime_put_sync(esp.client);
	esp_pm_held = false;
	if (esp_driver_registered)
		platform_driver_unregister(&esp_client_driver);
	esp_driver_registered = false;
	for (i = 0; i < ARRAY_SIZE(esp_pages); i++)
		free_page(esp_pages[i]);
	memset(esp_pages, 0, sizeof(esp_pages));
	esp.mapped = NULL;
	esp.later = NULL;
}
EXPORT_SYMBOL_GPL(exynos_sleep_release);

static void __exit esp_exit(void)
{
	exynos_sleep_release();
}
module_exit(esp_exit);

MODULE_DESCRIPTION("socmmu: Exynos SYSMMU across a system sleep, the set-up before it");
MODULE_LICENSE("GPL");

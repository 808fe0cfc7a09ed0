// SPDX-License-Identifier: GPL-2.0
/*
 * Stock-kernel takeover, on the reference kernel (uml-ref-6.12): mainline's
 * omap-iommu is built in but kept off with initcall_blacklist=omap_iommu_init,
 * our driver drives the MMUs, and a built-in client calling the legacy
 * omap_iommu_save_ctx()/restore_ctx(dev) and
 * omap_iommu_domain_activate()/deactivate(domain) on our devices and
 * domains does no harm: mainline reads nothing of ours as its own, touches
 * no register and takes no runtime-PM reference.
 *
 * Documentation/reference.rst.
 */
#include <kunit/test.h>
#include <kunit/visibility.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/omap-iommu.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/sizes.h>
#include <linux/slab.h>

/* mainline's private layouts: what its legacy functions read. */
#include "omap-iommu.h"

#include "../exynos_model/exynos_model.h"
#include "../msm_model/msm_model.h"
#include "../omap_model/omap_model.h"
#include "ref_client.h"

static const struct of_device_id takeover_clients_match[] = {
	{ .compatible = "socmmu,test-ipu" },	/* mmu_ipu */
	{ .compatible = "socmmu,test-dsp" },	/* mmu_dsp0 + mmu_dsp1 */
	{}
};

static struct ref_clients takeover_clients;

static void takeover_count(struct omap_model *m, unsigned int *reads,
			   unsigned int *writes)
{
	struct omap_model_counters c;
	unsigned int i;

	omap_model_counters(m, &c);
	*reads = 0;
	*writes = 0;
	for (i = 0; i < ARRAY_SIZE(c.reg_reads); i++) {
		*reads += c.reg_reads[i];
		*writes += c.reg_writes[i];
	}
}

/* Ours, not mainline's, bound the MMUs; mainline's drivers never registered. */
static void takeover_ours_bound(struct kunit *test)
{
	static const char * const mmus[] = { "mmu_ipu", "mmu_dsp0", "mmu_dsp1" };
	struct device_driver *drv;
	struct device *dev;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mmus); i++) {
		dev = omap_model_device(omap_model_find(mmus[i]));

		KUNIT_ASSERT_NOT_NULL(test, dev);
		KUNIT_ASSERT_NOT_NULL_MSG(test, dev->driver, "%s unbound", mmus[i]);
		KUNIT_EXPECT_STREQ(test, dev->driver->name, "socmmu-omap-iommu");
	}
	drv = driver_find("omap-iommu", &platform_bus_type);
	KUNIT_EXPECT_NULL(test, drv);

	/* Exynos and MSM: ours bound, mainline's never registered either. */
	dev = exynos_model_device(exynos_model_find("sysmmu-v1"));
	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_ASSERT_NOT_NULL(test, dev->driver);
	KUNIT_EXPECT_STREQ(test, dev->driver->name, "socmmu-exynos-sysmmu");
	KUNIT_EXPECT_NULL(test, driver_find("exynos-sysmmu", &platform_bus_type));
	dev = msm_model_device(msm_model_find("iommu@d4000000"));
	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_ASSERT_NOT_NULL(test, dev->driver);
	KUNIT_EXPECT_STREQ(test, dev->driver->name, "socmmu-msm-iommu");
	KUNIT_EXPECT_NULL(test, driver_find("msm_iommu", &platform_bus_type));
	KUNIT_EXPECT_NOT_NULL(test, ref_client(&takeover_clients, "ipu"));
	KUNIT_EXPECT_NOT_NULL(test, ref_client(&takeover_clients, "dsp"));
}

/*
 * omap_iommu_save_ctx()/restore_ctx(dev) read dev_iommu_priv_get(dev) as a
 * NULL-terminated array of struct omap_iommu_arch_data: ours ends it at
 * once.  No register of either MMU is touched and the client's DMA still
 * translates.
 */
static void takeover_legacy_ctx(struct kunit *test)
{
	static const char * const clients[] = { "ipu", "dsp" };
	struct model_bus_master bus;
	struct omap_model *m;
	unsigned int i, r0, w0, r1, w1;
	dma_addr_t dma;
	u32 *buf, word;

	for (i = 0; i < ARRAY_SIZE(clients); i++) {
		struct device *dev = ref_client(&takeover_clients, clients[i]);
		struct omap_iommu_arch_data *arch;

		KUNIT_ASSERT_NOT_NULL(test, dev);
		arch = dev_iommu_priv_get(dev);
		KUNIT_ASSERT_NOT_NULL(test, arch);
		/* Else mainline would read our client as its omap_iommu. */
		KUNIT_ASSERT_NULL(test, arch->iommu_dev);

		m = omap_model_find(i ? "mmu_dsp0" : "mmu_ipu");
		KUNIT_ASSERT_NOT_NULL(test, m);
		KUNIT_ASSERT_EQ(test, pm_runtime_resume_and_get(dev), 0);
		takeover_count(m, &r0, &w0);
		omap_iommu_save_ctx(dev);
		omap_iommu_restore_ctx(dev);
		takeover_count(m, &r1, &w1);
		KUNIT_EXPECT_EQ_MSG(test, r1 - r0, 0u, "%s: register reads", clients[i]);
		KUNIT_EXPECT_EQ_MSG(test, w1 - w0, 0u, "%s: register writes", clients[i]);

		/* The DMA layer still maps through the MMU. */
		buf = kmalloc(SZ_4K, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, buf);
		buf[0] = 0x5a5a0000 | i;
		dma = dma_map_single(dev, buf, SZ_4K, DMA_TO_DEVICE);
		KUNIT_EXPECT_FALSE(test, dma_mapping_error(dev, dma));
		KUNIT_ASSERT_EQ(test, model_bus_master_of(dev->of_node, 0, &bus), 0);
		KUNIT_EXPECT_EQ(test, model_bus_read(&bus, dma, &word, 4, NULL), MODEL_BUS_OK);
		KUNIT_EXPECT_EQ(test, word, 0x5a5a0000 | i);
		dma_unmap_single(dev, dma, SZ_4K, DMA_TO_DEVICE);
		kfree(buf);
		pm_runtime_put_sync(dev);
	}
}

static int takeover_usage(struct omap_model *m)
{
	return atomic_read(&omap_model_device(m)->power.usage_count);
}

/*
 * omap_iommu_domain_activate()/deactivate(domain) container_of() the domain
 * as a struct omap_iommu_domain: ours has that prefix, zeroed, at the
 * offset mainline's layout puts it, so they return 0 having read only our
 * zeros, and take or drop no runtime-PM reference of any MMU.
 */
static void takeover_legacy_domain(struct kunit *test)
{
	struct device *dev = ref_client(&takeover_clients, "ipu");
	struct iommu_domain *domains[2];
	struct omap_iommu_domain *od;
	struct omap_model *m = omap_model_find("mmu_ipu");
	unsigned int i;
	int usage;

	KUNIT_ASSERT_NOT_NULL(test, dev);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, socmmu_domain_legacy_offset(),
			offsetof(struct omap_iommu_domain, domain));

	domains[0] = iommu_get_domain_for_dev(dev);	/* the DMA layer's */
	domains[1] = iommu_paging_domain_alloc(dev);
	KUNIT_ASSERT_NOT_NULL(test, domains[0]);
	KUNIT_ASSERT_FALSE(test, IS_ERR(domains[1]));
	for (i = 0; i < ARRAY_SIZE(domains); i++) {
		od = container_of(domains[i], struct omap_iommu_domain, domain);
		KUNIT_EXPECT_NULL(test, od->dev);
		KUNIT_EXPECT_NULL(test, od->iommus);
		KUNIT_EXPECT_EQ(test, od->num_iommus, 0u);

		usage = takeover_usage(m);
		KUNIT_EXPECT_EQ(test, omap_iommu_domain_deactivate(domains[i]), 0);
		KUNIT_EXPECT_EQ(test, takeover_usage(m), usage);
		KUNIT_EXPECT_EQ(test, omap_iommu_domain_activate(domains[i]), 0);
		KUNIT_EXPECT_EQ(test, takeover_usage(m), usage);
	}
	iommu_domain_free(domains[1]);
}

static int takeover_suite_init(struct kunit_suite *suite)
{
	return ref_clients_register(&takeover_clients, "socmmu-ref-takeover-client",
				    takeover_clients_match);
}

static void takeover_suite_exit(struct kunit_suite *suite)
{
	ref_clients_unregister(&takeover_clients);
}

static struct kunit_case takeover_cases[] = {
	KUNIT_CASE(takeover_ours_bound),
	KUNIT_CASE(takeover_legacy_ctx),
	KUNIT_CASE(takeover_legacy_domain),
	{}
};

static struct kunit_suite takeover_suite = {
	.name = "socmmu_ref_takeover",
	.suite_init = takeover_suite_init,
	.suite_exit = takeover_suite_exit,
	.test_cases = takeover_cases,
};

kunit_test_suites(&takeover_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_DESCRIPTION("socmmu reference kernel: taking over from a built-in omap-iommu");
MODULE_LICENSE("GPL");

// SPDX-License-Identifier: GPL-2.0
/*
 * Side by side on one model: mainline's omap-iommu (built into the
 * reference kernel) has bound every OMAP MMU of the test device tree when
 * the model loaded; this suite hands the DMA layer's MMUs (mmu_dma0..2)
 * back, so that our driver, loaded next, binds them while mainline keeps
 * the others.  `make bench` then times both drivers on identical model
 * instances in one boot (Documentation/reference.rst).
 *
 * mainline's exynos-iommu and msm_iommu have no remove(): what they bind
 * they keep.  For the Exynos and MSM rows, the bench's device tree
 * (kunit/dts/socmmu-ref-bench.dts) names, in "socmmu,ref-driver-override",
 * the driver that must bind an instance; this suite, loaded before the
 * models (whose interrupt controllers the instances wait for), writes it
 * into the device's driver_override, so mainline never matches it.
 */
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/string.h>

#include "../omap_model/omap_model.h"

static void ref_handover_dma_mmus(struct kunit *test)
{
	static const char * const mmus[] = { "mmu_dma0", "mmu_dma1", "mmu_dma2" };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mmus); i++) {
		struct omap_model *m = omap_model_find(mmus[i]);
		struct device *dev = m ? omap_model_device(m) : NULL;

		KUNIT_ASSERT_NOT_NULL(test, dev);
		KUNIT_ASSERT_NOT_NULL_MSG(test, dev->driver, "%s: mainline did not bind it",
					  mmus[i]);
		KUNIT_EXPECT_STREQ(test, dev->driver->name, "omap-iommu");
		device_release_driver(dev);
		KUNIT_EXPECT_NULL(test, dev->driver);
		/*
		 * The driver core resumed the MMU around the unbind, and
		 * mainline's runtime resume of an MMU with no domain fails
		 * (iommu_enable() without an L1: -EINVAL), which leaves a
		 * runtime-PM error the next driver would inherit: every resume
		 * -EINVAL.  Runtime PM is disabled after mainline's remove, so
		 * the status can be set, which clears the error.
		 */
		KUNIT_EXPECT_EQ(test, dev->power.runtime_error, -EINVAL);
		KUNIT_EXPECT_EQ(test, pm_runtime_set_suspended(dev), 0);
		KUNIT_EXPECT_EQ(test, dev->power.runtime_error, 0);
		/*
		 * mainline's probe dropped the model's PM domain (O:1181):
		 * power stays on, as an always-on domain would keep it.
		 */
		omap_model_set_power(m, true);
	}
}

/* mainline's built-in drivers that the bench keeps off our instances. */
static const char * const ref_mainline_drivers[] = { "exynos-sysmmu", "msm_iommu" };

static struct device_driver *ref_mainline_match(struct device *dev)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ref_mainline_drivers); i++) {
		struct device_driver *drv = driver_find(ref_mainline_drivers[i],
							&platform_bus_type);

		if (drv && dev->bus->match(dev, drv) > 0)
			return drv;
	}
	return NULL;
}

static void ref_handover_override_one(struct kunit *test, struct device_node *np,
				      const char *drv)
{
	struct platform_device *pdev = of_find_device_by_node(np);
	struct device_driver *mainline;

	if (!pdev) {
		KUNIT_FAIL(test, "%pOF: no platform device", np);
		return;
	}
	/* Unbound: the model that provides its interrupt is not loaded yet. */
	KUNIT_EXPECT_NULL_MSG(test, pdev->dev.driver, "%pOF: bound too early", np);
	mainline = ref_mainline_match(&pdev->dev);
	KUNIT_EXPECT_NOT_NULL_MSG(test, mainline, "%pOF: no mainline driver matches it", np);
	KUNIT_EXPECT_EQ(test, device_set_driver_override(&pdev->dev, drv), 0);
	/* mainline's driver now matches only the instances the tree gives it. */
	if (mainline)
		KUNIT_EXPECT_EQ_MSG(test, pdev->dev.bus->match(&pdev->dev, mainline) > 0,
				    !strcmp(drv, mainline->name), "%pOF, override %s", np, drv);
	put_device(&pdev->dev);
}

static void ref_handover_keep_mainline_off(struct kunit *test)
{
	struct device_node *np;
	unsigned int n = 0;
	const char *drv;

	for_each_node_with_property(np, "socmmu,ref-driver-override") {
		if (!of_device_is_available(np))
			continue;
		if (of_property_read_string(np, "socmmu,ref-driver-override", &drv)) {
			KUNIT_FAIL(test, "%pOF: socmmu,ref-driver-override is not a string", np);
			continue;
		}
		ref_handover_override_one(test, np, drv);
		n++;
	}
	/* The bench's tree has some (an Exynos and an MSM instance at least). */
	KUNIT_EXPECT_GE(test, n, 2u);
}

static struct kunit_case ref_handover_cases[] = {
	KUNIT_CASE(ref_handover_dma_mmus),
	KUNIT_CASE(ref_handover_keep_mainline_off),
	{}
};

static struct kunit_suite ref_handover_suite = {
	.name = "socmmu_ref_handover",
	.test_cases = ref_handover_cases,
};

kunit_test_suites(&ref_handover_suite);

MODULE_DESCRIPTION("socmmu reference kernel: OMAP MMUs handed from mainline to ours");
MODULE_LICENSE("GPL");

// SPDX-License-Identifier: GPL-2.0
/*
 * A SYSMMU unbound while a client of it is probed, has the DMA layer and
 * no driver: what a driver that tried the client and refused it leaves
 * behind (in kunit/modules.list, socmmu_exynos_sleep_prep's, which takes
 * only the MFC and refuses the other clients).  The framework must take
 * the layer's domain off the client before the IOMMU core releases it:
 * 6.12 WARNs in __iommu_group_free_device() when the client's group is
 * emptied while on a domain other than its default one.  C only: the
 * driver core's calls and the device's IOMMU state.
 */
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/iommu.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/printk.h>

#include <socmmu_dma.h>

#include "../exynos_model/exynos_model.h"
#include "../kunit_shim.h"
#include "exynos_iommu_test.h"

static int eit_refuse(struct platform_device *pdev)
{
	return -ENODEV;
}

/* Matches nothing by itself: the case offers it the client. */
static struct platform_driver eit_refusing_driver = {
	.probe = eit_refuse,
	.driver = {
		.name = "socmmu-exynos-refusing-client",
	},
};

/*
 * The v7 client refused by a driver: probed, the layer on, no driver.
 * Expectations, not assertions, until the caller has put the client.
 */
static bool eit_refused_client(struct kunit *test, struct device *client)
{
	struct socmmu_dma_info info;
	int ret;

	/* No owner: on 6.1 this runs before the module's kobject exists. */
	ret = __platform_driver_register(&eit_refusing_driver, NULL);
	KUNIT_EXPECT_EQ(test, ret, 0);
	if (ret)
		return false;
	ret = device_driver_attach(&eit_refusing_driver.driver, client);
	platform_driver_unregister(&eit_refusing_driver);
	KUNIT_EXPECT_EQ(test, ret, -ENODEV);
	KUNIT_EXPECT_NULL(test, client->driver);
	KUNIT_EXPECT_EQ_MSG(test, socmmu_dma_get_info(client, &info), 0,
			    "the refused client has no DMA layer");
	KUNIT_EXPECT_NOT_NULL(test, socmmu_dma_domain(client));
	KUNIT_EXPECT_PTR_EQ_MSG(test, iommu_get_domain_for_dev(client), socmmu_dma_domain(client),
				"the client's group is not on the layer's domain");
	return !client->driver && socmmu_dma_domain(client);
}

/* Unbind @mmu under the refused @client: no WARN, the client released. */
static void eit_unbind_under(struct kunit *test, struct device *mmu, struct device *client)
{
	struct socmmu_dma_info info;
	struct iommu_group *group;
	char marker[96];

	snprintf(marker, sizeof(marker), "socmmu_exynos_iommu_test: unbinding %s, %s refused",
		 dev_name(mmu), dev_name(client));
	pr_info("%s\n", marker);
	device_release_driver(mmu);
	KUNIT_EXPECT_EQ_MSG(test, kx_kunit_log_lines(marker, "WARNING:", ""), 0,
			    "the IOMMU core warned while releasing the client");
	group = iommu_group_get(client);
	KUNIT_EXPECT_NULL_MSG(test, group, "the client is still in a group");
	if (group)
		iommu_group_put(group);
	KUNIT_EXPECT_EQ(test, socmmu_dma_get_info(client, &info), -ENODEV);
}

/*
 * The v7 SYSMMU unbound under its refused client, then bound again.
 * First in its suite, before the bench binds the client; the probe sweep
 * after it unbinds the SYSMMU again.
 */
void eit_unbind_refused_client(struct kunit *test)
{
	struct exynos_model *m = eit_model(EIT_V7, 0);
	struct device *mmu = m ? exynos_model_device(m) : NULL;
	struct device_node *np = of_find_node_by_path("/exynos-client-v7");
	struct platform_device *pdev = np ? of_find_device_by_node(np) : NULL;
	struct device_driver *drv = mmu ? mmu->driver : NULL;
	bool ready;

	of_node_put(np);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	ready = drv && !pdev->dev.driver;
	KUNIT_EXPECT_NOT_NULL_MSG(test, drv, "the v7 SYSMMU is not bound");
	KUNIT_EXPECT_NULL_MSG(test, pdev->dev.driver, "the v7 client is bound");
	if (ready && eit_refused_client(test, &pdev->dev)) {
		eit_unbind_under(test, mmu, &pdev->dev);
		KUNIT_EXPECT_EQ(test, device_driver_attach(drv, mmu), 0);
		KUNIT_EXPECT_TRUE(test, eit_is_instance("/sysmmu-v7@d2060000"));
	}
	put_device(&pdev->dev);
}

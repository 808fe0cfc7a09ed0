// SPDX-License-Identifier: GPL-2.0
/*
 * A SYSMMU unbound while a client of it is probed, has the DMA layer and
 * no driver: what a driver that tried the client and refused it leaves
 * behind (in kunit/modules.list, socmmu_exynos_sleep_prep's, which takes
 * only the MFC and refuses the other clients).  The framework must take
 * the layer's domain off the client before the IOMMU core releases it:
 * 6.12 WARNs in __iommu_group_free_device() when the client's group is
 * emptied while on a domain other than its default one.  And the MFC
 * client, behind two SYSMMUs, released when either of them is unbound.
 * C only: the driver core's calls and the device's IOMMU state.
 */
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <socmmu_dma.h>

#include "../../iommu/core/socmmu_iommu.h"

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

/*
 * Unbind @mmu after a marker line (@fmt, after the suite's name): no
 * WARNING and no KASAN report after it.
 */
static __printf(3, 4) void eit_unbind_marked(struct kunit *test, struct device *mmu,
					     const char *fmt, ...)
{
	char marker[96];
	va_list args;
	int len;

	len = scnprintf(marker, sizeof(marker), "socmmu_exynos_iommu_test: ");
	va_start(args, fmt);
	vscnprintf(marker + len, sizeof(marker) - len, fmt, args);
	va_end(args);
	pr_info("%s\n", marker);
	device_release_driver(mmu);
	KUNIT_EXPECT_EQ_MSG(test, kx_kunit_log_lines(marker, "WARNING:", ""), 0,
			    "the IOMMU core warned while %s was unbound", dev_name(mmu));
	KUNIT_EXPECT_EQ_MSG(test, kx_kunit_log_lines(marker, "KASAN", ""), 0,
			    "KASAN reported while %s was unbound", dev_name(mmu));
}

/* Unbind @mmu under the refused @client: no WARN, the client released. */
static void eit_unbind_under(struct kunit *test, struct device *mmu, struct device *client)
{
	struct socmmu_dma_info info;
	struct iommu_group *group;

	eit_unbind_marked(test, mmu, "unbinding %s, %s refused", dev_name(mmu), dev_name(client));
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

/* ---------------------------------------------- the MFC's two SYSMMUs -- */

/* The refusing driver offered @client: of_dma_configure() probes it again. */
static void eit_offer(struct kunit *test, struct device *client)
{
	int ret = __platform_driver_register(&eit_refusing_driver, NULL);

	KUNIT_EXPECT_EQ(test, ret, 0);
	if (ret)
		return;
	KUNIT_EXPECT_EQ(test, device_driver_attach(&eit_refusing_driver.driver, client), -ENODEV);
	platform_driver_unregister(&eit_refusing_driver);
}

/*
 * DMA through the layer while the client is runtime-active: its device
 * links power both SYSMMUs, and each walks the layer's table to the page.
 */
static void eit_mfc_dma(struct kunit *test, struct device *client, struct exynos_model **mmus)
{
	struct exynos_model_result res = {};
	u8 *page, buf[64];
	dma_addr_t iova;
	int i;

	page = (u8 *)get_zeroed_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	for (i = 0; i < PAGE_SIZE; i++)
		page[i] = i * 7 + 3;
	pm_runtime_enable(client);
	KUNIT_EXPECT_EQ(test, pm_runtime_resume_and_get(client), 0);
	iova = dma_map_single(client, page, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_EXPECT_FALSE(test, dma_mapping_error(client, iova));
	for (i = 0; i < 2 && !dma_mapping_error(client, iova); i++) {
		KUNIT_EXPECT_TRUE_MSG(test, exynos_model_powered(mmus[i]), "%s is off",
				      eit_dev_name(mmus[i]));
		if (exynos_model_read(mmus[i], iova, buf, sizeof(buf), &res) != EXYNOS_MODEL_OK) {
			KUNIT_FAIL(test, "%s does not translate 0x%llx: status %d",
				   eit_dev_name(mmus[i]), (u64)iova, res.status);
			continue;
		}
		KUNIT_EXPECT_EQ(test, res.phys, (u64)virt_to_phys(page));
		KUNIT_EXPECT_EQ(test, memcmp(buf, page, sizeof(buf)), 0);
	}
	if (!dma_mapping_error(client, iova))
		dma_unmap_single(client, iova, PAGE_SIZE, DMA_TO_DEVICE);
	pm_runtime_put_sync(client);
	pm_runtime_disable(client);
	free_page((unsigned long)page);
}

/* Whether sysfs has the file at /sys/@dir/@name (a link is followed). */
static bool eit_sysfs_has(const char *dir, const char *name)
{
	char *path = kasprintf(GFP_KERNEL, "/sys%s/%s", dir, name);
	struct file *f;

	if (!path)
		return false;
	f = filp_open(path, O_RDONLY, 0);
	kfree(path);
	if (IS_ERR(f))
		return false;
	filp_close(f, NULL);
	return true;
}

/*
 * Released as by its first SYSMMU's unbind: no group, no dev->iommu (the
 * framework's Client went with release_device), no layer, no sysfs link
 * either way, and the SYSMMU still bound (@other) translates for nobody.
 */
static void eit_mfc_released(struct kunit *test, struct device *client,
			     struct exynos_model **mmus, unsigned int other)
{
	struct socmmu_dma_info info;
	struct iommu_group *group = iommu_group_get(client);
	char *text = kzalloc(4096, GFP_KERNEL);
	char *path = kobject_get_path(&client->kobj, GFP_KERNEL);
	unsigned int i;

	KUNIT_EXPECT_NULL_MSG(test, group, "the client is still in a group");
	if (group)
		iommu_group_put(group);
	KUNIT_EXPECT_NULL_MSG(test, client->iommu, "the IOMMU core still holds the client");
	KUNIT_EXPECT_EQ(test, socmmu_dma_get_info(client, &info), -ENODEV);
	if (path)
		KUNIT_EXPECT_FALSE_MSG(test, eit_sysfs_has(path, "iommu"), "/sys%s/iommu is there",
				       path);
	kfree(path);
	KUNIT_ASSERT_NOT_NULL(test, text);
	for (i = 0; i < 2; i++) {
		snprintf(text, 4096, "/class/iommu/%s/devices", eit_dev_name(mmus[i]));
		KUNIT_EXPECT_FALSE_MSG(test, eit_sysfs_has(text, dev_name(client)),
				       "/sys%s/%s is still there", text, dev_name(client));
	}
	KUNIT_EXPECT_LT(test, 0, eit_debugfs_read(mmus[other], "pagetable", text, 4096));
	KUNIT_EXPECT_TRUE_MSG(test, eit_contains(text, "no paging domain"),
			      "%s still translates for the client:\n%s", eit_dev_name(mmus[other]),
			      text);
	kfree(text);
}

/*
 * Unbind SYSMMU @i of the MFC (0: the one the IOMMU core files the client
 * under, 1: the second), check the client released with no WARNING, bind
 * the SYSMMU again: that alone does not bring the client back (its release
 * freed its fwspec, which the core's probe at registration needs).
 */
static void eit_mfc_unbind(struct kunit *test, struct device *client, struct exynos_model **mmus,
			   unsigned int i, struct device_driver *drv)
{
	struct device *mmu = exynos_model_device(mmus[i]);
	struct socmmu_iommu_stats stats;
	struct iommu_group *group;

	eit_unbind_marked(test, mmu, "unbinding %s under %s", dev_name(mmu), dev_name(client));
	eit_mfc_released(test, client, mmus, !i);
	KUNIT_EXPECT_EQ(test, device_driver_attach(drv, mmu), 0);
	KUNIT_EXPECT_EQ(test, socmmu_iommu_get_stats(mmu, &stats), 0);
	group = iommu_group_get(client);
	KUNIT_EXPECT_NULL_MSG(test, group, "the SYSMMU's bind probed the client");
	if (group)
		iommu_group_put(group);
}

/*
 * The MFC client (no driver: socmmu_exynos_sleep_check gave it back) is
 * released whichever of its two SYSMMUs is unbound, the second as the
 * first.  The second first, on the client as the refusing driver leaves
 * it: probed long ago, without the layer (socmmu_exynos_sleep_prep's
 * driver took it off, and only the IOMMU core's probe puts it on).  Then,
 * each time, a driver's probe brings the client back behind both, with
 * the layer; DMA through it under runtime PM reaches the page through
 * both SYSMMUs; and the first, then the second SYSMMU is unbound under
 * it.  A client still filed with the freed instance shows here: KASAN on
 * the map through the layer, or on the release that follows.  Ends with
 * the client released and both SYSMMUs bound.
 */
void eit_unbind_second_sysmmu(struct kunit *test)
{
	struct exynos_model *mmus[2] = { eit_model(EIT_MFC, 0), eit_model(EIT_MFC, 1) };
	struct device_node *np = of_find_node_by_path("/exynos-client-mfc");
	struct platform_device *pdev = np ? of_find_device_by_node(np) : NULL;
	struct device *mmu1 = mmus[1] ? exynos_model_device(mmus[1]) : NULL;
	struct device_driver *drv = mmu1 ? mmu1->driver : NULL;
	static const unsigned int order[] = { 1, 0, 1 };
	unsigned int round;
	char dir[96];

	of_node_put(np);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	if (!mmus[0] || !drv || pdev->dev.driver) {
		KUNIT_FAIL(test, "the MFC's SYSMMUs are not both bound, or the MFC client is");
		put_device(&pdev->dev);
		return;
	}
	for (round = 0; round < ARRAY_SIZE(order); round++) {
		struct socmmu_dma_info info;

		eit_offer(test, &pdev->dev);
		KUNIT_EXPECT_TRUE_MSG(test, device_iommu_mapped(&pdev->dev),
				      "round %u: the client is not probed", round);
		/* What eit_mfc_released() checks gone: filed under its first. */
		snprintf(dir, sizeof(dir), "/class/iommu/%s/devices", eit_dev_name(mmus[0]));
		KUNIT_EXPECT_TRUE_MSG(test, eit_sysfs_has(dir, dev_name(&pdev->dev)),
				      "round %u: no /sys%s/%s", round, dir, dev_name(&pdev->dev));
		/* Each round after a release: a fresh probe, with the layer. */
		if (round)
			KUNIT_EXPECT_EQ_MSG(test, socmmu_dma_get_info(&pdev->dev, &info), 0,
					    "round %u: the client has no DMA layer", round);
		if (!socmmu_dma_get_info(&pdev->dev, &info))
			eit_mfc_dma(test, &pdev->dev, mmus);
		eit_mfc_unbind(test, &pdev->dev, mmus, order[round], drv);
	}
	put_device(&pdev->dev);
}

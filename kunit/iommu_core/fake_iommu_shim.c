// SPDX-License-Identifier: GPL-2.0
/*
 * The fake IOMMU driver's tables (fake_iommu.h), registered on the
 * framework like a real driver.  A module of its own, loaded before the
 * suite: 6.1 runs a module's suites before its init.
 */
#include <linux/export.h>
#include <linux/module.h>
#include <linux/of.h>

#include "../../iommu/core/socmmu_iommu.h"
#include "fake_iommu.h"

static const struct socmmu_dt_prop fake_props[FAKE_NR_PROPS] = {
	[FAKE_PROP_CONTEXTS] = { "socmmu,contexts", SOCMMU_DT_U32 },
	[FAKE_PROP_FORMAT] = { "socmmu,table-format", SOCMMU_DT_U32 },
	[FAKE_PROP_MAX_ID] = { "socmmu,max-id", SOCMMU_DT_U32 },
	[FAKE_PROP_CACHES_EMPTY_L1] = { "socmmu,caches-empty-l1", SOCMMU_DT_FLAG },
};

static const struct of_device_id fake_of_match[] = {
	{ .compatible = "socmmu,test-fake-iommu" },
	/* Refused by fake_hw_create() (no contexts): the probe's failure path. */
	{ .compatible = "socmmu,test-fake-iommu-refused" },
	{}
};

static struct socmmu_iommu_driver fake_driver = {
	.info = {
		.name = "socmmu-fake-iommu",
		.iommu_cells = 1,
		.create = fake_hw_create,
	},
	.of_match = fake_of_match,
	.props = fake_props,
	.nprops = FAKE_NR_PROPS,
	.min_irqs = 0,
	.max_irqs = 1,
	.max_clocks = 1,
};

EXPORT_SYMBOL_GPL(fake_iommu_log);
EXPORT_SYMBOL_GPL(fake_iommu_clear_log);
EXPORT_SYMBOL_GPL(fake_iommu_raise_fault);

static int __init fake_iommu_init(void)
{
	return socmmu_iommu_driver_register(&fake_driver);
}
module_init(fake_iommu_init);

static void __exit fake_iommu_exit(void)
{
	socmmu_iommu_driver_unregister(&fake_driver);
}
module_exit(fake_iommu_exit);

MODULE_DESCRIPTION("socmmu test bench: a fake IOMMU driver on the framework");
MODULE_LICENSE("GPL");

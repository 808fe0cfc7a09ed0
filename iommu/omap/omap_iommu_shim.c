// SPDX-License-Identifier: GPL-2.0
/*
 * The OMAP IOMMU driver's tables: mainline's compatibles and properties
 * (Documentation/devicetree/bindings/iommu/ti,omap-iommu.txt), so board
 * device trees bind unchanged.  The framework (iommu/core/) does the rest;
 * the hardware code is omap_hw.cpp.  See Documentation/omap-iommu.rst.
 */
#include <linux/module.h>
#include <linux/of.h>

#include "../core/socmmu_iommu.h"
#include "omap_iommu.h"

static const struct socmmu_dt_prop omap_iommu_props[OMAP_NR_PROPS] = {
	[OMAP_PROP_TLB_ENTRIES] = { "ti,#tlb-entries", SOCMMU_DT_U32 },
	[OMAP_PROP_BUS_ERR_BACK] = { "ti,iommu-bus-err-back", SOCMMU_DT_FLAG },
	[OMAP_PROP_SYSCON] = { "ti,syscon-mmuconfig", SOCMMU_DT_SYSCON },
};

static const struct of_device_id omap_iommu_of_match[] = {
	{ .compatible = "ti,omap2-iommu", .data = (void *)OMAP_VARIANT_MMU },
	{ .compatible = "ti,omap4-iommu", .data = (void *)OMAP_VARIANT_MMU },
	{ .compatible = "ti,dra7-iommu", .data = (void *)OMAP_VARIANT_MMU },
	{ .compatible = "ti,dra7-dsp-iommu", .data = (void *)OMAP_VARIANT_DRA7_DSP },
	{}
};
MODULE_DEVICE_TABLE(of, omap_iommu_of_match);

static struct socmmu_iommu_driver omap_iommu_driver = {
	.info = {
		.name = "socmmu-omap-iommu",
		.iommu_cells = 0,
		.create = omap_hw_create,
		.check = omap_hw_check,
	},
	.of_match = omap_iommu_of_match,
	.props = omap_iommu_props,
	.nprops = OMAP_NR_PROPS,
	.min_irqs = 1,
	.max_irqs = 1,
};

/*
 * Not omap_iommu_init: initcall_blacklist matches initcalls by function
 * name alone, modules' too, and stock kernels keep mainline's driver off
 * with initcall_blacklist=omap_iommu_init (Documentation/reference.rst).
 */
static int __init socmmu_omap_iommu_init(void)
{
	return socmmu_iommu_driver_register(&omap_iommu_driver);
}
module_init(socmmu_omap_iommu_init);

static void __exit socmmu_omap_iommu_exit(void)
{
	socmmu_iommu_driver_unregister(&omap_iommu_driver);
}
module_exit(socmmu_omap_iommu_exit);

MODULE_DESCRIPTION("socmmu: TI OMAP IOMMU driver");
MODULE_LICENSE("GPL");

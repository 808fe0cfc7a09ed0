// SPDX-License-Identifier: GPL-2.0
/*
 * The Exynos SYSMMU driver's tables: mainline's compatible and binding
 * (Documentation/devicetree/bindings/iommu/samsung,sysmmu.yaml: reg, one
 * interrupt, clocks "sysmmu" or "aclk" + "pclk" with an optional
 * "master", power-domains, #iommu-cells = <0>), so board device trees
 * bind unchanged.  The framework (iommu/core/) does the rest; the
 * hardware code is exynos_hw.cpp.  See Documentation/exynos-iommu.rst.
 */
#include <linux/module.h>
#include <linux/of.h>

#include "../core/socmmu_iommu.h"
#include "exynos_iommu.h"

/* Which version and register layout a SYSMMU has, VERSION says: one compatible. */
static const struct of_device_id exynos_iommu_of_match[] = {
	{ .compatible = "samsung,exynos-sysmmu" },
	{}
};
MODULE_DEVICE_TABLE(of, exynos_iommu_of_match);

static struct socmmu_iommu_driver exynos_iommu_driver = {
	.info = {
		.name = "socmmu-exynos-sysmmu",
		.iommu_cells = 0,
		.create = exynos_hw_create,
	},
	.of_match = exynos_iommu_of_match,
	.min_irqs = 1,
	.max_irqs = 1,
	.max_clocks = EXYNOS_MAX_CLOCKS,
};

static int __init exynos_iommu_init(void)
{
	return socmmu_iommu_driver_register(&exynos_iommu_driver);
}
module_init(exynos_iommu_init);

static void __exit exynos_iommu_exit(void)
{
	socmmu_iommu_driver_unregister(&exynos_iommu_driver);
}
module_exit(exynos_iommu_exit);

MODULE_DESCRIPTION("socmmu: Samsung Exynos SYSMMU driver, v1 to v7");
MODULE_LICENSE("GPL");

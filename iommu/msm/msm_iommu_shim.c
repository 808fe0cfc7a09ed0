// SPDX-License-Identifier: GPL-2.0
/*
 * The MSM IOMMU driver's tables: mainline's compatible and properties
 * (Documentation/devicetree/bindings/iommu/qcom,apq8064-iommu.yaml), so
 * board device trees bind unchanged: reg, one or two interrupts
 * (non-secure, secure), clocks smmu_pclk and iommu_clk, qcom,ncb and
 * #iommu-cells = <1> (the MID).  The framework (iommu/core/) does the
 * rest; the hardware code is msm_hw.cpp.  See Documentation/msm-iommu.rst.
 */
#include <linux/module.h>
#include <linux/of.h>

#include "../core/socmmu_iommu.h"
#include "msm_iommu.h"

static const struct socmmu_dt_prop msm_iommu_props[MSM_NR_PROPS] = {
	[MSM_PROP_NCB] = { "qcom,ncb", SOCMMU_DT_U32 },
};

static const struct of_device_id msm_iommu_of_match[] = {
	{ .compatible = "qcom,apq8064-iommu", .data = (void *)MSM_VARIANT_APQ8064 },
	{}
};
MODULE_DEVICE_TABLE(of, msm_iommu_of_match);

static struct socmmu_iommu_driver msm_iommu_driver = {
	.info = {
		.name = "socmmu-msm-iommu",
		.iommu_cells = 1,
		.create = msm_hw_create,
	},
	.of_match = msm_iommu_of_match,
	.props = msm_iommu_props,
	.nprops = MSM_NR_PROPS,
	.min_irqs = 1,
	.max_irqs = 2,
	.max_clocks = 2,
};

static int __init msm_iommu_init(void)
{
	return socmmu_iommu_driver_register(&msm_iommu_driver);
}
module_init(msm_iommu_init);

static void __exit msm_iommu_exit(void)
{
	socmmu_iommu_driver_unregister(&msm_iommu_driver);
}
module_exit(msm_iommu_exit);

MODULE_DESCRIPTION("socmmu: Qualcomm MSM (APQ8064) IOMMU driver");
MODULE_LICENSE("GPL");

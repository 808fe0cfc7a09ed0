/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Qualcomm MSM IOMMU driver: what its C shim (msm_iommu_shim.c: the
 * compatible and property names) and its C++ hardware code (msm_hw.cpp)
 * share.  See Documentation/msm-iommu.rst.
 */
#ifndef SOCMMU_MSM_IOMMU_H
#define SOCMMU_MSM_IOMMU_H

#include <shim/base.h>

#include "../core/driver_abi.h"

/* The binding's properties, in the order of the shim's table. */
enum msm_prop {
	MSM_PROP_NCB,			/* qcom,ncb */
	MSM_NR_PROPS,
};

/* of_device_id.data */
enum msm_variant {
	MSM_VARIANT_APQ8064,		/* qcom,apq8064-iommu */
};

KX_BEGIN_DECLS

/* socmmu_driver_info.create: the socmmu::Hardware of one IOMMU. */
void *msm_hw_create(const struct socmmu_hw_params *params, int *err) KX_NOEXCEPT;

KX_END_DECLS

#endif

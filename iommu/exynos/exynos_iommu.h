/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Exynos SYSMMU driver: what its C shim (exynos_iommu_shim.c: the
 * compatible, one interrupt, the clocks) and its C++ hardware code
 * (exynos_hw.cpp) share.  See Documentation/exynos-iommu.rst.
 */
#ifndef SOCMMU_EXYNOS_IOMMU_H
#define SOCMMU_EXYNOS_IOMMU_H

#include <shim/base.h>

#include "../core/driver_abi.h"

/*
 * Clocks the binding may name: "sysmmu", or "aclk" and "pclk"; "master"
 * optional with either (mainline accepts it with both).
 */
#define EXYNOS_MAX_CLOCKS	3

KX_BEGIN_DECLS

/* socmmu_driver_info.create: the socmmu::Hardware of one SYSMMU. */
void *exynos_hw_create(const struct socmmu_hw_params *params, int *err) KX_NOEXCEPT;

KX_END_DECLS

#endif

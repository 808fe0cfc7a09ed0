/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The OMAP IOMMU driver: what its C shim (omap_iommu_shim.c: compatibles
 * and property names) and its C++ hardware code (omap_hw.cpp) share.
 * See Documentation/omap-iommu.rst.
 */
#ifndef SOCMMU_OMAP_IOMMU_H
#define SOCMMU_OMAP_IOMMU_H

#include <shim/base.h>

#include "../core/driver_abi.h"

/* The binding's properties, in the order of the shim's table. */
enum omap_prop {
	OMAP_PROP_TLB_ENTRIES,		/* ti,#tlb-entries */
	OMAP_PROP_BUS_ERR_BACK,		/* ti,iommu-bus-err-back */
	OMAP_PROP_SYSCON,		/* ti,syscon-mmuconfig */
	OMAP_NR_PROPS,
};

/* of_device_id.data */
enum omap_variant {
	OMAP_VARIANT_MMU,		/* OMAP2/3, OMAP4/5, DRA7 */
	OMAP_VARIANT_DRA7_DSP,		/* DRA7 DSP: enabled through the DSP_SYSTEM syscon */
};

KX_BEGIN_DECLS

/* socmmu_driver_info.create: the socmmu::Hardware of one MMU. */
void *omap_hw_create(const struct socmmu_hw_params *params, int *err) KX_NOEXCEPT;
/* socmmu_driver_info.check: the binding alone, as omap_hw_create() checks it. */
int omap_hw_check(const struct socmmu_hw_params *params) KX_NOEXCEPT;

KX_END_DECLS

#endif

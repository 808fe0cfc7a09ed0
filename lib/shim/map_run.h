/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A physically contiguous run to map at one IOVA: what the DMA layer hands
 * an IOMMU framework that maps a whole list in one call (socmmu_dma.h,
 * iommu/core/core_abi.h), so that neither has to copy the other's runs.
 */
#ifndef KX_SHIM_MAP_RUN_H
#define KX_SHIM_MAP_RUN_H

#include <shim/base.h>

struct kx_map_run {
	u64 iova;
	u64 phys;
	u64 size;
};

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel services the DMA engine (dma_engine.cpp) calls: the IOMMU
 * API, the flush queue's timer, and scatterlist accessors.  See
 * Documentation/dma-layer.rst.
 */
#include <linux/iommu.h>
#include <linux/scatterlist.h>
#include <linux/workqueue.h>

#include <shim/kcompat.h>

#include "dma_device.h"

int kx_dma_iommu_map(struct iommu_domain *domain, u64 iova, u64 phys, u64 size, int prot,
		     bool atomic)
{
	return kx_iommu_map_gfp(domain, iova, phys, size, prot,
				atomic ? GFP_ATOMIC : GFP_KERNEL);
}

u64 kx_dma_iommu_unmap(struct iommu_domain *domain, u64 iova, u64 size, bool sync)
{
	struct iommu_iotlb_gather gather;

	if (sync)
		return iommu_unmap(domain, iova, size);
	/* The flush queue invalidates later, with flush_iotlb_all. */
	iommu_iotlb_gather_init(&gather);
	return iommu_unmap_fast(domain, iova, size, &gather);
}

void kx_dma_iommu_flush_all(struct iommu_domain *domain)
{
	iommu_flush_iotlb_all(domain);
}

void kx_dma_schedule_flush(void *owner, unsigned int delay_ms)
{
	struct socmmu_dma_device *d = owner;

	schedule_delayed_work(&d->flush_work, msecs_to_jiffies(delay_ms));
}

void socmmu_dma_flush_work(struct work_struct *work)
{
	struct socmmu_dma_device *d =
		container_of(to_delayed_work(work), struct socmmu_dma_device, flush_work);

	dma_engine_flush_queue(d->engine);
}

struct scatterlist *kx_sg_next(struct scatterlist *sg)
{
	return sg_next(sg);
}

u64 kx_sg_phys(struct scatterlist *sg)
{
	return sg_phys(sg);
}

u32 kx_sg_length(struct scatterlist *sg)
{
	return sg->length;
}

u64 kx_sg_dma_address(struct scatterlist *sg)
{
	return sg_dma_address(sg);
}

u32 kx_sg_dma_len(struct scatterlist *sg)
{
	return sg_dma_len(sg);
}

void kx_sg_set_dma(struct scatterlist *sg, u64 addr, u32 len)
{
	sg_dma_address(sg) = addr;
	sg_dma_len(sg) = len;
}

bool kx_sg_has_dma_length(void)
{
	return IS_ENABLED(CONFIG_NEED_SG_DMA_LENGTH);
}

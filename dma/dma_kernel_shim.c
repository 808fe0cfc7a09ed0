// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel services the DMA engine (dma_engine.cpp) is created with: the
 * IOMMU API on the device's domain, the flush queue's timer, and
 * scatterlist accessors.  See Documentation/dma-layer.rst.
 */
#include <linux/build_bug.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/scatterlist.h>
#include <linux/workqueue.h>

#include <shim/kcompat.h>

#include "dma_device.h"

/* The constants C++ decides with (dma_rules.h) are the kernel's. */
static_assert(KX_DMA_BIDIRECTIONAL == DMA_BIDIRECTIONAL);
static_assert(KX_DMA_TO_DEVICE == DMA_TO_DEVICE);
static_assert(KX_DMA_FROM_DEVICE == DMA_FROM_DEVICE);
static_assert(KX_DMA_NONE == DMA_NONE);
static_assert(KX_DMA_ATTR_SKIP_CPU_SYNC == DMA_ATTR_SKIP_CPU_SYNC);
static_assert(KX_DMA_ATTR_FORCE_CONTIGUOUS == DMA_ATTR_FORCE_CONTIGUOUS);
static_assert(KX_DMA_ATTR_ALLOC_SINGLE_PAGES == DMA_ATTR_ALLOC_SINGLE_PAGES);
static_assert(KX_DMA_ATTR_PRIVILEGED == DMA_ATTR_PRIVILEGED);
static_assert(KX_DMA_IOMMU_READ == IOMMU_READ);
static_assert(KX_DMA_IOMMU_WRITE == IOMMU_WRITE);
static_assert(KX_DMA_IOMMU_CACHE == IOMMU_CACHE);
static_assert(KX_DMA_IOMMU_MMIO == IOMMU_MMIO);
static_assert(KX_DMA_IOMMU_PRIV == IOMMU_PRIV);

static int socmmu_dma_iommu_map(void *ctx, u64 iova, u64 phys, u64 size, int prot, bool atomic)
{
	struct socmmu_dma_device *d = ctx;

	return kx_iommu_map_gfp(d->domain, iova, phys, size, prot,
				atomic ? GFP_ATOMIC : GFP_KERNEL);
}

/* The framework's: all runs or none (socmmu_dma_mapper). */
static int socmmu_dma_map_runs(void *ctx, const struct kx_map_run *runs, unsigned int n, int prot,
			       bool atomic)
{
	struct socmmu_dma_device *d = ctx;

	return d->map_runs(d->domain, runs, n, prot, atomic ? GFP_ATOMIC : GFP_KERNEL);
}

#if KX_IOMMU_MAP_SG_GFP
/* iommu_map_sg() undoes what it mapped when it fails. */
static int socmmu_dma_iommu_map_sg(void *ctx, u64 iova, struct scatterlist *sg, int nents,
				   int prot, bool atomic)
{
	struct socmmu_dma_device *d = ctx;
	ssize_t mapped = kx_iommu_map_sg_gfp(d->domain, iova, sg, nents, prot,
					     atomic ? GFP_ATOMIC : GFP_KERNEL);

	return mapped < 0 ? (int)mapped : 0;
}
#else
/* 6.1: the engine maps run by run. */
#define socmmu_dma_iommu_map_sg NULL
#endif

static u64 socmmu_dma_iommu_unmap(void *ctx, u64 iova, u64 size, bool sync)
{
	struct socmmu_dma_device *d = ctx;
	struct iommu_iotlb_gather gather;

	if (sync)
		return iommu_unmap(d->domain, iova, size);
	/* The flush queue invalidates later, with flush_iotlb_all. */
	iommu_iotlb_gather_init(&gather);
	return iommu_unmap_fast(d->domain, iova, size, &gather);
}

static void socmmu_dma_iommu_flush_all(void *ctx)
{
	struct socmmu_dma_device *d = ctx;

	iommu_flush_iotlb_all(d->domain);
}

static void socmmu_dma_schedule_flush(void *ctx, unsigned int delay_ms)
{
	struct socmmu_dma_device *d = ctx;

	schedule_delayed_work(&d->flush_work, msecs_to_jiffies(delay_ms));
}

void socmmu_dma_flush_work(struct work_struct *work)
{
	struct socmmu_dma_device *d =
		container_of(to_delayed_work(work), struct socmmu_dma_device, flush_work);

	dma_engine_flush_queue(d->engine);
}

/* The engine's batched scatterlist accessors (dma_engine.h). */
static void socmmu_dma_sg_read(struct scatterlist **cursor, struct dma_sg_entry *out,
			       unsigned int n, bool clear_dma)
{
	struct scatterlist *s = *cursor;
	unsigned int i;

	for (i = 0; i < n; i++, s = sg_next(s)) {
		out[i].phys = sg_phys(s);
		out[i].length = s->length;
		/* Without a DMA length of its own, sg_dma_len() is the length. */
		if (IS_ENABLED(CONFIG_NEED_SG_DMA_LENGTH) && clear_dma)
			sg_dma_len(s) = 0;
	}
	*cursor = s;
}

static void socmmu_dma_sg_write_dma(struct scatterlist **cursor, const struct dma_sg_seg *segs,
				    unsigned int n)
{
	struct scatterlist *s = *cursor;
	unsigned int i;

	for (i = 0; i < n; i++, s = sg_next(s)) {
		sg_dma_address(s) = segs[i].addr;
		sg_dma_len(s) = segs[i].len;
	}
	*cursor = s;
}

static void socmmu_dma_sg_read_dma(struct scatterlist **cursor, struct dma_sg_seg *out,
				   unsigned int n)
{
	struct scatterlist *s = *cursor;
	unsigned int i;

	for (i = 0; i < n; i++, s = sg_next(s)) {
		out[i].addr = sg_dma_address(s);
		out[i].len = sg_dma_len(s);
	}
	*cursor = s;
}

static void socmmu_dma_sg_offset_dma(struct scatterlist *sg, unsigned int n, u64 base)
{
	struct scatterlist *s;
	unsigned int i;

	for_each_sg(sg, s, n, i)
		sg_dma_address(s) += base;
}

#define SOCMMU_DMA_KERNEL_BACKEND					\
	.map = socmmu_dma_iommu_map,					\
	.unmap = socmmu_dma_iommu_unmap,				\
	.flush_all = socmmu_dma_iommu_flush_all,			\
	.schedule_flush = socmmu_dma_schedule_flush,			\
	.sg_read = socmmu_dma_sg_read,					\
	.sg_write_dma = socmmu_dma_sg_write_dma,			\
	.sg_read_dma = socmmu_dma_sg_read_dma,				\
	.sg_offset_dma = socmmu_dma_sg_offset_dma,			\
	.sg_has_dma_length = IS_ENABLED(CONFIG_NEED_SG_DMA_LENGTH)

const struct dma_engine_backend socmmu_dma_kernel_backend = {
	SOCMMU_DMA_KERNEL_BACKEND,
	.map_sg = socmmu_dma_iommu_map_sg,
};

/* map_runs replaces map and map_sg wherever the engine has runs to map. */
const struct dma_engine_backend socmmu_dma_runs_backend = {
	SOCMMU_DMA_KERNEL_BACKEND,
	.map_runs = socmmu_dma_map_runs,
};

// SPDX-License-Identifier: GPL-2.0
/*
 * The mapping rows of socmmu_dma_bench: the DMA layer's dma_map_sg() and
 * dma_map_page() on the test DT's dma2 client, against what dma-iommu does
 * with the kernel's own pieces (alloc_iova_fast() + iommu_map_sg() or
 * iommu_map(), iommu_unmap() + free_iova_fast()) in the same domain, over
 * an IOVA area reserved for it.  Both sides drive the same OMAP driver and
 * page tables, so the difference is the IOVA allocation, the layout and
 * the bookkeeping around iommu_map.  Our side calls the ops directly:
 * dma_map_sg() would add DMA_API_DEBUG's per-entry checks (on in the test
 * kernels), which the reference side never pays and which any dma_map_ops,
 * dma-iommu's included, pays alike.
 */
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/iova.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "../dma/dma_test.h"
#include "dma_bench.h"

#define MAP_BENCH_CLIENT	2		/* dma2: the default window */
#define MAP_BENCH_AREA		0xc0000000ULL	/* the reference path's IOVAs */
#define MAP_BENCH_AREA_SIZE	0x10000000ULL

struct map_bench {
	struct device *dev;
	struct iommu_domain *domain;
	struct iova_domain iovad;
	struct page **pages;
	struct sg_table sgt;
	bool have_iovad;
};

static struct map_bench mb;

int map_bench_init(unsigned int npages)
{
	unsigned int i;
	int ret;

	mb.dev = dma_test_client(MAP_BENCH_CLIENT);
	mb.domain = mb.dev ? socmmu_dma_domain(mb.dev) : NULL;
	if (!mb.domain)
		return -ENODEV;
	mb.pages = kcalloc(npages, sizeof(*mb.pages), GFP_KERNEL);
	if (!mb.pages)
		return -ENOMEM;
	/* Scattered: every other page allocated goes back. */
	for (i = 0; i < npages; i++) {
		struct page *spare = alloc_page(GFP_KERNEL);

		mb.pages[i] = alloc_page(GFP_KERNEL);
		if (spare)
			__free_page(spare);
		if (!mb.pages[i])
			return -ENOMEM;
	}
	ret = sg_alloc_table(&mb.sgt, npages, GFP_KERNEL);
	if (ret)
		return ret;
	ret = socmmu_dma_reserve(mb.dev, MAP_BENCH_AREA, MAP_BENCH_AREA_SIZE);
	if (ret)
		return ret;
	ret = iova_cache_get();
	if (ret)
		return ret;
	init_iova_domain(&mb.iovad, PAGE_SIZE, MAP_BENCH_AREA >> PAGE_SHIFT);
	ret = iova_domain_init_rcaches(&mb.iovad);
	if (ret) {
		put_iova_domain(&mb.iovad);
		iova_cache_put();
		return ret;
	}
	mb.have_iovad = true;
	return 0;
}

void map_bench_exit(unsigned int npages)
{
	unsigned int i;

	if (mb.have_iovad) {
		put_iova_domain(&mb.iovad);
		iova_cache_put();
		socmmu_dma_unreserve(mb.dev, MAP_BENCH_AREA, MAP_BENCH_AREA_SIZE);
	}
	sg_free_table(&mb.sgt);
	for (i = 0; mb.pages && i < npages; i++) {
		if (mb.pages[i])
			__free_page(mb.pages[i]);
	}
	kfree(mb.pages);
	memset(&mb, 0, sizeof(mb));
}

static void map_bench_fill_sg(unsigned int npages)
{
	struct scatterlist *s;
	unsigned int i;

	for_each_sg(mb.sgt.sgl, s, npages, i)
		sg_set_page(s, mb.pages[i], PAGE_SIZE, 0);
}

int map_bench_socmmu_sg(const void *arg, u64 *ns_per_op)
{
	const struct map_bench_workload *w = arg;
	const struct dma_map_ops *ops = get_dma_ops(mb.dev);
	unsigned int op;
	u64 start;
	int count;

	map_bench_fill_sg(w->npages);
	start = ktime_get_ns();
	for (op = 0; op < w->ops; op++) {
		count = ops->map_sg(mb.dev, mb.sgt.sgl, w->npages, DMA_TO_DEVICE, 0);
		if (count <= 0)
			return count ? count : -EIO;
		ops->unmap_sg(mb.dev, mb.sgt.sgl, w->npages, DMA_TO_DEVICE, 0);
	}
	*ns_per_op = div_u64(ktime_get_ns() - start, w->ops);
	return 0;
}

/* dma-iommu's steps for a page-aligned list, with the kernel's pieces. */
int map_bench_kernel_sg(const void *arg, u64 *ns_per_op)
{
	const struct map_bench_workload *w = arg;
	unsigned long limit = ((MAP_BENCH_AREA + MAP_BENCH_AREA_SIZE) >> PAGE_SHIFT) - 1;
	size_t len = (size_t)w->npages << PAGE_SHIFT;
	unsigned int op;
	u64 start;

	map_bench_fill_sg(w->npages);
	start = ktime_get_ns();
	for (op = 0; op < w->ops; op++) {
		unsigned long pfn = alloc_iova_fast(&mb.iovad, w->npages, limit, true);
		dma_addr_t iova = (dma_addr_t)pfn << PAGE_SHIFT;

		if (!pfn)
			return -ENOSPC;
		if (kx_iommu_map_sg(mb.domain, iova, mb.sgt.sgl, w->npages,
				    IOMMU_READ) != len)
			return -EIO;
		iommu_unmap(mb.domain, iova, len);
		free_iova_fast(&mb.iovad, pfn, w->npages);
	}
	*ns_per_op = div_u64(ktime_get_ns() - start, w->ops);
	return 0;
}

int map_bench_socmmu_page(const void *arg, u64 *ns_per_op)
{
	const struct map_bench_workload *w = arg;
	const struct dma_map_ops *ops = get_dma_ops(mb.dev);
	unsigned int op;
	u64 start;

	start = ktime_get_ns();
	for (op = 0; op < w->ops; op++) {
		dma_addr_t iova = ops->map_page(mb.dev, mb.pages[op % w->npages], 0, PAGE_SIZE,
						DMA_TO_DEVICE, 0);

		if (iova == DMA_MAPPING_ERROR)
			return -ENOMEM;
		ops->unmap_page(mb.dev, iova, PAGE_SIZE, DMA_TO_DEVICE, 0);
	}
	*ns_per_op = div_u64(ktime_get_ns() - start, w->ops);
	return 0;
}

int map_bench_kernel_page(const void *arg, u64 *ns_per_op)
{
	const struct map_bench_workload *w = arg;
	unsigned long limit = ((MAP_BENCH_AREA + MAP_BENCH_AREA_SIZE) >> PAGE_SHIFT) - 1;
	unsigned int op;
	u64 start;

	start = ktime_get_ns();
	for (op = 0; op < w->ops; op++) {
		unsigned long pfn = alloc_iova_fast(&mb.iovad, 1, limit, true);
		dma_addr_t iova = (dma_addr_t)pfn << PAGE_SHIFT;

		if (!pfn)
			return -ENOSPC;
		if (kx_iommu_map_atomic(mb.domain, iova, page_to_phys(mb.pages[op % w->npages]),
					PAGE_SIZE, IOMMU_READ))
			return -EIO;
		iommu_unmap(mb.domain, iova, PAGE_SIZE);
		free_iova_fast(&mb.iovad, pfn, 1);
	}
	*ns_per_op = div_u64(ktime_get_ns() - start, w->ops);
	return 0;
}

/*
 * The map_sg row in pieces: the same 256 scattered pages mapped at one
 * fixed IOVA of the reserved area by one iommu_map() per page (what the
 * DMA layer's backend does per run) and by one iommu_map_sg() (what
 * dma-iommu does), each then unmapped by one iommu_unmap().  No IOVA
 * allocation and no sg walk of ours: what is left of the map_sg row's gap
 * is the DMA layer's own.
 */
int map_bench_pieces_map_each(const void *arg, u64 *ns_per_op)
{
	const struct map_bench_workload *w = arg;
	size_t len = (size_t)w->npages << PAGE_SHIFT;
	unsigned int op, i;
	u64 start;

	start = ktime_get_ns();
	for (op = 0; op < w->ops; op++) {
		for (i = 0; i < w->npages; i++)
			if (kx_iommu_map_gfp(mb.domain, MAP_BENCH_AREA + ((u64)i << PAGE_SHIFT),
					     page_to_phys(mb.pages[i]), PAGE_SIZE, IOMMU_READ,
					     GFP_KERNEL))
				return -EIO;
		if (iommu_unmap(mb.domain, MAP_BENCH_AREA, len) != len)
			return -EIO;
	}
	*ns_per_op = div_u64(ktime_get_ns() - start, w->ops);
	return 0;
}

int map_bench_pieces_map_sg(const void *arg, u64 *ns_per_op)
{
	const struct map_bench_workload *w = arg;
	size_t len = (size_t)w->npages << PAGE_SHIFT;
	unsigned int op;
	u64 start;

	map_bench_fill_sg(w->npages);
	start = ktime_get_ns();
	for (op = 0; op < w->ops; op++) {
		if (kx_iommu_map_sg(mb.domain, MAP_BENCH_AREA, mb.sgt.sgl, w->npages,
				    IOMMU_READ) != len)
			return -EIO;
		if (iommu_unmap(mb.domain, MAP_BENCH_AREA, len) != len)
			return -EIO;
	}
	*ns_per_op = div_u64(ktime_get_ns() - start, w->ops);
	return 0;
}

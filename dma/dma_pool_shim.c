// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA layer's atomic pool: 256 KiB of pages, cleaned and invalidated
 * once and mapped uncached, for coherent allocations by callers that
 * cannot sleep.  Carved by an allocator of the engine's (addresses are
 * physical here).  See Documentation/dma-layer.rst.
 */
#include <linux/dma-map-ops.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "dma_device.h"

/* The atomic pool: coherent memory for callers that cannot sleep. */
#define SOCMMU_DMA_POOL_ORDER	6	/* 256 KiB with 4 KiB pages */
static struct dma_range_pool *socmmu_dma_pool;	/* by physical address */
static struct page **socmmu_dma_pool_pages;
static void *socmmu_dma_pool_vaddr;
static phys_addr_t socmmu_dma_pool_phys;
static DEFINE_MUTEX(socmmu_dma_pool_lock);

int socmmu_dma_pool_init(void)
{
	unsigned int n = 1U << SOCMMU_DMA_POOL_ORDER, i;
	size_t size = (size_t)n << PAGE_SHIFT;
	struct page *page = NULL;
	int ret = -ENOMEM;

	mutex_lock(&socmmu_dma_pool_lock);
	if (socmmu_dma_pool) {
		mutex_unlock(&socmmu_dma_pool_lock);
		return 0;
	}
	socmmu_dma_pool_pages = kcalloc(n, sizeof(*socmmu_dma_pool_pages), GFP_KERNEL);
	if (socmmu_dma_pool_pages)
		page = alloc_pages(GFP_KERNEL | __GFP_ZERO, SOCMMU_DMA_POOL_ORDER);
	if (!page)
		goto err;
	split_page(page, SOCMMU_DMA_POOL_ORDER);
	for (i = 0; i < n; i++) {
		socmmu_dma_pool_pages[i] = page + i;
		/* Clean and invalidate before the uncached alias exists. */
		socmmu_dma_cache_flush_phys(page_to_phys(page + i), PAGE_SIZE);
	}
	socmmu_dma_pool_vaddr = vmap(socmmu_dma_pool_pages, n, VM_MAP,
				     pgprot_dmacoherent(PAGE_KERNEL));
	if (!socmmu_dma_pool_vaddr)
		goto err_pages;
	socmmu_dma_pool_phys = page_to_phys(page);
	socmmu_dma_pool = dma_range_pool_create(socmmu_dma_pool_phys, socmmu_dma_pool_phys + size,
						PAGE_SIZE, &ret);
	if (!socmmu_dma_pool)
		goto err_vunmap;
	mutex_unlock(&socmmu_dma_pool_lock);
	return 0;

err_vunmap:
	vunmap(socmmu_dma_pool_vaddr);
err_pages:
	socmmu_dma_free_page_array(socmmu_dma_pool_pages, n);
err:
	kfree(socmmu_dma_pool_pages);
	socmmu_dma_pool_pages = NULL;
	mutex_unlock(&socmmu_dma_pool_lock);
	return ret;
}

void socmmu_dma_pool_exit(void)
{
	if (!socmmu_dma_pool)
		return;
	dma_range_pool_destroy(socmmu_dma_pool);
	socmmu_dma_pool = NULL;
	vunmap(socmmu_dma_pool_vaddr);
	socmmu_dma_free_page_array(socmmu_dma_pool_pages, 1U << SOCMMU_DMA_POOL_ORDER);
	kfree(socmmu_dma_pool_pages);
	socmmu_dma_pool_pages = NULL;
}

void *socmmu_dma_pool_alloc(size_t size, phys_addr_t *phys)
{
	u64 addr = socmmu_dma_pool ? dma_range_pool_alloc(socmmu_dma_pool, size) : DMA_ENGINE_ERROR;

	if (addr == DMA_ENGINE_ERROR)
		return NULL;
	*phys = addr;
	return socmmu_dma_pool_vaddr + (addr - socmmu_dma_pool_phys);
}

void socmmu_dma_pool_free(void *vaddr, size_t size)
{
	dma_range_pool_free(socmmu_dma_pool,
			    socmmu_dma_pool_phys + (vaddr - socmmu_dma_pool_vaddr), size);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Coherent memory whose device address the user chooses, or learns: for
 * remote processors, whose firmware is linked at fixed device addresses
 * and whose vring descriptors carry physical addresses.
 *
 * Fixed areas (socmmu_dma_alloc_fixed()) are one physically contiguous,
 * zeroed block mapped at the IOVA asked for, in the domain the DMA API
 * maps into; the part inside the window is reserved first, so no DMA-API
 * buffer, present or future, can be there.
 *
 * Declared memory (socmmu_dma_declare_coherent()) is one such block mapped
 * at an IOVA the window's allocator picks.  While it is declared, the
 * device's coherent allocations (and those of every device sharing its
 * dma_map_ops, such as remoteproc's rproc-virtio child) are carved from
 * it, so that for every buffer handle - iova == phys - phys_base: a remote
 * processor told (iova, phys, size) turns a physical address into a device
 * address it then reaches through the IOMMU.  It is the DMA layer's
 * dma_declare_coherent_memory(), which UML cannot have (memremap of RAM
 * there ends in ioremap) and which would bypass our mapping anyway.
 *
 * Kernel mappings are as dma_alloc_coherent()'s: the linear map on
 * coherent devices, an uncached alias (after cleaning the linear one) on
 * the others.  See Documentation/dma-layer.rst.
 */
#include <linux/device.h>
#include <linux/dma-map-ops.h>
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include <shim/kcompat.h>

#include "dma_device.h"
#include "dma_fixed.h"

/* One physically contiguous block with a kernel mapping. */
struct socmmu_dma_block {
	struct list_head node;		/* socmmu_dma_device.fixed */
	dma_addr_t iova;
	size_t size;			/* page-aligned */
	phys_addr_t phys;
	void *linear;			/* from alloc_pages_exact() */
	void *cpu_addr;			/* the kernel mapping users get */
};

/* The declared memory of a device, and the ops it replaced. */
struct socmmu_dma_declared_mem {
	struct socmmu_dma_block block;
	struct dma_range_pool *range;	/* by IOVA, over the block */
	atomic_t live;			/* buffers carved and not freed */
	void *(*alloc)(struct device *dev, size_t size, dma_addr_t *handle, gfp_t gfp,
		       unsigned long attrs);
	void (*free)(struct device *dev, size_t size, void *cpu_addr, dma_addr_t handle,
		     unsigned long attrs);
	int (*mmap)(struct device *dev, struct vm_area_struct *vma, void *cpu_addr,
		    dma_addr_t handle, size_t size, unsigned long attrs);
	int (*get_sgtable)(struct device *dev, struct sg_table *sgt, void *cpu_addr,
			   dma_addr_t handle, size_t size, unsigned long attrs);
};

/* Both directions, for the whole life of the area, as a coherent buffer's. */
static struct dma_access socmmu_dma_fixed_access(struct device *dev)
{
	return (struct dma_access) {
		.dir = DMA_BIDIRECTIONAL,
		.mask = dev->coherent_dma_mask,
	};
}

static int socmmu_dma_block_alloc(struct device *dev, size_t size, struct socmmu_dma_block *b)
{
	unsigned int n = size >> PAGE_SHIFT, i;
	struct page **pages;

	/* Beyond the largest order the allocator simply says no: no WARN. */
	b->linear = alloc_pages_exact(size, GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN);
	if (!b->linear) {
		dev_err(dev, "no physically contiguous block of %zu bytes\n", size);
		return -ENOMEM;
	}
	b->size = size;
	b->phys = virt_to_phys(b->linear);
	if (dev_is_dma_coherent(dev)) {
		b->cpu_addr = b->linear;
		return 0;
	}
	/* The linear alias's lines go before the uncached alias exists. */
	socmmu_dma_cache_flush_phys(b->phys, size);
	pages = kvmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	if (pages) {
		for (i = 0; i < n; i++)
			pages[i] = virt_to_page(b->linear) + i;
		b->cpu_addr = vmap(pages, n, VM_MAP, pgprot_dmacoherent(PAGE_KERNEL));
		kvfree(pages);
	}
	if (!b->cpu_addr) {
		free_pages_exact(b->linear, size);
		return -ENOMEM;
	}
	return 0;
}

static void socmmu_dma_block_free(struct socmmu_dma_block *b)
{
	if (b->cpu_addr != b->linear)
		vunmap(b->cpu_addr);
	free_pages_exact(b->linear, b->size);
}

/* -------------------------------------------------------- fixed areas -- */

int socmmu_dma_fixed_alloc(struct socmmu_dma_device *d, dma_addr_t iova, size_t size,
			   void **cpu_addr, phys_addr_t *phys)
{
	struct dma_access access = socmmu_dma_fixed_access(d->dev);
	struct iommu_domain *domain = d->domain;
	struct socmmu_dma_block *b;
	unsigned long flags;
	int ret;

	if (dma_fixed_check(iova, size, PAGE_SIZE, domain->geometry.aperture_start,
			    domain->geometry.aperture_end)) {
		dev_err(d->dev, "fixed area [%pad +0x%zx]: not page-aligned or outside the aperture\n",
			&iova, size);
		return -EINVAL;
	}
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->iova = iova;
	ret = dma_engine_reserve(d->engine, iova, size);
	if (ret) {
		dev_err(d->dev, "fixed area [%pad +0x%zx]: DMA-API buffers are there: %d\n",
			&iova, size, ret);
		goto err_free;
	}
	ret = socmmu_dma_block_alloc(d->dev, size, b);
	if (ret)
		goto err_unreserve;
	ret = kx_iommu_map(domain, iova, b->phys, size,
			   dma_prot(dev_is_dma_coherent(d->dev), &access));
	if (ret) {
		dev_err(d->dev, "fixed area [%pad +0x%zx]: cannot map: %d\n", &iova, size, ret);
		goto err_block;
	}
	spin_lock_irqsave(&d->fixed_lock, flags);
	list_add(&b->node, &d->fixed);
	spin_unlock_irqrestore(&d->fixed_lock, flags);
	*cpu_addr = b->cpu_addr;
	*phys = b->phys;
	return 0;

err_block:
	socmmu_dma_block_free(b);
err_unreserve:
	dma_engine_unreserve(d->engine, iova, size);
err_free:
	kfree(b);
	return ret;
}

/* Unmapped (the IOTLB invalidated) before the memory goes. */
static void socmmu_dma_fixed_release(struct socmmu_dma_device *d, struct socmmu_dma_block *b)
{
	size_t unmapped = iommu_unmap(d->domain, b->iova, b->size);

	if (unmapped != b->size)
		dev_err(d->dev, "fixed area [%pad +0x%zx]: unmapped only 0x%zx\n", &b->iova,
			b->size, unmapped);
	dma_engine_unreserve(d->engine, b->iova, b->size);
	socmmu_dma_block_free(b);
	kfree(b);
}

void socmmu_dma_fixed_free(struct socmmu_dma_device *d, dma_addr_t iova, size_t size,
			   void *cpu_addr)
{
	struct socmmu_dma_block *b, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&d->fixed_lock, flags);
	list_for_each_entry(b, &d->fixed, node) {
		if (b->iova == iova && b->size == size && b->cpu_addr == cpu_addr) {
			list_del(&b->node);
			found = b;
			break;
		}
	}
	spin_unlock_irqrestore(&d->fixed_lock, flags);
	if (!found) {
		dev_err(d->dev, "free of fixed area [%pad +0x%zx]: no such area\n", &iova, size);
		return;
	}
	socmmu_dma_fixed_release(d, found);
}

/* ---------------------------------------------------- declared memory -- */

static struct socmmu_dma_declared_mem *socmmu_dma_declared_of(struct device *dev)
{
	return READ_ONCE(socmmu_dma_of(dev)->declared);
}

/* Where the buffer at @handle lies in @m: see dma_declared_offset(). */
static s64 socmmu_dma_declared_at(struct socmmu_dma_declared_mem *m, dma_addr_t handle,
				  size_t size)
{
	return dma_declared_offset(m->block.iova, m->block.size, handle, size, PAGE_SIZE);
}

static void *socmmu_dma_declared_alloc(struct device *dev, size_t size, dma_addr_t *handle,
				       gfp_t gfp, unsigned long attrs)
{
	struct socmmu_dma_declared_mem *m = socmmu_dma_declared_of(dev);
	u64 iova = dma_range_pool_alloc(m->range, PAGE_ALIGN(size));
	void *cpu_addr;

	if (iova == DMA_ENGINE_ERROR) {
		dev_err_ratelimited(dev, "declared coherent memory exhausted (%zu bytes)\n", size);
		return NULL;
	}
	atomic_inc(&m->live);
	cpu_addr = m->block.cpu_addr + (iova - m->block.iova);
	memset(cpu_addr, 0, PAGE_ALIGN(size));
	*handle = iova;
	return cpu_addr;
}

static void socmmu_dma_declared_free(struct device *dev, size_t size, void *cpu_addr,
				     dma_addr_t handle, unsigned long attrs)
{
	struct socmmu_dma_declared_mem *m = socmmu_dma_declared_of(dev);
	s64 offset = socmmu_dma_declared_at(m, handle, size);

	if (offset == -ENOENT) {
		m->free(dev, size, cpu_addr, handle, attrs);
		return;
	}
	if (offset < 0 || cpu_addr != m->block.cpu_addr + offset) {
		dev_err(dev, "free of %zu bytes at %pad: no such coherent buffer\n", size, &handle);
		return;
	}
	dma_range_pool_free(m->range, handle, PAGE_ALIGN(size));
	atomic_dec(&m->live);
}

static int socmmu_dma_declared_mmap(struct device *dev, struct vm_area_struct *vma,
				    void *cpu_addr, dma_addr_t handle, size_t size,
				    unsigned long attrs)
{
	struct socmmu_dma_declared_mem *m = socmmu_dma_declared_of(dev);
	unsigned long npages = PAGE_ALIGN(size) >> PAGE_SHIFT;
	s64 offset = socmmu_dma_declared_at(m, handle, size);
	phys_addr_t phys;

	if (offset == -ENOENT)
		return m->mmap(dev, vma, cpu_addr, handle, size, attrs);
	if (offset < 0 || vma->vm_pgoff >= npages || vma_pages(vma) > npages - vma->vm_pgoff) {
		dev_err(dev, "mmap of %pad: no such buffer, or outside it\n", &handle);
		return -ENXIO;
	}
	phys = m->block.phys + offset;
	if (!dev_is_dma_coherent(dev))
		vma->vm_page_prot = pgprot_dmacoherent(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, PHYS_PFN(phys) + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int socmmu_dma_declared_get_sgtable(struct device *dev, struct sg_table *sgt,
					   void *cpu_addr, dma_addr_t handle, size_t size,
					   unsigned long attrs)
{
	struct socmmu_dma_declared_mem *m = socmmu_dma_declared_of(dev);
	s64 offset = socmmu_dma_declared_at(m, handle, size);
	phys_addr_t phys;
	int ret;

	if (offset == -ENOENT)
		return m->get_sgtable(dev, sgt, cpu_addr, handle, size, attrs);
	if (offset < 0) {
		dev_err(dev, "get_sgtable of %pad: outside its buffer\n", &handle);
		return -ENXIO;
	}
	phys = m->block.phys + offset;
	ret = sg_alloc_table(sgt, 1, GFP_KERNEL);
	if (!ret)
		sg_set_page(sgt->sgl, pfn_to_page(PHYS_PFN(phys)), PAGE_ALIGN(size), 0);
	return ret;
}

int socmmu_dma_declared_create(struct socmmu_dma_device *d, size_t size,
			       struct socmmu_dma_declared *out)
{
	struct dma_access access = socmmu_dma_fixed_access(d->dev);
	struct socmmu_dma_declared_mem *m;
	struct dma_chunk chunk;
	int ret;

	if (d->declared) {
		dev_err(d->dev, "coherent memory is declared already\n");
		return -EBUSY;
	}
	if (!size) {
		dev_err(d->dev, "cannot declare 0 bytes of coherent memory\n");
		return -EINVAL;
	}
	size = PAGE_ALIGN(size);
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	ret = socmmu_dma_block_alloc(d->dev, size, &m->block);
	if (ret)
		goto err_free;
	chunk.phys = m->block.phys;
	chunk.size = size;
	m->block.iova = dma_engine_map_chunks(d->engine, &chunk, 1, &access, &ret);
	if (m->block.iova == DMA_ENGINE_ERROR) {
		dev_err(d->dev, "cannot map %zu bytes of declared memory in the window: %d\n",
			size, ret);
		goto err_block;
	}
	m->range = dma_range_pool_create(m->block.iova, m->block.iova + size, PAGE_SIZE, &ret);
	if (!m->range)
		goto err_unmap;

	m->alloc = d->ops.alloc;
	m->free = d->ops.free;
	m->mmap = d->ops.mmap;
	m->get_sgtable = d->ops.get_sgtable;
	WRITE_ONCE(d->declared, m);
	WRITE_ONCE(d->ops.alloc, socmmu_dma_declared_alloc);
	WRITE_ONCE(d->ops.free, socmmu_dma_declared_free);
	WRITE_ONCE(d->ops.mmap, socmmu_dma_declared_mmap);
	WRITE_ONCE(d->ops.get_sgtable, socmmu_dma_declared_get_sgtable);
	*out = (struct socmmu_dma_declared) {
		.cpu_addr = m->block.cpu_addr,
		.phys = m->block.phys,
		.iova = m->block.iova,
		.size = size,
	};
	return 0;

err_unmap:
	dma_engine_unmap_phys(d->engine, m->block.iova, size);
err_block:
	socmmu_dma_block_free(&m->block);
err_free:
	kfree(m);
	return ret;
}

/* The ops back, then the block unmapped and freed. */
static void socmmu_dma_declared_destroy(struct socmmu_dma_device *d)
{
	struct socmmu_dma_declared_mem *m = d->declared;

	WRITE_ONCE(d->ops.alloc, m->alloc);
	WRITE_ONCE(d->ops.free, m->free);
	WRITE_ONCE(d->ops.mmap, m->mmap);
	WRITE_ONCE(d->ops.get_sgtable, m->get_sgtable);
	WRITE_ONCE(d->declared, NULL);
	dma_range_pool_destroy(m->range);
	dma_engine_unmap_phys(d->engine, m->block.iova, m->block.size);
	socmmu_dma_block_free(&m->block);
	kfree(m);
}

int socmmu_dma_declared_release(struct socmmu_dma_device *d)
{
	struct socmmu_dma_declared_mem *m = d->declared;
	int live;

	if (!m)
		return 0;
	live = atomic_read(&m->live);
	if (live) {
		dev_err(d->dev, "cannot release declared memory: %d buffers still in it\n", live);
		return -EBUSY;
	}
	socmmu_dma_declared_destroy(d);
	return 0;
}

/* At removal: what the user left is reported, then freed. */
void socmmu_dma_fixed_teardown(struct socmmu_dma_device *d)
{
	struct socmmu_dma_block *b, *next;
	unsigned long flags;
	LIST_HEAD(fixed);

	if (d->declared) {
		if (atomic_read(&d->declared->live))
			dev_err(d->dev, "%d buffers still in declared memory at removal\n",
				atomic_read(&d->declared->live));
		socmmu_dma_declared_destroy(d);
	}
	spin_lock_irqsave(&d->fixed_lock, flags);
	list_splice_init(&d->fixed, &fixed);
	spin_unlock_irqrestore(&d->fixed_lock, flags);
	list_for_each_entry_safe(b, next, &fixed, node) {
		dev_err(d->dev, "fixed area [%pad +0x%zx] still allocated at removal\n", &b->iova,
			b->size);
		list_del(&b->node);
		socmmu_dma_fixed_release(d, b);
	}
}

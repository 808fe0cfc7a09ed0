// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA layer's dma_map_ops: the kernel objects (pages, kernel mappings,
 * scatterlists, VMAs) around the C++ engine, which decides where in the
 * IOVA window things go and maps them.  See Documentation/dma-layer.rst.
 */
#include <linux/device.h>
#include <linux/dma-map-ops.h>
#include <linux/highmem.h>
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#ifdef CONFIG_ARM
#include <asm/cacheflush.h>
#include <asm/outercache.h>
#endif

#include <shim/kcompat.h>

#include "dma_device.h"

/* A buffer from alloc/alloc_noncontiguous: what free, mmap and get_sgtable need. */
struct socmmu_dma_buf {
	struct list_head node;		/* socmmu_dma_device.bufs */
	dma_addr_t iova;
	size_t size;			/* page-aligned */
	void *cpu_addr;			/* kernel mapping, or the cookie */
	struct page **pages;
	unsigned int npages;
	bool from_pool;
	unsigned long attrs;
};

/* ------------------------------------------------------------- helpers -- */

static int socmmu_dma_prot(struct device *dev, enum dma_data_direction dir,
			   unsigned long attrs)
{
	int prot = dev_is_dma_coherent(dev) ? IOMMU_CACHE : 0;

	if (attrs & DMA_ATTR_PRIVILEGED)
		prot |= IOMMU_PRIV;
	switch (dir) {
	case DMA_BIDIRECTIONAL:
		return prot | IOMMU_READ | IOMMU_WRITE;
	case DMA_TO_DEVICE:
		return prot | IOMMU_READ;
	case DMA_FROM_DEVICE:
		return prot | IOMMU_WRITE;
	default:
		return 0;
	}
}

/* The highest IOVA + 1 a mask allows. */
static u64 socmmu_dma_limit(u64 mask)
{
	return mask == U64_MAX ? U64_MAX : mask + 1;
}

static u64 socmmu_dma_stream_limit(struct device *dev)
{
	return socmmu_dma_limit(dev->dma_mask ? *dev->dma_mask : dev->coherent_dma_mask);
}

static void socmmu_dma_report(struct device *dev, const char *what, size_t size, int err)
{
	if (err == -ENOSPC)
		dev_err_ratelimited(dev, "%s of %zu bytes: IOVA window exhausted\n", what, size);
	else
		dev_err_ratelimited(dev, "%s of %zu bytes failed: %d\n", what, size, err);
}

/*
 * Cache maintenance for non-coherent clients, with the architecture's
 * exported helpers: on ARM32, clean and invalidate the inner caches by
 * kernel address and the outer cache by physical address.  The
 * direction-specific dma_map_area helpers are not exported on single-cache
 * kernels (multi_v7 is one), and clean+invalidate is right for every
 * direction while the CPU keeps its hands off the buffer.  Architectures
 * without cache maintenance for DMA (UML) need none.
 */
void socmmu_dma_cache_flush_phys(phys_addr_t phys, size_t size)
{
#ifdef CONFIG_ARM
	while (size) {
		size_t off = offset_in_page(phys), len = min_t(size_t, size, PAGE_SIZE - off);
		void *va = kmap_local_page(pfn_to_page(PHYS_PFN(phys)));

		__cpuc_flush_dcache_area(va + off, len);
		kunmap_local(va);
		outer_flush_range(phys, phys + len);
		phys += len;
		size -= len;
	}
#endif
}

/* Before the device may touch the buffer. */
static void socmmu_dma_cache_to_device(struct socmmu_dma_device *d, phys_addr_t phys,
				       size_t size, unsigned long attrs)
{
	if (d->sync_caches && !(attrs & DMA_ATTR_SKIP_CPU_SYNC))
		socmmu_dma_cache_flush_phys(phys, size);
}

/* Before the CPU reads what the device wrote: lines it may have fetched go. */
static void socmmu_dma_cache_to_cpu(struct socmmu_dma_device *d, phys_addr_t phys,
				    size_t size, enum dma_data_direction dir,
				    unsigned long attrs)
{
	if (d->sync_caches && dir != DMA_TO_DEVICE && !(attrs & DMA_ATTR_SKIP_CPU_SYNC))
		socmmu_dma_cache_flush_phys(phys, size);
}

/* Before the pages get an uncached kernel alias. */
static void socmmu_dma_cache_flush(struct socmmu_dma_device *d, struct page **pages,
				   unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		socmmu_dma_cache_to_device(d, page_to_phys(pages[i]), PAGE_SIZE, 0);
}

/* Physically contiguous runs of @pages, as the engine's chunks. */
static struct dma_chunk *socmmu_dma_chunks(struct page **pages, unsigned int n,
					   unsigned int *nchunks, gfp_t gfp)
{
	struct dma_chunk *chunks = kmalloc_array(n, sizeof(*chunks), gfp);
	unsigned int i, c = 0;

	if (!chunks)
		return NULL;
	for (i = 0; i < n; i++) {
		phys_addr_t phys = page_to_phys(pages[i]);

		if (c && chunks[c - 1].phys + chunks[c - 1].size == phys) {
			chunks[c - 1].size += PAGE_SIZE;
			continue;
		}
		chunks[c].phys = phys;
		chunks[c].size = PAGE_SIZE;
		c++;
	}
	*nchunks = c;
	return chunks;
}

static dma_addr_t socmmu_dma_map_pages(struct socmmu_dma_device *d, struct page **pages,
				       unsigned int n, int prot, u64 limit, bool atomic,
				       int *err)
{
	gfp_t gfp = atomic ? GFP_ATOMIC : GFP_KERNEL;
	unsigned int nchunks;
	struct dma_chunk *chunks = socmmu_dma_chunks(pages, n, &nchunks, gfp);
	u64 iova;

	if (!chunks) {
		*err = -ENOMEM;
		return DMA_MAPPING_ERROR;
	}
	iova = dma_engine_map_chunks(d->engine, chunks, nchunks, prot, limit, atomic, err);
	kfree(chunks);
	return iova == DMA_ENGINE_ERROR ? DMA_MAPPING_ERROR : iova;
}

/* Pages for a buffer: high orders first, split, so each page frees alone. */
static int socmmu_dma_alloc_page_array(struct page **pages, unsigned int n, gfp_t gfp,
				       bool contiguous)
{
	unsigned int done = 0;

	if (contiguous) {
		void *va = alloc_pages_exact((size_t)n << PAGE_SHIFT, gfp | __GFP_ZERO);
		struct page *page;

		if (!va)
			return -ENOMEM;
		page = virt_to_page(va);
		for (; done < n; done++)
			pages[done] = page + done;
		return 0;
	}
	while (done < n) {
		unsigned int order = min_t(unsigned int, ilog2(n - done), 8);
		struct page *page = NULL;
		unsigned int i;

		for (;; order--) {
			gfp_t try = gfp | __GFP_ZERO;

			if (order)
				try |= __GFP_NORETRY | __GFP_NOWARN;
			page = alloc_pages(try, order);
			if (page || !order)
				break;
		}
		if (!page)
			goto fail;
		if (order)
			split_page(page, order);
		for (i = 0; i < (1U << order); i++)
			pages[done++] = page + i;
	}
	return 0;
fail:
	while (done)
		__free_page(pages[--done]);
	return -ENOMEM;
}

void socmmu_dma_free_page_array(struct page **pages, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		__free_page(pages[i]);
}

static pgprot_t socmmu_dma_pgprot(struct device *dev, pgprot_t prot)
{
	return dev_is_dma_coherent(dev) ? prot : pgprot_dmacoherent(prot);
}

/*
 * The buffer at @iova; with @cpu_addr set, only if it matches too, and
 * then taken off the list (it is being freed).
 */
static struct socmmu_dma_buf *socmmu_dma_find_buf(struct socmmu_dma_device *d, dma_addr_t iova,
						  void *cpu_addr, size_t size)
{
	struct socmmu_dma_buf *buf, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&d->bufs_lock, flags);
	list_for_each_entry(buf, &d->bufs, node) {
		if (buf->iova != iova)
			continue;
		if (cpu_addr && (buf->cpu_addr != cpu_addr || buf->size != PAGE_ALIGN(size)))
			break;
		found = buf;
		if (cpu_addr)
			list_del(&buf->node);
		break;
	}
	spin_unlock_irqrestore(&d->bufs_lock, flags);
	return found;
}

/* ------------------------------------------------------ coherent buffers -- */

static void *socmmu_dma_alloc(struct device *dev, size_t size, dma_addr_t *handle, gfp_t gfp,
			      unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	bool atomic = !gfpflags_allow_blocking(gfp);
	int prot = socmmu_dma_prot(dev, DMA_BIDIRECTIONAL, attrs);
	struct socmmu_dma_buf *buf;
	unsigned long flags;
	unsigned int i;
	int err = -ENOMEM;

	size = PAGE_ALIGN(size);
	gfp &= ~(__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM | __GFP_COMP);
	buf = kzalloc(sizeof(*buf), atomic ? GFP_ATOMIC : GFP_KERNEL);
	if (!buf)
		return NULL;
	buf->size = size;
	buf->npages = size >> PAGE_SHIFT;
	buf->attrs = attrs;
	buf->pages = kvcalloc(buf->npages, sizeof(*buf->pages), atomic ? GFP_ATOMIC : GFP_KERNEL);
	if (!buf->pages)
		goto err_buf;

	if (atomic) {
		phys_addr_t phys;
		void *va = socmmu_dma_pool_alloc(size, &phys);

		if (!va) {
			dev_err_ratelimited(dev, "atomic pool exhausted (%zu bytes)\n", size);
			goto err_pages;
		}
		for (i = 0; i < buf->npages; i++)
			buf->pages[i] = pfn_to_page(PHYS_PFN(phys) + i);
		memset(va, 0, size);
		buf->cpu_addr = va;
		buf->from_pool = true;
	} else {
		if (socmmu_dma_alloc_page_array(buf->pages, buf->npages, gfp,
						attrs & DMA_ATTR_FORCE_CONTIGUOUS))
			goto err_pages;
		socmmu_dma_cache_flush(d, buf->pages, buf->npages);
	}

	buf->iova = socmmu_dma_map_pages(d, buf->pages, buf->npages, prot,
					 socmmu_dma_limit(dev->coherent_dma_mask), atomic, &err);
	if (buf->iova == DMA_MAPPING_ERROR) {
		socmmu_dma_report(dev, "coherent allocation", size, err);
		goto err_memory;
	}
	if (!buf->from_pool) {
		if (attrs & DMA_ATTR_NO_KERNEL_MAPPING)
			buf->cpu_addr = buf;	/* an opaque, unique cookie */
		else
			buf->cpu_addr = vmap(buf->pages, buf->npages, VM_MAP,
					     socmmu_dma_pgprot(dev, PAGE_KERNEL));
		if (!buf->cpu_addr)
			goto err_unmap;
	}
	spin_lock_irqsave(&d->bufs_lock, flags);
	list_add(&buf->node, &d->bufs);
	spin_unlock_irqrestore(&d->bufs_lock, flags);
	*handle = buf->iova;
	return buf->cpu_addr;

err_unmap:
	dma_engine_unmap_phys(d->engine, buf->iova, size);
err_memory:
	if (buf->from_pool)
		socmmu_dma_pool_free(buf->cpu_addr, size);
	else
		socmmu_dma_free_page_array(buf->pages, buf->npages);
err_pages:
	kvfree(buf->pages);
err_buf:
	kfree(buf);
	return NULL;
}

/* Unmap from the device first, then let the memory go. */
static void socmmu_dma_release_buf(struct socmmu_dma_device *d, struct socmmu_dma_buf *buf)
{
	dma_engine_unmap_phys(d->engine, buf->iova, buf->size);
	if (buf->from_pool) {
		socmmu_dma_pool_free(buf->cpu_addr, buf->size);
	} else {
		if (!(buf->attrs & DMA_ATTR_NO_KERNEL_MAPPING))
			vunmap(buf->cpu_addr);
		socmmu_dma_free_page_array(buf->pages, buf->npages);
	}
	kvfree(buf->pages);
	kfree(buf);
}

static void socmmu_dma_free(struct device *dev, size_t size, void *cpu_addr, dma_addr_t handle,
			    unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	struct socmmu_dma_buf *buf = socmmu_dma_find_buf(d, handle, cpu_addr, size);

	if (!buf) {
		dev_err(dev, "free of %zu bytes at %pad: no such coherent buffer\n", size, &handle);
		return;
	}
	socmmu_dma_release_buf(d, buf);
}

void socmmu_dma_free_all_bufs(struct socmmu_dma_device *d)
{
	struct socmmu_dma_buf *buf, *next;
	LIST_HEAD(bufs);
	unsigned long flags;

	spin_lock_irqsave(&d->bufs_lock, flags);
	list_splice_init(&d->bufs, &bufs);
	spin_unlock_irqrestore(&d->bufs_lock, flags);
	list_for_each_entry_safe(buf, next, &bufs, node) {
		dev_err(d->dev, "coherent buffer %pad (%zu bytes) still allocated at removal\n",
			&buf->iova, buf->size);
		list_del(&buf->node);
		socmmu_dma_release_buf(d, buf);
	}
}

static int socmmu_dma_mmap(struct device *dev, struct vm_area_struct *vma, void *cpu_addr,
			   dma_addr_t dma_addr, size_t size, unsigned long attrs)
{
	struct socmmu_dma_buf *buf = socmmu_dma_find_buf(socmmu_dma_of(dev), dma_addr, NULL, 0);
	unsigned long count = vma_pages(vma);

	if (!buf || vma->vm_pgoff >= buf->npages || count > buf->npages - vma->vm_pgoff) {
		dev_err(dev, "mmap of %pad: no such buffer, or outside it\n", &dma_addr);
		return -ENXIO;
	}
	vma->vm_page_prot = socmmu_dma_pgprot(dev, vma->vm_page_prot);
	return vm_map_pages(vma, buf->pages, buf->npages);
}

static int socmmu_dma_get_sgtable(struct device *dev, struct sg_table *sgt, void *cpu_addr,
				  dma_addr_t dma_addr, size_t size, unsigned long attrs)
{
	struct socmmu_dma_buf *buf = socmmu_dma_find_buf(socmmu_dma_of(dev), dma_addr, NULL, 0);

	if (!buf || PAGE_ALIGN(size) > buf->size) {
		dev_err(dev, "get_sgtable of %pad: no such buffer, or outside it\n", &dma_addr);
		return -ENXIO;
	}
	return sg_alloc_table_from_pages(sgt, buf->pages, PAGE_ALIGN(size) >> PAGE_SHIFT, 0,
					 size, GFP_KERNEL);
}

/* ------------------------------------------------------------ streaming -- */

/* A streaming map of @size bytes at @phys: never sleeps, one dev_err on failure. */
static dma_addr_t socmmu_dma_map_stream(struct device *dev, phys_addr_t phys, size_t size,
					int prot, const char *what)
{
	int err = -EIO;
	u64 iova = dma_engine_map_phys(socmmu_dma_of(dev)->engine, phys, size, prot,
				       socmmu_dma_stream_limit(dev), true, &err);

	if (iova != DMA_ENGINE_ERROR)
		return iova;
	socmmu_dma_report(dev, what, size, err);
	return DMA_MAPPING_ERROR;
}

static dma_addr_t socmmu_dma_map_page(struct device *dev, struct page *page,
				      unsigned long offset, size_t size,
				      enum dma_data_direction dir, unsigned long attrs)
{
	phys_addr_t phys = page_to_phys(page) + offset;

	socmmu_dma_cache_to_device(socmmu_dma_of(dev), phys, size, attrs);
	return socmmu_dma_map_stream(dev, phys, size, socmmu_dma_prot(dev, dir, attrs),
				     "map_page");
}

static void socmmu_dma_unmap_page(struct device *dev, dma_addr_t handle, size_t size,
				  enum dma_data_direction dir, unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	/* The page behind the IOVA, looked up only when its caches need it. */
	phys_addr_t phys = d->sync_caches ? iommu_iova_to_phys(d->domain, handle) : 0;

	dma_engine_unmap_phys(d->engine, handle, size);
	if (phys)
		socmmu_dma_cache_to_cpu(d, phys, size, dir, attrs);
}

static dma_addr_t socmmu_dma_map_resource(struct device *dev, phys_addr_t phys, size_t size,
					  enum dma_data_direction dir, unsigned long attrs)
{
	return socmmu_dma_map_stream(dev, phys, size,
				     socmmu_dma_prot(dev, dir, attrs) | IOMMU_MMIO, "map_resource");
}

static void socmmu_dma_unmap_resource(struct device *dev, dma_addr_t handle, size_t size,
				      enum dma_data_direction dir, unsigned long attrs)
{
	dma_engine_unmap_phys(socmmu_dma_of(dev)->engine, handle, size);
}

static void socmmu_dma_sg_to_cpu(struct socmmu_dma_device *d, struct scatterlist *sgl, int n,
				 enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *s;
	int i;

	for_each_sg(sgl, s, n, i)
		socmmu_dma_cache_to_cpu(d, sg_phys(s), s->length, dir, attrs);
}

static void socmmu_dma_sg_to_device(struct socmmu_dma_device *d, struct scatterlist *sgl, int n,
				    unsigned long attrs)
{
	struct scatterlist *s;
	int i;

	for_each_sg(sgl, s, n, i)
		socmmu_dma_cache_to_device(d, sg_phys(s), s->length, attrs);
}

static int socmmu_dma_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
			     enum dma_data_direction dir, unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	int count;

	socmmu_dma_sg_to_device(d, sgl, nents, attrs);
	count = dma_engine_map_sg(d->engine, sgl, nents, socmmu_dma_prot(dev, dir, attrs),
				  socmmu_dma_stream_limit(dev), true, dma_get_max_seg_size(dev),
				  dma_get_seg_boundary(dev));
	if (count > 0)
		return count;
	socmmu_dma_report(dev, "map_sg", 0, count);
	/* The DMA API knows -EINVAL, -ENOMEM and -EIO here. */
	return count == -ENOSPC ? -ENOMEM : count;
}

static void socmmu_dma_unmap_sg(struct device *dev, struct scatterlist *sgl, int nents,
				enum dma_data_direction dir, unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);

	dma_engine_unmap_sg(d->engine, sgl, nents, dma_get_seg_boundary(dev));
	socmmu_dma_sg_to_cpu(d, sgl, nents, dir, attrs);
}

static void socmmu_dma_sync_single_for_cpu(struct device *dev, dma_addr_t handle, size_t size,
					   enum dma_data_direction dir)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);

	if (d->sync_caches)
		socmmu_dma_cache_to_cpu(d, iommu_iova_to_phys(d->domain, handle), size, dir, 0);
}

static void socmmu_dma_sync_single_for_device(struct device *dev, dma_addr_t handle,
					      size_t size, enum dma_data_direction dir)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);

	if (d->sync_caches)
		socmmu_dma_cache_to_device(d, iommu_iova_to_phys(d->domain, handle), size, 0);
}

static void socmmu_dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sgl, int nents,
				       enum dma_data_direction dir)
{
	socmmu_dma_sg_to_cpu(socmmu_dma_of(dev), sgl, nents, dir, 0);
}

static void socmmu_dma_sync_sg_for_device(struct device *dev, struct scatterlist *sgl,
					  int nents, enum dma_data_direction dir)
{
	socmmu_dma_sg_to_device(socmmu_dma_of(dev), sgl, nents, 0);
}

/* ----------------------------------------- non-coherent page allocations -- */

static struct page *socmmu_dma_alloc_pages(struct device *dev, size_t size, dma_addr_t *handle,
					   enum dma_data_direction dir, gfp_t gfp)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	unsigned int order = get_order(size);
	struct page *page;
	int err = -ENOMEM;
	u64 iova;

	gfp &= ~(__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM | __GFP_COMP);
	page = alloc_pages(gfp | __GFP_ZERO, order);
	if (!page)
		return NULL;
	socmmu_dma_cache_to_device(d, page_to_phys(page), size, 0);
	iova = dma_engine_map_phys(d->engine, page_to_phys(page), size,
				   socmmu_dma_prot(dev, dir, 0),
				   socmmu_dma_limit(dev->coherent_dma_mask),
				   !gfpflags_allow_blocking(gfp), &err);
	if (iova == DMA_ENGINE_ERROR) {
		socmmu_dma_report(dev, "alloc_pages", size, err);
		__free_pages(page, order);
		return NULL;
	}
	*handle = iova;
	return page;
}

static void socmmu_dma_free_pages(struct device *dev, size_t size, struct page *page,
				  dma_addr_t handle, enum dma_data_direction dir)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);

	dma_engine_unmap_phys(d->engine, handle, size);
	__free_pages(page, get_order(size));
}

#if KX_HAVE_ALLOC_NONCONTIGUOUS
static struct sg_table *socmmu_dma_alloc_noncontiguous(struct device *dev, size_t size,
						       enum dma_data_direction dir, gfp_t gfp,
						       unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	unsigned int n = PAGE_ALIGN(size) >> PAGE_SHIFT;
	struct dma_sgt_handle *sh;
	int err = -ENOMEM;
	u64 iova;

	gfp &= ~(__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM | __GFP_COMP);
	sh = kzalloc(sizeof(*sh), gfp);
	if (!sh)
		return NULL;
	sh->pages = kvcalloc(n, sizeof(*sh->pages), gfp);
	if (!sh->pages)
		goto err_sh;
	if (socmmu_dma_alloc_page_array(sh->pages, n, gfp, false))
		goto err_array;
	if (sg_alloc_table_from_pages(&sh->sgt, sh->pages, n, 0, size, gfp))
		goto err_pages;
	socmmu_dma_sg_to_device(d, sh->sgt.sgl, sh->sgt.orig_nents, 0);
	iova = socmmu_dma_map_pages(d, sh->pages, n, socmmu_dma_prot(dev, dir, attrs),
				    socmmu_dma_limit(dev->coherent_dma_mask),
				    !gfpflags_allow_blocking(gfp), &err);
	if (iova == DMA_MAPPING_ERROR) {
		socmmu_dma_report(dev, "alloc_noncontiguous", size, err);
		goto err_table;
	}
	sg_dma_address(sh->sgt.sgl) = iova;
	sg_dma_len(sh->sgt.sgl) = size;
	sh->sgt.nents = 1;
	return &sh->sgt;

err_table:
	sg_free_table(&sh->sgt);
err_pages:
	socmmu_dma_free_page_array(sh->pages, n);
err_array:
	kvfree(sh->pages);
err_sh:
	kfree(sh);
	return NULL;
}

static void socmmu_dma_free_noncontiguous(struct device *dev, size_t size,
					  struct sg_table *sgt, enum dma_data_direction dir)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	struct dma_sgt_handle *sh = sgt_handle(sgt);

	dma_engine_unmap_phys(d->engine, sg_dma_address(sgt->sgl), PAGE_ALIGN(size));
	sg_free_table(sgt);
	socmmu_dma_free_page_array(sh->pages, PAGE_ALIGN(size) >> PAGE_SHIFT);
	kvfree(sh->pages);
	kfree(sh);
}
#endif

/* ----------------------------------------------------------- the table -- */

static int socmmu_dma_supported(struct device *dev, u64 mask)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);

	/* Any mask that reaches into the window will do. */
	return mask >= d->base;
}

static u64 socmmu_dma_required_mask(struct device *dev)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);

	return DMA_BIT_MASK(fls64(d->limit - 1));
}

static size_t socmmu_dma_max_mapping_size(struct device *dev)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);

	return min_t(u64, d->limit - d->base, SIZE_MAX);
}

/* Segments that meet at an IOMMU-page boundary merge (a mask, as dma-iommu's). */
static unsigned long socmmu_dma_merge_boundary(struct device *dev)
{
	return (1UL << __ffs(socmmu_dma_of(dev)->domain->pgsize_bitmap)) - 1;
}

void socmmu_dma_fill_ops(struct dma_map_ops *ops)
{
	*ops = (struct dma_map_ops) {
		.alloc = socmmu_dma_alloc,
		.free = socmmu_dma_free,
		KX_DMA_OPS_ALLOC_PAGES = socmmu_dma_alloc_pages,
		.free_pages = socmmu_dma_free_pages,
#if KX_HAVE_ALLOC_NONCONTIGUOUS
		.alloc_noncontiguous = socmmu_dma_alloc_noncontiguous,
		.free_noncontiguous = socmmu_dma_free_noncontiguous,
#endif
		.mmap = socmmu_dma_mmap,
		.get_sgtable = socmmu_dma_get_sgtable,
		.map_page = socmmu_dma_map_page,
		.unmap_page = socmmu_dma_unmap_page,
		.map_sg = socmmu_dma_map_sg,
		.unmap_sg = socmmu_dma_unmap_sg,
		.map_resource = socmmu_dma_map_resource,
		.unmap_resource = socmmu_dma_unmap_resource,
		.sync_single_for_cpu = socmmu_dma_sync_single_for_cpu,
		.sync_single_for_device = socmmu_dma_sync_single_for_device,
		.sync_sg_for_cpu = socmmu_dma_sync_sg_for_cpu,
		.sync_sg_for_device = socmmu_dma_sync_sg_for_device,
		.dma_supported = socmmu_dma_supported,
		.get_required_mask = socmmu_dma_required_mask,
		.max_mapping_size = socmmu_dma_max_mapping_size,
		.get_merge_boundary = socmmu_dma_merge_boundary,
	};
}

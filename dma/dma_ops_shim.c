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

/* A buffer from alloc(): what free, mmap and get_sgtable need. */
struct socmmu_dma_buf {
	struct dma_engine_buffer entry;	/* iova, size, cpu_addr: filed by the engine */
	struct page **pages;
	unsigned int npages;
	bool from_pool;
	unsigned long attrs;
};

/* ------------------------------------------------------------- helpers -- */

/* What an allocation is for, with the coherent mask, for the engine. */
static struct dma_access socmmu_dma_alloc_access(enum dma_data_direction dir,
						 unsigned long attrs, u64 mask, bool atomic)
{
	return (struct dma_access) {
		.dir = dir,
		.attrs = attrs,
		.mask = mask,
		.atomic = atomic,
		.size_aligned = true,
	};
}

/*
 * Streaming maps never sleep, use the streaming mask and keep a single
 * mapping within the segment boundary when it fits in one (map_sg passes
 * the boundary itself).
 */
static struct dma_access socmmu_dma_stream_access(struct device *dev,
						  enum dma_data_direction dir,
						  unsigned long attrs)
{
	return (struct dma_access) {
		.dir = dir,
		.attrs = attrs,
		.mask = dev->dma_mask ? *dev->dma_mask : dev->coherent_dma_mask,
		.atomic = true,
		.boundary = (u64)dma_get_seg_boundary(dev) + 1,
	};
}

/*
 * Rate-limited per device, not per call site as dev_err_ratelimited() is:
 * a client failing in a loop must not hide another client's failure.
 */
static void socmmu_dma_report(struct device *dev, const char *what, size_t size, int err)
{
	if (!__ratelimit(&socmmu_dma_of(dev)->log_limit))
		return;
	if (err == -ENOSPC)
		dev_err(dev, "%s of %zu bytes: IOVA window exhausted\n", what, size);
	else
		dev_err(dev, "%s of %zu bytes failed: %d\n", what, size, err);
}

/*
 * Cache maintenance for non-coherent clients, with the architecture's
 * exported helpers: on ARM32, clean and invalidate the inner caches by
 * kernel address and the outer cache by physical address.  The
 * direction-specific dma_map_area helpers are not exported on single-cache
 * kernels (multi_v7 is one), and clean+invalidate is right for every
 * direction while the CPU keeps its hands off the buffer.  Architectures
 * without cache maintenance for DMA (UML) need none.  When it is due is
 * the engine's call (dma_engine_sync_for_*()).
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
	if (dma_engine_sync_for_device(d->engine, attrs))
		socmmu_dma_cache_flush_phys(phys, size);
}

/* Before the pages get an uncached kernel alias. */
static void socmmu_dma_cache_flush(struct socmmu_dma_device *d, struct page **pages,
				   unsigned int n)
{
	unsigned int i;

	if (!dma_engine_sync_for_device(d->engine, 0))
		return;
	for (i = 0; i < n; i++)
		socmmu_dma_cache_flush_phys(page_to_phys(pages[i]), PAGE_SIZE);
}

/* @pages into one IOVA range: the engine makes runs of the contiguous ones. */
static dma_addr_t socmmu_dma_map_pages(struct socmmu_dma_device *d, struct page **pages,
				       unsigned int n, const struct dma_access *access,
				       int *err)
{
	u64 *phys = kmalloc_array(n, sizeof(*phys), access->atomic ? GFP_ATOMIC : GFP_KERNEL);
	unsigned int i;
	u64 iova;

	if (!phys) {
		*err = -ENOMEM;
		return DMA_MAPPING_ERROR;
	}
	for (i = 0; i < n; i++)
		phys[i] = page_to_phys(pages[i]);
	iova = dma_engine_map_pages(d->engine, phys, n, access, err);
	kfree(phys);
	return iova == DMA_ENGINE_ERROR ? DMA_MAPPING_ERROR : iova;
}

/* One step of a page plan (dma_page_plan_next()): the block, or NULL. */
static struct page *socmmu_dma_alloc_step(const struct dma_page_step *step, gfp_t gfp)
{
	struct page *page;
	void *va;

	gfp |= __GFP_ZERO;
	if (step->exact) {
		va = alloc_pages_exact((size_t)step->pages << PAGE_SHIFT, gfp);
		return va ? virt_to_page(va) : NULL;
	}
	if (step->opportunistic)
		gfp |= __GFP_NORETRY | __GFP_NOWARN;
	page = alloc_pages(gfp, step->order);
	if (page && step->split)
		split_page(page, step->order);
	return page;
}

/* Pages for a buffer, as the engine's plan says; each page frees alone. */
static int socmmu_dma_alloc_page_array(struct page **pages, unsigned int n, gfp_t gfp,
				       unsigned long attrs)
{
	struct dma_page_plan plan;
	struct dma_page_step step;
	unsigned int done = 0, i;
	int ret;

	dma_page_plan_init(&plan, n, attrs);
	while ((ret = dma_page_plan_next(&plan, &step)) > 0) {
		struct page *page;

		if (WARN_ON_ONCE(step.pages > n - done)) {
			ret = -ENOMEM;
			break;
		}
		page = socmmu_dma_alloc_step(&step, gfp);
		dma_page_plan_result(&plan, page);
		for (i = 0; page && i < step.pages; i++)
			pages[done++] = page + i;
	}
	if (!ret)
		return 0;
	while (done)
		__free_page(pages[--done]);
	return ret;
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

static struct socmmu_dma_buf *socmmu_dma_buf_of(struct dma_engine_buffer *entry)
{
	return entry ? container_of(entry, struct socmmu_dma_buf, entry) : NULL;
}

/* ------------------------------------------------------ coherent buffers -- */

static void *socmmu_dma_alloc(struct device *dev, size_t size, dma_addr_t *handle, gfp_t gfp,
			      unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	bool atomic = !gfpflags_allow_blocking(gfp);
	struct dma_access access = socmmu_dma_alloc_access(DMA_BIDIRECTIONAL, attrs,
							   dev->coherent_dma_mask, atomic);
	struct socmmu_dma_buf *buf;
	unsigned int i;
	dma_addr_t iova;
	int err = -ENOMEM;

	size = PAGE_ALIGN(size);
	gfp &= ~(__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM | __GFP_COMP);
	buf = kzalloc(sizeof(*buf), atomic ? GFP_ATOMIC : GFP_KERNEL);
	if (!buf)
		return NULL;
	buf->entry.size = size;
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
		buf->entry.cpu_addr = va;
		buf->from_pool = true;
	} else {
		if (socmmu_dma_alloc_page_array(buf->pages, buf->npages, gfp, attrs))
			goto err_pages;
		socmmu_dma_cache_flush(d, buf->pages, buf->npages);
	}

	iova = socmmu_dma_map_pages(d, buf->pages, buf->npages, &access, &err);
	if (iova == DMA_MAPPING_ERROR) {
		socmmu_dma_report(dev, "coherent allocation", size, err);
		goto err_memory;
	}
	buf->entry.iova = iova;
	if (!buf->from_pool) {
		if (attrs & DMA_ATTR_NO_KERNEL_MAPPING)
			buf->entry.cpu_addr = buf;	/* an opaque, unique cookie */
		else
			buf->entry.cpu_addr = vmap(buf->pages, buf->npages, VM_MAP,
						   socmmu_dma_pgprot(dev, PAGE_KERNEL));
		if (!buf->entry.cpu_addr)
			goto err_unmap;
	}
	err = dma_engine_add_buffer(d->engine, &buf->entry);
	if (err) {
		dev_err(dev, "coherent buffer at %pad filed twice: %d\n", &iova, err);
		goto err_vunmap;
	}
	*handle = iova;
	return buf->entry.cpu_addr;

err_vunmap:
	if (!buf->from_pool && !(attrs & DMA_ATTR_NO_KERNEL_MAPPING))
		vunmap(buf->entry.cpu_addr);
err_unmap:
	dma_engine_unmap_phys(d->engine, iova, size);
err_memory:
	if (buf->from_pool)
		socmmu_dma_pool_free(buf->entry.cpu_addr, size);
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
	dma_engine_unmap_phys(d->engine, buf->entry.iova, buf->entry.size);
	if (buf->from_pool) {
		socmmu_dma_pool_free(buf->entry.cpu_addr, buf->entry.size);
	} else {
		if (!(buf->attrs & DMA_ATTR_NO_KERNEL_MAPPING))
			vunmap(buf->entry.cpu_addr);
		socmmu_dma_free_page_array(buf->pages, buf->npages);
	}
	kvfree(buf->pages);
	kfree(buf);
}

static void socmmu_dma_free(struct device *dev, size_t size, void *cpu_addr, dma_addr_t handle,
			    unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	struct socmmu_dma_buf *buf =
		socmmu_dma_buf_of(dma_engine_take_buffer(d->engine, handle, cpu_addr, size));

	if (!buf) {
		dev_err(dev, "free of %zu bytes at %pad: no such coherent buffer\n", size, &handle);
		return;
	}
	socmmu_dma_release_buf(d, buf);
}

void socmmu_dma_free_all_bufs(struct socmmu_dma_device *d)
{
	struct socmmu_dma_buf *buf;

	while ((buf = socmmu_dma_buf_of(dma_engine_take_any_buffer(d->engine)))) {
		dma_addr_t iova = buf->entry.iova;

		dev_err(d->dev, "coherent buffer %pad (%llu bytes) still allocated at removal\n",
			&iova, buf->entry.size);
		socmmu_dma_release_buf(d, buf);
	}
}

static int socmmu_dma_mmap(struct device *dev, struct vm_area_struct *vma, void *cpu_addr,
			   dma_addr_t dma_addr, size_t size, unsigned long attrs)
{
	struct socmmu_dma_buf *buf =
		socmmu_dma_buf_of(dma_engine_find_buffer(socmmu_dma_of(dev)->engine, dma_addr,
							 (u64)vma->vm_pgoff << PAGE_SHIFT,
							 (u64)vma_pages(vma) << PAGE_SHIFT));

	if (!buf) {
		dev_err(dev, "mmap of %pad: no such buffer, or outside it\n", &dma_addr);
		return -ENXIO;
	}
	vma->vm_page_prot = socmmu_dma_pgprot(dev, vma->vm_page_prot);
	return vm_map_pages(vma, buf->pages, buf->npages);
}

static int socmmu_dma_get_sgtable(struct device *dev, struct sg_table *sgt, void *cpu_addr,
				  dma_addr_t dma_addr, size_t size, unsigned long attrs)
{
	struct socmmu_dma_buf *buf =
		socmmu_dma_buf_of(dma_engine_find_buffer(socmmu_dma_of(dev)->engine, dma_addr,
							 0, size));

	if (!buf) {
		dev_err(dev, "get_sgtable of %pad: no such buffer, or outside it\n", &dma_addr);
		return -ENXIO;
	}
	return sg_alloc_table_from_pages(sgt, buf->pages, PAGE_ALIGN(size) >> PAGE_SHIFT, 0,
					 size, GFP_KERNEL);
}

/* ------------------------------------------------------------ streaming -- */

/* A streaming map of @size bytes at @phys: never sleeps, one dev_err on failure. */
static dma_addr_t socmmu_dma_map_stream(struct device *dev, phys_addr_t phys, size_t size,
					const struct dma_access *access, const char *what)
{
	int err = -EIO;
	u64 iova = dma_engine_map_phys(socmmu_dma_of(dev)->engine, phys, size, access, &err);

	if (iova != DMA_ENGINE_ERROR)
		return iova;
	socmmu_dma_report(dev, what, size, err);
	return DMA_MAPPING_ERROR;
}

static dma_addr_t socmmu_dma_map_page(struct device *dev, struct page *page,
				      unsigned long offset, size_t size,
				      enum dma_data_direction dir, unsigned long attrs)
{
	struct dma_access access = socmmu_dma_stream_access(dev, dir, attrs);
	phys_addr_t phys = page_to_phys(page) + offset;

	socmmu_dma_cache_to_device(socmmu_dma_of(dev), phys, size, attrs);
	return socmmu_dma_map_stream(dev, phys, size, &access, "map_page");
}

static void socmmu_dma_unmap_page(struct device *dev, dma_addr_t handle, size_t size,
				  enum dma_data_direction dir, unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	/* The page behind the IOVA, looked up only when its caches need it. */
	phys_addr_t phys = dma_engine_sync_for_cpu(d->engine, dir, attrs) ?
			   iommu_iova_to_phys(d->domain, handle) : 0;

	dma_engine_unmap_phys(d->engine, handle, size);
	if (phys)
		socmmu_dma_cache_flush_phys(phys, size);
}

static dma_addr_t socmmu_dma_map_resource(struct device *dev, phys_addr_t phys, size_t size,
					  enum dma_data_direction dir, unsigned long attrs)
{
	struct dma_access access = socmmu_dma_stream_access(dev, dir, attrs);

	access.mmio = true;
	return socmmu_dma_map_stream(dev, phys, size, &access, "map_resource");
}

static void socmmu_dma_unmap_resource(struct device *dev, dma_addr_t handle, size_t size,
				      enum dma_data_direction dir, unsigned long attrs)
{
	dma_engine_unmap_phys(socmmu_dma_of(dev)->engine, handle, size);
}

/* The engine decides once per list: the answer is the same for every entry. */
static void socmmu_dma_sg_to_cpu(struct socmmu_dma_device *d, struct scatterlist *sgl, int n,
				 enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *s;
	int i;

	if (!dma_engine_sync_for_cpu(d->engine, dir, attrs))
		return;
	for_each_sg(sgl, s, n, i)
		socmmu_dma_cache_flush_phys(sg_phys(s), s->length);
}

static void socmmu_dma_sg_to_device(struct socmmu_dma_device *d, struct scatterlist *sgl, int n,
				    unsigned long attrs)
{
	struct scatterlist *s;
	int i;

	if (!dma_engine_sync_for_device(d->engine, attrs))
		return;
	for_each_sg(sgl, s, n, i)
		socmmu_dma_cache_flush_phys(sg_phys(s), s->length);
}

/* What a failed map_sg was asked to map, for its one message. */
static size_t socmmu_dma_sg_bytes(struct scatterlist *sgl, int nents)
{
	struct scatterlist *s;
	size_t bytes = 0;
	int i;

	for_each_sg(sgl, s, nents, i)
		bytes += s->length;
	return bytes;
}

static int socmmu_dma_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
			     enum dma_data_direction dir, unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);
	struct dma_access access = socmmu_dma_stream_access(dev, dir, attrs);
	int count;

	socmmu_dma_sg_to_device(d, sgl, nents, attrs);
	count = dma_engine_map_sg(d->engine, sgl, nents, &access, dma_get_max_seg_size(dev),
				  dma_get_seg_boundary(dev));
	if (count > 0)
		return count;
	socmmu_dma_report(dev, "map_sg", socmmu_dma_sg_bytes(sgl, nents), count);
	/* The DMA API knows -EINVAL, -ENOMEM and -EIO here. */
	return count == -ENOSPC ? -ENOMEM : count;
}

static void socmmu_dma_unmap_sg(struct device *dev, struct scatterlist *sgl, int nents,
				enum dma_data_direction dir, unsigned long attrs)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);

	dma_engine_unmap_sg(d->engine, sgl, nents);
	socmmu_dma_sg_to_cpu(d, sgl, nents, dir, attrs);
}

static void socmmu_dma_sync_single_for_cpu(struct device *dev, dma_addr_t handle, size_t size,
					   enum dma_data_direction dir)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);

	if (dma_engine_sync_for_cpu(d->engine, dir, 0))
		socmmu_dma_cache_flush_phys(iommu_iova_to_phys(d->domain, handle), size);
}

static void socmmu_dma_sync_single_for_device(struct device *dev, dma_addr_t handle,
					      size_t size, enum dma_data_direction dir)
{
	struct socmmu_dma_device *d = socmmu_dma_of(dev);

	if (dma_engine_sync_for_device(d->engine, 0))
		socmmu_dma_cache_flush_phys(iommu_iova_to_phys(d->domain, handle), size);
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
	struct dma_access access = socmmu_dma_alloc_access(dir, 0, dev->coherent_dma_mask,
							   !gfpflags_allow_blocking(gfp));
	unsigned int order = get_order(size);
	struct page *page;
	int err = -ENOMEM;
	u64 iova;

	gfp &= ~(__GFP_DMA | __GFP_DMA32 | __GFP_HIGHMEM | __GFP_COMP);
	page = alloc_pages(gfp | __GFP_ZERO, order);
	if (!page)
		return NULL;
	socmmu_dma_cache_to_device(d, page_to_phys(page), size, 0);
	iova = dma_engine_map_phys(d->engine, page_to_phys(page), size, &access, &err);
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
	struct dma_access access = socmmu_dma_alloc_access(dir, attrs, dev->coherent_dma_mask,
							   !gfpflags_allow_blocking(gfp));
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
	if (socmmu_dma_alloc_page_array(sh->pages, n, gfp, attrs))
		goto err_array;
	if (sg_alloc_table_from_pages(&sh->sgt, sh->pages, n, 0, size, gfp))
		goto err_pages;
	socmmu_dma_sg_to_device(d, sh->sgt.sgl, sh->sgt.orig_nents, 0);
	iova = socmmu_dma_map_pages(d, sh->pages, n, &access, &err);
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
	return dma_engine_supported(socmmu_dma_of(dev)->engine, mask);
}

static u64 socmmu_dma_required_mask(struct device *dev)
{
	return dma_engine_required_mask(socmmu_dma_of(dev)->engine);
}

static size_t socmmu_dma_max_mapping_size(struct device *dev)
{
	return min_t(u64, dma_engine_max_mapping_size(socmmu_dma_of(dev)->engine), SIZE_MAX);
}

static unsigned long socmmu_dma_merge_boundary(struct device *dev)
{
	return dma_engine_merge_boundary(socmmu_dma_of(dev)->engine);
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

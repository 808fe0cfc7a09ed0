// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table memory through the DMA API on the IOMMU's own device (see
 * table_memory_shim.h).  Linked into socmmu_core and exported, so every
 * module that holds a page-table engine (each IOMMU driver, the engine's
 * suites) calls this one copy through the header-only DmaTableMemory.
 */
#include <linux/build_bug.h>
#include <linux/dma-mapping.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "table_memory_shim.h"

static_assert(KX_IOMMU_READ == IOMMU_READ);
static_assert(KX_IOMMU_WRITE == IOMMU_WRITE);
static_assert(KX_IOMMU_CACHE == IOMMU_CACHE);
static_assert(KX_IOMMU_NOEXEC == IOMMU_NOEXEC);
static_assert(KX_IOMMU_MMIO == IOMMU_MMIO);
static_assert(KX_IOMMU_PRIV == IOMMU_PRIV);

/*
 * Tables of a page or more come from the page allocator, whose blocks are
 * naturally aligned.  Smaller ones come from kmalloc(), which aligns
 * power-of-two sizes naturally (Documentation/core-api/memory-allocation.rst)
 * and, unlike a kmem_cache, needs no module-lifetime state.
 */
static bool kx_pgtable_uses_pages(size_t size)
{
	return size >= PAGE_SIZE;
}

static void kx_pgtable_release(void *cpu, size_t size)
{
	if (kx_pgtable_uses_pages(size))
		free_pages((unsigned long)cpu, get_order(size));
	else
		kfree(cpu);
}

/**
 * kx_pgtable_alloc() - allocate a zeroed page table the walker can read
 * @dev: the IOMMU's own device, whose DMA mask bounds the table
 * @size: bytes, a power of two; the table is aligned to its size
 * @context: whether the caller may sleep
 * @cpu: where to store the CPU address
 * @dma: where to store the address the walker uses
 * @needs_sync: where to store whether kx_pgtable_sync() on this table does
 *	anything: false when the DMA API needs no sync for it (coherent, not
 *	bounced) and DMA_API_DEBUG, which checks every sync, is off
 *
 * The table is zeroed, then mapped DMA_TO_DEVICE once for its whole life;
 * the mapping cleans it, so the walker never sees stale data in it.  The
 * walker takes table addresses as physical addresses, so a DMA address
 * that differs from the physical one (an IOMMU or offset in front of this
 * IOMMU) cannot work and is refused.  Nothing is logged: the caller
 * decides what an error means.
 *
 * Return: 0, -EINVAL for a size that is not a power of two, -ENOMEM when
 * no memory or no DMA mapping could be had, -EFAULT when the memory is
 * not aligned to @size or its DMA address is not its physical address.
 */
int kx_pgtable_alloc(struct device *dev, size_t size, enum kx_alloc_context context,
		     void **cpu, u64 *dma, bool *needs_sync)
{
	gfp_t gfp = (context == KX_ALLOC_ATOMIC ? GFP_ATOMIC : GFP_KERNEL) | __GFP_ZERO;
	dma_addr_t handle;
	phys_addr_t phys;
	void *table;

	if (!size || !is_power_of_2(size))
		return -EINVAL;
	if (kx_pgtable_uses_pages(size))
		table = (void *)__get_free_pages(gfp, get_order(size));
	else
		table = kmalloc(size, gfp);
	if (!table)
		return -ENOMEM;

	phys = virt_to_phys(table);
	if (!IS_ALIGNED(phys, size)) {
		kx_pgtable_release(table, size);
		return -EFAULT;
	}

	handle = dma_map_single(dev, table, size, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, handle)) {
		kx_pgtable_release(table, size);
		return -ENOMEM;
	}
	if (handle != phys) {
		dma_unmap_single(dev, handle, size, DMA_TO_DEVICE);
		kx_pgtable_release(table, size);
		return -EFAULT;
	}

	*cpu = table;
	*dma = handle;
	/* The kernel's own test, once per table rather than in every sync. */
	*needs_sync = IS_ENABLED(CONFIG_DMA_API_DEBUG) || dma_need_sync(dev, handle);
	return 0;
}
EXPORT_SYMBOL_GPL(kx_pgtable_alloc);

/**
 * kx_pgtable_sync() - make CPU writes to part of a table visible to the walker
 * @dev: the device the table was allocated for
 * @dma: the table's DMA address, from kx_pgtable_alloc()
 * @offset: first byte written
 * @size: bytes written
 *
 * Safe in atomic context.
 */
void kx_pgtable_sync(struct device *dev, u64 dma, size_t offset, size_t size)
{
	dma_sync_single_range_for_device(dev, (dma_addr_t)dma, offset, size, DMA_TO_DEVICE);
}
EXPORT_SYMBOL_GPL(kx_pgtable_sync);

/**
 * kx_pgtable_free() - unmap and free a table from kx_pgtable_alloc()
 * @dev: the device the table was allocated for
 * @cpu: its CPU address
 * @dma: its DMA address
 * @size: its size, as allocated
 *
 * The walker must no longer be able to reach the table: the entry that
 * pointed to it is cleared and the IOMMU's TLB invalidated.
 */
void kx_pgtable_free(struct device *dev, void *cpu, u64 dma, size_t size)
{
	dma_unmap_single(dev, (dma_addr_t)dma, size, DMA_TO_DEVICE);
	kx_pgtable_release(cpu, size);
}
EXPORT_SYMBOL_GPL(kx_pgtable_free);

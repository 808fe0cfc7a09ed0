/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page-table memory for an IOMMU's table walker.  The walker is a DMA
 * master of its own, so its tables are streaming-DMA buffers of the
 * IOMMU's own struct device (never a client's): mapped once when
 * allocated, synced for the device after every CPU update, unmapped when
 * freed.  DMA_API_DEBUG then checks every step.
 */
#ifndef SOCMMU_PGTABLE_TABLE_MEMORY_SHIM_H
#define SOCMMU_PGTABLE_TABLE_MEMORY_SHIM_H

#include <shim/alloc.h>
#include <shim/base.h>

struct device;

/*
 * IOMMU_READ..IOMMU_PRIV of <linux/iommu.h>, for the formats that encode
 * permissions; checked against the kernel in table_memory_shim.c.
 */
#define KX_IOMMU_READ (1 << 0)
#define KX_IOMMU_WRITE (1 << 1)
#define KX_IOMMU_CACHE (1 << 2)
#define KX_IOMMU_NOEXEC (1 << 3)
#define KX_IOMMU_MMIO (1 << 4)
#define KX_IOMMU_PRIV (1 << 5)

/*
 * Every page size of the short-descriptor family (4K, 64K, 1M, 16M): the
 * framework's iommu_ops.pgsize_bitmap, and a domain's until its table's
 * format is known, which narrows it.  The engine checks its geometry
 * against these.
 */
#define KX_PGTABLE_PAGE_SIZES 0x01111000UL
/* And their IOVA space, [0, 4 GiB): every domain's aperture. */
#define KX_PGTABLE_IOVA_LIMIT 0x100000000ULL

KX_BEGIN_DECLS

int kx_pgtable_alloc(struct device *dev, size_t size, enum kx_alloc_context context,
		     void **cpu, u64 *dma, bool *needs_sync) KX_NOEXCEPT;
void kx_pgtable_sync(struct device *dev, u64 dma, size_t offset, size_t size) KX_NOEXCEPT;
void kx_pgtable_free(struct device *dev, void *cpu, u64 dma, size_t size) KX_NOEXCEPT;

KX_END_DECLS

#endif

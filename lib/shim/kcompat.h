/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux 6.1 against 6.12: every difference the C shims must bridge is
 * named here, once.  Included by C shims only, after the kernel headers
 * it tests.
 */
#ifndef KX_SHIM_KCOMPAT_H
#define KX_SHIM_KCOMPAT_H

#include <linux/version.h>

/*
 * Per-device dma_map_ops: CONFIG_DMA_OPS on 6.1, CONFIG_ARCH_HAS_DMA_OPS
 * from 6.8 on (ARM32 selects it; our 6.12 UML test kernel is patched to,
 * see Documentation/dma-ops-on-uml.rst).  Without either, set_dma_ops()
 * is an empty inline.
 */
#if defined(CONFIG_DMA_OPS) || defined(CONFIG_ARCH_HAS_DMA_OPS)
#define KX_HAVE_DMA_OPS 1
#else
#define KX_HAVE_DMA_OPS 0
#endif

/*
 * dma_map_ops members: 6.10 renamed alloc_pages to alloc_pages_op (when
 * alloc_pages() became a macro) and dropped alloc/free_noncontiguous,
 * which only dma-iommu serves since.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
#define KX_DMA_OPS_ALLOC_PAGES .alloc_pages_op
#define KX_HAVE_ALLOC_NONCONTIGUOUS 0
#else
#define KX_DMA_OPS_ALLOC_PAGES .alloc_pages
#define KX_HAVE_ALLOC_NONCONTIGUOUS 1
#endif

/*
 * iommu_ops (Documentation/omap-iommu.rst, kernel-api.md section 1):
 *  - 6.12 passes of_xlate's phandle args as const;
 *  - 6.12 groups single devices with generic_single_device_group(); 6.1
 *    has only generic_device_group() (a new group per call: one device);
 *  - 6.1 allocates domains by type with a detach_dev op; 6.12 has
 *    domain_alloc_paging(dev) and static identity/blocked domains;
 *  - 6.1 keeps one iommu_ops per bus, set by iommu_device_register() and
 *    never cleared: a module owning them must clear them before it goes;
 *  - iommu_map() and iommu_map_sg() gained a gfp argument (6.1 has
 *    iommu_map_atomic() instead, and exports no atomic iommu_map_sg).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
#define KX_IOMMU_OF_XLATE_CONST const
#define kx_iommu_single_device_group generic_single_device_group
#define KX_IOMMU_PAGING_DOMAINS 1
#define KX_IOMMU_BUS_OPS 0
#define kx_iommu_map(domain, iova, paddr, size, prot) \
	iommu_map(domain, iova, paddr, size, prot, GFP_KERNEL)
#define kx_iommu_map_gfp(domain, iova, paddr, size, prot, gfp) \
	iommu_map(domain, iova, paddr, size, prot, gfp)
#define kx_iommu_map_atomic(domain, iova, paddr, size, prot) \
	iommu_map(domain, iova, paddr, size, prot, GFP_ATOMIC)
#define kx_iommu_map_sg(domain, iova, sg, nents, prot) \
	iommu_map_sg(domain, iova, sg, nents, prot, GFP_KERNEL)
#define KX_IOMMU_MAP_SG_GFP 1
#define kx_iommu_map_sg_gfp(domain, iova, sg, nents, prot, gfp) \
	iommu_map_sg(domain, iova, sg, nents, prot, gfp)
#else
#define KX_IOMMU_OF_XLATE_CONST
#define kx_iommu_single_device_group generic_device_group
#define KX_IOMMU_PAGING_DOMAINS 0
#define KX_IOMMU_BUS_OPS 1
#define kx_iommu_map(domain, iova, paddr, size, prot) \
	iommu_map(domain, iova, paddr, size, prot)
/* Both have the same type on 6.1: pick one, evaluate each argument once. */
#define kx_iommu_map_gfp(domain, iova, paddr, size, prot, gfp) \
	((gfpflags_allow_blocking(gfp) ? iommu_map : iommu_map_atomic)(domain, iova, paddr, \
									size, prot))
#define kx_iommu_map_atomic(domain, iova, paddr, size, prot) \
	iommu_map_atomic(domain, iova, paddr, size, prot)
#define kx_iommu_map_sg(domain, iova, sg, nents, prot) \
	iommu_map_sg(domain, iova, sg, nents, prot)
/* 6.1 does not export iommu_map_sg_atomic(): no atomic iommu_map_sg() for modules. */
#define KX_IOMMU_MAP_SG_GFP 0
#endif

/*
 * Runtime PM: 6.9 made pm_runtime_get_if_active() what 6.1 spells with
 * ign_usage_count = true (a reference if the device is RPM_ACTIVE,
 * whatever its usage count).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0)
#define kx_pm_runtime_get_if_active(dev) pm_runtime_get_if_active(dev)
#else
#define kx_pm_runtime_get_if_active(dev) pm_runtime_get_if_active(dev, true)
#endif

/*
 * EXPORT_SYMBOL_IF_KUNIT(): a module's C entry points for its own KUnit
 * suites (Documentation/testing.rst, "Test seams").  <kunit/visibility.h>
 * came with 6.2 (some 6.1 stable kernels have it backported); 6.1 gets the
 * same definition here.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#include <kunit/visibility.h>
#elif !defined(EXPORT_SYMBOL_IF_KUNIT)
#if IS_ENABLED(CONFIG_KUNIT)
#define EXPORT_SYMBOL_IF_KUNIT(symbol) EXPORT_SYMBOL_NS(symbol, EXPORTED_FOR_KUNIT_TESTING)
#else
#define EXPORT_SYMBOL_IF_KUNIT(symbol)
#endif
#endif

#ifdef __LINUX_IOMMU_H
/*
 * A paging domain for @dev, or NULL: 6.12 asks @dev's own IOMMU, 6.1 has
 * only the per-bus allocator.
 */
static inline struct iommu_domain *kx_iommu_paging_domain_alloc(struct device *dev)
{
#if KX_IOMMU_PAGING_DOMAINS
	struct iommu_domain *domain = iommu_paging_domain_alloc(dev);

	return IS_ERR(domain) ? NULL : domain;
#else
	return iommu_domain_alloc(dev->bus);
#endif
}
#endif

#endif

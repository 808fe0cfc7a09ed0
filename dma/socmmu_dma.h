/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DMA layer's API, for IOMMU drivers and for the few users that map
 * fixed device addresses themselves.  Client drivers need none of it:
 * they call dma_alloc_*() and dma_map_*().  See Documentation/dma-layer.rst.
 */
#ifndef SOCMMU_DMA_H
#define SOCMMU_DMA_H

#include <linux/types.h>

#include <shim/map_run.h>

struct device;
struct iommu_domain;
struct list_head;

/* For IOMMU drivers: probe_finalize, release_device and get_resv_regions. */
int socmmu_dma_setup(struct device *dev);
void socmmu_dma_teardown(struct device *dev);
void socmmu_of_get_resv_regions(struct device *dev, struct list_head *head);

/*
 * For the IOMMU driver framework (iommu/core), whose domains map a list of
 * runs in one call: the layer's clients whose domain has @domain_ops map
 * scatterlists and pages through @map_runs instead of iommu_map() or
 * iommu_map_sg().  @map_runs maps all @n runs, or none of them and returns
 * a negative errno.  NULL takes it back; clients set up before keep theirs.
 */
struct socmmu_dma_mapper {
	const struct iommu_domain_ops *domain_ops;
	int (*map_runs)(struct iommu_domain *domain, const struct kx_map_run *runs, unsigned int n,
			int prot, gfp_t gfp);
};

void socmmu_dma_set_mapper(const struct socmmu_dma_mapper *mapper);

/* For users that need fixed device addresses next to DMA-API buffers. */
struct iommu_domain *socmmu_dma_domain(struct device *dev);
int socmmu_dma_reserve(struct device *dev, dma_addr_t iova, size_t size);
void socmmu_dma_unreserve(struct device *dev, dma_addr_t iova, size_t size);
/*
 * For users whose device needs memory at fixed device addresses (a remote
 * processor's firmware sections): coherent memory, physically contiguous,
 * mapped at @iova in socmmu_dma_domain(); the part inside the window is
 * reserved as by socmmu_dma_reserve().
 */
int socmmu_dma_alloc_fixed(struct device *dev, dma_addr_t iova, size_t size,
			   void **cpu_addr, phys_addr_t *phys);
void socmmu_dma_free_fixed(struct device *dev, dma_addr_t iova, size_t size, void *cpu_addr);

/*
 * For users whose device reaches its coherent buffers by physical address
 * (vring descriptors): while declared, dma_alloc_coherent() on @dev, and on
 * any device sharing its dma_map_ops, is carved from one physically
 * contiguous block mapped at one IOVA range of the window, so that
 * handle - iova == phys_of(buffer) - phys for every buffer.
 */
struct socmmu_dma_declared {
	void *cpu_addr;
	phys_addr_t phys;
	dma_addr_t iova;
	size_t size;
};

int socmmu_dma_declare_coherent(struct device *dev, size_t size,
				struct socmmu_dma_declared *out);
int socmmu_dma_release_coherent(struct device *dev);

/* For users that manage a domain of their own instead. */
void socmmu_dma_release(struct device *dev);

struct socmmu_dma_info {
	dma_addr_t window_base;
	dma_addr_t window_limit;	/* exclusive */
	bool deferred;			/* flush queue instead of strict unmaps */
	bool maps_runs;			/* through its framework's call (socmmu_dma_mapper) */
	u64 maps;
	u64 unmaps;
	u64 mapped_bytes;
	u64 strict_syncs;
	u64 queued;
	u64 queue_flushes;
	u64 map_errors;
};

/* What the layer does for @dev: -ENODEV if it does nothing. */
int socmmu_dma_get_info(struct device *dev, struct socmmu_dma_info *info);
/* Deferred invalidation (a flush queue) for @dev; strict is the default. */
int socmmu_dma_set_deferred(struct device *dev, bool deferred);

#endif

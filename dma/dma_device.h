/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A client device's DMA-layer state, shared by the C shims of dma/ only.
 * Its first member is the device's own copy of the dma_map_ops table:
 * get_dma_ops(dev) leads straight back to it, so no op looks anything up.
 */
#ifndef SOCMMU_DMA_DEVICE_H
#define SOCMMU_DMA_DEVICE_H

#include <linux/dma-map-ops.h>
#include <linux/list.h>
#include <linux/ratelimit.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "dma_devices.h"
#include "dma_engine.h"
#include "socmmu_dma.h"

struct socmmu_dma_declared_mem;

struct socmmu_dma_device {
	struct dma_map_ops ops;
	struct device *dev;
	struct iommu_domain *domain;
	/* The framework's map of a list into @domain, or NULL (socmmu_dma_mapper). */
	int (*map_runs)(struct iommu_domain *domain, const struct kx_map_run *runs, unsigned int n,
			int prot, gfp_t gfp);
	struct dma_engine *engine;
	spinlock_t fixed_lock;		/* the fixed list */
	struct list_head fixed;		/* struct socmmu_dma_block, fixed areas */
	struct socmmu_dma_declared_mem *declared;	/* serves alloc/free, if set */
	struct delayed_work flush_work;
	bool going;			/* deleted, waiting for its driver to let go */
	/* Failure lines of this device: one noisy device silences no other. */
	struct ratelimit_state log_limit;
	struct dma_devices_entry entry;	/* in the layer's registry of devices */
};

static inline struct socmmu_dma_device *socmmu_dma_of(struct device *dev)
{
	return container_of(get_dma_ops(dev), struct socmmu_dma_device, ops);
}

/* dma_ops_shim.c */
void socmmu_dma_fill_ops(struct dma_map_ops *ops);
void socmmu_dma_free_all_bufs(struct socmmu_dma_device *d);
void socmmu_dma_cache_flush_phys(phys_addr_t phys, size_t size);
void socmmu_dma_free_page_array(struct page **pages, unsigned int n);

/* dma_fixed_shim.c: fixed areas and declared memory (socmmu_dma.h). */
int socmmu_dma_fixed_alloc(struct socmmu_dma_device *d, dma_addr_t iova, size_t size,
			   void **cpu_addr, phys_addr_t *phys);
void socmmu_dma_fixed_free(struct socmmu_dma_device *d, dma_addr_t iova, size_t size,
			   void *cpu_addr);
int socmmu_dma_declared_create(struct socmmu_dma_device *d, size_t size,
			       struct socmmu_dma_declared *out);
int socmmu_dma_declared_release(struct socmmu_dma_device *d);
void socmmu_dma_fixed_teardown(struct socmmu_dma_device *d);

/*
 * dma_kernel_shim.c: the engine's backends, their context a
 * socmmu_dma_device: the IOMMU API's, and the same with the framework's
 * map of a list (d->map_runs set).
 */
extern const struct dma_engine_backend socmmu_dma_kernel_backend;
extern const struct dma_engine_backend socmmu_dma_runs_backend;
void socmmu_dma_flush_work(struct work_struct *work);

/* dma_pool_shim.c: coherent memory for callers that cannot sleep. */
int socmmu_dma_pool_init(void);
void socmmu_dma_pool_exit(void);
void *socmmu_dma_pool_alloc(size_t size, phys_addr_t *phys);
void socmmu_dma_pool_free(void *vaddr, size_t size);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DMA layer's boundary between its C shims (dma_ops_shim.c: the
 * dma_map_ops table, pages, kernel mappings, scatterlists;
 * dma_setup_shim.c: installation) and its C++ engine (dma_engine.cpp: one
 * device's IOVA window, how buffers are laid out and mapped in it, strict
 * or deferred invalidation).  See Documentation/dma-layer.rst.
 *
 * Nothing here knows which IOMMU is behind the domain.
 */
#ifndef SOCMMU_DMA_ENGINE_H
#define SOCMMU_DMA_ENGINE_H

#include <shim/base.h>

struct iommu_domain;
struct scatterlist;

/* One device's engine (C++). */
struct dma_engine;

struct dma_engine_config {
	struct iommu_domain *domain;
	u64 base;		/* window [base, limit), granule-aligned */
	u64 limit;
	u64 granule;		/* the IOMMU's smallest page */
	bool deferred;		/* at first: batch invalidations in a flush queue */
	void *owner;		/* handed back to kx_dma_schedule_flush() */
};

/* A physically contiguous, granule-aligned piece of a buffer. */
struct dma_chunk {
	u64 phys;
	u64 size;
};

struct dma_engine_stats {
	u64 maps;		/* IOVA ranges mapped */
	u64 unmaps;		/* IOVA ranges unmapped */
	u64 mapped_bytes;	/* currently mapped */
	u64 strict_syncs;	/* unmaps invalidated before returning */
	u64 queued;		/* unmaps put on the flush queue */
	u64 queue_flushes;	/* flush-queue drains */
	u64 map_errors;		/* IOVA or page-table failures */
	u64 iova_bytes;		/* IOVA space handed out (queued included) */
};

/* What a failed mapping returns in place of an IOVA. */
#define DMA_ENGINE_ERROR (~0ULL)
/* The flush queue's depth and how long an entry may wait. */
#define DMA_ENGINE_FQ_DEPTH 256
#define DMA_ENGINE_FQ_TIMEOUT_MS 10

KX_BEGIN_DECLS

/* ---- C++: the engine ---- */
struct dma_engine *dma_engine_create(const struct dma_engine_config *cfg, int *err) KX_NOEXCEPT;
/* Drains the flush queue; every mapping must be gone already. */
void dma_engine_destroy(struct dma_engine *e) KX_NOEXCEPT;
/* Keep [start, start + size) out of the DMA API's way: -EBUSY if in use. */
int dma_engine_reserve(struct dma_engine *e, u64 start, u64 size) KX_NOEXCEPT;
void dma_engine_unreserve(struct dma_engine *e, u64 start, u64 size) KX_NOEXCEPT;
/*
 * Map @size bytes at @phys (any alignment) below @limit: the IOVA of
 * @phys's byte, or DMA_ENGINE_ERROR with *err set.
 */
u64 dma_engine_map_phys(struct dma_engine *e, u64 phys, u64 size, int prot, u64 limit,
			bool atomic, int *err) KX_NOEXCEPT;
void dma_engine_unmap_phys(struct dma_engine *e, u64 iova, u64 size) KX_NOEXCEPT;
/* Map @n granule-aligned chunks end to end into one IOVA range. */
u64 dma_engine_map_chunks(struct dma_engine *e, const struct dma_chunk *chunks, unsigned int n,
			  int prot, u64 limit, bool atomic, int *err) KX_NOEXCEPT;
/*
 * Map a scatterlist into one IOVA range and merge it into as few DMA
 * segments as @max_seg and @seg_mask allow: their count, or a -errno.
 */
int dma_engine_map_sg(struct dma_engine *e, struct scatterlist *sg, int nents, int prot,
		      u64 limit, bool atomic, u64 max_seg, u64 seg_mask) KX_NOEXCEPT;
/* @seg_mask as given to dma_engine_map_sg(). */
void dma_engine_unmap_sg(struct dma_engine *e, struct scatterlist *sg, int nents,
			 u64 seg_mask) KX_NOEXCEPT;
/* The flush queue's timer fired: invalidate and release what is queued. */
void dma_engine_flush_queue(struct dma_engine *e) KX_NOEXCEPT;
/* Switching to strict drains the flush queue first. */
bool dma_engine_deferred(struct dma_engine *e) KX_NOEXCEPT;
void dma_engine_set_deferred(struct dma_engine *e, bool deferred) KX_NOEXCEPT;
void dma_engine_get_stats(struct dma_engine *e, struct dma_engine_stats *out) KX_NOEXCEPT;

/*
 * A pool of one physical range (the atomic pool), carved like a window:
 * addresses in [base, limit), no IOMMU involved.
 */
struct dma_range_pool;
struct dma_range_pool *dma_range_pool_create(u64 base, u64 limit, u64 granule,
					     int *err) KX_NOEXCEPT;
void dma_range_pool_destroy(struct dma_range_pool *pool) KX_NOEXCEPT;
/* Never sleeps; DMA_ENGINE_ERROR when exhausted. */
u64 dma_range_pool_alloc(struct dma_range_pool *pool, u64 size) KX_NOEXCEPT;
void dma_range_pool_free(struct dma_range_pool *pool, u64 addr, u64 size) KX_NOEXCEPT;

/* ---- C: the kernel services the engine uses ---- */
int kx_dma_iommu_map(struct iommu_domain *domain, u64 iova, u64 phys, u64 size, int prot,
		     bool atomic) KX_NOEXCEPT;
/* Unmap; with @sync the IOTLB is invalidated before this returns. */
u64 kx_dma_iommu_unmap(struct iommu_domain *domain, u64 iova, u64 size, bool sync) KX_NOEXCEPT;
void kx_dma_iommu_flush_all(struct iommu_domain *domain) KX_NOEXCEPT;
void kx_dma_schedule_flush(void *owner, unsigned int delay_ms) KX_NOEXCEPT;
struct scatterlist *kx_sg_next(struct scatterlist *sg) KX_NOEXCEPT;
u64 kx_sg_phys(struct scatterlist *sg) KX_NOEXCEPT;
u32 kx_sg_length(struct scatterlist *sg) KX_NOEXCEPT;
u64 kx_sg_dma_address(struct scatterlist *sg) KX_NOEXCEPT;
u32 kx_sg_dma_len(struct scatterlist *sg) KX_NOEXCEPT;
void kx_sg_set_dma(struct scatterlist *sg, u64 addr, u32 len) KX_NOEXCEPT;
/* Whether an entry's DMA length is separate from its CPU length. */
bool kx_sg_has_dma_length(void) KX_NOEXCEPT;

KX_END_DECLS

#endif

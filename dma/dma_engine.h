/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DMA layer's boundary between its C shims (dma_ops_shim.c: the
 * dma_map_ops table, pages, kernel mappings, scatterlists;
 * dma_setup_shim.c: installation) and its C++ engine (dma_engine.cpp: one
 * device's IOVA window, how buffers are laid out and mapped in it, strict
 * or deferred invalidation, its coherent buffers, its cache-maintenance
 * and limits policy).  See Documentation/dma-layer.rst.
 *
 * Nothing here knows which IOMMU is behind the domain: the engine reaches
 * it through the backend it is created with.
 */
#ifndef SOCMMU_DMA_ENGINE_H
#define SOCMMU_DMA_ENGINE_H

#include <shim/base.h>
#include <shim/map_run.h>

#include "dma_rules.h"

struct scatterlist;

/* One device's engine (C++). */
struct dma_engine;

/* An entry's CPU side, as the engine reads it. */
struct dma_sg_entry {
	u64 phys;
	u32 length;
};

/* A DMA segment, as the engine writes it and reads it back. */
struct dma_sg_seg {
	u64 addr;
	u32 len;
};

/*
 * The kernel services an engine uses, given at its creation: the IOMMU
 * domain it maps into, the flush queue's timer, and accessors for the
 * scatterlists it is handed.  dma_kernel_shim.c has the kernel's; the
 * engine's suite passes a recording one.  @ctx is the config's.
 *
 * The scatterlist accessors take a batch of up to DMA_SG_BATCH entries
 * from *@cursor on and leave *@cursor at the entry after them: a walk
 * pays one indirect call per batch, not several per entry.  The engine
 * never asks for entries beyond the count it was given.
 */
struct dma_engine_backend {
	int (*map)(void *ctx, u64 iova, u64 phys, u64 size, int prot, bool atomic);
	/* With @sync the IOTLB is invalidated before this returns. */
	u64 (*unmap)(void *ctx, u64 iova, u64 size, bool sync);
	void (*flush_all)(void *ctx);
	void (*schedule_flush)(void *ctx, unsigned int delay_ms);
	/*
	 * Read @n entries' physical address and CPU length into @out; with
	 * @clear_dma, also set their DMA length to 0 (only asked for when
	 * @sg_has_dma_length).
	 */
	void (*sg_read)(struct scatterlist **cursor, struct dma_sg_entry *out, unsigned int n,
			bool clear_dma);
	/* Set @n entries' DMA address and length from @segs. */
	void (*sg_write_dma)(struct scatterlist **cursor, const struct dma_sg_seg *segs,
			     unsigned int n);
	/* Read @n entries' DMA address and length into @out. */
	void (*sg_read_dma)(struct scatterlist **cursor, struct dma_sg_seg *out, unsigned int n);
	/* Add @base to the DMA address of the @n entries from @sg on. */
	void (*sg_offset_dma)(struct scatterlist *sg, unsigned int n, u64 base);
	/* Whether an entry's DMA length is separate from its CPU length. */
	bool sg_has_dma_length;
	/*
	 * Optional: map @nents entries end to end from @iova, each whole
	 * (iommu_map_sg(): one IOTLB sync for the list, not one per run).
	 * Called only for lists whose every entry starts and ends on a
	 * granule, without padding.  On failure nothing stays mapped.
	 */
	int (*map_sg)(void *ctx, u64 iova, struct scatterlist *sg, int nents, int prot,
		      bool atomic);
	/*
	 * Optional, and used in place of @map and @map_sg when present: map
	 * @n runs (at most DMA_RUN_LOG), each @size bytes of granules at
	 * @phys to @iova, in one call.  All or nothing: on failure none of
	 * the @n stays mapped.
	 */
	int (*map_runs)(void *ctx, const struct kx_map_run *runs, unsigned int n, int prot,
			bool atomic);
};

/* Entries per scatterlist accessor call (on the engine's stack). */
#define DMA_SG_BATCH 16
/*
 * Runs a map_sg() keeps from its layout walk, in the engine (24 bytes
 * each), so that a backend with map_runs maps them without a second walk
 * of the list.  A list of more runs, or a map_sg() while another holds
 * the log, is read twice and mapped DMA_SG_BATCH runs to a call.
 */
#define DMA_RUN_LOG 256

struct dma_engine_config {
	const struct dma_engine_backend *backend;
	void *ctx;		/* handed to the backend */
	u64 base;		/* window [base, limit), from dma_window_choose() */
	u64 limit;
	u64 granule;		/* from dma_granule() */
	u64 cpu_page;		/* PAGE_SIZE: buffers are whole CPU pages */
	bool coherent;		/* the device snoops the CPU's caches */
	bool arch_syncs;	/* the architecture maintains caches for DMA (ARM32) */
	bool can_flush_all;	/* the IOMMU can invalidate its whole IOTLB */
	bool deferred;		/* wanted at first: batch invalidations in a flush queue */
};

/* A physically contiguous, granule-aligned piece of a buffer. */
struct dma_chunk {
	u64 phys;
	u64 size;
};

/*
 * A coherent buffer, embedded in the shim's own record of it: the engine
 * files it by IOVA (an AVL tree: the links are the engine's).
 */
struct dma_engine_buffer {
	struct dma_engine_buffer *left, *right, *parent;
	int height;
	u64 iova;
	u64 size;		/* whole CPU pages */
	void *cpu_addr;		/* kernel mapping, or the cookie */
};

struct dma_engine_stats {
	u64 window_base;
	u64 window_limit;	/* exclusive */
	u64 maps;		/* IOVA ranges mapped */
	u64 unmaps;		/* IOVA ranges unmapped */
	u64 mapped_bytes;	/* currently mapped */
	u64 strict_syncs;	/* unmaps invalidated before returning */
	u64 queued;		/* unmaps put on the flush queue */
	u64 queue_flushes;	/* flush-queue drains */
	u64 map_errors;		/* IOVA or page-table failures */
	u64 iova_bytes;		/* IOVA space handed out (queued included) */
	u64 buffers;		/* coherent buffers filed */
	u64 buffer_tree_height;
};

/* What a failed mapping returns in place of an IOVA. */
#define DMA_ENGINE_ERROR (~0ULL)
/* The flush queue's depth and how long an entry may wait. */
#define DMA_ENGINE_FQ_DEPTH 256
#define DMA_ENGINE_FQ_TIMEOUT_MS 10

KX_BEGIN_DECLS

/* ---- C++: the engine ---- */
struct dma_engine *dma_engine_create(const struct dma_engine_config *cfg, int *err) KX_NOEXCEPT;
/* Drains the flush queue; every mapping and buffer must be gone already. */
void dma_engine_destroy(struct dma_engine *e) KX_NOEXCEPT;
/* Keep [start, start + size) out of the DMA API's way: -EBUSY if in use. */
int dma_engine_reserve(struct dma_engine *e, u64 start, u64 size) KX_NOEXCEPT;
void dma_engine_unreserve(struct dma_engine *e, u64 start, u64 size) KX_NOEXCEPT;
/*
 * Map @size bytes at @phys (any alignment) for @access: the IOVA of
 * @phys's byte, or DMA_ENGINE_ERROR with *err set.
 */
u64 dma_engine_map_phys(struct dma_engine *e, u64 phys, u64 size,
			const struct dma_access *access, int *err) KX_NOEXCEPT;
void dma_engine_unmap_phys(struct dma_engine *e, u64 iova, u64 size) KX_NOEXCEPT;
/* Map @n granule-aligned chunks end to end into one IOVA range. */
u64 dma_engine_map_chunks(struct dma_engine *e, const struct dma_chunk *chunks, unsigned int n,
			  const struct dma_access *access, int *err) KX_NOEXCEPT;
/*
 * Map @n CPU pages at @phys[i] end to end into one IOVA range, physically
 * contiguous runs in one IOMMU call each.
 */
u64 dma_engine_map_pages(struct dma_engine *e, const u64 *phys, unsigned int n,
			 const struct dma_access *access, int *err) KX_NOEXCEPT;
/*
 * Map a scatterlist into one IOVA range and merge it into as few DMA
 * segments as @max_seg and @seg_mask allow: their count, or a -errno.
 * Entries after the last segment get a DMA length of 0 (with
 * sg_has_dma_length).  Each entry is read once before the IOVA range is
 * allocated, and again for the runs to map unless the list goes to
 * map_sg whole or its runs fit the engine's run log (DMA_RUN_LOG).
 */
int dma_engine_map_sg(struct dma_engine *e, struct scatterlist *sg, int nents,
		      const struct dma_access *access, u64 max_seg, u64 seg_mask) KX_NOEXCEPT;
/*
 * Undo dma_engine_map_sg() of the same @sg and @nents: from the DMA
 * segments it wrote (the layout it chose, holes included), not from the
 * entries' CPU side.
 */
void dma_engine_unmap_sg(struct dma_engine *e, struct scatterlist *sg, int nents) KX_NOEXCEPT;
/* The flush queue's timer fired: invalidate and release what is queued. */
void dma_engine_flush_queue(struct dma_engine *e) KX_NOEXCEPT;
/* Switching to strict drains the flush queue first; -EOPNOTSUPP without flush_all. */
bool dma_engine_deferred(struct dma_engine *e) KX_NOEXCEPT;
int dma_engine_set_deferred(struct dma_engine *e, bool deferred) KX_NOEXCEPT;
void dma_engine_get_stats(struct dma_engine *e, struct dma_engine_stats *out) KX_NOEXCEPT;

/* Whether the CPU's caches must be cleaned before the device reads. */
bool dma_engine_sync_for_device(struct dma_engine *e, u64 attrs) KX_NOEXCEPT;
/* Whether they must be invalidated before the CPU reads what the device wrote. */
bool dma_engine_sync_for_cpu(struct dma_engine *e, u32 dir, u64 attrs) KX_NOEXCEPT;

/* The dma_map_ops hints. */
bool dma_engine_supported(struct dma_engine *e, u64 mask) KX_NOEXCEPT;
u64 dma_engine_required_mask(struct dma_engine *e) KX_NOEXCEPT;
u64 dma_engine_max_mapping_size(struct dma_engine *e) KX_NOEXCEPT;
u64 dma_engine_merge_boundary(struct dma_engine *e) KX_NOEXCEPT;

/* Coherent buffers, O(log n) by IOVA.  @buf's iova, size, cpu_addr are set. */
int dma_engine_add_buffer(struct dma_engine *e, struct dma_engine_buffer *buf) KX_NOEXCEPT;
/*
 * The buffer at @iova, if [@offset, @offset + @size), rounded up to whole
 * CPU pages, lies in it (mmap, get_sgtable); else NULL.
 */
struct dma_engine_buffer *dma_engine_find_buffer(struct dma_engine *e, u64 iova, u64 offset,
						 u64 size) KX_NOEXCEPT;
/*
 * For free(): the buffer at @iova, taken out, if @cpu_addr and @size
 * (rounded up to whole CPU pages) are its own; else NULL and nothing
 * changes.
 */
struct dma_engine_buffer *dma_engine_take_buffer(struct dma_engine *e, u64 iova,
						 const void *cpu_addr, u64 size) KX_NOEXCEPT;
/* At removal: any buffer still filed, taken out; NULL when none is left. */
struct dma_engine_buffer *dma_engine_take_any_buffer(struct dma_engine *e) KX_NOEXCEPT;

/*
 * A pool of one physical range (the atomic pool), carved like a window:
 * addresses in [base, limit), no IOMMU involved.
 */
struct dma_range_pool;
struct dma_range_pool *dma_range_pool_create(u64 base, u64 limit, u64 granule,
					     int *err) KX_NOEXCEPT;
void dma_range_pool_destroy(struct dma_range_pool *pool) KX_NOEXCEPT;
/*
 * Aligned to @size rounded up to a power of two (the DMA API's promise for
 * a coherent buffer).  Never sleeps; DMA_ENGINE_ERROR when exhausted.
 */
u64 dma_range_pool_alloc(struct dma_range_pool *pool, u64 size) KX_NOEXCEPT;
void dma_range_pool_free(struct dma_range_pool *pool, u64 addr, u64 size) KX_NOEXCEPT;

KX_END_DECLS

#endif

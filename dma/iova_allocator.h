/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IOVA allocator of one device's DMA window: which bus addresses in
 * [base, limit) are free for the DMA API.  It knows nothing of page tables;
 * the DMA ops map what it hands out.  See Documentation/dma-layer.rst
 * and Documentation/iova-allocator.rst.  Header-only (the implementation
 * is in iova_allocator_impl.h): every module that uses it compiles it.
 *
 * Semantics:
 *  - Addresses and sizes are bytes; sizes are rounded up to the granule.
 *    Sizes up to kCachedMaxGranules granules are rounded up to a power of
 *    two, as the kernel's iova.c does, so that freed ranges can be reused
 *    from the per-CPU caches.
 *  - A power-of-two size is aligned to itself (the IOMMU can then use its
 *    largest page for it); any other size to the largest power of two not
 *    above it, capped at kMaxAlignment.
 *  - alloc() returns the lowest fitting address below min(limit, window
 *    limit): O(log n) in the number of free ranges, never a scan.  For a
 *    size that is not a power of two, "fitting" means in the lowest free
 *    range that surely holds it (size + alignment - 1 granule long, or
 *    holding an aligned power-of-two block at least as large), or in a
 *    tighter range met on the way down the tree; see
 *    Documentation/iova-allocator.rst.  A range served from a per-CPU
 *    cache is the newest cached one below the limit, not the lowest.
 *  - alloc() of 0 bytes is -EINVAL; a tree node it cannot allocate is
 *    -ENOMEM, with nothing changed.  free(), unreserve() and
 *    flush_caches() never allocate and never fail.
 *  - Exhaustion is -ENOSPC after the per-CPU caches were given back once.
 *  - reserve() takes an area out for good (reserved regions, fixed-address
 *    areas a remoteproc-style user maps itself): -EBUSY if any byte of it
 *    is allocated or already reserved; parts outside the window are
 *    ignored.  unreserve() gives back exactly what one reserve() took.
 *    reserve() may sleep.
 *  - free() of something not allocated is a caller bug: it is counted
 *    (bad_frees), reported once in the log, and changes nothing.  A free
 *    of a cached size goes to this CPU's cache unchecked and is checked
 *    when the cache gives it back to the tree, as in iova.c.
 *  - alloc() and free() may run in any context, IRQ handlers included
 *    (alloc() with AllocContext::Atomic there).
 */
#ifndef SOCMMU_DMA_IOVA_ALLOCATOR_H
#define SOCMMU_DMA_IOVA_ALLOCATOR_H

#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>
#include <shim/alloc.h>

namespace socmmu::dma {

struct IovaStats {
	u64 window_base;
	u64 window_limit;
	u64 granule;
	u64 allocated_bytes;	/* handed out and not freed (cached ranges count) */
	u64 reserved_bytes;
	u64 free_ranges;	/* nodes in the free tree */
	u64 cache_hits;		/* alloc() served by a per-CPU cache */
	u64 cache_misses;	/* alloc() that went to the tree */
	u64 cache_flushes;	/* times the caches were given back */
	u64 cached_ranges;	/* ranges now in the per-CPU caches */
	u64 bad_frees;		/* free() of what was not allocated */
	u64 tree_height;	/* of the free-range tree: O(log free_ranges) */
};

class IovaAllocator;

/*
 * Where an allocator's tree nodes come from: the kernel's slab
 * (slab_node_memory()), or, in the allocator's suite, memory that counts
 * and fails on demand.  Must outlive the allocators that use it.
 */
class NodeMemory {
public:
	/* Never sleeps for AllocContext::Atomic; nullptr when out of memory. */
	virtual void *alloc(size_t size, kcxx::AllocContext context) noexcept = 0;
	virtual void free(void *memory) noexcept = 0;

protected:
	~NodeMemory() = default;
};

class SlabNodeMemory final : public NodeMemory {
public:
	void *alloc(size_t size, kcxx::AllocContext context) noexcept override
	{
		return kx_kmalloc(size, static_cast<kx_alloc_context>(context), false);
	}

	void free(void *memory) noexcept override { kx_kfree(memory); }
};

inline NodeMemory &slab_node_memory()
{
	static constinit SlabNodeMemory memory;

	return memory;
}

/*
 * Create an allocator for [base, limit) with a power-of-two granule (at
 * least 4 KiB); base and limit must be granule-aligned and base < limit.
 * -EINVAL otherwise.  Its tree nodes come from @nodes.
 */
inline kcxx::Result<kcxx::Owner<IovaAllocator>> create_iova_allocator(u64 base, u64 limit,
								       u64 granule,
								       NodeMemory &nodes) noexcept;

inline kcxx::Result<kcxx::Owner<IovaAllocator>> create_iova_allocator(u64 base, u64 limit,
								       u64 granule) noexcept
{
	return create_iova_allocator(base, limit, granule, slab_node_memory());
}

class IovaAllocator {
public:
	static constexpr u64 kCachedMaxGranules = 32;
	static constexpr u64 kMaxAlignment = u64{16} << 20;	/* a supersection */

	virtual ~IovaAllocator() = default;

	/* An address for @size bytes below @limit (exclusive), or -ENOSPC. */
	virtual kcxx::Result<u64> alloc(u64 size, u64 limit, kcxx::AllocContext context) noexcept = 0;
	/* Give back what alloc(@size) returned as @iova. */
	virtual void free(u64 iova, u64 size) noexcept = 0;
	virtual kcxx::Result<void> reserve(u64 start, u64 size) noexcept = 0;
	virtual void unreserve(u64 start, u64 size) noexcept = 0;
	/* Return every cached range to the tree. */
	virtual void flush_caches() noexcept = 0;
	/* The size alloc(@size) really takes: what free() must be given. */
	virtual u64 rounded_size(u64 size) const noexcept = 0;
	virtual void stats(IovaStats *out) const noexcept = 0;
};

} // namespace socmmu::dma

/* Header-only: see iova_allocator_impl.h. */
#include "iova_allocator_impl.h"

#endif

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
 *    above it, capped at kMaxAlignment.  A caller that needs more (a
 *    segment boundary the range must not cross, the DMA API's size
 *    alignment of coherent buffers) passes @align, a power of two in
 *    bytes, uncapped: the range is aligned to the larger of the two.
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

#include <kcxx/bits.h>
#include <kcxx/lock.h>
#include <kcxx/owner.h>
#include <kcxx/percpu.h>
#include <kcxx/result.h>
#include <kcxx/types.h>
#include <shim/alloc.h>

#include "free_range_tree.h"

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

namespace iova_impl {
struct CpuCache;
}

/*
 * One final class, not an interface: the DMA layer's map paths call it
 * on every map and unmap, and a per-CPU cache hit is short enough that
 * a virtual call is a visible part of it.
 */
class IovaAllocator final {
public:
	static constexpr u64 kCachedMaxGranules = 32;
	static constexpr u64 kMaxAlignment = u64{16} << 20;	/* a supersection */

	/* Through create_iova_allocator(), which checks the arguments. */
	IovaAllocator(u64 base, u64 limit, u64 granule, NodeMemory &nodes,
		      kcxx::PerCpu<iova_impl::CpuCache> caches, RangeNode *all);
	~IovaAllocator();

	/*
	 * An address for @size bytes below @limit (exclusive), aligned to at
	 * least @align bytes (0 or a power of two), or -ENOSPC.
	 */
	kcxx::Result<u64> alloc(u64 size, u64 limit, kcxx::AllocContext context,
				u64 align = 0) noexcept;
	/* Give back what alloc(@size) returned as @iova. */
	void free(u64 iova, u64 size) noexcept;
	kcxx::Result<void> reserve(u64 start, u64 size) noexcept;
	void unreserve(u64 start, u64 size) noexcept;
	/*
	 * Return every cached range to the tree: every cache not in use at
	 * that instant (exact when nothing else runs on the allocator).
	 */
	void flush_caches() noexcept { flush_all(nullptr); }
	/* The size alloc(@size) really takes: what free() must be given. */
	u64 rounded_size(u64 size) const noexcept { return round(granules(size)) << shift_; }
	void stats(IovaStats *out) const noexcept;

private:
	/* Bytes to granules, rounded up, without overflowing. */
	u64 granules(u64 size) const
	{
		return (size >> shift_) + ((size & ((u64{1} << shift_) - 1)) != 0);
	}

	static u64 round(u64 n)
	{
		if (n <= 1 || n > kCachedMaxGranules)
			return n;
		return u64{1} << (kcxx::ilog2(n - 1) + 1);
	}

	/* Powers of two align to themselves, the rest as the header says. */
	u64 alignment(u64 n) const
	{
		if (kcxx::is_power_of_2(n))
			return n;
		return kcxx::min(u64{1} << kcxx::ilog2(n), max_align_);
	}

	/* A caller's @align in bytes, in granules: 1 when it asks for none. */
	u64 wanted_alignment(u64 align) const
	{
		return kcxx::max(align >> shift_, u64{1});
	}

	bool clip(u64 start, u64 size, u64 *first, u64 *end) const;
	bool cache_pop(unsigned int cls, u64 n, u64 top, u64 *at);
	bool cache_push(unsigned int cls, u64 start);
	kcxx::Result<u64> alloc_slow(u64 n, u64 top, u64 align, kcxx::AllocContext context);
	void free_slow(u64 iova, u64 n);
	kcxx::Result<u64> alloc_from_tree(u64 n, u64 top, u64 align, kcxx::AllocContext context,
					  bool *counted);
	bool place(u64 n, u64 top, u64 align, Placement *out) const;
	void carve(RangeNode *node, u64 at, u64 n);
	void free_to_tree(u64 start, u64 n);
	u64 flush_all(bool *skipped);

	/* This CPU's cache, which the caller may leave at once: claim it. */
	iova_impl::CpuCache *local_cache() const
	{
		return only_cache_ ? only_cache_ : caches_.raw_local();
	}

	/* Under lock_. */
	bool overlaps_free_or_reserved(u64 start, u64 n) const;
	bool overlaps(const FreeRangeTree &tree, u64 start, u64 n) const;
	void insert_free(u64 start, u64 n);
	void bad_free(u64 start, u64 n, const char *why);
	bool have_credit(u64 new_pieces) const
	{
		return free_.size() + nr_spares_ >= pieces_ + new_pieces + 1;
	}
	void push_spare(RangeNode *node)
	{
		node->right = spares_;
		spares_ = node;
		nr_spares_++;
	}
	RangeNode *pop_spare()
	{
		RangeNode *node = spares_;

		if (node) {
			spares_ = node->right;
			nr_spares_--;
			*node = RangeNode();
		}
		return node;
	}
	RangeNode *take_excess();

	const unsigned int shift_;
	const u64 lo_, hi_;		/* the window, in granules */
	const u64 max_align_;		/* kMaxAlignment, in granules */
	NodeMemory &nodes_;

	mutable kcxx::SpinLock lock_{KCXX_LOCK_CLASS("socmmu_iova.tree")};
	/* Under lock_: */
	FreeRangeTree free_;
	FreeRangeTree reserved_;	/* one node per reserve() */
	RangeNode *spares_ = nullptr;	/* linked through ->right */
	u64 nr_spares_ = 0;
	/*
	 * Allocated ranges (cached ones included) plus reserved areas.  Free
	 * ranges are separated by pieces, so the tree never needs more than
	 * pieces_ + 1 nodes: keeping free_.size() + nr_spares_ >= pieces_ + 1
	 * lets free() always find a node without allocating.
	 */
	u64 pieces_ = 0;
	u64 free_granules_ = 0;
	u64 reserved_granules_ = 0;
	u64 misses_ = 0;
	u64 flushes_ = 0;
	u64 bad_frees_ = 0;
	bool warned_ = false;

	kcxx::PerCpu<iova_impl::CpuCache> caches_;
	/* With one possible CPU, its cache: no call into the kernel to find it. */
	iova_impl::CpuCache *const only_cache_;
};

} // namespace socmmu::dma

/* Header-only: see iova_allocator_impl.h. */
#include "iova_allocator_impl.h"

#endif

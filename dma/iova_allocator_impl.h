/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IOVA allocator (iova_allocator.h): free ranges in an augmented AVL
 * tree (free_range_tree.h) under one spinlock, with per-CPU magazines of
 * recently freed small ranges in front of it.  Design, complexity and the
 * node-credit rule: Documentation/iova-allocator.rst.
 *
 * A library, so header-only: every module that uses it (the DMA layer,
 * the allocator's suite, the benchmark) compiles this same code, and no
 * module carries a copy (Documentation/testing.rst, "Test seams").  Only
 * iova_allocator.h includes this file.
 */
#ifndef SOCMMU_DMA_IOVA_ALLOCATOR_IMPL_H
#define SOCMMU_DMA_IOVA_ALLOCATOR_IMPL_H

#include <kcxx/bits.h>
#include <kcxx/lock.h>
#include <kcxx/log.h>
#include <kcxx/percpu.h>

#include "free_range_tree.h"

namespace socmmu::dma {
namespace iova_impl {

using kcxx::AllocContext;
using kcxx::Error;
using kcxx::IrqSaveGuard;
using kcxx::Result;

/* Cached size classes: 1, 2, 4, .. kCachedMaxGranules granules. */
inline constexpr unsigned int kCacheClasses = 6;
static_assert(u64{1} << (kCacheClasses - 1) == IovaAllocator::kCachedMaxGranules);
/* Ranges one CPU keeps per class (the kernel's rcache keeps 2 x 127). */
inline constexpr unsigned int kMagazineSize = 128;
/* Spare nodes kept beyond what the credit rule needs, to spare kmalloc. */
inline constexpr u64 kSpareSlack = 16;

struct Magazine {
	u32 count;
	u64 starts[kMagazineSize];	/* in granules */
};

/*
 * One CPU's cache.  Its lock is taken with interrupts off (dma_map may run
 * in an IRQ handler); other CPUs take it only to flush or read counters.
 */
struct CpuCache {
	explicit CpuCache(kcxx::LockClass cls) : lock(cls) {}

	kcxx::SpinLock lock;
	u64 hits = 0;
	Magazine mags[kCacheClasses] = {};
};

inline constexpr bool is_pow2(u64 value)
{
	return kcxx::is_power_of_2(value);
}

inline constexpr unsigned int ceil_log2(u64 value)
{
	return value <= 1 ? 0 : kcxx::ilog2(value - 1) + 1;
}

inline RangeNode *new_node(NodeMemory &nodes, AllocContext context)
{
	void *memory = nodes.alloc(sizeof(RangeNode), context);

	return memory ? new (memory) RangeNode() : nullptr;
}

inline void free_nodes(NodeMemory &nodes, RangeNode *list)
{
	while (list) {
		RangeNode *next = list->right;

		nodes.free(list);
		list = next;
	}
}

class Allocator final : public IovaAllocator {
public:
	Allocator(u64 base, u64 limit, u64 granule, NodeMemory &nodes,
		  kcxx::PerCpu<CpuCache> caches, RangeNode *all)
		: shift_(kcxx::ilog2(granule)), lo_(base >> shift_), hi_(limit >> shift_),
		  max_align_(kcxx::max(kMaxAlignment >> shift_, u64{1})), nodes_(nodes),
		  caches_(kcxx::move(caches))
	{
		all->start = lo_;
		all->len = hi_ - lo_;
		free_.insert(all);
		free_granules_ = all->len;
	}

	~Allocator() override
	{
		auto release = [this](RangeNode *node) { nodes_.free(node); };

		free_.clear(release);
		reserved_.clear(release);
		free_nodes(nodes_, spares_);
	}

	Result<u64> alloc(u64 size, u64 limit, AllocContext context) noexcept override;
	void free(u64 iova, u64 size) noexcept override;
	Result<void> reserve(u64 start, u64 size) noexcept override;
	void unreserve(u64 start, u64 size) noexcept override;
	void flush_caches() noexcept override { flush_all(); }
	u64 rounded_size(u64 size) const noexcept override { return round(granules(size)) << shift_; }
	void stats(IovaStats *out) const noexcept override;

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
		return u64{1} << ceil_log2(n);
	}

	/* Powers of two align to themselves, the rest as the header says. */
	u64 alignment(u64 n) const
	{
		if (is_pow2(n))
			return n;
		return kcxx::min(u64{1} << kcxx::ilog2(n), max_align_);
	}

	/* [start, start + size) in bytes, clipped to the window, in granules. */
	bool clip(u64 start, u64 size, u64 *first, u64 *end) const
	{
		u64 last;

		if (!size)
			return false;
		if (__builtin_add_overflow(start, size, &last))
			last = ~u64{0};
		const u64 s = kcxx::max(start >> shift_, lo_);
		const u64 e = kcxx::min(granules(last), hi_);

		if (s >= e)
			return false;
		*first = s;
		*end = e;
		return true;
	}

	bool cache_pop(unsigned int cls, u64 n, u64 top, u64 *at);
	bool cache_push(unsigned int cls, u64 start);
	Result<u64> alloc_from_tree(u64 n, u64 top, AllocContext context, bool *counted);
	bool place(u64 n, u64 top, Placement *out) const;
	void carve(RangeNode *node, u64 at, u64 n);
	void free_to_tree(u64 start, u64 n);
	u64 flush_all();

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
	/* Spare nodes beyond credit and slack, unlinked for kfree() after unlock. */
	RangeNode *take_excess()
	{
		RangeNode *list = nullptr;

		while (spares_ && free_.size() + nr_spares_ > pieces_ + 1 + kSpareSlack) {
			RangeNode *node = pop_spare();

			node->right = list;
			list = node;
		}
		return list;
	}

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

	kcxx::PerCpu<CpuCache> caches_;
};

/*
 * A cached range of class @cls below @top, from this CPU's magazine.  The
 * newest entry is usually it; the search is bounded by the magazine size.
 */
inline bool Allocator::cache_pop(unsigned int cls, u64 n, u64 top, u64 *at)
{
	CpuCache *cache = caches_.raw_local();
	IrqSaveGuard guard(cache->lock);
	Magazine &mag = cache->mags[cls];

	for (u32 i = mag.count; i-- > 0;) {
		if (mag.starts[i] + n <= top) {
			*at = mag.starts[i];
			mag.starts[i] = mag.starts[--mag.count];
			cache->hits++;
			return true;
		}
	}
	return false;
}

inline bool Allocator::cache_push(unsigned int cls, u64 start)
{
	CpuCache *cache = caches_.raw_local();
	IrqSaveGuard guard(cache->lock);
	Magazine &mag = cache->mags[cls];

	if (mag.count == kMagazineSize)
		return false;
	mag.starts[mag.count++] = start;
	return true;
}

inline Result<u64> Allocator::alloc(u64 size, u64 limit, AllocContext context) noexcept
{
	if (!size)
		return Error(-kcxx::EINVAL);

	const u64 top = kcxx::min(limit >> shift_, hi_);
	const u64 n = round(granules(size));

	if (top <= lo_ || n > top - lo_)
		return Error(-kcxx::ENOSPC);
	if (n <= kCachedMaxGranules) {
		u64 at;

		if (cache_pop(kcxx::ilog2(n), n, top, &at))
			return at << shift_;
	}

	bool counted = false;
	auto result = alloc_from_tree(n, top, context, &counted);
	if (result.ok() || result.to_errno() != -kcxx::ENOSPC)
		return result;
	/* Exhausted: give every cached range back, once, and try again. */
	if (!flush_all())
		return result;
	return alloc_from_tree(n, top, context, &counted);
}

/*
 * The node credit must cover one more piece before anything changes: when
 * it does not, drop the lock, allocate a node with the caller's context,
 * and start over.  Failure leaves the allocator as it was.
 */
inline Result<u64> Allocator::alloc_from_tree(u64 n, u64 top, AllocContext context, bool *counted)
{
	RangeNode *spare = nullptr;

	for (;;) {
		{
			IrqSaveGuard guard(lock_);
			Placement placement;

			if (spare)
				push_spare(kcxx::exchange(spare, nullptr));
			if (!*counted) {
				misses_++;
				*counted = true;
			}
			if (!place(n, top, &placement))
				return Error(-kcxx::ENOSPC);
			if (have_credit(1)) {
				carve(placement.node, placement.at, n);
				pieces_++;
				free_granules_ -= n;
				return placement.at << shift_;
			}
		}
		spare = new_node(nodes_, context);
		if (!spare)
			return Error(-kcxx::ENOMEM);
	}
}

/* The lowest place for @n granules ending at or below @top. */
inline bool Allocator::place(u64 n, u64 top, Placement *out) const
{
	bool found;

	if (is_pow2(n))
		found = free_.find_aligned_block(kcxx::ilog2(n), out);
	else
		found = free_.find_fit(n, alignment(n), ceil_log2(n), out);
	/* Nothing lower fits, so nothing below @top does either. */
	return found && out->at + n <= top;
}

/* Take [at, at + n) out of @node's free range; may use one spare node. */
inline void Allocator::carve(RangeNode *node, u64 at, u64 n)
{
	const u64 end = node->end();

	if (at == node->start && at + n == end) {
		push_spare(free_.erase(node));
	} else if (at == node->start) {
		node->start += n;
		node->len -= n;
		free_.resized(node);
	} else if (at + n == end) {
		node->len -= n;
		free_.resized(node);
	} else {
		RangeNode *rest = pop_spare();

		node->len = at - node->start;
		free_.resized(node);
		if (KCXX_WARN_ON(!rest))
			return;		/* the credit rule makes this impossible */
		rest->start = at + n;
		rest->len = end - rest->start;
		free_.insert(rest);
	}
}

/* Put [start, start + n) back, merging with free neighbours. */
inline void Allocator::insert_free(u64 start, u64 n)
{
	RangeNode *prev = free_.floor(start);
	RangeNode *next = free_.above(start);
	const bool join_prev = prev && prev->end() == start;
	const bool join_next = next && next->start == start + n;

	if (join_prev && join_next) {
		prev->len += n + next->len;
		push_spare(free_.erase(next));
		free_.resized(prev);
	} else if (join_prev) {
		prev->len += n;
		free_.resized(prev);
	} else if (join_next) {
		next->start = start;
		next->len += n;
		free_.resized(next);
	} else {
		RangeNode *node = pop_spare();

		if (KCXX_WARN_ON(!node))
			return;		/* the credit rule makes this impossible */
		node->start = start;
		node->len = n;
		free_.insert(node);
	}
}

inline bool Allocator::overlaps(const FreeRangeTree &tree, u64 start, u64 n) const
{
	const RangeNode *prev = tree.floor(start);
	const RangeNode *next = tree.above(start);

	return (prev && prev->end() > start) || (next && next->start < start + n);
}

inline bool Allocator::overlaps_free_or_reserved(u64 start, u64 n) const
{
	return overlaps(free_, start, n) || overlaps(reserved_, start, n);
}

inline void Allocator::bad_free(u64 start, u64 n, const char *why)
{
	bad_frees_++;
	if (warned_)
		return;
	warned_ = true;
	KCXX_PR_WARN("socmmu iova: free of [%#llx, %#llx) %s: ignored (reported once)\n",
		     start << shift_, (start + n) << shift_, why);
}

inline void Allocator::free(u64 iova, u64 size) noexcept
{
	const u64 start = iova >> shift_, n = round(granules(size));

	if (!n || (iova & ((u64{1} << shift_) - 1)) || start < lo_ || start > hi_ ||
	    n > hi_ - start || !kcxx::is_aligned(start, alignment(n))) {
		IrqSaveGuard guard(lock_);

		bad_free(start, n, "that alloc() cannot have returned");
		return;
	}
	/* Checked against the tree only when the cache gives it back. */
	if (n <= kCachedMaxGranules && cache_push(kcxx::ilog2(n), start))
		return;
	free_to_tree(start, n);
}

inline void Allocator::free_to_tree(u64 start, u64 n)
{
	RangeNode *excess;
	{
		IrqSaveGuard guard(lock_);

		if (overlaps_free_or_reserved(start, n)) {
			bad_free(start, n, "that is not allocated");
			return;
		}
		insert_free(start, n);
		pieces_--;
		free_granules_ += n;
		excess = take_excess();
	}
	free_nodes(nodes_, excess);
}

/* Every CPU's magazines back into the tree; how many ranges went back. */
inline u64 Allocator::flush_all()
{
	u64 returned = 0;

	caches_.for_each([&](unsigned int, CpuCache &cache) {
		IrqSaveGuard cache_guard(cache.lock);
		IrqSaveGuard guard(lock_);

		for (unsigned int cls = 0; cls < kCacheClasses; cls++) {
			Magazine &mag = cache.mags[cls];
			const u64 n = u64{1} << cls;

			for (u32 i = 0; i < mag.count; i++) {
				/* A double free of a cached size shows here. */
				if (overlaps_free_or_reserved(mag.starts[i], n)) {
					bad_free(mag.starts[i], n, "that is not allocated");
					continue;
				}
				insert_free(mag.starts[i], n);
				pieces_--;
				free_granules_ += n;
				returned++;
			}
			mag.count = 0;
		}
	});

	RangeNode *excess;
	{
		IrqSaveGuard guard(lock_);

		flushes_++;
		excess = take_excess();
	}
	free_nodes(nodes_, excess);
	return returned;
}

inline Result<void> Allocator::reserve(u64 start, u64 size) noexcept
{
	u64 first, end;

	if (!clip(start, size, &first, &end))
		return {};

	RangeNode *record = new_node(nodes_, AllocContext::Sleepable);
	RangeNode *spare = nullptr;
	bool flushed = false;

	if (!record)
		return Error(-kcxx::ENOMEM);
	for (;;) {
		bool busy;
		{
			IrqSaveGuard guard(lock_);
			RangeNode *node = free_.floor(first);

			if (spare)
				push_spare(kcxx::exchange(spare, nullptr));
			busy = !node || node->end() < end;
			if (!busy && have_credit(1)) {
				carve(node, first, end - first);
				record->start = first;
				record->len = end - first;
				reserved_.insert(record);
				pieces_++;
				free_granules_ -= end - first;
				reserved_granules_ += end - first;
				return {};
			}
		}
		if (busy && flushed) {
			nodes_.free(record);
			return Error(-kcxx::EBUSY);
		}
		if (busy) {
			/* Cached ranges are free to the DMA API's users. */
			flush_all();
			flushed = true;
			continue;
		}
		spare = new_node(nodes_, AllocContext::Sleepable);
		if (!spare) {
			nodes_.free(record);
			return Error(-kcxx::ENOMEM);
		}
	}
}

inline void Allocator::unreserve(u64 start, u64 size) noexcept
{
	u64 first, end;
	RangeNode *excess;

	if (!clip(start, size, &first, &end))
		return;
	{
		IrqSaveGuard guard(lock_);
		RangeNode *record = reserved_.find(first);

		if (!record || record->end() != end) {
			KCXX_PR_WARN("socmmu iova: unreserve of [%#llx, %#llx), not one reserved area\n",
				     first << shift_, end << shift_);
			return;
		}
		push_spare(reserved_.erase(record));
		insert_free(first, end - first);
		pieces_--;
		free_granules_ += end - first;
		reserved_granules_ -= end - first;
		excess = take_excess();
	}
	free_nodes(nodes_, excess);
}

inline void Allocator::stats(IovaStats *out) const noexcept
{
	u64 hits = 0, cached = 0;

	caches_.for_each([&](unsigned int, CpuCache &cache) {
		IrqSaveGuard guard(cache.lock);

		hits += cache.hits;
		for (const Magazine &mag : cache.mags)
			cached += mag.count;
	});

	IrqSaveGuard guard(lock_);

	*out = {};
	out->window_base = lo_ << shift_;
	out->window_limit = hi_ << shift_;
	out->granule = u64{1} << shift_;
	out->allocated_bytes = (hi_ - lo_ - free_granules_ - reserved_granules_) << shift_;
	out->reserved_bytes = reserved_granules_ << shift_;
	out->free_ranges = free_.size();
	out->cache_hits = hits;
	out->cache_misses = misses_;
	out->cache_flushes = flushes_;
	out->cached_ranges = cached;
	out->bad_frees = bad_frees_;
	out->tree_height = static_cast<u64>(free_.height());
}

} // namespace iova_impl

inline kcxx::Result<kcxx::Owner<IovaAllocator>> create_iova_allocator(u64 base, u64 limit,
								       u64 granule,
								       NodeMemory &nodes) noexcept
{
	using namespace iova_impl;

	if (granule < 4096 || !is_pow2(granule) || base >= limit ||
	    !kcxx::is_aligned(base, granule) || !kcxx::is_aligned(limit, granule))
		return Error(-kcxx::EINVAL);

	auto caches = KCXX_TRY(kcxx::PerCpu<CpuCache>::create(KCXX_LOCK_CLASS("socmmu_iova.cpu_cache")));
	RangeNode *all = new_node(nodes, AllocContext::Sleepable);
	if (!all)
		return Error(-kcxx::ENOMEM);

	auto allocator = kcxx::make_owned<Allocator>(base, limit, granule, nodes,
						     kcxx::move(caches), all);
	if (!allocator.ok()) {
		nodes.free(all);
		return allocator.error();
	}
	return kcxx::Owner<IovaAllocator>(kcxx::move(allocator).value());
}

} // namespace socmmu::dma

#endif

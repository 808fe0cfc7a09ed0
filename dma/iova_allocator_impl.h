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

#include <kcxx/atomic.h>
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
 * One CPU's cache, owned by whoever claims it (CacheClaim): a user on
 * this CPU, or another CPU flushing it or reading its counters.
 */
struct CpuCache {
	u32 busy = 0;		/* claimed */
	u64 hits = 0;
	Magazine mags[kCacheClasses] = {};
};

inline constexpr bool is_pow2(u64 value)
{
	return kcxx::is_power_of_2(value);
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

/*
 * A cache claimed by one compare-and-swap, never waited for: a user that
 * finds it claimed (an interrupt on this CPU that came while the task it
 * interrupted held it, a flush from another CPU, a task that migrated
 * after choosing it) goes to the tree instead, which is always right: a
 * cache only saves the tree work.  So the hit path masks no interrupts,
 * disables no preemption and takes no lock, where a lock taken with
 * interrupts off (dma_map may run in an IRQ handler) cost two calls into
 * the kernel and the masking, on UML function calls too.  Acquire on the
 * claim, release on the release: what one owner wrote, the next sees.
 */
class [[nodiscard]] CacheClaim : kcxx::Pinned {
public:
	explicit CacheClaim(CpuCache *cache) : cache_(cache)
	{
		u32 idle = 0;

		claimed_ = kcxx::cmpxchg_acquire(&cache->busy, &idle, 1);
	}
	~CacheClaim()
	{
		if (claimed_)
			__atomic_store_n(&cache_->busy, 0, __ATOMIC_RELEASE);
	}
	explicit operator bool() const { return claimed_; }

private:
	CpuCache *cache_;
	bool claimed_;
};

} // namespace iova_impl

inline IovaAllocator::IovaAllocator(u64 base, u64 limit, u64 granule, NodeMemory &nodes,
				    kcxx::PerCpu<iova_impl::CpuCache> caches, RangeNode *all)
	: shift_(kcxx::ilog2(granule)), lo_(base >> shift_), hi_(limit >> shift_),
	  max_align_(kcxx::max(kMaxAlignment >> shift_, u64{1})), nodes_(nodes),
	  caches_(kcxx::move(caches)), only_cache_(kx_nr_cpu_ids() == 1 ? caches_.on(0) : nullptr)
{
	all->start = lo_;
	all->len = hi_ - lo_;
	free_.insert(all);
	free_granules_ = all->len;
}

inline IovaAllocator::~IovaAllocator()
{
	auto release = [this](RangeNode *node) { nodes_.free(node); };

	free_.clear(release);
	reserved_.clear(release);
	iova_impl::free_nodes(nodes_, spares_);
}

/* [start, start + size) in bytes, clipped to the window, in granules. */
inline bool IovaAllocator::clip(u64 start, u64 size, u64 *first, u64 *end) const
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

/* Spare nodes beyond credit and slack, unlinked for kfree() after unlock. */
inline RangeNode *IovaAllocator::take_excess()
{
	RangeNode *list = nullptr;

	while (spares_ && free_.size() + nr_spares_ > pieces_ + 1 + iova_impl::kSpareSlack) {
		RangeNode *node = pop_spare();

		node->right = list;
		list = node;
	}
	return list;
}

/*
 * A cached range of class @cls below @top, from this CPU's magazine.  The
 * newest entry is usually it; the search is bounded by the magazine size.
 */
inline bool IovaAllocator::cache_pop(unsigned int cls, u64 n, u64 top, u64 *at)
{
	iova_impl::CpuCache *cache = local_cache();
	iova_impl::CacheClaim claim(cache);

	if (!claim)
		return false;
	iova_impl::Magazine &mag = cache->mags[cls];

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

inline bool IovaAllocator::cache_push(unsigned int cls, u64 start)
{
	iova_impl::CpuCache *cache = local_cache();
	iova_impl::CacheClaim claim(cache);

	if (!claim)
		return false;
	iova_impl::Magazine &mag = cache->mags[cls];

	if (mag.count == iova_impl::kMagazineSize)
		return false;
	mag.starts[mag.count++] = start;
	return true;
}

/*
 * The hit is inlined into the caller; the rest is alloc_slow().  A cached
 * range of n granules is aligned to n only: an @align above that goes to
 * the tree (the DMA engine never asks for it: its @align for a cached
 * size is at most the size rounded up).
 */
inline kcxx::Result<u64> IovaAllocator::alloc(u64 size, u64 limit, kcxx::AllocContext context,
					      u64 align) noexcept
{
	if (!size || (align && !kcxx::is_power_of_2(align)))
		return kcxx::Error(-kcxx::EINVAL);

	const u64 top = kcxx::min(limit >> shift_, hi_);
	const u64 n = round(granules(size));
	const u64 a = wanted_alignment(align);
	u64 at;

	if (top <= lo_ || n > top - lo_)
		return kcxx::Error(-kcxx::ENOSPC);
	if (n <= kCachedMaxGranules && a <= n && cache_pop(kcxx::ilog2(n), n, top, &at))
		return at << shift_;
	return alloc_slow(n, top, a, context);
}

[[gnu::noinline]] inline kcxx::Result<u64> IovaAllocator::alloc_slow(u64 n, u64 top, u64 align,
								     kcxx::AllocContext context)
{
	bool counted = false;
	auto result = alloc_from_tree(n, top, align, context, &counted);
	if (result.ok() || result.to_errno() != -kcxx::ENOSPC)
		return result;
	/* Exhausted: give every cached range back, once, and try again. */
	if (!flush_all(nullptr))
		return result;
	return alloc_from_tree(n, top, align, context, &counted);
}

/*
 * The node credit must cover one more piece before anything changes: when
 * it does not, drop the lock, allocate a node with the caller's context,
 * and start over.  Failure leaves the allocator as it was.
 */
inline kcxx::Result<u64> IovaAllocator::alloc_from_tree(u64 n, u64 top, u64 align,
							kcxx::AllocContext context, bool *counted)
{
	RangeNode *spare = nullptr;

	for (;;) {
		{
			kcxx::IrqSaveGuard guard(lock_);
			Placement placement;

			if (spare)
				push_spare(kcxx::exchange(spare, nullptr));
			if (!*counted) {
				misses_++;
				*counted = true;
			}
			if (!place(n, top, align, &placement))
				return kcxx::Error(-kcxx::ENOSPC);
			if (have_credit(1)) {
				carve(placement.node, placement.at, n);
				pieces_++;
				free_granules_ -= n;
				return placement.at << shift_;
			}
		}
		spare = iova_impl::new_node(nodes_, context);
		if (!spare)
			return kcxx::Error(-kcxx::ENOMEM);
	}
}

/*
 * The lowest place for @n granules aligned to at least @align granules,
 * ending at or below @top.  find_fit()'s order test must look for blocks
 * at least as aligned as the range: a block of 2^ceil_log2(n) granules
 * may be less aligned than @align when @align is above n.
 */
inline bool IovaAllocator::place(u64 n, u64 top, u64 align, Placement *out) const
{
	const u64 a = kcxx::max(alignment(n), align);
	bool found;

	if (a == n)
		found = free_.find_aligned_block(kcxx::ilog2(n), out);
	else
		found = free_.find_fit(n, a, kcxx::max(kcxx::ceil_log2(n), kcxx::ilog2(a)),
				       out);
	/* Nothing lower fits, so nothing below @top does either. */
	return found && out->at + n <= top;
}

/* Take [at, at + n) out of @node's free range; may use one spare node. */
inline void IovaAllocator::carve(RangeNode *node, u64 at, u64 n)
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
inline void IovaAllocator::insert_free(u64 start, u64 n)
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

inline bool IovaAllocator::overlaps(const FreeRangeTree &tree, u64 start, u64 n) const
{
	const RangeNode *prev = tree.floor(start);
	const RangeNode *next = tree.above(start);

	return (prev && prev->end() > start) || (next && next->start < start + n);
}

inline bool IovaAllocator::overlaps_free_or_reserved(u64 start, u64 n) const
{
	return overlaps(free_, start, n) || overlaps(reserved_, start, n);
}

inline void IovaAllocator::bad_free(u64 start, u64 n, const char *why)
{
	bad_frees_++;
	if (warned_)
		return;
	warned_ = true;
	KCXX_PR_WARN("socmmu iova: free of [%#llx, %#llx) %s: ignored (reported once)\n",
		     start << shift_, (start + n) << shift_, why);
}

inline void IovaAllocator::free(u64 iova, u64 size) noexcept
{
	const u64 start = iova >> shift_, n = round(granules(size));

	/* Checked against the tree only when the cache gives it back. */
	if (n && n <= kCachedMaxGranules && !(iova & ((u64{1} << shift_) - 1)) &&
	    start >= lo_ && start <= hi_ && n <= hi_ - start && kcxx::is_aligned(start, n) &&
	    cache_push(kcxx::ilog2(n), start))
		return;
	free_slow(iova, n);
}

[[gnu::noinline]] inline void IovaAllocator::free_slow(u64 iova, u64 n)
{
	const u64 start = iova >> shift_;

	if (!n || (iova & ((u64{1} << shift_) - 1)) || start < lo_ || start > hi_ ||
	    n > hi_ - start || !kcxx::is_aligned(start, alignment(n))) {
		kcxx::IrqSaveGuard guard(lock_);

		bad_free(start, n, "that alloc() cannot have returned");
		return;
	}
	free_to_tree(start, n);
}

inline void IovaAllocator::free_to_tree(u64 start, u64 n)
{
	RangeNode *excess;
	{
		kcxx::IrqSaveGuard guard(lock_);

		if (overlaps_free_or_reserved(start, n)) {
			bad_free(start, n, "that is not allocated");
			return;
		}
		insert_free(start, n);
		pieces_--;
		free_granules_ += n;
		excess = take_excess();
	}
	iova_impl::free_nodes(nodes_, excess);
}

/*
 * Every CPU's magazines back into the tree; how many ranges went back.  A
 * cache claimed at that instant is skipped (its owner holds it for a few
 * instructions, or is the task an interrupt flushing here interrupted:
 * waiting could deadlock), and *@skipped says so.
 */
inline u64 IovaAllocator::flush_all(bool *skipped)
{
	u64 returned = 0;

	caches_.for_each([&](unsigned int, iova_impl::CpuCache &cache) {
		iova_impl::CacheClaim claim(&cache);

		if (!claim) {
			if (skipped)
				*skipped = true;
			return;
		}
		kcxx::IrqSaveGuard guard(lock_);

		for (unsigned int cls = 0; cls < iova_impl::kCacheClasses; cls++) {
			iova_impl::Magazine &mag = cache.mags[cls];
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
		kcxx::IrqSaveGuard guard(lock_);

		flushes_++;
		excess = take_excess();
	}
	iova_impl::free_nodes(nodes_, excess);
	return returned;
}

inline kcxx::Result<void> IovaAllocator::reserve(u64 start, u64 size) noexcept
{
	u64 first, end;

	if (!clip(start, size, &first, &end))
		return {};

	RangeNode *record = iova_impl::new_node(nodes_, kcxx::AllocContext::Sleepable);
	RangeNode *spare = nullptr;
	bool flushed = false;

	if (!record)
		return kcxx::Error(-kcxx::ENOMEM);
	for (;;) {
		bool busy;
		{
			kcxx::IrqSaveGuard guard(lock_);
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
			return kcxx::Error(-kcxx::EBUSY);
		}
		if (busy) {
			bool skipped;

			/*
			 * Cached ranges are free to the DMA API's users.  This
			 * context may sleep, so it interrupted no cache's owner:
			 * one it skipped is released in a few instructions.
			 */
			do {
				skipped = false;
				flush_all(&skipped);
			} while (skipped);
			flushed = true;
			continue;
		}
		spare = iova_impl::new_node(nodes_, kcxx::AllocContext::Sleepable);
		if (!spare) {
			nodes_.free(record);
			return kcxx::Error(-kcxx::ENOMEM);
		}
	}
}

inline void IovaAllocator::unreserve(u64 start, u64 size) noexcept
{
	u64 first, end;
	RangeNode *excess;

	if (!clip(start, size, &first, &end))
		return;
	{
		kcxx::IrqSaveGuard guard(lock_);
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
	iova_impl::free_nodes(nodes_, excess);
}

inline void IovaAllocator::stats(IovaStats *out) const noexcept
{
	u64 hits = 0, cached = 0;

	/* Exact when quiescent; a cache in use is read as it is. */
	caches_.for_each([&](unsigned int, iova_impl::CpuCache &cache) {
		iova_impl::CacheClaim claim(&cache);

		hits += __atomic_load_n(&cache.hits, __ATOMIC_RELAXED);
		for (const iova_impl::Magazine &mag : cache.mags)
			cached += __atomic_load_n(&mag.count, __ATOMIC_RELAXED);
	});

	kcxx::IrqSaveGuard guard(lock_);

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

inline kcxx::Result<kcxx::Owner<IovaAllocator>> create_iova_allocator(u64 base, u64 limit,
								       u64 granule,
								       NodeMemory &nodes) noexcept
{
	if (granule < 4096 || !kcxx::is_power_of_2(granule) || base >= limit ||
	    !kcxx::is_aligned(base, granule) || !kcxx::is_aligned(limit, granule))
		return kcxx::Error(-kcxx::EINVAL);

	auto caches = KCXX_TRY(kcxx::PerCpu<iova_impl::CpuCache>::create());
	RangeNode *all = iova_impl::new_node(nodes, kcxx::AllocContext::Sleepable);
	if (!all)
		return kcxx::Error(-kcxx::ENOMEM);

	auto allocator = kcxx::make_owned<IovaAllocator>(base, limit, granule, nodes,
						     kcxx::move(caches), all);
	if (!allocator.ok()) {
		nodes.free(all);
		return allocator.error();
	}
	return kcxx::Owner<IovaAllocator>(kcxx::move(allocator).value());
}

} // namespace socmmu::dma

#endif

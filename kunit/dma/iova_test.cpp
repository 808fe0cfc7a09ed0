// SPDX-License-Identifier: GPL-2.0
/*
 * The IOVA allocator's behaviour through its interface (window, limit,
 * alignment, lowest fit, reservations, coalescing, exhaustion, per-CPU
 * caches, bad frees, allocation failures), and its free-range tree on its
 * own (balance, augmentation, lowest-fit descent).  The allocator is a
 * header-only library: this module compiles the code the DMA layer does,
 * and hands it node memory that counts and fails on demand.
 */
#include <kcxx/bits.h>
#include <kcxx/lock.h>
#include <kcxx/log.h>
#include <kcxx/owner.h>

#include "../../dma/free_range_tree.h"
#include "../../dma/iova_allocator.h"
#include "../kcxx_test.h"
#include "iova_tests.h"

using namespace socmmu::dma;
using kcxx::AllocContext;
using kcxx::Owner;

namespace {

constexpr u64 K4 = 0x1000;
constexpr u64 M1 = 0x10'0000;
constexpr u64 M16 = 0x100'0000;
constexpr u64 kNoLimit = ~u64{0};
constexpr AllocContext kSleep = AllocContext::Sleepable;

/* Tree-node memory that counts allocations by context and fails the next @fail ones. */
class TestNodeMemory final : public NodeMemory {
public:
	void *alloc(size_t size, AllocContext context) noexcept override
	{
		allocs_[context == AllocContext::Atomic]++;
		if (fail_) {
			fail_--;
			return nullptr;
		}
		return slab_node_memory().alloc(size, context);
	}

	void free(void *memory) noexcept override { slab_node_memory().free(memory); }

	void fail(unsigned int count) { fail_ = count; }
	u64 allocs(bool atomic) const { return allocs_[atomic]; }

private:
	u64 allocs_[2] = {};	/* sleepable, atomic */
	unsigned int fail_ = 0;
};

Owner<IovaAllocator> make(struct kunit *test, u64 base, u64 limit, u64 granule = K4,
			  NodeMemory &nodes = slab_node_memory())
{
	auto allocator = create_iova_allocator(base, limit, granule, nodes);

	KX_ASSERT_OK(test, allocator);
	return kcxx::move(allocator).value();
}

IovaStats stats_of(const IovaAllocator &allocator)
{
	IovaStats stats;

	allocator.stats(&stats);
	return stats;
}

/* What a failed or refused call must leave as it was. */
void expect_same_state(struct kunit *test, const IovaStats &before, const IovaStats &after)
{
	KX_EXPECT_EQ(test, after.allocated_bytes, before.allocated_bytes);
	KX_EXPECT_EQ(test, after.reserved_bytes, before.reserved_bytes);
	KX_EXPECT_EQ(test, after.free_ranges, before.free_ranges);
	KX_EXPECT_EQ(test, after.cached_ranges, before.cached_ranges);
	KX_EXPECT_EQ(test, after.cache_hits, before.cache_hits);
}

u64 must_alloc(struct kunit *test, IovaAllocator &allocator, u64 size, u64 limit = kNoLimit,
	       AllocContext context = kSleep, u64 align = 0)
{
	auto iova = allocator.alloc(size, limit, context, align);

	KX_ASSERT_OK(test, iova);
	return iova.value();
}

/* xorshift64: reproducible without the kernel's PRNG. */
struct Random {
	u64 state;

	u64 next()
	{
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		return state;
	}

	/* In [0, bound); bound is small, so the modulo bias does not matter. */
	u32 below(u32 bound) { return static_cast<u32>(next() >> 32) % bound; }
};

template <typename T> T *kunit_array(struct kunit *test, size_t count)
{
	void *memory = kx_kunit_kzalloc(test, count * sizeof(T));

	KX_ASSERT_TRUE(test, memory != nullptr);
	return static_cast<T *>(memory);
}

/* Fisher-Yates over @count entries. */
template <typename T> void shuffle(T *items, size_t count, Random &random)
{
	for (size_t i = count; i > 1; i--)
		kcxx::swap(items[i - 1], items[random.below(static_cast<u32>(i))]);
}

/* The AVL bound the tests hold the tree to: height <= 1.45 log2(n) + 2. */
bool height_within_bound(u64 height, u64 nodes)
{
	if (nodes < 2)
		return height <= nodes;
	/* log2(n) < ilog2(n) + 1; in hundredths to stay in integers. */
	return 100 * height <= 145 * (kcxx::ilog2(nodes) + 1) + 200;
}

} // namespace

void iova_create_rejects_bad_windows(struct kunit *test)
{
	const struct {
		u64 base, limit, granule;
	} bad[] = {
		{0, M1, 2048},			/* granule below 4K */
		{0, M1, 3 * K4},		/* not a power of two */
		{M1, M1, K4},			/* empty */
		{2 * M1, M1, K4},		/* inverted */
		{M1 + 0x800, 2 * M1, K4},	/* base not aligned */
		{M1, 2 * M1 + 0x800, K4},	/* limit not aligned */
		{M1, 2 * M1 + K4, 0x1'0000},	/* limit not aligned to 64K */
	};

	for (const auto &c : bad) {
		auto allocator = create_iova_allocator(c.base, c.limit, c.granule);

		KX_EXPECT_EQ(test, allocator.to_errno(), -kcxx::EINVAL);
	}

	auto allocator = make(test, M1, 2 * M1, 0x1'0000);
	IovaStats stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.window_base, M1);
	KX_EXPECT_EQ(test, stats.window_limit, 2 * M1);
	KX_EXPECT_EQ(test, stats.granule, u64{0x1'0000});
	KX_EXPECT_EQ(test, stats.free_ranges, u64{1});
	KX_EXPECT_EQ(test, stats.allocated_bytes, u64{0});
}

void iova_rounded_size(struct kunit *test)
{
	auto allocator = make(test, M1, 64 * M1);
	const struct {
		u64 size, rounded;
	} cases[] = {
		{0, 0},
		{1, K4},
		{K4, K4},
		{K4 + 1, 2 * K4},
		{3 * K4, 4 * K4},
		{5 * K4, 8 * K4},
		{31 * K4 + 1, 32 * K4},
		{32 * K4, 32 * K4},
		{32 * K4 + 1, 33 * K4},		/* past the cached sizes: granules only */
		{48 * K4, 48 * K4},
		{M1 + 1, M1 + K4},
	};

	for (const auto &c : cases)
		KX_EXPECT_EQ(test, allocator->rounded_size(c.size), c.rounded);

	auto coarse = make(test, M1, 64 * M1, 0x1'0000);
	KX_EXPECT_EQ(test, coarse->rounded_size(K4), u64{0x1'0000});
	KX_EXPECT_EQ(test, coarse->rounded_size(3 * 0x1'0000), u64{4 * 0x1'0000});

	/* free() takes the size alloc() was given as well as the rounded one. */
	u64 a = must_alloc(test, *allocator, 3 * K4);
	allocator->free(a, 3 * K4);
	allocator->flush_caches();
	u64 b = must_alloc(test, *allocator, 3 * K4);
	KX_EXPECT_EQ(test, b, a);
	allocator->free(b, allocator->rounded_size(3 * K4));
	allocator->flush_caches();
	IovaStats stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.allocated_bytes, u64{0});
	KX_EXPECT_EQ(test, stats.bad_frees, u64{0});
}

void iova_window_and_limit(struct kunit *test)
{
	const u64 base = M1, limit = 2 * M1;
	auto allocator = make(test, base, limit);

	KX_EXPECT_EQ(test, allocator->alloc(0, kNoLimit, kSleep).to_errno(), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, allocator->alloc(limit - base + K4, kNoLimit, kSleep).to_errno(),
		     -kcxx::ENOSPC);
	/* A limit at or below the base leaves no room at all. */
	KX_EXPECT_EQ(test, allocator->alloc(K4, base, kSleep).to_errno(), -kcxx::ENOSPC);
	KX_EXPECT_EQ(test, allocator->alloc(K4, base / 2, kSleep).to_errno(), -kcxx::ENOSPC);

	KX_EXPECT_EQ(test, must_alloc(test, *allocator, K4), base);
	/* The limit is exclusive: [base + 4K, base + 8K) fits below base + 8K ... */
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, K4, base + 2 * K4), base + K4);
	/* ... and nothing else does, however the limit is rounded. */
	KX_EXPECT_EQ(test, allocator->alloc(K4, base + 2 * K4, kSleep).to_errno(), -kcxx::ENOSPC);
	KX_EXPECT_EQ(test, allocator->alloc(K4, base + 3 * K4 - 1, kSleep).to_errno(),
		     -kcxx::ENOSPC);
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, K4, base + 3 * K4), base + 2 * K4);

	/* Everything handed out lies in the window, until it is full. */
	u64 taken = 3 * K4, count = 0;
	for (;;) {
		auto iova = allocator->alloc(3 * K4, kNoLimit, kSleep);

		if (!iova.ok()) {
			KX_EXPECT_EQ(test, iova.to_errno(), -kcxx::ENOSPC);
			break;
		}
		KX_EXPECT_LE(test, base, iova.value());
		KX_EXPECT_LE(test, iova.value() + 4 * K4, limit);
		taken += 4 * K4;
		count++;
	}
	KX_EXPECT_EQ(test, count, (limit - base) / (4 * K4) - 1);
	KX_EXPECT_EQ(test, stats_of(*allocator).allocated_bytes, taken);

	/* A limit above the window is the window's. */
	auto whole = make(test, base, limit);
	KX_EXPECT_EQ(test, must_alloc(test, *whole, limit - base), base);
	KX_EXPECT_EQ(test, whole->alloc(K4, kNoLimit, kSleep).to_errno(), -kcxx::ENOSPC);
	whole->free(base, limit - base);
	KX_EXPECT_EQ(test, stats_of(*whole).allocated_bytes, u64{0});
}

void iova_pow2_alignment(struct kunit *test)
{
	/* A base aligned to one granule only: every larger alignment is earned. */
	auto allocator = make(test, K4, 1024 * M1);

	KX_EXPECT_EQ(test, must_alloc(test, *allocator, K4), K4);
	for (unsigned int order = 1; order <= 14; order++) {
		const u64 size = K4 << order;
		u64 iova = must_alloc(test, *allocator, size);

		KX_EXPECT_EQ(test, iova & (size - 1), u64{0});
		/* Lowest fit: the first aligned block past what is taken. */
		KX_EXPECT_EQ(test, iova, size);
	}
	/* Above kMaxAlignment too (so for 64M above): a power of two aligns to itself. */
	u64 big = must_alloc(test, *allocator, 2 * M16);
	KX_EXPECT_EQ(test, big & (2 * M16 - 1), u64{0});
	KX_EXPECT_EQ(test, big, 8 * M16);
}

void iova_non_pow2_alignment(struct kunit *test)
{
	/* 48 granules align to 32: the lowest such address past 16 granules is 32. */
	auto a = make(test, 16 * K4, 1024 * M1);
	KX_EXPECT_EQ(test, must_alloc(test, *a, 48 * K4), 32 * K4);
	/* 33 granules too, and then 5 granules round up to 8 and align to 8. */
	KX_EXPECT_EQ(test, must_alloc(test, *a, 33 * K4), 96 * K4);
	u64 small = must_alloc(test, *a, 5 * K4);
	KX_EXPECT_EQ(test, small & (8 * K4 - 1), u64{0});
	KX_EXPECT_EQ(test, small, 16 * K4);

	/* Alignment is capped at kMaxAlignment (16M): 40M lands on 16M, not 32M. */
	auto b = make(test, M16, 1024 * M1);
	KX_EXPECT_EQ(test, must_alloc(test, *b, 40 * M1), M16);
	/* 48M: 16M-aligned, right after the first. */
	KX_EXPECT_EQ(test, must_alloc(test, *b, 48 * M1), M16 + 48 * M1);

	/*
	 * Unasked, a non-power-of-two size is not aligned to its next power
	 * of two (it may straddle a line of that size: what callers with a
	 * boundary ask @align for, iova_asked_alignment).
	 */
	auto c = make(test, 64 * K4, 1024 * M1);
	KX_EXPECT_EQ(test, must_alloc(test, *c, 96 * K4), 64 * K4);
}

/*
 * An alignment the caller asks for: 48 granules on 64 where the rule says
 * 32 (a 192 KiB range that must not straddle a 256 KiB line), above the
 * 16M cap, never from a cached range less aligned than asked, and the
 * tree's order test looking for blocks as aligned as asked.
 */
void iova_asked_alignment(struct kunit *test)
{
	auto a = make(test, 16 * K4, 1024 * M1);
	KX_EXPECT_EQ(test, must_alloc(test, *a, 48 * K4, kNoLimit, kSleep, 64 * K4), 64 * K4);
	/* Not a power of two: -EINVAL, nothing taken. */
	const IovaStats before = stats_of(*a);
	KX_EXPECT_EQ(test, a->alloc(K4, kNoLimit, kSleep, 3 * K4).to_errno(), -kcxx::EINVAL);
	expect_same_state(test, before, stats_of(*a));
	/* Below the granule, or at most the size: the rule's own alignment. */
	KX_EXPECT_EQ(test, must_alloc(test, *a, 8 * K4, kNoLimit, kSleep, 512), 16 * K4);
	KX_EXPECT_EQ(test, must_alloc(test, *a, 8 * K4, kNoLimit, kSleep, 8 * K4), 24 * K4);

	/* Above kMaxAlignment: 40M on 64M, not 16M. */
	auto b = make(test, M16, 1024 * M1);
	KX_EXPECT_EQ(test, must_alloc(test, *b, 40 * M1, kNoLimit, kSleep, 64 * M1), 64 * M1);

	/* A cached 4-granule range at 20 granules does not serve an ask for 16. */
	auto c = make(test, 16 * K4, 1024 * M1);
	KX_EXPECT_EQ(test, must_alloc(test, *c, 4 * K4), 16 * K4);
	const u64 cached = must_alloc(test, *c, 4 * K4);
	KX_EXPECT_EQ(test, cached, 20 * K4);
	c->free(cached, 4 * K4);
	KX_EXPECT_EQ(test, stats_of(*c).cached_ranges, u64{1});
	KX_EXPECT_EQ(test, must_alloc(test, *c, 4 * K4, kNoLimit, kSleep, 16 * K4), 32 * K4);
	KX_EXPECT_EQ(test, stats_of(*c).cached_ranges, u64{1});
	/* Unasked, the cached one serves. */
	KX_EXPECT_EQ(test, must_alloc(test, *c, 4 * K4), cached);

	/*
	 * Free [64, 128), [256, 512), [768, 1024) granules: the first holds an
	 * aligned 64-block but no 48 granules on 128.  An order test for 64
	 * (the size's) would send the descent into it and fail there.
	 */
	auto d = make(test, 64 * K4, 1024 * K4);
	KX_ASSERT_OK(test, d->reserve(128 * K4, 128 * K4));
	KX_ASSERT_OK(test, d->reserve(512 * K4, 256 * K4));
	KX_EXPECT_EQ(test, stats_of(*d).free_ranges, u64{3});
	KX_EXPECT_EQ(test, must_alloc(test, *d, 48 * K4, kNoLimit, kSleep, 128 * K4), 256 * K4);
}

void iova_lowest_fit(struct kunit *test)
{
	/* Sizes above the cached ones: every free goes straight to the tree. */
	const u64 base = M1, piece = 64 * K4;
	auto allocator = make(test, base, base + 64 * piece);
	u64 at[8];

	for (unsigned int i = 0; i < 8; i++) {
		at[i] = must_alloc(test, *allocator, piece);
		KX_EXPECT_EQ(test, at[i], base + i * piece);
	}
	allocator->free(at[5], piece);
	allocator->free(at[6], piece);
	allocator->free(at[1], piece);
	KX_EXPECT_EQ(test, stats_of(*allocator).free_ranges, u64{3});

	/* The lowest hole first. */
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, piece), at[1]);
	/*
	 * Two pieces at 5..6 are free but not aligned to two pieces: the
	 * lowest aligned block is at 8.
	 */
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, 2 * piece), base + 8 * piece);
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, piece), at[5]);
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, piece), at[6]);
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, piece), base + 10 * piece);

	/* A non-power-of-two size takes the lowest range long enough. */
	allocator->free(at[2], piece);
	allocator->free(at[3], piece);
	allocator->free(at[4], piece);
	/* 2..4 hold 3 pieces: 96 granules aligned to 64 fit from piece 2 on. */
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, 3 * piece / 2), at[2]);
}

void iova_reserve(struct kunit *test)
{
	const u64 base = M1;
	auto allocator = make(test, base, base + 16 * K4);

	KX_ASSERT_OK(test, allocator->reserve(base + 4 * K4, 4 * K4));
	IovaStats stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.reserved_bytes, 4 * K4);
	KX_EXPECT_EQ(test, stats.allocated_bytes, u64{0});
	KX_EXPECT_EQ(test, stats.free_ranges, u64{2});

	/* Overlapping a reserved area, by one byte or all of it. */
	KX_EXPECT_EQ(test, allocator->reserve(base + 7 * K4, 4 * K4).to_errno(), -kcxx::EBUSY);
	KX_EXPECT_EQ(test, allocator->reserve(base + 2 * K4 + 1, 2 * K4).to_errno(), -kcxx::EBUSY);
	KX_EXPECT_EQ(test, allocator->reserve(base + 4 * K4, 4 * K4).to_errno(), -kcxx::EBUSY);
	expect_same_state(test, stats, stats_of(*allocator));

	/* Allocations never land in it. */
	u64 taken[12];
	unsigned int count = 0;
	for (;;) {
		auto iova = allocator->alloc(K4, kNoLimit, kSleep);

		if (!iova.ok())
			break;
		KX_ASSERT_TRUE(test, count < 12);
		KX_EXPECT_TRUE(test, iova.value() < base + 4 * K4 || iova.value() >= base + 8 * K4);
		taken[count++] = iova.value();
	}
	KX_EXPECT_EQ(test, count, 12u);

	/* Overlapping an allocation. */
	stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, allocator->reserve(base + 9 * K4, K4).to_errno(), -kcxx::EBUSY);
	KX_EXPECT_EQ(test, allocator->reserve(base + 3 * K4, 2 * K4).to_errno(), -kcxx::EBUSY);
	expect_same_state(test, stats, stats_of(*allocator));

	/* Freed ranges waiting in a cache are not allocations: reserve() takes them back. */
	for (unsigned int i = 0; i < count; i++)
		allocator->free(taken[i], K4);
	KX_EXPECT_EQ(test, stats_of(*allocator).cached_ranges, u64{12});
	KX_ASSERT_OK(test, allocator->reserve(base + 8 * K4, 2 * K4));
	stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.reserved_bytes, 6 * K4);
	KX_EXPECT_EQ(test, stats.allocated_bytes, u64{0});

	/* Parts outside the window are ignored. */
	KX_ASSERT_OK(test, allocator->reserve(base - M1 / 2, M1 / 2 + K4));
	KX_EXPECT_EQ(test, stats_of(*allocator).reserved_bytes, 7 * K4);
	KX_ASSERT_OK(test, allocator->reserve(base + 16 * K4, M1));
	KX_ASSERT_OK(test, allocator->reserve(0, K4));
	KX_EXPECT_EQ(test, stats_of(*allocator).reserved_bytes, 7 * K4);

	/* unreserve() gives back exactly one area, and allocations may use it. */
	stats = stats_of(*allocator);
	allocator->unreserve(base + 4 * K4, 2 * K4);	/* not one area: refused */
	expect_same_state(test, stats, stats_of(*allocator));
	allocator->unreserve(base + 4 * K4, 4 * K4);
	KX_EXPECT_EQ(test, stats_of(*allocator).reserved_bytes, 3 * K4);
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, 4 * K4), base + 4 * K4);
	allocator->unreserve(base - M1 / 2, M1 / 2 + K4);
	allocator->unreserve(base + 8 * K4, 2 * K4);
	allocator->free(base + 4 * K4, 4 * K4);
	allocator->flush_caches();
	stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.reserved_bytes, u64{0});
	KX_EXPECT_EQ(test, stats.allocated_bytes, u64{0});
	KX_EXPECT_EQ(test, stats.free_ranges, u64{1});
	KX_EXPECT_EQ(test, stats.bad_frees, u64{0});
}

void iova_coalesce_scrambled(struct kunit *test)
{
	Random random{0x9e37'79b9'7f4a'7c15};

	/* Pieces too large to cache: the tree alone must merge them back. */
	{
		/* A window aligned to its size, so that all of it is one allocation. */
		const u64 piece = 64 * K4, count = 256, base = count * piece;
		auto allocator = make(test, base, 2 * base);
		u64 *at = kunit_array<u64>(test, count);

		for (u64 i = 0; i < count; i++)
			at[i] = must_alloc(test, *allocator, piece);
		KX_EXPECT_EQ(test, allocator->alloc(piece, kNoLimit, kSleep).to_errno(),
			     -kcxx::ENOSPC);
		shuffle(at, count, random);
		for (u64 i = 0; i < count; i++)
			allocator->free(at[i], piece);
		IovaStats stats = stats_of(*allocator);
		KX_EXPECT_EQ(test, stats.free_ranges, u64{1});
		KX_EXPECT_EQ(test, stats.allocated_bytes, u64{0});
		KX_EXPECT_EQ(test, stats.cached_ranges, u64{0});
		KX_EXPECT_EQ(test, must_alloc(test, *allocator, count * piece), base);
	}

	/* 4K pieces: some go through the cache, all merge in the end. */
	{
		const u64 count = 1024, base = count * K4;
		auto allocator = make(test, base, 2 * base);
		u64 *at = kunit_array<u64>(test, count);

		for (u64 i = 0; i < count; i++)
			at[i] = must_alloc(test, *allocator, K4);
		KX_EXPECT_EQ(test, stats_of(*allocator).allocated_bytes, count * K4);
		shuffle(at, count, random);
		for (u64 i = 0; i < count; i++)
			allocator->free(at[i], K4);
		allocator->flush_caches();
		IovaStats stats = stats_of(*allocator);
		KX_EXPECT_EQ(test, stats.free_ranges, u64{1});
		KX_EXPECT_EQ(test, stats.allocated_bytes, u64{0});
		KX_EXPECT_EQ(test, must_alloc(test, *allocator, count * K4), base);
		KX_EXPECT_EQ(test, stats_of(*allocator).bad_frees, u64{0});
	}
}

void iova_exhaustion(struct kunit *test)
{
	const u64 base = M1;
	auto allocator = make(test, base, base + 16 * K4);

	for (unsigned int i = 0; i < 16; i++)
		KX_EXPECT_EQ(test, must_alloc(test, *allocator, K4), base + i * K4);

	IovaStats before = stats_of(*allocator);
	KX_EXPECT_EQ(test, allocator->alloc(K4, kNoLimit, kSleep).to_errno(), -kcxx::ENOSPC);
	KX_EXPECT_EQ(test, allocator->alloc(2 * K4, kNoLimit, kSleep).to_errno(), -kcxx::ENOSPC);
	KX_EXPECT_EQ(test, allocator->alloc(64 * K4, kNoLimit, kSleep).to_errno(), -kcxx::ENOSPC);
	expect_same_state(test, before, stats_of(*allocator));
	KX_EXPECT_EQ(test, stats_of(*allocator).allocated_bytes, 16 * K4);

	/* After a free, the next allocation succeeds: from the cache ... */
	allocator->free(base + 5 * K4, K4);
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, K4), base + 5 * K4);
	/* ... or, for another size, from the tree once the cache gave it back. */
	allocator->free(base + 2 * K4, K4);
	allocator->free(base + 3 * K4, K4);
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, 2 * K4), base + 2 * K4);
	KX_EXPECT_EQ(test, allocator->alloc(K4, kNoLimit, kSleep).to_errno(), -kcxx::ENOSPC);
	KX_EXPECT_EQ(test, stats_of(*allocator).allocated_bytes, 16 * K4);
}

void iova_cache_hits_and_limit(struct kunit *test)
{
	const u64 base = M1;
	auto allocator = make(test, base, base + 64 * K4);

	u64 a = must_alloc(test, *allocator, K4);
	u64 b = must_alloc(test, *allocator, K4);
	IovaStats stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.cache_hits, u64{0});
	KX_EXPECT_EQ(test, stats.cache_misses, u64{2});

	allocator->free(b, K4);
	stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.cached_ranges, u64{1});
	KX_EXPECT_EQ(test, stats.allocated_bytes, 2 * K4);	/* cached counts as allocated */
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, K4), b);
	stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.cache_hits, u64{1});
	KX_EXPECT_EQ(test, stats.cache_misses, u64{2});
	KX_EXPECT_EQ(test, stats.cached_ranges, u64{0});

	/* The newest cached range (b) is above the limit: the cache serves a. */
	allocator->free(a, K4);
	allocator->free(b, K4);
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, K4, b), a);
	KX_EXPECT_EQ(test, stats_of(*allocator).cache_hits, u64{2});

	/* Only b is cached, and it is above the limit: nothing fits below it. */
	KX_EXPECT_EQ(test, allocator->alloc(K4, b, kSleep).to_errno(), -kcxx::ENOSPC);
	stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.cache_hits, u64{2});
	KX_EXPECT_EQ(test, stats.cache_flushes, u64{1});
	/* The flush on exhaustion gave b back to the tree. */
	KX_EXPECT_EQ(test, stats.cached_ranges, u64{0});
	KX_EXPECT_EQ(test, stats.allocated_bytes, K4);

	/* Sizes share no class: a cached 2-granule range is no 1-granule hit. */
	u64 c = must_alloc(test, *allocator, 2 * K4);
	allocator->free(c, 2 * K4);
	u64 before_hits = stats_of(*allocator).cache_hits;
	u64 d = must_alloc(test, *allocator, K4);
	KX_EXPECT_EQ(test, d, b);
	KX_EXPECT_EQ(test, stats_of(*allocator).cache_hits, before_hits);
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, 2 * K4), c);
	KX_EXPECT_EQ(test, stats_of(*allocator).cache_hits, before_hits + 1);
}

void iova_exhaustion_flushes_caches(struct kunit *test)
{
	const u64 base = M1, granules = 64;
	auto allocator = make(test, base, base + granules * K4);

	/* Fill the caches of several classes with the whole window. */
	for (unsigned int round = 0; round < 2; round++) {
		const u64 size = round ? 2 * K4 : K4;
		u64 *at = kunit_array<u64>(test, granules);
		u64 count = 0;

		for (;;) {
			auto iova = allocator->alloc(size, kNoLimit, kSleep);

			if (!iova.ok())
				break;
			at[count++] = iova.value();
		}
		KX_EXPECT_EQ(test, count, round ? granules / 2 : granules);
		for (u64 i = 0; i < count; i++)
			allocator->free(at[i], size);
		IovaStats stats = stats_of(*allocator);
		KX_EXPECT_EQ(test, stats.cached_ranges, count);
		KX_EXPECT_EQ(test, stats.free_ranges, u64{0});

		const u64 flushes = stats.cache_flushes;
		KX_EXPECT_EQ(test, must_alloc(test, *allocator, granules * K4), base);
		stats = stats_of(*allocator);
		KX_EXPECT_EQ(test, stats.cache_flushes, flushes + 1);
		KX_EXPECT_EQ(test, stats.cached_ranges, u64{0});
		KX_EXPECT_EQ(test, stats.bad_frees, u64{0});
		allocator->free(base, granules * K4);
	}
}

/*
 * 10000 random allocations and frees of sizes 1..64 granules, checked
 * against a bitmap of what is handed out (no overlap, in the window,
 * aligned), then the tree's height against the AVL bound.
 */
void iova_random_ops_height_and_overlap(struct kunit *test)
{
	struct Live {
		u64 iova, size;
	};
	constexpr u64 base = 0x4000'0000, granules = 256 * 1024, max_live = 2048;
	const u64 limit = base + granules * K4;
	auto allocator = make(test, base, limit);
	u64 *bitmap = kunit_array<u64>(test, granules / 64);
	Live *live = kunit_array<Live>(test, max_live);
	Random random{0x2545'f491'4f6c'dd1d};
	u64 nr_live = 0, allocs = 0, frees = 0;

	auto mark = [&](u64 iova, u64 size, bool set) {
		bool ok = true;

		for (u64 g = (iova - base) / K4; g < (iova - base + size) / K4; g++) {
			const u64 bit = u64{1} << (g % 64);

			ok &= ((bitmap[g / 64] & bit) != 0) != set;
			bitmap[g / 64] ^= bit;
		}
		return ok;
	};

	for (unsigned int op = 0; op < 10000; op++) {
		if (nr_live < max_live && (nr_live == 0 || random.below(100) < 60)) {
			const u64 size = (1 + random.below(64)) * K4;
			auto iova = allocator->alloc(size, kNoLimit, kSleep);

			KX_ASSERT_OK(test, iova);
			const u64 at = iova.value(), taken = allocator->rounded_size(size);
			const u64 granule_count = taken / K4;
			u64 align = u64{1} << kcxx::ilog2(granule_count);

			KX_ASSERT_TRUE(test, at >= base && at + taken <= limit);
			KX_ASSERT_EQ(test, (at / K4) & (align - 1), u64{0});
			KX_ASSERT_TRUE(test, mark(at, taken, true));
			live[nr_live++] = {at, size};
			allocs++;
		} else {
			const u32 i = random.below(static_cast<u32>(nr_live));

			KX_ASSERT_TRUE(test, mark(live[i].iova, allocator->rounded_size(live[i].size),
						  false));
			allocator->free(live[i].iova, live[i].size);
			live[i] = live[--nr_live];
			frees++;
		}
	}
	allocator->flush_caches();

	IovaStats stats = stats_of(*allocator);
	KCXX_PR_INFO("socmmu_iova: random ops: %llu allocs, %llu frees, %llu live, %llu free ranges, tree height %llu\n",
		     allocs, frees, nr_live, stats.free_ranges, stats.tree_height);
	KX_EXPECT_LE(test, u64{100}, stats.free_ranges);	/* else the bound says little */
	KX_EXPECT_TRUE(test, height_within_bound(stats.tree_height, stats.free_ranges));

	for (u64 i = 0; i < nr_live; i++)
		allocator->free(live[i].iova, live[i].size);
	allocator->flush_caches();
	stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.allocated_bytes, u64{0});
	KX_EXPECT_EQ(test, stats.free_ranges, u64{1});
	KX_EXPECT_EQ(test, stats.bad_frees, u64{0});
}

void iova_atomic_context(struct kunit *test)
{
	constexpr unsigned int count = 256;
	const u64 base = M1, piece = 64 * K4;
	TestNodeMemory nodes;
	auto allocator = make(test, base, base + 2 * count * piece, K4, nodes);
	kcxx::SpinLock lock{KCXX_LOCK_CLASS("socmmu_iova_test.caller")};
	u64 *at = kunit_array<u64>(test, count);
	bool irqs_off = true;
	int errors = 0;
	const u64 sleepable = nodes.allocs(false), atomic = nodes.allocs(true);

	{
		kcxx::IrqSaveGuard guard(lock);

		/* Every other piece freed: the tree grows a node per hole. */
		for (unsigned int i = 0; i < count; i++) {
			auto iova = allocator->alloc(piece, kNoLimit, AllocContext::Atomic);

			errors += !iova.ok();
			at[i] = iova.value_or(0);
			irqs_off &= kx_irqs_disabled();
		}
		for (unsigned int i = 0; i < count; i += 2)
			if (at[i])
				allocator->free(at[i], piece);
		for (unsigned int i = 0; i < count; i++) {
			auto iova = allocator->alloc(K4, kNoLimit, AllocContext::Atomic);

			errors += !iova.ok();
			if (iova.ok())
				allocator->free(iova.value(), K4);
		}
	}
	KX_EXPECT_EQ(test, errors, 0);
	KX_EXPECT_TRUE(test, irqs_off);
	/* Every tree node came from GFP_ATOMIC (one per live allocation at least). */
	KX_EXPECT_EQ(test, nodes.allocs(false), sleepable);
	KX_EXPECT_LE(test, atomic + count, nodes.allocs(true));
	IovaStats stats = stats_of(*allocator);
	KX_EXPECT_EQ(test, stats.allocated_bytes, count / 2 * piece + K4);	/* one 4K cached */
	KX_EXPECT_EQ(test, stats.free_ranges, u64{count / 2 + 1});
}

void iova_bad_free_counted(struct kunit *test)
{
	const u64 base = M1, piece = 64 * K4;
	auto allocator = make(test, base, base + 1024 * K4);

	u64 a = must_alloc(test, *allocator, piece);
	allocator->free(a, piece);
	IovaStats before = stats_of(*allocator);
	KX_EXPECT_EQ(test, before.bad_frees, u64{0});

	const struct {
		u64 iova, size;
	} bad[] = {
		{a, piece},			/* double free */
		{base + 512 * K4, piece},	/* never allocated */
		{base + 1, K4},			/* not granule-aligned */
		{base - piece, piece},		/* below the window */
		{base + 1024 * K4, K4},		/* above it */
		{base + 1000 * K4, piece},	/* across its end */
		{base + 32 * K4, piece},	/* misaligned for its size */
		{base, 0},			/* nothing */
	};
	u64 expected = 0;

	for (const auto &c : bad) {
		allocator->free(c.iova, c.size);
		IovaStats after = stats_of(*allocator);
		expect_same_state(test, before, after);
		KX_EXPECT_EQ(test, after.bad_frees, ++expected);
	}

	/* Partly allocated: [base, +128) when only [base + 64, +64) is. */
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, piece), base);
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, piece), base + piece);
	/* Allocated, but not as one range alloc() can have returned. */
	before = stats_of(*allocator);
	allocator->free(base + 32 * K4, piece);
	expect_same_state(test, before, stats_of(*allocator));
	KX_EXPECT_EQ(test, stats_of(*allocator).bad_frees, ++expected);
	allocator->free(base, piece);
	before = stats_of(*allocator);
	allocator->free(base, 2 * piece);
	expect_same_state(test, before, stats_of(*allocator));
	KX_EXPECT_EQ(test, stats_of(*allocator).bad_frees, ++expected);

	/* A reserved area is not an allocation. */
	KX_ASSERT_OK(test, allocator->reserve(base + 256 * K4, piece));
	before = stats_of(*allocator);
	allocator->free(base + 256 * K4, piece);
	expect_same_state(test, before, stats_of(*allocator));
	KX_EXPECT_EQ(test, stats_of(*allocator).bad_frees, ++expected);

	/* A cached size is checked when the cache gives it back. */
	u64 c = must_alloc(test, *allocator, K4);
	allocator->free(c, K4);
	allocator->free(c, K4);
	allocator->flush_caches();
	IovaStats after = stats_of(*allocator);
	KX_EXPECT_EQ(test, after.bad_frees, ++expected);
	KX_EXPECT_EQ(test, after.allocated_bytes, piece);	/* base + piece */
	KX_EXPECT_EQ(test, after.reserved_bytes, piece);
}

void iova_node_alloc_failure_keeps_state(struct kunit *test)
{
	const u64 base = M1, piece = 64 * K4;
	TestNodeMemory nodes;

	nodes.fail(1);
	KX_EXPECT_EQ(test, create_iova_allocator(base, base + M1, K4, nodes).to_errno(),
		     -kcxx::ENOMEM);
	nodes.fail(0);

	auto allocator = make(test, base, base + 16 * piece, K4, nodes);
	must_alloc(test, *allocator, piece);

	/* Every tree allocation needs node credit; failing to get it changes nothing. */
	IovaStats before = stats_of(*allocator);
	nodes.fail(1);
	KX_EXPECT_EQ(test, allocator->alloc(piece, kNoLimit, AllocContext::Atomic).to_errno(),
		     -kcxx::ENOMEM);
	nodes.fail(1);
	KX_EXPECT_EQ(test, allocator->reserve(base + 8 * piece, piece).to_errno(), -kcxx::ENOMEM);
	nodes.fail(0);
	expect_same_state(test, before, stats_of(*allocator));

	/* And works again once memory is there. */
	KX_EXPECT_EQ(test, must_alloc(test, *allocator, piece), base + piece);
	KX_ASSERT_OK(test, allocator->reserve(base + 8 * piece, piece));

	/* Frees never allocate: a hole per free, with every allocation failing. */
	for (unsigned int i = 2; i < 8; i++)
		must_alloc(test, *allocator, piece);
	nodes.fail(~0u);
	for (unsigned int i = 0; i < 8; i += 2)
		allocator->free(base + i * piece, piece);
	allocator->flush_caches();
	nodes.fail(0);
	IovaStats after = stats_of(*allocator);
	KX_EXPECT_EQ(test, after.free_ranges, u64{5});
	KX_EXPECT_EQ(test, after.allocated_bytes, 4 * piece);
	KX_EXPECT_EQ(test, after.bad_frees, u64{0});
}

void iova_tree_orders_mask(struct kunit *test)
{
	const struct {
		u64 start, len, orders;
	} cases[] = {
		{0, 1, 0x1},
		{0, 8, 0xf},		/* [0, 8): an aligned 8 */
		{1, 8, 0x7},		/* [1, 9): 4 at 4, no aligned 8 */
		{1, 3, 0x3},		/* [1, 4): 2 at 2 */
		{1, 2, 0x1},		/* [1, 3): no aligned 2 */
		{3, 13, 0xf},		/* [3, 16): 8 at 8 */
		{7, 9, 0xf},		/* [7, 16): 8 at 8 */
		{7, 8, 0x7},		/* [7, 15): 4 at 8 only */
		{u64{1} << 40, u64{1} << 40, (u64{2} << 40) - 1},
	};

	for (const auto &c : cases)
		KX_EXPECT_EQ(test, FreeRangeTree::own_orders(c.start, c.len), c.orders);
}

void iova_tree_stays_balanced(struct kunit *test)
{
	constexpr u64 count = 1024;
	RangeNode *nodes = kunit_array<RangeNode>(test, count);
	FreeRangeTree tree;

	/* Ascending inserts: the worst case for an unbalanced tree. */
	for (u64 i = 0; i < count; i++) {
		new (&nodes[i]) RangeNode();
		nodes[i].start = 2 * i;
		nodes[i].len = 1;
		tree.insert(&nodes[i]);
	}
	KX_EXPECT_EQ(test, tree.validate(true), 0);
	KX_EXPECT_EQ(test, tree.size(), count);
	KX_EXPECT_TRUE(test, height_within_bound(tree.height(), count));
	KX_EXPECT_EQ(test, tree.root()->max_len, u64{1});
	KX_EXPECT_EQ(test, tree.root()->orders, u64{1});

	/* Erase three nodes in four, in a scrambled order. */
	Random random{0x1234'5678'9abc'def1};
	u64 *keys = kunit_array<u64>(test, count);
	for (u64 i = 0; i < count; i++)
		keys[i] = 2 * i;
	shuffle(keys, count, random);
	for (u64 i = 0; i < count * 3 / 4; i++) {
		RangeNode *node = tree.find(keys[i]);

		KX_ASSERT_TRUE(test, node != nullptr);
		tree.erase(node);
		KX_ASSERT_EQ(test, tree.validate(true), 0);
	}
	KX_EXPECT_EQ(test, tree.size(), count / 4);
	KX_EXPECT_TRUE(test, height_within_bound(tree.height(), count / 4));

	/* Grow one range: the augmentation follows. */
	RangeNode *grow = tree.floor(2 * count);
	KX_ASSERT_TRUE(test, grow != nullptr);
	grow->len = 64;
	tree.resized(grow);
	KX_EXPECT_EQ(test, tree.validate(false), 0);
	KX_EXPECT_EQ(test, tree.root()->max_len, u64{64});
	tree.clear([](RangeNode *) {});
	KX_EXPECT_TRUE(test, tree.empty());
}

void iova_tree_finds_lowest(struct kunit *test)
{
	/* Free ranges: [1, 3) [5, 13) [16, 20) [35, 100) [128, 160) */
	const struct {
		u64 start, len;
	} ranges[] = {{35, 65}, {1, 2}, {128, 32}, {16, 4}, {5, 8}};
	RangeNode *nodes = kunit_array<RangeNode>(test, 5);
	FreeRangeTree tree;
	Placement at;

	for (unsigned int i = 0; i < 5; i++) {
		new (&nodes[i]) RangeNode();
		nodes[i].start = ranges[i].start;
		nodes[i].len = ranges[i].len;
		tree.insert(&nodes[i]);
	}
	KX_ASSERT_EQ(test, tree.validate(true), 0);

	const struct {
		unsigned int order;
		u64 at;
	} blocks[] = {{0, 1}, {1, 6}, {2, 8}, {3, 40}, {4, 48}, {5, 64}};
	for (const auto &b : blocks) {
		KX_ASSERT_TRUE(test, tree.find_aligned_block(b.order, &at));
		KX_EXPECT_EQ(test, at.at, b.at);
	}
	KX_EXPECT_FALSE(test, tree.find_aligned_block(6, &at));

	/* 5 granules aligned to 4: [5, 13) holds it at 8 (8 + 5 = 13). */
	KX_ASSERT_TRUE(test, tree.find_fit(5, 4, 3, &at));
	KX_EXPECT_EQ(test, at.at, u64{8});
	/* 12 aligned to 8: [35, 100) surely holds it, at 40. */
	KX_ASSERT_TRUE(test, tree.find_fit(12, 8, 4, &at));
	KX_EXPECT_EQ(test, at.at, u64{40});
	/* 24 aligned to 16: at 48 in [35, 100). */
	KX_ASSERT_TRUE(test, tree.find_fit(24, 16, 5, &at));
	KX_EXPECT_EQ(test, at.at, u64{48});
	KX_EXPECT_FALSE(test, tree.find_fit(66, 64, 7, &at));

	KX_EXPECT_EQ(test, tree.floor(4)->start, u64{1});
	KX_EXPECT_EQ(test, tree.above(5)->start, u64{16});
	KX_EXPECT_TRUE(test, tree.above(128) == nullptr);
	KX_EXPECT_TRUE(test, tree.floor(0) == nullptr);
	KX_EXPECT_TRUE(test, tree.find(6) == nullptr);
	tree.clear([](RangeNode *) {});
}

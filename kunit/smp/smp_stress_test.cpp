// SPDX-License-Identifier: GPL-2.0
/*
 * The page-table engine and the IOVA allocator from two CPUs at once: the
 * concurrency their locks promise (iommu/pgtable/short_desc_table.h,
 * dma/iova_allocator.h) and that UML, with one CPU, never exercises.
 *
 * Each worker checks, at every step, what it alone can know: that what it
 * mapped translates to what it asked for until it unmaps it, that an
 * unmap removes exactly its page, that no IOVA range it holds was handed
 * to anyone else.  A lost update under a race shows as one of those
 * breaking; the end state (no mapping, no table, no allocated byte, one
 * free range) shows a leak.  Each case also counts the steps at which the
 * other worker had moved on since its previous step: a run in which they
 * never interleaved proves nothing, and fails.
 */
#include <kcxx/bits.h>
#include <kcxx/new.h>
#include <kcxx/owner.h>

#include "../../dma/iova_allocator.h"
#include "../../iommu/pgtable/armv7s_format.h"
#include "../../iommu/pgtable/omap_format.h"
#include "../../iommu/pgtable/short_desc_table.h"
#include "../kcxx_test.h"
#include "smp_stress.h"

using kcxx::AllocContext;
using pgtable::DmaTableMemory;
using pgtable::Gather;
using pgtable::MapGather;
using socmmu::dma::IovaAllocator;
using socmmu::dma::IovaStats;

namespace {

constexpr u64 K4 = pgtable::kSize4K;
constexpr u64 M1 = pgtable::kSize1M;
constexpr u64 kNoLimit = ~u64{0};
constexpr pgtable::Prot kProt = pgtable::kProtRead | pgtable::kProtWrite;
/*
 * Steps per worker: seconds on QEMU with lockdep, enough to meet a race.
 * QEMU's virtual CPUs are host threads, which a loaded host may run one
 * at a time: the workers go on past kSteps until they interleaved
 * kWantOverlaps times or kMaxNs passed.
 */
constexpr u64 kSteps = 20000;
constexpr u64 kWantOverlaps = 4000;
constexpr u64 kMaxNs = 20ull * 1000 * 1000 * 1000;
/* Interleaved steps below this: the workers did not really run together. */
constexpr u64 kMinOverlaps = 200;

template <typename T, size_t N> constexpr u32 count_of(const T (&)[N])
{
	return N;
}

/* xorshift64: reproducible, and each worker has its own. */
struct Random {
	u64 state;

	u64 next()
	{
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		return state;
	}

	u32 below(u32 bound) { return static_cast<u32>(next() >> 32) % bound; }
};

/*
 * What the workers found, shared: counters and the first failure in
 * detail (the case reports it once both are done; KUnit's expectations
 * are the test thread's).
 */
struct Findings {
	u64 deadline;
	u64 errors;
	u64 steps[2];
	u64 overlaps[2];
	u32 failed;
	struct {
		const char *what;
		u32 worker;
		u64 step, iova, want, got;
	} first;

	void fail(const char *what, unsigned int worker, u64 step, u64 iova, u64 want, u64 got)
	{
		__atomic_fetch_add(&errors, 1, __ATOMIC_RELAXED);
		if (__atomic_exchange_n(&failed, 1, __ATOMIC_ACQ_REL))
			return;
		first.what = what;
		first.worker = worker;
		first.step = step;
		first.iova = iova;
		first.want = want;
		first.got = got;
	}

	/* One step of @worker done; counts it as interleaved if the other moved. */
	void step(unsigned int worker, u64 *other_seen)
	{
		const u64 other = __atomic_load_n(&steps[!worker], __ATOMIC_RELAXED);

		if (other != *other_seen) {
			overlaps[worker]++;
			*other_seen = other;
		}
		__atomic_store_n(&steps[worker], steps[worker] + 1, __ATOMIC_RELAXED);
	}

	/* Whether a worker at @step goes on. */
	bool more(u64 step)
	{
		if (step < kSteps)
			return true;
		if (__atomic_load_n(&overlaps[0], __ATOMIC_RELAXED) +
			    __atomic_load_n(&overlaps[1], __ATOMIC_RELAXED) >= kWantOverlaps)
			return false;
		/* The clock is read rarely: it is not free under QEMU. */
		return step % 64 || smp_stress_now_ns() < deadline;
	}

	void report(struct kunit *test, const char *name)
	{
		smp_stress_info(test, "%s: %llu + %llu steps, %llu + %llu interleaved, %llu errors",
				name, steps[0], steps[1], overlaps[0], overlaps[1], errors);
		if (errors) {
			kx_kunit_fail(test, __FILE__, __LINE__,
				      "%llu errors; first: worker %u step %llu: %s at iova 0x%llx: "
				      "expected 0x%llx, got 0x%llx",
				      errors, first.worker, first.step, first.what, first.iova,
				      first.want, first.got);
		}
		KX_EXPECT_TRUE(test, overlaps[0] + overlaps[1] >= kMinOverlaps);
	}
};

void run_on_two_cpus(struct kunit *test, void (*work)(void *, unsigned int), void *ctx,
		     Findings &found)
{
	found.deadline = smp_stress_now_ns() + kMaxNs;
	KX_ASSERT_EQ(test, smp_stress_on_two_cpus(work, ctx), 0);
}

template <typename T> T *case_object(struct kunit *test)
{
	void *memory = kx_kunit_kzalloc(test, sizeof(T));

	KX_ASSERT_TRUE(test, memory != nullptr);
	return new (memory) T();
}

/* --- The engine: two CPUs on the same L2 tables --------------------------- */

using Table = pgtable::ShortDescTable<pgtable::OmapFormat>;

/*
 * The pages both workers use: the first 16 of each of 4 sections, worker
 * w owning those whose index has parity w.  Every L2 is shared, and with
 * few pages held each L2 empties and is freed often, so the workers race
 * on installing, filling, emptying and freeing the same tables.
 */
constexpr u64 kL2Base = 0x4000'0000;
constexpr u32 kL2Sections = 4;
constexpr u32 kL2PagesPerSection = 16;
constexpr u32 kL2Held = 3;

template <typename Format> struct SharedL2 {
	pgtable::ShortDescTable<Format> *table;
	Findings found;
};

u64 own_page(unsigned int worker, u32 pick)
{
	const u32 section = pick % kL2Sections;
	const u32 index = ((pick / kL2Sections) % (kL2PagesPerSection / 2)) * 2 + worker;

	return kL2Base + section * M1 + index * K4;
}

struct Held {
	u64 iova, pa, size;
};

/* Unmaps a page this worker holds, checking it was intact until then. */
template <typename AnyTable>
void unmap_held(AnyTable &table, Findings &found, unsigned int worker, u64 step, const Held &page)
{
	Gather gather;
	u64 got = table.iova_to_phys(page.iova + 0x10);

	if (got != page.pa + 0x10)
		found.fail("held page lost its translation", worker, step, page.iova, page.pa + 0x10,
			   got);
	got = table.unmap(page.iova, K4, 1, gather);
	if (got != K4)
		found.fail("unmap of a held page", worker, step, page.iova, K4, got);
	got = table.iova_to_phys(page.iova);
	if (got)
		found.fail("translation after unmap", worker, step, page.iova, 0, got);
	gather.release_tables();
}

template <typename Format> void shared_l2_worker(void *ctx, unsigned int worker)
{
	auto &s = *static_cast<SharedL2<Format> *>(ctx);
	Random random{0x9e37'79b9'7f4a'7c15ull + worker};
	Held held[kL2Held] = {};
	u32 nr_held = 0;
	u64 other_seen = 0;

	u64 step;

	for (step = 0; s.found.more(step); step++) {
		const u64 iova = own_page(worker, random.below(kL2Sections * kL2PagesPerSection / 2));
		bool mine = false;

		for (u32 i = 0; i < nr_held; i++)
			mine |= held[i].iova == iova;
		if (!mine) {
			/* Distinct per step and per worker, so a stale entry cannot pass. */
			const u64 pa = 0x8000'0000ull + (u64{worker} << 28) + (step % 0x8000) * K4;
			const AllocContext context = step & 1 ? AllocContext::Atomic
							      : AllocContext::Sleepable;
			MapGather l1_changed;
			size_t mapped = 0;
			auto result = s.table->map(iova, pa, K4, 1, kProt, context, &mapped, l1_changed);

			if (!result.ok() || mapped != K4) {
				s.found.fail("map", worker, step, iova, 0,
					     static_cast<u64>(-result.to_errno()));
			} else {
				const u64 got = s.table->iova_to_phys(iova + 0x234);

				if (got != pa + 0x234)
					s.found.fail("translation after map", worker, step, iova,
						     pa + 0x234, got);
				if (nr_held == kL2Held) {
					unmap_held(*s.table, s.found, worker, step, held[0]);
					for (u32 i = 1; i < kL2Held; i++)
						held[i - 1] = held[i];
					nr_held--;
				}
				held[nr_held++] = {iova, pa, K4};
			}
		}
		s.found.step(worker, &other_seen);
		if (!(step % 256))
			smp_stress_yield();
	}
	while (nr_held)
		unmap_held(*s.table, s.found, worker, step, held[--nr_held]);
}

/* Either format: the engine's rules are the same, the bits are not. */
template <typename Format> void shared_l2(struct kunit *test, const char *name)
{
	using AnyTable = pgtable::ShortDescTable<Format>;
	DmaTableMemory memory(smp_stress_device());
	auto created = AnyTable::create(memory);

	KX_ASSERT_OK(test, created);
	kcxx::Owner<AnyTable> table = kcxx::move(created).value();
	auto *s = case_object<SharedL2<Format>>(test);

	s->table = table.get();
	run_on_two_cpus(test, shared_l2_worker<Format>, s, s->found);
	s->found.report(test, name);

	u64 left = 0;
	table->for_each_mapping([&](u64, u64, u64) { left++; });
	KX_EXPECT_EQ(test, left, u64{0});
	/* Only the L1: every L2 that emptied was freed, none twice. */
	KX_EXPECT_EQ(test, memory.live_tables(), 1u);
	table.reset();
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

} // namespace

void smp_pgtable_shared_l2(struct kunit *test)
{
	shared_l2<pgtable::OmapFormat>(test, "engine, OMAP format");
}

void smp_pgtable_shared_l2_v7s(struct kunit *test)
{
	shared_l2<pgtable::ArmV7sFormat>(test, "engine, ARMv7s format");
}

namespace {

/*
 * One L2, both workers in it all the time: worker w maps runs of 1 to 8
 * pages (4 KB, or one 64 KB page) in its half of one section, checks
 * every page translates, unmaps the run and checks it is gone.  Each
 * step takes the L2's count up and down by several entries at once, and
 * the L2 empties and comes back whenever both workers are between runs:
 * a lost count update frees the L2 under the other worker (a translation
 * lost, an unmap short) or keeps an empty one (a table left at the end).
 */
constexpr u64 kRunBase = 0x5000'0000;
constexpr u32 kRunHalfPages = 128;

struct OneL2 {
	pgtable::ShortDescTable<pgtable::ArmV7sFormat> *table;
	Findings found;
};

void one_l2_worker(void *ctx, unsigned int worker)
{
	auto &s = *static_cast<OneL2 *>(ctx);
	Random random{0x2545'f491'4f6c'dd1dull + worker};
	const u64 half = kRunBase + u64{worker} * kRunHalfPages * K4;
	u64 other_seen = 0;
	u64 step;

	for (step = 0; s.found.more(step); step++) {
		const bool large = random.below(4) == 0;
		const u64 pgsize = large ? u64{pgtable::kSize64K} : K4;
		const u32 pages = large ? 1 : 1 + random.below(8);
		const u32 slots = static_cast<u32>(kRunHalfPages * K4 / pgsize) - pages + 1;
		const u64 iova = half + random.below(slots) * pgsize;
		const u64 bytes = pages * pgsize;
		const u64 pa = 0x8000'0000ull + (u64{worker} << 28) + (step % 0x400) * pgtable::kSize64K;
		const AllocContext context = step & 1 ? AllocContext::Atomic : AllocContext::Sleepable;
		MapGather l1_changed;
		Gather gather;
		size_t mapped = 0;
		auto result = s.table->map(iova, pa, pgsize, pages, kProt, context, &mapped, l1_changed);

		if (!result.ok() || mapped != bytes) {
			s.found.fail("map of a run", worker, step, iova, bytes,
				     result.ok() ? mapped : static_cast<u64>(-result.to_errno()));
		} else {
			for (u64 off = 0; off < bytes; off += K4) {
				const u64 got = s.table->iova_to_phys(iova + off + 0x18);

				if (got != pa + off + 0x18)
					s.found.fail("translation in a run", worker, step, iova + off,
						     pa + off + 0x18, got);
			}
			const u64 got = s.table->unmap(iova, pgsize, pages, gather);

			if (got != bytes)
				s.found.fail("unmap of a run", worker, step, iova, bytes, got);
			if (s.table->iova_to_phys(iova))
				s.found.fail("translation after unmap of a run", worker, step, iova, 0,
					     s.table->iova_to_phys(iova));
		}
		gather.release_tables();
		s.found.step(worker, &other_seen);
		if (!(step % 256))
			smp_stress_yield();
	}
}

} // namespace

void smp_pgtable_one_l2_runs(struct kunit *test)
{
	using V7sTable = pgtable::ShortDescTable<pgtable::ArmV7sFormat>;
	DmaTableMemory memory(smp_stress_device());
	auto created = V7sTable::create(memory);

	KX_ASSERT_OK(test, created);
	kcxx::Owner<V7sTable> table = kcxx::move(created).value();
	auto *s = case_object<OneL2>(test);

	s->table = table.get();
	run_on_two_cpus(test, one_l2_worker, s, s->found);
	s->found.report(test, "engine, one L2, runs");

	u64 left = 0;
	table->for_each_mapping([&](u64, u64, u64) { left++; });
	KX_EXPECT_EQ(test, left, u64{0});
	/* The L2 emptied for good: freed once, so only the L1 is left. */
	KX_EXPECT_EQ(test, memory.live_tables(), 1u);
	table.reset();
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

namespace {

/* --- The allocator: two CPUs, frees crossing between them ---------------- */

constexpr u64 kWindow = 0x1000'0000;
constexpr u64 kWindowSize = u64{64} << 20;
constexpr u64 kGranules = kWindowSize / K4;
/* Granules: cached sizes (up to 32), rounded ones, and uncached ones. */
constexpr u64 kSizes[] = {1, 2, 3, 4, 8, 16, 32, 33, 64, 256};
constexpr u32 kRing = 16;

/*
 * Who holds each granule of the window: a bit per granule, set with an
 * atomic OR when an allocation returns it and cleared before it is freed.
 * A bit found already set is an IOVA handed out twice.
 */
struct Ownership {
	u32 bits[kGranules / 32];

	/* Marks [iova, iova + size); false if any granule was already taken. */
	bool take(u64 iova, u64 size)
	{
		bool clean = true;

		for (u64 g = (iova - kWindow) / K4; g < (iova - kWindow + size) / K4; g++) {
			const u32 bit = 1u << (g % 32);

			clean &= !(__atomic_fetch_or(&bits[g / 32], bit, __ATOMIC_ACQ_REL) & bit);
		}
		return clean;
	}

	/* Clears it again; false if any granule was not taken. */
	bool give(u64 iova, u64 size)
	{
		bool clean = true;

		for (u64 g = (iova - kWindow) / K4; g < (iova - kWindow + size) / K4; g++) {
			const u32 bit = 1u << (g % 32);

			clean &= !!(__atomic_fetch_and(&bits[g / 32], ~bit, __ATOMIC_ACQ_REL) & bit);
		}
		return clean;
	}
};

/* One allocation handed to the other worker to free: single producer, single consumer. */
struct Mailbox {
	u64 iova, size;
	u32 full;

	bool put(u64 at, u64 bytes)
	{
		if (__atomic_load_n(&full, __ATOMIC_ACQUIRE))
			return false;
		iova = at;
		size = bytes;
		__atomic_store_n(&full, 1, __ATOMIC_RELEASE);
		return true;
	}

	bool take(u64 *at, u64 *bytes)
	{
		if (!__atomic_load_n(&full, __ATOMIC_ACQUIRE))
			return false;
		*at = iova;
		*bytes = size;
		__atomic_store_n(&full, 0, __ATOMIC_RELEASE);
		return true;
	}
};

struct CrossCpu {
	IovaAllocator *iova;
	Ownership owners;
	Mailbox to[2];
	Findings found;
};

void release_range(CrossCpu &s, unsigned int worker, u64 step, u64 iova, u64 size)
{
	if (!s.owners.give(iova, size))
		s.found.fail("freeing a range someone else cleared", worker, step, iova, size, 0);
	s.iova->free(iova, size);
}

void cross_cpu_worker(void *ctx, unsigned int worker)
{
	auto &s = *static_cast<CrossCpu *>(ctx);
	Random random{0x2545'f491'4f6c'dd1dull * (worker + 1)};
	Held ring[kRing] = {};
	u32 first = 0, count = 0;
	u64 other_seen = 0;

	u64 step;

	for (step = 0; s.found.more(step); step++) {
		u64 at, bytes;

		if (count < kRing && (!count || random.below(100) < 55)) {
			const u64 size = kSizes[random.below(count_of(kSizes))] * K4;
			const AllocContext context = random.below(2) ? AllocContext::Atomic
								     : AllocContext::Sleepable;
			auto result = s.iova->alloc(size, kNoLimit, context);

			if (!result.ok()) {
				s.found.fail("alloc", worker, step, 0, size,
					     static_cast<u64>(-result.to_errno()));
			} else {
				const u64 rounded = s.iova->rounded_size(size);

				if (!s.owners.take(result.value(), rounded))
					s.found.fail("IOVA handed out twice", worker, step,
						     result.value(), rounded, 0);
				ring[(first + count++) % kRing] = {result.value(), 0, size};
			}
		} else if (count) {
			const Held oldest = ring[first];

			first = (first + 1) % kRing;
			count--;
			/* A quarter goes to the other CPU, whose cache then holds it. */
			if (random.below(4) || !s.to[!worker].put(oldest.iova, oldest.size))
				release_range(s, worker, step, oldest.iova,
					      s.iova->rounded_size(oldest.size));
		}
		if (s.to[worker].take(&at, &bytes))
			release_range(s, worker, step, at, s.iova->rounded_size(bytes));
		/* Now and then one CPU empties every CPU's cache under the other. */
		if (worker == 0 && step % 1024 == 1023)
			s.iova->flush_caches();
		s.found.step(worker, &other_seen);
		if (!(step % 256))
			smp_stress_yield();
	}
	while (count) {
		release_range(s, worker, step, ring[first].iova,
			      s.iova->rounded_size(ring[first].size));
		first = (first + 1) % kRing;
		count--;
	}
}

IovaStats stats_of(const IovaAllocator &allocator)
{
	IovaStats stats;

	allocator.stats(&stats);
	return stats;
}

} // namespace

void smp_iova_cross_cpu(struct kunit *test)
{
	auto created = socmmu::dma::create_iova_allocator(kWindow, kWindow + kWindowSize, K4);

	KX_ASSERT_OK(test, created);
	kcxx::Owner<IovaAllocator> iova = kcxx::move(created).value();
	auto *s = case_object<CrossCpu>(test);
	u64 at, bytes;

	s->iova = iova.get();
	run_on_two_cpus(test, cross_cpu_worker, s, s->found);
	/* What a worker handed over after the other had finished. */
	for (unsigned int w = 0; w < 2; w++) {
		if (s->to[w].take(&at, &bytes))
			release_range(*s, w, kSteps, at, iova->rounded_size(bytes));
	}
	s->found.report(test, "allocator");

	iova->flush_caches();
	const IovaStats stats = stats_of(*iova);
	KX_EXPECT_EQ(test, stats.allocated_bytes, u64{0});
	KX_EXPECT_EQ(test, stats.bad_frees, u64{0});
	KX_EXPECT_EQ(test, stats.cached_ranges, u64{0});
	/* Everything coalesced back into the one range the window started as. */
	KX_EXPECT_EQ(test, stats.free_ranges, u64{1});
	for (u32 word : s->owners.bits)
		KX_EXPECT_EQ(test, word, 0u);
}

namespace {

/* --- Both: what the DMA layer does, from two CPUs ------------------------- */

constexpr u64 kBothWindow = 0x2000'0000;
constexpr u64 kBothWindowSize = u64{32} << 20;
constexpr u64 kBothSizes[] = {1, 2, 3, 4, 5, 8, 16};
constexpr u32 kBothHeld = 4;

struct Both {
	IovaAllocator *iova;
	Table *table;
	Findings found;
};

/* Checks a held buffer's first and last pages, unmaps it and frees its IOVA. */
void release_buffer(Both &s, unsigned int worker, u64 step, const Held &buffer)
{
	const u64 pages = buffer.size / K4;
	const u64 last = buffer.iova + buffer.size - K4;
	Gather gather;
	u64 got;

	got = s.table->iova_to_phys(buffer.iova);
	if (got != buffer.pa)
		s.found.fail("buffer lost its first page", worker, step, buffer.iova, buffer.pa, got);
	got = s.table->iova_to_phys(last);
	if (got != buffer.pa + buffer.size - K4)
		s.found.fail("buffer lost its last page", worker, step, last,
			     buffer.pa + buffer.size - K4, got);
	got = s.table->unmap(buffer.iova, K4, pages, gather);
	if (got != buffer.size)
		s.found.fail("unmap of a buffer", worker, step, buffer.iova, buffer.size, got);
	gather.release_tables();
	got = s.table->iova_to_phys(last);
	if (got)
		s.found.fail("translation after unmap", worker, step, last, 0, got);
	s.iova->free(buffer.iova, buffer.size);
}

void both_worker(void *ctx, unsigned int worker)
{
	auto &s = *static_cast<Both *>(ctx);
	Random random{0x853c'49e6'748f'ea9bull ^ worker};
	Held held[kBothHeld] = {};
	u32 nr_held = 0;
	u64 other_seen = 0;

	u64 step;

	for (step = 0; s.found.more(step); step++) {
		const u64 size = s.iova->rounded_size(kBothSizes[random.below(count_of(kBothSizes))] *
						      K4);
		const AllocContext context = step & 1 ? AllocContext::Atomic : AllocContext::Sleepable;
		auto result = s.iova->alloc(size, kNoLimit, context);

		if (!result.ok()) {
			s.found.fail("alloc", worker, step, 0, size, static_cast<u64>(-result.to_errno()));
		} else {
			const u64 iova = result.value();
			/* Each worker's buffers in its own physical range. */
			const u64 pa = 0x8000'0000ull + (u64{worker} << 28) + (iova - kBothWindow);
			MapGather l1_changed;
			size_t mapped = 0;
			auto mapping = s.table->map(iova, pa, K4, size / K4, kProt, context, &mapped,
						    l1_changed);

			if (!mapping.ok() || mapped != size) {
				/* -EEXIST here: the IOVA was someone else's. */
				s.found.fail("map of a fresh IOVA", worker, step, iova, size,
					     static_cast<u64>(-mapping.to_errno()));
				Gather gather;
				s.table->unmap(iova, K4, mapped / K4, gather);
				gather.release_tables();
				s.iova->free(iova, size);
			} else {
				if (nr_held == kBothHeld) {
					release_buffer(s, worker, step, held[0]);
					for (u32 i = 1; i < kBothHeld; i++)
						held[i - 1] = held[i];
					nr_held--;
				}
				held[nr_held++] = {iova, pa, size};
			}
		}
		s.found.step(worker, &other_seen);
		if (!(step % 256))
			smp_stress_yield();
	}
	while (nr_held)
		release_buffer(s, worker, step, held[--nr_held]);
}

} // namespace

void smp_iova_and_table(struct kunit *test)
{
	DmaTableMemory memory(smp_stress_device());
	auto created_table = Table::create(memory);
	auto created_iova = socmmu::dma::create_iova_allocator(kBothWindow,
								kBothWindow + kBothWindowSize, K4);

	KX_ASSERT_OK(test, created_table);
	KX_ASSERT_OK(test, created_iova);
	kcxx::Owner<Table> table = kcxx::move(created_table).value();
	kcxx::Owner<IovaAllocator> iova = kcxx::move(created_iova).value();
	auto *s = case_object<Both>(test);

	s->iova = iova.get();
	s->table = table.get();
	run_on_two_cpus(test, both_worker, s, s->found);
	s->found.report(test, "allocator and engine");

	u64 left = 0;
	table->for_each_mapping([&](u64, u64, u64) { left++; });
	KX_EXPECT_EQ(test, left, u64{0});
	KX_EXPECT_EQ(test, memory.live_tables(), 1u);
	iova->flush_caches();
	const IovaStats stats = stats_of(*iova);
	KX_EXPECT_EQ(test, stats.allocated_bytes, u64{0});
	KX_EXPECT_EQ(test, stats.bad_frees, u64{0});
	KX_EXPECT_EQ(test, stats.free_ranges, u64{1});
	table.reset();
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

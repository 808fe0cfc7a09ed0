// SPDX-License-Identifier: GPL-2.0
/*
 * The engine's rules, on a recording memory: argument checks, overlap,
 * unmap edge cases, exactly which entries are synced, when tables are
 * freed, and allocation failures.
 */
#include "test_util.h"

using namespace pgtable;
using namespace pgtable::test;

void pgt_map_rejects_bad_arguments(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	const size_t events = memory.count();

	struct {
		u64 iova, pa, pgsize;
		size_t count;
		int error;
	} const cases[] = {
		{0x1000'0800, 0x2000'0000, K4, 1, -kcxx::EINVAL},	/* iova */
		{0x1000'0000, 0x2000'0800, K4, 1, -kcxx::EINVAL},	/* paddr */
		{0x1000'1000, 0x2000'0000, K64, 1, -kcxx::EINVAL},	/* iova vs 64K */
		{0x1001'0000, 0x2000'8000, K64, 1, -kcxx::EINVAL},	/* paddr vs 64K */
		{0x1010'0000, 0x2001'0000, M1, 1, -kcxx::EINVAL},	/* paddr vs 1M */
		{0x1080'0000, 0x2000'0000, M16, 1, -kcxx::EINVAL},	/* iova vs 16M */
		{0x1000'0000, 0x2000'0000, 0, 1, -kcxx::EINVAL},	/* sizes */
		{0x1000'0000, 0x2000'0000, 0x2000, 1, -kcxx::EINVAL},
		{0x1000'0000, 0x2000'0000, 0x20'0000, 1, -kcxx::EINVAL},
		{0x1000'0000, 0x2000'0000, 0x200'0000, 1, -kcxx::EINVAL},
		{0x1000'0000, 0x2000'0000, K4 | K64, 1, -kcxx::EINVAL},
		{0x1000'0000, 0x2000'0000, K4, 0, -kcxx::EINVAL},	/* no pages */
		{0xffff'f000, 0x2000'0000, K4, 2, -kcxx::ERANGE},	/* past 4 GiB */
		{0x1'0000'0000, 0x2000'0000, K4, 1, -kcxx::ERANGE},
		{0x1000'0000, 0xffff'f000, K4, 2, -kcxx::ERANGE},	/* past 32-bit PA */
		{0xff00'0000, 0x2000'0000, M16, 2, -kcxx::ERANGE},
	};

	for (const auto &c : cases) {
		auto outcome = map(*table, c.iova, c.pa, c.pgsize, c.count);

		KX_EXPECT_EQ(test, outcome.error, c.error);
		KX_EXPECT_EQ(test, outcome.mapped, size_t{0});
	}
	/* Nothing allocated, written or synced. */
	KX_EXPECT_EQ(test, memory.count(), events);
	KX_EXPECT_EQ(test, nonzero(l1_table(*table), 4096), size_t{0});

	/* The same checks on unmap: 0, nothing touched. */
	KX_ASSERT_EQ(test, map(*table, 0x1000'0000, 0x2000'0000, K4).error, 0);
	Gather gather;
	const size_t mapped_events = memory.count();
	KX_EXPECT_EQ(test, table->unmap(0x1000'0800, K4, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, table->unmap(0x1000'0000, 0x2000, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, table->unmap(0x1000'0000, K4, 0, gather), size_t{0});
	KX_EXPECT_EQ(test, table->unmap(0x1'0000'0000, K4, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, memory.count(), mapped_events);
	KX_EXPECT_TRUE(test, gather.empty());
	KX_EXPECT_EQ(test, table->iova_to_phys(0x1000'0000), u64{0x2000'0000});
	KX_EXPECT_EQ(test, table->unmap(0x1000'0000, K4, 1, gather), size_t{K4});
	gather.release_tables();
}

void pgt_map_overlap_keeps_state(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	const u64 x = 0x1000'3000, p1 = 0x4000'0000, p2 = 0x5000'0000;
	size_t events;

	KX_ASSERT_EQ(test, map(*table, x, p1, K4).error, 0);

	/* Pages before the clash stay mapped and are reported; the clash and after are not. */
	auto outcome = map(*table, x - 2 * K4, p2, K4, 4);
	KX_EXPECT_EQ(test, outcome.error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{2 * K4});
	KX_EXPECT_EQ(test, table->iova_to_phys(x - 2 * K4), p2);
	KX_EXPECT_EQ(test, table->iova_to_phys(x - K4), p2 + K4);
	KX_EXPECT_EQ(test, table->iova_to_phys(x), p1);
	KX_EXPECT_EQ(test, table->iova_to_phys(x + K4), u64{0});

	/* A large page over small ones: none of its 16 replicas is written. */
	u32 *l2 = l2_table(*table, x);
	KX_ASSERT_TRUE(test, l2 != nullptr);
	events = memory.count();
	KX_EXPECT_EQ(test, map(*table, 0x1000'0000, p2, K64).error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, l2[0], 0u);
	KX_EXPECT_EQ(test, l2[1], u32(p2) | 2);
	KX_EXPECT_EQ(test, l2[3], u32(p1) | 2);
	KX_EXPECT_EQ(test, nonzero(l2, 256), size_t{3});
	/* A section over the L2 table. */
	KX_EXPECT_EQ(test, map(*table, 0x1000'0000, p2, M1).error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, l1_entry(*table, x) & 3, 1u);
	KX_EXPECT_EQ(test, memory.count(), events);

	/* Pages, sections and supersections over a section. */
	const u64 s = 0x2010'0000;
	KX_ASSERT_EQ(test, map(*table, s, 0x6000'0000, M1).error, 0);
	events = memory.count();
	KX_EXPECT_EQ(test, map(*table, s + 0x5000, p2, K4).error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, map(*table, s + 0x10000, p2, K64).error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, map(*table, s, p2, M1).error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, map(*table, 0x2000'0000, 0x7000'0000, M16).error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, nonzero(&l1_table(*table)[0x200], 16), size_t{1});
	KX_EXPECT_EQ(test, l1_entry(*table, s), 0x6000'0002u);
	KX_EXPECT_EQ(test, memory.count(), events);

	/* Sections and pages over a supersection; the supersection over an L2 table. */
	const u64 ss = 0x3000'0000;
	KX_ASSERT_EQ(test, map(*table, ss, 0x7000'0000, M16).error, 0);
	events = memory.count();
	KX_EXPECT_EQ(test, map(*table, ss + 5 * M1, p2, M1).error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, map(*table, ss + 15 * M1 + K4, p2, K4).error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, map(*table, 0x1000'0000, 0x7000'0000, M16).error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, nonzero(&l1_table(*table)[0x100], 16), size_t{1});
	KX_EXPECT_EQ(test, memory.count(), events);
	KX_EXPECT_EQ(test, table->iova_to_phys(ss + 15 * M1 + K4), u64{0x7000'0000} + 15 * M1 + K4);

	Gather gather;
	KX_EXPECT_EQ(test, table->unmap(x - 2 * K4, K4, 3, gather), size_t{3 * K4});
	KX_EXPECT_EQ(test, table->unmap(s, M1, 1, gather), size_t{M1});
	KX_EXPECT_EQ(test, table->unmap(ss, M16, 1, gather), size_t{M16});
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
}

void pgt_unmap_unmapped_returns_zero(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	Gather gather;
	const u64 a = 0x1000'0000;

	KX_EXPECT_EQ(test, table->unmap(0, K4, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, table->unmap(a, M1, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, table->unmap(a, M16, 4, gather), size_t{0});

	/* An empty entry in an existing L2. */
	KX_ASSERT_EQ(test, map(*table, a, 0x2000'0000, K4).error, 0);
	KX_ASSERT_EQ(test, map(*table, a + 2 * K4, 0x2000'2000, K4).error, 0);
	const size_t events = memory.count();
	KX_EXPECT_EQ(test, table->unmap(a + K4, K4, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, memory.count(), events);
	KX_EXPECT_TRUE(test, gather.empty());

	/* A range stops at its first hole, as the core's own loop does. */
	KX_EXPECT_EQ(test, table->unmap(a, K4, 3, gather), size_t{K4});
	KX_EXPECT_EQ(test, table->iova_to_phys(a + 2 * K4), u64{0x2000'2000});
	KX_EXPECT_EQ(test, gather.end(), a + K4);
	KX_EXPECT_EQ(test, table->unmap(a + 2 * K4, K4, 1, gather), size_t{K4});
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
}

/*
 * The documented decision (Documentation/page-tables.rst): an unmap that
 * starts where a large entry starts removes it whole and reports its size;
 * one that starts inside it removes nothing and reports 0.
 */
void pgt_unmap_partial_large_entries(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	const u64 large = 0x1001'0000, section = 0x2030'0000, super = 0x3000'0000;
	Gather gather;

	KX_ASSERT_EQ(test, map(*table, large, 0x4001'0000, K64).error, 0);
	KX_EXPECT_EQ(test, table->unmap(large + K4, K4, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, table->unmap(large + 15 * K4, K4, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, nonzero(l2_table(*table, large), 256), size_t{16});
	KX_EXPECT_EQ(test, table->iova_to_phys(large + 0x8000), u64{0x4001'8000});
	KX_EXPECT_TRUE(test, gather.empty());

	KX_EXPECT_EQ(test, table->unmap(large, K4, 1, gather), size_t{K64});
	KX_EXPECT_EQ(test, table->iova_to_phys(large + 0x8000), u64{0});
	KX_EXPECT_EQ(test, l1_entry(*table, large), 0u);
	KX_EXPECT_EQ(test, gather.start(), large);
	KX_EXPECT_EQ(test, gather.end(), large + K64);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});

	KX_ASSERT_EQ(test, map(*table, section, 0x5030'0000, M1).error, 0);
	KX_EXPECT_EQ(test, table->unmap(section + K64, K64, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, l1_entry(*table, section), 0x5030'0002u);
	KX_EXPECT_EQ(test, table->unmap(section, K4, 1, gather), size_t{M1});
	KX_EXPECT_EQ(test, l1_entry(*table, section), 0u);
	KX_EXPECT_EQ(test, gather.end() - gather.start(), M1);
	gather.release_tables();

	KX_ASSERT_EQ(test, map(*table, super, 0x6000'0000, M16).error, 0);
	KX_EXPECT_EQ(test, table->unmap(super + M1, M1, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, nonzero(&l1_table(*table)[0x300], 16), size_t{16});
	KX_EXPECT_EQ(test, table->unmap(super, M1, 1, gather), size_t{M16});
	KX_EXPECT_EQ(test, nonzero(l1_table(*table), 4096), size_t{0});
	KX_EXPECT_EQ(test, gather.end() - gather.start(), M16);
	gather.release_tables();
}

void pgt_syncs_only_touched_entries(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	const u64 l1 = table->ttb();
	Gather gather;
	size_t n;

	KX_ASSERT_EQ(test, memory.count(), size_t{1});
	KX_EXPECT_TRUE(test, memory.is(0, Event::Alloc, l1, 0, 16 * 1024));

	/* New L2: allocated (zeroed and cleaned), then the L1 pointer, then the PTE. */
	n = memory.count();
	KX_ASSERT_EQ(test, map(*table, 0x1234'5000, 0x4000'0000, K4).error, 0);
	KX_ASSERT_EQ(test, memory.count(), n + 3);
	const u64 l2 = memory.event(n).table;
	KX_EXPECT_TRUE(test, memory.is(n, Event::Alloc, l2, 0, 1024));
	KX_EXPECT_TRUE(test, memory.is(n + 1, Event::Sync, l1, 0x123 * 4, 4));
	KX_EXPECT_TRUE(test, memory.is(n + 2, Event::Sync, l2, 0x45 * 4, 4));

	n = memory.count();
	KX_ASSERT_EQ(test, map(*table, 0x1238'0000, 0x4008'0000, K64).error, 0);
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 0x80 * 4, 64));

	/* Pages of one call in one L2: one sync for them all. */
	n = memory.count();
	KX_ASSERT_EQ(test, map(*table, 0x1230'0000, 0x4010'0000, K4, 3).error, 0);
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 0, 12));

	n = memory.count();
	KX_ASSERT_EQ(test, map(*table, 0x4560'0000, 0x5000'0000, M1).error, 0);
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l1, 0x456 * 4, 4));

	n = memory.count();
	KX_ASSERT_EQ(test, map(*table, 0x5000'0000, 0x6000'0000, M16).error, 0);
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l1, 0x500 * 4, 64));

	/* Unmap: the entries, and the L1 pointer when the L2 empties. */
	n = memory.count();
	KX_EXPECT_EQ(test, table->unmap(0x1234'5000, K4, 1, gather), size_t{K4});
	KX_EXPECT_EQ(test, table->unmap(0x1230'0000, K4, 3, gather), size_t{3 * K4});
	KX_ASSERT_EQ(test, memory.count(), n + 2);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 0x45 * 4, 4));
	KX_EXPECT_TRUE(test, memory.is(n + 1, Event::Sync, l2, 0, 12));

	n = memory.count();
	KX_EXPECT_EQ(test, table->unmap(0x1238'0000, K64, 1, gather), size_t{K64});
	KX_ASSERT_EQ(test, memory.count(), n + 2);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 0x80 * 4, 64));
	KX_EXPECT_TRUE(test, memory.is(n + 1, Event::Sync, l1, 0x123 * 4, 4));

	n = memory.count();
	KX_EXPECT_EQ(test, table->unmap(0x4560'0000, M1, 1, gather), size_t{M1});
	KX_EXPECT_EQ(test, table->unmap(0x5000'0000, M16, 1, gather), size_t{M16});
	KX_ASSERT_EQ(test, memory.count(), n + 2);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l1, 0x456 * 4, 4));
	KX_EXPECT_TRUE(test, memory.is(n + 1, Event::Sync, l1, 0x500 * 4, 64));

	n = memory.count();
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Free, l2, 0, 1024));
	KX_EXPECT_FALSE(test, memory.overflowed());
}

void pgt_empty_l2_freed_only_at_release(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	const u64 a = 0x1000'0000;
	Gather gather;

	KX_ASSERT_EQ(test, map(*table, a, 0x2000'0000, K4).error, 0);
	const u64 first_l2 = memory.event(1).table;
	KX_ASSERT_EQ(test, memory.event(1).kind, Event::Alloc);

	const size_t before_unmap = memory.count();
	KX_EXPECT_EQ(test, table->unmap(a, K4, 1, gather), size_t{K4});
	const size_t unlinked = memory.find(Event::Sync, table->ttb(), before_unmap);
	KX_EXPECT_LT(test, unlinked, memory.count());
	KX_EXPECT_EQ(test, l1_entry(*table, a), 0u);
	KX_EXPECT_TRUE(test, gather.has_tables());
	KX_EXPECT_EQ(test, memory.find(Event::Free, first_l2), memory.count());
	KX_EXPECT_EQ(test, memory.live(), 2);

	/* Mapping there again gets a new L2: the queued one is not reused. */
	KX_ASSERT_EQ(test, map(*table, a, 0x3000'0000, K4).error, 0);
	KX_EXPECT_EQ(test, memory.live(), 3);
	KX_EXPECT_NE(test, l1_entry(*table, a) & 0xffff'fc00u, u32(first_l2));

	/* The driver invalidated its TLB: now, and only now, the old L2 goes. */
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	const size_t freed = memory.find(Event::Free, first_l2);
	KX_EXPECT_LT(test, freed, memory.count());
	KX_EXPECT_LT(test, unlinked, freed);
	KX_EXPECT_EQ(test, memory.live(), 2);
	KX_EXPECT_FALSE(test, gather.has_tables());

	/* Destroying the table frees the live L2 and the L1. */
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
	KX_EXPECT_FALSE(test, memory.overflowed());
}

/*
 * An unmap that covers a full L2 whole unlinks it in one step: its 256
 * entries are neither cleared nor synced one by one (what made a 64 MiB
 * unmap of 4 KiB pages 2x slower than io-pgtable-arm-v7s), and the L2 is
 * freed only at release, as any L2 that became empty.  A partly covered
 * or partly mapped L2 is still cleared entry by entry.
 */
void pgt_unmap_full_l2_in_one_step(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	const u64 a = 0x1000'0000, b = a + M1;
	Gather gather;

	/* Full: 16 large pages, 256 entries (few events: the log holds 64). */
	KX_ASSERT_EQ(test, map(*table, a, 0x2000'0000, K64, 16).error, 0);
	const u64 full_l2 = l1_entry(*table, a) & 0xffff'fc00u;
	KX_ASSERT_EQ(test, map(*table, b, 0x3000'0000, K4, 2).error, 0);
	const u64 part_l2 = l1_entry(*table, b) & 0xffff'fc00u;

	const size_t before_unmap = memory.count();
	KX_EXPECT_EQ(test, table->unmap(a, K4, 258, gather), size_t{M1 + 2 * K4});
	KX_EXPECT_EQ(test, memory.find(Event::Sync, full_l2, before_unmap), memory.count());
	KX_EXPECT_LT(test, memory.find(Event::Sync, part_l2, before_unmap), memory.count());
	KX_EXPECT_EQ(test, l1_entry(*table, a), 0u);
	KX_EXPECT_EQ(test, l1_entry(*table, b), 0u);
	KX_EXPECT_EQ(test, table->iova_to_phys(a + 0x5000), u64{0});
	KX_EXPECT_EQ(test, memory.find(Event::Free, full_l2), memory.count());
	KX_EXPECT_EQ(test, gather.start(), a);
	KX_EXPECT_EQ(test, gather.end(), b + 2 * K4);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{2});
	KX_EXPECT_LT(test, memory.find(Event::Free, full_l2), memory.count());

	/* A full L2 the range covers in part: that part only, the L2 stays. */
	KX_ASSERT_EQ(test, map(*table, a, 0x2000'0000, K64, 16).error, 0);
	const u64 l2 = l1_entry(*table, a) & 0xffff'fc00u;
	const size_t before_part = memory.count();
	KX_EXPECT_EQ(test, table->unmap(a, K64, 1, gather), size_t{K64});
	KX_EXPECT_LT(test, memory.find(Event::Sync, l2, before_part), memory.count());
	KX_EXPECT_EQ(test, l1_entry(*table, a) & 0xffff'fc00u, u32(l2));
	KX_EXPECT_EQ(test, table->iova_to_phys(a + K64), u64{0x2000'0000 + K64});
	KX_EXPECT_EQ(test, table->iova_to_phys(a), u64{0});
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{0});

	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
	KX_EXPECT_FALSE(test, memory.overflowed());
}

/*
 * map() and unmap() of many pages take each L2 as one run: one pin of
 * its count, one sync of the entries written or cleared, whichever L2
 * the run starts and ends in.  A run cut by a valid entry writes the
 * pages before it, syncs them once, and gives back the count of the
 * rest: the L2 still empties and goes when those pages are unmapped.
 */
void pgt_sync_once_per_l2_run(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	const u64 a = 0x100f'0000, b = 0x1010'0000, c = 0x1020'0000;
	Gather gather;

	/* 16 pages in the L2 of a, 256 in b's, 28 in c's. */
	size_t n = memory.count();
	auto outcome = map(*table, a, 0x2000'0000, K4, 300);
	KX_ASSERT_EQ(test, outcome.error, 0);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{300 * K4});
	const u64 la = l1_entry(*table, a) & 0xffff'fc00u;
	const u64 lb = l1_entry(*table, b) & 0xffff'fc00u;
	const u64 lc = l1_entry(*table, c) & 0xffff'fc00u;
	/* Per L2: allocated, linked (L1 synced), its run synced once. */
	KX_ASSERT_EQ(test, memory.count(), n + 9);
	KX_EXPECT_TRUE(test, memory.is(n + 2, Event::Sync, la, 0xf0 * 4, 16 * 4));
	KX_EXPECT_TRUE(test, memory.is(n + 5, Event::Sync, lb, 0, 256 * 4));
	KX_EXPECT_TRUE(test, memory.is(n + 8, Event::Sync, lc, 0, 28 * 4));
	KX_EXPECT_EQ(test, table->iova_to_phys(c + 27 * K4), u64{0x2000'0000 + 299 * K4});
	KX_EXPECT_EQ(test, table->iova_to_phys(c + 28 * K4), u64{0});

	/* Unmap: a's run and c's cleared with one sync each, b's L2 whole. */
	n = memory.count();
	KX_EXPECT_EQ(test, table->unmap(a, K4, 300, gather), size_t{300 * K4});
	KX_ASSERT_EQ(test, memory.count(), n + 5);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, la, 0xf0 * 4, 16 * 4));
	KX_EXPECT_TRUE(test, memory.is(n + 3, Event::Sync, lc, 0, 28 * 4));
	KX_EXPECT_EQ(test, memory.find(Event::Sync, lb, n), memory.count());
	KX_EXPECT_EQ(test, gather.start(), a);
	KX_EXPECT_EQ(test, gather.end(), c + 28 * K4);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{3});
	KX_EXPECT_EQ(test, memory.live(), 1);

	/* A run cut at a valid entry: the pages before it, synced once. */
	KX_ASSERT_EQ(test, map(*table, b + 5 * K4, 0x3000'0000, K4).error, 0);
	const u64 lb2 = l1_entry(*table, b) & 0xffff'fc00u;
	n = memory.count();
	outcome = map(*table, b, 0x2000'0000, K4, 8);
	KX_EXPECT_EQ(test, outcome.error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{5 * K4});
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, lb2, 0, 5 * 4));
	KX_EXPECT_EQ(test, table->iova_to_phys(b + 5 * K4), u64{0x3000'0000});
	KX_EXPECT_EQ(test, table->iova_to_phys(b + 6 * K4), u64{0});
	/* The 2 pages not written are not counted: 6 unmaps empty the L2. */
	KX_EXPECT_EQ(test, table->unmap(b, K4, 6, gather), size_t{6 * K4});
	KX_EXPECT_EQ(test, l1_entry(*table, b), 0u);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	KX_EXPECT_EQ(test, memory.live(), 1);

	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
	KX_EXPECT_FALSE(test, memory.overflowed());
}

/*
 * Tables whose memory needs no maintenance (TableBuffer::needs_sync
 * false: a coherent walker, decided by the DMA API when each table is
 * allocated) are never synced; everything else is as on other memory.
 */
void pgt_coherent_tables_not_synced(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);

	memory.coherent(true);
	auto table = make_table(test, memory);
	const u64 a = 0x1000'0000;
	Gather gather;

	KX_ASSERT_EQ(test, map(*table, a, 0x2000'0000, K4, 3).error, 0);
	KX_ASSERT_EQ(test, map(*table, a + K64, 0x2001'0000, K64).error, 0);
	KX_ASSERT_EQ(test, map(*table, a + M1, 0x2010'0000, M1).error, 0);
	KX_ASSERT_EQ(test, map(*table, a + M16, 0x2100'0000, M16).error, 0);
	KX_EXPECT_EQ(test, table->iova_to_phys(a + 2 * K4), u64{0x2000'2000});
	KX_EXPECT_EQ(test, table->iova_to_phys(a + K64 + 8), u64{0x2001'0008});
	KX_EXPECT_EQ(test, table->iova_to_phys(a + M1 + K64), u64{0x2011'0000});
	KX_EXPECT_EQ(test, table->iova_to_phys(a + M16 + M1), u64{0x2110'0000});
	KX_EXPECT_EQ(test, table->unmap(a, K4, 3, gather), size_t{3 * K4});
	KX_EXPECT_EQ(test, table->unmap(a + K64, K64, 1, gather), size_t{K64});
	KX_EXPECT_EQ(test, table->unmap(a + M1, M1, 1, gather), size_t{M1});
	KX_EXPECT_EQ(test, table->unmap(a + M16, M16, 1, gather), size_t{M16});
	KX_EXPECT_EQ(test, l1_entry(*table, a), 0u);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	/* The L1 and one L2 allocated, the L2 freed: nothing synced. */
	KX_EXPECT_EQ(test, memory.count(), size_t{3});
	KX_EXPECT_EQ(test, memory.find(Event::Sync, table->ttb()), memory.count());
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
}

void pgt_alloc_failure_leaves_nothing(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);

	/* No L1: nothing to leak. */
	memory.fail_after(0);
	KX_EXPECT_EQ(test, Table::create(memory).to_errno(), -kcxx::ENOMEM);
	KX_EXPECT_EQ(test, memory.live(), 0);

	auto table = make_table(test, memory);
	const size_t events = memory.count();

	/* No L2: no error leaves a half-installed table behind. */
	memory.fail_after(0);
	auto outcome = map(*table, 0x1000'0000, 0x2000'0000, K4);
	KX_EXPECT_EQ(test, outcome.error, -kcxx::ENOMEM);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{0});
	KX_EXPECT_EQ(test, memory.count(), events);
	KX_EXPECT_EQ(test, nonzero(l1_table(*table), 4096), size_t{0});
	KX_EXPECT_EQ(test, memory.live(), 1);

	/* The second L2 of a range fails: the first page stays, and is reported. */
	memory.fail_after(1);
	outcome = map(*table, 0x100f'f000, 0x2000'0000, K4, 2, kcxx::AllocContext::Atomic);
	KX_EXPECT_EQ(test, outcome.error, -kcxx::ENOMEM);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{K4});
	KX_EXPECT_EQ(test, table->iova_to_phys(0x100f'f000), u64{0x2000'0000});
	KX_EXPECT_EQ(test, l1_entry(*table, 0x1010'0000), 0u);
	KX_EXPECT_EQ(test, memory.live(), 2);
	KX_EXPECT_TRUE(test, memory.event(events).context == kcxx::AllocContext::Atomic);

	/* The failure is not sticky. */
	outcome = map(*table, 0x1010'0000, 0x2000'1000, K4);
	KX_EXPECT_EQ(test, outcome.error, 0);

	Gather gather;
	KX_EXPECT_EQ(test, table->unmap(0x100f'f000, K4, 2, gather), size_t{2 * K4});
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{2});
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
}

void pgt_pick_page_size(struct kunit *test)
{
	struct {
		u64 iova, pa, size, expected;
	} const cases[] = {
		{0, 0, K4, K4},
		{0, 0, M16, M16},
		{0, 0, 64 * M1, M16},
		{0, 0, M16 - K4, M1},
		{0x1'0000, 0, M16, K64},
		{0, 0x10'0000, 32 * M1, M1},
		{0x1000, 0, M1, K4},
		{0, 0, K64 - K4, K4},
		{0x0100'0000, 0x8100'0000, 2 * M16, M16},
		{0x0110'0000, 0x8100'0000, 2 * M16, M1},
		{0, 0, 0x800, 0},
		{0x800, 0, M1, 0},
		{0, 0x800, M1, 0},
	};

	for (const auto &c : cases)
		KX_EXPECT_EQ(test, Table::pick_page_size(c.iova, c.pa, c.size), c.expected);
	KX_EXPECT_EQ(test, Table::page_sizes(), K4 | K64 | M1 | M16);
}

namespace {

/* OMAP's bits with Exynos's unused-L1 rule: the engine's zero-L2 path. */
struct ZeroL2Format : OmapFormat {
	static constexpr bool kUnusedL1PointsToZeroL2 = true;
};

} // namespace

void pgt_zero_l2_format(struct kunit *test)
{
	using ZeroTable = ShortDescTable<ZeroL2Format>;
	RecordingMemory &memory = make_recording(test);
	auto created = ZeroTable::create(memory);

	KX_ASSERT_OK(test, created);
	auto table = kcxx::move(created).value();
	u32 *l1 = static_cast<u32 *>(pgt_test_phys_to_virt(table->ttb()));

	/* L1 and the zero L2 allocated; every L1 entry links to the zero L2, all synced. */
	KX_ASSERT_EQ(test, memory.count(), size_t{3});
	const u64 zero = memory.event(1).table;
	KX_EXPECT_TRUE(test, memory.is(1, Event::Alloc, zero, 0, 1024));
	KX_EXPECT_TRUE(test, memory.is(2, Event::Sync, table->ttb(), 0, 16 * 1024));
	for (u32 i = 0; i < 4096; i += 1023)
		KX_EXPECT_EQ(test, l1[i], u32(zero) | 1);
	KX_EXPECT_EQ(test, table->iova_to_phys(0x1000'0000), u64{0});

	/* A real L2 replaces the link, and the link comes back when it empties. */
	KX_ASSERT_EQ(test, map(*table, 0x1000'0000, 0x2000'0000, K4).error, 0);
	KX_EXPECT_NE(test, l1[0x100], u32(zero) | 1);
	KX_EXPECT_EQ(test, table->iova_to_phys(0x1000'0000), u64{0x2000'0000});
	KX_ASSERT_EQ(test, map(*table, 0x2000'0000, 0x3000'0000, M1).error, 0);
	KX_EXPECT_EQ(test, l1[0x200], 0x3000'0002u);

	/* Unmapping writes the link back, synced, and reports the range. */
	Gather gather;
	KX_EXPECT_EQ(test, table->unmap(0x1000'0000, K4, 1, gather), size_t{K4});
	KX_EXPECT_EQ(test, l1[0x100], u32(zero) | 1);
	KX_EXPECT_EQ(test, gather.start(), u64{0x1000'0000});
	KX_EXPECT_EQ(test, gather.end(), u64{0x1000'0000} + K4);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	const size_t before_section = memory.count();
	KX_EXPECT_EQ(test, table->unmap(0x2000'0000, M1, 1, gather), size_t{M1});
	KX_EXPECT_EQ(test, l1[0x200], u32(zero) | 1);
	KX_EXPECT_TRUE(test, memory.is(before_section, Event::Sync, table->ttb(), 0x200 * 4, 4));
	KX_EXPECT_EQ(test, gather.start(), u64{0x2000'0000});
	KX_EXPECT_EQ(test, gather.end(), u64{0x2000'0000} + M1);
	KX_EXPECT_EQ(test, table->unmap(0x2000'0000, M1, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, table->iova_to_phys(0x2000'0000), u64{0});
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{0});
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
}

void pgt_for_each_mapping_visits_each_once(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	struct Seen {
		u64 iova, pa, size;
	} seen[8] = {};
	size_t count = 0;

	/* One of each size, out of IOVA order; replicas must be reported once. */
	KX_ASSERT_EQ(test, map(*table, 0x3000'0000, 0x8000'0000, M16).error, 0);
	KX_ASSERT_EQ(test, map(*table, 0x1001'0000, 0x4001'0000, K64).error, 0);
	KX_ASSERT_EQ(test, map(*table, 0x2010'0000, 0x6010'0000, M1).error, 0);
	KX_ASSERT_EQ(test, map(*table, 0x1000'3000, 0x4000'3000, K4).error, 0);

	table->for_each_mapping([&](u64 iova, u64 pa, u64 size) {
		if (count < 8)
			seen[count] = {iova, pa, size};
		count++;
	});
	KX_ASSERT_EQ(test, count, size_t{4});
	const Seen expected[] = {
		{0x1000'3000, 0x4000'3000, K4},
		{0x1001'0000, 0x4001'0000, K64},
		{0x2010'0000, 0x6010'0000, M1},
		{0x3000'0000, 0x8000'0000, M16},
	};
	for (size_t i = 0; i < 4; i++) {
		KX_EXPECT_EQ(test, seen[i].iova, expected[i].iova);
		KX_EXPECT_EQ(test, seen[i].pa, expected[i].pa);
		KX_EXPECT_EQ(test, seen[i].size, expected[i].size);
	}

	Gather gather;
	KX_EXPECT_EQ(test, table->unmap(0x1000'3000, K4, 1, gather), size_t{K4});
	count = 0;
	table->for_each_mapping([&](u64, u64, u64) { count++; });
	KX_EXPECT_EQ(test, count, size_t{3});
	gather.release_tables();
}

namespace {

/*
 * Item 8 of issue 9: iommu_unmap(d, 0xfffff000, 0x2000) after
 * iommu_map(d, 0xfffff000, pa, 4K) reached the engine as 4K x 2 and was
 * refused whole, leaving the page mapped.  The IOMMU core splits each
 * iommu_unmap() below as iommu_pgsize() does.
 */
template <typename AnyTable> void unmap_runs_to_aperture_end(struct kunit *test, AnyTable &table)
{
	constexpr u64 top = u64{1} << 32;
	const u32 empty = l1_table(table)[0xfff];
	Gather gather;

	/* iommu_unmap(d, 0xfffff000, 0x2000): 4K x 2. */
	KX_ASSERT_EQ(test, map(table, 0xffff'f000, 0x2000'0000, K4).error, 0);
	KX_EXPECT_EQ(test, table.unmap(0xffff'f000, K4, 2, gather), size_t{K4});
	KX_EXPECT_EQ(test, table.iova_to_phys(0xffff'f000), u64{0});
	KX_EXPECT_EQ(test, gather.start(), u64{0xffff'f000});
	KX_EXPECT_EQ(test, gather.end(), top);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	KX_EXPECT_EQ(test, l1_table(table)[0xfff], empty);

	/* iommu_unmap(d, 0xfff00000, 2 MB) over a section: 1M x 2. */
	KX_ASSERT_EQ(test, map(table, 0xfff0'0000, 0x3010'0000, M1).error, 0);
	KX_EXPECT_EQ(test, table.unmap(0xfff0'0000, M1, 2, gather), size_t{M1});
	KX_EXPECT_EQ(test, table.iova_to_phys(0xfff0'0000), u64{0});
	KX_EXPECT_EQ(test, table.iova_to_phys(0xffff'ffff), u64{0});
	KX_EXPECT_EQ(test, gather.start(), u64{0xfff0'0000});
	KX_EXPECT_EQ(test, gather.end(), top);
	KX_EXPECT_EQ(test, l1_table(table)[0xfff], empty);
	gather.release_tables();

	/* iommu_unmap(d, 0xff000000, 32 MB) over a supersection: 16M x 2. */
	KX_ASSERT_EQ(test, map(table, 0xff00'0000, 0x4000'0000, M16).error, 0);
	KX_EXPECT_EQ(test, table.unmap(0xff00'0000, M16, 2, gather), size_t{M16});
	KX_EXPECT_EQ(test, table.iova_to_phys(0xff00'0000), u64{0});
	KX_EXPECT_EQ(test, table.iova_to_phys(0xffff'f000), u64{0});
	KX_EXPECT_EQ(test, gather.start(), u64{0xff00'0000});
	KX_EXPECT_EQ(test, gather.end(), top);
	for (u32 i = 0xff0; i < 0x1000; i++)
		KX_EXPECT_EQ(test, l1_table(table)[i], empty);
	gather.release_tables();

	/* A page count whose byte count does not fit 64 bits stops there too. */
	KX_ASSERT_EQ(test, map(table, 0xffff'e000, 0x2000'0000, K4, 2).error, 0);
	KX_EXPECT_EQ(test, table.unmap(0xffff'e000, K4, ~size_t{0}, gather), size_t{2 * K4});
	KX_EXPECT_EQ(test, table.iova_to_phys(0xffff'e000), u64{0});
	KX_EXPECT_EQ(test, table.iova_to_phys(0xffff'f000), u64{0});
	KX_EXPECT_EQ(test, gather.end(), top);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});

	/* An iova outside the aperture has nothing to unmap. */
	KX_EXPECT_EQ(test, table.unmap(top, K4, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, table.unmap(top, M16, 2, gather), size_t{0});
	KX_EXPECT_TRUE(test, gather.empty());

	/* map still refuses what leaves the aperture, before touching anything. */
	auto outcome = map(table, 0xffff'f000, 0x2000'0000, K4, 2);
	KX_EXPECT_EQ(test, outcome.error, -kcxx::ERANGE);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{0});
	KX_EXPECT_EQ(test, table.iova_to_phys(0xffff'f000), u64{0});
	KX_EXPECT_EQ(test, l1_table(table)[0xfff], empty);
}

} // namespace

void pgt_unmap_runs_to_aperture_end(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);

	unmap_runs_to_aperture_end(test, *table);
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
}

void pgt_unmap_runs_to_aperture_end_test_format(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory, TestFormat<true>(4));

	unmap_runs_to_aperture_end(test, *table);
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
}

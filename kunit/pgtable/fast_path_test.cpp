// SPDX-License-Identifier: GPL-2.0
/*
 * The engine's fast paths, on a recording memory: what they write, sync
 * and count must be what the general paths would, at their edges (the
 * L2's last entry, a clash at the first page and at a later one, a run
 * that leaves the L2).
 */
#include "test_util.h"

using namespace pgtable;
using namespace pgtable::test;

/*
 * map() of a run inside an L2 that is already linked and alive is done
 * inline (short_desc_table.h, map_pages()): one compare-and-swap on the
 * L2's count, the first page written there, the others by write_pages().
 * Every page it maps is counted once and only once: the L2 goes exactly
 * when the last of them is unmapped.
 */
void pgt_map_fast_path_in_live_l2(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	const u64 a = 0x1000'0000, b = a + M1, p = 0x2000'0000;
	Gather gather;

	/* The L2 comes with the first page (under the lock). */
	KX_ASSERT_EQ(test, map(*table, a, p, K4).error, 0);
	const u64 l2 = l1_entry(*table, a) & 0xffff'fc00u;
	u32 *ptes = l2_table(*table, a);
	KX_ASSERT_TRUE(test, ptes != nullptr);

	/* One page: its entry and one sync of it; no allocation, no L1 change. */
	size_t n = memory.count();
	auto outcome = map(*table, a + K4, p + 0x10'0000, K4);
	KX_EXPECT_EQ(test, outcome.error, 0);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{K4});
	KX_EXPECT_TRUE(test, outcome.l1_changed.empty());
	KX_EXPECT_EQ(test, ptes[1], u32(p + 0x10'0000) | 2);
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 4, 4));

	/* Three pages: each its own address, one sync of the three. */
	n = memory.count();
	outcome = map(*table, a + 2 * K4, p + 0x20'0000, K4, 3);
	KX_EXPECT_EQ(test, outcome.error, 0);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{3 * K4});
	KX_EXPECT_EQ(test, ptes[2], u32(p + 0x20'0000) | 2);
	KX_EXPECT_EQ(test, ptes[3], u32(p + 0x20'0000 + K4) | 2);
	KX_EXPECT_EQ(test, ptes[4], u32(p + 0x20'0000 + 2 * K4) | 2);
	KX_EXPECT_EQ(test, ptes[5], 0u);
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 2 * 4, 3 * 4));

	/* A run that ends at the L2's last entry. */
	n = memory.count();
	outcome = map(*table, a + 250 * K4, p + 0x30'0000, K4, 6);
	KX_EXPECT_EQ(test, outcome.error, 0);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{6 * K4});
	KX_EXPECT_EQ(test, ptes[250], u32(p + 0x30'0000) | 2);
	KX_EXPECT_EQ(test, ptes[255], u32(p + 0x30'0000 + 5 * K4) | 2);
	KX_EXPECT_EQ(test, l1_entry(*table, b), 0u);
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 250 * 4, 6 * 4));

	/* A large page: its 16 replicas, one sync. */
	n = memory.count();
	outcome = map(*table, a + K64, p + 0x40'0000, K64);
	KX_EXPECT_EQ(test, outcome.error, 0);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{K64});
	for (u32 i = 16; i < 32; i++)
		KX_EXPECT_EQ(test, ptes[i], u32(p + 0x40'0000) | 1);
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 16 * 4, 16 * 4));

	/* A clash at the first page: nothing written or synced. */
	n = memory.count();
	outcome = map(*table, a + K4, p, K4, 2);
	KX_EXPECT_EQ(test, outcome.error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{0});
	KX_EXPECT_EQ(test, ptes[1], u32(p + 0x10'0000) | 2);
	KX_EXPECT_EQ(test, memory.count(), n);

	/* A clash at the fifth page of five: four written, one sync. */
	n = memory.count();
	outcome = map(*table, a + 12 * K4, p + 0x50'0000, K4, 5);
	KX_EXPECT_EQ(test, outcome.error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{4 * K4});
	KX_EXPECT_EQ(test, ptes[15], u32(p + 0x50'0000 + 3 * K4) | 2);
	KX_EXPECT_EQ(test, ptes[16], u32(p + 0x40'0000) | 1);
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 12 * 4, 4 * 4));

	/* Two large pages, a small one in the way of the second: the first only. */
	KX_ASSERT_EQ(test, map(*table, a + 57 * K4, p + 0x60'0000, K4).error, 0);
	n = memory.count();
	outcome = map(*table, a + 2 * K64, p + 0x70'0000, K64, 2);
	KX_EXPECT_EQ(test, outcome.error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{K64});
	KX_EXPECT_EQ(test, ptes[47], u32(p + 0x70'0000) | 1);
	KX_EXPECT_EQ(test, ptes[48], 0u);
	KX_EXPECT_EQ(test, ptes[57], u32(p + 0x60'0000) | 2);
	KX_EXPECT_EQ(test, nonzero(ptes + 48, 16), size_t{1});
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 32 * 4, 16 * 4));

	/* A run one page longer than the L2 has room for goes on in the next. */
	KX_ASSERT_EQ(test, map(*table, b + 10 * K4, p, K4).error, 0);
	const u64 l2b = l1_entry(*table, b) & 0xffff'fc00u;
	KX_ASSERT_EQ(test, table->unmap(a + 250 * K4, K4, 6, gather), size_t{6 * K4});
	n = memory.count();
	outcome = map(*table, a + 250 * K4, p + 0x80'0000, K4, 7);
	KX_EXPECT_EQ(test, outcome.error, 0);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{7 * K4});
	KX_EXPECT_EQ(test, table->iova_to_phys(b), u64{p + 0x80'0000 + 6 * K4});
	KX_ASSERT_EQ(test, memory.count(), n + 2);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, l2, 250 * 4, 6 * 4));
	KX_EXPECT_TRUE(test, memory.is(n + 1, Event::Sync, l2b, 0, 4));

	/*
	 * The count: pages 0-4, 12-15, 250-255, 57 and the large pages at
	 * 16 and 32.  All but page 0 go, and the L2 stays; then page 0, and
	 * it is unlinked.
	 */
	KX_EXPECT_EQ(test, table->unmap(a + K4, K4, 4, gather), size_t{4 * K4});
	KX_EXPECT_EQ(test, table->unmap(a + 12 * K4, K4, 4, gather), size_t{4 * K4});
	KX_EXPECT_EQ(test, table->unmap(a + K64, K64, 2, gather), size_t{2 * K64});
	KX_EXPECT_EQ(test, table->unmap(a + 57 * K4, K4, 1, gather), size_t{K4});
	KX_EXPECT_EQ(test, table->unmap(a + 250 * K4, K4, 7, gather), size_t{7 * K4});
	KX_EXPECT_EQ(test, l1_entry(*table, a) & 0xffff'fc00u, u32(l2));
	KX_EXPECT_EQ(test, nonzero(ptes, 256), size_t{1});
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{0});
	KX_EXPECT_EQ(test, table->unmap(a, K4, 1, gather), size_t{K4});
	KX_EXPECT_EQ(test, l1_entry(*table, a), 0u);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	/* b's L2 lost its first page with a's last six: one is left. */
	KX_EXPECT_EQ(test, l1_entry(*table, b) & 0xffff'fc00u, u32(l2b));
	KX_EXPECT_EQ(test, table->unmap(b + 10 * K4, K4, 1, gather), size_t{K4});
	KX_EXPECT_EQ(test, l1_entry(*table, b), 0u);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});

	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
	KX_EXPECT_FALSE(test, memory.overflowed());
}

/*
 * Sections and supersections are unmapped without the table lock
 * (unmap_block()): every replica cleared, the L1 synced once, nothing
 * else touched; a block that starts before the address is left whole.
 */
void pgt_unmap_blocks_lock_free(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);
	const u64 s = 0x1010'0000, ss = 0x2000'0000, p = 0x4000'0000;
	u32 *l1 = l1_table(*table);
	Gather gather;

	KX_ASSERT_EQ(test, map(*table, s, p, M1, 2).error, 0);
	KX_ASSERT_EQ(test, map(*table, ss, p + M16, M16, 2).error, 0);
	KX_ASSERT_EQ(test, map(*table, s - M1, p, K4).error, 0);

	/* Inside a supersection, or past its first megabyte: 0, nothing touched. */
	size_t n = memory.count();
	KX_EXPECT_EQ(test, table->unmap(ss + M1, M1, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, table->unmap(ss + 15 * M1, M1, 15, gather), size_t{0});
	KX_EXPECT_EQ(test, table->unmap(ss + M16 + K4, K4, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, nonzero(&l1[ss >> 20], 32), size_t{32});
	KX_EXPECT_EQ(test, memory.count(), n);
	KX_EXPECT_TRUE(test, gather.empty());

	/* One section of two; the other and the L2 next to it stay. */
	KX_EXPECT_EQ(test, table->unmap(s + M1, M1, 1, gather), size_t{M1});
	KX_EXPECT_EQ(test, l1[(s >> 20) + 1], 0u);
	KX_EXPECT_EQ(test, l1[s >> 20], u32(p) | 2);
	KX_EXPECT_EQ(test, l1[(s >> 20) - 1] & 3, 1u);
	KX_ASSERT_EQ(test, memory.count(), n + 1);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, table->ttb(), ((s >> 20) + 1) * 4, 4));

	/* Both supersections in one call: their 32 replicas, one sync each. */
	n = memory.count();
	KX_EXPECT_EQ(test, table->unmap(ss, M16, 2, gather), size_t{2 * M16});
	KX_EXPECT_EQ(test, nonzero(&l1[ss >> 20], 32), size_t{0});
	KX_ASSERT_EQ(test, memory.count(), n + 2);
	KX_EXPECT_TRUE(test, memory.is(n, Event::Sync, table->ttb(), (ss >> 20) * 4, 16 * 4));
	KX_EXPECT_TRUE(test, memory.is(n + 1, Event::Sync, table->ttb(), ((ss >> 20) + 16) * 4,
				       16 * 4));
	/* Where nothing is mapped any more: 0. */
	KX_EXPECT_EQ(test, table->unmap(ss, M16, 1, gather), size_t{0});
	KX_EXPECT_EQ(test, table->iova_to_phys(ss + M16 + 5), u64{0});
	KX_EXPECT_EQ(test, table->iova_to_phys(s + 5), u64{p + 5});

	KX_EXPECT_EQ(test, table->unmap(s - M1, K4, 1, gather), size_t{K4});
	KX_EXPECT_EQ(test, table->unmap(s, M1, 1, gather), size_t{M1});
	KX_EXPECT_EQ(test, nonzero(l1, 4096), size_t{0});
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
	KX_EXPECT_FALSE(test, memory.overflowed());
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The engine on production table memory (DMA API on a platform device):
 * descriptors and replicas as the walker reads them, translations, and
 * every table mapped, synced and unmapped in pairs DMA_API_DEBUG accepts.
 */
#include <kcxx/lock.h>

#include "test_util.h"

using namespace pgtable;
using namespace pgtable::test;

void pgt_map_small_page(struct kunit *test)
{
	DmaTableMemory memory(pgt_test_device());
	auto table = make_table(test, memory);
	const u64 iova = 0x1234'5000, pa = 0x8765'4000;

	KX_EXPECT_TRUE(test, kcxx::is_aligned(table->ttb(), u64{16 * 1024}));
	KX_EXPECT_EQ(test, nonzero(l1_table(*table), 4096), size_t{0});
	KX_ASSERT_EQ(test, map(*table, iova, pa, K4).error, 0);

	u32 *l2 = l2_table(*table, iova);
	KX_ASSERT_TRUE(test, l2 != nullptr);
	KX_EXPECT_TRUE(test, kcxx::is_aligned(pgt_test_virt_to_phys(l2), u64{1024}));
	KX_EXPECT_EQ(test, l2[0x45], 0x8765'4002u);
	KX_EXPECT_EQ(test, nonzero(l2, 256), size_t{1});
	KX_EXPECT_EQ(test, nonzero(l1_table(*table), 4096), size_t{1});

	KX_EXPECT_EQ(test, table->iova_to_phys(iova + 0x678), pa + 0x678);
	KX_EXPECT_EQ(test, table->iova_to_phys(iova + K4), u64{0});
	KX_EXPECT_EQ(test, table->iova_to_phys(iova - 1), u64{0});

	Gather gather;
	KX_EXPECT_EQ(test, table->unmap(iova, K4, 1, gather), size_t{K4});
	KX_EXPECT_EQ(test, table->iova_to_phys(iova), u64{0});
	KX_EXPECT_EQ(test, l1_entry(*table, iova), 0u);
	KX_EXPECT_EQ(test, gather.start(), iova);
	KX_EXPECT_EQ(test, gather.end(), iova + K4);
	KX_EXPECT_EQ(test, memory.live_tables(), 2u);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	KX_EXPECT_EQ(test, memory.live_tables(), 1u);
	table.reset();
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

void pgt_map_large_page(struct kunit *test)
{
	DmaTableMemory memory(pgt_test_device());
	auto table = make_table(test, memory);
	const u64 iova = 0x2003'0000, pa = 0x9abc'0000;

	KX_ASSERT_EQ(test, map(*table, iova, pa, K64).error, 0);

	u32 *l2 = l2_table(*table, iova);
	KX_ASSERT_TRUE(test, l2 != nullptr);
	for (u32 i = 0x30; i < 0x40; i++)
		KX_EXPECT_EQ(test, l2[i], 0x9abc'0001u);
	KX_EXPECT_EQ(test, nonzero(l2, 256), size_t{16});

	KX_EXPECT_EQ(test, table->iova_to_phys(iova), pa);
	KX_EXPECT_EQ(test, table->iova_to_phys(iova + 0xfedc), pa + 0xfedc);
	KX_EXPECT_EQ(test, table->iova_to_phys(iova + K64), u64{0});

	Gather gather;
	KX_EXPECT_EQ(test, table->unmap(iova, K64, 1, gather), size_t{K64});
	KX_EXPECT_EQ(test, nonzero(l2, 256), size_t{0});
	KX_EXPECT_EQ(test, table->iova_to_phys(iova + 0xfedc), u64{0});
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	table.reset();
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

void pgt_map_section(struct kunit *test)
{
	DmaTableMemory memory(pgt_test_device());
	auto table = make_table(test, memory);
	const u64 iova = 0x4560'0000, pa = 0x8880'0000;
	u32 *l1 = l1_table(*table);

	KX_ASSERT_EQ(test, map(*table, iova, pa, M1).error, 0);
	KX_EXPECT_EQ(test, l1[0x456], 0x8880'0002u);
	KX_EXPECT_EQ(test, nonzero(l1, 4096), size_t{1});
	KX_EXPECT_EQ(test, table->iova_to_phys(iova + 0xabcde), pa + 0xabcde);
	KX_EXPECT_EQ(test, table->iova_to_phys(iova + M1), u64{0});

	Gather gather;
	KX_EXPECT_EQ(test, table->unmap(iova, M1, 1, gather), size_t{M1});
	KX_EXPECT_EQ(test, l1[0x456], 0u);
	KX_EXPECT_FALSE(test, gather.has_tables());
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{0});
	table.reset();
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

void pgt_map_supersection(struct kunit *test)
{
	DmaTableMemory memory(pgt_test_device());
	auto table = make_table(test, memory);
	const u64 iova = 0x5000'0000, pa = 0xa100'0000;
	u32 *l1 = l1_table(*table);

	KX_ASSERT_EQ(test, map(*table, iova, pa, M16).error, 0);
	for (u32 i = 0x500; i < 0x510; i++)
		KX_EXPECT_EQ(test, l1[i], 0xa100'0002u | (1u << 18));
	KX_EXPECT_EQ(test, nonzero(l1, 4096), size_t{16});
	KX_EXPECT_EQ(test, table->iova_to_phys(iova + 0xabcdef), pa + 0xabcdef);
	KX_EXPECT_EQ(test, table->iova_to_phys(iova + M16), u64{0});

	Gather gather;
	KX_EXPECT_EQ(test, table->unmap(iova, M16, 1, gather), size_t{M16});
	KX_EXPECT_EQ(test, nonzero(l1, 4096), size_t{0});
	KX_EXPECT_EQ(test, gather.end() - gather.start(), M16);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{0});
	table.reset();
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

void pgt_map_unmap_pgcount(struct kunit *test)
{
	DmaTableMemory memory(pgt_test_device());
	auto table = make_table(test, memory);
	Gather gather;

	/* 300 small pages over three L2 tables: 16 + 256 + 28 entries. */
	const u64 small = 0x100f'0000, small_pa = 0x4000'0000;
	auto outcome = map(*table, small, small_pa, K4, 300);
	KX_EXPECT_EQ(test, outcome.error, 0);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{300 * K4});
	for (u64 i = 0; i < 300; i++)
		KX_EXPECT_EQ(test, table->iova_to_phys(small + i * K4 + 8), small_pa + i * K4 + 8);
	KX_EXPECT_EQ(test, table->iova_to_phys(small + 300 * K4), u64{0});
	KX_EXPECT_EQ(test, nonzero(l2_table(*table, 0x1010'0000), 256), size_t{256});
	KX_EXPECT_EQ(test, nonzero(l2_table(*table, 0x1020'0000), 256), size_t{28});

	/* 20 large pages cross from one L2 into the next. */
	const u64 large = 0x3000'0000, large_pa = 0x5000'0000;
	outcome = map(*table, large, large_pa, K64, 20);
	KX_EXPECT_EQ(test, outcome.error, 0);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{20 * K64});
	for (u64 i = 0; i < 20; i++)
		KX_EXPECT_EQ(test, table->iova_to_phys(large + i * K64 + 0x1234),
			     large_pa + i * K64 + 0x1234);

	/* Three sections, two supersections. */
	outcome = map(*table, 0x6000'0000, 0x7000'0000, M1, 3);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{3 * M1});
	outcome = map(*table, 0x8000'0000, 0x9000'0000, M16, 2);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{2 * M16});
	KX_EXPECT_EQ(test, table->iova_to_phys(0x6020'0010), u64{0x7020'0010});
	KX_EXPECT_EQ(test, table->iova_to_phys(0x81ff'fff0), u64{0x91ff'fff0});
	KX_EXPECT_EQ(test, nonzero(l1_table(*table), 4096), size_t{3 + 2 + 3 + 32});

	KX_EXPECT_EQ(test, table->unmap(small, K4, 300, gather), size_t{300 * K4});
	KX_EXPECT_EQ(test, table->unmap(large, K64, 20, gather), size_t{20 * K64});
	KX_EXPECT_EQ(test, table->unmap(0x6000'0000, M1, 3, gather), size_t{3 * M1});
	KX_EXPECT_EQ(test, table->unmap(0x8000'0000, M16, 2, gather), size_t{2 * M16});
	KX_EXPECT_EQ(test, nonzero(l1_table(*table), 4096), size_t{0});
	KX_EXPECT_EQ(test, gather.start(), small);
	KX_EXPECT_EQ(test, gather.end(), u64{0x8000'0000} + 2 * M16);
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{5});
	KX_EXPECT_TRUE(test, gather.empty());
	table.reset();
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

/* map_pages with GFP_ATOMIC, as the DMA API's atomic callers make it. */
void pgt_map_in_atomic_context(struct kunit *test)
{
	DmaTableMemory memory(pgt_test_device());
	auto table = make_table(test, memory);
	kcxx::SpinLock lock{KCXX_LOCK_CLASS("socmmu_pgtable_test.atomic")};
	Gather gather;

	{
		kcxx::IrqSaveGuard guard(lock);

		KX_EXPECT_EQ(test, map(*table, 0x7000'0000, 0x1000'0000, K4, 2,
				       kcxx::AllocContext::Atomic).error, 0);
		KX_EXPECT_EQ(test, table->unmap(0x7000'0000, K4, 2, gather), size_t{2 * K4});
	}
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	table.reset();
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

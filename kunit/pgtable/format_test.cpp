// SPDX-License-Identifier: GPL-2.0
/*
 * The engine on format objects decided at run time (test_format.h): PAs
 * above 4 GiB through a PA shift, the physical-address width that bounds
 * mappings and tables, and permissions in every replica.
 */
#include "test_util.h"

using namespace pgtable;
using namespace pgtable::test;

namespace {

using Flat = TestFormat<false>;

/* The L2 behind @iova's L1 entry, decoded with the test format's raw bits. */
template <typename AnyTable> u32 *test_l2(AnyTable &table, unsigned int pa_shift, u64 iova)
{
	const u32 l1e = l1_table(table)[iova >> 20];

	if ((l1e & 3) != 1)
		return nullptr;
	return static_cast<u32 *>(pgt_test_phys_to_virt(u64{l1e & ~0x3fu} << pa_shift));
}

} // namespace

void pgt_format_pa_shift(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto wide = make_table(test, memory, Flat(4));
	auto narrow = make_table(test, memory, Flat(0));
	struct Mapping {
		u64 iova, pa, size;
	} const mappings[] = {
		{0x1000'3000, 0xf'ffff'f000, K4},
		{0x1001'0000, 0x8'1234'0000, K64},
		{0x2010'0000, 0x9'8760'0000, M1},
		{0x3000'0000, 0xa'bc00'0000, M16},
	};
	Gather gather;

	for (const auto &m : mappings) {
		KX_EXPECT_EQ(test, map(*wide, m.iova, m.pa, m.size).error, 0);
		KX_EXPECT_EQ(test, wide->iova_to_phys(m.iova), m.pa);
		KX_EXPECT_EQ(test, wide->iova_to_phys(m.iova + m.size - 8), m.pa + m.size - 8);
		/* The same format with no shift holds 32-bit PAs only. */
		KX_EXPECT_EQ(test, map(*narrow, m.iova, m.pa, m.size).error, -kcxx::ERANGE);
		KX_EXPECT_EQ(test, map(*narrow, m.iova, m.pa & 0xffff'ffff, m.size).error, 0);
		KX_EXPECT_EQ(test, narrow->iova_to_phys(m.iova), m.pa & 0xffff'ffff);
	}

	/* The raw entries hold PA >> 4 (read-write: permission field 3). */
	u32 *l2 = test_l2(*wide, 4, 0x1000'3000);
	KX_ASSERT_TRUE(test, l2 != nullptr);
	KX_EXPECT_EQ(test, l2[3], 0xffff'ff0eu);
	KX_EXPECT_EQ(test, l2[0x10], 0x8123'400du);
	KX_EXPECT_EQ(test, l2[0x1f], 0x8123'400du);
	KX_EXPECT_EQ(test, l1_table(*wide)[0x201], 0x9876'0032u);
	KX_EXPECT_EQ(test, l1_table(*wide)[0x30f], 0xabc0'0132u);
	l2 = test_l2(*narrow, 0, 0x1000'3000);
	KX_ASSERT_TRUE(test, l2 != nullptr);
	KX_EXPECT_EQ(test, l2[3], 0xffff'f00eu);

	/* for_each_mapping reports the full PAs. */
	constexpr size_t kMappings = sizeof(mappings) / sizeof(mappings[0]);
	Mapping seen[kMappings] = {};
	size_t count = 0;
	wide->for_each_mapping([&](u64 iova, u64 pa, u64 size) {
		if (count < kMappings)
			seen[count] = {iova, pa, size};
		count++;
	});
	KX_EXPECT_EQ(test, count, kMappings);
	for (size_t i = 0; i < kMappings; i++) {
		KX_EXPECT_EQ(test, seen[i].iova, mappings[i].iova);
		KX_EXPECT_EQ(test, seen[i].pa, mappings[i].pa);
		KX_EXPECT_EQ(test, seen[i].size, mappings[i].size);
	}

	/* pa_bits() bounds the PA: 36 bits here, 32 there. */
	KX_EXPECT_EQ(test, map(*wide, 0x4000'0000, 0xf'ffff'f000, K4, 2).error, -kcxx::ERANGE);
	KX_EXPECT_EQ(test, map(*wide, 0x4000'0000, u64{1} << 36, K4).error, -kcxx::ERANGE);
	KX_EXPECT_EQ(test, map(*narrow, 0x4000'0000, 0xffff'f000, K4, 2).error, -kcxx::ERANGE);
	KX_EXPECT_EQ(test, map(*narrow, 0x4000'0000, 0xffff'f000, K4).error, 0);
	KX_EXPECT_EQ(test, narrow->iova_to_phys(0x4000'0fff), u64{0xffff'ffff});

	for (const auto &m : mappings) {
		KX_EXPECT_EQ(test, u64{wide->unmap(m.iova, m.size, 1, gather)}, m.size);
		KX_EXPECT_EQ(test, wide->iova_to_phys(m.iova), u64{0});
	}
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	wide.reset();
	narrow.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
}

/* What the format cannot point to is refused, by the format's own width. */
void pgt_format_pa_bits_checked(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);

	/* A probe that decided a width no entry can hold. */
	KX_EXPECT_EQ(test, ShortDescTable<Flat>::create(memory, Flat(32)).to_errno(),
		     -kcxx::EINVAL);
	KX_EXPECT_EQ(test, memory.count(), size_t{0});

	/* Tables above 4 GiB: OMAP cannot point to them, a 36-bit format can. */
	memory.offset_dma(u64{1} << 32);
	KX_EXPECT_EQ(test, Table::create(memory).to_errno(), -kcxx::EFAULT);
	KX_EXPECT_EQ(test, memory.live(), 0);
	KX_EXPECT_EQ(test, ShortDescTable<Flat>::create(memory, Flat(0)).to_errno(),
		     -kcxx::EFAULT);
	KX_EXPECT_EQ(test, memory.live(), 0);

	const size_t before = memory.count();
	auto table = make_table(test, memory, TestFormat<true>(4));
	KX_EXPECT_EQ(test, memory.live(), 2);
	KX_EXPECT_LE(test, u64{1} << 32, table->ttb());
	/* Every unused L1 entry links to the zero L2 above 4 GiB: PA >> 4. */
	const u64 zero = memory.event(before + 1).table;
	KX_EXPECT_LE(test, u64{1} << 32, zero);
	u32 *l1 = static_cast<u32 *>(pgt_test_phys_to_virt(table->ttb() - (u64{1} << 32)));
	KX_EXPECT_EQ(test, l1[0], u32(zero >> 4) | 1);
	KX_EXPECT_EQ(test, l1[4095], u32(zero >> 4) | 1);

	/* An L2 above 4 GiB too; the walk still finds the page. */
	KX_ASSERT_EQ(test, map(*table, 0x1000'0000, 0x2000'0000, K4).error, 0);
	/* Events: L1, zero L2 and the L1's sync at create, then this L2. */
	KX_ASSERT_EQ(test, memory.event(before + 3).kind, Event::Alloc);
	const u64 l2 = memory.event(before + 3).table;
	KX_EXPECT_LE(test, u64{1} << 32, l2);
	KX_EXPECT_EQ(test, l1[0x100], u32(l2 >> 4) | 1);
	KX_EXPECT_EQ(test, table->iova_to_phys(0x1000'0123), u64{0x2000'0123});
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);

	/* Beyond 36 bits, even the wide format refuses. */
	memory.offset_dma(u64{1} << 36);
	KX_EXPECT_EQ(test, ShortDescTable<Flat>::create(memory, Flat(4)).to_errno(),
		     -kcxx::EFAULT);
	KX_EXPECT_EQ(test, memory.live(), 0);
}

void pgt_prot_in_every_replica(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	const Flat format(4);
	auto table = make_table(test, memory, format);
	u32 *l1 = l1_table(*table);
	const u64 pa = 0x9'0000'0000;
	const u32 stored = 0x9000'0000;
	/* Each prot, and the 2-bit field it must give (1 = R, 2 = W). */
	const struct {
		Prot prot;
		u32 field;
	} cases[] = {
		{kProtRead, 1},
		{kProtWrite, 2},
		{kProtRead | kProtWrite, 3},
		{kProtAll, 3},
		{kProtRead | kProtNoExec | kProtPriv, 1},
		{kProtWrite | kProtCache | kProtMmio, 2},
		{0, 0},
	};
	Gather gather;

	KX_EXPECT_TRUE(test, honours_only_declared_prot(format, pa));
	for (const auto &c : cases) {
		const auto ctx = kcxx::AllocContext::Sleepable;

		KX_ASSERT_EQ(test, map(*table, 0x1000'0000, pa, K4, 1, ctx, c.prot).error, 0);
		KX_ASSERT_EQ(test, map(*table, 0x1001'0000, pa, K64, 1, ctx, c.prot).error, 0);
		KX_ASSERT_EQ(test, map(*table, 0x2000'0000, pa, M1, 1, ctx, c.prot).error, 0);
		KX_ASSERT_EQ(test, map(*table, 0x3000'0000, pa, M16, 1, ctx, c.prot).error, 0);

		u32 *l2 = test_l2(*table, 4, 0x1000'0000);
		KX_ASSERT_TRUE(test, l2 != nullptr);
		KX_EXPECT_EQ(test, l2[0], stored | c.field << 2 | 2);
		for (u32 i = 0x10; i < 0x20; i++)
			KX_EXPECT_EQ(test, l2[i], stored | c.field << 2 | 1);
		KX_EXPECT_EQ(test, l1[0x200], stored | c.field << 4 | 2);
		for (u32 i = 0x300; i < 0x310; i++)
			KX_EXPECT_EQ(test, l1[i], stored | c.field << 4 | 0x102);

		KX_EXPECT_EQ(test, table->unmap(0x1000'0000, K4, 1, gather), size_t{K4});
		KX_EXPECT_EQ(test, table->unmap(0x1001'0000, K64, 1, gather), size_t{K64});
		KX_EXPECT_EQ(test, table->unmap(0x2000'0000, M1, 1, gather), size_t{M1});
		KX_EXPECT_EQ(test, table->unmap(0x3000'0000, M16, 1, gather), size_t{M16});
		KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	}
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
}

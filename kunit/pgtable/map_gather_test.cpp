// SPDX-License-Identifier: GPL-2.0
/*
 * What map() reports in its MapGather: every L1 entry it changed from the
 * empty value to a table, section or supersection, and nothing else.  Run
 * on OMAP (an empty L1 entry is a fault) and on the test format with the
 * zero-L2 link (an empty L1 entry links to the shared zero L2, which
 * Exynos's FLPD cache keeps).
 */
#include "test_util.h"

using namespace pgtable;
using namespace pgtable::test;

namespace {

template <typename AnyTable>
void map_gather_reports_l1_changes(struct kunit *test, AnyTable &table)
{
	auto expect_changed = [test](const MapOutcome &outcome, u64 start, u64 end) {
		KX_EXPECT_FALSE(test, outcome.l1_changed.empty());
		KX_EXPECT_EQ(test, outcome.l1_changed.start(), start);
		KX_EXPECT_EQ(test, outcome.l1_changed.end(), end);
	};
	Gather gather;
	MapOutcome outcome;

	/* empty -> table: the whole 1 MB the new L1 entry covers. */
	outcome = map(table, 0x1234'5000, 0x4000'0000, K4);
	KX_EXPECT_EQ(test, outcome.error, 0);
	expect_changed(outcome, 0x1230'0000, 0x1240'0000);

	/* Filling entries under an existing table changes no L1 entry. */
	outcome = map(table, 0x1234'6000, 0x4000'1000, K4);
	KX_EXPECT_EQ(test, outcome.error, 0);
	KX_EXPECT_TRUE(test, outcome.l1_changed.empty());
	outcome = map(table, 0x1238'0000, 0x4008'0000, K64);
	KX_EXPECT_EQ(test, outcome.error, 0);
	KX_EXPECT_TRUE(test, outcome.l1_changed.empty());

	/* empty -> section, empty -> supersection. */
	outcome = map(table, 0x2010'0000, 0x5010'0000, M1);
	KX_EXPECT_EQ(test, outcome.error, 0);
	expect_changed(outcome, 0x2010'0000, 0x2020'0000);
	outcome = map(table, 0x3000'0000, 0x6000'0000, M16);
	KX_EXPECT_EQ(test, outcome.error, 0);
	expect_changed(outcome, 0x3000'0000, 0x3100'0000);

	/* Several pages in one call: every new L2, sections, supersections. */
	outcome = map(table, 0x400f'0000, 0x4100'0000, K4, 300);
	KX_EXPECT_EQ(test, outcome.error, 0);
	expect_changed(outcome, 0x4000'0000, 0x4030'0000);
	outcome = map(table, 0x5000'0000, 0x5000'0000, M1, 3);
	KX_EXPECT_EQ(test, outcome.error, 0);
	expect_changed(outcome, 0x5000'0000, 0x5030'0000);
	outcome = map(table, 0x6000'0000, 0x6000'0000, M16, 2);
	KX_EXPECT_EQ(test, outcome.error, 0);
	expect_changed(outcome, 0x6000'0000, 0x6200'0000);

	/* A range over an existing L2 and a new one reports the new one only. */
	KX_ASSERT_EQ(test, map(table, 0x7000'0000, 0x7000'0000, K4).error, 0);
	outcome = map(table, 0x7008'0000, 0x7008'0000, K4, 256);
	KX_EXPECT_EQ(test, outcome.error, 0);
	expect_changed(outcome, 0x7010'0000, 0x7020'0000);

	/* A call that fails after changing an entry still reports it. */
	KX_ASSERT_EQ(test, map(table, 0x8010'0000, 0x8010'0000, M1).error, 0);
	outcome = map(table, 0x800f'f000, 0x9000'0000, K4, 2);
	KX_EXPECT_EQ(test, outcome.error, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, outcome.mapped, size_t{K4});
	expect_changed(outcome, 0x8000'0000, 0x8010'0000);

	/* Calls that change nothing report nothing. */
	KX_EXPECT_TRUE(test, map(table, 0x8010'0000, 0x9000'0000, K4).l1_changed.empty());
	KX_EXPECT_TRUE(test, map(table, 0x8010'0000, 0x9000'0000, M1).l1_changed.empty());
	KX_EXPECT_TRUE(test, map(table, 0xffff'f000, 0x9000'0000, K4, 2).l1_changed.empty());
	KX_EXPECT_TRUE(test, map(table, 0x9000'0800, 0x9000'0000, K4).l1_changed.empty());

	/* Back to empty (the L2 unlinked, the section removed), then mapped again. */
	KX_EXPECT_EQ(test, table.unmap(0x1234'5000, K4, 2, gather), size_t{2 * K4});
	KX_EXPECT_EQ(test, table.unmap(0x1238'0000, K64, 1, gather), size_t{K64});
	KX_EXPECT_EQ(test, table.unmap(0x2010'0000, M1, 1, gather), size_t{M1});
	KX_EXPECT_EQ(test, gather.release_tables(), size_t{1});
	outcome = map(table, 0x123f'f000, 0x4000'0000, K4);
	KX_EXPECT_EQ(test, outcome.error, 0);
	expect_changed(outcome, 0x1230'0000, 0x1240'0000);
	outcome = map(table, 0x2010'0000, 0x5010'0000, M1);
	KX_EXPECT_EQ(test, outcome.error, 0);
	expect_changed(outcome, 0x2010'0000, 0x2020'0000);

	/* One MapGather across calls covers them all until reset. */
	MapGather both;
	size_t mapped = 0;
	KX_EXPECT_TRUE(test, both.empty());
	KX_ASSERT_OK(test, table.map(0xa000'0000, 0xa000'0000, K4, 1, kProtRead,
				     kcxx::AllocContext::Sleepable, &mapped, both));
	KX_ASSERT_OK(test, table.map(0xa420'0000, 0xa420'0000, M1, 1, kProtRead,
				     kcxx::AllocContext::Sleepable, &mapped, both));
	KX_EXPECT_EQ(test, both.start(), u64{0xa000'0000});
	KX_EXPECT_EQ(test, both.end(), u64{0xa430'0000});
	both.reset();
	KX_EXPECT_TRUE(test, both.empty());
	KX_ASSERT_OK(test, table.map(0xa000'1000, 0xa000'1000, K4, 1, kProtRead,
				     kcxx::AllocContext::Sleepable, &mapped, both));
	KX_EXPECT_TRUE(test, both.empty());
}

} // namespace

void pgt_map_gather_fault_l1(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory);

	map_gather_reports_l1_changes(test, *table);
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
}

void pgt_map_gather_zero_l2_link(struct kunit *test)
{
	RecordingMemory &memory = make_recording(test);
	auto table = make_table(test, memory, TestFormat<true>(4));

	map_gather_reports_l1_changes(test, *table);
	table.reset();
	KX_EXPECT_EQ(test, memory.live(), 0);
}

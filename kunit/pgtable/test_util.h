/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers shared by the page-table cases: tables, walks, memories. */
#ifndef SOCMMU_PGTABLE_TEST_UTIL_H
#define SOCMMU_PGTABLE_TEST_UTIL_H

#include <kcxx/owner.h>

#include "../../iommu/pgtable/omap_format.h"
#include "../../iommu/pgtable/short_desc_table.h"
#include "../kcxx_test.h"
#include "pgtable_tests.h"
#include "recording_memory.h"
#include "test_format.h"

namespace pgtable::test {

using Table = ShortDescTable<OmapFormat>;

inline constexpr u64 K4 = kSize4K;
inline constexpr u64 K64 = kSize64K;
inline constexpr u64 M1 = kSize1M;
inline constexpr u64 M16 = kSize16M;

inline kcxx::Owner<Table> make_table(struct kunit *test, TableMemory &memory)
{
	auto table = Table::create(memory);

	KX_ASSERT_OK(test, table);
	return kcxx::move(table).value();
}

/* In KUnit-managed memory: it must outlive a case that ends early. */
inline RecordingMemory &make_recording(struct kunit *test)
{
	void *memory = kx_kunit_kzalloc(test, sizeof(RecordingMemory));

	KX_ASSERT_TRUE(test, memory != nullptr);
	return *new (memory) RecordingMemory();
}

/*
 * The walk the OMAP MMU does, from the TTB, decoding the raw bits itself
 * rather than through OmapFormat.
 */
template <typename AnyTable> inline u32 *l1_table(AnyTable &table)
{
	return static_cast<u32 *>(pgt_test_phys_to_virt(table.ttb()));
}

inline u32 l1_entry(Table &table, u64 iova)
{
	return l1_table(table)[iova >> 20];
}

/* The L2 behind @iova's L1 entry, or nullptr when that is not a table pointer. */
inline u32 *l2_table(Table &table, u64 iova)
{
	const u32 l1e = l1_entry(table, iova);

	if ((l1e & 3) != 1)
		return nullptr;
	return static_cast<u32 *>(pgt_test_phys_to_virt(l1e & 0xffff'fc00u));
}

inline u32 l2_entry(Table &table, u64 iova)
{
	u32 *l2 = l2_table(table, iova);

	return l2 ? l2[(iova >> 12) & 0xff] : 0xdead'beefu;
}

inline size_t nonzero(const u32 *entries, size_t count)
{
	size_t n = 0;

	for (size_t i = 0; i < count; i++)
		n += entries[i] != 0;
	return n;
}

/* map() of the engine: the errno, the bytes mapped, and its own MapGather. */
struct MapOutcome {
	int error;
	size_t mapped;
	MapGather l1_changed;
};

template <typename AnyTable>
inline MapOutcome map(AnyTable &table, u64 iova, u64 paddr, u64 pgsize, size_t pgcount = 1,
		      kcxx::AllocContext context = kcxx::AllocContext::Sleepable,
		      Prot prot = kProtRead | kProtWrite)
{
	MapOutcome outcome{0, 0, {}};
	auto result = table.map(iova, paddr, pgsize, pgcount, prot, context, &outcome.mapped,
				outcome.l1_changed);

	outcome.error = result.to_errno();
	return outcome;
}

/* An empty table in @format, which must be creatable. */
template <typename Format>
inline kcxx::Owner<ShortDescTable<Format>> make_table(struct kunit *test, TableMemory &memory,
						      const Format &format)
{
	auto table = ShortDescTable<Format>::create(memory, format);

	KX_ASSERT_OK(test, table);
	return kcxx::move(table).value();
}

} // namespace pgtable::test

#endif

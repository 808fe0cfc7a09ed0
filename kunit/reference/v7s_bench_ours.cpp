// SPDX-License-Identifier: GPL-2.0
/*
 * Our side of the ARMv7s rows (v7s_bench.h): the engine with ArmV7sFormat
 * on production table memory, as our MSM driver holds it.  An unmap
 * releases the L2 tables it emptied at once: nothing walks these tables,
 * so the TLB invalidation a driver does first has nothing to do, as the
 * kernel side's flush callbacks have nothing to do.
 */
#include <kcxx/owner.h>

#include "../../iommu/pgtable/armv7s_format.h"
#include "../../iommu/pgtable/short_desc_table.h"
#include "../../iommu/pgtable/table_memory.h"
#include "v7s_bench.h"

using namespace pgtable;

struct v7s_bench_ours {
	explicit v7s_bench_ours(struct device *dev) : memory(dev) {}

	/* Declared first: the table goes before the memory it gives back. */
	DmaTableMemory memory;
	kcxx::Owner<ShortDescTable<ArmV7sFormat>> table;
};

struct v7s_bench_ours *v7s_bench_ours_create(struct device *dev)
{
	auto t = kcxx::make_owned<v7s_bench_ours>(dev);

	if (!t.ok())
		return nullptr;
	auto table = ShortDescTable<ArmV7sFormat>::create(t.value()->memory);
	if (!table.ok())
		return nullptr;
	t.value()->table = kcxx::move(table).value();
	return t.value().release();
}

void v7s_bench_ours_destroy(struct v7s_bench_ours *t)
{
	kcxx::Owner<v7s_bench_ours> gone(t);
}

int v7s_bench_ours_map(void *t, unsigned long iova, u64 paddr, size_t pgsize, size_t pgcount,
		       int prot, size_t *mapped)
{
	MapGather l1_changed;

	return static_cast<v7s_bench_ours *>(t)
		->table->map(iova, paddr, pgsize, pgcount, static_cast<Prot>(prot),
			     kcxx::AllocContext::Sleepable, mapped, l1_changed)
		.to_errno();
}

size_t v7s_bench_ours_unmap(void *t, unsigned long iova, size_t pgsize, size_t pgcount)
{
	Gather gather;
	const size_t n = static_cast<v7s_bench_ours *>(t)->table->unmap(iova, pgsize, pgcount,
									 gather);

	gather.release_tables();
	return n;
}

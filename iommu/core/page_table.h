/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A domain's page table as the framework sees it, whatever its format:
 * the short-descriptor engine (iommu/pgtable/) behind a virtual interface,
 * so that the framework's Domain is compiled once while each driver
 * instantiates the engine for its own format.
 */
#ifndef SOCMMU_IOMMU_PAGE_TABLE_H
#define SOCMMU_IOMMU_PAGE_TABLE_H

#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "../pgtable/format.h"
#include "../pgtable/gather.h"
#include "../pgtable/short_desc_table.h"
#include <shim/map_run.h>

namespace socmmu {

class PageTable {
public:
	using Visit = void (*)(void *context, u64 iova, u64 pa, u64 size);

	virtual ~PageTable() = default;

	/* iommu_domain_ops semantics; see ShortDescTable. */
	virtual kcxx::Result<void> map(u64 iova, u64 paddr, u64 pgsize, size_t pgcount,
				       pgtable::Prot prot, kcxx::AllocContext context,
				       size_t *mapped, pgtable::MapGather &map_gather) = 0;
	/*
	 * Map @n runs, each a whole number of the smallest page (the caller
	 * checked), in the largest pages their alignment allows, as the
	 * IOMMU core splits one iommu_map(): one virtual call for a list.
	 * Stops at the first failure, with *@done runs mapped whole and
	 * *@partial bytes of the next one mapped from its start.
	 */
	virtual kcxx::Result<void> map_runs(const kx_map_run *runs, size_t n, pgtable::Prot prot,
					    kcxx::AllocContext context, size_t *done, u64 *partial,
					    pgtable::MapGather &map_gather) = 0;
	virtual size_t unmap(u64 iova, u64 pgsize, size_t pgcount, pgtable::Gather &gather) = 0;
	virtual u64 iova_to_phys(u64 iova) = 0;
	/* Once per mapping, in IOVA order, under the table's lock: @visit must not sleep. */
	virtual void for_each_mapping(Visit visit, void *context) = 0;

	/* What the hardware's table base register takes. */
	virtual u64 ttb() const = 0;
	/* iommu_domain.pgsize_bitmap and the aperture [0, iova_limit). */
	virtual u64 page_sizes() const = 0;
	virtual u64 iova_limit() const = 0;
};

/* ShortDescTable<Format> as a PageTable: what a driver's create_table() returns. */
template <typename Format> class ShortDescPageTable final : public PageTable {
	using Table = pgtable::ShortDescTable<Format>;

public:
	static kcxx::Result<kcxx::Owner<PageTable>> create(pgtable::TableMemory &memory,
							    const Format &format = Format{})
	{
		auto table = KCXX_TRY(Table::create(memory, format));
		auto page_table = KCXX_TRY(kcxx::make_owned<ShortDescPageTable>(kcxx::move(table)));

		return kcxx::Owner<PageTable>(page_table.release());
	}

	explicit ShortDescPageTable(kcxx::Owner<Table> table) : table_(kcxx::move(table)) {}

	kcxx::Result<void> map(u64 iova, u64 paddr, u64 pgsize, size_t pgcount, pgtable::Prot prot,
			       kcxx::AllocContext context, size_t *mapped,
			       pgtable::MapGather &map_gather) override
	{
		return table_->map(iova, paddr, pgsize, pgcount, prot, context, mapped, map_gather);
	}

	kcxx::Result<void> map_runs(const kx_map_run *runs, size_t n, pgtable::Prot prot,
				    kcxx::AllocContext context, size_t *done, u64 *partial,
				    pgtable::MapGather &map_gather) override
	{
		for (size_t i = 0; i < n; i++) {
			u64 iova = runs[i].iova, paddr = runs[i].phys, left = runs[i].size;
			size_t mapped = 0;

			while (left) {
				size_t count;
				const u64 pgsize = Table::split(iova, paddr, left, &count);
				kcxx::Result<void> ret =
					pgsize ? table_->map(iova, paddr, pgsize, count, prot, context,
							     &mapped, map_gather)
					       : kcxx::Error(-kcxx::EINVAL);

				if (!ret.ok()) [[unlikely]] {
					*done = i;
					*partial = mapped;
					return ret;
				}
				iova += pgsize * count;
				paddr += pgsize * count;
				left -= pgsize * count;
			}
		}
		*done = n;
		*partial = 0;
		return {};
	}

	size_t unmap(u64 iova, u64 pgsize, size_t pgcount, pgtable::Gather &gather) override
	{
		return table_->unmap(iova, pgsize, pgcount, gather);
	}

	u64 iova_to_phys(u64 iova) override { return table_->iova_to_phys(iova); }

	void for_each_mapping(Visit visit, void *context) override
	{
		table_->for_each_mapping([&](u64 iova, u64 pa, u64 size) { visit(context, iova, pa, size); });
	}

	u64 ttb() const override { return table_->ttb(); }
	u64 page_sizes() const override { return Table::page_sizes(); }
	u64 iova_limit() const override { return Table::kIovaSpace; }

private:
	kcxx::Owner<Table> table_;
};

} // namespace socmmu

#endif

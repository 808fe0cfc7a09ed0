/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a map leaves for the driver: the IOVA range covering every L1
 * entry that map() changed from its empty value (the fault entry, or the
 * link to the shared zero L2 for formats with kUnusedL1PointsToZeroL2) to
 * an L2 table, a section or a supersection.  An IOMMU that caches L1
 * entries, empty ones included, must invalidate that cache over this range
 * before the new mapping can be relied on: Exynos v3.3+ keeps the zero-L2
 * link in its FLPD cache.  Filling an L2 entry under an existing table
 * changes no L1 entry and is not reported.
 *
 * Each L1 entry is recorded after it is written and synced, under the
 * table lock: a caller that sees the range knows its entries are in
 * memory.  A MapGather belongs to one mapping caller, who empties it with
 * reset() once the invalidation is done; map() only widens it, also when
 * it fails after changing an entry.
 */
#ifndef SOCMMU_PGTABLE_MAP_GATHER_H
#define SOCMMU_PGTABLE_MAP_GATHER_H

#include <kcxx/types.h>
#include <kcxx/utility.h>

namespace pgtable {

class MapGather {
public:
	/* No L1 entry changed: nothing to invalidate. */
	bool empty() const { return end_ == 0; }
	/* The range to invalidate, [start, end); meaningful when !empty(). */
	u64 start() const { return start_; }
	u64 end() const { return end_; }

	/* Widen the range to cover [iova, iova + size). */
	void add_range(u64 iova, u64 size)
	{
		start_ = kcxx::min(start_, iova);
		end_ = kcxx::max(end_, iova + size);
	}

	void reset()
	{
		start_ = ~u64{0};
		end_ = 0;
	}

private:
	u64 start_ = ~u64{0};
	u64 end_ = 0;
};

} // namespace pgtable

#endif

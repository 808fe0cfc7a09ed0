/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What an unmap leaves for the driver: the IOVA range whose TLB entries
 * must be invalidated, and the L2 tables that became empty.  An empty L2
 * is unlinked from the L1 (entry cleared and synced) at unmap time, but
 * the walker may still be reading it until the TLB invalidation that
 * follows, so it is only queued here.  The driver frees it with
 * release_tables() after that invalidation, never before.
 *
 * A Gather belongs to one unmapping caller, like the IOMMU core's
 * iommu_iotlb_gather: only that caller's unmap() adds to it.
 */
#ifndef SOCMMU_PGTABLE_GATHER_H
#define SOCMMU_PGTABLE_GATHER_H

#include <kcxx/log.h>
#include <kcxx/types.h>
#include <kcxx/utility.h>

#include "table_memory.h"

namespace pgtable {

/* An L2 table and the engine's bookkeeping for it. */
struct TableNode {
	TableBuffer buffer;
	TableMemory *memory = nullptr;
	/* The next table queued in the same Gather. */
	TableNode *next_free = nullptr;

	/* The walker cannot reach the table any more. */
	void release()
	{
		memory->free(buffer);
		delete this;
	}
};

class Gather : kcxx::Pinned {
public:
	Gather() = default;

	/*
	 * Tables still queued here were never released after an
	 * invalidation: a driver bug.  Freeing them now could hand memory
	 * the walker still reads to someone else, so they are leaked, loudly.
	 */
	~Gather() { KCXX_WARN_ON(tables_ != nullptr); }

	/* Nothing to invalidate. */
	bool empty() const { return end_ == 0; }
	/* The range to invalidate, [start, end); meaningful when !empty(). */
	u64 start() const { return start_; }
	u64 end() const { return end_; }
	bool has_tables() const { return tables_ != nullptr; }

	/* Widen the range to cover [iova, iova + size). */
	void add_range(u64 iova, u64 size)
	{
		start_ = kcxx::min(start_, iova);
		end_ = kcxx::max(end_, iova + size);
	}

	void queue_table(TableNode *node)
	{
		node->next_free = tables_;
		tables_ = node;
	}

	/*
	 * Call after the TLB invalidation of [start, end) has completed:
	 * frees the queued tables and empties the Gather.  Returns how many
	 * tables were freed.
	 */
	size_t release_tables()
	{
		size_t freed = 0;

		while (TableNode *node = tables_) {
			tables_ = node->next_free;
			node->release();
			freed++;
		}
		start_ = ~u64{0};
		end_ = 0;
		return freed;
	}

private:
	u64 start_ = ~u64{0};
	u64 end_ = 0;
	TableNode *tables_ = nullptr;
};

} // namespace pgtable

#endif

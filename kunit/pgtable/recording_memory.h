/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A TableMemory that logs every allocation, sync and free, and fails an
 * allocation on demand.  Tables are real kernel memory at their physical
 * address, so tests walk them exactly as they walk DMA-mapped ones.
 */
#ifndef SOCMMU_PGTABLE_RECORDING_MEMORY_H
#define SOCMMU_PGTABLE_RECORDING_MEMORY_H

#include <kcxx/owner.h>
#include <shim/alloc.h>

#include "../../iommu/pgtable/table_memory.h"
#include "pgtable_tests.h"

namespace pgtable::test {

struct Event {
	enum Kind : u32 { Alloc, Sync, Free } kind;
	u64 table;
	u32 offset;
	u32 bytes;
	kcxx::AllocContext context;
};

class RecordingMemory final : public TableMemory {
public:
	static constexpr size_t kMaxEvents = 64;

	kcxx::Result<TableBuffer> alloc(size_t bytes, kcxx::AllocContext context) override
	{
		if (fail_after_ >= 0 && fail_after_-- == 0)
			return kcxx::Error(-kcxx::ENOMEM);

		void *cpu = kx_kmalloc(bytes, static_cast<kx_alloc_context>(context), true);

		if (!cpu)
			return kcxx::Error(-kcxx::ENOMEM);
		TableBuffer table{cpu, pgt_test_virt_to_phys(cpu) + dma_offset_, bytes};
		table.needs_sync = !coherent_;
		record({Event::Alloc, table.dma, 0, static_cast<u32>(bytes), context});
		live_++;
		return table;
	}

	void sync(const TableBuffer &table, size_t offset, size_t bytes) override
	{
		record({Event::Sync, table.dma, static_cast<u32>(offset), static_cast<u32>(bytes)});
	}

	void free(const TableBuffer &table) override
	{
		record({Event::Free, table.dma, 0, static_cast<u32>(table.bytes)});
		kx_kfree(table.cpu);
		live_--;
	}

	/* Tables from now on need no sync (a coherent walker): sync() must not come. */
	void coherent(bool on) { coherent_ = on; }

	/* Let @successes allocations succeed, fail the next one, then succeed again. */
	void fail_after(int successes) { fail_after_ = successes; }

	/*
	 * Tables from now on claim a walker address @offset above their
	 * physical one: tables the format may be unable to point to.  Such
	 * tables cannot be walked by phys_to_virt.
	 */
	void offset_dma(u64 offset) { dma_offset_ = offset; }

	size_t count() const { return count_; }
	bool overflowed() const { return overflowed_; }
	int live() const { return live_; }
	const Event &event(size_t i) const { return events_[i < kMaxEvents ? i : kMaxEvents - 1]; }

	/* Does event @i match?  Out-of-range @i never does. */
	bool is(size_t i, Event::Kind kind, u64 table, u32 offset, u32 bytes) const
	{
		if (i >= count_ || i >= kMaxEvents)
			return false;
		const Event &e = events_[i];
		return e.kind == kind && e.table == table && e.offset == offset && e.bytes == bytes;
	}

	/* Index of the first event of @kind on @table from @from on, or count(). */
	size_t find(Event::Kind kind, u64 table, size_t from = 0) const
	{
		for (size_t i = from; i < count_ && i < kMaxEvents; i++) {
			if (events_[i].kind == kind && events_[i].table == table)
				return i;
		}
		return count_;
	}

private:
	void record(const Event &event)
	{
		if (count_ < kMaxEvents)
			events_[count_] = event;
		else
			overflowed_ = true;
		count_++;
	}

	Event events_[kMaxEvents] = {};
	size_t count_ = 0;
	bool overflowed_ = false;
	int live_ = 0;
	int fail_after_ = -1;
	u64 dma_offset_ = 0;
	bool coherent_ = false;
};

} // namespace pgtable::test

#endif

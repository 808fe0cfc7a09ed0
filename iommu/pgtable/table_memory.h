/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where page tables live.  The engine asks a TableMemory for zeroed tables
 * the walker can already read, tells it which bytes it changed, and gives
 * tables back once the walker can no longer reach them.  DmaTableMemory
 * does that with the DMA API on the IOMMU's own device; tests substitute
 * a recording implementation to see every step.
 */
#ifndef SOCMMU_PGTABLE_TABLE_MEMORY_H
#define SOCMMU_PGTABLE_TABLE_MEMORY_H

#include <kcxx/log.h>
#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "table_memory_shim.h"

namespace pgtable {

/* One table: what the CPU writes through and what the walker reads. */
struct TableBuffer {
	void *cpu = nullptr;
	u64 dma = 0;
	size_t bytes = 0;
	/*
	 * false: the walker sees CPU writes to this table without any
	 * maintenance (DMA-coherent, not bounced, no DMA_API_DEBUG to
	 * check syncs), so the engine skips sync() for it, as the kernel's
	 * dma_sync_*() would do nothing.  Decided once, when allocated.
	 */
	bool needs_sync = true;
};

class TableMemory {
public:
	/*
	 * A zeroed table of @bytes (a power of two), aligned to @bytes, whose
	 * contents the walker already sees.  -ENOMEM when none can be had;
	 * other errnos when the memory exists but the walker could not use it.
	 */
	virtual kcxx::Result<TableBuffer> alloc(size_t bytes, kcxx::AllocContext context) = 0;

	/*
	 * Publish CPU writes to bytes [offset, offset + bytes) of @table.
	 * Not called for a table whose needs_sync is false.
	 */
	virtual void sync(const TableBuffer &table, size_t offset, size_t bytes) = 0;

	/* Give back a table the walker can no longer reach. */
	virtual void free(const TableBuffer &table) = 0;

protected:
	/* Owned by whoever made it, never deleted through this interface. */
	~TableMemory() = default;
};

/*
 * Production memory: streaming DMA on the IOMMU's own device, through the
 * table-memory shim (table_memory_shim.c) that socmmu_core exports, so any
 * module, driver or test, uses this same code.
 */
class DmaTableMemory final : public TableMemory {
public:
	/* @dev: the IOMMU itself, with its DMA mask set; never a client. */
	explicit DmaTableMemory(struct device *dev) : dev_(dev) {}
	~DmaTableMemory() = default;

	kcxx::Result<TableBuffer> alloc(size_t bytes, kcxx::AllocContext context) override
	{
		TableBuffer table;
		int ret = kx_pgtable_alloc(dev_, bytes, static_cast<kx_alloc_context>(context),
					   &table.cpu, &table.dma, &table.needs_sync);

		if (ret)
			return kcxx::Error(ret);
		table.bytes = bytes;
		__atomic_fetch_add(&live_, 1, __ATOMIC_RELAXED);
		return table;
	}

	void sync(const TableBuffer &table, size_t offset, size_t bytes) override
	{
		/* An engine bug: DMA_API_DEBUG reports it where enabled; refuse it everywhere. */
		if (KCXX_WARN_ON(offset > table.bytes || bytes > table.bytes - offset))
			return;
		kx_pgtable_sync(dev_, table.dma, offset, bytes);
	}

	void free(const TableBuffer &table) override
	{
		kx_pgtable_free(dev_, table.cpu, table.dma, table.bytes);
		__atomic_fetch_sub(&live_, 1, __ATOMIC_RELAXED);
	}

	/* Tables allocated and not yet freed: for leak checks and debugfs. */
	u32 live_tables() const { return __atomic_load_n(&live_, __ATOMIC_RELAXED); }

private:
	struct device *dev_;
	/* Tables are allocated and freed by concurrent map/unmap callers. */
	u32 live_ = 0;
};

} // namespace pgtable

#endif

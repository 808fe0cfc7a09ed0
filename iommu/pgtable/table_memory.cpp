// SPDX-License-Identifier: GPL-2.0
#include <kcxx/log.h>

#include "table_memory.h"

namespace pgtable {

kcxx::Result<TableBuffer> DmaTableMemory::alloc(size_t bytes, kcxx::AllocContext context)
{
	TableBuffer table;
	int ret = kx_pgtable_alloc(dev_, bytes, static_cast<kx_alloc_context>(context), &table.cpu,
				   &table.dma);

	if (ret)
		return kcxx::Error(ret);
	table.bytes = bytes;
	__atomic_fetch_add(&live_, 1, __ATOMIC_RELAXED);
	return table;
}

void DmaTableMemory::sync(const TableBuffer &table, size_t offset, size_t bytes)
{
	/* An engine bug: DMA_API_DEBUG would report it where enabled; refuse it everywhere. */
	if (KCXX_WARN_ON(offset > table.bytes || bytes > table.bytes - offset))
		return;
	kx_pgtable_sync(dev_, table.dma, offset, bytes);
}

void DmaTableMemory::free(const TableBuffer &table)
{
	kx_pgtable_free(dev_, table.cpu, table.dma, table.bytes);
	__atomic_fetch_sub(&live_, 1, __ATOMIC_RELAXED);
}

} // namespace pgtable

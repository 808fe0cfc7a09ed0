/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One device's coherent buffers by IOVA (dma_engine.h, struct
 * dma_engine_buffer): what free(), mmap() and get_sgtable() look up, and
 * what removal sweeps.  An AVL tree (avl_tree.h) under a spinlock taken
 * with interrupts off: allocations may come from atomic context.  O(log n)
 * in the number of live buffers.
 */
#ifndef SOCMMU_DMA_BUFFER_REGISTRY_H
#define SOCMMU_DMA_BUFFER_REGISTRY_H

#include <kcxx/bits.h>
#include <kcxx/errno.h>
#include <kcxx/lock.h>

#include "avl_tree.h"
#include "dma_engine.h"

namespace socmmu::dma {

class BufferRegistry : kcxx::Pinned {
public:
	explicit BufferRegistry(u64 cpu_page) : cpu_page_(cpu_page) {}

	int add(dma_engine_buffer *buf)
	{
		kcxx::IrqSaveGuard guard(lock_);

		if (tree_.find(buf->iova))
			return -kcxx::EEXIST;
		tree_.insert(buf);
		return 0;
	}

	dma_engine_buffer *find(u64 iova, u64 offset, u64 size)
	{
		kcxx::IrqSaveGuard guard(lock_);
		dma_engine_buffer *buf = tree_.find(iova);
		u64 end;

		if (!buf || __builtin_add_overflow(offset, size, &end) ||
		    pages(end) > buf->size || offset >= buf->size)
			return nullptr;
		return buf;
	}

	/* The free() check: the handle, the kernel address and the size must all match. */
	dma_engine_buffer *take(u64 iova, const void *cpu_addr, u64 size)
	{
		kcxx::IrqSaveGuard guard(lock_);
		dma_engine_buffer *buf = tree_.find(iova);

		if (!buf || buf->cpu_addr != cpu_addr || pages(size) != buf->size)
			return nullptr;
		tree_.erase(buf);
		return buf;
	}

	dma_engine_buffer *take_any()
	{
		kcxx::IrqSaveGuard guard(lock_);
		dma_engine_buffer *buf = tree_.first();

		if (buf)
			tree_.erase(buf);
		return buf;
	}

	void shape(u64 *count, u64 *height)
	{
		kcxx::IrqSaveGuard guard(lock_);

		*count = tree_.size();
		*height = static_cast<u64>(tree_.height());
	}

private:
	struct Traits {
		static u64 key(const dma_engine_buffer &buf) { return buf.iova; }
		static void augment(dma_engine_buffer &) {}
	};

	/* @bytes in whole CPU pages; a size that rounds past 2^64 matches nothing. */
	u64 pages(u64 bytes) const
	{
		return bytes > ~u64{0} - (cpu_page_ - 1) ? ~u64{0} : kcxx::align_up(bytes, cpu_page_);
	}

	const u64 cpu_page_;
	kcxx::SpinLock lock_{KCXX_LOCK_CLASS("socmmu_dma.buffers")};
	AvlTree<dma_engine_buffer, Traits> tree_;	/* under lock_ */
};

} // namespace socmmu::dma

#endif

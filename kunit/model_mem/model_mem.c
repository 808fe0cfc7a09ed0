// SPDX-License-Identifier: GPL-2.0
/*
 * The models' table-walker reads (model_mem.h).
 */
#include <linux/atomic.h>
#include <linux/export.h>
#include <linux/io.h>
#include <linux/kasan.h>
#include <linux/mm.h>
#include <linux/spinlock.h>

#include "model_mem.h"

/*
 * Are the 4 bytes at va readable, as KASAN sees them?  Reads the shadow
 * directly (no report): generic KASAN keeps one shadow byte per 8 bytes, 0
 * when all are accessible, k in 1..7 when the first k are, negative for
 * freed memory and redzones.
 */
static bool __no_sanitize_address model_mem_kasan_readable(const void *va)
{
#if defined(CONFIG_KASAN_GENERIC)
	s8 shadow = *(s8 *)kasan_mem_to_shadow(va);
	unsigned long last = ((unsigned long)va & 7) + 4;

	return shadow == 0 || (shadow > 0 && last <= (unsigned long)shadow);
#else
	return true;
#endif
}

#define MODEL_MEM_RELEASED_MAX	16

/* Ranges given back by dma_unmap: [start, end), end == 0 for a free slot. */
static struct {
	u64 start, end;
} model_mem_released[MODEL_MEM_RELEASED_MAX];
static DEFINE_RAW_SPINLOCK(model_mem_lock);
/* Slots in use: every walker read checks it, and it is nearly always 0. */
static atomic_t model_mem_nr_released = ATOMIC_INIT(0);

static bool model_mem_is_released(u64 pa)
{
	unsigned long flags;
	bool hit = false;
	unsigned int i;

	if (!atomic_read(&model_mem_nr_released))
		return false;
	raw_spin_lock_irqsave(&model_mem_lock, flags);
	for (i = 0; i < MODEL_MEM_RELEASED_MAX && !hit; i++)
		hit = pa >= model_mem_released[i].start && pa < model_mem_released[i].end;
	raw_spin_unlock_irqrestore(&model_mem_lock, flags);
	return hit;
}

/**
 * model_mem_mark_released() - the walker may no longer read a range
 * @pa: physical address of its first byte
 * @len: its length
 *
 * Return: 0, or -ENOSPC when every slot holds a range.
 */
int model_mem_mark_released(u64 pa, size_t len)
{
	unsigned long flags;
	unsigned int i;
	int ret = -ENOSPC;

	raw_spin_lock_irqsave(&model_mem_lock, flags);
	for (i = 0; i < MODEL_MEM_RELEASED_MAX; i++) {
		if (!model_mem_released[i].end) {
			model_mem_released[i].start = pa;
			model_mem_released[i].end = pa + len;
			atomic_inc(&model_mem_nr_released);
			ret = 0;
			break;
		}
	}
	raw_spin_unlock_irqrestore(&model_mem_lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(model_mem_mark_released);

/**
 * model_mem_mark_live() - forget every released range that overlaps one
 * @pa: physical address of its first byte
 * @len: its length
 */
void model_mem_mark_live(u64 pa, size_t len)
{
	unsigned long flags;
	unsigned int i;

	raw_spin_lock_irqsave(&model_mem_lock, flags);
	for (i = 0; i < MODEL_MEM_RELEASED_MAX; i++) {
		if (model_mem_released[i].start < pa + len && pa < model_mem_released[i].end) {
			model_mem_released[i].start = 0;
			model_mem_released[i].end = 0;
			atomic_dec(&model_mem_nr_released);
		}
	}
	raw_spin_unlock_irqrestore(&model_mem_lock, flags);
}
EXPORT_SYMBOL_GPL(model_mem_mark_live);

/**
 * model_mem_read_desc() - read a descriptor as a table walker does
 * @table_pa: physical address of the table's first byte
 * @pa: physical address of the descriptor
 * @val: the descriptor, when MODEL_MEM_OK
 *
 * A freed page-allocator page has no references (the table's first page
 * is checked: the tail pages of a non-compound higher-order allocation
 * have none either); freed slab memory is seen through KASAN's shadow.
 * Nothing is dereferenced unless it is live.
 *
 * Return: what the walker found.
 */
enum model_mem model_mem_read_desc(u64 table_pa, u64 pa, u32 *val)
{
	struct page *table_page;
	const __le32 *va;

	if (!pfn_valid(PHYS_PFN(table_pa)) || !pfn_valid(PHYS_PFN(pa)))
		return MODEL_MEM_NOT_RAM;
	/*
	 * Reserved pages (the kernel image, memblock's holes) are never
	 * tables, and on UML some are not even mapped: a table pointer into
	 * them is a driver bug to report, not to dereference.
	 */
	if (PageReserved(pfn_to_page(PHYS_PFN(table_pa))) ||
	    PageReserved(pfn_to_page(PHYS_PFN(pa))))
		return MODEL_MEM_NOT_RAM;
	table_page = pfn_to_page(PHYS_PFN(table_pa));
	va = phys_to_virt(pa);
	if ((!PageSlab(table_page) && page_count(table_page) == 0) ||
	    !model_mem_kasan_readable(va) || model_mem_is_released(pa))
		return MODEL_MEM_FREED;
	*val = le32_to_cpu(READ_ONCE(*va));
	return MODEL_MEM_OK;
}
EXPORT_SYMBOL_GPL(model_mem_read_desc);

// SPDX-License-Identifier: GPL-2.0
/*
 * The models' table-walker reads (model_mem.h).
 */
#include <linux/export.h>
#include <linux/io.h>
#include <linux/kasan.h>
#include <linux/mm.h>

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
	    !model_mem_kasan_readable(va))
		return MODEL_MEM_FREED;
	*val = le32_to_cpu(READ_ONCE(*va));
	return MODEL_MEM_OK;
}
EXPORT_SYMBOL_GPL(model_mem_read_desc);

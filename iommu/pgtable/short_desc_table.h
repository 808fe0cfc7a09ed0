/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ShortDescTable<Format>: the two-level ARM short-descriptor page table
 * behind the OMAP, Exynos and MSM (ARMv7s) IOMMUs.  The engine knows the
 * geometry and the rules (alignment, overlap, replicas, table lifetime,
 * cache maintenance); the Format object it keeps knows the bits
 * (format.h).
 *
 * Semantics follow iommu_domain_ops (see Documentation/page-tables.rst):
 *  - map() is map_pages: @pgcount pages of @pgsize, which the IOMMU core
 *    picked; *@mapped grows by every page mapped, also when a later page
 *    fails.
 *  - unmap() is unmap_pages: returns the bytes unmapped, 0 when nothing is
 *    mapped at @iova.  What the TLB must forget goes to a Gather.
 *  - What map() changed in the L1, which IOMMUs that cache L1 entries
 *    must invalidate, goes to a MapGather.
 *  - Errors are returned, never logged: the driver knows which device and
 *    domain they concern and logs them.
 *
 * Locking: the core maps and unmaps disjoint ranges concurrently, but two
 * disjoint ranges can share an L2 table.  Leaf entries are written without
 * a lock, as io-pgtable-arm-v7s writes them: each caller owns its entries.
 * What they share is the L2's life, and that is a count per L1 slot
 * (live_): the L2's valid entries plus the callers working in it right
 * now.  A caller pins the L2 by raising a non-zero count (an atomic
 * compare-and-swap), so it cannot be freed under the caller; the caller
 * that brings the count to zero retires the L2.  One spinlock, taken with
 * interrupts off (map_pages may run in atomic context), covers the rare
 * steps only: installing an L2 (allocated unlocked beforehand; the one
 * installed first wins and the others give theirs back), reviving a
 * linked L2 whose count reached zero, retiring it (unlink and queueing in
 * a Gather), and the readers (iova_to_phys, for_each_mapping), for which
 * it keeps linked L2s alive.  An L1 entry goes from empty to an L2 link,
 * a section or a supersection replica only by compare-and-swap, so
 * mapping a section needs no lock, and a block, its mapper's alone, is
 * unmapped without it too.  Overlapping
 * callers are a caller bug, as for the kernel's tables: they may see
 * each other's entries, and an L2 they leave empty stays linked until the
 * next unmap in its megabyte or the table's end.
 *
 * The driver must stop the hardware from walking the table (detach, TTB
 * cleared) before destroying it.
 */
#ifndef SOCMMU_PGTABLE_SHORT_DESC_TABLE_H
#define SOCMMU_PGTABLE_SHORT_DESC_TABLE_H

#include <kcxx/atomic.h>
#include <kcxx/bits.h>
#include <kcxx/errno.h>
#include <kcxx/lock.h>
#include <kcxx/log.h>
#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>
#include <kcxx/utility.h>

#include "format.h"
#include "gather.h"
#include "map_gather.h"
#include "table_memory.h"

namespace pgtable {

template <typename Format> class ShortDescTable : kcxx::Pinned {
	using Entry = typename Format::Entry;

	static constexpr unsigned int kL1Shift = 20;
	static constexpr unsigned int kL2Shift = 12;
	static constexpr u32 kL1Entries = 4096;
	static constexpr u32 kL2Entries = 256;
	static constexpr u64 kAllSizes = kSize4K | kSize64K | kSize1M | kSize16M;

	static_assert(sizeof(Entry) == 4, "short descriptors are 32 bits");
	static_assert(kAllSizes == KX_PGTABLE_PAGE_SIZES, "the framework's iommu_ops sizes");
	static_assert((u64{1} << 32) == KX_PGTABLE_IOVA_LIMIT, "the framework's aperture");
	static_assert(Format::kL1Entries == kL1Entries && Format::kL2Entries == kL2Entries,
		      "short-descriptor geometry: 4096 x 1 MB, then 256 x 4 KB");
	static_assert(Format::kL1Bytes == kL1Entries * sizeof(Entry) &&
		      Format::kL2Bytes == kL2Entries * sizeof(Entry));
	static_assert((Format::kPageSizes & kSize4K) && !(Format::kPageSizes & ~kAllSizes),
		      "4 KB pages and only short-descriptor sizes");
	static_assert(!(Format::kProtHonoured & ~kProtAll), "only IOMMU_READ..IOMMU_PRIV exist");
	static_assert(Format::kFault == 0, "tables come zeroed: a new table must be all faults");

public:
	/* The IOVA aperture: 32 bits. */
	static constexpr u64 kIovaSpace = u64{1} << 32;

	/*
	 * An empty table in @format, which the table keeps (format.h).  Only
	 * the L1 (and the shared zero L2 of formats that need one) is
	 * allocated; L2 tables come with the first mapping that needs them.
	 * -EINVAL: @format's pa_bits() is outside 32..63.
	 */
	static kcxx::Result<kcxx::Owner<ShortDescTable>> create(TableMemory &memory,
								const Format &format = Format{})
	{
		if (format.pa_bits() < 32 || format.pa_bits() > 63)
			return kcxx::Error(-kcxx::EINVAL);

		TableBuffer l1 = KCXX_TRY(alloc_table(memory, format, Format::kL1Bytes,
						      kcxx::AllocContext::Sleepable));
		auto slots = kcxx::OwnedArray<TableNode *>::create(kL1Entries);
		auto live = kcxx::OwnedArray<u32>::create(kL1Entries);
		TableBuffer zero_l2;

		if (!slots.ok() || !live.ok()) {
			memory.free(l1);
			return kcxx::Error(-kcxx::ENOMEM);
		}
		if constexpr (Format::kUnusedL1PointsToZeroL2) {
			auto zero = alloc_table(memory, format, Format::kL2Bytes,
						kcxx::AllocContext::Sleepable);

			if (!zero.ok()) {
				memory.free(l1);
				return zero.error();
			}
			zero_l2 = zero.value();
		}

		auto *table = new (std::nothrow)
			ShortDescTable(memory, format, l1, zero_l2, kcxx::move(slots).value(),
				       kcxx::move(live).value());
		if (!table) {
			if (zero_l2.cpu)
				memory.free(zero_l2);
			memory.free(l1);
			return kcxx::Error(-kcxx::ENOMEM);
		}
		if constexpr (Format::kUnusedL1PointsToZeroL2) {
			for (u32 i = 0; i < kL1Entries; i++)
				write_entry(&table->l1()[i], table->empty_l1_);
			sync(memory, l1, 0, Format::kL1Bytes);
		}
		return kcxx::Owner<ShortDescTable>(table);
	}

	~ShortDescTable()
	{
		for (TableNode *&node : l2_) {
			if (node)
				kcxx::exchange(node, nullptr)->release();
		}
		if (zero_l2_.cpu)
			memory_.free(zero_l2_);
		memory_.free(l1_);
	}

	/* What the TTB register takes: the L1's physical (= DMA) address. */
	u64 ttb() const { return l1_.dma; }

	/* iommu_domain.pgsize_bitmap. */
	static constexpr u64 page_sizes() { return Format::kPageSizes; }

	/*
	 * For callers that map ranges themselves (remoteproc-like carveouts):
	 * the largest supported page size to which both @iova and @paddr are
	 * aligned and which is no larger than @size; 0 when even the smallest
	 * does not fit.
	 */
	static constexpr u64 pick_page_size(u64 iova, u64 paddr, u64 size)
	{
		for (u64 sizes = Format::kPageSizes; sizes;) {
			const u64 pgsize = u64{1} << kcxx::ilog2(sizes);

			if (pgsize <= size && kcxx::is_aligned(iova | paddr, pgsize))
				return pgsize;
			sizes &= ~pgsize;
		}
		return 0;
	}

	/*
	 * iommu_pgsize() for callers that map runs themselves: the page size
	 * to map the start of [@iova, @iova + @size) at @paddr with (as
	 * pick_page_size()), and in *@count how many of them to map before a
	 * larger page could start; 0 when even the smallest does not fit.  A
	 * run shorter than the second smallest page is all smallest pages,
	 * without a search.
	 */
	static constexpr u64 split(u64 iova, u64 paddr, u64 size, size_t *count)
	{
		constexpr u64 kSmallest = Format::kPageSizes & (~Format::kPageSizes + 1);
		constexpr u64 kLarger = Format::kPageSizes & ~kSmallest;
		constexpr u64 kSecond = kLarger & (~kLarger + 1);
		u64 pgsize, len = size;

		*count = 0;
		if (kLarger && size < kSecond) {
			if (!kcxx::is_aligned(iova | paddr, kSmallest))
				return 0;
			pgsize = kSmallest;
		} else {
			pgsize = pick_page_size(iova, paddr, size);
			if (!pgsize)
				return 0;
			const u64 larger = Format::kPageSizes & ~(2 * pgsize - 1);
			const u64 next = larger & (~larger + 1);

			if (larger && !((iova ^ paddr) & (next - 1)))
				len = kcxx::min(len, next - (iova & (next - 1)));
		}
		*count = static_cast<size_t>(len >> kcxx::ilog2(pgsize));
		return *count ? pgsize : 0;
	}

	/*
	 * map_pages.  -EINVAL: @pgsize unsupported, @pgcount 0, @iova or
	 * @paddr not aligned to @pgsize, or @prot grants no access on a format
	 * that cannot say so (Format::kAccessRequired); -ERANGE: the range leaves the IOVA
	 * aperture or the format's physical address space (pa_bits());
	 * -EEXIST: a page would overlap a valid entry (that page is left
	 * untouched); -ENOMEM: no L2 table could be had.  @prot goes to the
	 * format's encoders as it is.  Every L1 entry changed from empty to a
	 * table, section or supersection widens @map_gather by its range
	 * (map_gather.h), also when a later page fails.
	 */
	[[gnu::always_inline]] kcxx::Result<void> map(u64 iova, u64 paddr, u64 pgsize,
						      size_t pgcount, Prot prot,
						      kcxx::AllocContext context, size_t *mapped,
						      MapGather &map_gather)
	{
		/*
		 * The IOMMU core's commonest call, a run of 4 KB pages, is
		 * checked and mapped here, inline in the caller, with every
		 * check specialised to the size; the other sizes and every
		 * slow step are calls.
		 */
		if (pgsize == kSize4K)
			return map_pages<kSize4K>(iova, paddr, pgcount, prot, context, mapped,
						  map_gather);
		return map_other(iova, paddr, pgsize, pgcount, prot, context, mapped, map_gather);
	}

	/*
	 * unmap_pages.  Removes the entries found from @iova on, up to
	 * @pgsize * @pgcount bytes, and stops early at the first address that
	 * is not mapped.  Nothing is mapped past the aperture, so a range
	 * that runs past it stops at its end like at any hole, after
	 * removing what lies below it.  An entry that starts at a removed
	 * address is removed whole, even if it extends past the range, and
	 * the bytes returned include it.  An entry that starts before @iova
	 * is not touched: 0.  Invalid arguments, and an @iova outside the
	 * aperture, also give 0.  The removed range and any L2 that became
	 * empty go to @gather.
	 */
	size_t unmap(u64 iova, u64 pgsize, size_t pgcount, Gather &gather)
	{
		if (!supported(pgsize) || !pgcount || !kcxx::is_aligned(iova, pgsize) ||
		    iova >= kIovaSpace)
			return 0;

		const u64 end = fits(iova, pgsize, pgcount, kIovaSpace)
					? iova + (u64{pgcount} << kcxx::ilog2(pgsize))
					: kIovaSpace;
		u64 pos = iova;

		while (pos < end) {
			const u64 removed = unmap_in_l1(pos, end, gather);

			if (!removed)
				break;
			pos += removed;
		}
		if (pos > iova)
			gather.add_range(iova, pos - iova);
		return static_cast<size_t>(pos - iova);
	}

	/* The physical address @iova translates to, or 0. */
	u64 iova_to_phys(u64 iova)
	{
		if (iova >= kIovaSpace)
			return 0;

		kcxx::IrqSaveGuard guard(lock_);
		const Entry l1e = l1()[l1_index(iova)];

		if (TableNode *node = l2_[l1_index(iova)]) {
			const Entry l2e = read_entry(&entries(node)[l2_index(iova)]);

			switch (format_.l2_kind(l2e)) {
			case L2Kind::Small:
				return format_.l2_page_pa(l2e) + (iova & (kSize4K - 1));
			case L2Kind::Large:
				return format_.l2_page_pa(l2e) + (iova & (kSize64K - 1));
			default:
				return 0;
			}
		}
		if (l1e == empty_l1_)
			return 0;
		switch (format_.l1_kind(l1e)) {
		case L1Kind::Section:
			return format_.l1_block_pa(l1e) + (iova & (kSize1M - 1));
		case L1Kind::Supersection:
			return format_.l1_block_pa(l1e) + (iova & (kSize16M - 1));
		default:
			return 0;
		}
	}

	/*
	 * Calls @visit(iova, pa, size) once per mapped page, section or
	 * supersection (not per replica), in IOVA order, walking only the L2
	 * tables that exist.  Runs under the table lock, so an unmap cannot
	 * free an L2 mid-walk: @visit must not sleep or call into the table.
	 * For debugfs dumps.
	 */
	template <typename Visit> void for_each_mapping(Visit &&visit)
	{
		kcxx::IrqSaveGuard guard(lock_);

		for (u32 i1 = 0; i1 < kL1Entries; i1++) {
			const u64 base = u64{i1} << kL1Shift;
			const Entry l1e = l1()[i1];

			if (TableNode *node = l2_[i1]) {
				const Entry *l2 = entries(node);

				for (u32 i2 = 0; i2 < kL2Entries; i2++) {
					const u64 iova = base + (u64{i2} << kL2Shift);
					const Entry l2e = read_entry(&l2[i2]);

					switch (format_.l2_kind(l2e)) {
					case L2Kind::Small:
						visit(iova, format_.l2_page_pa(l2e), kSize4K);
						break;
					case L2Kind::Large:
						visit(iova, format_.l2_page_pa(l2e), kSize64K);
						i2 += (kSize64K >> kL2Shift) - 1;
						break;
					default:
						break;
					}
				}
				continue;
			}
			if (l1e == empty_l1_)
				continue;
			switch (format_.l1_kind(l1e)) {
			case L1Kind::Section:
				visit(base, format_.l1_block_pa(l1e), kSize1M);
				break;
			case L1Kind::Supersection:
				visit(base, format_.l1_block_pa(l1e), kSize16M);
				i1 += (kSize16M >> kL1Shift) - 1;
				break;
			default:
				break;
			}
		}
	}

private:
	ShortDescTable(TableMemory &memory, const Format &format, TableBuffer l1,
		       TableBuffer zero_l2, kcxx::OwnedArray<TableNode *> l2,
		       kcxx::OwnedArray<u32> live)
		: memory_(memory), format_(format), l1_(l1), zero_l2_(zero_l2),
		  empty_l1_(unused_l1_entry(format, zero_l2)), l2_(kcxx::move(l2)),
		  live_(kcxx::move(live))
	{
	}

	static constexpr bool supported(u64 pgsize)
	{
		return kcxx::is_power_of_2(pgsize) && (Format::kPageSizes & pgsize);
	}

	/* [base, base + pgsize * pgcount) inside [0, limit), without dividing. */
	static constexpr bool fits(u64 base, u64 pgsize, size_t pgcount, u64 limit)
	{
		return base < limit && u64{pgcount} <= ((limit - base) >> kcxx::ilog2(pgsize));
	}

	static constexpr u32 l1_index(u64 iova) { return static_cast<u32>(iova >> kL1Shift); }

	static constexpr u32 l2_index(u64 iova)
	{
		return static_cast<u32>(iova >> kL2Shift) & (kL2Entries - 1);
	}

	static u64 pa_space(const Format &format) { return u64{1} << format.pa_bits(); }

	/*
	 * A table the walker can use: the TableMemory promises alignment, and
	 * the format must be able to hold its address.
	 */
	static kcxx::Result<TableBuffer> alloc_table(TableMemory &memory, const Format &format,
						     size_t bytes, kcxx::AllocContext context)
	{
		TableBuffer table = KCXX_TRY(memory.alloc(bytes, context));

		if (!kcxx::is_aligned(table.dma, u64{bytes}) || table.dma >= pa_space(format)) {
			memory.free(table);
			return kcxx::Error(-kcxx::EFAULT);
		}
		return table;
	}

	/* Stores the walker may see at any time: never torn, never merged. */
	static void write_entry(Entry *slot, Entry value)
	{
		*static_cast<volatile Entry *>(slot) = value;
	}

	/* Leaf entries change without the lock: read each once, whole. */
	static Entry read_entry(const Entry *slot)
	{
		return *static_cast<const volatile Entry *>(slot);
	}

	Entry *l1() const { return static_cast<Entry *>(l1_.cpu); }
	static Entry *entries(TableNode *node) { return static_cast<Entry *>(node->buffer.cpu); }

	/* What an unused L1 entry holds. */
	static Entry unused_l1_entry(const Format &format, const TableBuffer &zero_l2)
	{
		if constexpr (Format::kUnusedL1PointsToZeroL2)
			return format.l1_table(zero_l2.dma);
		else
			return Format::kFault;
	}

	/* Cache maintenance of what the CPU wrote, unless the table needs none. */
	static void sync(TableMemory &memory, const TableBuffer &table, size_t offset, size_t bytes)
	{
		if (table.needs_sync)
			memory.sync(table, offset, bytes);
	}

	void sync_l1(u32 first, u32 count)
	{
		sync(memory_, l1_, first * sizeof(Entry), count * sizeof(Entry));
	}

	/* A 1 MB section or 16 MB supersection (16 replicas), all or nothing. */
	kcxx::Result<void> map_block(u64 iova, u64 paddr, u64 pgsize, Prot prot,
				     MapGather &map_gather)
	{
		const u32 first = l1_index(iova);
		const u32 count = static_cast<u32>(pgsize >> kL1Shift);
		const Entry entry = block_entry(paddr, pgsize, prot);
		Entry *slots = l1() + first;

		/*
		 * No lock: disjoint callers never share these L1 entries, and
		 * each replica is claimed from empty with a compare-and-swap,
		 * as an L2 install claims its entry, so an overlapping caller
		 * (or a linked L2: its entry is not empty) makes this -EEXIST
		 * with the replicas claimed so far given back.  A mapping in
		 * the way is seen before anything is written.
		 */
		for (u32 i = 0; i < count; i++) {
			if (read_entry(&slots[i]) != empty_l1_)
				return kcxx::Error(-kcxx::EEXIST);
		}
		for (u32 i = 0; i < count; i++) {
			Entry expected = empty_l1_;

			if (!kcxx::cmpxchg_acquire(&slots[i], &expected, entry)) {
				for (u32 j = 0; j < i; j++)
					write_entry(&slots[j], empty_l1_);
				if (i)
					sync_l1(first, i);
				return kcxx::Error(-kcxx::EEXIST);
			}
		}
		sync_l1(first, count);
		map_gather.add_range(iova, pgsize);
		return {};
	}

	Entry block_entry(u64 paddr, u64 pgsize, Prot prot) const
	{
		if constexpr (Format::kPageSizes & kSize16M) {
			if (pgsize == kSize16M)
				return format_.l1_supersection(paddr, prot);
		}
		return format_.l1_section(paddr, prot);
	}

	/* map() of a size other than 4 KB, or of an unsupported one. */
	[[gnu::noinline]] kcxx::Result<void> map_other(u64 iova, u64 paddr, u64 pgsize,
						       size_t pgcount, Prot prot,
						       kcxx::AllocContext context, size_t *mapped,
						       MapGather &map_gather)
	{
		if (pgsize == kSize64K)
			return map_pages<kSize64K>(iova, paddr, pgcount, prot, context, mapped,
						   map_gather);
		if (!supported(pgsize) || !pgcount)
			return kcxx::Error(-kcxx::EINVAL);
		if (access_required<Format>() && !(prot & (kProtRead | kProtWrite)))
			return kcxx::Error(-kcxx::EINVAL);
		if (!kcxx::is_aligned(iova, pgsize) || !kcxx::is_aligned(paddr, pgsize))
			return kcxx::Error(-kcxx::EINVAL);
		if (!fits(iova, pgsize, pgcount, kIovaSpace) ||
		    !fits(paddr, pgsize, pgcount, pa_space(format_)))
			return kcxx::Error(-kcxx::ERANGE);
		for (size_t i = 0; i < pgcount; i++) {
			KCXX_TRY(map_block(iova, paddr, pgsize, prot, map_gather));
			*mapped += pgsize;
			iova += pgsize;
			paddr += pgsize;
		}
		return {};
	}

	/*
	 * map() of @pgcount pages of 4 KB or 64 KB (16 replicas each).  The
	 * pages in one L2 go together: one pin, one sync per L2.  Each page is
	 * all or nothing: the pages before the first one that overlaps a
	 * valid entry are written and synced, and counted in *@mapped.
	 *
	 * Inline, a run that stays in one live L2 (every call of one page,
	 * most calls of more): the checks, one compare-and-swap on the L2's
	 * count, the entries.  Anything else, map_runs().
	 */
	template <u64 kPgSize>
	[[gnu::always_inline]] kcxx::Result<void> map_pages(u64 iova, u64 paddr, size_t pgcount,
							    Prot prot, kcxx::AllocContext context,
							    size_t *mapped, MapGather &map_gather)
	{
		constexpr u32 kPerPage = static_cast<u32>(kPgSize >> kL2Shift);

		if (!pgcount || (access_required<Format>() && !(prot & (kProtRead | kProtWrite))) ||
		    ((iova | paddr) & (kPgSize - 1)))
			return kcxx::Error(-kcxx::EINVAL);
		if (!fits(iova, kPgSize, pgcount, kIovaSpace) ||
		    !fits(paddr, kPgSize, pgcount, pa_space(format_)))
			return kcxx::Error(-kcxx::ERANGE);

		const u32 first = l2_index(iova);

		if (pgcount <= (kL2Entries - first) / kPerPage) [[likely]] {
			const u32 i1 = l1_index(iova);
			const u32 pages = static_cast<u32>(pgcount);

			if (TableNode *node = try_pin(i1, pages * kPerPage)) [[likely]]
				return fill<kPgSize>(node, i1, first, paddr, pages, prot, mapped);
		}
		return map_runs<kPgSize>(iova, paddr, pgcount, prot, context, mapped, map_gather);
	}

	/* What map_pages() does not do inline: runs over several L2s, pins under the lock. */
	template <u64 kPgSize>
	[[gnu::noinline]] kcxx::Result<void> map_runs(u64 iova, u64 paddr, size_t pgcount,
						      Prot prot, kcxx::AllocContext context,
						      size_t *mapped, MapGather &map_gather)
	{
		constexpr u32 kPerPage = static_cast<u32>(kPgSize >> kL2Shift);
		constexpr unsigned int kShift = kcxx::ilog2(kPgSize);

		while (pgcount) {
			const u32 i1 = l1_index(iova);
			const u32 first = l2_index(iova);
			const u32 pages = static_cast<u32>(
				kcxx::min(u64{pgcount}, u64{(kL2Entries - first) / kPerPage}));
			TableNode *node = try_pin(i1, pages * kPerPage);

			if (!node)
				node = KCXX_TRY(pin_for_map(i1, iova, pages * kPerPage, context,
							    map_gather));
			KCXX_TRY(fill<kPgSize>(node, i1, first, paddr, pages, prot, mapped));
			iova += u64{pages} << kShift;
			paddr += u64{pages} << kShift;
			pgcount -= pages;
		}
		return {};
	}

	/*
	 * @pages pages from entry @first of the L2 @node at @i1, whose count
	 * the caller raised by their entries.  The pages before the first
	 * one that overlaps a valid entry are written, with one sync, and
	 * counted in *@mapped; the count of the others is given back.  The
	 * first page is written here, inline; the others by write_pages().
	 */
	template <u64 kPgSize>
	[[gnu::always_inline]] kcxx::Result<void> fill(TableNode *node, u32 i1, u32 first, u64 paddr,
						       u32 pages, Prot prot, size_t *mapped)
	{
		constexpr u32 kPerPage = static_cast<u32>(kPgSize >> kL2Shift);
		constexpr unsigned int kShift = kcxx::ilog2(kPgSize);
		Entry *ptes = entries(node) + first;
		u32 fit = 0;

		if (page_free<kPgSize>(ptes)) [[likely]] {
			write_page<kPgSize>(ptes, encode<kPgSize>(paddr, prot));
			fit = 1;
			if (pages > 1)
				fit += write_pages<kPgSize>(ptes + kPerPage, paddr + kPgSize,
							    pages - 1, prot);
			if (node->buffer.needs_sync)
				memory_.sync(node->buffer, first * sizeof(Entry),
					     fit * kPerPage * sizeof(Entry));
			*mapped += static_cast<size_t>(u64{fit} << kShift);
		}
		if (fit != pages) [[unlikely]]
			return give_back(i1, (pages - fit) * kPerPage);
		return {};
	}

	/* Are the @kPgSize page's entries at @ptes all faults? */
	template <u64 kPgSize> static bool page_free(const Entry *ptes)
	{
		for (u32 i = 0; i < (kPgSize >> kL2Shift); i++) {
			if (read_entry(&ptes[i]) != Format::kFault)
				return false;
		}
		return true;
	}

	template <u64 kPgSize> static void write_page(Entry *ptes, Entry entry)
	{
		for (u32 i = 0; i < (kPgSize >> kL2Shift); i++)
			write_entry(&ptes[i], entry);
	}

	template <u64 kPgSize> Entry encode(u64 pa, Prot prot) const
	{
		return kPgSize == kSize64K ? format_.l2_large(pa, prot) : format_.l2_small(pa, prot);
	}

	/* fill()'s pages after the first: how many were free and written. */
	template <u64 kPgSize>
	[[gnu::noinline]] u32 write_pages(Entry *ptes, u64 paddr, u32 pages, Prot prot)
	{
		constexpr u32 kPerPage = static_cast<u32>(kPgSize >> kL2Shift);
		u32 fit = 0;

		while (fit < pages && page_free<kPgSize>(ptes + fit * kPerPage))
			fit++;
		for (u32 page = 0; page < fit; page++)
			write_page<kPgSize>(ptes + page * kPerPage,
					    encode<kPgSize>(paddr + page * kPgSize, prot));
		return fit;
	}

	/*
	 * A run stopped at a valid entry: give back the pin of the pages not
	 * written.  The entry in the way is counted, so the count stays above
	 * zero unless an overlapping caller removes it meanwhile (a caller
	 * bug): then the empty L2 stays linked for the next unmap to retire.
	 */
	[[gnu::noinline]] kcxx::Result<void> give_back(u32 i1, u32 count)
	{
		kcxx::sub_return(&live_[i1], count);
		return kcxx::Error(-kcxx::EEXIST);
	}

	/*
	 * Raises the count of the L2 at @i1 by @count if it is linked and
	 * alive (non-zero): then it cannot be retired until the count is
	 * given back, and the node read after the raise is the one linked.
	 */
	TableNode *try_pin(u32 i1, u32 count)
	{
		/* @i1 is below kL1Entries: the callers checked the range. */
		u32 *live = live_.data() + i1;
		u32 seen = __atomic_load_n(live, __ATOMIC_RELAXED);

		while (seen) {
			if (kcxx::cmpxchg_acquire(live, &seen, seen + count))
				return __atomic_load_n(l2_.data() + i1, __ATOMIC_RELAXED);
		}
		return nullptr;
	}

	/*
	 * try_pin() found no live L2 at @i1: pin it under the lock, reviving
	 * or installing one.
	 */
	[[gnu::noinline]] kcxx::Result<TableNode *> pin_for_map(u32 i1, u64 iova, u32 count,
								kcxx::AllocContext context,
								MapGather &map_gather)
	{
		TableNode *spare = nullptr;

		for (;;) {
			bool need_table = false;
			kcxx::Result<TableNode *> node =
				pin_locked(i1, iova, count, spare, &need_table, map_gather);

			if (!need_table) {
				/* Another caller installed an L2 while we allocated ours. */
				if (spare)
					spare->release();
				return node;
			}
			spare = KCXX_TRY(new_l2(context));
		}
	}

	kcxx::Result<TableNode *> pin_locked(u32 i1, u64 iova, u32 count, TableNode *&spare,
					     bool *need_table, MapGather &map_gather)
	{
		kcxx::IrqSaveGuard guard(lock_);

		if (TableNode *node = l2_[i1]) {
			/*
			 * Linked but at zero: emptied by a caller who has not
			 * taken the lock to retire it yet (it will find it
			 * alive), or by an overlapping caller.  Revive it.
			 */
			kcxx::add_return(&live_[i1], count);
			return node;
		}
		if (l1()[i1] != empty_l1_)
			return kcxx::Error(-kcxx::EEXIST);
		if (!spare) {
			*need_table = true;
			return nullptr;
		}
		/*
		 * The L2 is zeroed and cleaned: only now may the L1 point to it.
		 * Claimed from empty, as map_block() claims its entries without
		 * the lock: a block that came meanwhile wins, -EEXIST.
		 */
		Entry expected = empty_l1_;

		if (!kcxx::cmpxchg_acquire(&l1()[i1], &expected, format_.l1_table(spare->buffer.dma)))
			return kcxx::Error(-kcxx::EEXIST);
		TableNode *node = kcxx::exchange(spare, nullptr);
		sync_l1(i1, 1);
		__atomic_store_n(&l2_[i1], node, __ATOMIC_RELAXED);
		/* Publishes the node: a pin that reads this count reads the node. */
		__atomic_store_n(&live_[i1], count, __ATOMIC_RELEASE);
		map_gather.add_range(kcxx::align_down(iova, kSize1M), kSize1M);
		return node;
	}

	kcxx::Result<TableNode *> new_l2(kcxx::AllocContext context)
	{
		auto node = context == kcxx::AllocContext::Atomic ? kcxx::make_owned_atomic<TableNode>()
								  : kcxx::make_owned<TableNode>();
		if (!node.ok())
			return node.error();
		node.value()->buffer =
			KCXX_TRY(alloc_table(memory_, format_, Format::kL2Bytes, context));
		node.value()->memory = &memory_;
		return node.value().release();
	}

	/*
	 * Unlinks the L2 at @i1 if it is still linked at zero (whoever holds
	 * the lock first retires it) and queues it in @gather.  A caller who
	 * removed nothing in its megabyte widens @gather to cover it: the
	 * walk cache still needs an invalidation there before the L2 is freed.
	 */
	void retire_locked(u32 i1, bool removed_here, Gather &gather)
	{
		TableNode *node = l2_[i1];

		if (!node || __atomic_load_n(&live_[i1], __ATOMIC_ACQUIRE))
			return;
		unlink_locked(i1, node, gather);
		if (!removed_here)
			gather.add_range(u64{i1} << kL1Shift, kSize1M);
	}

	/* Unlinked now, freed by the Gather after the TLB invalidation. */
	void unlink_locked(u32 i1, TableNode *node, Gather &gather)
	{
		write_entry(&l1()[i1], empty_l1_);
		sync_l1(i1, 1);
		__atomic_store_n(&l2_[i1], nullptr, __ATOMIC_RELAXED);
		gather.queue_table(node);
	}

	/*
	 * Removes the entries from @pos on within its megabyte, up to @end
	 * and the first hole; the bytes removed, or 0.
	 */
	u64 unmap_in_l1(u64 pos, u64 end, Gather &gather)
	{
		const u32 i1 = l1_index(pos);
		TableNode *node = try_pin(i1, 1);

		if (!node)
			return unmap_block(pos, gather);

		/*
		 * A full L2 that the range covers whole goes in one step, as
		 * io-pgtable-arm-v7s frees a table under a block unmap: unlinked
		 * now, freed by the Gather after the invalidation like any L2
		 * that became empty.  Until then the walker may still read its
		 * entries, which grant no more than the TLB may hold until that
		 * same invalidation; clearing and syncing 256 entries first
		 * bought nothing.  The caller owns the whole megabyte, so only
		 * its own pin is on top of the 256 entries.
		 */
		if (kcxx::is_aligned(pos, kSize1M) && end - pos >= kSize1M &&
		    __atomic_load_n(&live_[i1], __ATOMIC_RELAXED) == kL2Entries + 1) {
			kcxx::IrqSaveGuard guard(lock_);
			u32 full = kL2Entries + 1;

			if (kcxx::cmpxchg_acquire(&live_[i1], &full, 0)) {
				unlink_locked(i1, node, gather);
				return kSize1M;
			}
		}

		Entry *ptes = entries(node);
		const u32 first = l2_index(pos);
		u32 i2 = first;

		while (i2 < kL2Entries && pos < end) {
			u64 size;

			switch (format_.l2_kind(read_entry(&ptes[i2]))) {
			case L2Kind::Small:
				size = kSize4K;
				break;
			case L2Kind::Large:
				size = kSize64K;
				break;
			default:
				size = 0;
				break;
			}
			/* A hole, or an entry that starts before @pos: stop. */
			if (!size || !kcxx::is_aligned(pos, size))
				break;
			const u32 count = static_cast<u32>(size >> kL2Shift);
			for (u32 i = i2; i < i2 + count; i++)
				write_entry(&ptes[i], Format::kFault);
			i2 += count;
			pos += size;
		}
		const u32 cleared = i2 - first;

		if (cleared)
			sync(memory_, node->buffer, first * sizeof(Entry), cleared * sizeof(Entry));
		/* The entries cleared and the pin: the last to leave retires the L2. */
		if (!kcxx::sub_return(&live_[i1], cleared + 1)) {
			kcxx::IrqSaveGuard guard(lock_);

			retire_locked(i1, cleared != 0, gather);
		}
		return u64{cleared} << kL2Shift;
	}

	/*
	 * Removes the section or supersection that starts at @pos; its size,
	 * or 0.  A block is its mapper's alone, as map_block() wrote it
	 * without the lock: it is cleared without the lock too.  The lock
	 * is for an L1 entry that links an L2 (try_pin() found it at zero).
	 */
	u64 unmap_block(u64 pos, Gather &gather)
	{
		const u32 i1 = l1_index(pos);
		const Entry l1e = read_entry(&l1()[i1]);
		u64 size;

		if (l1e == empty_l1_)
			return 0;
		switch (format_.l1_kind(l1e)) {
		case L1Kind::Section:
			size = kSize1M;
			break;
		case L1Kind::Supersection:
			size = kSize16M;
			break;
		case L1Kind::Table:
			return retire_at_zero(i1, gather);
		default:
			return 0;
		}
		if (!kcxx::is_aligned(pos, size))
			return 0;
		/*
		 * Replicas from the last: a forward walk (for_each_mapping())
		 * that meets the first one still valid meets the block whole.
		 */
		const u32 count = static_cast<u32>(size >> kL1Shift);
		for (u32 i = count; i-- > 0;)
			write_entry(&l1()[i1 + i], empty_l1_);
		sync_l1(i1, count);
		return size;
	}

	/* An L2 linked at zero holds nothing: retire it if nobody revived it; 0. */
	[[gnu::noinline]] u64 retire_at_zero(u32 i1, Gather &gather)
	{
		kcxx::IrqSaveGuard guard(lock_);

		const Entry l1e = l1()[i1];

		/* Under the lock a table entry always has its node: never reached. */
		if (KCXX_WARN_ON(!l2_[i1] && l1e != empty_l1_ && format_.l1_kind(l1e) == L1Kind::Table))
			return 0;
		retire_locked(i1, false, gather);
		return 0;
	}

	TableMemory &memory_;
	const Format format_;
	TableBuffer l1_;
	TableBuffer zero_l2_;
	/* What an unused L1 entry holds: kFault, or the link to zero_l2_. */
	const Entry empty_l1_;
	/* The L2 behind each L1 entry, or nullptr; changed under lock_. */
	kcxx::OwnedArray<TableNode *> l2_;
	/*
	 * Per L1 entry: the valid entries of its L2 plus the pins of the
	 * callers working in it; 0 for no L2 (or one about to be retired).
	 * Never freed before the table, so a stale pin attempt is harmless.
	 */
	kcxx::OwnedArray<u32> live_;
	kcxx::SpinLock lock_{KCXX_LOCK_CLASS("socmmu_pgtable.lock")};
};

} // namespace pgtable

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ARM short-descriptor layout that the OMAP MMU and ARMv7s (the MSM
 * IOMMU) share: 4096 L1 entries of 1 MB, 256-entry L2 tables, and the
 * same type bits and address fields (hardware.md 1.2 and 3.2).  Where
 * they differ -- the attribute bits -- is their format's own.  A format
 * derives from this and adds the hooks that write attributes; the
 * decoding (which the engine and the walkers rely on) is written once.
 * Exynos places its addresses differently (PA >> 4 on v5+) and does not
 * derive from it.
 */
#ifndef SOCMMU_PGTABLE_ARM_SHORT_DESC_H
#define SOCMMU_PGTABLE_ARM_SHORT_DESC_H

#include <kcxx/bits.h>
#include <kcxx/types.h>

#include "format.h"

namespace pgtable {

struct ArmShortDesc {
	using Entry = u32;

	static constexpr u32 kL1Entries = 4096;
	static constexpr u32 kL2Entries = 256;
	static constexpr size_t kL1Bytes = kL1Entries * sizeof(Entry);
	static constexpr size_t kL2Bytes = kL2Entries * sizeof(Entry);
	static constexpr u64 kPageSizes = kSize4K | kSize64K | kSize1M | kSize16M;
	static constexpr Entry kFault = 0;
	static constexpr bool kUnusedL1PointsToZeroL2 = false;

	/* [1:0] of every descriptor. */
	using Type = kcxx::BitField<1, 0>;

	/* L1: a table pointer, a section or (bit 18) a supersection. */
	static constexpr u32 kL1TypeTable = 1;
	static constexpr u32 kL1TypeBlock = 2;
	using L1Super = kcxx::BitField<18, 18>;
	using L1TableAddr = kcxx::BitField<31, 10>;
	using L1SectionAddr = kcxx::BitField<31, 20>;
	using L1SuperAddr = kcxx::BitField<31, 24>;

	/* L2: a small page is any entry with bit 1 set. */
	static constexpr u32 kL2TypeLarge = 1;
	using L2SmallBit = kcxx::BitField<1, 1>;
	using L2LargeAddr = kcxx::BitField<31, 16>;
	using L2SmallAddr = kcxx::BitField<31, 12>;

	template <typename Field> static constexpr u32 stored(u64 pa)
	{
		return static_cast<u32>(pa >> Field::shift);
	}

	template <typename Field> static constexpr u64 loaded(Entry entry)
	{
		return u64{Field::get(entry)} << Field::shift;
	}

	constexpr unsigned int pa_bits() const { return 32; }

	/* A table pointer carries no attributes in either format. */
	constexpr Entry l1_table(u64 l2_pa) const
	{
		return L1TableAddr::insert(Type::insert(0, kL1TypeTable), stored<L1TableAddr>(l2_pa));
	}

	/* Type 3 is never written (ARMv7s: a section with PXN): the walkers fault on it. */
	constexpr L1Kind l1_kind(Entry entry) const
	{
		switch (Type::get(entry)) {
		case kL1TypeTable:
			return L1Kind::Table;
		case kL1TypeBlock:
			return L1Super::get(entry) ? L1Kind::Supersection : L1Kind::Section;
		default:
			return L1Kind::Fault;
		}
	}

	constexpr L2Kind l2_kind(Entry entry) const
	{
		if (L2SmallBit::get(entry))
			return L2Kind::Small;
		return Type::get(entry) == kL2TypeLarge ? L2Kind::Large : L2Kind::Fault;
	}

	constexpr u64 l1_table_pa(Entry entry) const { return loaded<L1TableAddr>(entry); }

	constexpr u64 l1_block_pa(Entry entry) const
	{
		return L1Super::get(entry) ? loaded<L1SuperAddr>(entry) : loaded<L1SectionAddr>(entry);
	}

	constexpr u64 l2_page_pa(Entry entry) const
	{
		return l2_kind(entry) == L2Kind::Large ? loaded<L2LargeAddr>(entry)
						       : loaded<L2SmallAddr>(entry);
	}
};

} // namespace pgtable

#endif

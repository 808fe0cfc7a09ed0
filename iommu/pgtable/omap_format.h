/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The OMAP IOMMU (MMU) page-table format, for ShortDescTable<OmapFormat>.
 * Hooks are described in format.h.  Every OMAP MMU uses the same layout,
 * so the object holds nothing and every hook is constexpr.
 *
 * OMAP has no permission bits: prot is ignored (kProtHonoured is 0).  The
 * endianness, element-size and mixed-region attributes (L2 bits 9, 5:4,
 * 11; L1 the same shifted left by 6) are written as 0 (little-endian,
 * 8-bit, not mixed), which is what every OMAP client needs.
 */
#ifndef SOCMMU_PGTABLE_OMAP_FORMAT_H
#define SOCMMU_PGTABLE_OMAP_FORMAT_H

#include <kcxx/bits.h>
#include <kcxx/types.h>

#include "format.h"

namespace pgtable {

struct OmapFormat {
	using Entry = u32;

	static constexpr u32 kL1Entries = 4096;
	static constexpr u32 kL2Entries = 256;
	static constexpr size_t kL1Bytes = kL1Entries * sizeof(Entry);
	static constexpr size_t kL2Bytes = kL2Entries * sizeof(Entry);
	static constexpr u64 kPageSizes = kSize4K | kSize64K | kSize1M | kSize16M;
	static constexpr Prot kProtHonoured = 0;
	static constexpr Entry kFault = 0;
	static constexpr bool kUnusedL1PointsToZeroL2 = false;

	/* L1 descriptors. */
	using L1Type = kcxx::BitField<1, 0>;
	using L1Super = kcxx::BitField<18, 18>;
	using L1TableAddr = kcxx::BitField<31, 10>;
	using L1SectionAddr = kcxx::BitField<31, 20>;
	using L1SuperAddr = kcxx::BitField<31, 24>;
	static constexpr u32 kL1TypeTable = 1;
	static constexpr u32 kL1TypeBlock = 2;

	/* L2 descriptors: a small page is any entry with bit 1 set. */
	using L2Type = kcxx::BitField<1, 0>;
	using L2SmallBit = kcxx::BitField<1, 1>;
	using L2LargeAddr = kcxx::BitField<31, 16>;
	using L2SmallAddr = kcxx::BitField<31, 12>;
	static constexpr u32 kL2TypeLarge = 1;

	template <typename Field> static constexpr u32 stored(u64 pa)
	{
		return static_cast<u32>(pa >> Field::shift);
	}

	template <typename Field> static constexpr u64 loaded(Entry entry)
	{
		return u64{Field::get(entry)} << Field::shift;
	}

	constexpr unsigned int pa_bits() const { return 32; }

	constexpr Entry l1_table(u64 l2_pa) const
	{
		return L1TableAddr::insert(L1Type::insert(0, kL1TypeTable), stored<L1TableAddr>(l2_pa));
	}

	constexpr Entry l1_section(u64 pa, Prot) const
	{
		return L1SectionAddr::insert(L1Type::insert(0, kL1TypeBlock), stored<L1SectionAddr>(pa));
	}

	constexpr Entry l1_supersection(u64 pa, Prot) const
	{
		Entry entry = L1Super::insert(L1Type::insert(0, kL1TypeBlock), 1);

		return L1SuperAddr::insert(entry, stored<L1SuperAddr>(pa));
	}

	constexpr Entry l2_large(u64 pa, Prot) const
	{
		return L2LargeAddr::insert(L2Type::insert(0, kL2TypeLarge), stored<L2LargeAddr>(pa));
	}

	constexpr Entry l2_small(u64 pa, Prot) const
	{
		return L2SmallAddr::insert(L2SmallBit::insert(0, 1), stored<L2SmallAddr>(pa));
	}

	/* Type 3 is never written; the hardware faults on it, and so do we. */
	constexpr L1Kind l1_kind(Entry entry) const
	{
		switch (L1Type::get(entry)) {
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
		return L2Type::get(entry) == kL2TypeLarge ? L2Kind::Large : L2Kind::Fault;
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

/* The layouts of hardware.md 1.2, checked where they are written. */
static_assert(OmapFormat::kL1Bytes == 16 * 1024 && OmapFormat::kL2Bytes == 1024);
static_assert(OmapFormat{}.pa_bits() == 32);
/* L2 table pointer: [1:0] = 01, address [31:10]. */
static_assert(OmapFormat{}.l1_table(0x8765'4c00) == 0x8765'4c01);
static_assert(OmapFormat{}.l1_table_pa(0x8765'4c01) == 0x8765'4c00);
static_assert(OmapFormat{}.l1_kind(OmapFormat{}.l1_table(0x1000'0400)) == L1Kind::Table);
/* Section: [1:0] = 10, bit 18 clear, address [31:20]. */
static_assert(OmapFormat{}.l1_section(0x9ab0'0000, 0) == 0x9ab0'0002);
static_assert(OmapFormat{}.l1_kind(0x9ab0'0002) == L1Kind::Section);
static_assert(OmapFormat{}.l1_block_pa(0x9ab0'0002) == 0x9ab0'0000);
/* Supersection: [1:0] = 10, bit 18 set, address [31:24]. */
static_assert(OmapFormat{}.l1_supersection(0x9a00'0000, 0) == (0x9a00'0002 | (1u << 18)));
static_assert(OmapFormat{}.l1_kind(0x9a04'0002) == L1Kind::Supersection);
static_assert(OmapFormat{}.l1_block_pa(0x9a04'0002) == 0x9a00'0000);
/* Type 3, and 0, are faults. */
static_assert(OmapFormat{}.l1_kind(0x3) == L1Kind::Fault);
static_assert(OmapFormat{}.l1_kind(OmapFormat::kFault) == L1Kind::Fault);
/* Large page: [1:0] = 01, address [31:16]. */
static_assert(OmapFormat{}.l2_large(0x1234'0000, 0) == 0x1234'0001);
static_assert(OmapFormat{}.l2_kind(0x1234'0001) == L2Kind::Large);
static_assert(OmapFormat{}.l2_page_pa(0x1234'0001) == 0x1234'0000);
/* Small page: bit 1 set, whatever bit 0 holds; address [31:12]. */
static_assert(OmapFormat{}.l2_small(0x1234'5000, 0) == 0x1234'5002);
static_assert(OmapFormat{}.l2_kind(0x1234'5003) == L2Kind::Small);
static_assert(OmapFormat{}.l2_page_pa(0xffff'f002) == 0xffff'f000);
static_assert(OmapFormat{}.l2_kind(OmapFormat::kFault) == L2Kind::Fault);
/* No permission bits; the attributes stay 0 whatever prot says. */
static_assert(honours_only_declared_prot(OmapFormat{}, 0xff00'0000));
static_assert(OmapFormat{}.l2_small(0xffff'f000, kProtAll) == 0xffff'f002);
static_assert(OmapFormat{}.l1_section(0xfff0'0000, kProtAll) == 0xfff0'0002);

} // namespace pgtable

#endif

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

#include <kcxx/types.h>

#include "arm_short_desc.h"

namespace pgtable {

struct OmapFormat : ArmShortDesc {
	static constexpr Prot kProtHonoured = 0;

	constexpr Entry l1_section(u64 pa, Prot) const
	{
		return L1SectionAddr::insert(Type::insert(0, kL1TypeBlock), stored<L1SectionAddr>(pa));
	}

	constexpr Entry l1_supersection(u64 pa, Prot) const
	{
		Entry entry = L1Super::insert(Type::insert(0, kL1TypeBlock), 1);

		return L1SuperAddr::insert(entry, stored<L1SuperAddr>(pa));
	}

	constexpr Entry l2_large(u64 pa, Prot) const
	{
		return L2LargeAddr::insert(Type::insert(0, kL2TypeLarge), stored<L2LargeAddr>(pa));
	}

	constexpr Entry l2_small(u64 pa, Prot) const
	{
		return L2SmallAddr::insert(L2SmallBit::insert(0, 1), stored<L2SmallAddr>(pa));
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

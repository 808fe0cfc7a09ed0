/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ARMv7 short-descriptor format as io-pgtable-arm-v7s writes it with
 * no quirks (no NS, permissions on, no MediaTek extensions), for
 * ShortDescTable<ArmV7sFormat>: the Qualcomm MSM IOMMU's tables
 * (hardware.md 3.2).  Hooks are described in format.h.  The object holds
 * nothing: every hook is constexpr, and the layouts are checked below.
 *
 * The attributes are one 8-bit field, at L1 [17:10] and L2 [11:4]:
 *
 *   bit 0  AP0   access flag: always set (the walker's SCTLR.AFE is on)
 *   bit 1  AP1   unprivileged access: set unless IOMMU_PRIV
 *   4:2    TEX   1 (normal memory) unless IOMMU_MMIO
 *   bit 5  AP2   read-only: set unless IOMMU_WRITE
 *   bit 6  S     shareable: always
 *   bit 7  nG    not global: always (the TLB tags entries by ASID)
 *
 * with C and B at bits 3 and 2 of every descriptor (B for IOMMU_MMIO, C
 * and B for IOMMU_CACHE) and XN for IOMMU_NOEXEC at L1 bit 4, at bit 0 of
 * a small page and at bit 15 of a large page, whose TEX also moves to
 * [14:12].  {TEX[0], C, B} indexes PRRR and NMRR under TEX remap: 4 is
 * normal non-cacheable memory, 7 normal write-back write-allocate, 1
 * device (prrr() and nmrr() below are the values io-pgtable-arm-v7s gives).
 *
 * Every mapping is readable: the simplified AP model cannot say "no
 * access", so a prot with neither IOMMU_READ nor IOMMU_WRITE is refused
 * (kAccessRequired), as io-pgtable-arm-v7s refuses it.
 */
#ifndef SOCMMU_PGTABLE_ARMV7S_FORMAT_H
#define SOCMMU_PGTABLE_ARMV7S_FORMAT_H

#include <kcxx/bits.h>
#include <kcxx/types.h>

#include "arm_short_desc.h"

namespace pgtable {

struct ArmV7sFormat : ArmShortDesc {
	/* IOMMU_READ changes nothing: every mapping is readable. */
	static constexpr Prot kProtHonoured =
		kProtWrite | kProtCache | kProtNoExec | kProtMmio | kProtPriv;
	static constexpr bool kAccessRequired = true;

	/* The 8-bit attribute field, before it is placed. */
	using AttrAp0 = kcxx::BitField<0, 0>;
	using AttrAp1 = kcxx::BitField<1, 1>;
	using AttrTex = kcxx::BitField<4, 2>;
	using AttrAp2 = kcxx::BitField<5, 5>;
	using AttrS = kcxx::BitField<6, 6>;
	using AttrNg = kcxx::BitField<7, 7>;
	static constexpr unsigned int kL1AttrShift = 10;
	static constexpr unsigned int kL2AttrShift = 4;
	static constexpr u32 kTexNormal = 1;

	/* In every descriptor, beside the type bits. */
	using B = kcxx::BitField<2, 2>;
	using C = kcxx::BitField<3, 3>;

	/* L1 descriptors: execute-never. */
	using L1Xn = kcxx::BitField<4, 4>;

	/* L2 descriptors: a small page's XN is bit 0, a large page's bit 15. */
	using L2SmallXn = kcxx::BitField<0, 0>;
	using L2LargeTex = kcxx::BitField<14, 12>;
	using L2LargeXn = kcxx::BitField<15, 15>;

	/* Context registers that go with the tables (io-pgtable-arm-v7s's arm_v7s_cfg). */
	static constexpr u32 kTtbrShareable = 1u << 1;

	static constexpr u32 attributes(Prot prot)
	{
		u32 attr = AttrNg::insert(AttrS::insert(AttrAp0::insert(0, 1), 1), 1);

		if (!(prot & kProtMmio))
			attr = AttrTex::insert(attr, kTexNormal);
		if (!(prot & kProtPriv))
			attr = AttrAp1::insert(attr, 1);
		if (!(prot & kProtWrite))
			attr = AttrAp2::insert(attr, 1);
		return attr;
	}

	/* C and B: MMIO wins over CACHE, as in io-pgtable-arm-v7s. */
	static constexpr Entry memory_type(Prot prot)
	{
		if (prot & kProtMmio)
			return B::insert(0, 1);
		if (prot & kProtCache)
			return C::insert(B::insert(0, 1), 1);
		return 0;
	}

	static constexpr u32 no_exec(Prot prot) { return (prot & kProtNoExec) ? 1 : 0; }

	constexpr Entry l1_section(u64 pa, Prot prot) const
	{
		Entry entry = Type::insert(memory_type(prot), kL1TypeBlock);

		entry |= attributes(prot) << kL1AttrShift;
		entry = L1Xn::insert(entry, no_exec(prot));
		return L1SectionAddr::insert(entry, stored<L1SectionAddr>(pa));
	}

	constexpr Entry l1_supersection(u64 pa, Prot prot) const
	{
		const Entry section = L1SectionAddr::insert(l1_section(pa, prot), 0);

		return L1SuperAddr::insert(L1Super::insert(section, 1), stored<L1SuperAddr>(pa));
	}

	constexpr Entry l2_large(u64 pa, Prot prot) const
	{
		const u32 attr = attributes(prot);
		Entry entry = Type::insert(memory_type(prot), kL2TypeLarge);

		entry |= AttrTex::insert(attr, 0) << kL2AttrShift;
		entry = L2LargeTex::insert(entry, AttrTex::get(attr));
		entry = L2LargeXn::insert(entry, no_exec(prot));
		return L2LargeAddr::insert(entry, stored<L2LargeAddr>(pa));
	}

	constexpr Entry l2_small(u64 pa, Prot prot) const
	{
		Entry entry = L2SmallBit::insert(memory_type(prot), 1);

		entry |= attributes(prot) << kL2AttrShift;
		entry = L2SmallXn::insert(entry, no_exec(prot));
		return L2SmallAddr::insert(entry, stored<L2SmallAddr>(pa));
	}

	/*
	 * TTBR0 for a table at @l1_pa: shareable, walks non-cacheable (the
	 * tables are cleaned to memory with the DMA API, not snooped).
	 */
	static constexpr u32 ttbr(u64 l1_pa) { return static_cast<u32>(l1_pa) | kTtbrShareable; }
	/* TTBCR: N = 0, TTBR0 for every address; both walks enabled. */
	static constexpr u32 ttbcr() { return 0; }

	/*
	 * TEX remap: index 1 device, 4 and 7 normal; device and normal memory
	 * shareable when S is set (DS1, NS1), index 7 not outer-shareable.
	 */
	static constexpr u32 prrr()
	{
		return 1u << (2 * 1) | 2u << (2 * 4) | 2u << (2 * 7) | 1u << 16 | 1u << 17 |
		       1u << 19 | 1u << (24 + 7);
	}

	/* Index 7 write-back write-allocate inside and out; the rest non-cacheable. */
	static constexpr u32 nmrr() { return 1u << (2 * 7) | 1u << (2 * 7 + 16); }
};

/* The layouts of hardware.md 3.2, checked where they are written. */
static_assert(ArmV7sFormat::kL1Bytes == 16 * 1024 && ArmV7sFormat::kL2Bytes == 1024);
static_assert(ArmV7sFormat{}.pa_bits() == 32);
static_assert(kcxx::disjoint(ArmV7sFormat::Type::mask, ArmV7sFormat::B::mask,
			     ArmV7sFormat::C::mask, ArmV7sFormat::L1Xn::mask,
			     u32{0xff} << ArmV7sFormat::kL1AttrShift, ArmV7sFormat::L1Super::mask));
static_assert(kcxx::disjoint(ArmV7sFormat::L2SmallXn::mask, ArmV7sFormat::L2SmallBit::mask,
			     ArmV7sFormat::B::mask, ArmV7sFormat::C::mask,
			     u32{0xff} << ArmV7sFormat::kL2AttrShift,
			     ArmV7sFormat::L2SmallAddr::mask));
/* Table pointer: [1:0] = 01, address [31:10], nothing else (no NS). */
static_assert(ArmV7sFormat{}.l1_table(0x8765'4c00) == 0x8765'4c01);
static_assert(ArmV7sFormat{}.l1_table_pa(0x8765'4c01) == 0x8765'4c00);
static_assert(ArmV7sFormat{}.l1_kind(0x8765'4c01) == L1Kind::Table);
/*
 * Section, read-write: nG 17, S 16, TEX 1 at 12, AP1 11, AP0 10, [1:0] = 10.
 * Read-only adds AP2 (15); privileged drops AP1; MMIO drops TEX and sets B;
 * CACHE sets C and B; NOEXEC sets XN (4).
 */
static_assert(ArmV7sFormat{}.l1_section(0x9ab0'0000, kProtRead | kProtWrite) == 0x9ab3'1c02);
static_assert(ArmV7sFormat{}.l1_section(0x9ab0'0000, kProtRead) == 0x9ab3'9c02);
static_assert(ArmV7sFormat{}.l1_section(0x9ab0'0000, kProtWrite | kProtPriv) == 0x9ab3'1402);
static_assert(ArmV7sFormat{}.l1_section(0x9ab0'0000, kProtWrite | kProtMmio) == 0x9ab3'0c06);
static_assert(ArmV7sFormat{}.l1_section(0x9ab0'0000, kProtWrite | kProtCache) == 0x9ab3'1c0e);
static_assert(ArmV7sFormat{}.l1_section(0x9ab0'0000, kProtWrite | kProtNoExec) == 0x9ab3'1c12);
static_assert(ArmV7sFormat{}.l1_section(0x9ab0'0000, kProtWrite | kProtMmio | kProtCache) ==
	      0x9ab3'0c06);
static_assert(ArmV7sFormat{}.l1_kind(0x9ab3'1c02) == L1Kind::Section);
static_assert(ArmV7sFormat{}.l1_block_pa(0x9ab3'1c02) == 0x9ab0'0000);
/* Supersection: the section's attributes, bit 18, address [31:24]. */
static_assert(ArmV7sFormat{}.l1_supersection(0x9a00'0000, kProtWrite) == 0x9a07'1c02);
static_assert(ArmV7sFormat{}.l1_kind(0x9a07'1c02) == L1Kind::Supersection);
static_assert(ArmV7sFormat{}.l1_block_pa(0x9a07'1c02) == 0x9a00'0000);
static_assert(ArmV7sFormat{}.l1_kind(0x3) == L1Kind::Fault);
static_assert(ArmV7sFormat{}.l1_kind(ArmV7sFormat::kFault) == L1Kind::Fault);
/* Small page, read-write: nG 11, S 10, TEX 1 at 6, AP1 5, AP0 4, bit 1; XN at bit 0. */
static_assert(ArmV7sFormat{}.l2_small(0x1234'5000, kProtWrite) == 0x1234'5c72);
static_assert(ArmV7sFormat{}.l2_small(0x1234'5000, kProtRead | kProtNoExec) == 0x1234'5e73);
static_assert(ArmV7sFormat{}.l2_small(0x1234'5000, kProtWrite | kProtCache) == 0x1234'5c7e);
static_assert(ArmV7sFormat{}.l2_kind(0x1234'5e73) == L2Kind::Small);
static_assert(ArmV7sFormat{}.l2_page_pa(0x1234'5e73) == 0x1234'5000);
/* Large page: TEX at [14:12], XN at 15, [1:0] = 01, address [31:16]. */
static_assert(ArmV7sFormat{}.l2_large(0x1234'0000, kProtWrite) == 0x1234'1c31);
static_assert(ArmV7sFormat{}.l2_large(0x1234'0000, kProtRead | kProtNoExec) == 0x1234'9e31);
static_assert(ArmV7sFormat{}.l2_large(0x1234'0000, kProtWrite | kProtMmio) == 0x1234'0c35);
static_assert(ArmV7sFormat{}.l2_kind(0x1234'9e31) == L2Kind::Large);
static_assert(ArmV7sFormat{}.l2_page_pa(0x1234'9e31) == 0x1234'0000);
static_assert(ArmV7sFormat{}.l2_kind(ArmV7sFormat::kFault) == L2Kind::Fault);
static_assert(honours_only_declared_prot(ArmV7sFormat{}, 0xff00'0000));
/* The context registers io-pgtable-arm-v7s computes for a non-coherent walk. */
static_assert(ArmV7sFormat::ttbr(0x8000'4000) == 0x8000'4002);
static_assert(ArmV7sFormat::prrr() == 0x800b'8204);
static_assert(ArmV7sFormat::nmrr() == 0x4000'4000);

} // namespace pgtable

#endif

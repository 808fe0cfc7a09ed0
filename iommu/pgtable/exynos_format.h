/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Exynos SYSMMU page-table format, for ShortDescTable<ExynosFormat>
 * (hooks in format.h, facts in hardware.md 2.2).  Two generations of
 * entries, chosen per SYSMMU instance from its VERSION register at probe,
 * never once for the whole system:
 *
 *   v1-v3  entries hold the PA; permissions are AP bits: AP0 (L1 bit 10,
 *          L2 bit 4) grants access, AP2 (L1 bit 15, L2 bit 9) makes it
 *          read-only.  A write-only request gets read-write (the hardware
 *          has no write-only), as mainline does.
 *   v5+    entries hold PA >> 4, which reaches 36-bit PAs; permissions are
 *          a 2-bit field, L1 [5:4] and L2 [3:2]: 1 read, 2 write, 3 both.
 *
 *   L1 table       [1:0] = 01, (l2_pa >> shift) in [31:6]
 *   L1 section     [1:0] = 10, (pa >> shift) above the permission bits
 *   L2 large       [1:0] = 01, 16 replicas
 *   L2 small       bit 1 set
 *
 * No 16 MB mappings.  Every unused L1 entry links to one shared zeroed L2
 * (kUnusedL1PointsToZeroL2), on every version as mainline does: v3.3's
 * FLPD cache prefetches L1 entries, and a prefetched fault entry faults a
 * whole 16 MB area, while a prefetched link faults only what is unmapped.
 * The price is that the link, once cached, must be invalidated when an L2
 * or a section replaces it (the driver's flush_walk_cache()).
 *
 * Tables of the two generations differ in every entry, so an instance's
 * id() is its table_format(): SYSMMUs of one generation can share a table,
 * of two cannot.
 */
#ifndef SOCMMU_PGTABLE_EXYNOS_FORMAT_H
#define SOCMMU_PGTABLE_EXYNOS_FORMAT_H

#include <kcxx/bits.h>
#include <kcxx/types.h>

#include "format.h"

namespace pgtable {

class ExynosFormat {
public:
	using Entry = u32;

	/* Which entries the SYSMMU walks (see above). */
	enum class Gen : u32 {
		V1 = 0,		/* SYSMMU v1.x to v3.x */
		V5 = 1,		/* SYSMMU v5 and v7 */
	};

	static constexpr u32 kL1Entries = 4096;
	static constexpr u32 kL2Entries = 256;
	static constexpr size_t kL1Bytes = kL1Entries * sizeof(Entry);
	static constexpr size_t kL2Bytes = kL2Entries * sizeof(Entry);
	static constexpr u64 kPageSizes = kSize4K | kSize64K | kSize1M;
	static constexpr Prot kProtHonoured = kProtRead | kProtWrite;
	static constexpr Entry kFault = 0;
	static constexpr bool kUnusedL1PointsToZeroL2 = true;

	/* Types, [1:0]. */
	using Type = kcxx::BitField<1, 0>;
	using SmallBit = kcxx::BitField<1, 1>;
	static constexpr u32 kL1Table = 1;
	static constexpr u32 kL1Section = 2;
	static constexpr u32 kL2Large = 1;

	/* v1-v3 AP bits. */
	using V1L1Ap0 = kcxx::BitField<10, 10>;
	using V1L1Ap2 = kcxx::BitField<15, 15>;
	using V1L2Ap0 = kcxx::BitField<4, 4>;
	using V1L2Ap2 = kcxx::BitField<9, 9>;
	/* v5+ permission fields. */
	using V5L1Perm = kcxx::BitField<5, 4>;
	using V5L2Perm = kcxx::BitField<3, 2>;
	static constexpr u32 kPermRead = 1;
	static constexpr u32 kPermWrite = 2;

	constexpr explicit ExynosFormat(Gen gen) : gen_(gen) {}

	constexpr Gen gen() const { return gen_; }
	/* table_format(): equal for instances that can walk one table. */
	constexpr u32 id() const { return static_cast<u32>(gen_); }
	constexpr unsigned int pa_shift() const { return gen_ == Gen::V5 ? 4 : 0; }
	constexpr unsigned int pa_bits() const { return 32 + pa_shift(); }

	constexpr Entry l1_table(u64 l2_pa) const
	{
		return Type::insert(stored(l2_pa, 10), kL1Table);
	}

	constexpr Entry l1_section(u64 pa, Prot prot) const
	{
		Entry entry = Type::insert(stored(pa, 20), kL1Section);

		if (gen_ == Gen::V5)
			return V5L1Perm::insert(entry, v5_perm(prot));
		return V1L1Ap2::insert(V1L1Ap0::insert(entry, v1_access(prot)), v1_read_only(prot));
	}

	constexpr Entry l2_large(u64 pa, Prot prot) const
	{
		return with_l2_perm(Type::insert(stored(pa, 16), kL2Large), prot);
	}

	constexpr Entry l2_small(u64 pa, Prot prot) const
	{
		return with_l2_perm(SmallBit::insert(stored(pa, 12), 1), prot);
	}

	/* 00 and 11 fault; the engine tells the zero-L2 link from a table. */
	constexpr L1Kind l1_kind(Entry entry) const
	{
		switch (Type::get(entry)) {
		case kL1Table:
			return L1Kind::Table;
		case kL1Section:
			return L1Kind::Section;
		default:
			return L1Kind::Fault;
		}
	}

	constexpr L2Kind l2_kind(Entry entry) const
	{
		if (SmallBit::get(entry))
			return L2Kind::Small;
		return Type::get(entry) == kL2Large ? L2Kind::Large : L2Kind::Fault;
	}

	constexpr u64 l1_table_pa(Entry entry) const { return loaded(entry, 10); }
	constexpr u64 l1_block_pa(Entry entry) const { return loaded(entry, 20); }

	constexpr u64 l2_page_pa(Entry entry) const
	{
		return loaded(entry, l2_kind(entry) == L2Kind::Large ? 16 : 12);
	}

	/* What the permission bits of an entry grant: kPermRead | kPermWrite. */
	constexpr u32 l1_perm(Entry entry) const
	{
		if (gen_ == Gen::V5)
			return V5L1Perm::get(entry);
		return v1_granted(V1L1Ap0::get(entry), V1L1Ap2::get(entry));
	}

	constexpr u32 l2_perm(Entry entry) const
	{
		if (gen_ == Gen::V5)
			return V5L2Perm::get(entry);
		return v1_granted(V1L2Ap0::get(entry), V1L2Ap2::get(entry));
	}

private:
	/*
	 * @pa, aligned to 1 << @align_bits, as the entry stores it: PA >> 4
	 * on v5+ (the address bits then start at @align_bits - 4).
	 */
	constexpr u32 stored(u64 pa, unsigned int align_bits) const
	{
		const u32 mask = kcxx::genmask<u32>(31, align_bits - pa_shift());

		return static_cast<u32>(pa >> pa_shift()) & mask;
	}

	constexpr u64 loaded(Entry entry, unsigned int align_bits) const
	{
		return u64{entry & kcxx::genmask<u32>(31, align_bits - pa_shift())} << pa_shift();
	}

	static constexpr u32 v5_perm(Prot prot)
	{
		return ((prot & kProtRead) ? kPermRead : 0) |
		       ((prot & kProtWrite) ? kPermWrite : 0);
	}

	/* v1-v3: any access grants AP0; read without write is read-only. */
	static constexpr u32 v1_access(Prot prot)
	{
		return (prot & (kProtRead | kProtWrite)) ? 1 : 0;
	}

	static constexpr u32 v1_read_only(Prot prot)
	{
		return (prot & kProtRead) && !(prot & kProtWrite) ? 1 : 0;
	}

	static constexpr u32 v1_granted(u32 ap0, u32 ap2)
	{
		if (!ap0)
			return 0;
		return ap2 ? kPermRead : kPermRead | kPermWrite;
	}

	constexpr Entry with_l2_perm(Entry entry, Prot prot) const
	{
		if (gen_ == Gen::V5)
			return V5L2Perm::insert(entry, v5_perm(prot));
		return V1L2Ap2::insert(V1L2Ap0::insert(entry, v1_access(prot)), v1_read_only(prot));
	}

	Gen gen_;
};

/* The layouts of hardware.md 2.2, checked where they are written. */
namespace exynos_format_checks {

inline constexpr ExynosFormat kV1(ExynosFormat::Gen::V1);
inline constexpr ExynosFormat kV5(ExynosFormat::Gen::V5);
inline constexpr Prot kRW = kProtRead | kProtWrite;

static_assert(ExynosFormat::kL1Bytes == 16 * 1024 && ExynosFormat::kL2Bytes == 1024);
static_assert(kV1.pa_bits() == 32 && kV5.pa_bits() == 36 && kV1.id() != kV5.id());
/* No permission bits outside the AP bits / the R/W field, whatever prot says. */
static_assert(honours_only_declared_prot(kV1, 0xff00'0000));
static_assert(honours_only_declared_prot(kV5, 0xf'ff00'0000));
/* Permission bits never reach an address bit: the widest PA, every prot. */
static_assert(kV1.l1_block_pa(kV1.l1_section(0xfff0'0000, kRW)) == 0xfff0'0000);
static_assert(kV5.l1_block_pa(kV5.l1_section(0xf'fff0'0000, kRW)) == 0xf'fff0'0000);
static_assert(kV5.l2_page_pa(kV5.l2_small(0xf'ffff'f000, kRW)) == 0xf'ffff'f000);
static_assert(kV5.l2_page_pa(kV5.l2_large(0xf'ffff'0000, kRW)) == 0xf'ffff'0000);
static_assert(kV1.l2_page_pa(kV1.l2_small(0xffff'f000, kRW)) == 0xffff'f000);

/* L2 pointer: [1:0] = 01; v1 PA, v5 PA >> 4 (mk_lv1ent_page). */
static_assert(kV1.l1_table(0x8765'4c00) == 0x8765'4c01);
static_assert(kV5.l1_table(0x8'7654'3c00) == 0x8765'43c1);
static_assert(kV5.l1_table_pa(0x8765'43c1) == 0x8'7654'3c00);
static_assert(kV1.l1_kind(kV1.l1_table(0x1000'0400)) == L1Kind::Table);
/* Section: [1:0] = 10; v1 AP0 bit 10, AP2 bit 15; v5 R/W at [5:4]. */
static_assert(kV1.l1_section(0x9ab0'0000, kRW) == 0x9ab0'0402);
static_assert(kV1.l1_section(0x9ab0'0000, kProtRead) == 0x9ab0'8402);
static_assert(kV1.l1_section(0x9ab0'0000, kProtWrite) == 0x9ab0'0402);
static_assert(kV1.l1_section(0x9ab0'0000, 0) == 0x9ab0'0002);
static_assert(kV5.l1_section(0x9'ab00'0000, kRW) == 0x9ab0'0032);
static_assert(kV5.l1_section(0x9'ab00'0000, kProtRead) == 0x9ab0'0012);
static_assert(kV5.l1_section(0x9'ab00'0000, kProtWrite) == 0x9ab0'0022);
static_assert(kV5.l1_block_pa(0x9ab0'0032) == 0x9'ab00'0000);
static_assert(kV1.l1_kind(0x9ab0'0402) == L1Kind::Section);
/* 00 and 11 fault. */
static_assert(kV1.l1_kind(0x3) == L1Kind::Fault);
static_assert(kV5.l1_kind(ExynosFormat::kFault) == L1Kind::Fault);
/* Large page: [1:0] = 01; v1 AP bits 4 and 9, v5 R/W at [3:2]. */
static_assert(kV1.l2_large(0x1234'0000, kRW) == 0x1234'0011);
static_assert(kV1.l2_large(0x1234'0000, kProtRead) == 0x1234'0211);
static_assert(kV5.l2_large(0x1'2340'0000, kRW) == 0x1234'000d);
static_assert(kV5.l2_page_pa(0x1234'000d) == 0x1'2340'0000);
static_assert(kV1.l2_kind(0x1234'0011) == L2Kind::Large);
/* Small page: bit 1 set. */
static_assert(kV1.l2_small(0x1234'5000, kRW) == 0x1234'5012);
static_assert(kV1.l2_small(0x1234'5000, kProtRead) == 0x1234'5212);
static_assert(kV5.l2_small(0x1'2345'6000, kProtWrite) == 0x1234'560a);
static_assert(kV5.l2_small(0x1'2345'6000, kProtRead) == 0x1234'5606);
static_assert(kV5.l2_kind(0x1234'5606) == L2Kind::Small);
static_assert(kV1.l2_kind(ExynosFormat::kFault) == L2Kind::Fault);
/* What each generation grants. */
static_assert(kV1.l2_perm(kV1.l2_small(0, kProtWrite)) == 3);
static_assert(kV1.l1_perm(kV1.l1_section(0, kProtRead)) == ExynosFormat::kPermRead);
static_assert(kV1.l1_perm(kV1.l1_section(0, 0)) == 0);
static_assert(kV5.l2_perm(kV5.l2_small(0, kProtWrite)) == ExynosFormat::kPermWrite);
static_assert(kV5.l1_perm(kV5.l1_section(0, kRW)) == 3);

} // namespace exynos_format_checks

} // namespace pgtable

#endif

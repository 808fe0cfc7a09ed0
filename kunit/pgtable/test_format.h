/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A test-only format with what Exynos decides at probe time: entries store
 * PA >> pa_shift (4 gives 36-bit PAs, 0 gives 32), and permissions are a
 * 2-bit R/W field (1 = R, 2 = W), at L1 [5:4] and L2 [3:2].  The zero-L2
 * link is the template's choice.  Unlike Exynos it has supersections
 * (section + bit 8), so 16 MB replicas are checked too.
 *
 *   L1 table        [1:0] = 01, (l2_pa >> shift) in [31:6]
 *   L1 section      [1:0] = 10, bit 8 clear, (pa >> shift) above bit 15
 *   L1 supersection [1:0] = 10, bit 8 set
 *   L2 large        [1:0] = 01, (pa >> shift) above bit 11
 *   L2 small        bit 1 set, (pa >> shift) above bit 7
 *
 * The cases check raw entries against these bits, not through the format.
 */
#ifndef SOCMMU_PGTABLE_TEST_FORMAT_H
#define SOCMMU_PGTABLE_TEST_FORMAT_H

#include <kcxx/bits.h>
#include <kcxx/types.h>

#include "../../iommu/pgtable/format.h"

namespace pgtable::test {

template <bool ZeroL2> class TestFormat {
public:
	using Entry = u32;

	static constexpr u32 kL1Entries = 4096;
	static constexpr u32 kL2Entries = 256;
	static constexpr size_t kL1Bytes = kL1Entries * sizeof(Entry);
	static constexpr size_t kL2Bytes = kL2Entries * sizeof(Entry);
	static constexpr u64 kPageSizes = kSize4K | kSize64K | kSize1M | kSize16M;
	static constexpr Prot kProtHonoured = kProtRead | kProtWrite;
	static constexpr Entry kFault = 0;
	static constexpr bool kUnusedL1PointsToZeroL2 = ZeroL2;

	static constexpr u32 kL1Super = 1u << 8;
	static constexpr unsigned int kL1PermShift = 4;
	static constexpr unsigned int kL2PermShift = 2;

	/* @pa_shift: 0 to 4 for a usable format; more makes pa_bits() invalid. */
	constexpr explicit TestFormat(unsigned int pa_shift) : pa_shift_(pa_shift) {}

	constexpr unsigned int pa_bits() const { return 32 + pa_shift_; }

	static constexpr u32 perm(Prot prot)
	{
		return ((prot & kProtRead) ? 1u : 0u) | ((prot & kProtWrite) ? 2u : 0u);
	}

	constexpr Entry l1_table(u64 l2_pa) const { return stored(l2_pa) | 1; }

	constexpr Entry l1_section(u64 pa, Prot prot) const
	{
		return stored(pa) | perm(prot) << kL1PermShift | 2;
	}

	constexpr Entry l1_supersection(u64 pa, Prot prot) const
	{
		return l1_section(pa, prot) | kL1Super;
	}

	constexpr Entry l2_large(u64 pa, Prot prot) const
	{
		return stored(pa) | perm(prot) << kL2PermShift | 1;
	}

	constexpr Entry l2_small(u64 pa, Prot prot) const
	{
		return stored(pa) | perm(prot) << kL2PermShift | 2;
	}

	constexpr L1Kind l1_kind(Entry entry) const
	{
		switch (entry & 3) {
		case 1:
			return L1Kind::Table;
		case 2:
			return (entry & kL1Super) ? L1Kind::Supersection : L1Kind::Section;
		default:
			return L1Kind::Fault;
		}
	}

	constexpr L2Kind l2_kind(Entry entry) const
	{
		if (entry & 2)
			return L2Kind::Small;
		return (entry & 3) == 1 ? L2Kind::Large : L2Kind::Fault;
	}

	constexpr u64 l1_table_pa(Entry entry) const { return loaded(entry, 10); }

	constexpr u64 l1_block_pa(Entry entry) const
	{
		return loaded(entry, (entry & kL1Super) ? 24 : 20);
	}

	constexpr u64 l2_page_pa(Entry entry) const
	{
		return loaded(entry, l2_kind(entry) == L2Kind::Large ? 16 : 12);
	}

private:
	constexpr u32 stored(u64 pa) const { return static_cast<u32>(pa >> pa_shift_); }

	/* The PA of an entry whose address is aligned to 1 << @align_bits. */
	constexpr u64 loaded(Entry entry, unsigned int align_bits) const
	{
		return u64{entry & kcxx::genmask<u32>(31, align_bits - pa_shift_)} << pa_shift_;
	}

	unsigned int pa_shift_;
};

/* The raw bits above, as the cases check them. */
static_assert(TestFormat<false>(4).l1_section(0x9'8760'0000, kProtRead) == 0x9876'0012);
static_assert(TestFormat<false>(4).l1_block_pa(0x9876'0012) == 0x9'8760'0000);
static_assert(TestFormat<false>(0).l1_block_pa(0x9870'0012) == 0x9870'0000);
static_assert(TestFormat<false>(0).l1_block_pa(0x9870'0112) == 0x9800'0000);
static_assert(TestFormat<false>(4).l2_small(0xf'ffff'f000, kProtWrite) == 0xffff'ff0a);
static_assert(TestFormat<false>(4).l2_page_pa(0xffff'ff0a) == 0xf'ffff'f000);
static_assert(TestFormat<false>(4).l1_table_pa(TestFormat<false>(4).l1_table(0x8'0000'0400)) ==
	      0x8'0000'0400);
static_assert(honours_only_declared_prot(TestFormat<false>(4), 0x9'8000'0000));

} // namespace pgtable::test

#endif

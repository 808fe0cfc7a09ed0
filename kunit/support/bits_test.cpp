// SPDX-License-Identifier: GPL-2.0
#include <kcxx/bits.h>

#include "../kcxx_test.h"
#include "support_tests.h"
#include "tracked.h"

using namespace kcxx;
using kcxx::test::opaque;

/* Layout facts the drivers build on are checked where they are written, too. */
static_assert(genmask<u32>(14, 10) == 0x7c00);
static_assert(BitField<1, 0>::insert(0, 2) == 2);
static_assert(align_up<u64>(0x1001, 0x1000) == 0x2000);
static_assert(AddrField<31, 12>::insert(0, 0x12345678) == 0x12345000);
static_assert(AddrField<31, 0, 12>::get(0x812345) == 0x812345000ull);
static_assert(disjoint(0xf0u, 0x0fu, 0x100ull) && !disjoint(0x3u, 0x2u));

void bits_genmask_and_bit(struct kunit *test)
{
	KX_EXPECT_EQ(test, genmask<u32>(opaque(31u), opaque(0u)), 0xffffffffu);
	KX_EXPECT_EQ(test, genmask<u32>(opaque(7u), opaque(4u)), 0xf0u);
	KX_EXPECT_EQ(test, genmask<u32>(opaque(0u), opaque(0u)), 0x1u);
	KX_EXPECT_EQ(test, genmask<u64>(opaque(63u), opaque(32u)), 0xffffffff00000000ull);
	KX_EXPECT_EQ(test, bit<u64>(opaque(40u)), 0x10000000000ull);
	KX_EXPECT_EQ(test, bit<u32>(opaque(31u)), 0x80000000u);
}

void bits_field_get_and_insert(struct kunit *test)
{
	using Base = BitField<14, 10>;
	using Type = BitField<1, 0>;
	u32 word = opaque(0xffffffffu);

	KX_EXPECT_EQ(test, Base::mask, 0x7c00u);
	KX_EXPECT_EQ(test, Base::max, 0x1fu);
	KX_EXPECT_EQ(test, Base::width, 5u);
	KX_EXPECT_EQ(test, Base::insert(opaque(0u), opaque(0x1fu)), 0x7c00u);
	/* Inserting touches only the field. */
	KX_EXPECT_EQ(test, Base::insert(word, opaque(3u)), 0xffff8fffu);
	KX_EXPECT_EQ(test, Base::get(opaque(0x0c50u)), 3u);
	KX_EXPECT_EQ(test, Type::get(opaque(0x12345602u)), 2u);
	KX_EXPECT_TRUE(test, Base::fits(opaque(31u)));
	KX_EXPECT_FALSE(test, Base::fits(opaque(32u)));
	KX_EXPECT_EQ(test, (BitField<63, 40, u64>::get(opaque(0xabcdef0000000000ull))), 0xabcdefull);
}

void bits_alignment(struct kunit *test)
{
	KX_EXPECT_EQ(test, align_up<u64>(opaque(0xfffff001ull), 0x1000), 0x100000000ull);
	KX_EXPECT_EQ(test, align_down<u64>(opaque(0x100000fffull), 0x1000), 0x100000000ull);
	KX_EXPECT_EQ(test, align_up<u32>(opaque(0x4000u), 0x4000), 0x4000u);
	KX_EXPECT_TRUE(test, is_aligned<u64>(opaque(0x1000000ull), 0x1000000));
	KX_EXPECT_FALSE(test, is_aligned<u64>(opaque(0x1010000ull), 0x100000));
	KX_EXPECT_TRUE(test, is_power_of_2<u64>(opaque(0x10000ull)));
	KX_EXPECT_FALSE(test, is_power_of_2<u64>(opaque(0x10001ull)));
	KX_EXPECT_FALSE(test, is_power_of_2<u64>(opaque(0ull)));
}

void bits_log2_and_ctz(struct kunit *test)
{
	KX_EXPECT_EQ(test, ilog2(opaque(1ull)), 0u);
	KX_EXPECT_EQ(test, ilog2(opaque(0x1000ull)), 12u);
	KX_EXPECT_EQ(test, ilog2(opaque(0x1fffull)), 12u);
	KX_EXPECT_EQ(test, ilog2(opaque(0x8000000000000000ull)), 63u);
	KX_EXPECT_EQ(test, ceil_log2(opaque(0ull)), 0u);
	KX_EXPECT_EQ(test, ceil_log2(opaque(1ull)), 0u);
	KX_EXPECT_EQ(test, ceil_log2(opaque(0x1000ull)), 12u);
	KX_EXPECT_EQ(test, ceil_log2(opaque(0x1001ull)), 13u);
	KX_EXPECT_EQ(test, ceil_log2(opaque(0x3000ull)), 14u);
	KX_EXPECT_EQ(test, ceil_log2(opaque(0x8000000000000000ull)), 63u);
	KX_EXPECT_EQ(test, ctz(opaque(0x100000ull)), 20u);
	KX_EXPECT_EQ(test, ctz(opaque(0ull)), 64u);
}

void bits_range_overflow(struct kunit *test)
{
	/* Ending exactly at the top of the space is fine; one past is not. */
	KX_EXPECT_FALSE(test, range_overflows<u32>(opaque(0xfffff000u), opaque(0x1000u)));
	KX_EXPECT_TRUE(test, range_overflows<u32>(opaque(0xfffff000u), opaque(0x2000u)));
	KX_EXPECT_FALSE(test, range_overflows<u32>(opaque(0u), opaque(0u)));
	KX_EXPECT_TRUE(test, range_overflows<u64>(opaque(~0ull), opaque(2ull)));
}

void bits_64bit_division(struct kunit *test)
{
	u32 rem = 0;

	KX_EXPECT_EQ(test, div_u64_rem(opaque(0x100000003ull), opaque(7u), &rem), 0x24924925ull);
	KX_EXPECT_EQ(test, rem, 0u);
	KX_EXPECT_EQ(test, div_u64_rem(opaque(0x123456789abcdefull), opaque(1000u), &rem),
		     81985529216486ull);
	KX_EXPECT_EQ(test, rem, 895u);
	KX_EXPECT_EQ(test, div_u64(opaque(0xffffffffffffffffull), opaque(0x10000u)), 0xffffffffffffull);
	KX_EXPECT_EQ(test, div64_u64(opaque(0xffffffffffffffffull), opaque(0x100000000ull)), 0xffffffffull);
}

void bits_address_field(struct kunit *test)
{
	/* In place: bits 31..12 of the word are bits 31..12 of the address. */
	using Va = AddrField<31, 12>;
	/* Shifted: a page frame number of a 44-bit address in a whole word. */
	using Pfn = AddrField<31, 0, 12>;
	/* Elsewhere in the word: address bits 31..12 at 19..0, flags above. */
	using Low = AddrField<19, 0, 12>;

	KX_EXPECT_EQ(test, Va::mask, 0xfffff000u);
	KX_EXPECT_EQ(test, Va::addr_mask, 0xfffff000ull);
	KX_EXPECT_EQ(test, Va::insert(opaque(0x00000fffu), opaque(0xabcde123ull)), 0xabcdefffu);
	KX_EXPECT_EQ(test, Va::get(opaque(0xabcdefffu)), 0xabcde000ull);
	KX_EXPECT_TRUE(test, Va::fits(opaque(0xffffffffull)));
	KX_EXPECT_FALSE(test, Va::fits(opaque(0x100000000ull)));

	KX_EXPECT_EQ(test, Pfn::addr_mask, 0xffffffff000ull);
	KX_EXPECT_EQ(test, Pfn::insert(opaque(0u), opaque(0xfedcba98765ull)), 0xfedcba98u);
	KX_EXPECT_EQ(test, Pfn::get(opaque(0xfedcba98u)), 0xfedcba98000ull);
	KX_EXPECT_TRUE(test, Pfn::fits(opaque(0xfffffffffffull)));
	KX_EXPECT_FALSE(test, Pfn::fits(opaque(0x100000000000ull)));

	KX_EXPECT_EQ(test, Low::insert(opaque(0xfff00000u), opaque(0x89abc000ull)), 0xfff89abcu);
	KX_EXPECT_EQ(test, Low::get(opaque(0xfff89abcu)), 0x89abc000ull);
}

void bits_disjoint_masks(struct kunit *test)
{
	KX_EXPECT_TRUE(test, disjoint(opaque(0x7c00u), opaque(0x1f0u), opaque(0x1u)));
	KX_EXPECT_FALSE(test, disjoint(opaque(0x7c00u), opaque(0x1f0u), opaque(0x400u)));
	KX_EXPECT_FALSE(test, disjoint(opaque(0x1ull << 40), opaque(0x3ull << 39)));
	KX_EXPECT_TRUE(test, disjoint(opaque(0x1u)));
}

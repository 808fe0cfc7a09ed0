/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bit-field, alignment and arithmetic helpers.  Everything is constexpr, so
 * layouts of registers and page-table descriptors are checked at compile
 * time; the 64-bit divisions go through the kernel's helpers on 32-bit
 * targets.
 */
#ifndef KCXX_BITS_H
#define KCXX_BITS_H

#include <kcxx/types.h>
#include <shim/log.h>
#include <shim/math.h>

namespace kcxx {

template <typename T> constexpr T bit(unsigned int n)
{
	return T(1) << n;
}

/* Bits hi..lo set, like GENMASK()/GENMASK_ULL(). */
template <typename T> constexpr T genmask(unsigned int hi, unsigned int lo)
{
	constexpr unsigned int width = sizeof(T) * 8;

	return (T(~T(0)) >> (width - 1 - hi)) & T(~T(0) << lo);
}

/* A field of bits Hi..Lo in a word of type T. */
template <unsigned int Hi, unsigned int Lo, typename T = u32> struct BitField {
	static_assert(Hi >= Lo && Hi < sizeof(T) * 8, "field outside its word");

	static constexpr unsigned int shift = Lo;
	static constexpr unsigned int width = Hi - Lo + 1;
	static constexpr T mask = genmask<T>(Hi, Lo);
	static constexpr T max = mask >> Lo;

	static constexpr bool fits(T value) { return value <= max; }

	static constexpr T get(T word) { return (word & mask) >> shift; }

	/*
	 * @word with the field replaced by @value.  A value wider than the
	 * field is a caller bug: rejected at compile time in constant
	 * expressions, WARNed and truncated at run time.
	 */
	static constexpr T insert(T word, T value)
	{
		if (!fits(value))
			kx_warn(__FILE__, __LINE__, "value does not fit its bit field");
		return (word & ~mask) | ((value << shift) & mask);
	}
};

/*
 * A field of bits Hi..Lo of a word of type T that holds an address's bits
 * AddrLo..AddrLo + (Hi - Lo): the address, shifted right by AddrLo and
 * placed at Lo.  AddrLo == Lo keeps the bits in place (a TLB invalidation
 * register's VA[31:12]); AddrLo 12 with Lo 0 holds a page frame number.
 * Address bits below AddrLo are dropped on insert, on purpose: the field
 * gives the alignment.  Bits above the field are a caller bug, like a
 * BitField value that does not fit.
 */
template <unsigned int Hi, unsigned int Lo, unsigned int AddrLo = Lo, typename T = u32>
struct AddrField {
	using Field = BitField<Hi, Lo, T>;

	static constexpr unsigned int addr_lo = AddrLo;
	static constexpr unsigned int addr_hi = AddrLo + Hi - Lo;
	static_assert(addr_hi < 64, "address field beyond 64 bits");

	static constexpr T mask = Field::mask;
	/* The address bits the field holds. */
	static constexpr u64 addr_mask = genmask<u64>(addr_hi, addr_lo);

	static constexpr bool fits(u64 address) { return (address & ~genmask<u64>(addr_hi, 0)) == 0; }

	static constexpr u64 get(T word) { return u64(Field::get(word)) << addr_lo; }

	static constexpr T insert(T word, u64 address)
	{
		if (!fits(address))
			kx_warn(__FILE__, __LINE__, "address does not fit its field");
		return Field::insert(word, static_cast<T>((address & addr_mask) >> addr_lo));
	}
};

/* For layout static_asserts: no two of @masks share a bit. */
template <typename... Masks> constexpr bool disjoint(Masks... masks)
{
	const u64 list[] = { 0, static_cast<u64>(masks)... };
	u64 seen = 0;

	for (u64 mask : list) {
		if (seen & mask)
			return false;
		seen |= mask;
	}
	return true;
}

template <typename T> constexpr bool is_power_of_2(T value)
{
	return value != 0 && (value & (value - 1)) == 0;
}

/* Alignments must be powers of two; callers pass constants or checked values. */
template <typename T> constexpr T align_down(T value, T alignment)
{
	return value & ~(alignment - 1);
}

template <typename T> constexpr T align_up(T value, T alignment)
{
	return (value + alignment - 1) & ~(alignment - 1);
}

template <typename T> constexpr bool is_aligned(T value, T alignment)
{
	return (value & (alignment - 1)) == 0;
}

/* Position of the most significant set bit; ilog2(0) is a caller bug. */
constexpr unsigned int ilog2(u64 value)
{
	if (value == 0)
		kx_warn(__FILE__, __LINE__, "ilog2(0)");
	return 63 - __builtin_clzll(value | 1);
}

/* The exponent of the smallest power of two >= @value; 0 for 0 and 1. */
constexpr unsigned int ceil_log2(u64 value)
{
	return value <= 1 ? 0 : ilog2(value - 1) + 1;
}

/* Number of trailing zero bits, i.e. the largest power-of-two alignment. */
constexpr unsigned int ctz(u64 value)
{
	return value ? __builtin_ctzll(value) : 64;
}

/* Does [start, start + size) wrap around the top of T's range? */
template <typename T> constexpr bool range_overflows(T start, T size)
{
	T end;

	return __builtin_add_overflow(start, size, &end) && end != 0;
}

/* u64 / u32 and u64 % u32 without libgcc on 32-bit targets. */
inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	if constexpr (sizeof(long) == 8) {
		*remainder = static_cast<u32>(dividend % divisor);
		return dividend / divisor;
	} else {
		return kx_div_u64_rem(dividend, divisor, remainder);
	}
}

inline u64 div_u64(u64 dividend, u32 divisor)
{
	u32 remainder;

	return div_u64_rem(dividend, divisor, &remainder);
}

inline u64 div64_u64(u64 dividend, u64 divisor)
{
	if constexpr (sizeof(long) == 8)
		return dividend / divisor;
	else
		return kx_div64_u64(dividend, divisor);
}

} // namespace kcxx

#endif

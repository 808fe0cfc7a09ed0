// SPDX-License-Identifier: GPL-2.0
#include <linux/export.h>
#include <linux/math64.h>

#include <shim/math.h>

/**
 * kx_div_u64_rem() - div_u64_rem() for C++
 * @dividend: 64-bit dividend
 * @divisor: 32-bit divisor, not zero
 * @remainder: where to store the remainder
 *
 * Return: the quotient.
 */
u64 kx_div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	return div_u64_rem(dividend, divisor, remainder);
}
EXPORT_SYMBOL_GPL(kx_div_u64_rem);

/**
 * kx_div64_u64() - div64_u64() for C++
 * @dividend: 64-bit dividend
 * @divisor: 64-bit divisor, not zero
 *
 * Return: the quotient.
 */
u64 kx_div64_u64(u64 dividend, u64 divisor)
{
	return div64_u64(dividend, divisor);
}
EXPORT_SYMBOL_GPL(kx_div64_u64);

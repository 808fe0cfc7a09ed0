// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed areas and declared memory (dma_fixed.h): which areas a fixed
 * mapping may take, and where a buffer lies in declared memory.
 */
#include <kcxx/errno.h>

#include "dma_fixed.h"

namespace {

u64 round_up(u64 value, u64 page)
{
	return (value + page - 1) & ~(page - 1);
}

} // namespace

int dma_fixed_check(u64 iova, u64 size, u64 cpu_page, u64 aperture_start,
		    u64 aperture_end) noexcept
{
	u64 last;

	if (!size || (iova | size) & (cpu_page - 1))
		return -kcxx::EINVAL;
	if (__builtin_add_overflow(iova, size - 1, &last))
		return -kcxx::EINVAL;
	if (iova < aperture_start || last > aperture_end)
		return -kcxx::EINVAL;
	return 0;
}

s64 dma_declared_offset(u64 base, u64 size, u64 handle, u64 len, u64 cpu_page) noexcept
{
	if (handle < base || handle - base >= size)
		return -kcxx::ENOENT;
	const u64 offset = handle - base;

	if (!len || round_up(len, cpu_page) > size - offset)
		return -kcxx::EINVAL;
	return static_cast<s64>(offset);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DMA layer's fixed areas and declared memory (socmmu_dma.h): what
 * dma_fixed_shim.c asks before it acts.  C++ (dma_fixed.cpp) decides.
 */
#ifndef SOCMMU_DMA_FIXED_H
#define SOCMMU_DMA_FIXED_H

#include <shim/base.h>

KX_BEGIN_DECLS

/*
 * Can [@iova, @iova + @size) be a fixed area: whole CPU pages, not empty,
 * inside the aperture [@aperture_start, @aperture_end]?  0 or -EINVAL.
 */
int dma_fixed_check(u64 iova, u64 size, u64 cpu_page, u64 aperture_start,
		    u64 aperture_end) KX_NOEXCEPT;

/*
 * A buffer of declared memory [@base, @base + @size): the offset in the
 * block of the one at @handle, @len bytes rounded up to whole CPU pages;
 * -ENOENT when @handle is not in the block, -EINVAL when the buffer does
 * not fit in it.
 */
s64 dma_declared_offset(u64 base, u64 size, u64 handle, u64 len, u64 cpu_page) KX_NOEXCEPT;

KX_END_DECLS

#endif

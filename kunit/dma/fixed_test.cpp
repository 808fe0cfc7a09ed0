// SPDX-License-Identifier: GPL-2.0
/*
 * The decisions behind the DMA layer's fixed areas and declared memory
 * (dma/dma_fixed.h), through the entry points its shim calls (socmmu_dma
 * exports them to KUnit suites): which areas a fixed mapping may take, and
 * where a buffer lies in declared memory.  What they do on an IOMMU is
 * tested by the remote-processor suites (kunit/rproc).
 */
#include <kcxx/errno.h>

#include "../../dma/dma_fixed.h"
#include "../kcxx_test.h"
#include "engine_tests.h"

namespace {

constexpr u64 K4 = 0x1000;
constexpr u64 kApEnd = 0xffffffff;	/* a 32-bit aperture from 0: OMAP's */

} // namespace

extern "C" void rules_fixed_area(struct kunit *test) noexcept
{
	KX_EXPECT_EQ(test, dma_fixed_check(0, 0x100000, K4, 0, kApEnd), 0);
	KX_EXPECT_EQ(test, dma_fixed_check(0xfffff000, K4, K4, 0, kApEnd), 0);
	/* Whole CPU pages only, not empty. */
	KX_EXPECT_EQ(test, dma_fixed_check(0x800, K4, K4, 0, kApEnd), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, dma_fixed_check(0, 0x1800, K4, 0, kApEnd), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, dma_fixed_check(0, 0, K4, 0, kApEnd), -kcxx::EINVAL);
	/* Inside the aperture, to its last byte; no wrap. */
	KX_EXPECT_EQ(test, dma_fixed_check(0xfffff000, 2 * K4, K4, 0, kApEnd), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, dma_fixed_check(0, K4, K4, K4, kApEnd), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, dma_fixed_check(~0ULL - K4 + 1, 2 * K4, K4, 0, ~0ULL), -kcxx::EINVAL);
}

extern "C" void rules_declared_offset(struct kunit *test) noexcept
{
	const u64 base = 0xa0100000, size = 0x40000;

	KX_EXPECT_EQ(test, dma_declared_offset(base, size, base, 100, K4), 0);
	KX_EXPECT_EQ(test, dma_declared_offset(base, size, base + 0x3000, K4, K4), 0x3000);
	KX_EXPECT_EQ(test, dma_declared_offset(base, size, base + size - K4, 1, K4),
		     static_cast<s64>(size - K4));
	/* Not in the block: another allocator's buffer. */
	KX_EXPECT_EQ(test, dma_declared_offset(base, size, base - K4, K4, K4), -kcxx::ENOENT);
	KX_EXPECT_EQ(test, dma_declared_offset(base, size, base + size, K4, K4), -kcxx::ENOENT);
	/* In it but running past its end, rounded up to whole pages, or empty. */
	KX_EXPECT_EQ(test, dma_declared_offset(base, size, base + size - K4, K4 + 1, K4),
		     -kcxx::EINVAL);
	KX_EXPECT_EQ(test, dma_declared_offset(base, size, base, 0, K4), -kcxx::EINVAL);
}

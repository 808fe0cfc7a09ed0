/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C++ cases' expectations on what they read (a debugfs file, a log):
 * on failure the case's output shows the text (kunit/iommu_bench).
 */
#ifndef SOCMMU_IOMMU_BENCH_EXPECT_H
#define SOCMMU_IOMMU_BENCH_EXPECT_H

#include "../kunit_shim.h"
#include "bench_text.h"

namespace ib {

/* Expect @needle in @text, or not (@want); on failure the case's output shows @text. */
inline void expect_has(struct kunit *test, const char *file, int line, const char *text,
		       const char *needle, bool want) noexcept
{
	if (ib_contains(text, needle) == want)
		return;
	if (want)
		kx_kunit_fail(test, file, line, "expected \"%s\" in it", needle);
	else
		kx_kunit_fail(test, file, line, "unexpected \"%s\" in it", needle);
	ib_log(test, "read", text);
}

} // namespace ib

#define IB_EXPECT_HAS(test, text, needle) \
	ib::expect_has((test), __FILE__, __LINE__, (text), (needle), true)
#define IB_EXPECT_HASNT(test, text, needle) \
	ib::expect_has((test), __FILE__, __LINE__, (text), (needle), false)

#endif

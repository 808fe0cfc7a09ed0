/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The test bench's helpers for what a case read (a debugfs file, a log),
 * for the C shims and the C++ cases alike (kunit/iommu_bench); the cases'
 * expectations on it are in bench_expect.h.
 */
#ifndef SOCMMU_IOMMU_BENCH_TEXT_H
#define SOCMMU_IOMMU_BENCH_TEXT_H

#include <shim/base.h>

struct kunit;

KX_BEGIN_DECLS

bool ib_contains(const char *text, const char *needle) KX_NOEXCEPT;
/* The value of the line "@key 0x<hex>" in @text; false if there is none. */
bool ib_text_field(const char *text, const char *key, u32 *value) KX_NOEXCEPT;
/* @text into the case's output, one KTAP diagnostic line per line. */
void ib_log(struct kunit *test, const char *what, const char *text) KX_NOEXCEPT;

KX_END_DECLS

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit for C++ test bodies.  Suites and case tables stay in C
 * (kunit_test_suites() is a C macro); case functions are extern "C" and
 * report through these.
 */
#ifndef SOCMMU_KUNIT_SHIM_H
#define SOCMMU_KUNIT_SHIM_H

#include <shim/base.h>

struct kunit;

KX_BEGIN_DECLS

/* Record a failed expectation; the case goes on. */
KX_PRINTF(4, 5) void kx_kunit_fail(struct kunit *test, const char *file, int line,
				   const char *fmt, ...) KX_NOEXCEPT;

/*
 * Record a failed assertion and end the case at once.  The case's C++
 * frames are abandoned, not unwound: destructors of its locals do not run,
 * so allocate what a case must release through kx_kunit_kzalloc().
 */
KX_NORETURN KX_PRINTF(4, 5) void kx_kunit_abort(struct kunit *test, const char *file, int line,
						const char *fmt, ...) KX_NOEXCEPT;

/* Mark the case skipped and end it. */
KX_NORETURN void kx_kunit_skip(struct kunit *test, const char *reason) KX_NOEXCEPT;

/* A line in the case's log (kunit_info()). */
KX_PRINTF(2, 3) void kx_kunit_info(struct kunit *test, const char *fmt, ...) KX_NOEXCEPT;

/* Zeroed memory that KUnit frees when the case ends, however it ends. */
void *kx_kunit_kzalloc(struct kunit *test, size_t size) KX_NOEXCEPT;

/*
 * Lines of the kernel log after the line holding @marker that hold both
 * @dev and @needle, or -ENOMEM.  A case prints @marker first, so that
 * only what its own calls logged counts.
 */
int kx_kunit_log_lines(const char *marker, const char *dev, const char *needle) KX_NOEXCEPT;

KX_END_DECLS

#endif

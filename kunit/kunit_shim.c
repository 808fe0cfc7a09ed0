// SPDX-License-Identifier: GPL-2.0
#include <kunit/test.h>
#include <linux/export.h>
#include <linux/kmsg_dump.h>
#include <linux/module.h>

#include "kunit_shim.h"

static void report(struct kunit *test, enum kunit_assert_type type,
		   const char *file, int line, const char *fmt, va_list *args)
{
	struct va_format vaf = { .fmt = fmt, .va = args };

	/* An ASSERTION ends the case here and does not return. */
	KUNIT_FAIL_ASSERTION(test, type, "%s:%d: %pV", file, line, &vaf);
}

/**
 * kx_kunit_fail() - fail a KUnit expectation from C++
 * @test: the running case
 * @file: C++ source file of the expectation
 * @line: its line
 * @fmt: what was expected, printf-style
 */
void kx_kunit_fail(struct kunit *test, const char *file, int line,
		   const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	report(test, KUNIT_EXPECTATION, file, line, fmt, &args);
	va_end(args);
}
EXPORT_SYMBOL_GPL(kx_kunit_fail);

/**
 * kx_kunit_abort() - fail a KUnit assertion from C++ and end the case
 * @test: the running case
 * @file: C++ source file of the assertion
 * @line: its line
 * @fmt: what was asserted, printf-style
 */
void kx_kunit_abort(struct kunit *test, const char *file, int line,
		    const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	report(test, KUNIT_ASSERTION, file, line, fmt, &args);
	va_end(args);
	unreachable();
}
EXPORT_SYMBOL_GPL(kx_kunit_abort);

/**
 * kx_kunit_skip() - skip the running case from C++
 * @test: the running case
 * @reason: why it cannot run here
 */
void kx_kunit_skip(struct kunit *test, const char *reason)
{
	kunit_skip(test, "%s", reason);
	unreachable();
}
EXPORT_SYMBOL_GPL(kx_kunit_skip);

/**
 * kx_kunit_info() - kunit_info() for C++: a line in the case's log
 * @test: the running case
 * @fmt: printf-style
 */
void kx_kunit_info(struct kunit *test, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	kunit_info(test, "%pV", &vaf);
	va_end(args);
}
EXPORT_SYMBOL_GPL(kx_kunit_info);

/**
 * kx_kunit_kzalloc() - kunit_kzalloc() for C++
 * @test: the running case
 * @size: bytes
 *
 * Return: zeroed memory freed when the case ends, or NULL.
 */
void *kx_kunit_kzalloc(struct kunit *test, size_t size)
{
	return kunit_kzalloc(test, size, GFP_KERNEL);
}
EXPORT_SYMBOL_GPL(kx_kunit_kzalloc);

/**
 * kx_kunit_log_lines() - count a case's own lines in the kernel log
 * @marker: a line the case printed before the calls it checks
 * @dev: text each counted line holds (a device name)
 * @needle: text each counted line holds too
 *
 * Return: lines after the one holding @marker that hold @dev and @needle,
 * or -ENOMEM.
 */
int kx_kunit_log_lines(const char *marker, const char *dev, const char *needle)
{
	struct kmsg_dump_iter iter;
	bool after = false;
	int count = 0;
	char *line = kmalloc(512, GFP_KERNEL);
	size_t n;

	if (!line)
		return -ENOMEM;
	kmsg_dump_rewind(&iter);
	while (kmsg_dump_get_line(&iter, false, line, 511, &n)) {
		line[n] = '\0';
		if (strstr(line, marker))
			after = true;
		else if (after && strstr(line, dev) && strstr(line, needle))
			count++;
	}
	kfree(line);
	return count;
}
EXPORT_SYMBOL_GPL(kx_kunit_log_lines);

MODULE_DESCRIPTION("KUnit for socmmu's C++ test cases");
MODULE_LICENSE("GPL");

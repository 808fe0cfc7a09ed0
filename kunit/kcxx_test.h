/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Expectations and assertions for C++ KUnit cases.  EXPECT records a
 * failure and goes on; ASSERT records it and ends the case.  Values are
 * printed as 64-bit integers, which covers every integer, enum and pointer
 * we compare.
 */
#ifndef SOCMMU_KCXX_TEST_H
#define SOCMMU_KCXX_TEST_H

#include <kcxx/types.h>
#include <kcxx/utility.h>

#include "kunit_shim.h"

namespace kcxx::test {

using kcxx::is_pointer_v;

template <typename T> constexpr long long printable(const T &value)
{
	if constexpr (is_pointer_v<T>)
		return static_cast<long long>(reinterpret_cast<uintptr_t>(value));
	else
		return static_cast<long long>(value);
}

} // namespace kcxx::test

#define KX_EXPECT_TRUE(test, cond)                                                     \
	do {                                                                           \
		if (!(cond))                                                           \
			kx_kunit_fail((test), __FILE__, __LINE__, "expected %s", #cond); \
	} while (0)

#define KX_EXPECT_FALSE(test, cond) KX_EXPECT_TRUE(test, !(cond))

#define KX_ASSERT_TRUE(test, cond)                                                      \
	do {                                                                            \
		if (!(cond))                                                            \
			kx_kunit_abort((test), __FILE__, __LINE__, "asserted %s", #cond); \
	} while (0)

#define KX_CMP_(report, test, a, op, b)                                                \
	do {                                                                           \
		const auto kx_a_ = (a);                                                \
		const auto kx_b_ = (b);                                                \
		if (!(kx_a_ op kx_b_))                                                 \
			report((test), __FILE__, __LINE__,                             \
			       "expected %s %s %s, but %lld (0x%llx) vs %lld (0x%llx)", \
			       #a, #op, #b, ::kcxx::test::printable(kx_a_),            \
			       ::kcxx::test::printable(kx_a_),                         \
			       ::kcxx::test::printable(kx_b_),                         \
			       ::kcxx::test::printable(kx_b_));                        \
	} while (0)

#define KX_EXPECT_EQ(test, a, b) KX_CMP_(kx_kunit_fail, test, a, ==, b)
#define KX_EXPECT_NE(test, a, b) KX_CMP_(kx_kunit_fail, test, a, !=, b)
#define KX_EXPECT_LT(test, a, b) KX_CMP_(kx_kunit_fail, test, a, <, b)
#define KX_EXPECT_LE(test, a, b) KX_CMP_(kx_kunit_fail, test, a, <=, b)
#define KX_ASSERT_EQ(test, a, b) KX_CMP_(kx_kunit_abort, test, a, ==, b)
#define KX_ASSERT_NE(test, a, b) KX_CMP_(kx_kunit_abort, test, a, !=, b)

/* A kcxx::Result must hold a value; on error, report its errno and end the case. */
#define KX_ASSERT_OK(test, result)                                                     \
	do {                                                                           \
		const auto &kx_r_ = (result);                                          \
		if (!kx_r_.ok())                                                       \
			kx_kunit_abort((test), __FILE__, __LINE__, "%s failed with %d", \
				       #result, kx_r_.to_errno());                     \
	} while (0)

#endif

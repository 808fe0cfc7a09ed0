// SPDX-License-Identifier: GPL-2.0
/*
 * Everything scripts/check-objects.sh must reject, in one object.  Built
 * only by `make check`'s self-test of that script, never into a module.
 */
#include <kcxx/types.h>

namespace {

struct NeedsConstructor {
	NeedsConstructor() : value(static_cast<int>(reinterpret_cast<uintptr_t>(this))) {}
	int value;
};

/* A global with a constructor: .init_array. */
NeedsConstructor global_with_constructor;

} // namespace

u64 bad_cxx_divide(u64 a, u64 b);
int bad_cxx_value(void);
int *bad_cxx_new(void);

/* 64-bit division: __aeabi_uldivmod on 32-bit ARM. */
u64 bad_cxx_divide(u64 a, u64 b)
{
	return a / b;
}

int bad_cxx_value(void)
{
	return global_with_constructor.value;
}

/* Throwing operator new, which nobody defines. */
int *bad_cxx_new(void)
{
	return new int(1);
}

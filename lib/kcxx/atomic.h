/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-modify-write atomics on a u32, as cheap as the kernel's own.
 *
 * The kernel makes an atomic_t operation atomic against whatever can run
 * concurrently: other CPUs on an SMP kernel, only interrupts on this CPU
 * on a uniprocessor one, where x86 drops the LOCK prefix (a single
 * instruction cannot be interrupted halfway).  GCC's __atomic builtins
 * always lock, which on UML, a uniprocessor x86 kernel, costs as much as
 * the rest of a page-table update.  So these follow the kernel: the
 * builtins on SMP kernels and on every other architecture, and unlocked
 * single instructions on a uniprocessor x86 kernel (UML), which the build
 * tells by defining KX_UP (Kbuild; without it, locked: always correct).
 *
 * Orderings are those the names say; on x86 every one of these is a full
 * compiler barrier, which is what a uniprocessor needs.
 */
#ifndef KCXX_ATOMIC_H
#define KCXX_ATOMIC_H

#include <kcxx/types.h>

namespace kcxx {

#if defined(KX_UP) && defined(__x86_64__)

/* *@p == *@expected ? *@p = @desired, true : *@expected = *@p, false. */
inline bool cmpxchg_acquire(u32 *p, u32 *expected, u32 desired)
{
	bool ok;

	asm volatile("cmpxchgl %3, %1"
		     : "=@ccz"(ok), "+m"(*p), "+a"(*expected)
		     : "r"(desired)
		     : "memory");
	return ok;
}

/* *@p += @delta; the new value. */
inline u32 add_return(u32 *p, u32 delta)
{
	u32 old = delta;

	asm volatile("xaddl %0, %1" : "+r"(old), "+m"(*p) : : "memory", "cc");
	return old + delta;
}

#else

inline bool cmpxchg_acquire(u32 *p, u32 *expected, u32 desired)
{
	return __atomic_compare_exchange_n(p, expected, desired, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

inline u32 add_return(u32 *p, u32 delta)
{
	return __atomic_add_fetch(p, delta, __ATOMIC_ACQ_REL);
}

#endif

/* *@p -= @delta; the new value.  Release and acquire, like add_return(). */
inline u32 sub_return(u32 *p, u32 delta)
{
	return add_return(p, -delta);
}

} // namespace kcxx

#endif

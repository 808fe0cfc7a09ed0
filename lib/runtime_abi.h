/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C++ runtime's symbols, as C sees them, so that socmmu_core can
 * export them.  Mangled names are valid C identifiers; size_t mangles as
 * 'm' (unsigned long) on 64-bit and as 'j' (unsigned int) on 32-bit ARM.
 * Definitions: lib/runtime.cpp.
 */
#ifndef SOCMMU_RUNTIME_ABI_H
#define SOCMMU_RUNTIME_ABI_H

#include <linux/types.h>

#if BITS_PER_LONG == 64
/* operator new(size_t, const std::nothrow_t &) and the array form */
#define KX_NEW_NOTHROW _ZnwmRKSt9nothrow_t
#define KX_NEW_ARRAY_NOTHROW _ZnamRKSt9nothrow_t
/* operator delete(void *, size_t) and the array form */
#define KX_DELETE_SIZED _ZdlPvm
#define KX_DELETE_ARRAY_SIZED _ZdaPvm
#else
#define KX_NEW_NOTHROW _ZnwjRKSt9nothrow_t
#define KX_NEW_ARRAY_NOTHROW _ZnajRKSt9nothrow_t
#define KX_DELETE_SIZED _ZdlPvj
#define KX_DELETE_ARRAY_SIZED _ZdaPvj
#endif

void *KX_NEW_NOTHROW(size_t size, const void *nothrow);
void *KX_NEW_ARRAY_NOTHROW(size_t size, const void *nothrow);
void _ZdlPv(void *ptr);		/* operator delete(void *) */
void _ZdaPv(void *ptr);		/* operator delete[](void *) */
void KX_DELETE_SIZED(void *ptr, size_t size);
void KX_DELETE_ARRAY_SIZED(void *ptr, size_t size);
void __cxa_pure_virtual(void);

#endif

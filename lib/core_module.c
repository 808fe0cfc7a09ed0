// SPDX-License-Identifier: GPL-2.0
/*
 * socmmu_core: the C++ support library's runtime and shims, shared by every
 * other socmmu module.
 *
 * C++ objects in other modules refer to the allocation functions by their
 * mangled names; those are C identifiers too, so they are exported from
 * here like any other symbol.  size_t mangles as 'm' (unsigned long) on
 * 64-bit and as 'j' (unsigned int) on 32-bit ARM.
 */
#include <linux/export.h>
#include <linux/module.h>

#if BITS_PER_LONG == 64
#define KX_MANGLED_SIZE(prefix, suffix) prefix##m##suffix
#else
#define KX_MANGLED_SIZE(prefix, suffix) prefix##j##suffix
#endif

/* operator new(size_t, const std::nothrow_t &) and the array form */
#define KX_NEW_NOTHROW KX_MANGLED_SIZE(_Znw, RKSt9nothrow_t)
#define KX_NEW_ARRAY_NOTHROW KX_MANGLED_SIZE(_Zna, RKSt9nothrow_t)
/* operator delete(void *, size_t) and the array form */
#define KX_DELETE_SIZED KX_MANGLED_SIZE(_ZdlPv, )
#define KX_DELETE_ARRAY_SIZED KX_MANGLED_SIZE(_ZdaPv, )

void *KX_NEW_NOTHROW(size_t size, const void *nothrow);
void *KX_NEW_ARRAY_NOTHROW(size_t size, const void *nothrow);
void _ZdlPv(void *ptr);
void _ZdaPv(void *ptr);
void KX_DELETE_SIZED(void *ptr, size_t size);
void KX_DELETE_ARRAY_SIZED(void *ptr, size_t size);
void __cxa_pure_virtual(void);

EXPORT_SYMBOL_GPL(KX_NEW_NOTHROW);
EXPORT_SYMBOL_GPL(KX_NEW_ARRAY_NOTHROW);
EXPORT_SYMBOL_GPL(_ZdlPv);
EXPORT_SYMBOL_GPL(_ZdaPv);
EXPORT_SYMBOL_GPL(KX_DELETE_SIZED);
EXPORT_SYMBOL_GPL(KX_DELETE_ARRAY_SIZED);
EXPORT_SYMBOL_GPL(__cxa_pure_virtual);

MODULE_DESCRIPTION("socmmu C++ runtime and kernel shims");
MODULE_LICENSE("GPL");

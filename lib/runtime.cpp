// SPDX-License-Identifier: GPL-2.0
/*
 * The C++ runtime: allocation functions over kmalloc/kfree and the
 * pure-virtual trap.  Exported to our other modules by lib/core_module.c.
 * Nothing here may need a constructor, an unwinder or libgcc.
 */
#include <kcxx/new.h>
#include <shim/alloc.h>
#include <shim/log.h>

void *operator new(size_t size, const std::nothrow_t &) noexcept
{
	return kx_kmalloc(size, KX_ALLOC_SLEEPABLE, false);
}

void *operator new[](size_t size, const std::nothrow_t &) noexcept
{
	return kx_kmalloc(size, KX_ALLOC_SLEEPABLE, false);
}

void operator delete(void *ptr) noexcept
{
	kx_kfree(ptr);
}

void operator delete(void *ptr, size_t) noexcept
{
	kx_kfree(ptr);
}

void operator delete[](void *ptr) noexcept
{
	kx_kfree(ptr);
}

void operator delete[](void *ptr, size_t) noexcept
{
	kx_kfree(ptr);
}

extern "C" [[noreturn]] void __cxa_pure_virtual() noexcept;

/* Called through a vtable slot whose function was never overridden. */
extern "C" [[noreturn]] void __cxa_pure_virtual() noexcept
{
	kx_bug(__FILE__, __LINE__, "pure virtual function called");
}

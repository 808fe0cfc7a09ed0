// SPDX-License-Identifier: GPL-2.0
/*
 * Heap allocation for C++: operator new, Owner<T> and friends.
 */
#include <linux/export.h>
#include <linux/slab.h>

#include <shim/alloc.h>

/**
 * kx_kmalloc() - kmalloc() for C++
 * @size: bytes to allocate
 * @context: whether the caller may sleep
 * @zeroed: return zeroed memory
 *
 * Sizes no slab or page allocation can satisfy fail quietly with NULL, as a
 * non-throwing operator new must, instead of tripping the page
 * allocator's WARN on impossible orders.
 *
 * Return: the memory, or NULL.
 */
void *kx_kmalloc(size_t size, enum kx_alloc_context context, bool zeroed)
{
	gfp_t gfp = context == KX_ALLOC_ATOMIC ? GFP_ATOMIC : GFP_KERNEL;

	if (size > KMALLOC_MAX_SIZE)
		return NULL;
	if (zeroed)
		gfp |= __GFP_ZERO;
	return kmalloc(size, gfp);
}
EXPORT_SYMBOL_GPL(kx_kmalloc);

/**
 * kx_kfree() - kfree() for C++
 * @ptr: memory from kx_kmalloc(), or NULL
 */
void kx_kfree(const void *ptr)
{
	kfree(ptr);
}
EXPORT_SYMBOL_GPL(kx_kfree);

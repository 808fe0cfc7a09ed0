/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KX_SHIM_ALLOC_H
#define KX_SHIM_ALLOC_H

#include <shim/base.h>

KX_BEGIN_DECLS

/* Whether the caller may sleep: GFP_KERNEL or GFP_ATOMIC in the shim. */
enum kx_alloc_context {
	KX_ALLOC_SLEEPABLE = 0,
	KX_ALLOC_ATOMIC = 1,
};

void *kx_kmalloc(size_t size, enum kx_alloc_context context, bool zeroed) KX_NOEXCEPT;
void kx_kfree(const void *ptr) KX_NOEXCEPT;

KX_END_DECLS

#endif

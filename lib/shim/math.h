/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 64-bit division through the kernel's helpers: on 32-bit ARM a plain
 * `/` on u64 would call libgcc's __aeabi_uldivmod, which the kernel does
 * not export.
 */
#ifndef KX_SHIM_MATH_H
#define KX_SHIM_MATH_H

#include <shim/base.h>

KX_BEGIN_DECLS

u64 kx_div_u64_rem(u64 dividend, u32 divisor, u32 *remainder) KX_NOEXCEPT;
u64 kx_div64_u64(u64 dividend, u64 divisor) KX_NOEXCEPT;

KX_END_DECLS

#endif

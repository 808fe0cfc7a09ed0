/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-width types for freestanding C++.  Built from the compiler's own
 * type macros, never from a libc or kernel header, and spelled so that they
 * are the very same types as the kernel's u8..u64, size_t and uintptr_t on
 * every architecture we build for (checked in lib/shim/abi_checks.c).
 */
#ifndef KCXX_TYPES_H
#define KCXX_TYPES_H

using u8 = unsigned char;
using u16 = unsigned short;
using u32 = unsigned int;
using u64 = unsigned long long;
using s8 = signed char;
using s16 = short;
using s32 = int;
using s64 = long long;

using size_t = __SIZE_TYPE__;
using ssize_t = __PTRDIFF_TYPE__;
using uintptr_t = __UINTPTR_TYPE__;
using intptr_t = __INTPTR_TYPE__;
using nullptr_t = decltype(nullptr);

static_assert(sizeof(u8) == 1 && sizeof(u16) == 2 && sizeof(u32) == 4 && sizeof(u64) == 8);
static_assert(sizeof(uintptr_t) == sizeof(void *));

#endif

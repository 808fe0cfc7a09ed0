/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Common ground for every shim header: the header is read by the C shims,
 * which include kernel headers, and by C++, which must not.  Types at the
 * boundary are therefore plain fixed-width types, and kernel objects are
 * opaque handles.
 */
#ifndef KX_SHIM_BASE_H
#define KX_SHIM_BASE_H

#ifdef __cplusplus
#include <kcxx/types.h>
#define KX_BEGIN_DECLS extern "C" {
#define KX_END_DECLS }
#define KX_NOEXCEPT noexcept
#else
#include <linux/types.h>
#define KX_BEGIN_DECLS
#define KX_END_DECLS
#define KX_NOEXCEPT
#endif

#define KX_PRINTF(fmt_idx, args_idx) __attribute__((format(printf, fmt_idx, args_idx)))
#define KX_NORETURN __attribute__((noreturn))

#endif

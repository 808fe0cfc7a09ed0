/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The errno values C++ may return.  They are part of the kernel's user ABI
 * and the same on every architecture we build for; lib/shim/abi_checks.c
 * proves each one against <linux/errno.h> at build time.
 */
#ifndef KX_SHIM_ERRNO_H
#define KX_SHIM_ERRNO_H

#define KX_EPERM 1
#define KX_ENOENT 2
#define KX_EINTR 4
#define KX_EIO 5
#define KX_ENXIO 6
#define KX_E2BIG 7
#define KX_EAGAIN 11
#define KX_ENOMEM 12
#define KX_EFAULT 14
#define KX_EBUSY 16
#define KX_EEXIST 17
#define KX_ENODEV 19
#define KX_EINVAL 22
#define KX_ENOSPC 28
#define KX_ERANGE 34
#define KX_ENOSYS 38
#define KX_EOVERFLOW 75
#define KX_EOPNOTSUPP 95
#define KX_ETIMEDOUT 110
#define KX_EPROBE_DEFER 517

/* IS_ERR_VALUE() range: the top MAX_ERRNO addresses encode an errno. */
#define KX_MAX_ERRNO 4095

#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * Build-time proof that what C++ believes about the kernel's ABI holds for
 * the kernel being built against.  No code: only assertions.
 */
#include <linux/build_bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/types.h>

#include <shim/errno.h>
#include <shim/log.h>

static_assert(KX_EPERM == EPERM);
static_assert(KX_ENOENT == ENOENT);
static_assert(KX_EINTR == EINTR);
static_assert(KX_EIO == EIO);
static_assert(KX_ENXIO == ENXIO);
static_assert(KX_E2BIG == E2BIG);
static_assert(KX_EAGAIN == EAGAIN);
static_assert(KX_ENOMEM == ENOMEM);
static_assert(KX_EFAULT == EFAULT);
static_assert(KX_EBUSY == EBUSY);
static_assert(KX_EEXIST == EEXIST);
static_assert(KX_ENODEV == ENODEV);
static_assert(KX_EINVAL == EINVAL);
static_assert(KX_ENOSPC == ENOSPC);
static_assert(KX_ERANGE == ERANGE);
static_assert(KX_ENOSYS == ENOSYS);
static_assert(KX_EOVERFLOW == EOVERFLOW);
static_assert(KX_EOPNOTSUPP == EOPNOTSUPP);
static_assert(KX_ETIMEDOUT == ETIMEDOUT);
static_assert(KX_EPROBE_DEFER == EPROBE_DEFER);
static_assert(KX_MAX_ERRNO == MAX_ERRNO);

/* kcxx/types.h spells the kernel's types with the compiler's own names. */
static_assert(__builtin_types_compatible_p(size_t, __SIZE_TYPE__));
static_assert(__builtin_types_compatible_p(uintptr_t, __UINTPTR_TYPE__));
static_assert(__builtin_types_compatible_p(u64, unsigned long long));
static_assert(__builtin_types_compatible_p(u32, unsigned int));

static_assert(KX_LOG_ERR == LOGLEVEL_ERR);
static_assert(KX_LOG_WARNING == LOGLEVEL_WARNING);
static_assert(KX_LOG_INFO == LOGLEVEL_INFO);
static_assert(KX_LOG_DEBUG == LOGLEVEL_DEBUG);

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KCXX_ERRNO_H
#define KCXX_ERRNO_H

#include <shim/errno.h>

namespace kcxx {

/* Positive errno values, as the kernel's <linux/errno.h> defines them. */
inline constexpr int EPERM = KX_EPERM;
inline constexpr int ENOENT = KX_ENOENT;
inline constexpr int EINTR = KX_EINTR;
inline constexpr int EIO = KX_EIO;
inline constexpr int ENXIO = KX_ENXIO;
inline constexpr int E2BIG = KX_E2BIG;
inline constexpr int EAGAIN = KX_EAGAIN;
inline constexpr int ENOMEM = KX_ENOMEM;
inline constexpr int EFAULT = KX_EFAULT;
inline constexpr int EBUSY = KX_EBUSY;
inline constexpr int EEXIST = KX_EEXIST;
inline constexpr int ENODEV = KX_ENODEV;
inline constexpr int EINVAL = KX_EINVAL;
inline constexpr int ENOSPC = KX_ENOSPC;
inline constexpr int ERANGE = KX_ERANGE;
inline constexpr int ENOSYS = KX_ENOSYS;
inline constexpr int EOVERFLOW = KX_EOVERFLOW;
inline constexpr int EOPNOTSUPP = KX_EOPNOTSUPP;
inline constexpr int ETIMEDOUT = KX_ETIMEDOUT;
inline constexpr int EPROBE_DEFER = KX_EPROBE_DEFER;

inline constexpr int MAX_ERRNO = KX_MAX_ERRNO;

} // namespace kcxx

#endif

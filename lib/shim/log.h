/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KX_SHIM_LOG_H
#define KX_SHIM_LOG_H

#include <shim/base.h>

KX_BEGIN_DECLS

/* printk levels, numerically the same as KERN_ERR..KERN_DEBUG. */
enum kx_log_level {
	KX_LOG_ERR = 3,
	KX_LOG_WARNING = 4,
	KX_LOG_INFO = 6,
	KX_LOG_DEBUG = 7,
};

struct device;

KX_PRINTF(2, 3) void kx_log(enum kx_log_level level, const char *fmt, ...) KX_NOEXCEPT;

/* dev_err() and friends: @dev names the device, as dev_printk() does. */
KX_PRINTF(3, 4) void kx_dev_log(const struct device *dev, enum kx_log_level level,
				const char *fmt, ...) KX_NOEXCEPT;

/*
 * dev_err_probe(): logs @err and the message unless @err is
 * -EPROBE_DEFER (then it only records why); returns @err.
 */
KX_PRINTF(3, 4) int kx_dev_err_probe(const struct device *dev, int err,
				     const char *fmt, ...) KX_NOEXCEPT;

/* dev_name(). */
const char *kx_dev_name(const struct device *dev) KX_NOEXCEPT;

/* WARN() with the C++ call site; returns true so it can sit in a condition. */
bool kx_warn(const char *file, int line, const char *what) KX_NOEXCEPT;

/* BUG() with the C++ call site. */
KX_NORETURN void kx_bug(const char *file, int line, const char *what) KX_NOEXCEPT;

KX_END_DECLS

#endif

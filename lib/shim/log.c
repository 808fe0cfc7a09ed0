// SPDX-License-Identifier: GPL-2.0
#include <linux/bug.h>
#include <linux/device.h>
#include <linux/export.h>
#include <linux/printk.h>

#include <shim/log.h>

/**
 * kx_log() - printk() for C++
 * @level: KX_LOG_*, numerically a printk level
 * @fmt: printf-style format
 */
void kx_log(enum kx_log_level level, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	switch (level) {
	case KX_LOG_ERR:
		pr_err("%pV", &vaf);
		break;
	case KX_LOG_WARNING:
		pr_warn("%pV", &vaf);
		break;
	case KX_LOG_INFO:
		pr_info("%pV", &vaf);
		break;
	default:
		pr_debug("%pV", &vaf);
		break;
	}
	va_end(args);
}
EXPORT_SYMBOL_GPL(kx_log);

/**
 * kx_dev_log() - dev_printk() for C++
 * @dev: the device the message is about
 * @level: KX_LOG_*, numerically a printk level
 * @fmt: printf-style format
 */
void kx_dev_log(const struct device *dev, enum kx_log_level level, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	switch (level) {
	case KX_LOG_ERR:
		dev_err(dev, "%pV", &vaf);
		break;
	case KX_LOG_WARNING:
		dev_warn(dev, "%pV", &vaf);
		break;
	case KX_LOG_INFO:
		dev_info(dev, "%pV", &vaf);
		break;
	default:
		dev_dbg(dev, "%pV", &vaf);
		break;
	}
	va_end(args);
}
EXPORT_SYMBOL_GPL(kx_dev_log);

/**
 * kx_dev_err_probe() - dev_err_probe() for C++
 * @dev: the device being probed
 * @err: the negative errno probe returns
 * @fmt: printf-style format
 *
 * Return: @err.
 */
int kx_dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	err = dev_err_probe(dev, err, "%pV", &vaf);
	va_end(args);
	return err;
}
EXPORT_SYMBOL_GPL(kx_dev_err_probe);

/**
 * kx_dev_name() - dev_name() for C++
 * @dev: the device
 *
 * Return: its name.
 */
const char *kx_dev_name(const struct device *dev)
{
	return dev_name(dev);
}
EXPORT_SYMBOL_GPL(kx_dev_name);

/**
 * kx_warn() - WARN() on behalf of a C++ call site
 * @file: the C++ source file
 * @line: the C++ source line
 * @what: the condition that held
 *
 * Return: true, so C++ can write ``if (cond && kx_warn(...))``.
 */
bool kx_warn(const char *file, int line, const char *what)
{
	WARN(1, "%s:%d: %s\n", file, line, what);
	return true;
}
EXPORT_SYMBOL_GPL(kx_warn);

/**
 * kx_bug() - BUG() on behalf of a C++ call site
 * @file: the C++ source file
 * @line: the C++ source line
 * @what: why the kernel cannot go on
 */
void kx_bug(const char *file, int line, const char *what)
{
	pr_crit("%s:%d: %s\n", file, line, what);
	BUG();
}
EXPORT_SYMBOL_GPL(kx_bug);

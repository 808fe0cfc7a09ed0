/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KCXX_LOG_H
#define KCXX_LOG_H

#include <shim/log.h>

#define KCXX_PR_ERR(fmt, ...) kx_log(KX_LOG_ERR, fmt, ##__VA_ARGS__)
#define KCXX_PR_WARN(fmt, ...) kx_log(KX_LOG_WARNING, fmt, ##__VA_ARGS__)
#define KCXX_PR_INFO(fmt, ...) kx_log(KX_LOG_INFO, fmt, ##__VA_ARGS__)
#define KCXX_PR_DEBUG(fmt, ...) kx_log(KX_LOG_DEBUG, fmt, ##__VA_ARGS__)

#define KCXX_DEV_ERR(dev, fmt, ...) kx_dev_log((dev), KX_LOG_ERR, fmt, ##__VA_ARGS__)
#define KCXX_DEV_WARN(dev, fmt, ...) kx_dev_log((dev), KX_LOG_WARNING, fmt, ##__VA_ARGS__)
#define KCXX_DEV_INFO(dev, fmt, ...) kx_dev_log((dev), KX_LOG_INFO, fmt, ##__VA_ARGS__)
#define KCXX_DEV_DEBUG(dev, fmt, ...) kx_dev_log((dev), KX_LOG_DEBUG, fmt, ##__VA_ARGS__)

/* WARN_ON(): evaluates to the condition, warning with the C++ call site. */
#define KCXX_WARN_ON(cond) ((cond) && kx_warn(__FILE__, __LINE__, #cond))

#define KCXX_BUG_ON(cond)                                    \
	do {                                                 \
		if (cond)                                    \
			kx_bug(__FILE__, __LINE__, #cond);   \
	} while (0)

#endif

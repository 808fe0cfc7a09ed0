// SPDX-License-Identifier: GPL-2.0
/*
 * socmmu_core: the C++ support library's runtime and shims, shared by every
 * other socmmu module.  C++ objects in other modules refer to the
 * allocation functions by their mangled names, exported from here like any
 * other symbol.
 */
#include <linux/export.h>
#include <linux/module.h>

#include "runtime_abi.h"

EXPORT_SYMBOL_GPL(KX_NEW_NOTHROW);
EXPORT_SYMBOL_GPL(KX_NEW_ARRAY_NOTHROW);
EXPORT_SYMBOL_GPL(_ZdlPv);
EXPORT_SYMBOL_GPL(_ZdaPv);
EXPORT_SYMBOL_GPL(KX_DELETE_SIZED);
EXPORT_SYMBOL_GPL(KX_DELETE_ARRAY_SIZED);
EXPORT_SYMBOL_GPL(__cxa_pure_virtual);

MODULE_DESCRIPTION("socmmu C++ runtime and kernel shims");
MODULE_LICENSE("GPL");

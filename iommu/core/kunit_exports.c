// SPDX-License-Identifier: GPL-2.0
/*
 * The core's C entry points, for the framework's own suite
 * (kunit/iommu_core), which drives the decisions of the C++ core with a
 * fake driver and hand-made endpoints.  Exported only when KUnit is
 * built, in the EXPORTED_FOR_KUNIT_TESTING namespace.
 */
#include <linux/export.h>

#include <shim/kcompat.h>

#include "core_abi.h"

EXPORT_SYMBOL_IF_KUNIT(core_instance_find);
EXPORT_SYMBOL_IF_KUNIT(core_instance_irq);
EXPORT_SYMBOL_IF_KUNIT(core_client_create);
EXPORT_SYMBOL_IF_KUNIT(core_client_destroy);
EXPORT_SYMBOL_IF_KUNIT(core_client_leave);
EXPORT_SYMBOL_IF_KUNIT(core_domain_create);
EXPORT_SYMBOL_IF_KUNIT(core_domain_destroy);
EXPORT_SYMBOL_IF_KUNIT(core_domain_attach);
EXPORT_SYMBOL_IF_KUNIT(core_domain_map);
EXPORT_SYMBOL_IF_KUNIT(core_domain_map_runs);
EXPORT_SYMBOL_IF_KUNIT(core_domain_unmap);
EXPORT_SYMBOL_IF_KUNIT(core_domain_sync);
EXPORT_SYMBOL_IF_KUNIT(core_domain_flush_all);
EXPORT_SYMBOL_IF_KUNIT(core_domain_iova_to_phys);

// SPDX-License-Identifier: GPL-2.0
/*
 * The engine's table-memory shim, compiled into the test module under a
 * name of its own: the driver module (socmmu_omap_iommu) links the original.
 */
#include "../../iommu/pgtable/table_memory_shim.c"

// SPDX-License-Identifier: GPL-2.0
/*
 * The engine's DmaTableMemory, compiled into the test module under a name
 * of its own: the driver module (socmmu_omap_iommu) links the original.
 */
#include "../../iommu/pgtable/table_memory.cpp"

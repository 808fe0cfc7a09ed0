// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA layer's C++ entry points, exported to its KUnit suites only
 * (namespace EXPORTED_FOR_KUNIT_TESTING; nothing without CONFIG_KUNIT):
 * kunit/dma/ tests the code this module runs, not a copy of it.  See
 * Documentation/testing.rst, "Test seams".
 */
#include <linux/export.h>
#include <linux/module.h>

#include <shim/kcompat.h>

#include "dma_devices.h"
#include "dma_engine.h"
#include "dma_fixed.h"
#include "dma_rules.h"

/* dma_rules.h */
EXPORT_SYMBOL_IF_KUNIT(dma_prot);
EXPORT_SYMBOL_IF_KUNIT(dma_granule);
EXPORT_SYMBOL_IF_KUNIT(dma_window_add_range);
EXPORT_SYMBOL_IF_KUNIT(dma_window_choose);
EXPORT_SYMBOL_IF_KUNIT(dma_page_plan_init);
EXPORT_SYMBOL_IF_KUNIT(dma_page_plan_next);
EXPORT_SYMBOL_IF_KUNIT(dma_page_plan_result);
EXPORT_SYMBOL_IF_KUNIT(dma_removal_on);

/* dma_fixed.h */
EXPORT_SYMBOL_IF_KUNIT(dma_fixed_check);
EXPORT_SYMBOL_IF_KUNIT(dma_declared_offset);

/* dma_devices.h */
EXPORT_SYMBOL_IF_KUNIT(dma_devices_create);
EXPORT_SYMBOL_IF_KUNIT(dma_devices_destroy);
EXPORT_SYMBOL_IF_KUNIT(dma_devices_add);
EXPORT_SYMBOL_IF_KUNIT(dma_devices_find);
EXPORT_SYMBOL_IF_KUNIT(dma_devices_take);
EXPORT_SYMBOL_IF_KUNIT(dma_devices_shape);

/* dma_engine.h */
EXPORT_SYMBOL_IF_KUNIT(dma_engine_create);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_destroy);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_map_phys);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_unmap_phys);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_map_chunks);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_map_pages);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_map_sg);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_unmap_sg);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_flush_queue);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_deferred);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_set_deferred);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_get_stats);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_sync_for_device);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_sync_for_cpu);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_supported);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_required_mask);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_max_mapping_size);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_merge_boundary);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_add_buffer);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_find_buffer);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_take_buffer);
EXPORT_SYMBOL_IF_KUNIT(dma_engine_take_any_buffer);
EXPORT_SYMBOL_IF_KUNIT(dma_range_pool_create);
EXPORT_SYMBOL_IF_KUNIT(dma_range_pool_destroy);
EXPORT_SYMBOL_IF_KUNIT(dma_range_pool_alloc);
EXPORT_SYMBOL_IF_KUNIT(dma_range_pool_free);

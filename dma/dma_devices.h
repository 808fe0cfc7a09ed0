/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The devices the DMA layer serves, by struct device: an O(log n) registry
 * (C++, dma_devices.cpp) of entries embedded in each device's state, so
 * that setup, removal and the exported API find a device's state even
 * after someone else replaced its dma_map_ops.  See
 * Documentation/dma-layer.rst.
 */
#ifndef SOCMMU_DMA_DEVICES_H
#define SOCMMU_DMA_DEVICES_H

#include <shim/base.h>

/* Embedded in struct socmmu_dma_device; the links are the registry's. */
struct dma_devices_entry {
	struct dma_devices_entry *left, *right, *parent;
	int height;
	const void *dev;	/* the key */
};

struct dma_devices;

KX_BEGIN_DECLS

/* May sleep; NULL with *err set. */
struct dma_devices *dma_devices_create(int *err) KX_NOEXCEPT;
/* Every entry must be gone. */
void dma_devices_destroy(struct dma_devices *devices) KX_NOEXCEPT;
/* File @entry under @dev: -EEXIST if @dev has one already.  These may sleep. */
int dma_devices_add(struct dma_devices *devices, struct dma_devices_entry *entry,
		    const void *dev) KX_NOEXCEPT;
struct dma_devices_entry *dma_devices_find(struct dma_devices *devices,
					   const void *dev) KX_NOEXCEPT;
/* Find and remove. */
struct dma_devices_entry *dma_devices_take(struct dma_devices *devices,
					   const void *dev) KX_NOEXCEPT;
/* For tests: how many entries, and the tree's height. */
void dma_devices_shape(struct dma_devices *devices, u64 *count, int *height) KX_NOEXCEPT;

KX_END_DECLS

#endif

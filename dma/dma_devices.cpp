// SPDX-License-Identifier: GPL-2.0
/*
 * The registry of the devices the DMA layer serves (dma_devices.h): an
 * AVL tree keyed by the device's address, under a mutex (setup and
 * removal sleep in the IOMMU core anyway).
 */
#include <kcxx/lock.h>
#include <kcxx/log.h>
#include <kcxx/owner.h>

#include "avl_tree.h"
#include "dma_devices.h"

namespace {

struct DeviceTraits {
	static u64 key(const dma_devices_entry &entry)
	{
		return reinterpret_cast<uintptr_t>(entry.dev);
	}
	static void augment(dma_devices_entry &) {}
};

u64 key_of(const void *dev)
{
	return reinterpret_cast<uintptr_t>(dev);
}

} // namespace

struct dma_devices {
	kcxx::Mutex lock{KCXX_LOCK_CLASS("socmmu_dma.devices")};
	socmmu::dma::AvlTree<dma_devices_entry, DeviceTraits> tree;	/* under lock */
};

struct dma_devices *dma_devices_create(int *err) noexcept
{
	auto devices = kcxx::make_owned<dma_devices>();

	if (!devices.ok()) {
		*err = devices.to_errno();
		return nullptr;
	}
	return devices.value().release();
}

void dma_devices_destroy(struct dma_devices *devices) noexcept
{
	KCXX_WARN_ON(!devices->tree.empty());
	delete devices;
}

int dma_devices_add(struct dma_devices *devices, struct dma_devices_entry *entry,
		    const void *dev) noexcept
{
	kcxx::Guard guard(devices->lock);

	if (devices->tree.find(key_of(dev)))
		return -kcxx::EEXIST;
	entry->dev = dev;
	devices->tree.insert(entry);
	return 0;
}

struct dma_devices_entry *dma_devices_find(struct dma_devices *devices, const void *dev) noexcept
{
	kcxx::Guard guard(devices->lock);

	return devices->tree.find(key_of(dev));
}

struct dma_devices_entry *dma_devices_take(struct dma_devices *devices, const void *dev) noexcept
{
	kcxx::Guard guard(devices->lock);
	dma_devices_entry *entry = devices->tree.find(key_of(dev));

	if (entry)
		devices->tree.erase(entry);
	return entry;
}

void dma_devices_shape(struct dma_devices *devices, u64 *count, int *height) noexcept
{
	kcxx::Guard guard(devices->lock);

	*count = devices->tree.size();
	*height = devices->tree.height();
}

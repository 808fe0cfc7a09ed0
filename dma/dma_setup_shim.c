// SPDX-License-Identifier: GPL-2.0
/*
 * Installing the DMA layer on a client: a paging domain attached, the
 * window and its reserved areas, and the device's own dma_map_ops.  The
 * IOMMU driver calls socmmu_dma_setup() from probe_finalize, which runs
 * inside of_iommu_configure() before arch_setup_dma_ops(): on ARM32 the
 * architecture then sees ops already set and creates no arm_iommu mapping
 * of its own.  See Documentation/dma-layer.rst.
 */
#include <linux/device.h>
#include <linux/dma-direct.h>
#include <linux/dma-map-ops.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include <shim/kcompat.h>

#include "dma_device.h"
#include "dma_rules.h"
#include "socmmu_dma.h"

static bool strict = true;
module_param(strict, bool, 0444);
MODULE_PARM_DESC(strict, "Invalidate the IOTLB before every unmap returns (default); N: batch invalidations in a flush queue");

/*
 * Every device the layer serves, created at module load.  Its lock is held
 * only inside the dma_devices_*() calls: the IOMMU core's locks nest
 * outside it, so it is never held across a call into the core.
 */
static struct dma_devices *socmmu_dma_devices;

static struct socmmu_dma_device *socmmu_dma_device_of(struct dma_devices_entry *entry)
{
	return entry ? container_of(entry, struct socmmu_dma_device, entry) : NULL;
}

/*
 * The window (dma_window_choose() decides): the raw "socmmu,dma-window"
 * property, the bus's dma-ranges and the aperture, handed over as read.
 */
static int socmmu_dma_window(struct device *dev, struct iommu_domain *domain, u64 granule,
			     u64 *base, u64 *limit)
{
	struct dma_window_input in = {
		.aperture_start = domain->geometry.aperture_start,
		.aperture_end = domain->geometry.aperture_end,
		.granule = granule,
	};
	struct device_node *np = dev->of_node;
	struct dma_window window;
	const __be32 *prop;
	unsigned int i;
	int len, ret;

	prop = np ? of_get_property(np, "socmmu,dma-window", &len) : NULL;
	if (prop) {
		in.has_property = true;
		in.property_bytes = len;
		in.addr_cells = of_n_addr_cells(np);
		in.size_cells = of_n_size_cells(np);
		for (i = 0; i < ARRAY_SIZE(in.cells) && (i + 1) * sizeof(*prop) <= (size_t)len; i++)
			in.cells[i] = be32_to_cpup(prop + i);
	}
	if (dev->dma_range_map) {
		const struct bus_dma_region *r;

		for (r = dev->dma_range_map; r->size; r++)
			dma_window_add_range(&in, r->dma_start, r->size);
	}
	ret = dma_window_choose(&in, &window);
	if (window.verdict == DMA_WINDOW_BAD_PROPERTY)
		dev_err(dev, "socmmu,dma-window needs <base size> in %u+%u cells\n",
			in.addr_cells, in.size_cells);
	else if (ret)
		dev_err(dev, "bad DMA window [0x%llx, 0x%llx) in aperture [0x%llx, 0x%llx)\n",
			window.base, window.limit, window.aperture_base, window.aperture_limit);
	*base = window.base;
	*limit = window.limit;
	return ret;
}

static int socmmu_of_read_resv_regions(struct device *dev, struct list_head *head);

/* The framework's map of a list, for the domains it made (socmmu_dma_set_mapper()). */
static const struct socmmu_dma_mapper *socmmu_dma_mapper;

/**
 * socmmu_dma_set_mapper() - map lists through an IOMMU framework's own call
 * @mapper: its domain ops and map call; NULL to stop using it
 *
 * For the IOMMU driver framework's init and exit: clients set up after
 * this, whose paging domain has @mapper->domain_ops, map through
 * @mapper->map_runs.  The framework's module outlives its clients, so a
 * client set up before NULL keeps the call it got.
 */
void socmmu_dma_set_mapper(const struct socmmu_dma_mapper *mapper)
{
	WRITE_ONCE(socmmu_dma_mapper, mapper);
}
EXPORT_SYMBOL_GPL(socmmu_dma_set_mapper);

/*
 * @d's reserved regions: kept out of the window, and direct-mapped ones
 * mapped one to one, as the core does for default domains.  Read from DT
 * here, not through iommu_get_group_resv_regions(): that cannot report an
 * allocation failure, and a region silently missing would let the window
 * hand out IOVAs a firmware owns.  A client of the layer is alone in its
 * group (iommu_attach_device() requires it), so its own regions are the
 * group's.
 */
static int socmmu_dma_reserve_regions(struct socmmu_dma_device *d)
{
	struct iommu_resv_region *region, *next;
	LIST_HEAD(regions);
	bool logged;
	int ret;

	ret = socmmu_of_read_resv_regions(d->dev, &regions);
	logged = ret != 0;
	if (ret)
		dev_err(d->dev, "cannot read the reserved regions: %d\n", ret);
	/* After the first failure the rest are only freed: one line per failure. */
	list_for_each_entry_safe(region, next, &regions, list) {
		if (!ret)
			ret = dma_engine_reserve(d->engine, region->start, region->length);
		if (!ret && (region->type == IOMMU_RESV_DIRECT ||
			     region->type == IOMMU_RESV_DIRECT_RELAXABLE))
			ret = kx_iommu_map(d->domain, region->start, region->start,
					   region->length, region->prot);
		if (ret && !logged) {
			dev_err(d->dev, "reserved region [%pa +0x%zx]: %d\n", &region->start,
				region->length, ret);
			logged = true;
		}
		kfree(region);
	}
	return ret;
}

/**
 * socmmu_dma_setup() - give @dev the DMA layer: domain, window, dma_map_ops
 * @dev: a client the calling IOMMU driver has probed
 *
 * For an IOMMU driver's probe_finalize.  Does nothing for a device that
 * has the layer already (probe_finalize runs on every rebind in 6.12).
 *
 * Return: 0, or a negative errno after one dev_err; @dev is then left
 * without the layer and untouched.
 */
int socmmu_dma_setup(struct device *dev)
{
	struct dma_engine_config cfg = {
		.backend = &socmmu_dma_kernel_backend,
		.cpu_page = PAGE_SIZE,
		.coherent = dev_is_dma_coherent(dev),
		.arch_syncs = IS_ENABLED(CONFIG_ARM),
		.deferred = !strict,
	};
	const struct socmmu_dma_mapper *mapper;
	struct socmmu_dma_device *d;
	int ret;

	if (!KX_HAVE_DMA_OPS) {
		dev_err(dev, "this kernel has no per-device dma_map_ops\n");
		return -EOPNOTSUPP;
	}
	if (dma_devices_find(socmmu_dma_devices, dev))
		return 0;
	ret = socmmu_dma_pool_init();
	if (ret) {
		dev_err(dev, "cannot create the atomic DMA pool: %d\n", ret);
		return ret;
	}
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->dev = dev;
	spin_lock_init(&d->fixed_lock);
	ratelimit_state_init(&d->log_limit, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);
	INIT_LIST_HEAD(&d->fixed);
	INIT_DELAYED_WORK(&d->flush_work, socmmu_dma_flush_work);

	ret = -ENOMEM;
	d->domain = kx_iommu_paging_domain_alloc(dev);
	if (!d->domain) {
		dev_err(dev, "cannot allocate a paging domain for the DMA API\n");
		goto err_free;
	}
	ret = dma_granule(d->domain->pgsize_bitmap, PAGE_SIZE, &cfg.granule);
	if (ret) {
		dev_err(dev, "IOMMU page sizes 0x%lx: none of 0x%lx or less\n",
			d->domain->pgsize_bitmap, PAGE_SIZE);
		goto err_domain;
	}
	ret = socmmu_dma_window(dev, d->domain, cfg.granule, &cfg.base, &cfg.limit);
	if (ret)
		goto err_domain;
	mapper = READ_ONCE(socmmu_dma_mapper);
	if (mapper && d->domain->ops == mapper->domain_ops) {
		d->map_runs = mapper->map_runs;
		cfg.backend = &socmmu_dma_runs_backend;
	}
	cfg.ctx = d;
	cfg.can_flush_all = !!d->domain->ops->flush_iotlb_all;
	d->engine = dma_engine_create(&cfg, &ret);
	if (!d->engine) {
		dev_err(dev, "cannot create the DMA engine: %d\n", ret);
		goto err_domain;
	}
	/*
	 * Everything that can fail comes before the attach, so that a failure
	 * never has to move the client back: it stays on the domain it had.
	 * The direct mappings are in place when the device first sees ours.
	 */
	ret = socmmu_dma_reserve_regions(d);
	if (ret)
		goto err_engine;
	/* probe_finalize of one device is serialised by the IOMMU core. */
	ret = dma_devices_add(socmmu_dma_devices, &d->entry, dev);
	if (ret) {
		dev_err(dev, "set up twice at once: %d\n", ret);
		goto err_engine;
	}
	ret = iommu_attach_device(d->domain, dev);
	if (ret) {
		dev_err(dev, "cannot attach the DMA API's domain: %d\n", ret);
		goto err_registered;
	}

	socmmu_dma_fill_ops(&d->ops);
	set_dma_ops(dev, &d->ops);
	dev_dbg(dev, "DMA window [0x%llx, 0x%llx), %s invalidation\n", cfg.base, cfg.limit,
		dma_engine_deferred(d->engine) ? "deferred" : "strict");
	return 0;

err_registered:
	dma_devices_take(socmmu_dma_devices, dev);
err_engine:
	dma_engine_destroy(d->engine);
err_domain:
	iommu_domain_free(d->domain);
err_free:
	kfree(d);
	return ret;
}
EXPORT_SYMBOL_GPL(socmmu_dma_setup);

/*
 * @detach: whether we may detach the domain here.  6.12 calls
 * release_device under the group lock, after attaching the driver's
 * release domain: the hardware has left ours already.
 */
static void socmmu_dma_remove(struct device *dev, bool detach)
{
	struct socmmu_dma_device *d =
		socmmu_dma_device_of(dma_devices_take(socmmu_dma_devices, dev));

	if (!d)
		return;
	if (get_dma_ops(dev) == &d->ops)
		set_dma_ops(dev, NULL);
	socmmu_dma_free_all_bufs(d);
	socmmu_dma_fixed_teardown(d);
	cancel_delayed_work_sync(&d->flush_work);
	dma_engine_flush_queue(d->engine);
	if (detach)
		iommu_detach_device(d->domain, dev);
	dma_engine_destroy(d->engine);
	iommu_domain_free(d->domain);
	kfree(d);
}

/**
 * socmmu_dma_teardown() - take the DMA layer off @dev, for release_device
 * @dev: the client being released
 */
void socmmu_dma_teardown(struct device *dev)
{
	socmmu_dma_remove(dev, !KX_IOMMU_PAGING_DOMAINS);
}
EXPORT_SYMBOL_GPL(socmmu_dma_teardown);

/**
 * socmmu_dma_release() - give @dev back to its driver's own domain handling
 * @dev: a client that attaches an IOMMU domain of its own
 *
 * Clears the layer's dma_map_ops and detaches and frees its domain, so
 * that iommu_attach_device() works (as arm_iommu_detach_device() before
 * it does for mainline's OMAP remoteproc).  Buffers still allocated are
 * reported and freed.
 */
void socmmu_dma_release(struct device *dev)
{
	socmmu_dma_remove(dev, true);
}
EXPORT_SYMBOL_GPL(socmmu_dma_release);

/* Runs before the device leaves its group, while detaching is allowed. */
static int socmmu_dma_bus_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	struct device *dev = data;
	struct socmmu_dma_device *d;
	enum dma_bus_event event;

	if (action == BUS_NOTIFY_DEL_DEVICE)
		event = DMA_EVENT_DEL_DEVICE;
	else if (action == BUS_NOTIFY_UNBOUND_DRIVER)
		event = DMA_EVENT_UNBOUND_DRIVER;
	else
		return NOTIFY_DONE;
	d = socmmu_dma_device_of(dma_devices_find(socmmu_dma_devices, dev));
	if (!d)
		return NOTIFY_DONE;
	/*
	 * device_del() sends DEL_DEVICE and then unbinds, in one thread; an
	 * unbind of its own comes with the device lock held.
	 */
	switch (dma_removal_on(event, dev->driver, d->going)) {
	case DMA_REMOVAL_NOW:
		socmmu_dma_remove(dev, true);
		break;
	case DMA_REMOVAL_LATER:
		d->going = true;
		break;
	case DMA_REMOVAL_KEEP:
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block socmmu_dma_platform_nb = {
	.notifier_call = socmmu_dma_bus_notify,
};

/* The layer's state of @dev, if its ops are still ours. */
static struct socmmu_dma_device *socmmu_dma_get(struct device *dev)
{
	struct socmmu_dma_device *d =
		socmmu_dma_device_of(dma_devices_find(socmmu_dma_devices, dev));

	return d && get_dma_ops(dev) == &d->ops ? d : NULL;
}

/**
 * socmmu_dma_domain() - the domain the DMA API of @dev maps into
 * @dev: a client with the DMA layer
 *
 * Return: the domain, for iommu_map() of areas reserved with
 * socmmu_dma_reserve(); NULL if @dev has no DMA layer.
 */
struct iommu_domain *socmmu_dma_domain(struct device *dev)
{
	struct socmmu_dma_device *d = socmmu_dma_get(dev);

	return d ? d->domain : NULL;
}
EXPORT_SYMBOL_GPL(socmmu_dma_domain);

/**
 * socmmu_dma_reserve() - keep DMA-API allocations out of a fixed area
 * @dev: a client with the DMA layer
 * @iova: start of the area its user maps itself with iommu_map()
 * @size: its length
 *
 * Return: 0; -EBUSY if a DMA-API buffer or another reservation is there
 * already; -ENODEV without the layer; -EINVAL for an empty or wrapping area.
 */
int socmmu_dma_reserve(struct device *dev, dma_addr_t iova, size_t size)
{
	struct socmmu_dma_device *d = socmmu_dma_get(dev);
	int ret;

	if (!d)
		return -ENODEV;
	if (!size || iova + size - 1 < iova) {
		dev_err(dev, "cannot reserve %zu bytes at %pad\n", size, &iova);
		return -EINVAL;
	}
	ret = dma_engine_reserve(d->engine, iova, size);
	if (ret)
		dev_err(dev, "cannot reserve [%pad +0x%zx]: %d\n", &iova, size, ret);
	return ret;
}
EXPORT_SYMBOL_GPL(socmmu_dma_reserve);

/**
 * socmmu_dma_unreserve() - undo socmmu_dma_reserve()
 * @dev: the client
 * @iova: the area's start, as reserved
 * @size: its length, as reserved
 */
void socmmu_dma_unreserve(struct device *dev, dma_addr_t iova, size_t size)
{
	struct socmmu_dma_device *d = socmmu_dma_get(dev);

	if (d)
		dma_engine_unreserve(d->engine, iova, size);
}
EXPORT_SYMBOL_GPL(socmmu_dma_unreserve);

/**
 * socmmu_dma_alloc_fixed() - coherent memory at a fixed device address
 * @dev: a client with the DMA layer
 * @iova: the device address, page-aligned
 * @size: the length, page-aligned; at most the largest page-allocator block
 * @cpu_addr: gets the kernel mapping (uncached on a non-coherent device)
 * @phys: gets the physical address of the (contiguous, zeroed) memory
 *
 * Maps the memory at @iova in socmmu_dma_domain(@dev).  The part of
 * [@iova, @iova + @size) inside the DMA window is reserved first, so no
 * DMA-API buffer can land there while the area exists.
 *
 * Return: 0; -EINVAL for an unaligned area or one outside the aperture,
 * -EBUSY if DMA-API buffers or a reservation are in the way, -EEXIST (or
 * the IOMMU driver's error) if something is mapped there, -ENOMEM,
 * -ENODEV without the layer.  One dev_err on failure; nothing is left.
 */
int socmmu_dma_alloc_fixed(struct device *dev, dma_addr_t iova, size_t size,
			   void **cpu_addr, phys_addr_t *phys)
{
	struct socmmu_dma_device *d = socmmu_dma_get(dev);

	if (!d)
		return -ENODEV;
	return socmmu_dma_fixed_alloc(d, iova, size, cpu_addr, phys);
}
EXPORT_SYMBOL_GPL(socmmu_dma_alloc_fixed);

/**
 * socmmu_dma_free_fixed() - undo socmmu_dma_alloc_fixed()
 * @dev: the client
 * @iova: as given to socmmu_dma_alloc_fixed()
 * @size: as given
 * @cpu_addr: as returned
 *
 * Unmaps the area (the IOTLB is invalidated before this returns), ends its
 * reservation and frees the memory.  An area that does not match is
 * refused with one dev_err.
 */
void socmmu_dma_free_fixed(struct device *dev, dma_addr_t iova, size_t size, void *cpu_addr)
{
	struct socmmu_dma_device *d = socmmu_dma_get(dev);

	if (d)
		socmmu_dma_fixed_free(d, iova, size, cpu_addr);
}
EXPORT_SYMBOL_GPL(socmmu_dma_free_fixed);

/**
 * socmmu_dma_declare_coherent() - serve @dev's coherent buffers from one block
 * @dev: a client with the DMA layer
 * @size: the block's length (page-aligned up); a physically contiguous block
 * @out: where the block is: kernel mapping, physical address, IOVA, size
 *
 * From now on dma_alloc_coherent() and dma_free_coherent() (and mmap and
 * get_sgtable of their buffers) on @dev, and on every device sharing its
 * dma_map_ops, are served from the block, which is mapped at an IOVA of
 * the window; buffers allocated before go on being freed as before.
 * Allocations never sleep and fail once the block is full.
 *
 * Return: 0; -EBUSY if memory is declared already; -EINVAL, -ENOMEM,
 * -ENOSPC (window full), -ENODEV without the layer.
 */
int socmmu_dma_declare_coherent(struct device *dev, size_t size,
				struct socmmu_dma_declared *out)
{
	struct socmmu_dma_device *d = socmmu_dma_get(dev);

	if (!d)
		return -ENODEV;
	return socmmu_dma_declared_create(d, size, out);
}
EXPORT_SYMBOL_GPL(socmmu_dma_declare_coherent);

/**
 * socmmu_dma_release_coherent() - undo socmmu_dma_declare_coherent()
 * @dev: the client
 *
 * Return: 0 (also when nothing was declared); -EBUSY, after one dev_err,
 * while buffers are still in the block, which then stays declared.
 */
int socmmu_dma_release_coherent(struct device *dev)
{
	struct socmmu_dma_device *d = socmmu_dma_get(dev);

	return d ? socmmu_dma_declared_release(d) : 0;
}
EXPORT_SYMBOL_GPL(socmmu_dma_release_coherent);

/**
 * socmmu_dma_get_info() - what the DMA layer does for @dev
 * @dev: a client
 * @info: filled in
 *
 * Return: 0, or -ENODEV if @dev has no DMA layer.
 */
int socmmu_dma_get_info(struct device *dev, struct socmmu_dma_info *info)
{
	struct socmmu_dma_device *d = socmmu_dma_get(dev);
	struct dma_engine_stats stats;

	if (!d)
		return -ENODEV;
	dma_engine_get_stats(d->engine, &stats);
	*info = (struct socmmu_dma_info) {
		.window_base = stats.window_base,
		.window_limit = stats.window_limit,
		.deferred = dma_engine_deferred(d->engine),
		.maps_runs = !!d->map_runs,
		.maps = stats.maps,
		.unmaps = stats.unmaps,
		.mapped_bytes = stats.mapped_bytes,
		.strict_syncs = stats.strict_syncs,
		.queued = stats.queued,
		.queue_flushes = stats.queue_flushes,
		.map_errors = stats.map_errors,
	};
	return 0;
}
EXPORT_SYMBOL_GPL(socmmu_dma_get_info);

/**
 * socmmu_dma_set_deferred() - choose deferred or strict invalidation
 * @dev: a client with the DMA layer
 * @deferred: true for a flush queue; false drains it and goes strict
 *
 * Return: 0; -ENODEV without the layer; -EOPNOTSUPP if the IOMMU driver
 * cannot flush its whole IOTLB, which a flush queue needs.
 */
int socmmu_dma_set_deferred(struct device *dev, bool deferred)
{
	struct socmmu_dma_device *d = socmmu_dma_get(dev);

	if (!d)
		return -ENODEV;
	return dma_engine_set_deferred(d->engine, deferred);
}
EXPORT_SYMBOL_GPL(socmmu_dma_set_deferred);

/**
 * socmmu_of_get_resv_regions() - reserved IOVA regions of @dev from DT
 * @dev: a client
 * @head: list the regions are added to
 *
 * Reads mainline's binding: reserved-memory nodes in @dev's
 * "memory-region" whose "iommu-addresses" name @dev.  A node with a "reg"
 * equal to the IOVA range is direct-mapped (IOMMU_RESV_DIRECT), any other
 * is kept out of the IOVA space (IOMMU_RESV_RESERVED).  For an IOMMU
 * driver's get_resv_regions; unlike 6.12's of_iommu_get_resv_regions() it
 * skips entries of other devices correctly and exists on 6.1 too.
 */
void socmmu_of_get_resv_regions(struct device *dev, struct list_head *head)
{
	int ret = socmmu_of_read_resv_regions(dev, head);

	if (ret)
		dev_err(dev, "reserved regions incomplete: %d\n", ret);
}
EXPORT_SYMBOL_GPL(socmmu_of_get_resv_regions);

/* Returns -ENOMEM when a region could not be added; those before it are. */
static int socmmu_of_read_resv_regions(struct device *dev, struct list_head *head)
{
	int prot = IOMMU_READ | IOMMU_WRITE;
	struct of_phandle_iterator it;
	int err;

	if (!dev->of_node)
		return 0;
	if (of_dma_is_coherent(dev->of_node))
		prot |= IOMMU_CACHE;
	of_for_each_phandle(&it, err, dev->of_node, "memory-region", NULL, 0) {
		int na = of_n_addr_cells(dev->of_node), ns = of_n_size_cells(dev->of_node);
		const __be32 *maps, *end;
		struct resource phys = {};
		bool has_reg;
		int size;

		has_reg = !of_address_to_resource(it.node, 0, &phys);
		maps = of_get_property(it.node, "iommu-addresses", &size);
		if (!maps)
			continue;
		end = maps + size / sizeof(__be32);
		while (maps + 1 + na + ns <= end) {
			phandle ph = be32_to_cpup(maps);
			u64 iova = of_read_number(maps + 1, na);
			u64 len = of_read_number(maps + 1 + na, ns);
			struct iommu_resv_region *region;
			enum iommu_resv_type type = IOMMU_RESV_RESERVED;

			maps += 1 + na + ns;
			if (ph != dev->of_node->phandle)
				continue;
			if (!len) {
				dev_err(dev, "%pOF: empty iommu-addresses entry\n", it.node);
				continue;
			}
			if (has_reg && phys.start == iova && resource_size(&phys) == len)
				type = IOMMU_RESV_DIRECT;
			region = iommu_alloc_resv_region(iova, len, prot, type, GFP_KERNEL);
			if (!region) {
				of_node_put(it.node);
				return -ENOMEM;
			}
			list_add_tail(&region->list, head);
		}
	}
	return 0;
}

static int __init socmmu_dma_init(void)
{
	int ret = -ENOMEM;

	socmmu_dma_devices = dma_devices_create(&ret);
	if (!socmmu_dma_devices)
		return ret;
	ret = bus_register_notifier(&platform_bus_type, &socmmu_dma_platform_nb);
	if (ret)
		dma_devices_destroy(socmmu_dma_devices);
	return ret;
}

static void __exit socmmu_dma_exit(void)
{
	bus_unregister_notifier(&platform_bus_type, &socmmu_dma_platform_nb);
	socmmu_dma_pool_exit();
	dma_devices_destroy(socmmu_dma_devices);
}

module_init(socmmu_dma_init);
module_exit(socmmu_dma_exit);
MODULE_DESCRIPTION("socmmu DMA layer: per-device dma_map_ops over any IOMMU domain");
MODULE_LICENSE("GPL");

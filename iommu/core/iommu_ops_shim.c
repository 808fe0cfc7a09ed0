// SPDX-License-Identifier: GPL-2.0
/*
 * The framework's iommu_ops and iommu_domain_ops: one table for every
 * driver on the framework (6.1 allows one iommu_ops per bus), each call
 * handed to the C++ core (core_abi.h).  6.1/6.12 differences are named in
 * lib/shim/kcompat.h.
 */
#include <linux/amba/bus.h>
#include <linux/device.h>
#include <linux/iommu.h>
#include <linux/of.h>
#include <linux/of_iommu.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "../pgtable/table_memory_shim.h"
#include "core_abi.h"
#include "inst.h"

/*
 * Stock kernels may carry mainline's omap-iommu built in, kept off with
 * initcall_blacklist=omap_iommu_init (Documentation/reference.rst), and
 * built-in clients still call its legacy functions on our devices and
 * domains.  omap_iommu_domain_activate()/deactivate() container_of() any
 * domain as struct omap_iommu_domain { u32 num_iommus; ... iommus;
 * struct device *dev; spinlock_t lock; struct iommu_domain domain; }
 * (drivers/iommu/omap-iommu.h, 6.1 and 6.12) and return 0 at once when
 * its dev is NULL: ours starts with that prefix, zeroed, so they read our
 * zeros and nothing else.
 */
struct socmmu_domain {
	u32 legacy_num_iommus;
	void *legacy_iommus;
	struct device *legacy_dev;
	spinlock_t legacy_lock;		/* never taken: layout only */
	struct iommu_domain domain;
	struct core_domain *core;
};

/*
 * What dev_iommu_priv_get() returns for our clients.  mainline's
 * omap_iommu_save_ctx()/restore_ctx(dev) read it as a NULL-terminated
 * array of struct omap_iommu_arch_data { struct omap_iommu *iommu_dev; }:
 * the first word, always NULL, ends their loop before it reads anything
 * of ours.
 */
struct socmmu_dev_priv {
	void *legacy_end;
	struct core_client *client;
};

static const struct iommu_domain_ops socmmu_domain_ops;

/* For the reference kernel's takeover suite (kunit/reference). */
size_t socmmu_domain_legacy_offset(void)
{
	return offsetof(struct socmmu_domain, domain);
}
EXPORT_SYMBOL_IF_KUNIT(socmmu_domain_legacy_offset);

static struct core_domain *to_core(struct iommu_domain *domain)
{
	return container_of(domain, struct socmmu_domain, domain)->core;
}

static struct core_client *client_of(struct device *dev)
{
	struct socmmu_dev_priv *priv = dev_iommu_priv_get(dev);

	return priv ? priv->client : NULL;
}

/* @client: the device the table is for, or NULL to decide at the first attach. */
static struct iommu_domain *socmmu_domain_new(struct core_client *client)
{
	struct socmmu_domain *sd = kzalloc(sizeof(*sd), GFP_KERNEL);
	int err = -ENOMEM;

	if (!sd)
		return NULL;
	sd->domain.ops = &socmmu_domain_ops;
	sd->core = core_domain_create(&sd->domain, client, &err);
	if (!sd->core) {
		kfree(sd);
		return NULL;
	}
	return &sd->domain;
}

static void socmmu_domain_free(struct iommu_domain *domain)
{
	core_domain_destroy(to_core(domain));
	kfree(container_of(domain, struct socmmu_domain, domain));
}

static int socmmu_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct core_client *client = client_of(dev);

	return client ? core_domain_attach(to_core(domain), client) : -ENODEV;
}

/*
 * No iotlb_sync_map: a map that needs the hardware told (a walk cache of
 * empty L1 entries) tells it before map_pages returns, and every other
 * map saves the core its second indirect call (Documentation/performance.rst).
 */
static int socmmu_map_pages(struct iommu_domain *domain, unsigned long iova, phys_addr_t paddr,
			    size_t pgsize, size_t pgcount, int prot, gfp_t gfp, size_t *mapped)
{
	return core_domain_map(to_core(domain), iova, paddr, pgsize, pgcount, prot,
			       !gfpflags_allow_blocking(gfp), mapped);
}

/*
 * The DMA layer's map of a list (socmmu_dma_set_mapper()): the runs its
 * walk of a scatterlist found go to the table in one call, with
 * iommu_map()'s checks, in place of iommu_map_sg()'s call chain per run.
 * The layer offers it only to domains with socmmu_domain_ops.
 */
static int socmmu_domain_map_runs(struct iommu_domain *domain, const struct kx_map_run *runs,
				  unsigned int n, int prot, gfp_t gfp)
{
	return core_domain_map_runs(to_core(domain), runs, n, prot, !gfpflags_allow_blocking(gfp));
}

static size_t socmmu_unmap_pages(struct iommu_domain *domain, unsigned long iova, size_t pgsize,
				 size_t pgcount, struct iommu_iotlb_gather *gather)
{
	size_t unmapped = core_domain_unmap(to_core(domain), iova, pgsize, pgcount);

	if (unmapped)
		iommu_iotlb_gather_add_range(gather, iova, unmapped);
	return unmapped;
}

/* The core's range is inclusive, and empty when start > end. */
static void socmmu_iotlb_sync(struct iommu_domain *domain, struct iommu_iotlb_gather *gather)
{
	if (gather->start <= gather->end)
		core_domain_sync(to_core(domain), gather->start, (u64)gather->end + 1);
	else
		core_domain_sync(to_core(domain), 0, 0);
}

static void socmmu_flush_iotlb_all(struct iommu_domain *domain)
{
	core_domain_flush_all(to_core(domain));
}

static phys_addr_t socmmu_iova_to_phys(struct iommu_domain *domain, dma_addr_t iova)
{
	return core_domain_iova_to_phys(to_core(domain), iova);
}

#if KX_IOMMU_PAGING_DOMAINS
static struct iommu_domain *socmmu_domain_alloc_paging(struct device *dev)
{
	struct core_client *client = client_of(dev);

	return client ? socmmu_domain_new(client) : NULL;
}

static int socmmu_identity_attach(struct iommu_domain *identity, struct device *dev)
{
	struct core_client *client = client_of(dev);

	if (client)
		core_client_leave(client, false);
	return 0;
}

static int socmmu_blocked_attach(struct iommu_domain *blocked, struct device *dev)
{
	struct core_client *client = client_of(dev);

	if (client)
		core_client_leave(client, true);
	return 0;
}

static const struct iommu_domain_ops socmmu_identity_ops = {
	.attach_dev = socmmu_identity_attach,
};

static const struct iommu_domain_ops socmmu_blocked_ops = {
	.attach_dev = socmmu_blocked_attach,
};

static struct iommu_domain socmmu_identity_domain = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &socmmu_identity_ops,
};

static struct iommu_domain socmmu_blocked_domain = {
	.type = IOMMU_DOMAIN_BLOCKED,
	.ops = &socmmu_blocked_ops,
};
#else
/* No device here: the table's format and memory come with the first attach. */
static struct iommu_domain *socmmu_domain_alloc(unsigned int type)
{
	return type == IOMMU_DOMAIN_UNMANAGED ? socmmu_domain_new(NULL) : NULL;
}

static void socmmu_detach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct core_client *client = client_of(dev);

	if (client)
		core_client_leave(client, false);
}
#endif

/* ------------------------------------------------------------ clients -- */

static int socmmu_of_xlate(struct device *dev, KX_IOMMU_OF_XLATE_CONST struct of_phandle_args *args)
{
	/* The arguments are checked with the whole "iommus" at probe_device. */
	return core_instance_find(of_fwnode_handle(args->np)) ? 0 : -ENODEV;
}

static struct iommu_device *socmmu_probe_device(struct device *dev)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);
	struct socmmu_endpoint *eps;
	struct socmmu_dev_priv *priv;
	struct core_client *client;
	int n, err = -ENOMEM;

	/* On 6.1 every platform device comes here: take only ours. */
	if (!fwspec || !dev->of_node || !core_instance_find(fwspec->iommu_fwnode))
		return ERR_PTR(-ENODEV);
	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return ERR_PTR(-ENOMEM);
	n = socmmu_read_endpoints(dev, dev->of_node, &eps);
	if (n < 0) {
		kfree(priv);
		return ERR_PTR(n);
	}
	client = core_client_create(dev, eps, n, &err);
	kfree(eps);
	if (!client) {
		kfree(priv);
		return ERR_PTR(err);
	}
	priv->client = client;
	dev_iommu_priv_set(dev, priv);
	return &core_client_inst(client)->iommu;
}

/*
 * Clients get the DMA layer: their dma_alloc_*() and dma_map_*() map
 * through a paging domain of ours without a call of their own.  Runs
 * before arch_setup_dma_ops(), which on ARM32 then leaves the device alone.
 */
static void socmmu_probe_finalize(struct device *dev)
{
	if (client_of(dev))
		socmmu_dma_setup(dev);
}

static void socmmu_release_device(struct device *dev)
{
	struct socmmu_dev_priv *priv = dev_iommu_priv_get(dev);

	if (!priv)
		return;
	socmmu_dma_teardown(dev);
	core_client_destroy(priv->client);
	/* dev->iommu, which points at it, is freed next by the core. */
	kfree(priv);
}

/*
 * Hardware with a context for each client (MSM's banks) keeps them apart:
 * a group each, so that each can have its own domain.  Single-context
 * hardware cannot: its clients share the instance's group (6.12; 6.1 has
 * no such helper and gives every device a group of its own).
 */
static struct iommu_group *socmmu_device_group(struct device *dev)
{
	if (core_client_isolated(client_of(dev)))
		return generic_device_group(dev);
	return kx_iommu_single_device_group(dev);
}

static const struct iommu_domain_ops socmmu_domain_ops = {
	.attach_dev = socmmu_attach_dev,
#if !KX_IOMMU_PAGING_DOMAINS
	.detach_dev = socmmu_detach_dev,
#endif
	.map_pages = socmmu_map_pages,
	.unmap_pages = socmmu_unmap_pages,
	.iotlb_sync = socmmu_iotlb_sync,
	.flush_iotlb_all = socmmu_flush_iotlb_all,
	.iova_to_phys = socmmu_iova_to_phys,
	.free = socmmu_domain_free,
};

const struct iommu_ops socmmu_iommu_ops = {
#if KX_IOMMU_PAGING_DOMAINS
	.identity_domain = &socmmu_identity_domain,
	.blocked_domain = &socmmu_blocked_domain,
	.release_domain = &socmmu_identity_domain,
	.domain_alloc_paging = socmmu_domain_alloc_paging,
#else
	.domain_alloc = socmmu_domain_alloc,
#endif
	.probe_device = socmmu_probe_device,
	.probe_finalize = socmmu_probe_finalize,
	.release_device = socmmu_release_device,
	.get_resv_regions = socmmu_of_get_resv_regions,
	.device_group = socmmu_device_group,
	.of_xlate = socmmu_of_xlate,
	/* Every page size of the short-descriptor family; each domain narrows it. */
	.pgsize_bitmap = KX_PGTABLE_PAGE_SIZES,
	.default_domain_ops = &socmmu_domain_ops,
	.owner = THIS_MODULE,
};

static const struct socmmu_dma_mapper socmmu_dma_mapper = {
	.domain_ops = &socmmu_domain_ops,
	.map_runs = socmmu_domain_map_runs,
};

/* Before any instance, and so any client, exists. */
void socmmu_iommu_ops_init(void)
{
	socmmu_dma_set_mapper(&socmmu_dma_mapper);
}

/*
 * 6.1's iommu_device_register() set the bus's iommu_ops and nothing clears
 * them: a device added after we are gone would call into freed code.  No
 * instance is registered any more, so nothing uses them.
 */
void socmmu_iommu_ops_exit(void)
{
	socmmu_dma_set_mapper(NULL);
#if KX_IOMMU_BUS_OPS
	if (platform_bus_type.iommu_ops == &socmmu_iommu_ops)
		platform_bus_type.iommu_ops = NULL;
#ifdef CONFIG_PCI
	if (pci_bus_type.iommu_ops == &socmmu_iommu_ops)
		pci_bus_type.iommu_ops = NULL;
#endif
#ifdef CONFIG_ARM_AMBA
	if (amba_bustype.iommu_ops == &socmmu_iommu_ops)
		amba_bustype.iommu_ops = NULL;
#endif
#endif
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The OMAP IOMMU driver's kernel side: platform driver, iommu_ops, runtime
 * PM, IRQ, device links and debugfs.  The logic is in omap_iommu.cpp; see
 * Documentation/omap-iommu.rst.
 */
#include <linux/amba/bus.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/mfd/syscon.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_iommu.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/regmap.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "omap_iommu.h"

#define OMAP_IOMMU_MAX_INST	8
/* DRA7 DSP_SYSTEM MMU_CONFIG: bit 4 * id enables DSP MMU id. */
#define DSP_SYS_MMU_CONFIG	0x18

struct omap_iommu_inst {
	struct list_head node;		/* omap_iommu_list, under omap_iommu_lock */
	struct device *dev;
	struct iommu_device iommu;
	struct omap_mmu *mmu;
	struct regmap *syscon;
	u32 syscon_id;
	int irq;
	struct device *client;		/* the one client, under omap_iommu_lock */
	struct dentry *debugfs;
};

/* dev_iommu_priv of a client: the instances in its "iommus", in order. */
struct omap_iommu_client {
	unsigned int n;
	struct omap_iommu_inst *inst[OMAP_IOMMU_MAX_INST];
	struct omap_mmu *mmu[OMAP_IOMMU_MAX_INST];
	struct device_link *link[OMAP_IOMMU_MAX_INST];
};

struct omap_iommu_domain {
	struct iommu_domain domain;
	struct omap_domain *impl;
};

/*
 * Probed instances, and the serialisation of domain changes against
 * domain frees and the debugfs page-table dump.  Never held while calling
 * into the IOMMU core.
 */
static LIST_HEAD(omap_iommu_list);
static DEFINE_MUTEX(omap_iommu_lock);
static struct dentry *omap_iommu_debugfs_root;

static const struct iommu_ops omap_iommu_ops;
static const struct iommu_domain_ops omap_iommu_domain_ops;

static struct omap_iommu_domain *to_od(struct iommu_domain *domain)
{
	return container_of(domain, struct omap_iommu_domain, domain);
}

/* -------------------------------------------------- called from C++ -- */

void omap_iommu_syscon_enable(struct omap_iommu_inst *inst, bool on)
{
	u32 bit = BIT(4 * inst->syscon_id);

	regmap_update_bits(inst->syscon, DSP_SYS_MMU_CONFIG, bit, on ? bit : 0);
}

void omap_iommu_sync_irq(struct omap_iommu_inst *inst)
{
	synchronize_irq(inst->irq);
}

void omap_iommu_seq_printf(void *seq, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	seq_vprintf(seq, fmt, args);
	va_end(args);
}

/* ------------------------------------------------------------- faults -- */

static irqreturn_t omap_iommu_irq(int irq, void *data)
{
	struct omap_iommu_inst *inst = data;
	struct omap_mmu_fault fault;

	if (!omap_mmu_take_fault(inst->mmu, &fault))
		return IRQ_NONE;
	/* OMAP does not record the direction of the faulting access. */
	if (fault.domain && !report_iommu_fault(fault.domain, fault.client, fault.addr, 0))
		return IRQ_HANDLED;
	dev_err_ratelimited(inst->dev, "unhandled fault at 0x%08x (IRQSTATUS 0x%02x) from %s\n",
			    fault.addr, fault.status,
			    fault.client ? dev_name(fault.client) : "no client");
	return IRQ_HANDLED;
}

/* ------------------------------------------------------------ domains -- */

static struct iommu_domain *omap_iommu_new_domain(struct device *table_dev)
{
	struct omap_iommu_domain *od;
	int err = -ENOMEM;

	od = kzalloc(sizeof(*od), GFP_KERNEL);
	if (!od)
		return NULL;
	od->impl = omap_domain_create(table_dev, &od->domain, &err);
	if (!od->impl) {
		dev_err(table_dev, "cannot allocate a page table: %d\n", err);
		kfree(od);
		return NULL;
	}
	od->domain.ops = &omap_iommu_domain_ops;
	od->domain.pgsize_bitmap = omap_iommu_ops.pgsize_bitmap;
	od->domain.geometry.aperture_start = 0;
	od->domain.geometry.aperture_end = U32_MAX;
	od->domain.geometry.force_aperture = true;
	return &od->domain;
}

static void omap_iommu_sync_irqs(void)
{
	struct omap_iommu_inst *inst;

	list_for_each_entry(inst, &omap_iommu_list, node)
		omap_iommu_sync_irq(inst);
}

static void omap_iommu_domain_free(struct iommu_domain *domain)
{
	struct omap_iommu_domain *od = to_od(domain);

	mutex_lock(&omap_iommu_lock);
	/* Detaches any instance still attached, then frees the tables. */
	omap_domain_free(od->impl);
	omap_iommu_sync_irqs();
	mutex_unlock(&omap_iommu_lock);
	kfree(od);
}

static int omap_iommu_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct omap_iommu_client *client = dev_iommu_priv_get(dev);
	unsigned int i;
	int ret;

	if (!client)
		return -ENODEV;
	mutex_lock(&omap_iommu_lock);
	/* 6.12 replaces a domain by attaching another; 6.1 detaches first. */
	ret = omap_domain_attach(to_od(domain)->impl, client->mmu, client->n, dev,
				 KX_IOMMU_PAGING_DOMAINS);
	for (i = 0; i < client->n; i++)
		omap_iommu_sync_irq(client->inst[i]);
	mutex_unlock(&omap_iommu_lock);
	if (ret)
		dev_err(dev, "cannot attach to an OMAP IOMMU domain: %d\n", ret);
	return ret;
}

/* Every instance of @dev to bypass (identity) or blocked. */
static void omap_iommu_leave(struct device *dev, bool blocked)
{
	struct omap_iommu_client *client = dev_iommu_priv_get(dev);
	unsigned int i;

	if (!client)
		return;
	mutex_lock(&omap_iommu_lock);
	for (i = 0; i < client->n; i++) {
		if (blocked)
			omap_mmu_set_blocked(client->mmu[i], dev);
		else
			omap_mmu_set_bypass(client->mmu[i]);
		/* The IRQ handler may still hold the old domain: let it finish. */
		omap_iommu_sync_irq(client->inst[i]);
	}
	mutex_unlock(&omap_iommu_lock);
}

/* The device to name in a domain's messages: its first attached instance. */
static struct device *omap_iommu_domain_dev(struct iommu_domain *domain)
{
	struct omap_iommu_inst *inst = omap_domain_first_inst(to_od(domain)->impl);

	return inst ? inst->dev : NULL;
}

static const char *omap_iommu_map_error(int err)
{
	switch (err) {
	case -EEXIST:
		return "overlaps a mapping";
	case -ERANGE:
		return "outside the 4 GiB aperture";
	case -EINVAL:
		return "bad page size or alignment";
	case -ENOMEM:
		return "out of memory";
	default:
		return "failed";
	}
}

static int omap_iommu_map_pages(struct iommu_domain *domain, unsigned long iova,
				phys_addr_t paddr, size_t pgsize, size_t pgcount, int prot,
				gfp_t gfp, size_t *mapped)
{
	int ret = omap_domain_map(to_od(domain)->impl, iova, paddr, pgsize, pgcount, prot,
				  !gfpflags_allow_blocking(gfp), mapped);
	struct device *dev;

	if (!ret)
		return 0;
	dev = omap_iommu_domain_dev(domain);
	if (dev)
		dev_err(dev, "map 0x%lx -> %pa (%zu x 0x%zx): %s: %d\n", iova, &paddr,
			pgcount, pgsize, omap_iommu_map_error(ret), ret);
	else
		pr_err("socmmu omap-iommu: map 0x%lx -> %pa (%zu x 0x%zx): %s: %d\n", iova,
		       &paddr, pgcount, pgsize, omap_iommu_map_error(ret), ret);
	return ret;
}

static size_t omap_iommu_unmap_pages(struct iommu_domain *domain, unsigned long iova,
				     size_t pgsize, size_t pgcount,
				     struct iommu_iotlb_gather *gather)
{
	size_t unmapped = omap_domain_unmap(to_od(domain)->impl, iova, pgsize, pgcount);
	struct device *dev;

	if (unmapped) {
		iommu_iotlb_gather_add_range(gather, iova, unmapped);
		return unmapped;
	}
	dev = omap_iommu_domain_dev(domain);
	if (dev)
		dev_err(dev, "unmap 0x%lx (%zu x 0x%zx): nothing mapped there\n",
			iova, pgcount, pgsize);
	else
		pr_err("socmmu omap-iommu: unmap 0x%lx (%zu x 0x%zx): nothing mapped there\n",
		       iova, pgcount, pgsize);
	return 0;
}

static void omap_iommu_iotlb_sync(struct iommu_domain *domain,
				  struct iommu_iotlb_gather *gather)
{
	/* The core's range is inclusive, and empty when start > end. */
	if (gather->start <= gather->end)
		omap_domain_sync(to_od(domain)->impl, gather->start, (u64)gather->end + 1);
	else
		omap_domain_sync(to_od(domain)->impl, 0, 0);
}

static void omap_iommu_flush_iotlb_all(struct iommu_domain *domain)
{
	omap_domain_flush_all(to_od(domain)->impl);
}

static phys_addr_t omap_iommu_iova_to_phys(struct iommu_domain *domain, dma_addr_t iova)
{
	return omap_domain_iova_to_phys(to_od(domain)->impl, iova);
}

#if KX_IOMMU_PAGING_DOMAINS
static struct iommu_domain *omap_iommu_domain_alloc_paging(struct device *dev)
{
	struct omap_iommu_client *client = dev_iommu_priv_get(dev);

	if (!client)
		return NULL;
	return omap_iommu_new_domain(client->inst[0]->dev);
}

static int omap_iommu_identity_attach(struct iommu_domain *identity, struct device *dev)
{
	omap_iommu_leave(dev, false);
	return 0;
}

static int omap_iommu_blocked_attach(struct iommu_domain *blocked, struct device *dev)
{
	omap_iommu_leave(dev, true);
	return 0;
}

static const struct iommu_domain_ops omap_iommu_identity_ops = {
	.attach_dev = omap_iommu_identity_attach,
};

static const struct iommu_domain_ops omap_iommu_blocked_ops = {
	.attach_dev = omap_iommu_blocked_attach,
};

static struct iommu_domain omap_iommu_identity_domain = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &omap_iommu_identity_ops,
};

static struct iommu_domain omap_iommu_blocked_domain = {
	.type = IOMMU_DOMAIN_BLOCKED,
	.ops = &omap_iommu_blocked_ops,
};
#else
/* No device here: tables are mapped on the first probed instance. */
static struct iommu_domain *omap_iommu_domain_alloc(unsigned int type)
{
	struct omap_iommu_inst *inst;
	struct device *table_dev = NULL;

	if (type != IOMMU_DOMAIN_UNMANAGED)
		return NULL;
	mutex_lock(&omap_iommu_lock);
	inst = list_first_entry_or_null(&omap_iommu_list, struct omap_iommu_inst, node);
	if (inst)
		table_dev = inst->dev;
	mutex_unlock(&omap_iommu_lock);
	return table_dev ? omap_iommu_new_domain(table_dev) : NULL;
}

static void omap_iommu_detach_dev(struct iommu_domain *domain, struct device *dev)
{
	omap_iommu_leave(dev, false);
}
#endif

/* ------------------------------------------------------------ clients -- */

static struct omap_iommu_inst *omap_iommu_find(struct device_node *np)
{
	struct omap_iommu_inst *inst;

	lockdep_assert_held(&omap_iommu_lock);
	list_for_each_entry(inst, &omap_iommu_list, node) {
		if (inst->dev->of_node == np)
			return inst;
	}
	return NULL;
}

static int omap_iommu_of_xlate(struct device *dev, KX_IOMMU_OF_XLATE_CONST struct of_phandle_args *args)
{
	struct omap_iommu_inst *inst;

	if (args->args_count)
		return -EINVAL;
	mutex_lock(&omap_iommu_lock);
	inst = omap_iommu_find(args->np);
	mutex_unlock(&omap_iommu_lock);
	return inst ? 0 : -ENODEV;
}

/* Is the device's fwspec one of ours?  On 6.1 every platform device comes here. */
static bool omap_iommu_fwspec_is_ours(struct device *dev)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);
	struct omap_iommu_inst *inst;

	if (!fwspec || !dev->of_node)
		return false;
	list_for_each_entry(inst, &omap_iommu_list, node) {
		if (dev_fwnode(inst->dev) == fwspec->iommu_fwnode)
			return true;
	}
	return false;
}

/*
 * When the client itself is deleted, device_del() purges its links before
 * the IOMMU core releases it (BUS_NOTIFY_REMOVED_DEVICE), and a link may
 * be shared with fw_devlink's for the same "iommus" pair: delete only a
 * link still on the client's list.  Links change under the device-links
 * lock, which is not exported; the client's release is serialised by the
 * IOMMU core, and nothing else adds or deletes this client's links then.
 */
static bool omap_iommu_link_alive(struct device *dev, struct device_link *link)
{
	struct device_link *l;

	list_for_each_entry(l, &dev->links.suppliers, c_node) {
		if (l == link)
			return true;
	}
	return false;
}

static void omap_iommu_client_free(struct device *dev, struct omap_iommu_client *client)
{
	unsigned int i;

	for (i = 0; i < client->n; i++) {
		omap_mmu_set_bypass(client->mmu[i]);
		omap_iommu_sync_irq(client->inst[i]);
		if (client->link[i] && omap_iommu_link_alive(dev, client->link[i]))
			device_link_del(client->link[i]);
		if (client->inst[i]->client == dev)
			client->inst[i]->client = NULL;
	}
	kfree(client);
}

static struct iommu_device *omap_iommu_probe_device(struct device *dev)
{
	struct omap_iommu_client *client;
	struct of_phandle_args args;
	int count, i, ret = 0;

	mutex_lock(&omap_iommu_lock);
	if (!omap_iommu_fwspec_is_ours(dev)) {
		mutex_unlock(&omap_iommu_lock);
		return ERR_PTR(-ENODEV);
	}
	count = of_count_phandle_with_args(dev->of_node, "iommus", "#iommu-cells");
	if (count <= 0 || count > OMAP_IOMMU_MAX_INST) {
		mutex_unlock(&omap_iommu_lock);
		dev_err(dev, "bad iommus property: %d entries\n", count);
		return ERR_PTR(-EINVAL);
	}
	client = kzalloc(sizeof(*client), GFP_KERNEL);
	if (!client) {
		mutex_unlock(&omap_iommu_lock);
		return ERR_PTR(-ENOMEM);
	}
	for (i = 0; i < count; i++) {
		struct omap_iommu_inst *inst;

		ret = of_parse_phandle_with_args(dev->of_node, "iommus", "#iommu-cells", i, &args);
		if (ret)
			break;
		inst = omap_iommu_find(args.np);
		of_node_put(args.np);
		if (!inst) {
			ret = -ENODEV;
			break;
		}
		/* #iommu-cells = <0>: one master per MMU. */
		if (inst->client && inst->client != dev) {
			dev_err(dev, "%s already serves %s\n", dev_name(inst->dev),
				dev_name(inst->client));
			ret = -EBUSY;
			break;
		}
		client->inst[i] = inst;
		client->mmu[i] = inst->mmu;
		client->n = i + 1;
		client->link[i] = device_link_add(dev, inst->dev,
						  DL_FLAG_STATELESS | DL_FLAG_PM_RUNTIME);
		if (!client->link[i]) {
			dev_err(dev, "cannot link to %s\n", dev_name(inst->dev));
			ret = -EINVAL;
			break;
		}
		inst->client = dev;
	}
	if (ret) {
		omap_iommu_client_free(dev, client);
		mutex_unlock(&omap_iommu_lock);
		return ERR_PTR(ret);
	}
	dev_iommu_priv_set(dev, client);
	mutex_unlock(&omap_iommu_lock);
	return &client->inst[0]->iommu;
}

/*
 * Clients get the DMA layer: their dma_alloc_*() and dma_map_*() map
 * through a paging domain of ours without a call of their own.  Runs
 * before arch_setup_dma_ops(), which on ARM32 then leaves the device alone.
 */
static void omap_iommu_probe_finalize(struct device *dev)
{
	if (dev_iommu_priv_get(dev))
		socmmu_dma_setup(dev);
}

static void omap_iommu_release_device(struct device *dev)
{
	struct omap_iommu_client *client = dev_iommu_priv_get(dev);

	if (!client)
		return;
	socmmu_dma_teardown(dev);
	mutex_lock(&omap_iommu_lock);
	omap_iommu_client_free(dev, client);
	mutex_unlock(&omap_iommu_lock);
}

static struct iommu_group *omap_iommu_device_group(struct device *dev)
{
	return kx_iommu_single_device_group(dev);
}

static const struct iommu_domain_ops omap_iommu_domain_ops = {
	.attach_dev = omap_iommu_attach_dev,
#if !KX_IOMMU_PAGING_DOMAINS
	.detach_dev = omap_iommu_detach_dev,
#endif
	.map_pages = omap_iommu_map_pages,
	.unmap_pages = omap_iommu_unmap_pages,
	.iotlb_sync = omap_iommu_iotlb_sync,
	.flush_iotlb_all = omap_iommu_flush_iotlb_all,
	.iova_to_phys = omap_iommu_iova_to_phys,
	.free = omap_iommu_domain_free,
};

static const struct iommu_ops omap_iommu_ops = {
#if KX_IOMMU_PAGING_DOMAINS
	.identity_domain = &omap_iommu_identity_domain,
	.blocked_domain = &omap_iommu_blocked_domain,
	.release_domain = &omap_iommu_identity_domain,
	.domain_alloc_paging = omap_iommu_domain_alloc_paging,
#else
	.domain_alloc = omap_iommu_domain_alloc,
#endif
	.probe_device = omap_iommu_probe_device,
	.probe_finalize = omap_iommu_probe_finalize,
	.release_device = omap_iommu_release_device,
	.get_resv_regions = socmmu_of_get_resv_regions,
	.device_group = omap_iommu_device_group,
	.of_xlate = omap_iommu_of_xlate,
	.pgsize_bitmap = SZ_4K | SZ_64K | SZ_1M | SZ_16M,
	.default_domain_ops = &omap_iommu_domain_ops,
	.owner = THIS_MODULE,
};

/* ------------------------------------------------------------ debugfs -- */

static int omap_iommu_regs_show(struct seq_file *s, void *unused)
{
	omap_mmu_dump_regs(((struct omap_iommu_inst *)s->private)->mmu, s);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(omap_iommu_regs);

static int omap_iommu_tlb_show(struct seq_file *s, void *unused)
{
	omap_mmu_dump_tlb(((struct omap_iommu_inst *)s->private)->mmu, s);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(omap_iommu_tlb);

static int omap_iommu_pagetable_show(struct seq_file *s, void *unused)
{
	struct omap_iommu_inst *inst = s->private;
	struct omap_domain *domain;

	mutex_lock(&omap_iommu_lock);
	domain = omap_mmu_domain(inst->mmu);
	if (domain)
		omap_domain_dump(domain, s);
	else
		seq_puts(s, "no paging domain\n");
	mutex_unlock(&omap_iommu_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(omap_iommu_pagetable);

static void omap_iommu_debugfs_add(struct omap_iommu_inst *inst)
{
	inst->debugfs = debugfs_create_dir(dev_name(inst->dev), omap_iommu_debugfs_root);
	debugfs_create_file("regs", 0400, inst->debugfs, inst, &omap_iommu_regs_fops);
	debugfs_create_file("tlb", 0400, inst->debugfs, inst, &omap_iommu_tlb_fops);
	debugfs_create_file("pagetable", 0400, inst->debugfs, inst, &omap_iommu_pagetable_fops);
}

/* ------------------------------------------------------------ the device -- */

static int omap_iommu_runtime_suspend(struct device *dev)
{
	struct omap_iommu_inst *inst = dev_get_drvdata(dev);

	omap_mmu_runtime_suspend(inst->mmu);
	return 0;
}

static int omap_iommu_runtime_resume(struct device *dev)
{
	struct omap_iommu_inst *inst = dev_get_drvdata(dev);

	omap_mmu_runtime_resume(inst->mmu);
	return 0;
}

static int omap_iommu_parse_dt(struct omap_iommu_inst *inst, struct omap_mmu_config *cfg)
{
	struct device_node *np = inst->dev->of_node;
	u32 entries = 32;

	of_property_read_u32(np, "ti,#tlb-entries", &entries);
	if (entries != 8 && entries != 32) {
		dev_err(inst->dev, "ti,#tlb-entries must be 8 or 32, not %u\n", entries);
		return -EINVAL;
	}
	cfg->tlb_entries = entries;
	cfg->bus_err_back = of_property_read_bool(np, "ti,iommu-bus-err-back");
	cfg->has_syscon = of_device_is_compatible(np, "ti,dra7-dsp-iommu");
	if (!cfg->has_syscon)
		return 0;

	inst->syscon = syscon_regmap_lookup_by_phandle(np, "ti,syscon-mmuconfig");
	if (IS_ERR(inst->syscon))
		return dev_err_probe(inst->dev, PTR_ERR(inst->syscon),
				     "ti,syscon-mmuconfig is required\n");
	if (of_property_read_u32_index(np, "ti,syscon-mmuconfig", 1, &inst->syscon_id) ||
	    inst->syscon_id > 1) {
		dev_err(inst->dev, "ti,syscon-mmuconfig needs an id of 0 or 1\n");
		return -EINVAL;
	}
	return 0;
}

static int omap_iommu_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct omap_mmu_config cfg = {};
	struct omap_iommu_inst *inst;
	void __iomem *base;
	int ret;

	inst = devm_kzalloc(dev, sizeof(*inst), GFP_KERNEL);
	if (!inst)
		return -ENOMEM;
	inst->dev = dev;
	INIT_LIST_HEAD(&inst->node);
	ret = omap_iommu_parse_dt(inst, &cfg);
	if (ret)
		return ret;
	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return PTR_ERR(base);
	inst->irq = platform_get_irq(pdev, 0);
	if (inst->irq < 0)
		return inst->irq;
	/* The walker reads tables by physical address: never a bounce buffer. */
	ret = dma_coerce_mask_and_coherent(dev, DMA_BIT_MASK(32));
	if (ret)
		return dev_err_probe(dev, ret, "no 32-bit DMA\n");

	inst->mmu = omap_mmu_create(dev, (__force struct kx_iomem *)base, &cfg, inst, &ret);
	if (!inst->mmu)
		return dev_err_probe(dev, ret, "cannot set up the MMU\n");
	platform_set_drvdata(pdev, inst);

	/* The handler touches the hardware only while it is powered. */
	ret = request_irq(inst->irq, omap_iommu_irq, IRQF_SHARED, dev_name(dev), inst);
	if (ret)
		goto err_mmu;
	pm_runtime_enable(dev);

	ret = iommu_device_sysfs_add(&inst->iommu, dev, NULL, "%s", dev_name(dev));
	if (ret)
		goto err_pm;
	mutex_lock(&omap_iommu_lock);
	list_add_tail(&inst->node, &omap_iommu_list);
	mutex_unlock(&omap_iommu_lock);
	ret = iommu_device_register(&inst->iommu, &omap_iommu_ops, dev);
	if (ret)
		goto err_list;
	omap_iommu_debugfs_add(inst);
	dev_info(dev, "OMAP IOMMU, %u TLB entries%s%s\n", cfg.tlb_entries,
		 cfg.bus_err_back ? ", bus error back" : "",
		 cfg.has_syscon ? ", DSP syscon" : "");
	return 0;

err_list:
	mutex_lock(&omap_iommu_lock);
	list_del(&inst->node);
	mutex_unlock(&omap_iommu_lock);
	iommu_device_sysfs_remove(&inst->iommu);
err_pm:
	pm_runtime_disable(dev);
	free_irq(inst->irq, inst);
err_mmu:
	omap_mmu_destroy(inst->mmu);
	return ret;
}

static void omap_iommu_remove(struct platform_device *pdev)
{
	struct omap_iommu_inst *inst = platform_get_drvdata(pdev);

	debugfs_remove_recursive(inst->debugfs);
	/* Releases every client still probed (none: each holds a module ref). */
	iommu_device_unregister(&inst->iommu);
	iommu_device_sysfs_remove(&inst->iommu);
	mutex_lock(&omap_iommu_lock);
	list_del(&inst->node);
	mutex_unlock(&omap_iommu_lock);
	pm_runtime_disable(&pdev->dev);
	free_irq(inst->irq, inst);
	omap_mmu_destroy(inst->mmu);
}

static const struct dev_pm_ops omap_iommu_pm_ops = {
	SET_RUNTIME_PM_OPS(omap_iommu_runtime_suspend, omap_iommu_runtime_resume, NULL)
	/* After the clients suspend, before they resume. */
	SET_LATE_SYSTEM_SLEEP_PM_OPS(pm_runtime_force_suspend, pm_runtime_force_resume)
};

static const struct of_device_id omap_iommu_of_match[] = {
	{ .compatible = "ti,omap2-iommu" },
	{ .compatible = "ti,omap4-iommu" },
	{ .compatible = "ti,dra7-iommu" },
	{ .compatible = "ti,dra7-dsp-iommu" },
	{}
};
MODULE_DEVICE_TABLE(of, omap_iommu_of_match);

static struct platform_driver omap_iommu_driver = {
	.probe = omap_iommu_probe,
	.remove_new = omap_iommu_remove,
	.driver = {
		.name = "socmmu-omap-iommu",
		.of_match_table = omap_iommu_of_match,
		.pm = &omap_iommu_pm_ops,
		/* Unbinding under live clients would pull tables from under them. */
		.suppress_bind_attrs = true,
	},
};

static int __init omap_iommu_init(void)
{
	int ret;

	omap_iommu_debugfs_root = debugfs_create_dir("socmmu_omap_iommu", NULL);
	ret = platform_driver_register(&omap_iommu_driver);
	if (ret)
		debugfs_remove_recursive(omap_iommu_debugfs_root);
	return ret;
}
module_init(omap_iommu_init);

static void __exit omap_iommu_exit(void)
{
	platform_driver_unregister(&omap_iommu_driver);
#if KX_IOMMU_BUS_OPS
	/*
	 * 6.1's iommu_device_register() set the bus's iommu_ops and nothing
	 * clears them: a device added after we are gone would call into freed
	 * code.  No instance is registered any more, so nothing uses them.
	 */
	if (platform_bus_type.iommu_ops == &omap_iommu_ops)
		platform_bus_type.iommu_ops = NULL;
#ifdef CONFIG_PCI
	if (pci_bus_type.iommu_ops == &omap_iommu_ops)
		pci_bus_type.iommu_ops = NULL;
#endif
#ifdef CONFIG_ARM_AMBA
	if (amba_bustype.iommu_ops == &omap_iommu_ops)
		amba_bustype.iommu_ops = NULL;
#endif
#endif
	debugfs_remove_recursive(omap_iommu_debugfs_root);
}
module_exit(omap_iommu_exit);

MODULE_DESCRIPTION("socmmu: TI OMAP IOMMU driver");
MODULE_LICENSE("GPL");

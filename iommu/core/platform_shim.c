// SPDX-License-Identifier: GPL-2.0
/*
 * The framework's platform side: one platform driver per registered
 * IOMMU driver, all with this file's probe, remove, PM ops, IRQ handler
 * and debugfs files; the decisions are the C++ core's (core_abi.h) and
 * the driver's.  See Documentation/iommu-framework.rst.
 */
#include <linux/clk.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include <socmmu_dma.h>

#include "inst.h"
#include "socmmu_iommu.h"

/* -------------------------------------------------------------- probe -- */

static int socmmu_get_irqs(struct platform_device *pdev, struct socmmu_inst *inst)
{
	int n = platform_irq_count(pdev), i;

	if (n < 0)
		return n;
	if (socmmu_check_irqs(&pdev->dev, inst->drv, n))
		return -EINVAL;
	for (i = 0; i < n; i++) {
		inst->irqs[i] = platform_get_irq(pdev, i);
		if (inst->irqs[i] < 0)
			return inst->irqs[i];
	}
	inst->nirqs = n;
	return 0;
}

static int socmmu_get_clocks(struct socmmu_inst *inst)
{
	int i;

	if (!inst->drv->max_clocks)
		return 0;
	inst->nclks = devm_clk_bulk_get_all(inst->dev, &inst->clks);
	if (inst->nclks < 0)
		return dev_err_probe(inst->dev, inst->nclks, "cannot get the clocks\n");
	if (socmmu_check_clocks(inst->dev, inst->drv, inst->nclks))
		return -EINVAL;
	for (i = 0; i < inst->nclks; i++)
		inst->clock_names[i] = inst->clks[i].id;
	return clk_bulk_prepare(inst->nclks, inst->clks);
}

static irqreturn_t socmmu_irq(int irq, void *data)
{
	struct socmmu_inst *inst = data;

	return core_instance_irq(inst->core) ? IRQ_HANDLED : IRQ_NONE;
}

static int socmmu_show(struct seq_file *s, enum core_dump what)
{
	core_instance_dump(((struct socmmu_inst *)s->private)->core, what, s);
	return 0;
}

static int socmmu_regs_show(struct seq_file *s, void *unused)
{
	return socmmu_show(s, CORE_DUMP_REGS);
}
DEFINE_SHOW_ATTRIBUTE(socmmu_regs);

static int socmmu_tlb_show(struct seq_file *s, void *unused)
{
	return socmmu_show(s, CORE_DUMP_TLB);
}
DEFINE_SHOW_ATTRIBUTE(socmmu_tlb);

static int socmmu_pagetable_show(struct seq_file *s, void *unused)
{
	return socmmu_show(s, CORE_DUMP_PAGETABLE);
}
DEFINE_SHOW_ATTRIBUTE(socmmu_pagetable);

static int socmmu_stats_show(struct seq_file *s, void *unused)
{
	return socmmu_show(s, CORE_DUMP_STATS);
}
DEFINE_SHOW_ATTRIBUTE(socmmu_stats);

static void socmmu_debugfs_add(struct socmmu_inst *inst)
{
	inst->debugfs = debugfs_create_dir(dev_name(inst->dev), inst->drv->debugfs);
	debugfs_create_file("regs", 0400, inst->debugfs, inst, &socmmu_regs_fops);
	debugfs_create_file("tlb", 0400, inst->debugfs, inst, &socmmu_tlb_fops);
	debugfs_create_file("pagetable", 0400, inst->debugfs, inst, &socmmu_pagetable_fops);
	debugfs_create_file("stats", 0400, inst->debugfs, inst, &socmmu_stats_fops);
}

static struct socmmu_iommu_driver *socmmu_driver_of(struct device *dev)
{
	return container_of(to_platform_driver(dev->driver), struct socmmu_iommu_driver, platform);
}

/*
 * The C++ core creates the instance with the hardware powered and
 * clocked, through runtime PM like any later access, so that the driver
 * can identify the hardware and every context starts from a known state.
 */
static int socmmu_create_core(struct platform_device *pdev, struct socmmu_inst *inst,
			      void __iomem *base, resource_size_t size)
{
	struct socmmu_hw_params params = {
		.dev = inst->dev,
		.inst = inst,
		.base = (__force struct kx_iomem *)base,
		.size = size,
		.variant = (unsigned long)of_device_get_match_data(inst->dev),
		.props = inst->props,
		.nprops = inst->drv->nprops,
		.clocks = inst->clock_names,
		.nclocks = max(inst->nclks, 0),
		.nirqs = inst->nirqs,
	};
	bool clocks_on = false;
	int ret;

	pm_runtime_enable(inst->dev);
	ret = pm_runtime_resume_and_get(inst->dev);
	if (ret < 0) {
		pm_runtime_disable(inst->dev);
		return dev_err_probe(inst->dev, ret, "cannot power up\n");
	}
	if (!IS_ENABLED(CONFIG_PM)) {
		ret = clk_bulk_enable(inst->nclks, inst->clks);
		clocks_on = !ret;
	}
	if (!ret)
		inst->core = core_instance_create(&inst->drv->info, &params,
						  of_fwnode_handle(inst->dev->of_node), &ret);
	if (inst->core) {
		pm_runtime_put(inst->dev);
		return 0;
	}
	/*
	 * The driver refused the hardware: its clocks go off now, through
	 * the runtime suspend a plain put would only queue (and disable
	 * would cancel), before the caller unprepares them.
	 */
	if (clocks_on)
		clk_bulk_disable(inst->nclks, inst->clks);
	pm_runtime_put_sync(inst->dev);
	pm_runtime_disable(inst->dev);
	return ret;
}

static int socmmu_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct socmmu_inst *inst;
	struct resource *res;
	void __iomem *base;
	unsigned int i;
	int ret;

	inst = devm_kzalloc(dev, sizeof(*inst), GFP_KERNEL);
	if (!inst)
		return -ENOMEM;
	inst->dev = dev;
	inst->drv = socmmu_driver_of(dev);
	ratelimit_state_init(&inst->fault_log, DEFAULT_RATELIMIT_INTERVAL,
			     DEFAULT_RATELIMIT_BURST);
	/* The fault lines count what was dropped themselves, naming the device. */
	ratelimit_set_flags(&inst->fault_log, RATELIMIT_MSG_ON_RELEASE);
	inst->props = devm_kcalloc(dev, max(inst->drv->nprops, 1U), sizeof(*inst->props),
				   GFP_KERNEL);
	if (!inst->props)
		return -ENOMEM;
	/* Clients' "iommus" are read with it: a wrong one would misread them all. */
	ret = socmmu_check_cells(dev, dev->of_node, inst->drv);
	if (ret)
		return ret;
	base = devm_platform_get_and_ioremap_resource(pdev, 0, &res);
	if (IS_ERR(base))
		return PTR_ERR(base);
	ret = socmmu_get_irqs(pdev, inst);
	if (ret)
		return ret;
	ret = socmmu_get_clocks(inst);
	if (ret)
		return ret;
	socmmu_read_props(dev->of_node, inst->drv, inst->props, false);
	platform_set_drvdata(pdev, inst);

	ret = socmmu_create_core(pdev, inst, base, resource_size(res));
	if (ret)
		goto err_clocks;
	/* The handler touches the hardware only while it is powered. */
	for (i = 0; i < inst->nirqs; i++) {
		ret = request_irq(inst->irqs[i], socmmu_irq, IRQF_SHARED, dev_name(dev), inst);
		if (ret) {
			dev_err(dev, "cannot request IRQ %d: %d\n", inst->irqs[i], ret);
			goto err_irqs;
		}
	}
	ret = iommu_device_sysfs_add(&inst->iommu, dev, NULL, "%s", dev_name(dev));
	if (ret)
		goto err_irqs;
	ret = iommu_device_register(&inst->iommu, &socmmu_iommu_ops, dev);
	if (ret) {
		dev_err(dev, "cannot register with the IOMMU core: %d\n", ret);
		goto err_sysfs;
	}
	socmmu_debugfs_add(inst);
	return 0;

err_sysfs:
	iommu_device_sysfs_remove(&inst->iommu);
err_irqs:
	while (i--)
		free_irq(inst->irqs[i], inst);
	/*
	 * Off before the clocks are unprepared: the put at the core's
	 * creation only queued the suspend, which a plain disable cancels,
	 * leaving them enabled (found by kunit/failnth's probe sweep).
	 */
	pm_runtime_force_suspend(dev);
	if (!IS_ENABLED(CONFIG_PM))
		clk_bulk_disable(inst->nclks, inst->clks);
	core_instance_destroy(inst->core);
err_clocks:
	if (inst->nclks > 0)
		clk_bulk_unprepare(inst->nclks, inst->clks);
	return ret;
}

/*
 * A client behind @inst, filed under it for release (socmmu_remove()).
 *
 * iommu_device_unregister() releases only the devices the core files under
 * the instance (remove_iommu_group(): dev->iommu->iommu_dev), the one our
 * probe_device returned: a client's first.  A client behind @inst as its
 * second instance would keep a Client bound to the freed instance, its
 * group on a domain with a context there, and its device link.  No other
 * exported call releases one device on both kernels (6.1 does not export
 * iommu_release_device()), so such a client is filed under @inst before
 * the unregister, which then releases it as it releases a first
 * instance's: release_device, group, module reference, dev->iommu.  The
 * release's iommu_device_unlink() then removes the client's "iommu" link
 * and finds no entry for it in @inst's "devices" (silently): the one in
 * the other instance's goes here (6.12 no longer exports the unlink).
 */
static bool socmmu_client_file_under(struct device *dev, struct socmmu_inst *inst)
{
	struct iommu_device *filed = dev->iommu ? dev->iommu->iommu_dev : NULL;

	/* Filed under one of ours: probe_device returned an instance of @dev's. */
	if (!filed || !core_instance_serves(inst->core, dev))
		return false;
	if (filed != &inst->iommu) {
		sysfs_remove_link_from_group(&filed->dev->kobj, "devices", dev_name(dev));
		dev->iommu->iommu_dev = &inst->iommu;
	}
	return true;
}

/*
 * Every client behind the instance, whichever instance the IOMMU core
 * files it under, is filed under this one (socmmu_client_file_under()) so
 * that iommu_device_unregister() releases it, and loses the DMA layer's
 * domain first.  6.12 takes the client out of its group first and WARNs
 * in __iommu_group_free_device() when the emptied group is not on its
 * default domain; release_device, which would take the layer off, only
 * runs after that.  The layer stays on a client that no driver holds (a
 * driver that refused it, or let it go), so it comes off here, while
 * detaching is still allowed, as when the client itself is deleted (the
 * layer's bus notifier).
 */
static int socmmu_release_client(struct device *dev, void *inst)
{
	if (socmmu_client_file_under(dev, inst))
		socmmu_dma_release(dev);
	return 0;
}

static void socmmu_remove(struct platform_device *pdev)
{
	struct socmmu_inst *inst = platform_get_drvdata(pdev);
	unsigned int i;

	debugfs_remove_recursive(inst->debugfs);
	/* The bus the layer follows (its bus notifier's): our clients are platform devices. */
	bus_for_each_dev(&platform_bus_type, NULL, inst, socmmu_release_client);
	/* Releases them: they pin the driver's module, not this device. */
	iommu_device_unregister(&inst->iommu);
	iommu_device_sysfs_remove(&inst->iommu);
	pm_runtime_disable(&pdev->dev);
	for (i = 0; i < inst->nirqs; i++)
		free_irq(inst->irqs[i], inst);
	core_instance_destroy(inst->core);
	if (!IS_ENABLED(CONFIG_PM))
		clk_bulk_disable(inst->nclks, inst->clks);
	if (inst->nclks > 0)
		clk_bulk_unprepare(inst->nclks, inst->clks);
}

/* ---------------------------------------------------------------- PM -- */

static int socmmu_runtime_suspend(struct device *dev)
{
	struct socmmu_inst *inst = dev_get_drvdata(dev);

	/* Before the core exists (probe), only the clocks. */
	if (inst->core)
		core_instance_suspend(inst->core);
	clk_bulk_disable(inst->nclks, inst->clks);
	return 0;
}

static int socmmu_runtime_resume(struct device *dev)
{
	struct socmmu_inst *inst = dev_get_drvdata(dev);
	int ret = clk_bulk_enable(inst->nclks, inst->clks);

	if (ret) {
		dev_err(dev, "cannot enable the clocks: %d\n", ret);
		return ret;
	}
	if (inst->core)
		core_instance_resume(inst->core);
	return 0;
}

static const struct dev_pm_ops socmmu_pm_ops = {
	SET_RUNTIME_PM_OPS(socmmu_runtime_suspend, socmmu_runtime_resume, NULL)
	/* After the clients suspend, before they resume. */
	SET_LATE_SYSTEM_SLEEP_PM_OPS(pm_runtime_force_suspend, pm_runtime_force_resume)
};

/* ---------------------------------------------------- driver registry -- */

/**
 * __socmmu_iommu_driver_register() - put an IOMMU driver on the framework
 * @drv: the driver's description; the framework fills its platform driver
 * @owner: the driver's module (socmmu_iommu_driver_register() passes it)
 *
 * Return: 0 or the platform driver core's errno.
 */
int __socmmu_iommu_driver_register(struct socmmu_iommu_driver *drv, struct module *owner)
{
	int ret;

	drv->owner = owner;
	drv->platform = (struct platform_driver) {
		.probe = socmmu_probe,
		.remove_new = socmmu_remove,
		.driver = {
			.name = drv->info.name,
			.of_match_table = drv->of_match,
			.pm = &socmmu_pm_ops,
			/* Unbinding under live clients would pull tables from under them. */
			.suppress_bind_attrs = true,
		},
	};
	/* /sys/kernel/debug/<driver module>/<instance>/ */
	drv->debugfs = debugfs_create_dir(module_name(owner), NULL);
	ret = __platform_driver_register(&drv->platform, owner);
	if (ret) {
		debugfs_remove_recursive(drv->debugfs);
		return ret;
	}
	socmmu_drivers_add(drv);
	return 0;
}
EXPORT_SYMBOL_GPL(__socmmu_iommu_driver_register);

/**
 * socmmu_iommu_driver_unregister() - take an IOMMU driver off the framework
 * @drv: as registered
 */
void socmmu_iommu_driver_unregister(struct socmmu_iommu_driver *drv)
{
	socmmu_drivers_del(drv);
	platform_driver_unregister(&drv->platform);
	debugfs_remove_recursive(drv->debugfs);
}
EXPORT_SYMBOL_GPL(socmmu_iommu_driver_unregister);

/**
 * socmmu_iommu_get_stats() - what the framework did to one instance
 * @iommu: the IOMMU instance's own device
 * @stats: filled in
 *
 * Return: 0, or -ENODEV if @iommu is not an instance of ours.
 */
int socmmu_iommu_get_stats(struct device *iommu, struct socmmu_iommu_stats *stats)
{
	struct core_instance *ci = core_instance_find(dev_fwnode(iommu));

	if (!ci)
		return -ENODEV;
	core_instance_stats(ci, stats);
	return 0;
}
EXPORT_SYMBOL_GPL(socmmu_iommu_get_stats);

static int __init socmmu_iommu_init(void)
{
	int ret = core_init();

	if (!ret)
		socmmu_iommu_ops_init();
	return ret;
}
module_init(socmmu_iommu_init);

static void __exit socmmu_iommu_exit(void)
{
	socmmu_iommu_ops_exit();
	core_exit();
}
module_exit(socmmu_iommu_exit);

MODULE_DESCRIPTION("socmmu: the IOMMU driver framework");
MODULE_LICENSE("GPL");

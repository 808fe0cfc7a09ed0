// SPDX-License-Identifier: GPL-2.0
/*
 * The hardware models' PM domain (model_pm.h).  Linked into
 * socmmu_testbench, which every model module loads after.
 */
#include <linux/device.h>
#include <linux/export.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

#include "model_pm.h"

static struct model_pm_domain *model_pm_of(struct device *dev)
{
	return container_of(dev->pm_domain, struct model_pm_domain, pmd);
}

static int model_pm_runtime_suspend(struct device *dev)
{
	struct model_pm_domain *pd = model_pm_of(dev);
	int ret = pm_generic_runtime_suspend(dev);

	if (!ret)
		pd->set_power(pd, false);
	return ret;
}

static int model_pm_runtime_resume(struct device *dev)
{
	struct model_pm_domain *pd = model_pm_of(dev);
	int ret;

	pd->set_power(pd, true);
	ret = pm_generic_runtime_resume(dev);
	if (ret)
		pd->set_power(pd, false);
	return ret;
}

static int model_pm_prepare(struct device *dev)
{
	if (dev->driver && dev->driver->pm && dev->driver->pm->prepare)
		return dev->driver->pm->prepare(dev);
	return 0;
}

static void model_pm_complete(struct device *dev)
{
	if (dev->driver && dev->driver->pm && dev->driver->pm->complete)
		dev->driver->pm->complete(dev);
}

/* Still powered once the driver's noirq phase ran: power off for sleep. */
static int model_pm_suspend_noirq(struct device *dev)
{
	struct model_pm_domain *pd = model_pm_of(dev);
	int ret = pm_generic_suspend_noirq(dev);

	if (!ret && pd->powered(pd)) {
		pd->sleep_off = true;
		pd->set_power(pd, false);
	}
	return ret;
}

static int model_pm_resume_noirq(struct device *dev)
{
	struct model_pm_domain *pd = model_pm_of(dev);

	if (pd->sleep_off) {
		pd->sleep_off = false;
		pd->set_power(pd, true);
	}
	return pm_generic_resume_noirq(dev);
}

static const struct dev_pm_ops model_pm_ops = {
	.prepare = model_pm_prepare,
	.complete = model_pm_complete,
	.suspend = pm_generic_suspend,
	.resume = pm_generic_resume,
	.freeze = pm_generic_freeze,
	.thaw = pm_generic_thaw,
	.poweroff = pm_generic_poweroff,
	.restore = pm_generic_restore,
	.suspend_late = pm_generic_suspend_late,
	.resume_early = pm_generic_resume_early,
	.freeze_late = pm_generic_freeze_late,
	.thaw_early = pm_generic_thaw_early,
	.poweroff_late = pm_generic_poweroff_late,
	.restore_early = pm_generic_restore_early,
	.suspend_noirq = model_pm_suspend_noirq,
	.resume_noirq = model_pm_resume_noirq,
	.freeze_noirq = pm_generic_freeze_noirq,
	.thaw_noirq = pm_generic_thaw_noirq,
	.poweroff_noirq = model_pm_suspend_noirq,
	.restore_noirq = model_pm_resume_noirq,
	.runtime_suspend = model_pm_runtime_suspend,
	.runtime_resume = model_pm_runtime_resume,
};

/**
 * model_pm_domain_init() - set up a model's PM domain (model_pm.h)
 * @pd: the domain, to be given to a device with dev_pm_domain_set()
 * @set_power: powers the model on or off
 * @powered: whether the model is powered
 */
void model_pm_domain_init(struct model_pm_domain *pd,
			  void (*set_power)(struct model_pm_domain *pd, bool on),
			  bool (*powered)(struct model_pm_domain *pd))
{
	pd->pmd.ops = model_pm_ops;
	pd->set_power = set_power;
	pd->powered = powered;
	pd->sleep_off = false;
}
EXPORT_SYMBOL_GPL(model_pm_domain_init);

static void model_pm_bind(struct model_pm_binder *b, struct device *dev)
{
	struct model_pm_slot slot;

	if (!b->find(dev->of_node, &slot) || *slot.dev)
		return;
	if (dev->pm_domain) {
		dev_warn(dev, "socmmu %s model: device already has a PM domain\n",
			 b->name);
		return;
	}
	dev_pm_domain_set(dev, &slot.pd->pmd);
	WRITE_ONCE(*slot.dev, dev);
}

static int model_pm_bus_notify(struct notifier_block *nb, unsigned long action,
			       void *data)
{
	struct model_pm_binder *b = container_of(nb, struct model_pm_binder, nb);
	struct device *dev = data;
	struct model_pm_slot slot;

	switch (action) {
	case BUS_NOTIFY_ADD_DEVICE:
		model_pm_bind(b, dev);
		break;
	case BUS_NOTIFY_DEL_DEVICE:
		if (b->find(dev->of_node, &slot) && *slot.dev == dev) {
			dev_pm_domain_set(dev, NULL);
			WRITE_ONCE(*slot.dev, NULL);
		}
		break;
	}
	return NOTIFY_DONE;
}

/**
 * model_pm_binder_register() - bind a model's domains to platform devices
 * @b: the binder, with @b->name and @b->find set; lives as long as the model
 *
 * From now on, a platform device added for one of the model's instances
 * gets its domain, unless it already has one (a warning then), and gives
 * it back when it is deleted.  Devices that already exist are bound with
 * model_pm_binder_attach().
 *
 * Return: 0, or what bus_register_notifier() returned.
 */
int model_pm_binder_register(struct model_pm_binder *b)
{
	b->nb.notifier_call = model_pm_bus_notify;
	return bus_register_notifier(&platform_bus_type, &b->nb);
}
EXPORT_SYMBOL_GPL(model_pm_binder_register);

/**
 * model_pm_binder_attach() - bind the platform device that already exists
 * @b: a registered binder
 * @np: one of the model's instances' node
 *
 * For a model loaded after the device of @np was added: gives it the
 * instance's domain as the bus notifier would have, under the device lock
 * so that no probe runs meanwhile.  Nothing happens when @np has no device.
 */
void model_pm_binder_attach(struct model_pm_binder *b,
			    struct device_node *np)
{
	struct platform_device *pdev = of_find_device_by_node(np);

	if (!pdev)
		return;
	device_lock(&pdev->dev);
	model_pm_bind(b, &pdev->dev);
	device_unlock(&pdev->dev);
	put_device(&pdev->dev);
}
EXPORT_SYMBOL_GPL(model_pm_binder_attach);

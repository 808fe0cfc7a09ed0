/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A PM domain for a hardware model's device, as omap_device gives one on
 * OMAP: every phase runs the driver's own callbacks (the PM core calls
 * only the domain's when a device has one), runtime suspend powers the
 * model off and runtime resume on, and a device still powered after its
 * driver's noirq suspend is powered off for the sleep and on again at
 * resume.  Shared by every hardware model; lives in socmmu_testbench.
 * C only.
 */
#ifndef SOCMMU_MODEL_PM_H
#define SOCMMU_MODEL_PM_H

#include <linux/notifier.h>
#include <linux/pm_domain.h>

struct device;
struct device_node;

struct model_pm_domain {
	struct dev_pm_domain pmd;
	void (*set_power)(struct model_pm_domain *pd, bool on);
	bool (*powered)(struct model_pm_domain *pd);
	bool sleep_off;		/* powered off by system sleep */
};

void model_pm_domain_init(struct model_pm_domain *pd,
			  void (*set_power)(struct model_pm_domain *pd, bool on),
			  bool (*powered)(struct model_pm_domain *pd));

/* Where a model instance keeps its domain and the device it gave it to. */
struct model_pm_slot {
	struct model_pm_domain *pd;
	struct device **dev;	/* WRITE_ONCE here; the model READ_ONCEs it */
};

/*
 * Gives an instance's domain to the platform device of its DT node when the
 * device is added, and takes it back when the device is deleted.  @name is
 * the model's, in its warnings ("socmmu <name> model: ..."); @find fills
 * @slot for the instance of @np and returns false when @np is not one.
 */
struct model_pm_binder {
	struct notifier_block nb;
	const char *name;
	bool (*find)(const struct device_node *np, struct model_pm_slot *slot);
};

int model_pm_binder_register(struct model_pm_binder *b);
void model_pm_binder_attach(struct model_pm_binder *b,
			    struct device_node *np);

#endif

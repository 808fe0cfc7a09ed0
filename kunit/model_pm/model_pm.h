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

#include <linux/pm_domain.h>

struct model_pm_domain {
	struct dev_pm_domain pmd;
	void (*set_power)(struct model_pm_domain *pd, bool on);
	bool (*powered)(struct model_pm_domain *pd);
	bool sleep_off;		/* powered off by system sleep */
};

void model_pm_domain_init(struct model_pm_domain *pd,
			  void (*set_power)(struct model_pm_domain *pd, bool on),
			  bool (*powered)(struct model_pm_domain *pd));

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IOMMU framework's API for a driver's C shim: describe the driver,
 * register it, and the framework builds the platform driver, the
 * iommu_ops and PM ops around the driver's C++ Hardware.  See
 * Documentation/iommu-framework.rst and adding-a-driver.rst.
 */
#ifndef SOCMMU_IOMMU_H
#define SOCMMU_IOMMU_H

#include <linux/list.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#include "core_abi.h"
#include "driver_abi.h"

struct dentry;
struct device_node;

/* A property of the binding, read into socmmu_hw_params.props[] at probe. */
struct socmmu_dt_prop {
	const char *name;
	enum socmmu_dt_kind kind;
};

struct socmmu_iommu_driver {
	/* Filled by the driver. */
	struct socmmu_driver_info info;		/* name, #iommu-cells, create() */
	const struct of_device_id *of_match;	/* .data: the variant */
	const struct socmmu_dt_prop *props;
	unsigned int nprops;
	unsigned int min_irqs, max_irqs;	/* the binding's interrupts */
	unsigned int max_clocks;		/* 0: the binding has none */

	/* The framework's. */
	struct list_head list;			/* socmmu_iommu_check_node() */
	struct module *owner;
	struct platform_driver platform;
	struct dentry *debugfs;
};

int __socmmu_iommu_driver_register(struct socmmu_iommu_driver *drv, struct module *owner);
#define socmmu_iommu_driver_register(drv) __socmmu_iommu_driver_register(drv, THIS_MODULE)
void socmmu_iommu_driver_unregister(struct socmmu_iommu_driver *drv);

/*
 * A node nobody probes, checked as probe would check it (dt_shim.c);
 * exported to KUnit only (kunit/boards).
 */
int socmmu_iommu_check_node(struct device_node *np, const char **driver);
int socmmu_iommu_check_client(struct device_node *np);

/* What the framework did to the instance @iommu (its own device). */
int socmmu_iommu_get_stats(struct device *iommu, struct socmmu_iommu_stats *stats);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An instance's kernel side, shared by the framework's C shims only.
 */
#ifndef SOCMMU_IOMMU_INST_H
#define SOCMMU_IOMMU_INST_H

#include <linux/clk.h>
#include <linux/iommu.h>
#include <linux/ratelimit.h>

#include "socmmu_iommu.h"

struct socmmu_inst {
	struct device *dev;
	struct socmmu_iommu_driver *drv;
	struct iommu_device iommu;
	struct core_instance *core;
	int irqs[SOCMMU_MAX_IRQS];
	unsigned int nirqs;
	struct clk_bulk_data *clks;
	int nclks;
	const char *clock_names[SOCMMU_MAX_CLOCKS];
	struct socmmu_dt_value *props;
	struct ratelimit_state fault_log;
	struct dentry *debugfs;
};

/* dt_shim.c: what probe reads, and a check of a node nobody probes reads. */
void socmmu_read_props(struct device_node *np, const struct socmmu_iommu_driver *drv,
		       struct socmmu_dt_value *values, bool check);
int socmmu_check_cells(struct device *dev, struct device_node *np,
		       const struct socmmu_iommu_driver *drv);
int socmmu_check_irqs(struct device *dev, const struct socmmu_iommu_driver *drv, int n);
int socmmu_check_clocks(struct device *dev, const struct socmmu_iommu_driver *drv, int n);
int socmmu_read_endpoints(struct device *dev, struct device_node *np,
			  struct socmmu_endpoint **out);
void socmmu_drivers_add(struct socmmu_iommu_driver *drv);
void socmmu_drivers_del(struct socmmu_iommu_driver *drv);

/* iommu_ops_shim.c */
extern const struct iommu_ops socmmu_iommu_ops;
void socmmu_iommu_ops_init(void);
void socmmu_iommu_ops_exit(void);
/* Where our domains put their struct iommu_domain (the legacy prefix). */
size_t socmmu_domain_legacy_offset(void);

#endif

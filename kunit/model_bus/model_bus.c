// SPDX-License-Identifier: GPL-2.0
/*
 * The registry of IOMMU model instances (model_bus.h).  Linked into
 * socmmu_testbench, which stays loaded: static storage only.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/mutex.h>
#include <linux/of.h>

#include "model_bus.h"

#define MODEL_BUS_MAX	32

static struct {
	struct device_node *np;
	const struct model_bus_ops *ops;
	void *iommu;
} model_bus_entries[MODEL_BUS_MAX];
static unsigned int model_bus_count;
static DEFINE_MUTEX(model_bus_lock);

int model_bus_register(struct device_node *np, const struct model_bus_ops *ops, void *iommu)
{
	int ret = -ENOSPC;

	mutex_lock(&model_bus_lock);
	if (model_bus_count < MODEL_BUS_MAX) {
		model_bus_entries[model_bus_count].np = of_node_get(np);
		model_bus_entries[model_bus_count].ops = ops;
		model_bus_entries[model_bus_count].iommu = iommu;
		model_bus_count++;
		ret = 0;
	}
	mutex_unlock(&model_bus_lock);
	if (ret)
		pr_err("model_bus: no room for %pOF\n", np);
	return ret;
}
EXPORT_SYMBOL_GPL(model_bus_register);

int model_bus_master_of(struct device_node *client, unsigned int index,
			struct model_bus_master *out)
{
	struct of_phandle_args args;
	unsigned int i;
	int ret;

	ret = of_parse_phandle_with_args(client, "iommus", "#iommu-cells", index, &args);
	if (ret)
		return -EINVAL;
	ret = -ENODEV;
	mutex_lock(&model_bus_lock);
	for (i = 0; i < model_bus_count; i++) {
		if (model_bus_entries[i].np != args.np)
			continue;
		out->ops = model_bus_entries[i].ops;
		out->iommu = model_bus_entries[i].iommu;
		out->stream = args.args_count ? args.args[0] : 0;
		ret = 0;
		break;
	}
	mutex_unlock(&model_bus_lock);
	of_node_put(args.np);
	return ret;
}
EXPORT_SYMBOL_GPL(model_bus_master_of);

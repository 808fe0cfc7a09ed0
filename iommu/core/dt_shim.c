// SPDX-License-Identifier: GPL-2.0
/*
 * What the framework reads from the device tree, once for probe and once
 * for a check of a node nobody probes: an IOMMU node's properties and
 * counts, and a client's "iommus".  The decisions are the C++ core's and
 * the driver's (core_client_check(), socmmu_driver_info.check); a check
 * runs the same ones probe runs.  See Documentation/board-dts.rst.
 */
#include <linux/device.h>
#include <linux/list.h>
#include <linux/mfd/syscon.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/slab.h>

#include <shim/kcompat.h>

#include "inst.h"
#include "socmmu_iommu.h"

static LIST_HEAD(socmmu_drivers);
static DEFINE_MUTEX(socmmu_drivers_lock);

/* A check has no regmap: this stands in for one, and nothing reads it. */
static const int socmmu_check_syscon;

void socmmu_read_props(struct device_node *np, const struct socmmu_iommu_driver *drv,
		       struct socmmu_dt_value *values, bool check)
{
	unsigned int i;

	for (i = 0; i < drv->nprops; i++) {
		const struct socmmu_dt_prop *p = &drv->props[i];
		struct socmmu_dt_value *v = &values[i];
		struct of_phandle_args args;
		struct device_node *syscon;
		int n;

		switch (p->kind) {
		case SOCMMU_DT_U32:
			v->present = !of_property_read_u32(np, p->name, &v->cells[0]);
			v->ncells = v->present;
			break;
		case SOCMMU_DT_FLAG:
			v->present = of_property_read_bool(np, p->name);
			break;
		case SOCMMU_DT_SYSCON:
			v->present = of_find_property(np, p->name, NULL);
			if (!v->present)
				break;
			if (!check) {
				v->syscon = syscon_regmap_lookup_by_phandle(np, p->name);
			} else {
				/* What the lookup refuses without mapping anything. */
				syscon = of_parse_phandle(np, p->name, 0);
				if (!syscon)
					v->syscon = ERR_PTR(-ENODEV);
				else if (!of_device_is_compatible(syscon, "syscon"))
					v->syscon = ERR_PTR(-EINVAL);
				else
					v->syscon = (void *)&socmmu_check_syscon;
				of_node_put(syscon);
			}
			if (IS_ERR(v->syscon)) {
				v->err = PTR_ERR(v->syscon);
				v->syscon = NULL;
			}
			n = of_property_count_u32_elems(np, p->name) - 1;
			v->ncells = clamp(n, 0, SOCMMU_DT_MAX_CELLS);
			if (v->ncells &&
			    !of_parse_phandle_with_fixed_args(np, p->name, v->ncells, 0, &args)) {
				memcpy(v->cells, args.args, v->ncells * sizeof(u32));
				of_node_put(args.np);
			}
			break;
		}
	}
}

int socmmu_check_cells(struct device *dev, struct device_node *np,
		       const struct socmmu_iommu_driver *drv)
{
	u32 cells;

	if (of_property_read_u32(np, "#iommu-cells", &cells)) {
		dev_err(dev, "no #iommu-cells; the binding has <%u>\n", drv->info.iommu_cells);
		return -EINVAL;
	}
	if (cells != drv->info.iommu_cells) {
		dev_err(dev, "#iommu-cells = <%u>; the binding has <%u>\n", cells,
			drv->info.iommu_cells);
		return -EINVAL;
	}
	return 0;
}

int socmmu_check_irqs(struct device *dev, const struct socmmu_iommu_driver *drv, int n)
{
	if (n < drv->min_irqs || n > drv->max_irqs) {
		dev_err(dev, "%d interrupts; the binding has %u to %u\n", n, drv->min_irqs,
			drv->max_irqs);
		return -EINVAL;
	}
	return 0;
}

int socmmu_check_clocks(struct device *dev, const struct socmmu_iommu_driver *drv, int n)
{
	if (n > (int)drv->max_clocks) {
		dev_err(dev, "%d clocks; the binding has at most %u\n", n, drv->max_clocks);
		return -EINVAL;
	}
	return 0;
}

int socmmu_read_endpoints(struct device *dev, struct device_node *np,
			  struct socmmu_endpoint **out)
{
	struct of_phandle_args args;
	struct socmmu_endpoint *eps;
	int count, i, j;

	count = of_count_phandle_with_args(np, "iommus", "#iommu-cells");
	if (count < 0)
		count = 0;
	eps = kcalloc(max(count, 1), sizeof(*eps), GFP_KERNEL);
	if (!eps)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		if (of_parse_phandle_with_args(np, "iommus", "#iommu-cells", i, &args)) {
			dev_err(dev, "iommus entry %d cannot be parsed\n", i);
			kfree(eps);
			return -EINVAL;
		}
		eps[i].key = of_fwnode_handle(args.np);
		of_node_put(args.np);
		eps[i].nargs = args.args_count;
		for (j = 0; j < min_t(int, args.args_count, SOCMMU_DT_MAX_CELLS); j++)
			eps[i].args[j] = args.args[j];
	}
	*out = eps;
	return count;
}

void socmmu_drivers_add(struct socmmu_iommu_driver *drv)
{
	mutex_lock(&socmmu_drivers_lock);
	list_add_tail(&drv->list, &socmmu_drivers);
	mutex_unlock(&socmmu_drivers_lock);
}

void socmmu_drivers_del(struct socmmu_iommu_driver *drv)
{
	mutex_lock(&socmmu_drivers_lock);
	list_del(&drv->list);
	mutex_unlock(&socmmu_drivers_lock);
}

/* Drivers lock held. */
static struct socmmu_iommu_driver *socmmu_driver_for(struct device_node *np,
						     const struct of_device_id **match)
{
	struct socmmu_iommu_driver *drv;

	lockdep_assert_held(&socmmu_drivers_lock);
	list_for_each_entry(drv, &socmmu_drivers, list) {
		*match = of_match_node(drv->of_match, np);
		if (*match)
			return drv;
	}
	return NULL;
}

/* A check's messages name the node as probe's name the device. */
static void socmmu_check_dev_release(struct device *dev)
{
	kfree(dev);
}

static struct device *socmmu_check_dev(struct device_node *np)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return NULL;
	device_initialize(dev);
	dev->release = socmmu_check_dev_release;
	dev->of_node = np;
	if (dev_set_name(dev, "%pOF", np)) {
		put_device(dev);
		return NULL;
	}
	return dev;
}

/* of_irq_count(), which is not exported: the entries that parse. */
static int socmmu_of_irq_count(struct device_node *np)
{
	struct of_phandle_args irq;
	int n = 0;

	while (!of_irq_parse_one(np, n, &irq)) {
		of_node_put(irq.np);
		n++;
	}
	return n;
}

static int socmmu_check_iommu(struct device *dev, struct device_node *np,
			      const struct socmmu_iommu_driver *drv,
			      const struct of_device_id *match)
{
	const char *clock_names[SOCMMU_MAX_CLOCKS] = {};
	struct socmmu_hw_params params = {
		.dev = dev,
		.variant = (unsigned long)match->data,
		.nprops = drv->nprops,
		.clocks = clock_names,
	};
	struct socmmu_dt_value *props;
	struct resource res;
	int nirqs, nclks, i, ret;

	ret = socmmu_check_cells(dev, np, drv);
	if (ret)
		return ret;
	/* As devm_platform_get_and_ioremap_resource() finds window 0. */
	ret = of_address_to_resource(np, 0, &res);
	if (ret) {
		dev_err(dev, "no register window: %d\n", ret);
		return ret;
	}
	nirqs = socmmu_of_irq_count(np);
	ret = socmmu_check_irqs(dev, drv, nirqs);
	if (ret)
		return ret;
	nclks = drv->max_clocks ? of_count_phandle_with_args(np, "clocks", "#clock-cells") : 0;
	nclks = max(nclks, 0);
	ret = socmmu_check_clocks(dev, drv, nclks);
	if (ret)
		return ret;
	for (i = 0; i < nclks; i++)
		if (of_property_read_string_index(np, "clock-names", i, &clock_names[i]))
			clock_names[i] = NULL;
	props = kcalloc(max(drv->nprops, 1U), sizeof(*props), GFP_KERNEL);
	if (!props)
		return -ENOMEM;
	socmmu_read_props(np, drv, props, true);
	params.size = resource_size(&res);
	params.props = props;
	params.nclocks = nclks;
	params.nirqs = nirqs;
	if (drv->info.check) {
		ret = drv->info.check(&params);
	} else {
		dev_err(dev, "%s has no binding check\n", drv->info.name);
		ret = -EOPNOTSUPP;
	}
	kfree(props);
	return ret;
}

/**
 * socmmu_iommu_check_node() - check an IOMMU node that is not probed
 * @np: any node
 * @driver: set to the name of the driver whose binding @np has
 *
 * Reads @np as probe reads it and makes the same checks, the driver's
 * included, without a device or the hardware: for device trees that are
 * not the running system's (kunit/boards).
 *
 * Return: -ENODEV (and @driver NULL) if no registered driver has @np's
 * binding; else 0, or the errno probe would fail with, after one dev_err.
 */
int socmmu_iommu_check_node(struct device_node *np, const char **driver)
{
	const struct socmmu_iommu_driver *drv;
	const struct of_device_id *match;
	struct device *dev;
	int ret = -ENODEV;

	*driver = NULL;
	mutex_lock(&socmmu_drivers_lock);
	drv = socmmu_driver_for(np, &match);
	if (!drv)
		goto out;
	*driver = drv->info.name;
	dev = socmmu_check_dev(np);
	ret = dev ? socmmu_check_iommu(dev, np, drv, match) : -ENOMEM;
	put_device(dev);
out:
	mutex_unlock(&socmmu_drivers_lock);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(socmmu_iommu_check_node);

/**
 * socmmu_iommu_check_client() - check a client's "iommus" that is not probed
 * @np: a node with "iommus"
 *
 * Reads "iommus" as probe_device reads it and makes the checks the core
 * makes before it claims anything (core_client_check()), each entry's
 * IOMMU known by its node's binding rather than a registered instance.
 * The driver's own stream-ID check needs its hardware and is not made.
 *
 * Return: 0, or the errno probe_device would fail with, after one dev_err.
 */
int socmmu_iommu_check_client(struct device_node *np)
{
	struct socmmu_endpoint_owner *owners;
	const struct socmmu_iommu_driver *drv;
	const struct of_device_id *match;
	struct socmmu_endpoint *eps;
	struct device *dev;
	int n, i, ret;

	dev = socmmu_check_dev(np);
	if (!dev)
		return -ENOMEM;
	n = socmmu_read_endpoints(dev, np, &eps);
	if (n < 0) {
		put_device(dev);
		return n;
	}
	/* The core refuses more than SOCMMU_MAX_ENDPOINTS before it reads them. */
	owners = kcalloc(clamp(n, 1, SOCMMU_MAX_ENDPOINTS), sizeof(*owners), GFP_KERNEL);
	if (!owners) {
		kfree(eps);
		put_device(dev);
		return -ENOMEM;
	}
	mutex_lock(&socmmu_drivers_lock);
	for (i = 0; i < min(n, SOCMMU_MAX_ENDPOINTS); i++) {
		struct device_node *iommu = to_of_node((const struct fwnode_handle *)eps[i].key);

		drv = socmmu_driver_for(iommu, &match);
		owners[i].drv = drv ? &drv->info : NULL;
		owners[i].name = of_node_full_name(iommu);
	}
	ret = core_client_check(dev, eps, owners, n);
	mutex_unlock(&socmmu_drivers_lock);
	kfree(owners);
	kfree(eps);
	put_device(dev);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(socmmu_iommu_check_client);

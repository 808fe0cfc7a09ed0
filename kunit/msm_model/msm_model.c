// SPDX-License-Identifier: GPL-2.0
/*
 * Behavioural model of the Qualcomm MSM IOMMU (APQ8064): see msm_model.h
 * for what it models and the choices it makes.  This file holds the
 * instances, their interrupt lines and interrupt controller, power, and
 * the module's init.  Test bench code, so plain kernel C.
 *
 * Everything lives in static storage: the module stays loaded (logic_iomem
 * cannot unregister a region), and on 6.1 kmemleak cannot see module data,
 * so heap memory referenced only from here would look leaked.
 */
#include <linux/build_bug.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>
#include <linux/pm_domain.h>
#include <linux/string.h>

#include "../model_clk/model_clk.h"
#include "msm_model_priv.h"

/* msm_master.c copies walks_by_size to the model bus's as it is. */
static_assert((int)MSM_MODEL_4K == (int)MODEL_BUS_4K && (int)MSM_MODEL_64K == (int)MODEL_BUS_64K &&
	      (int)MSM_MODEL_1M == (int)MODEL_BUS_1M && (int)MSM_MODEL_16M == (int)MODEL_BUS_16M);

struct msm_model mm_instances[MM_MAX_INSTANCES];
static unsigned int mm_nr_instances;

bool mm_serve_off_clock;
module_param_named(serve_off_clock, mm_serve_off_clock, bool, 0644);
MODULE_PARM_DESC(serve_off_clock,
		 "serve register accesses made with smmu_pclk off (still counted)");

/* The model's interrupt controller: hwirq h is one line of one instance. */
static struct irq_domain *mm_domain;
static unsigned long mm_irq_masked = ~0UL;
static struct mm_line *mm_hw_lines[MM_MAX_HWIRQ];

/* ------------------------------------------------------------ the IRQs -- */

/**
 * mm_update_lines() - recompute an instance's interrupt lines
 * @m: the instance (locked)
 *
 * Line k is asserted while a context bank with ACTLR.CFEIE whose
 * CBACR.IRPTNDX is k has a non-zero FSR.
 */
void mm_update_lines(struct msm_model *m)
{
	unsigned int k, c;

	for (k = 0; k < m->nirq; k++) {
		struct mm_line *line = &m->lines[k];
		bool level = false;

		for (c = 0; m->powered && c < m->ncb; c++) {
			const struct mm_ctx *ctx = &m->ctx[c];

			if ((ctx->actlr & MSM_MODEL_ACTLR_CFEIE) && ctx->fsr &&
			    (m->cbacr[c] >> MSM_MODEL_CBACR_IRPTNDX_SHIFT) == k)
				level = true;
		}
		WRITE_ONCE(line->level, level);
		if (level && line->irq > 0 && !test_bit(line->hwirq, &mm_irq_masked))
			irq_work_queue(&line->work);
	}
}

/*
 * Deliver from an irq_work, as the OMAP model does: on UML it runs from the
 * timer tick in hard interrupt context, where a real interrupt arrives, and
 * never inside the driver's own register access.
 */
static void mm_irq_work_fn(struct irq_work *work)
{
	struct mm_line *line = container_of(work, struct mm_line, work);
	struct msm_model *m = line->m;

	if (!READ_ONCE(line->level) || test_bit(line->hwirq, &mm_irq_masked))
		return;
	raw_spin_lock(&m->lock);
	m->cnt.irqs[line->index]++;
	raw_spin_unlock(&m->lock);
	generic_handle_domain_irq(mm_domain, line->hwirq);
}

/* model_bus_ops.irq_now (msm_master.c): the same delivery, from the master's context. */
unsigned int mm_irq_now(struct msm_model *m, bool force)
{
	unsigned int k, n = 0;
	unsigned long flags;

	for (k = 0; k < m->nirq; k++) {
		struct mm_line *line = &m->lines[k];

		if (line->irq <= 0 || test_bit(line->hwirq, &mm_irq_masked) ||
		    !(force || READ_ONCE(line->level)))
			continue;
		raw_spin_lock_irqsave(&m->lock, flags);
		m->cnt.irqs[line->index]++;
		raw_spin_unlock_irqrestore(&m->lock, flags);
		generic_handle_domain_irq_safe(mm_domain, line->hwirq);
		n++;
	}
	return n;
}

static void mm_irq_mask(struct irq_data *d)
{
	set_bit(irqd_to_hwirq(d), &mm_irq_masked);
}

static void mm_irq_unmask(struct irq_data *d)
{
	struct mm_line *line = mm_hw_lines[irqd_to_hwirq(d)];

	clear_bit(irqd_to_hwirq(d), &mm_irq_masked);
	/* A level interrupt still asserted fires again. */
	if (line && READ_ONCE(line->level))
		irq_work_queue(&line->work);
}

static struct irq_chip mm_irq_chip = {
	.name = "socmmu-msm-model",
	.irq_mask = mm_irq_mask,
	.irq_unmask = mm_irq_unmask,
};

static int mm_irq_map(struct irq_domain *d, unsigned int virq, irq_hw_number_t hw)
{
	if (hw >= MM_MAX_HWIRQ)
		return -EINVAL;
	irq_set_chip_and_handler(virq, &mm_irq_chip, handle_level_irq);
	return 0;
}

static const struct irq_domain_ops mm_irq_domain_ops = {
	.map = mm_irq_map,
	.xlate = irq_domain_xlate_onecell,
};

static int mm_intc_probe(struct platform_device *pdev)
{
	struct irq_domain *d;

	if (mm_domain)
		return -EBUSY;
	d = irq_domain_create_linear(of_fwnode_handle(pdev->dev.of_node), MM_MAX_HWIRQ,
				     &mm_irq_domain_ops, NULL);
	if (!d)
		return -ENOMEM;
	mm_domain = d;
	return 0;
}

static const struct of_device_id mm_intc_of_match[] = {
	{ .compatible = "socmmu,msm-model-intc" },
	{}
};

/* Bound to its node so that fw_devlink sees the interrupt supplier ready. */
static struct platform_driver mm_intc_driver = {
	.probe = mm_intc_probe,
	.driver = {
		.name = "socmmu-msm-model-intc",
		.of_match_table = mm_intc_of_match,
		.suppress_bind_attrs = true,
	},
};

/* ------------------------------------------------------------- power -- */

/**
 * msm_model_set_power() - power an instance on or off, bypassing PM
 * @m: the instance
 * @on: the new state
 *
 * Powering off resets every register, empties every TLB and drops a
 * stalled transaction.
 */
void msm_model_set_power(struct msm_model *m, bool on)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&m->lock, flags);
	if (m->powered != on) {
		m->powered = on;
		if (on) {
			m->cnt.power_ons++;
		} else {
			m->cnt.power_offs++;
			mm_reset(m);
		}
	}
	raw_spin_unlock_irqrestore(&m->lock, flags);
}
EXPORT_SYMBOL_GPL(msm_model_set_power);

/**
 * msm_model_powered() - is the instance powered?
 * @m: the instance
 *
 * Return: its power state.
 */
bool msm_model_powered(const struct msm_model *m)
{
	return READ_ONCE(m->powered);
}
EXPORT_SYMBOL_GPL(msm_model_powered);

/**
 * msm_model_serve_off_clock() - serve register accesses with smmu_pclk off
 * @serve: true to serve them (they are still counted), false to drop them
 *
 * For every instance; also the module parameter serve_off_clock.
 */
void msm_model_serve_off_clock(bool serve)
{
	WRITE_ONCE(mm_serve_off_clock, serve);
}
EXPORT_SYMBOL_GPL(msm_model_serve_off_clock);

/* Each IOMMU device gets a PM domain of its own. */
static struct msm_model *mm_of_pd(struct model_pm_domain *pd)
{
	return container_of(pd, struct msm_model, pm);
}

static void mm_pd_set_power(struct model_pm_domain *pd, bool on)
{
	msm_model_set_power(mm_of_pd(pd), on);
}

static bool mm_pd_powered(struct model_pm_domain *pd)
{
	return msm_model_powered(mm_of_pd(pd));
}

static bool mm_pm_find(const struct device_node *np, struct model_pm_slot *slot)
{
	unsigned int i;

	for (i = 0; i < mm_nr_instances; i++) {
		if (mm_instances[i].np == np) {
			slot->pd = &mm_instances[i].pm;
			slot->dev = &mm_instances[i].dev;
			return true;
		}
	}
	return false;
}

static struct model_pm_binder mm_binder = {
	.name = "msm",
	.find = mm_pm_find,
};

/* ---------------------------------------------------------- identity -- */

/**
 * msm_model_get() - an instance by index, in DT order
 * @index: 0 for the first
 *
 * Return: the instance, or NULL past the last.
 */
struct msm_model *msm_model_get(unsigned int index)
{
	return index < mm_nr_instances ? &mm_instances[index] : NULL;
}
EXPORT_SYMBOL_GPL(msm_model_get);

/**
 * msm_model_find() - an instance by DT node name or full path
 * @name: "iommu@d4000000" or "/iommu@d4000000"
 *
 * Return: the instance, or NULL when none matches.
 */
struct msm_model *msm_model_find(const char *name)
{
	unsigned int i;
	char path[64];

	for (i = 0; i < mm_nr_instances; i++) {
		struct msm_model *m = &mm_instances[i];

		snprintf(path, sizeof(path), "%pOF", m->np);
		if (!strcmp(name, m->name) || !strcmp(name, path))
			return m;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(msm_model_find);

/**
 * msm_model_name() - an instance's DT node name
 * @m: the instance
 *
 * Return: "iommu@d4000000" and the like.
 */
const char *msm_model_name(const struct msm_model *m)
{
	return m->name;
}
EXPORT_SYMBOL_GPL(msm_model_name);

/**
 * msm_model_phys_base() - physical address of the register window
 * @m: the instance
 *
 * Return: the address; the window is MSM_MODEL_WINDOW bytes.
 */
u64 msm_model_phys_base(const struct msm_model *m)
{
	return m->res.start;
}
EXPORT_SYMBOL_GPL(msm_model_phys_base);

/**
 * msm_model_ncb() - the number of context banks, from qcom,ncb
 * @m: the instance
 *
 * Return: 1 to MSM_MODEL_MAX_CTX.
 */
unsigned int msm_model_ncb(const struct msm_model *m)
{
	return m->ncb;
}
EXPORT_SYMBOL_GPL(msm_model_ncb);

/**
 * msm_model_nr_irqs() - how many interrupts the instance's node has
 * @m: the instance
 *
 * Return: 1 (non-secure only) or 2 (non-secure and secure).
 */
unsigned int msm_model_nr_irqs(const struct msm_model *m)
{
	return m->nirq;
}
EXPORT_SYMBOL_GPL(msm_model_nr_irqs);

/**
 * msm_model_irq() - the Linux IRQ of one of the instance's interrupts
 * @m: the instance
 * @index: 0 for the non-secure interrupt, 1 for the secure one
 *
 * Return: the IRQ number, or a negative errno when there is none.
 */
int msm_model_irq(const struct msm_model *m, unsigned int index)
{
	return index < m->nirq ? m->lines[index].irq : -ENXIO;
}
EXPORT_SYMBOL_GPL(msm_model_irq);

/**
 * msm_model_device() - the IOMMU's platform device
 * @m: the instance
 *
 * Return: &pdev->dev of the platform device of the IOMMU's node, or NULL.
 */
struct device *msm_model_device(const struct msm_model *m)
{
	return READ_ONCE(m->dev);
}
EXPORT_SYMBOL_GPL(msm_model_device);

/**
 * msm_model_clk() - one of the instance's clock gates
 * @m: the instance
 * @name: "smmu_pclk" or "iommu_clk"
 *
 * Return: the gate (kunit/model_clk/model_clk.h), or NULL for another name.
 */
struct model_clk *msm_model_clk(const struct msm_model *m, const char *name)
{
	if (!strcmp(name, "smmu_pclk"))
		return m->pclk;
	if (!strcmp(name, "iommu_clk"))
		return m->clk;
	return NULL;
}
EXPORT_SYMBOL_GPL(msm_model_clk);

/**
 * msm_model_counters() - copy an instance's counters
 * @m: the instance
 * @out: where they go
 */
void msm_model_counters(const struct msm_model *m, struct msm_model_counters *out)
{
	struct msm_model *mm = (struct msm_model *)m;
	unsigned long flags;

	raw_spin_lock_irqsave(&mm->lock, flags);
	*out = m->cnt;
	raw_spin_unlock_irqrestore(&mm->lock, flags);
}
EXPORT_SYMBOL_GPL(msm_model_counters);

/**
 * msm_model_reset_counters() - zero an instance's counters
 * @m: the instance
 */
void msm_model_reset_counters(struct msm_model *m)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&m->lock, flags);
	memset(&m->cnt, 0, sizeof(m->cnt));
	raw_spin_unlock_irqrestore(&m->lock, flags);
}
EXPORT_SYMBOL_GPL(msm_model_reset_counters);

/* ------------------------------------------------------------- init -- */

/*
 * Everything the device tree can get wrong is checked here, before the
 * model registers anything: interrupts = one or two cells of this model's
 * interrupt controller, each hwirq used once.
 */
static int mm_parse_irqs(struct msm_model *m, struct device_node *np)
{
	struct of_phandle_args args;
	int k;

	for (k = 0; !of_irq_parse_one(np, k, &args); k++) {
		struct mm_line *line = &m->lines[k];
		bool ours = of_device_is_compatible(args.np, "socmmu,msm-model-intc");

		of_node_put(args.np);
		if (k == MSM_MODEL_NR_IRQS) {
			pr_err("socmmu msm model: %pOF: more than 2 interrupts\n", np);
			return -EINVAL;
		}
		if (!ours || args.args_count != 1 || args.args[0] >= MM_MAX_HWIRQ ||
		    mm_hw_lines[args.args[0]]) {
			pr_err("socmmu msm model: %pOF: interrupt %d is not a free line of %s\n",
			       np, k, "socmmu,msm-model-intc");
			return -EINVAL;
		}
		line->m = m;
		line->index = k;
		line->hwirq = args.args[0];
		line->irq = -ENXIO;
		init_irq_work(&line->work, mm_irq_work_fn);
		mm_hw_lines[line->hwirq] = line;
	}
	if (!k) {
		pr_err("socmmu msm model: %pOF: no interrupt\n", np);
		return -EINVAL;
	}
	m->nirq = k;
	return 0;
}

static int mm_parse_instance(struct msm_model *m, struct device_node *np)
{
	u32 ncb, cells;
	int ret;

	raw_spin_lock_init(&m->lock);
	model_pm_domain_init(&m->pm, mm_pd_set_power, mm_pd_powered);
	ret = of_address_to_resource(np, 0, &m->res);
	if (ret)
		return ret;
	if (resource_size(&m->res) != MSM_MODEL_WINDOW) {
		pr_err("socmmu msm model: %pOF: window is not 1 MiB\n", np);
		return -EINVAL;
	}
	/*
	 * The hardware's banks: qcom,ncb, unless socmmu,model-ncb gives them
	 * for a node whose qcom,ncb is wrong on purpose (a driver must refuse
	 * it, the hardware behind it still exists).
	 */
	if ((of_property_read_u32(np, "socmmu,model-ncb", &ncb) &&
	     of_property_read_u32(np, "qcom,ncb", &ncb)) || ncb < 1 || ncb > MSM_MODEL_MAX_CTX) {
		pr_err("socmmu msm model: %pOF: qcom,ncb must be 1..%d\n", np, MSM_MODEL_MAX_CTX);
		return -EINVAL;
	}
	m->ncb = ncb;
	if (of_property_read_u32(np, "#iommu-cells", &cells) || cells != 1) {
		pr_err("socmmu msm model: %pOF: #iommu-cells must be 1 (the MID)\n", np);
		return -EINVAL;
	}
	/* By position, as the binding orders them: the hardware has no names. */
	m->pclk = model_clk_of_index(np, 0);
	m->clk = model_clk_of_index(np, 1);
	if (!m->pclk || !m->clk) {
		pr_err("socmmu msm model: %pOF: clocks 0 and 1 (smmu_pclk, iommu_clk) are not model clocks\n",
		       np);
		return -EINVAL;
	}
	strscpy(m->name, kbasename(np->full_name), sizeof(m->name));
	m->res.name = m->name;
	ret = mm_parse_irqs(m, np);
	if (ret)
		return ret;
	m->np = of_node_get(np);
	m->powered = true;	/* the binding has no power domain */
	return 0;
}

static int mm_parse_dt(void)
{
	struct device_node *np;
	int ret;

	for_each_compatible_node(np, NULL, "qcom,apq8064-iommu") {
		if (!of_device_is_available(np))
			continue;
		if (mm_nr_instances == MM_MAX_INSTANCES) {
			of_node_put(np);
			pr_err("socmmu msm model: more than %d IOMMUs\n", MM_MAX_INSTANCES);
			return -ENOSPC;
		}
		ret = mm_parse_instance(&mm_instances[mm_nr_instances], np);
		if (ret) {
			of_node_put(np);
			return ret;
		}
		mm_nr_instances++;
	}
	return 0;
}

static int mm_map_irqs(void)
{
	unsigned int i, k;

	for (i = 0; i < mm_nr_instances; i++) {
		struct msm_model *m = &mm_instances[i];

		for (k = 0; k < m->nirq; k++) {
			int irq = irq_of_parse_and_map(m->np, k);

			if (irq <= 0) {
				pr_err("socmmu msm model: %pOF: cannot map interrupt %u\n",
				       m->np, k);
				return -ENXIO;
			}
			m->lines[k].irq = irq;
		}
	}
	return 0;
}

static int __init mm_init(void)
{
	unsigned int i;
	int ret;

	ret = mm_parse_dt();
	if (ret)
		return ret;
	if (!mm_nr_instances) {
		pr_info("socmmu msm model: no MSM IOMMU in the device tree\n");
		return 0;
	}

	for (i = 0; i < mm_nr_instances; i++) {
		ret = logic_iomem_add_region(&mm_instances[i].res, &mm_region_ops[i]);
		if (ret)
			return ret;
	}
	ret = platform_driver_register(&mm_intc_driver);
	if (ret)
		return ret;
	if (!mm_domain) {
		pr_err("socmmu msm model: its interrupt controller did not probe\n");
		return -ENODEV;
	}
	ret = mm_map_irqs();
	if (ret)
		return ret;

	ret = model_pm_binder_register(&mm_binder);
	if (ret)
		return ret;
	for (i = 0; i < mm_nr_instances; i++)
		model_pm_binder_attach(&mm_binder, mm_instances[i].np);
	for (i = 0; i < mm_nr_instances; i++) {
		ret = model_bus_register(mm_instances[i].np, &mm_bus_ops, &mm_instances[i]);
		if (ret)
			return ret;
	}
	pr_info("socmmu msm model: %u IOMMU instances\n", mm_nr_instances);
	return 0;
}
module_init(mm_init);

MODULE_DESCRIPTION("socmmu test bench: behavioural model of the Qualcomm MSM IOMMU");
MODULE_LICENSE("GPL");

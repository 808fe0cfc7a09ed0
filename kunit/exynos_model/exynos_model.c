// SPDX-License-Identifier: GPL-2.0
/*
 * Behavioural model of the Samsung Exynos SYSMMU: see exynos_model.h for
 * what it models and the choices it makes.  This file holds the instances
 * (one per "samsung,exynos-sysmmu" node), their MMIO windows, interrupt
 * controller, PM domains, clocks, model-bus registration and the exported
 * API; exynos_model_regs.c the registers, exynos_model_xlate.c the
 * translation.  Test bench code, so plain kernel C.
 *
 * Everything lives in static storage: the module stays loaded (logic_iomem
 * cannot unregister a region), and on 6.1 kmemleak cannot see module data,
 * so heap memory referenced only from here would look leaked.
 */
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/logic_iomem.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>
#include <linux/pm_domain.h>
#include <linux/string.h>

#include "../model_bus/model_bus.h"
#include "../model_clk/model_clk.h"
#include "exynos_model_internal.h"

static struct exynos_model instances[EXM_MAX_INSTANCES];
static unsigned int nr_instances;

/* The model's interrupt controller, one hwirq per instance. */
static struct irq_domain *exm_domain;
static unsigned long exm_irq_masked = ~0UL;

/* ------------------------------------------------------------ the IRQ -- */

/*
 * Deliver the interrupt from an irq_work: on UML that runs from the timer
 * tick, in hard interrupt context, which is where a real interrupt arrives
 * and where generic_handle_domain_irq() belongs.  Raising it from the MMIO
 * path itself could re-enter a driver that holds its own lock.
 */
static void exm_irq_work_fn(struct irq_work *work)
{
	struct exynos_model *m = container_of(work, struct exynos_model, irq_work);

	if (!READ_ONCE(m->line) || test_bit(m->hwirq, &exm_irq_masked))
		return;
	raw_spin_lock(&m->lock);
	m->cnt.irqs++;
	raw_spin_unlock(&m->lock);
	generic_handle_domain_irq(exm_domain, m->hwirq);
}

/* model_bus_ops.irq_now: the same delivery, from the bus master's context. */
static unsigned int exm_bus_irq_now(void *iommu, bool force)
{
	struct exynos_model *m = iommu;
	unsigned long flags;

	if (m->irq <= 0 || test_bit(m->hwirq, &exm_irq_masked) ||
	    !(force || READ_ONCE(m->line)))
		return 0;
	raw_spin_lock_irqsave(&m->lock, flags);
	m->cnt.irqs++;
	raw_spin_unlock_irqrestore(&m->lock, flags);
	generic_handle_domain_irq_safe(exm_domain, m->hwirq);
	return 1;
}

static void exm_irq_mask(struct irq_data *d)
{
	set_bit(irqd_to_hwirq(d), &exm_irq_masked);
}

static void exm_irq_unmask(struct irq_data *d)
{
	struct exynos_model *m = irq_data_get_irq_chip_data(d);

	clear_bit(irqd_to_hwirq(d), &exm_irq_masked);
	/* A level interrupt still asserted fires again. */
	if (READ_ONCE(m->line))
		irq_work_queue(&m->irq_work);
}

static struct irq_chip exm_irq_chip = {
	.name = "socmmu-exynos-model",
	.irq_mask = exm_irq_mask,
	.irq_unmask = exm_irq_unmask,
};

static int exm_irq_map(struct irq_domain *d, unsigned int virq,
		       irq_hw_number_t hw)
{
	if (hw >= nr_instances)
		return -EINVAL;
	irq_set_chip_data(virq, &instances[hw]);
	irq_set_chip_and_handler(virq, &exm_irq_chip, handle_level_irq);
	return 0;
}

static const struct irq_domain_ops exm_irq_domain_ops = {
	.map = exm_irq_map,
	.xlate = irq_domain_xlate_onecell,
};

/* ----------------------------------------------------------- the MMIO -- */

static bool exm_access_ok(struct exynos_model *m, unsigned int offset, int size)
{
	if (size == sizeof(u32) && offset % sizeof(u32) == 0 &&
	    offset < resource_size(&m->res))
		return true;
	m->cnt.bad_accesses++;
	pr_err("socmmu exynos model %s: bad %d-byte access at 0x%x\n",
	       m->name, size, offset);
	return false;
}

/* Power first, then the register clock: either off drops the access. */
static bool exm_live_for(struct exynos_model *m, unsigned int offset)
{
	if (!m->powered) {
		m->cnt.off_accesses++;
		pr_err("socmmu exynos model %s: access at 0x%x while powered off\n",
		       m->name, offset);
		return false;
	}
	if (!model_clk_enabled(m->reg_clk)) {
		m->cnt.clk_off_accesses++;
		pr_err("socmmu exynos model %s: access at 0x%x with clock %s off\n",
		       m->name, offset, model_clk_name(m->reg_clk));
		return false;
	}
	return true;
}

static unsigned long exm_mmio_read(void *priv, unsigned int offset, int size)
{
	struct exynos_model *m = priv;
	unsigned long flags, value = ~0UL;

	raw_spin_lock_irqsave(&m->lock, flags);
	if (exm_access_ok(m, offset, size)) {
		m->cnt.reg_reads++;
		value = exm_live_for(m, offset) ? exm_reg_read(m, offset) : 0;
	}
	raw_spin_unlock_irqrestore(&m->lock, flags);
	return value;
}

static void exm_mmio_write(void *priv, unsigned int offset, int size,
			   unsigned long value)
{
	struct exynos_model *m = priv;
	unsigned long flags;

	raw_spin_lock_irqsave(&m->lock, flags);
	if (exm_access_ok(m, offset, size)) {
		m->cnt.reg_writes++;
		if (exm_live_for(m, offset))
			exm_reg_write(m, offset, value);
	}
	raw_spin_unlock_irqrestore(&m->lock, flags);
}

static const struct logic_iomem_ops exm_mmio_ops = {
	.read = exm_mmio_read,
	.write = exm_mmio_write,
};

/*
 * logic_iomem's map() gets no pointer back to the region, so each window
 * has a region_ops of its own; EXM_MAX_INSTANCES of them, generated.
 */
static long exm_map(struct exynos_model *m, unsigned long offset, size_t size,
		    const struct logic_iomem_ops **ops, void **priv)
{
	if (offset + size > resource_size(&m->res))
		return -EINVAL;
	*ops = &exm_mmio_ops;
	*priv = m;
	return offset;
}

#define EXM_MAP_FN(n)							\
static long exm_map_##n(unsigned long offset, size_t size,		\
			const struct logic_iomem_ops **ops, void **priv)\
{									\
	return exm_map(&instances[n], offset, size, ops, priv);		\
}

EXM_MAP_FN(0)
EXM_MAP_FN(1)
EXM_MAP_FN(2)
EXM_MAP_FN(3)
EXM_MAP_FN(4)
EXM_MAP_FN(5)
EXM_MAP_FN(6)
EXM_MAP_FN(7)
EXM_MAP_FN(8)
EXM_MAP_FN(9)
EXM_MAP_FN(10)
EXM_MAP_FN(11)
EXM_MAP_FN(12)
EXM_MAP_FN(13)
EXM_MAP_FN(14)
EXM_MAP_FN(15)

static const struct logic_iomem_region_ops exm_region_ops[EXM_MAX_INSTANCES] = {
	{ .map = exm_map_0 }, { .map = exm_map_1 }, { .map = exm_map_2 },
	{ .map = exm_map_3 }, { .map = exm_map_4 }, { .map = exm_map_5 },
	{ .map = exm_map_6 }, { .map = exm_map_7 }, { .map = exm_map_8 },
	{ .map = exm_map_9 }, { .map = exm_map_10 }, { .map = exm_map_11 },
	{ .map = exm_map_12 }, { .map = exm_map_13 }, { .map = exm_map_14 },
	{ .map = exm_map_15 },
};

/* ------------------------------------------------------ the bus master -- */

static int exm_do_transfer(struct exynos_model *m, u32 iova, void *rbuf,
			   const void *wbuf, size_t len, bool write,
			   struct exynos_model_result *res)
{
	struct exynos_model_result dummy;
	unsigned long flags;
	int status;

	if (!res)
		res = &dummy;
	memset(res, 0, sizeof(*res));
	raw_spin_lock_irqsave(&m->lock, flags);
	status = exm_transfer(m, iova, rbuf, wbuf, len, write, res);
	res->status = status;
	raw_spin_unlock_irqrestore(&m->lock, flags);
	return status;
}

/**
 * exynos_model_read() - read memory through the SYSMMU as its bus master
 * @m: the instance
 * @iova: bus address of the first byte
 * @buf: where the bytes go
 * @len: how many bytes
 * @res: details of the outcome; may be NULL
 *
 * Return: an enum exynos_model_status.
 */
int exynos_model_read(struct exynos_model *m, u32 iova, void *buf, size_t len,
		      struct exynos_model_result *res)
{
	return exm_do_transfer(m, iova, buf, NULL, len, false, res);
}
EXPORT_SYMBOL_GPL(exynos_model_read);

/**
 * exynos_model_write() - write memory through the SYSMMU as its bus master
 * @m: the instance
 * @iova: bus address of the first byte
 * @buf: the bytes
 * @len: how many bytes
 * @res: details of the outcome; may be NULL
 *
 * Return: an enum exynos_model_status.
 */
int exynos_model_write(struct exynos_model *m, u32 iova, const void *buf,
		       size_t len, struct exynos_model_result *res)
{
	return exm_do_transfer(m, iova, NULL, buf, len, true, res);
}
EXPORT_SYMBOL_GPL(exynos_model_write);

/**
 * exynos_model_translate() - translate one bus address, moving no data
 * @m: the instance
 * @iova: the bus address
 * @write: check write permission (else read)
 * @res: details of the outcome, the physical address among them; may be NULL
 *
 * Uses the TLB, the FLPD cache and the walker and raises faults exactly as
 * a transfer does.
 *
 * Return: an enum exynos_model_status.
 */
int exynos_model_translate(struct exynos_model *m, u32 iova, bool write,
			   struct exynos_model_result *res)
{
	return exm_do_transfer(m, iova, NULL, NULL, 0, write, res);
}
EXPORT_SYMBOL_GPL(exynos_model_translate);

/**
 * exynos_model_stalled() - are the master's transfers held?
 * @m: the instance
 *
 * Return: true while CTRL blocks, or while a fault stalls the SYSMMU (until
 * software clears INT_STATUS and then writes CTRL).
 */
bool exynos_model_stalled(const struct exynos_model *m)
{
	return READ_ONCE(m->stalled) ||
	       ((READ_ONCE(m->ctrl) & EXYNOS_MODEL_CTRL_BLOCK_BIT) && !READ_ONCE(m->block_held));
}
EXPORT_SYMBOL_GPL(exynos_model_stalled);

/**
 * exynos_model_hold_block() - make CTRL.BLOCK never take effect
 * @m: the instance
 * @hold: true: STATUS stops reading blocked for CTRL's block bit, as when
 *        the master never drains its transactions; false: back to normal
 *
 * Test bench only: a driver that polls STATUS after CTRL = BLOCK times
 * out.  A fault still stalls the SYSMMU and reads blocked.
 */
void exynos_model_hold_block(struct exynos_model *m, bool hold)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&m->lock, flags);
	WRITE_ONCE(m->block_held, hold);
	raw_spin_unlock_irqrestore(&m->lock, flags);
}
EXPORT_SYMBOL_GPL(exynos_model_hold_block);

/* --------------------------------------------------------- the rest -- */

static void exm_power_locked(struct exynos_model *m, bool on)
{
	if (m->powered == on)
		return;
	m->powered = on;
	if (on) {
		m->cnt.power_ons++;
	} else {
		m->cnt.power_offs++;
		exm_reset(m);
	}
}

/**
 * exynos_model_set_power() - power an instance on or off, bypassing PM
 * @m: the instance
 * @on: the new state
 *
 * Powering off resets every register and empties the TLB and FLPD cache.
 */
void exynos_model_set_power(struct exynos_model *m, bool on)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&m->lock, flags);
	exm_power_locked(m, on);
	raw_spin_unlock_irqrestore(&m->lock, flags);
}
EXPORT_SYMBOL_GPL(exynos_model_set_power);

/**
 * exynos_model_powered() - is the instance powered?
 * @m: the instance
 *
 * Return: its power state.
 */
bool exynos_model_powered(const struct exynos_model *m)
{
	return READ_ONCE(m->powered);
}
EXPORT_SYMBOL_GPL(exynos_model_powered);

/**
 * exynos_model_counters() - copy an instance's counters
 * @m: the instance
 * @out: where they go
 */
void exynos_model_counters(const struct exynos_model *m,
			   struct exynos_model_counters *out)
{
	struct exynos_model *mm = (struct exynos_model *)m;
	unsigned long flags;

	raw_spin_lock_irqsave(&mm->lock, flags);
	*out = m->cnt;
	raw_spin_unlock_irqrestore(&mm->lock, flags);
}
EXPORT_SYMBOL_GPL(exynos_model_counters);

/**
 * exynos_model_reset_counters() - zero an instance's counters
 * @m: the instance
 */
void exynos_model_reset_counters(struct exynos_model *m)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&m->lock, flags);
	memset(&m->cnt, 0, sizeof(m->cnt));
	raw_spin_unlock_irqrestore(&m->lock, flags);
}
EXPORT_SYMBOL_GPL(exynos_model_reset_counters);

/**
 * exynos_model_get() - an instance by index, in DT order
 * @index: 0 for the first
 *
 * Return: the instance, or NULL past the last.
 */
struct exynos_model *exynos_model_get(unsigned int index)
{
	return index < nr_instances ? &instances[index] : NULL;
}
EXPORT_SYMBOL_GPL(exynos_model_get);

/**
 * exynos_model_find() - an instance by name
 * @name: DT node name, full path, or the node name before '@'
 *
 * Return: the instance, or NULL when none matches.
 */
struct exynos_model *exynos_model_find(const char *name)
{
	unsigned int i;
	char path[64];

	for (i = 0; i < nr_instances; i++) {
		struct exynos_model *m = &instances[i];

		snprintf(path, sizeof(path), "%pOF", m->np);
		if (!strcmp(name, m->name) || !strcmp(name, path) ||
		    !strcmp(name, kbasename(path)))
			return m;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(exynos_model_find);

/**
 * exynos_model_name() - an instance's short name
 * @m: the instance
 *
 * Return: its DT node name before the '@' ("sysmmu-v33").
 */
const char *exynos_model_name(const struct exynos_model *m)
{
	return m->name;
}
EXPORT_SYMBOL_GPL(exynos_model_name);

/**
 * exynos_model_phys_base() - physical address of the register window
 * @m: the instance
 *
 * Return: the address.
 */
u64 exynos_model_phys_base(const struct exynos_model *m)
{
	return m->res.start;
}
EXPORT_SYMBOL_GPL(exynos_model_phys_base);

/**
 * exynos_model_window() - size of the register window, from the DT's reg
 * @m: the instance
 *
 * Return: the size in bytes.
 */
u32 exynos_model_window(const struct exynos_model *m)
{
	return resource_size(&m->res);
}
EXPORT_SYMBOL_GPL(exynos_model_window);

/**
 * exynos_model_major() - the modelled version's major number
 * @m: the instance
 *
 * Return: 1, 2, 3, 5 or 7.
 */
unsigned int exynos_model_major(const struct exynos_model *m)
{
	return m->major;
}
EXPORT_SYMBOL_GPL(exynos_model_major);

/**
 * exynos_model_minor() - the modelled version's minor number
 * @m: the instance
 *
 * Return: the minor number.
 */
unsigned int exynos_model_minor(const struct exynos_model *m)
{
	return m->minor;
}
EXPORT_SYMBOL_GPL(exynos_model_minor);

/**
 * exynos_model_has_vm() - does the instance have the v7 VM register block?
 * @m: the instance
 *
 * Return: true for a v7 node with socmmu,model-vm.
 */
bool exynos_model_has_vm(const struct exynos_model *m)
{
	return m->layout == EXM_V7_VM;
}
EXPORT_SYMBOL_GPL(exynos_model_has_vm);

/**
 * exynos_model_version_reg() - what the VERSION register reads
 * @m: the instance
 *
 * Return: major in [31:28], minor in [27:21]; 0x80000001 for v1.0, as on
 * the parts mainline special-cases.
 */
u32 exynos_model_version_reg(const struct exynos_model *m)
{
	return m->version_reg;
}
EXPORT_SYMBOL_GPL(exynos_model_version_reg);

/**
 * exynos_model_irq() - the Linux IRQ of the instance's interrupt
 * @m: the instance
 *
 * Return: the IRQ number, or a negative errno when it has none.
 */
int exynos_model_irq(const struct exynos_model *m)
{
	return m->irq;
}
EXPORT_SYMBOL_GPL(exynos_model_irq);

/**
 * exynos_model_device() - the SYSMMU's platform device
 * @m: the instance
 *
 * Return: &pdev->dev of the platform device of the node, or NULL.
 */
struct device *exynos_model_device(const struct exynos_model *m)
{
	return READ_ONCE(m->dev);
}
EXPORT_SYMBOL_GPL(exynos_model_device);

/* ------------------------------------------------------- the PM domain -- */

static struct exynos_model *exm_of_pd(struct model_pm_domain *pd)
{
	return container_of(pd, struct exynos_model, pm);
}

static void exm_pd_set_power(struct model_pm_domain *pd, bool on)
{
	exynos_model_set_power(exm_of_pd(pd), on);
}

static bool exm_pd_powered(struct model_pm_domain *pd)
{
	return exynos_model_powered(exm_of_pd(pd));
}

static bool exm_pm_find(const struct device_node *np, struct model_pm_slot *slot)
{
	unsigned int i;

	for (i = 0; i < nr_instances; i++) {
		if (instances[i].np == np) {
			slot->pd = &instances[i].pm;
			slot->dev = &instances[i].dev;
			return true;
		}
	}
	return false;
}

static struct model_pm_binder exm_binder = {
	.name = "exynos",
	.find = exm_pm_find,
};

/* ---------------------------------------------- the interrupt controller -- */

static int exm_intc_probe(struct platform_device *pdev)
{
	struct irq_domain *d;

	if (exm_domain)
		return -EBUSY;
	d = irq_domain_create_linear(of_fwnode_handle(pdev->dev.of_node),
				     EXM_MAX_INSTANCES, &exm_irq_domain_ops, NULL);
	if (!d)
		return -ENOMEM;
	exm_domain = d;
	return 0;
}

static const struct of_device_id exm_intc_of_match[] = {
	{ .compatible = "socmmu,exynos-model-intc" },
	{}
};

/* Bound to its node so that fw_devlink sees the interrupt supplier ready. */
static struct platform_driver exm_intc_driver = {
	.probe = exm_intc_probe,
	.driver = {
		.name = "socmmu-exynos-model-intc",
		.of_match_table = exm_intc_of_match,
		.suppress_bind_attrs = true,
	},
};

/* ------------------------------------------------------- the model bus -- */

/* One master per SYSMMU: @stream is always 0 (#iommu-cells = <0>). */
static int exm_bus_transfer(void *iommu, u64 iova, void *rbuf, const void *wbuf,
			    size_t len, bool write, struct model_bus_result *res)
{
	struct exynos_model_result r;
	int status;

	/* The SYSMMU's bus addresses are 32 bits wide. */
	if (iova > U32_MAX) {
		if (res)
			*res = (struct model_bus_result) {
				.status = EXYNOS_MODEL_ERROR, .fault_addr = iova,
			};
		return EXYNOS_MODEL_ERROR;
	}
	status = exm_do_transfer(iommu, iova, rbuf, wbuf, len, write, &r);
	if (res) {
		res->status = status;
		res->fault_addr = r.fault_addr;
		res->phys = r.phys;
	}
	return status;
}

static int exm_bus_read(void *iommu, u32 stream, u64 iova, void *buf, size_t len,
			struct model_bus_result *res)
{
	return exm_bus_transfer(iommu, iova, buf, NULL, len, false, res);
}

static int exm_bus_write(void *iommu, u32 stream, u64 iova, const void *buf,
			 size_t len, struct model_bus_result *res)
{
	return exm_bus_transfer(iommu, iova, NULL, buf, len, true, res);
}

static bool exm_bus_stalled(void *iommu, u32 stream)
{
	return exynos_model_stalled(iommu);
}

static void exm_bus_stats(void *iommu, struct model_bus_stats *out)
{
	struct exynos_model_counters c;

	exynos_model_counters(iommu, &c);
	*out = (struct model_bus_stats) {
		.table_walks = c.table_walks,
		.tlb_hits = c.tlb_hits,
		.tlb_misses = c.tlb_misses,
		.faults = c.faults,
		.irqs = c.irqs,
		.entry_flushes = c.entry_flushes,
		.range_flushes = c.range_flushes,
		.full_flushes = c.full_flushes,
		.off_accesses = c.off_accesses + c.clk_off_accesses,
		.power_ons = c.power_ons,
		.power_offs = c.power_offs,
		.bypassed = c.bypassed,
	};
	out->walks_by_size[MODEL_BUS_4K] = c.walks_by_size[EXYNOS_MODEL_4K];
	out->walks_by_size[MODEL_BUS_64K] = c.walks_by_size[EXYNOS_MODEL_64K];
	out->walks_by_size[MODEL_BUS_1M] = c.walks_by_size[EXYNOS_MODEL_1M];
}

static void exm_bus_reset_stats(void *iommu)
{
	exynos_model_reset_counters(iommu);
}

static const char *exm_bus_name(void *iommu)
{
	return exynos_model_name(iommu);
}

static const struct model_bus_ops exm_bus_ops = {
	.read = exm_bus_read,
	.write = exm_bus_write,
	.stalled = exm_bus_stalled,
	.stats = exm_bus_stats,
	.reset_stats = exm_bus_reset_stats,
	.name = exm_bus_name,
	.irq_now = exm_bus_irq_now,
};

/* ------------------------------------------------------------- init -- */

/* The binding's clocks: "sysmmu", or "aclk" and "pclk"; "master" optional. */
static int exm_take_clocks(struct exynos_model *m, struct device_node *np)
{
	struct model_clk *sysmmu = model_clk_of(np, "sysmmu");

	if (sysmmu) {
		m->reg_clk = sysmmu;
		m->bus_clk = sysmmu;
		return 0;
	}
	m->reg_clk = model_clk_of(np, "pclk");
	m->bus_clk = model_clk_of(np, "aclk");
	if (m->reg_clk && m->bus_clk)
		return 0;
	pr_err("socmmu exynos model: %pOF: needs model clocks \"sysmmu\", or \"aclk\" and \"pclk\"\n",
	       np);
	return -EINVAL;
}

static int exm_take_version(struct exynos_model *m, struct device_node *np)
{
	u32 ver[2];

	if (of_property_read_u32_array(np, "socmmu,model-version", ver, 2)) {
		pr_err("socmmu exynos model: %pOF: no socmmu,model-version = <major minor>\n",
		       np);
		return -EINVAL;
	}
	if ((ver[0] != 1 && ver[0] != 2 && ver[0] != 3 && ver[0] != 5 &&
	     ver[0] != 7) || ver[1] > 0x7f) {
		pr_err("socmmu exynos model: %pOF: no SYSMMU v%u.%u\n", np, ver[0], ver[1]);
		return -EINVAL;
	}
	m->major = ver[0];
	m->minor = ver[1];
	m->version_reg = (ver[0] << 28) | (ver[1] << 21);
	if (ver[0] == 1 && ver[1] == 0)
		m->version_reg = EXYNOS_MODEL_VERSION_V1_0;
	m->layout = ver[0] < 5 ? EXM_V1 : ver[0] < 7 ? EXM_V5 : EXM_V7;
	if (of_property_read_bool(np, "socmmu,model-vm")) {
		if (ver[0] != 7) {
			pr_err("socmmu exynos model: %pOF: only v7 has the VM block\n", np);
			return -EINVAL;
		}
		m->layout = EXM_V7_VM;
	}
	return 0;
}

static int exm_add_instance(struct device_node *np)
{
	struct exynos_model *m = &instances[nr_instances];
	u32 window;
	int ret;

	raw_spin_lock_init(&m->lock);
	m->irq = -ENXIO;
	m->hwirq = nr_instances;
	init_irq_work(&m->irq_work, exm_irq_work_fn);
	model_pm_domain_init(&m->pm, exm_pd_set_power, exm_pd_powered);
	strscpy(m->name, kbasename(np->full_name), sizeof(m->name));
	*strchrnul(m->name, '@') = '\0';

	ret = exm_take_version(m, np);
	if (ret)
		return ret;
	ret = exm_take_clocks(m, np);
	if (ret)
		return ret;
	ret = of_address_to_resource(np, 0, &m->res);
	if (ret)
		return ret;
	window = m->layout == EXM_V7_VM ? EXYNOS_MODEL_VM_WINDOW : EXYNOS_MODEL_WINDOW;
	if (resource_size(&m->res) < window) {
		pr_err("socmmu exynos model: %pOF: window below %#x bytes\n", np, window);
		return -EINVAL;
	}
	/* Powered from the start: see exynos_model.h. */
	m->powered = true;
	m->res.name = m->name;
	ret = logic_iomem_add_region(&m->res, &exm_region_ops[nr_instances]);
	if (ret)
		return ret;
	m->np = of_node_get(np);
	nr_instances++;
	return 0;
}

static int __init exm_init(void)
{
	struct device_node *np;
	unsigned int i;
	int ret;

	for_each_compatible_node(np, NULL, "samsung,exynos-sysmmu") {
		if (!of_device_is_available(np))
			continue;
		/* The driver's bad-input nodes: no hardware behind them. */
		if (!of_property_present(np, "socmmu,model-version")) {
			pr_info("socmmu exynos model: %pOF not modelled: no socmmu,model-version\n",
				np);
			continue;
		}
		if (nr_instances == EXM_MAX_INSTANCES) {
			of_node_put(np);
			pr_err("socmmu exynos model: more than %d SYSMMUs\n",
			       EXM_MAX_INSTANCES);
			return -ENOSPC;
		}
		ret = exm_add_instance(np);
		if (ret) {
			pr_err("socmmu exynos model: %pOF: %d\n", np, ret);
			of_node_put(np);
			return ret;
		}
	}
	if (!nr_instances) {
		pr_info("socmmu exynos model: no SYSMMU in the device tree\n");
		return 0;
	}

	ret = platform_driver_register(&exm_intc_driver);
	if (ret)
		return ret;
	if (!exm_domain) {
		pr_err("socmmu exynos model: the model's interrupt controller did not probe\n");
		return -ENODEV;
	}
	for (i = 0; i < nr_instances; i++) {
		struct exynos_model *m = &instances[i];
		int irq = irq_of_parse_and_map(m->np, 0);

		m->irq = irq > 0 ? irq : -ENXIO;
	}

	ret = model_pm_binder_register(&exm_binder);
	if (ret)
		return ret;
	for (i = 0; i < nr_instances; i++)
		model_pm_binder_attach(&exm_binder, instances[i].np);
	for (i = 0; i < nr_instances; i++) {
		ret = model_bus_register(instances[i].np, &exm_bus_ops, &instances[i]);
		if (ret)
			return ret;
	}
	pr_info("socmmu exynos model: %u SYSMMU instances\n", nr_instances);
	return 0;
}
module_init(exm_init);

MODULE_DESCRIPTION("socmmu test bench: behavioural model of the Samsung Exynos SYSMMU");
MODULE_LICENSE("GPL");

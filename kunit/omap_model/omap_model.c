// SPDX-License-Identifier: GPL-2.0
/*
 * Behavioural model of the TI OMAP IOMMU: see omap_model.h for what it
 * models and the choices it makes.  Test bench code, so plain kernel C.
 *
 * Everything lives in static storage: the module stays loaded (logic_iomem
 * cannot unregister a region), and on 6.1 kmemleak cannot see module data,
 * so heap memory referenced only from here would look leaked.
 */
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/logic_iomem.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>
#include <linux/pm.h>
#include <linux/pm_domain.h>
#include <linux/pm_runtime.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "../model_bus/model_bus.h"
#include "../model_mem/model_mem.h"
#include "../model_pm/model_pm.h"
#include "omap_model.h"

#define OM_MAX_INSTANCES	16
/* DSP_SYSTEM syscons: DRA7 has one per DSP subsystem. */
#define OM_MAX_SYSCONS		2
#define OM_MAX_TLB		32
#define OM_NR_REGS		(OMAP_MODEL_WINDOW / 4)

enum om_kind { OM_OMAP2, OM_OMAP4, OM_DRA7, OM_DRA7_DSP };

/* A DRA7 DSP_SYSTEM syscon: plain registers, MMU_CONFIG among them. */
struct om_syscon {
	raw_spinlock_t lock;	/* the syscon window */
	struct device_node *np;
	struct resource res;
	u32 regs[OM_NR_REGS];
	unsigned int bad_accesses;
};

struct om_tlb_entry {
	u32 cam;	/* VA [31:12], preserved bit 3, valid bit 2, size [1:0] */
	u32 ram;	/* PA [31:12] and attributes */
};

struct omap_model {
	raw_spinlock_t lock;	/* the MMIO path, the bus master, power */
	struct device_node *np;
	char name[32];
	enum om_kind kind;
	struct resource res;
	unsigned int window;	/* the node's: accesses past it are bad */
	unsigned int ntlb;
	bool dt_bus_err_back;
	int syscon_id;		/* DRA7 DSP: MMU_CONFIG bit 4*id; else -1 */
	struct om_syscon *syscon;	/* DRA7 DSP: its DSP_SYSTEM */
	unsigned int hwirq;
	int irq;
	struct device *dev;
	struct model_pm_domain pm;
	struct irq_work irq_work;
	bool line;		/* IRQSTATUS & IRQENABLE, the interrupt line */

	/* Hardware state: what power off resets. */
	bool powered;
	u32 sysconfig, irqstatus, irqenable, cntl, fault_ad, ttb, lock_reg;
	u32 cam, ram, gp_reg;
	struct om_tlb_entry tlb[OM_MAX_TLB];
	bool stalled;

	struct omap_model_counters cnt;
};

static struct omap_model instances[OM_MAX_INSTANCES];
static unsigned int nr_instances;

/* In DT order of first use; each DSP pair's MMUs share one. */
static struct om_syscon syscons[OM_MAX_SYSCONS] = {
	{ .lock = __RAW_SPIN_LOCK_UNLOCKED(syscons[0].lock) },
	{ .lock = __RAW_SPIN_LOCK_UNLOCKED(syscons[1].lock) },
};

static unsigned int nr_syscons;

/* The model's interrupt controller, one hwirq per instance. */
static struct irq_domain *om_domain;
static unsigned long om_irq_masked = ~0UL;

/* ---------------------------------------------------------------- TLB -- */

static u32 om_size_mask(u32 cam)
{
	switch (cam & 3) {
	case OMAP_MODEL_CAM_SIZE_1M:
		return 0xfff00000;
	case OMAP_MODEL_CAM_SIZE_64K:
		return 0xffff0000;
	case OMAP_MODEL_CAM_SIZE_4K:
		return 0xfffff000;
	default:
		return 0xff000000;
	}
}

static bool om_entry_matches(const struct om_tlb_entry *e, u32 va)
{
	u32 mask = om_size_mask(e->cam);

	return (e->cam & OMAP_MODEL_CAM_VALID) &&
	       ((e->cam ^ va) & mask) == 0;
}

static unsigned int om_lock_base(const struct omap_model *m)
{
	return (m->lock_reg >> OMAP_MODEL_LOCK_BASE_SHIFT) &
	       OMAP_MODEL_LOCK_FIELD_MASK;
}

static unsigned int om_lock_vict(const struct omap_model *m)
{
	return (m->lock_reg >> OMAP_MODEL_LOCK_VICT_SHIFT) &
	       OMAP_MODEL_LOCK_FIELD_MASK;
}

static void om_set_vict(struct omap_model *m, unsigned int vict)
{
	m->lock_reg &= ~(OMAP_MODEL_LOCK_FIELD_MASK << OMAP_MODEL_LOCK_VICT_SHIFT);
	m->lock_reg |= (vict & OMAP_MODEL_LOCK_FIELD_MASK) <<
		       OMAP_MODEL_LOCK_VICT_SHIFT;
}

static void om_gflush(struct omap_model *m)
{
	unsigned int i, base = om_lock_base(m);

	for (i = 0; i < m->ntlb; i++) {
		if (i < base && (m->tlb[i].cam & OMAP_MODEL_CAM_PRESERVED))
			continue;
		m->tlb[i].cam = 0;
		m->tlb[i].ram = 0;
	}
}

static void om_flush_entry(struct omap_model *m)
{
	unsigned int i;

	for (i = 0; i < m->ntlb; i++) {
		if (om_entry_matches(&m->tlb[i], m->cam & 0xfffff000)) {
			m->tlb[i].cam = 0;
			m->tlb[i].ram = 0;
		}
	}
}

/* Walker refill: at VICT, never below BASE, then round robin to N-1. */
static void om_refill(struct omap_model *m, u32 cam, u32 ram)
{
	unsigned int base = om_lock_base(m), vict = om_lock_vict(m);

	if (base >= m->ntlb)
		return;		/* every entry is locked: nothing to replace */
	if (vict < base || vict >= m->ntlb)
		vict = base;
	m->tlb[vict].cam = cam | OMAP_MODEL_CAM_VALID;
	m->tlb[vict].ram = ram;
	vict++;
	if (vict >= m->ntlb)
		vict = base;
	om_set_vict(m, vict);
}

/* ------------------------------------------------------- table walker -- */

/* One descriptor of the table at table_pa; a read of freed memory is counted. */
static bool om_walker_read(struct omap_model *m, u32 table_pa, u32 pa, u32 *val)
{
	enum model_mem r = model_mem_read_desc(table_pa, pa, val);

	if (r == MODEL_MEM_FREED) {
		m->cnt.freed_reads++;
		pr_err("socmmu omap model %s: table walk reads freed memory at %#x\n",
		       m->name, pa);
	}
	return r == MODEL_MEM_OK;
}

struct om_xlate {
	u32 fault;	/* IRQSTATUS bit, 0 when translated */
	u32 pa;
	bool bypass;
};

/* Walk the tables for va; on success also refill the TLB. */
static void om_walk(struct omap_model *m, u32 va, struct om_xlate *x)
{
	u32 l1_base = m->ttb & ~0x3fffu, l1_pa = l1_base + (va >> 20) * 4;
	u32 d, l2_base, l2_pa, cam, ram;

	m->cnt.table_walks++;
	if (!om_walker_read(m, l1_base, l1_pa, &d)) {
		x->fault = OMAP_MODEL_IRQ_TABLEWALK;
		return;
	}
	switch (d & 3) {
	case 0:
		x->fault = OMAP_MODEL_IRQ_TRANSLATION;
		return;
	case 2:
		if (d & BIT(18)) {	/* supersection, 16 MB */
			x->pa = (d & 0xff000000) | (va & 0x00ffffff);
			cam = (va & 0xff000000) | OMAP_MODEL_CAM_SIZE_16M;
			ram = d & 0xff000000;
		} else {		/* section, 1 MB */
			x->pa = (d & 0xfff00000) | (va & 0x000fffff);
			cam = (va & 0xfff00000) | OMAP_MODEL_CAM_SIZE_1M;
			ram = d & 0xfff00000;
		}
		break;
	case 1:
		l2_base = d & ~0x3ffu;
		l2_pa = l2_base + ((va >> 12) & 0xff) * 4;
		if (!om_walker_read(m, l2_base, l2_pa, &d)) {
			x->fault = OMAP_MODEL_IRQ_TABLEWALK;
			return;
		}
		if (d & 2) {		/* small page, 4 KB */
			x->pa = (d & 0xfffff000) | (va & 0xfff);
			cam = (va & 0xfffff000) | OMAP_MODEL_CAM_SIZE_4K;
			ram = d & 0xfffff000;
		} else if (d & 1) {	/* large page, 64 KB */
			x->pa = (d & 0xffff0000) | (va & 0xffff);
			cam = (va & 0xffff0000) | OMAP_MODEL_CAM_SIZE_64K;
			ram = d & 0xffff0000;
		} else {
			x->fault = OMAP_MODEL_IRQ_TRANSLATION;
			return;
		}
		break;
	default:		/* type 3: no such L1 descriptor */
		x->fault = OMAP_MODEL_IRQ_TABLEWALK;
		return;
	}
	m->cnt.walks_by_size[cam & 3]++;
	om_refill(m, cam, ram);
}

static bool om_mmu_enabled(const struct omap_model *m)
{
	if (!(m->cntl & OMAP_MODEL_CNTL_MMU_EN))
		return false;
	if (m->syscon)
		return READ_ONCE(m->syscon->regs[OMAP_MODEL_MMU_CONFIG / 4]) &
		       BIT(4 * m->syscon_id);
	return true;
}

static void om_translate(struct omap_model *m, u32 va, struct om_xlate *x)
{
	unsigned int i, hits = 0;
	const struct om_tlb_entry *hit = NULL;

	memset(x, 0, sizeof(*x));
	if (!om_mmu_enabled(m)) {
		x->bypass = true;
		x->pa = va;
		m->cnt.bypassed++;
		return;
	}
	for (i = 0; i < m->ntlb; i++) {
		if (om_entry_matches(&m->tlb[i], va)) {
			hits++;
			hit = &m->tlb[i];
		}
	}
	if (hits > 1) {
		x->fault = OMAP_MODEL_IRQ_MULTIHIT;
		return;
	}
	if (hit) {
		u32 mask = om_size_mask(hit->cam);

		m->cnt.tlb_hits++;
		x->pa = (hit->ram & mask) | (va & ~mask);
		return;
	}
	m->cnt.tlb_misses++;
	if (!(m->cntl & OMAP_MODEL_CNTL_TWL_EN)) {
		x->fault = OMAP_MODEL_IRQ_TLBMISS;
		return;
	}
	om_walk(m, va, x);
}

/* ------------------------------------------------------------ the IRQ -- */

static void om_update_line(struct omap_model *m)
{
	bool line = m->powered && (m->irqstatus & m->irqenable);

	WRITE_ONCE(m->line, line);
	if (line && m->irq > 0 && !test_bit(m->hwirq, &om_irq_masked))
		irq_work_queue(&m->irq_work);
}

/*
 * Deliver the interrupt from an irq_work: on UML that runs from the timer
 * tick, in hard interrupt context, which is where a real interrupt arrives
 * and where generic_handle_domain_irq() belongs.  Raising it from the MMIO
 * path itself could re-enter a driver that holds its own lock.
 */
static void om_irq_work_fn(struct irq_work *work)
{
	struct omap_model *m = container_of(work, struct omap_model, irq_work);

	if (!READ_ONCE(m->line) || test_bit(m->hwirq, &om_irq_masked))
		return;
	raw_spin_lock(&m->lock);
	m->cnt.irqs++;
	raw_spin_unlock(&m->lock);
	generic_handle_domain_irq(om_domain, m->hwirq);
}

/* model_bus_ops.irq_now: the same delivery, from the bus master's context. */
static unsigned int om_bus_irq_now(void *iommu, bool force)
{
	struct omap_model *m = iommu;
	unsigned long flags;

	if (m->irq <= 0 || test_bit(m->hwirq, &om_irq_masked) ||
	    !(force || READ_ONCE(m->line)))
		return 0;
	raw_spin_lock_irqsave(&m->lock, flags);
	m->cnt.irqs++;
	raw_spin_unlock_irqrestore(&m->lock, flags);
	generic_handle_domain_irq_safe(om_domain, m->hwirq);
	return 1;
}

static void om_irq_mask(struct irq_data *d)
{
	set_bit(irqd_to_hwirq(d), &om_irq_masked);
}

static void om_irq_unmask(struct irq_data *d)
{
	struct omap_model *m = irq_data_get_irq_chip_data(d);

	clear_bit(irqd_to_hwirq(d), &om_irq_masked);
	/* A level interrupt still asserted fires again. */
	if (READ_ONCE(m->line))
		irq_work_queue(&m->irq_work);
}

static struct irq_chip om_irq_chip = {
	.name = "socmmu-model",
	.irq_mask = om_irq_mask,
	.irq_unmask = om_irq_unmask,
};

static int om_irq_map(struct irq_domain *d, unsigned int virq,
		      irq_hw_number_t hw)
{
	if (hw >= nr_instances)
		return -EINVAL;
	irq_set_chip_data(virq, &instances[hw]);
	irq_set_chip_and_handler(virq, &om_irq_chip, handle_level_irq);
	return 0;
}

static const struct irq_domain_ops om_irq_domain_ops = {
	.map = om_irq_map,
	.xlate = irq_domain_xlate_onecell,
};

/* --------------------------------------------------- power and faults -- */

static void om_reset(struct omap_model *m)
{
	m->sysconfig = 0;
	m->irqstatus = 0;
	m->irqenable = 0;
	m->cntl = 0;
	m->fault_ad = 0;
	m->ttb = 0;
	m->lock_reg = 0;
	m->cam = 0;
	m->ram = 0;
	m->gp_reg = 0;
	memset(m->tlb, 0, sizeof(m->tlb));
	m->stalled = false;
	om_update_line(m);
}

static void om_power_locked(struct omap_model *m, bool on)
{
	if (m->powered == on)
		return;
	m->powered = on;
	if (on) {
		m->cnt.power_ons++;
	} else {
		m->cnt.power_offs++;
		om_reset(m);
	}
}

static bool om_bus_err_back(const struct omap_model *m)
{
	return m->dt_bus_err_back && (m->gp_reg & OMAP_MODEL_GP_BUS_ERR_BACK_EN);
}

static int om_fault(struct omap_model *m, u32 va, u32 bit,
		    struct omap_model_result *res)
{
	m->cnt.faults++;
	m->irqstatus |= bit;
	m->fault_ad = va;
	res->fault_addr = va;
	res->irqstatus = bit;
	om_update_line(m);
	if (om_bus_err_back(m))
		return OMAP_MODEL_ERROR;
	m->stalled = true;
	return OMAP_MODEL_STALLED;
}

/* ----------------------------------------------------------- the MMIO -- */

static bool om_access_ok(struct omap_model *m, unsigned int offset, int size)
{
	/* The node's window: mainline's OMAP3 ISP MMU has no GP_REG in its 0x80. */
	if (size == sizeof(u32) && offset % sizeof(u32) == 0 &&
	    offset < m->window)
		return true;
	m->cnt.bad_accesses++;
	pr_err("socmmu omap model %s: bad %d-byte access at 0x%x\n",
	       m->name, size, offset);
	return false;
}

static bool om_powered_for(struct omap_model *m, unsigned int offset)
{
	if (m->powered)
		return true;
	m->cnt.off_accesses++;
	pr_err("socmmu omap model %s: access at 0x%x while powered off\n",
	       m->name, offset);
	return false;
}

static u32 om_revision(const struct omap_model *m)
{
	switch (m->kind) {
	case OM_OMAP2:
		return OMAP_MODEL_REV_OMAP2;
	case OM_OMAP4:
		return OMAP_MODEL_REV_OMAP4;
	default:
		return OMAP_MODEL_REV_DRA7;
	}
}

static u32 om_reg_read(struct omap_model *m, unsigned int offset)
{
	struct om_tlb_entry *e;

	switch (offset) {
	case OMAP_MODEL_REVISION:
		return om_revision(m);
	case OMAP_MODEL_SYSCONFIG:
		return m->sysconfig;
	case OMAP_MODEL_SYSSTATUS:
		return OMAP_MODEL_SYSSTATUS_RESETDONE;
	case OMAP_MODEL_IRQSTATUS:
		return m->irqstatus;
	case OMAP_MODEL_IRQENABLE:
		return m->irqenable;
	case OMAP_MODEL_CNTL:
		return m->cntl;
	case OMAP_MODEL_FAULT_AD:
		return m->fault_ad;
	case OMAP_MODEL_TTB:
		return m->ttb;
	case OMAP_MODEL_LOCK:
		return m->lock_reg;
	case OMAP_MODEL_CAM:
		return m->cam;
	case OMAP_MODEL_RAM:
		return m->ram;
	case OMAP_MODEL_READ_CAM:
	case OMAP_MODEL_READ_RAM:
		if (om_lock_vict(m) >= m->ntlb)
			return 0;
		e = &m->tlb[om_lock_vict(m)];
		return offset == OMAP_MODEL_READ_CAM ? e->cam : e->ram;
	case OMAP_MODEL_GP_REG:
		return m->gp_reg;
	default:	/* WALKING_ST, EMU_FAULT_AD, LD_TLB, reserved: 0 */
		return 0;
	}
}

static void om_reg_write(struct omap_model *m, unsigned int offset, u32 value)
{
	unsigned int vict;

	switch (offset) {
	case OMAP_MODEL_SYSCONFIG:
		if (value & OMAP_MODEL_SYSCONFIG_SOFTRESET)
			om_reset(m);	/* self-clearing, done at once */
		else
			m->sysconfig = value;
		break;
	case OMAP_MODEL_IRQSTATUS:
		m->irqstatus &= ~(value & OMAP_MODEL_IRQ_MASK);
		if (!(m->irqstatus & ~OMAP_MODEL_IRQ_EMUMISS))
			m->stalled = false;
		om_update_line(m);
		break;
	case OMAP_MODEL_IRQENABLE:
		m->irqenable = value & OMAP_MODEL_IRQ_MASK;
		om_update_line(m);
		break;
	case OMAP_MODEL_CNTL:
		m->cntl = value & (OMAP_MODEL_CNTL_MMU_EN |
				   OMAP_MODEL_CNTL_TWL_EN |
				   OMAP_MODEL_CNTL_EML_TLB);
		break;
	case OMAP_MODEL_TTB:
		m->ttb = value & ~0x7fu;
		break;
	case OMAP_MODEL_LOCK:
		m->lock_reg = value &
			((OMAP_MODEL_LOCK_FIELD_MASK << OMAP_MODEL_LOCK_BASE_SHIFT) |
			 (OMAP_MODEL_LOCK_FIELD_MASK << OMAP_MODEL_LOCK_VICT_SHIFT));
		break;
	case OMAP_MODEL_LD_TLB:
		vict = om_lock_vict(m);
		if ((value & 1) && vict < m->ntlb) {
			m->tlb[vict].cam = m->cam & (0xfffff000 | 0xf);
			m->tlb[vict].ram = m->ram;
		}
		break;
	case OMAP_MODEL_CAM:
		m->cam = value & (0xfffff000 | 0xf);
		break;
	case OMAP_MODEL_RAM:
		m->ram = value & (0xfffff000 | 0x3c0);
		break;
	case OMAP_MODEL_GFLUSH:
		if (value & 1) {
			m->cnt.gflushes++;
			om_gflush(m);
		}
		break;
	case OMAP_MODEL_FLUSH_ENTRY:
		if (value & 1) {
			m->cnt.flush_entries++;
			om_flush_entry(m);
		}
		break;
	case OMAP_MODEL_GP_REG:
		m->gp_reg = value & OMAP_MODEL_GP_BUS_ERR_BACK_EN;
		break;
	default:	/* read-only or reserved */
		break;
	}
}

static unsigned long om_mmio_read(void *priv, unsigned int offset, int size)
{
	struct omap_model *m = priv;
	unsigned long flags, value = ~0UL;

	raw_spin_lock_irqsave(&m->lock, flags);
	if (om_access_ok(m, offset, size)) {
		m->cnt.reg_reads[offset / 4]++;
		value = om_powered_for(m, offset) ? om_reg_read(m, offset) : 0;
	}
	raw_spin_unlock_irqrestore(&m->lock, flags);
	return value;
}

static void om_mmio_write(void *priv, unsigned int offset, int size,
			  unsigned long value)
{
	struct omap_model *m = priv;
	unsigned long flags;

	raw_spin_lock_irqsave(&m->lock, flags);
	if (om_access_ok(m, offset, size)) {
		m->cnt.reg_writes[offset / 4]++;
		if (om_powered_for(m, offset))
			om_reg_write(m, offset, value);
	}
	raw_spin_unlock_irqrestore(&m->lock, flags);
}

static const struct logic_iomem_ops om_mmio_ops = {
	.read = om_mmio_read,
	.write = om_mmio_write,
};

/*
 * logic_iomem's map() gets no pointer back to the region, so each window
 * has a region_ops of its own; OM_MAX_INSTANCES of them, generated.
 */
#define OM_MAP_FN(n)							\
static long om_map_##n(unsigned long offset, size_t size,		\
		       const struct logic_iomem_ops **ops, void **priv)	\
{									\
	if (offset + size > OMAP_MODEL_WINDOW)				\
		return -EINVAL;						\
	*ops = &om_mmio_ops;						\
	*priv = &instances[n];						\
	return offset;							\
}

OM_MAP_FN(0)
OM_MAP_FN(1)
OM_MAP_FN(2)
OM_MAP_FN(3)
OM_MAP_FN(4)
OM_MAP_FN(5)
OM_MAP_FN(6)
OM_MAP_FN(7)
OM_MAP_FN(8)
OM_MAP_FN(9)
OM_MAP_FN(10)
OM_MAP_FN(11)
OM_MAP_FN(12)
OM_MAP_FN(13)
OM_MAP_FN(14)
OM_MAP_FN(15)

static const struct logic_iomem_region_ops om_region_ops[OM_MAX_INSTANCES] = {
	{ .map = om_map_0 }, { .map = om_map_1 }, { .map = om_map_2 },
	{ .map = om_map_3 }, { .map = om_map_4 }, { .map = om_map_5 },
	{ .map = om_map_6 }, { .map = om_map_7 }, { .map = om_map_8 },
	{ .map = om_map_9 }, { .map = om_map_10 }, { .map = om_map_11 },
	{ .map = om_map_12 }, { .map = om_map_13 }, { .map = om_map_14 },
	{ .map = om_map_15 },
};

/* The syscon windows. */
static bool syscon_access_ok(struct om_syscon *syscon, unsigned int offset, int size)
{
	if (size == sizeof(u32) && offset % sizeof(u32) == 0 &&
	    offset < OMAP_MODEL_WINDOW)
		return true;
	syscon->bad_accesses++;
	pr_err("socmmu omap model syscon: bad %d-byte access at 0x%x\n",
	       size, offset);
	return false;
}

static unsigned long syscon_read(void *priv, unsigned int offset, int size)
{
	struct om_syscon *syscon = priv;
	unsigned long flags, value = ~0UL;

	raw_spin_lock_irqsave(&syscon->lock, flags);
	if (syscon_access_ok(syscon, offset, size))
		value = syscon->regs[offset / 4];
	raw_spin_unlock_irqrestore(&syscon->lock, flags);
	return value;
}

static void syscon_write(void *priv, unsigned int offset, int size,
			 unsigned long value)
{
	struct om_syscon *syscon = priv;
	unsigned long flags;

	raw_spin_lock_irqsave(&syscon->lock, flags);
	if (syscon_access_ok(syscon, offset, size))
		WRITE_ONCE(syscon->regs[offset / 4], value);
	raw_spin_unlock_irqrestore(&syscon->lock, flags);
}

static const struct logic_iomem_ops syscon_mmio_ops = {
	.read = syscon_read,
	.write = syscon_write,
};

#define OM_SYSCON_MAP_FN(n)						\
static long syscon_map_##n(unsigned long offset, size_t size,		\
			   const struct logic_iomem_ops **ops, void **priv) \
{									\
	if (offset + size > OMAP_MODEL_WINDOW)				\
		return -EINVAL;						\
	*ops = &syscon_mmio_ops;					\
	*priv = &syscons[n];						\
	return offset;							\
}

OM_SYSCON_MAP_FN(0)
OM_SYSCON_MAP_FN(1)

static const struct logic_iomem_region_ops syscon_region_ops[OM_MAX_SYSCONS] = {
	{ .map = syscon_map_0 }, { .map = syscon_map_1 },
};

/* ------------------------------------------------------ the bus master -- */

static int om_transfer(struct omap_model *m, u32 iova, void *rbuf,
		       const void *wbuf, size_t len,
		       struct omap_model_result *res)
{
	struct omap_model_result dummy;
	unsigned long flags;
	size_t done = 0;
	int status = OMAP_MODEL_OK;

	if (!res)
		res = &dummy;
	memset(res, 0, sizeof(*res));
	raw_spin_lock_irqsave(&m->lock, flags);
	if (!m->powered) {
		/* No clock: the interconnect answers with an error. */
		res->status = OMAP_MODEL_ERROR;
		res->fault_addr = iova;
		raw_spin_unlock_irqrestore(&m->lock, flags);
		return OMAP_MODEL_ERROR;
	}
	if (m->stalled) {
		res->status = OMAP_MODEL_STALLED;
		res->fault_addr = m->fault_ad;
		raw_spin_unlock_irqrestore(&m->lock, flags);
		return OMAP_MODEL_STALLED;
	}
	do {
		u32 va = iova + done;
		size_t chunk = min_t(size_t, len - done,
				     PAGE_SIZE - (va & (PAGE_SIZE - 1)));
		struct om_xlate x;
		void *cpu;

		om_translate(m, va, &x);
		if (x.fault) {
			status = om_fault(m, va, x.fault, res);
			break;
		}
		if (done == 0)
			res->phys = x.pa;
		if (!len)
			break;
		if (!pfn_valid(PHYS_PFN(x.pa))) {
			/* Nothing answers at that address: a bus error. */
			res->fault_addr = va;
			status = OMAP_MODEL_ERROR;
			break;
		}
		cpu = phys_to_virt(x.pa);
		if (rbuf)
			memcpy(rbuf + done, cpu, chunk);
		else if (wbuf)
			memcpy(cpu, wbuf + done, chunk);
		done += chunk;
	} while (done < len);
	res->status = status;
	raw_spin_unlock_irqrestore(&m->lock, flags);
	return status;
}

/**
 * omap_model_read() - read memory through the MMU as its bus master
 * @m: the instance
 * @iova: bus address of the first byte
 * @buf: where the bytes go
 * @len: how many bytes
 * @res: details of the outcome; may be NULL
 *
 * Return: an enum omap_model_status.
 */
int omap_model_read(struct omap_model *m, u32 iova, void *buf, size_t len,
		    struct omap_model_result *res)
{
	return om_transfer(m, iova, buf, NULL, len, res);
}
EXPORT_SYMBOL_GPL(omap_model_read);

/**
 * omap_model_write() - write memory through the MMU as its bus master
 * @m: the instance
 * @iova: bus address of the first byte
 * @buf: the bytes
 * @len: how many bytes
 * @res: details of the outcome; may be NULL
 *
 * Return: an enum omap_model_status.
 */
int omap_model_write(struct omap_model *m, u32 iova, const void *buf,
		     size_t len, struct omap_model_result *res)
{
	return om_transfer(m, iova, NULL, buf, len, res);
}
EXPORT_SYMBOL_GPL(omap_model_write);

/**
 * omap_model_translate() - translate one bus address, moving no data
 * @m: the instance
 * @iova: the bus address
 * @res: details of the outcome, the physical address among them; may be NULL
 *
 * Uses the TLB and the walker and raises faults exactly as a transfer does.
 *
 * Return: an enum omap_model_status.
 */
int omap_model_translate(struct omap_model *m, u32 iova,
			 struct omap_model_result *res)
{
	return om_transfer(m, iova, NULL, NULL, 0, res);
}
EXPORT_SYMBOL_GPL(omap_model_translate);

/**
 * omap_model_stalled() - is a faulting transfer waiting for IRQSTATUS?
 * @m: the instance
 *
 * Return: true until software clears the fault bits of IRQSTATUS.
 */
bool omap_model_stalled(const struct omap_model *m)
{
	return READ_ONCE(m->stalled);
}
EXPORT_SYMBOL_GPL(omap_model_stalled);

/* --------------------------------------------------------- the rest -- */

/**
 * omap_model_set_power() - power an instance on or off, bypassing PM
 * @m: the instance
 * @on: the new state
 *
 * Powering off resets every register and empties the TLB.
 */
void omap_model_set_power(struct omap_model *m, bool on)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&m->lock, flags);
	om_power_locked(m, on);
	raw_spin_unlock_irqrestore(&m->lock, flags);
}
EXPORT_SYMBOL_GPL(omap_model_set_power);

/**
 * omap_model_powered() - is the instance powered?
 * @m: the instance
 *
 * Return: its power state.
 */
bool omap_model_powered(const struct omap_model *m)
{
	return READ_ONCE(m->powered);
}
EXPORT_SYMBOL_GPL(omap_model_powered);

/**
 * omap_model_counters() - copy an instance's counters
 * @m: the instance
 * @out: where they go
 */
void omap_model_counters(const struct omap_model *m,
			 struct omap_model_counters *out)
{
	struct omap_model *mm = (struct omap_model *)m;
	unsigned long flags;

	raw_spin_lock_irqsave(&mm->lock, flags);
	*out = m->cnt;
	raw_spin_unlock_irqrestore(&mm->lock, flags);
}
EXPORT_SYMBOL_GPL(omap_model_counters);

/**
 * omap_model_reset_counters() - zero an instance's counters
 * @m: the instance
 *
 * Also zeroes the syscon windows' bad-access counts.
 */
void omap_model_reset_counters(struct omap_model *m)
{
	unsigned long flags;
	unsigned int i;

	raw_spin_lock_irqsave(&m->lock, flags);
	memset(&m->cnt, 0, sizeof(m->cnt));
	raw_spin_unlock_irqrestore(&m->lock, flags);
	for (i = 0; i < nr_syscons; i++) {
		raw_spin_lock_irqsave(&syscons[i].lock, flags);
		syscons[i].bad_accesses = 0;
		raw_spin_unlock_irqrestore(&syscons[i].lock, flags);
	}
}
EXPORT_SYMBOL_GPL(omap_model_reset_counters);

/**
 * omap_model_syscon_bad_accesses() - malformed syscon accesses
 *
 * Return: accesses to the DSP_SYSTEM windows that were not aligned 32-bit
 * ones, since the last omap_model_reset_counters().
 */
unsigned int omap_model_syscon_bad_accesses(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < nr_syscons; i++)
		n += READ_ONCE(syscons[i].bad_accesses);
	return n;
}
EXPORT_SYMBOL_GPL(omap_model_syscon_bad_accesses);

/**
 * omap_model_get() - an instance by index, in DT order
 * @index: 0 for the first
 *
 * Return: the instance, or NULL past the last.
 */
struct omap_model *omap_model_get(unsigned int index)
{
	return index < nr_instances ? &instances[index] : NULL;
}
EXPORT_SYMBOL_GPL(omap_model_get);

/**
 * omap_model_find() - an instance by name
 * @name: DT node name, full path, ti,hwmods, or "mmu_dsp<id>" (the first
 *	  DSP_SYSTEM's MMUs) and "mmu_dsp<n>_<id>" (the n-th one's)
 *
 * Return: the instance, or NULL when none matches.
 */
struct omap_model *omap_model_find(const char *name)
{
	unsigned int i;
	char path[64];

	for (i = 0; i < nr_instances; i++) {
		struct omap_model *m = &instances[i];
		const char *hwmods;

		snprintf(path, sizeof(path), "%pOF", m->np);
		if (!strcmp(name, m->name) || !strcmp(name, path) ||
		    !strcmp(name, kbasename(path)))
			return m;
		if (!of_property_read_string(m->np, "ti,hwmods", &hwmods) &&
		    !strcmp(name, hwmods))
			return m;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(omap_model_find);

/**
 * omap_model_name() - an instance's short name
 * @m: the instance
 *
 * Return: "mmu_isp" and the like (ti,hwmods, or "mmu_dsp<id>" on DRA7 DSP).
 */
const char *omap_model_name(const struct omap_model *m)
{
	return m->name;
}
EXPORT_SYMBOL_GPL(omap_model_name);

/**
 * omap_model_phys_base() - physical address of the register window
 * @m: the instance
 *
 * Return: the address; the window is OMAP_MODEL_WINDOW bytes.
 */
u64 omap_model_phys_base(const struct omap_model *m)
{
	return m->res.start;
}
EXPORT_SYMBOL_GPL(omap_model_phys_base);

/**
 * omap_model_tlb_entries() - the TLB size, from ti,#tlb-entries
 * @m: the instance
 *
 * Return: the number of entries.
 */
unsigned int omap_model_tlb_entries(const struct omap_model *m)
{
	return m->ntlb;
}
EXPORT_SYMBOL_GPL(omap_model_tlb_entries);

/**
 * omap_model_irq() - the Linux IRQ of the instance's interrupt
 * @m: the instance
 *
 * Return: the IRQ number, or a negative errno when it has none.
 */
int omap_model_irq(const struct omap_model *m)
{
	return m->irq;
}
EXPORT_SYMBOL_GPL(omap_model_irq);

/**
 * omap_model_device() - the MMU's platform device
 * @m: the instance
 *
 * Return: &pdev->dev of the platform device of the MMU's DT node, or NULL.
 */
struct device *omap_model_device(const struct omap_model *m)
{
	return READ_ONCE(m->dev);
}
EXPORT_SYMBOL_GPL(omap_model_device);

/**
 * omap_model_syscon_phys() - physical address of the first DSP_SYSTEM syscon
 *
 * Return: the address of the one the first DRA7 DSP MMU of the DT names,
 * or 0 when the DT has no such syscon.
 */
u64 omap_model_syscon_phys(void)
{
	return nr_syscons ? syscons[0].res.start : 0;
}
EXPORT_SYMBOL_GPL(omap_model_syscon_phys);

/* ------------------------------------------------------- the PM domain -- */

/* Each MMU device gets one, as omap_device gives one on OMAP. */
static struct omap_model *om_of_pd(struct model_pm_domain *pd)
{
	return container_of(pd, struct omap_model, pm);
}

static void om_pd_set_power(struct model_pm_domain *pd, bool on)
{
	omap_model_set_power(om_of_pd(pd), on);
}

static bool om_pd_powered(struct model_pm_domain *pd)
{
	return omap_model_powered(om_of_pd(pd));
}

static bool om_pm_find(const struct device_node *np, struct model_pm_slot *slot)
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

static struct model_pm_binder om_binder = {
	.name = "omap",
	.find = om_pm_find,
};

/* ---------------------------------------------- the interrupt controller -- */

static int om_intc_probe(struct platform_device *pdev)
{
	struct irq_domain *d;

	if (om_domain)
		return -EBUSY;
	d = irq_domain_create_linear(of_fwnode_handle(pdev->dev.of_node),
				     OM_MAX_INSTANCES, &om_irq_domain_ops, NULL);
	if (!d)
		return -ENOMEM;
	om_domain = d;
	return 0;
}

static const struct of_device_id om_intc_of_match[] = {
	{ .compatible = "socmmu,model-intc" },
	{}
};

/* Bound to its node so that fw_devlink sees the interrupt supplier ready. */
static struct platform_driver om_intc_driver = {
	.probe = om_intc_probe,
	.driver = {
		.name = "socmmu-model-intc",
		.of_match_table = om_intc_of_match,
		.suppress_bind_attrs = true,
	},
};

/* ------------------------------------------------------------- init -- */

static const struct of_device_id om_mmu_of_match[] = {
	{ .compatible = "ti,omap2-iommu", .data = (void *)OM_OMAP2 },
	{ .compatible = "ti,omap4-iommu", .data = (void *)OM_OMAP4 },
	{ .compatible = "ti,dra7-iommu", .data = (void *)OM_DRA7 },
	{ .compatible = "ti,dra7-dsp-iommu", .data = (void *)OM_DRA7_DSP },
	{}
};

/* The syscon of @np, added at its first use; its index in *@index. */
static int om_add_syscon(struct device_node *np, unsigned int *index)
{
	struct om_syscon *syscon;
	unsigned int i;
	int ret;

	for (i = 0; i < nr_syscons; i++) {
		if (syscons[i].np == np) {
			*index = i;
			return 0;
		}
	}
	if (nr_syscons == OM_MAX_SYSCONS)
		return -ENOSPC;
	syscon = &syscons[nr_syscons];
	ret = of_address_to_resource(np, 0, &syscon->res);
	if (ret)
		return ret;
	if (resource_size(&syscon->res) > OMAP_MODEL_WINDOW)
		syscon->res.end = syscon->res.start + OMAP_MODEL_WINDOW - 1;
	syscon->res.name = "socmmu-omap-model-syscon";
	ret = logic_iomem_add_region(&syscon->res, &syscon_region_ops[nr_syscons]);
	if (ret)
		return ret;
	syscon->np = of_node_get(np);
	*index = nr_syscons++;
	return 0;
}

static int om_add_instance(struct device_node *np, enum om_kind kind)
{
	struct omap_model *m = &instances[nr_instances];
	struct of_phandle_args args;
	const char *hwmods = NULL;
	unsigned int sc;
	u32 ntlb = 32;
	int ret;

	raw_spin_lock_init(&m->lock);
	m->kind = kind;
	m->syscon_id = -1;
	m->irq = -ENXIO;
	m->hwirq = nr_instances;
	init_irq_work(&m->irq_work, om_irq_work_fn);
	model_pm_domain_init(&m->pm, om_pd_set_power, om_pd_powered);

	ret = of_address_to_resource(np, 0, &m->res);
	if (ret)
		return ret;
	/*
	 * The node's window, whose accesses are good: 0x100 bytes, or 0x80
	 * (mainline's OMAP3 ISP MMU: no GP_REG).  The region is always
	 * 0x100, so that an access past a short window is seen and counted.
	 */
	m->window = resource_size(&m->res);
	if (m->window != OMAP_MODEL_WINDOW && m->window != 0x80) {
		pr_err("socmmu omap model: %pOF: window is not 0x80 or 0x100 bytes\n", np);
		return -EINVAL;
	}
	m->res.end = m->res.start + OMAP_MODEL_WINDOW - 1;
	of_property_read_u32(np, "ti,#tlb-entries", &ntlb);
	if (ntlb == 0 || ntlb > OM_MAX_TLB) {
		pr_err("socmmu omap model: %pOF: bad ti,#tlb-entries %u\n", np, ntlb);
		return -EINVAL;
	}
	m->ntlb = ntlb;
	m->dt_bus_err_back = of_property_read_bool(np, "ti,iommu-bus-err-back");
	of_property_read_string(np, "ti,hwmods", &hwmods);
	strscpy(m->name, hwmods ? hwmods : kbasename(np->full_name),
		sizeof(m->name));

	if (kind == OM_DRA7_DSP) {
		ret = of_parse_phandle_with_fixed_args(np, "ti,syscon-mmuconfig",
						       1, 0, &args);
		if (ret)
			return ret;
		ret = om_add_syscon(args.np, &sc);
		of_node_put(args.np);
		if (ret)
			return ret;
		m->syscon = &syscons[sc];
		m->syscon_id = args.args[0];
		if (m->syscon_id > 1)
			return -EINVAL;
		/* The first DSP keeps the names the suites know it by. */
		if (sc == 0)
			snprintf(m->name, sizeof(m->name), "mmu_dsp%d", m->syscon_id);
		else
			snprintf(m->name, sizeof(m->name), "mmu_dsp%u_%d", sc + 1,
				 m->syscon_id);
	}

	m->res.name = m->name;
	ret = logic_iomem_add_region(&m->res, &om_region_ops[nr_instances]);
	if (ret)
		return ret;
	m->np = of_node_get(np);
	nr_instances++;
	return 0;
}

/* ------------------------------------------------------- the model bus -- */

/* The OMAP MMU serves one master: @stream is always 0 (#iommu-cells = <0>). */
static int om_bus_result(int status, const struct omap_model_result *r,
			 struct model_bus_result *res)
{
	if (res) {
		res->status = status;
		res->fault_addr = r->fault_addr;
		res->phys = r->phys;
	}
	return status;
}

static int om_bus_read(void *iommu, u32 stream, u64 iova, void *buf, size_t len,
		       struct model_bus_result *res)
{
	struct omap_model_result r = {};

	return om_bus_result(omap_model_read(iommu, iova, buf, len, &r), &r, res);
}

static int om_bus_write(void *iommu, u32 stream, u64 iova, const void *buf, size_t len,
			struct model_bus_result *res)
{
	struct omap_model_result r = {};

	return om_bus_result(omap_model_write(iommu, iova, buf, len, &r), &r, res);
}

static bool om_bus_stalled(void *iommu, u32 stream)
{
	return omap_model_stalled(iommu);
}

static void om_bus_stats(void *iommu, struct model_bus_stats *out)
{
	struct omap_model_counters c;
	static const int size_of_cam[4] = {
		[OMAP_MODEL_CAM_SIZE_4K] = MODEL_BUS_4K,
		[OMAP_MODEL_CAM_SIZE_64K] = MODEL_BUS_64K,
		[OMAP_MODEL_CAM_SIZE_1M] = MODEL_BUS_1M,
		[OMAP_MODEL_CAM_SIZE_16M] = MODEL_BUS_16M,
	};
	unsigned int i;

	omap_model_counters(iommu, &c);
	*out = (struct model_bus_stats) {
		.table_walks = c.table_walks,
		.tlb_hits = c.tlb_hits,
		.tlb_misses = c.tlb_misses,
		.faults = c.faults,
		.irqs = c.irqs,
		.entry_flushes = c.flush_entries,
		.full_flushes = c.gflushes,
		.off_accesses = c.off_accesses,
		.power_ons = c.power_ons,
		.power_offs = c.power_offs,
		.bypassed = c.bypassed,
	};
	for (i = 0; i < ARRAY_SIZE(size_of_cam); i++)
		out->walks_by_size[size_of_cam[i]] = c.walks_by_size[i];
}

static void om_bus_reset_stats(void *iommu)
{
	omap_model_reset_counters(iommu);
}

static const char *om_bus_name(void *iommu)
{
	return omap_model_name(iommu);
}

static const struct model_bus_ops om_bus_ops = {
	.read = om_bus_read,
	.write = om_bus_write,
	.stalled = om_bus_stalled,
	.stats = om_bus_stats,
	.reset_stats = om_bus_reset_stats,
	.name = om_bus_name,
	.irq_now = om_bus_irq_now,
};

static int __init om_init(void)
{
	const struct of_device_id *match;
	struct device_node *np;
	unsigned int i;
	int ret;

	for_each_matching_node_and_match(np, om_mmu_of_match, &match) {
		/* The bad nodes of kunit/bad_dt are for the driver to refuse. */
		if (!of_device_is_available(np) || of_property_read_bool(np, "socmmu,bad-input"))
			continue;
		if (nr_instances == OM_MAX_INSTANCES) {
			of_node_put(np);
			pr_err("socmmu omap model: more than %d MMUs\n",
			       OM_MAX_INSTANCES);
			return -ENOSPC;
		}
		ret = om_add_instance(np, (enum om_kind)(uintptr_t)match->data);
		if (ret) {
			pr_err("socmmu omap model: %pOF: %d\n", np, ret);
			of_node_put(np);
			return ret;
		}
	}
	if (!nr_instances) {
		pr_info("socmmu omap model: no OMAP MMU in the device tree\n");
		return 0;
	}

	ret = platform_driver_register(&om_intc_driver);
	if (ret)
		return ret;
	if (!om_domain) {
		pr_err("socmmu omap model: the model's interrupt controller did not probe\n");
		return -ENODEV;
	}
	for (i = 0; i < nr_instances; i++) {
		struct omap_model *m = &instances[i];
		int irq = irq_of_parse_and_map(m->np, 0);

		m->irq = irq > 0 ? irq : -ENXIO;
	}

	ret = model_pm_binder_register(&om_binder);
	if (ret)
		return ret;
	for (i = 0; i < nr_instances; i++)
		model_pm_binder_attach(&om_binder, instances[i].np);
	for (i = 0; i < nr_instances; i++) {
		ret = model_bus_register(instances[i].np, &om_bus_ops, &instances[i]);
		if (ret)
			return ret;
	}
	pr_info("socmmu omap model: %u MMU instances\n", nr_instances);
	return 0;
}
module_init(om_init);

MODULE_DESCRIPTION("socmmu test bench: behavioural model of the TI OMAP IOMMU");
MODULE_LICENSE("GPL");

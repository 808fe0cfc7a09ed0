/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the Exynos SYSMMU model's files share: the instance, and the entry
 * points of the register file (exynos_model_regs.c) and of the translation
 * path (exynos_model_xlate.c).  Every function here runs with m->lock held.
 */
#ifndef SOCMMU_EXYNOS_MODEL_INTERNAL_H
#define SOCMMU_EXYNOS_MODEL_INTERNAL_H

#include <linux/ioport.h>
#include <linux/irq_work.h>
#include <linux/spinlock.h>

#include "../model_pm/model_pm.h"
#include "exynos_model.h"

#define EXM_MAX_INSTANCES	16
#define EXM_TLB_ENTRIES		16
#define EXM_FLPD_ENTRIES	4

/* Register layouts (mainline's sysmmu_variant). */
enum exm_layout { EXM_V1, EXM_V5, EXM_V7, EXM_V7_VM };

struct exm_tlb_entry {
	bool valid;
	u8 size;	/* EXYNOS_MODEL_4K/64K/1M */
	u8 prot;	/* EXYNOS_MODEL_PROT_R | _W */
	u32 va;		/* first byte */
	u32 mask;	/* ~(size - 1) */
	u64 pa;		/* first byte */
};

struct exm_flpd_entry {
	bool valid;
	u32 index;	/* iova >> 20 */
	u32 desc;	/* the L1 descriptor as it was read */
};

struct model_clk;
struct device_node;

struct exynos_model {
	raw_spinlock_t lock;	/* the MMIO path, the bus master, power */
	struct device_node *np;
	char name[32];
	struct resource res;
	unsigned int major, minor;
	enum exm_layout layout;
	u32 version_reg;
	unsigned int hwirq;
	int irq;
	struct device *dev;
	struct model_pm_domain pm;
	struct irq_work irq_work;
	bool line;		/* INT_STATUS != 0 while powered */
	const struct model_clk *reg_clk;	/* "sysmmu" or "pclk" */
	const struct model_clk *bus_clk;	/* "sysmmu" or "aclk" */

	/* Hardware state: what power off resets. */
	bool powered;
	u32 ctrl, cfg, pt_base, int_status, flush_start, flush_end, ctrl_vm;
	u32 page_va, ar_va, aw_va, bus_va;	/* v1: fault addresses */
	u32 fault_va, fault_info;		/* v7 */
	struct exm_tlb_entry tlb[EXM_TLB_ENTRIES];
	unsigned int tlb_next;
	struct exm_flpd_entry flpd[EXM_FLPD_ENTRIES];
	unsigned int flpd_next;
	bool stalled;		/* on a fault, until INT_CLEAR then CTRL */
	bool block_held;	/* test bench: CTRL.BLOCK never completes */
	u32 stall_va;		/* the address that stalled it */

	struct exynos_model_counters cnt;
};

static inline bool exm_at_least(const struct exynos_model *m,
				unsigned int major, unsigned int minor)
{
	return m->major > major || (m->major == major && m->minor >= minor);
}

/* v3.3 and later have an FLPD cache. */
static inline bool exm_has_flpd(const struct exynos_model *m)
{
	return exm_at_least(m, 3, 3);
}

/* The register file (exynos_model_regs.c). */
u32 exm_reg_read(struct exynos_model *m, unsigned int offset);
void exm_reg_write(struct exynos_model *m, unsigned int offset, u32 value);
void exm_update_line(struct exynos_model *m);
void exm_reset(struct exynos_model *m);

/* The translation path (exynos_model_xlate.c). */
void exm_flush_all(struct exynos_model *m);
void exm_flush_entry(struct exynos_model *m, u32 va);
void exm_flush_range(struct exynos_model *m, u32 start, u32 end);
int exm_transfer(struct exynos_model *m, u32 iova, void *rbuf,
		 const void *wbuf, size_t len, bool write,
		 struct exynos_model_result *res);

#endif

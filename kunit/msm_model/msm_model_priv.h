/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal to socmmu_msm_model: the state of an instance and what its
 * files (msm_model.c, msm_regs.c, msm_walk.c, msm_master.c) share.  Every
 * function here runs with the instance's lock held unless it says not.
 */
#ifndef SOCMMU_MSM_MODEL_PRIV_H
#define SOCMMU_MSM_MODEL_PRIV_H

#include <linux/irq_work.h>
#include <linux/ioport.h>
#include <linux/logic_iomem.h>
#include <linux/spinlock.h>

#include "../model_bus/model_bus.h"
#include "../model_pm/model_pm.h"
#include "msm_model.h"

#define MM_MAX_INSTANCES	8
#define MM_MAX_HWIRQ		(MM_MAX_INSTANCES * MSM_MODEL_NR_IRQS)

struct mm_tlb_entry {
	bool valid;
	bool global;		/* nG clear: matches every ASID */
	u8 asid;
	u8 page;		/* enum msm_model_page */
	u8 level;		/* of the descriptor: 1 or 2 */
	u8 ap;			/* AP[2:0] */
	u8 tex;
	bool c, b, s, xn;
	u32 va;			/* the page's base address */
	u32 pa;
};

/* What happened to the last transfer that faulted with CFCFG set. */
enum mm_stall { MM_IDLE, MM_STALLED, MM_TERMINATED };

struct mm_ctx {
	u32 sctlr, actlr, contextidr, ttbr0, ttbr1, ttbcr;
	u32 par, fsr, far, fsynr0, fsynr1, prrr, nmrr;
	u32 tlblckr, v2psr, tlbflpter, tlbslpter, bfbcr;
	struct mm_tlb_entry tlb[MSM_MODEL_TLB_ENTRIES];
	unsigned int victim;	/* round-robin refill */
	enum mm_stall stall;
	u32 stall_mid, stall_va;
	unsigned int stall_access;	/* MSM_MODEL_ACC_* */
	/* The stalled transfer came over the model bus (see mm_resume()). */
	bool stall_bus;
};

/* One interrupt of an instance: index 0 non-secure, 1 secure. */
struct mm_line {
	struct msm_model *m;
	unsigned int index;
	unsigned int hwirq;
	int irq;
	bool level;
	struct irq_work work;
};

struct msm_model {
	raw_spinlock_t lock;	/* registers, TLBs, transfers, power */
	struct device_node *np;
	char name[32];
	struct resource res;
	unsigned int ncb;
	unsigned int nirq;
	struct mm_line lines[MSM_MODEL_NR_IRQS];
	struct device *dev;
	struct model_pm_domain pm;
	struct model_clk *pclk;	/* smmu_pclk: the register interface */
	struct model_clk *clk;	/* iommu_clk: the bus side */

	/* Hardware state: what power off resets. */
	bool powered;
	u32 m2vcbr[MSM_MODEL_NR_MIDS];
	u32 cbacr[MSM_MODEL_MAX_CTX];
	u32 tlbrsw, tlbtr[3], testbuscr, cr, ear, esr, esynr0, esynr1, rpu_acr;
	struct mm_ctx ctx[MSM_MODEL_MAX_CTX];

	struct msm_model_counters cnt;
};

/* The outcome of one translation (msm_walk.c). */
struct mm_xlate {
	u32 fsr;		/* FSR reason bits and SL; 0 when translated */
	u32 pa;
	bool bypass;
	bool hit;
	unsigned int tlb_index;
	int page;		/* enum msm_model_page */
	int memtype;		/* enum msm_model_memtype */
	int inner, outer;	/* enum msm_model_cache */
	bool sh, nos;
};

/* msm_walk.c: TLB, table walker, attributes. */
void mm_translate(struct msm_model *m, unsigned int c, u32 va, unsigned int access,
		  bool may_walk, struct mm_xlate *x);
u32 mm_par(const struct mm_xlate *x, u32 va);
void mm_tlb_invalidate_all(struct mm_ctx *ctx);
void mm_tlb_invalidate_asid(struct mm_ctx *ctx, u8 asid);
void mm_tlb_invalidate_va(struct mm_ctx *ctx, u32 va, u8 asid, bool any_asid);
bool mm_walk_on_miss(const struct mm_ctx *ctx);

/* msm_regs.c: the register window. */
extern const struct logic_iomem_region_ops mm_region_ops[MM_MAX_INSTANCES];
void mm_reset(struct msm_model *m);

/* msm_master.c: faults, stalls and the bus master. */
void mm_resume(struct msm_model *m, unsigned int c, u32 value);
extern const struct model_bus_ops mm_bus_ops;

/* msm_model.c: the instances and their interrupt lines. */
extern struct msm_model mm_instances[MM_MAX_INSTANCES];
extern bool mm_serve_off_clock;
void mm_update_lines(struct msm_model *m);
unsigned int mm_irq_now(struct msm_model *m, bool force);

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the MSM IOMMU model's suites (socmmu_msm_model_test): the
 * instances with their register windows and clocks, ARMv7s tables built by
 * hand, the case fixture.  The suites program the model as a driver would:
 * ioremap()/readl()/writel(), clk_prepare_enable(), request_irq().
 */
#ifndef SOCMMU_MSM_TEST_H
#define SOCMMU_MSM_TEST_H

#include <kunit/test.h>
#include <linux/io.h>

#include "msm_model.h"

/* The test DT's instances (kunit/dts/socmmu-test.dts), in DT order. */
#define MT_MDP		0	/* iommu@d4000000, ncb 4, two interrupts */
#define MT_GFX		1	/* iommu@d4100000, ncb 2, two interrupts */
#define MT_VFE		2	/* iommu@d4200000, ncb 1, one interrupt */
#define MT_NR		3

struct clk;

struct mt_inst {
	struct msm_model *m;
	void __iomem *base;
	struct clk *pclk, *clk;
	bool pclk_on, clk_on;
};

/* io-pgtable-arm-v7s's PRRR and NMRR (arm_v7s_alloc_pgtable). */
#define MT_PRRR	(BIT(2) | 2u << 8 | 2u << 14 | BIT(16) | BIT(17) | BIT(19) | BIT(31))
#define MT_NMRR	(BIT(14) | BIT(30))

/* Mapping attributes for the descriptor builders. */
#define MTP_W		BIT(0)	/* writable: AP2 clear */
#define MTP_PRIV	BIT(1)	/* privileged only: AP1 clear */
#define MTP_XN		BIT(2)
#define MTP_CACHE	BIT(3)	/* TEX[0] C B: remap index 7 */
#define MTP_MMIO	BIT(4)	/* B only: remap index 1 */
#define MTP_NOAF	BIT(5)	/* access flag clear */
#define MTP_GLOBAL	BIT(6)	/* nG clear */
#define MTP_RW		MTP_W

/* Hand-built ARMv7s tables: one L1 and up to MT_NR_L2 level-2 tables. */
#define MT_NR_L2	8
struct mt_pt {
	struct page *l1_page;
	struct page *l2_page[MT_NR_L2 / 4];
	u32 *l1;
	u32 l1_pa;
	u32 l2_for[MT_NR_L2];	/* the 1 MB region (va >> 20) of each L2, + 1 */
	unsigned int nr_l2;
};

/* Context bank setup as mainline's __program_context, plus CFCFG/CFEIE. */
#define MT_STALL	BIT(0)	/* ACTLR.CFCFG */
#define MT_IRQ		BIT(1)	/* ACTLR.CFEIE */

/* Fixture. */
int mt_suite_init(struct kunit_suite *suite);
void mt_suite_exit(struct kunit_suite *suite);
int mt_case_init(struct kunit *test);
void mt_case_exit(struct kunit *test);
struct mt_inst *mt_get(struct kunit *test, unsigned int which);
void mt_clocks(struct kunit *test, struct mt_inst *in, bool pclk, bool clk);

/* Registers. */
u32 mt_rd(struct mt_inst *in, u32 off);
void mt_wr(struct mt_inst *in, u32 off, u32 val);
u32 mt_crd(struct mt_inst *in, unsigned int ctx, u32 off);
void mt_cwr(struct mt_inst *in, unsigned int ctx, u32 off, u32 val);
void mt_route(struct mt_inst *in, u32 mid, unsigned int ctx);
void mt_ctx_enable(struct mt_inst *in, unsigned int ctx, const struct mt_pt *pt, u8 asid,
		   unsigned int flags);
struct msm_model_counters mt_counters(struct mt_inst *in);

/* Tables and data. */
struct page *mt_alloc_pages(struct kunit *test, unsigned int order);
void mt_free_pages(struct page *page);
void mt_pt_init(struct kunit *test, struct mt_pt *pt);
u32 mt_l2_pa(struct kunit *test, struct mt_pt *pt, u32 va);
u32 mt_attr(unsigned int prot);
void mt_map(struct kunit *test, struct mt_pt *pt, u32 va, u32 pa, int page, unsigned int prot);
void mt_unmap(struct kunit *test, struct mt_pt *pt, u32 va, int page);
u32 mt_data_page(struct kunit *test, struct page **page, u8 seed);

/* The suites (msm_model_test.c, msm_xlate_test.c, msm_fault_test.c). */
extern struct kunit_suite mt_regs_suite;
extern struct kunit_suite mt_xlate_suite;
extern struct kunit_suite mt_fault_suite;

#endif

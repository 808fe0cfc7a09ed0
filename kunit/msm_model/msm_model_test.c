// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the MSM IOMMU model, programming it the way a driver
 * would: ioremap(), readl() and writel() on its register windows, its
 * clocks through the clock framework, tables built by hand in page-allocator
 * memory, its IRQs through request_irq().  The bus-master API plays the
 * devices behind the IOMMU.  This file: identity, the register window,
 * clocks, power, routing by MID and the model bus; msm_xlate_test.c the
 * walker and TLB; msm_fault_test.c faults, stalls and interrupts.
 *
 * A separate module from the model: 6.1 runs a module's suites before the
 * module's init, and the model must have scanned the DT first.
 */
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/pm_runtime.h>

#include "../model_bus/model_bus.h"
#include "../model_clk/model_clk.h"
#include "msm_test.h"

static const char *const mt_names[MT_NR] = {
	"iommu@d4000000", "iommu@d4100000", "iommu@d4200000",
};

static const struct {
	const char *name;
	unsigned int ncb;
	const char *clk;
} mt_extra[] = {
	{ "iommu@d4300000", 2, "msm_cam_clk" },
	{ "iommu@d4400000", 4, "msm_badncb_clk" },
	{ "iommu@d4500000", 1, "msm_badclk_clk" },
	{ "iommu@d4600000", 1, "msm_noncb_clk" },
};

static void mt_lookup(struct kunit *test)
{
	static const unsigned int ncb[MT_NR] = { 4, 2, 1 }, nirq[MT_NR] = { 2, 2, 1 };
	struct msm_model *m;
	unsigned int i;

	for (i = 0; i < MT_NR; i++) {
		m = msm_model_find(mt_names[i]);
		KUNIT_ASSERT_NOT_NULL(test, m);
		KUNIT_EXPECT_PTR_EQ(test, msm_model_get(i), m);
		KUNIT_EXPECT_STREQ(test, msm_model_name(m), mt_names[i]);
		KUNIT_EXPECT_EQ(test, msm_model_phys_base(m), 0xd4000000ull + i * 0x100000);
		KUNIT_EXPECT_EQ(test, msm_model_ncb(m), ncb[i]);
		KUNIT_EXPECT_EQ(test, msm_model_nr_irqs(m), nirq[i]);
		KUNIT_EXPECT_GT(test, msm_model_irq(m, 0), 0);
		KUNIT_EXPECT_NOT_NULL(test, msm_model_device(m));
		KUNIT_EXPECT_NOT_NULL(test, msm_model_clk(m, "smmu_pclk"));
		KUNIT_EXPECT_NOT_NULL(test, msm_model_clk(m, "iommu_clk"));
		KUNIT_EXPECT_PTR_NE(test, msm_model_clk(m, "smmu_pclk"),
				    msm_model_clk(m, "iommu_clk"));
		KUNIT_EXPECT_NULL(test, msm_model_clk(m, "core"));
	}
	m = msm_model_get(MT_MDP);
	KUNIT_EXPECT_PTR_EQ(test, msm_model_find("/iommu@d4000000"), m);
	KUNIT_EXPECT_GT(test, msm_model_irq(m, 1), 0);
	KUNIT_EXPECT_NE(test, msm_model_irq(m, 0), msm_model_irq(m, 1));
	KUNIT_EXPECT_NE(test, msm_model_irq(m, 0), msm_model_irq(msm_model_get(MT_GFX), 0));
	KUNIT_EXPECT_LT(test, msm_model_irq(msm_model_get(MT_VFE), 1), 0);
	KUNIT_EXPECT_STREQ(test, model_clk_name(msm_model_clk(m, "smmu_pclk")), "msm_mdp_pclk");
	KUNIT_EXPECT_STREQ(test, model_clk_name(msm_model_clk(msm_model_get(MT_VFE), "iommu_clk")),
			   "msm_vfe_clk");

	/*
	 * The MSM driver's nodes after them: its camera's instance, and the
	 * hardware behind nodes it must refuse.  socmmu,model-ncb overrides a
	 * wrong qcom,ncb; clocks are taken by position, whatever their names.
	 */
	for (i = 0; i < ARRAY_SIZE(mt_extra); i++) {
		m = msm_model_get(MT_NR + i);
		KUNIT_ASSERT_NOT_NULL(test, m);
		KUNIT_EXPECT_STREQ(test, msm_model_name(m), mt_extra[i].name);
		KUNIT_EXPECT_EQ(test, msm_model_ncb(m), mt_extra[i].ncb);
		KUNIT_EXPECT_NOT_NULL(test, msm_model_device(m));
		KUNIT_EXPECT_STREQ(test, model_clk_name(msm_model_clk(m, "iommu_clk")),
				   mt_extra[i].clk);
	}
	KUNIT_EXPECT_NULL(test, msm_model_find("iommu@d4700000"));
	KUNIT_EXPECT_NULL(test, msm_model_get(MT_NR + ARRAY_SIZE(mt_extra)));
}

static void mt_reset_values(struct kunit *test)
{
	static const u32 ctx_regs[] = {
		MSM_MODEL_SCTLR, MSM_MODEL_ACTLR, MSM_MODEL_CONTEXTIDR, MSM_MODEL_TTBR0,
		MSM_MODEL_TTBR1, MSM_MODEL_TTBCR, MSM_MODEL_PAR, MSM_MODEL_FSR, MSM_MODEL_FAR,
		MSM_MODEL_FSYNR0, MSM_MODEL_FSYNR1, MSM_MODEL_PRRR, MSM_MODEL_NMRR,
		MSM_MODEL_TLBLCKR, MSM_MODEL_V2PSR, MSM_MODEL_TLBFLPTER, MSM_MODEL_TLBSLPTER,
		MSM_MODEL_BFBCR,
	};
	static const u32 global_regs[] = {
		MSM_MODEL_M2VCBR(0), MSM_MODEL_M2VCBR(255), MSM_MODEL_CBACR(0), MSM_MODEL_CR,
		MSM_MODEL_TLBRSW, MSM_MODEL_TESTBUSCR, MSM_MODEL_ESR, MSM_MODEL_RPU_ACR,
	};
	unsigned int i, c, w;
	struct mt_inst *in;

	for (w = 0; w < MT_NR; w++) {
		struct msm_model *m;
		u32 idr;

		in = mt_get(test, w);
		m = in->m;
		idr = mt_rd(in, MSM_MODEL_IDR);
		KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_REV), MSM_MODEL_REV_VALUE);
		KUNIT_EXPECT_EQ(test, (idr >> MSM_MODEL_IDR_NCB_SHIFT) & 0xff, msm_model_ncb(m));
		KUNIT_EXPECT_EQ(test, idr >> MSM_MODEL_IDR_NIRPT_SHIFT, msm_model_nr_irqs(m));
		KUNIT_EXPECT_EQ(test, idr & MSM_MODEL_IDR_NM2VCBMT_MASK, MSM_MODEL_NR_MIDS);
		KUNIT_EXPECT_EQ(test, (idr >> MSM_MODEL_IDR_TLBSIZE_SHIFT) & 0xf, 4u);
		KUNIT_EXPECT_NE(test, idr & MSM_MODEL_IDR_HTW, 0u);
		for (c = 0; c < msm_model_ncb(m); c++)
			for (i = 0; i < ARRAY_SIZE(ctx_regs); i++)
				KUNIT_EXPECT_EQ_MSG(test, mt_crd(in, c, ctx_regs[i]), 0u,
						    "%s ctx %u reg 0x%x", mt_names[w], c,
						    ctx_regs[i]);
		for (i = 0; i < ARRAY_SIZE(global_regs); i++)
			KUNIT_EXPECT_EQ(test, mt_rd(in, global_regs[i]), 0u);
	}

	/* Writable fields read back; other bits are not implemented. */
	in = mt_get(test, MT_MDP);
	mt_cwr(in, 3, MSM_MODEL_SCTLR, 0xffffffff);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_SCTLR), 0x3fu);
	mt_cwr(in, 3, MSM_MODEL_ACTLR, 0xffffffff);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_ACTLR), 0x00f7ff7fu);
	mt_cwr(in, 3, MSM_MODEL_TTBCR, 0xffffffff);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_TTBCR), 0x37u);
	mt_cwr(in, 3, MSM_MODEL_TTBR0, 0x12345678);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_TTBR0), 0x12345678u);
	mt_cwr(in, 3, MSM_MODEL_CONTEXTIDR, 0xabcdef12);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_CONTEXTIDR), 0xabcdef12u);
	mt_wr(in, MSM_MODEL_M2VCBR(200), 0xffffffff);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_M2VCBR(200)), 0x0fffff1fu);
	mt_wr(in, MSM_MODEL_CBACR(3), 0xffffffff);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_CBACR(3)), 0xff1f031fu);
	mt_wr(in, MSM_MODEL_CR, 0xffffffff);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_CR), 0x3ffu);
	/* Read-only: REV, IDR, V2PSR; write-only operations read 0. */
	mt_wr(in, MSM_MODEL_REV, 0);
	mt_wr(in, MSM_MODEL_IDR, 0);
	mt_cwr(in, 3, MSM_MODEL_V2PSR, 0xffffffff);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_REV), MSM_MODEL_REV_VALUE);
	KUNIT_EXPECT_NE(test, mt_rd(in, MSM_MODEL_IDR), 0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_V2PSR), 0u);
	mt_cwr(in, 3, MSM_MODEL_TLBIVA, 0x1000);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_TLBIVA), 0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_RESUME), 0u);

	/* FSR: FSRRESTORE sets it, writing ones clears them. */
	mt_cwr(in, 2, MSM_MODEL_FSRRESTORE, 0xffffffff);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_FSR), 0xc00100feu);
	mt_cwr(in, 2, MSM_MODEL_FSR, MSM_MODEL_FSR_TF | MSM_MODEL_FSR_SS);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_FSR), 0x800100fcu);
	mt_cwr(in, 2, MSM_MODEL_FSR, 0);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_FSR), 0x800100fcu);
	mt_cwr(in, 2, MSM_MODEL_FSR, 0x4000000f);	/* mainline's handler */
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_FSR), 0x800100f0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_FSR), 0u);
}

/* Bank n at n * 0x1000; banks past qcom,ncb and bad accesses. */
static void mt_window_layout(struct kunit *test)
{
	struct msm_model_counters c;
	struct mt_inst *in = mt_get(test, MT_MDP), *gfx;
	unsigned int n;

	for (n = 0; n < 4; n++)
		mt_cwr(in, n, MSM_MODEL_CONTEXTIDR, 0x10 + n);
	for (n = 0; n < 4; n++)
		KUNIT_EXPECT_EQ(test, mt_crd(in, n, MSM_MODEL_CONTEXTIDR), 0x10 + n);
	/* Past the 256 M2VCBRs: nothing. */
	mt_wr(in, MSM_MODEL_M2VCBR(256), 0x100);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_M2VCBR(256)), 0u);

	gfx = mt_get(test, MT_GFX);
	for (n = 2; n < 4; n++) {
		mt_cwr(gfx, n, MSM_MODEL_CONTEXTIDR, 0x55);
		KUNIT_EXPECT_EQ(test, mt_crd(gfx, n, MSM_MODEL_CONTEXTIDR), 0u);
		mt_wr(gfx, MSM_MODEL_CBACR(n), 0x01000000);
		KUNIT_EXPECT_EQ(test, mt_rd(gfx, MSM_MODEL_CBACR(n)), 0u);
	}
	mt_wr(gfx, MSM_MODEL_CBACR(1), 0x01000000);
	KUNIT_EXPECT_EQ(test, mt_rd(gfx, MSM_MODEL_CBACR(1)), 0x01000000u);

	/* Only aligned 32-bit accesses reach a register. */
	mt_cwr(gfx, 1, MSM_MODEL_TTBR0, 0x00404000);
	KUNIT_EXPECT_EQ(test, readb(gfx->base + 0x1000 + MSM_MODEL_TTBR0), 0xffu);
	KUNIT_EXPECT_EQ(test, readw(gfx->base + 0x1000 + MSM_MODEL_TTBR0), 0xffffu);
	writeb(0, gfx->base + 0x1000 + MSM_MODEL_TTBR0);
	writel(0, gfx->base + 0x1000 + MSM_MODEL_TTBR0 + 2);
	KUNIT_EXPECT_EQ(test, mt_crd(gfx, 1, MSM_MODEL_TTBR0), 0x00404000u);
	c = mt_counters(gfx);
	KUNIT_EXPECT_EQ(test, c.bad_accesses, 4u);
	KUNIT_EXPECT_EQ(test, c.reg_writes, 6u);
	KUNIT_EXPECT_EQ(test, c.reg_reads, 6u);
	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.bad_accesses, 0u);
	KUNIT_EXPECT_EQ(test, c.reg_writes, 5u);
}

/* smmu_pclk gates the registers; iommu_clk is only counted. */
static void mt_clock_gating(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_GFX);
	struct model_clk *pclk = msm_model_clk(in->m, "smmu_pclk");
	struct msm_model_counters c;
	struct msm_model_result r;
	unsigned int enables;

	mt_cwr(in, 1, MSM_MODEL_CONTEXTIDR, 7);
	enables = model_clk_enables(pclk);
	mt_clocks(test, in, false, true);
	KUNIT_EXPECT_FALSE(test, model_clk_enabled(pclk));
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_CONTEXTIDR), 0u);
	mt_cwr(in, 1, MSM_MODEL_CONTEXTIDR, 9);
	mt_wr(in, MSM_MODEL_M2VCBR(4), 1 << MSM_MODEL_M2VCBR_CBNDX_SHIFT);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_REV), 0u);
	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.off_clock_accesses, 4u);
	KUNIT_EXPECT_EQ(test, c.off_accesses, 0u);

	mt_clocks(test, in, true, true);
	KUNIT_EXPECT_EQ(test, model_clk_enables(pclk), enables + 1);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_CONTEXTIDR), 7u);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_M2VCBR(4)), 0u);
	KUNIT_EXPECT_EQ(test, mt_counters(in).off_clock_accesses, 4u);

	/* Told to serve them (for mainline's probe): served, still counted. */
	msm_model_serve_off_clock(true);
	mt_clocks(test, in, false, true);
	mt_cwr(in, 1, MSM_MODEL_CONTEXTIDR, 9);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_CONTEXTIDR), 9u);
	KUNIT_EXPECT_EQ(test, mt_counters(in).off_clock_accesses, 6u);
	msm_model_serve_off_clock(false);

	/* Transfers with iommu_clk off: served and counted. */
	mt_clocks(test, in, true, false);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 4, 0x1000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_TRUE(test, r.bypassed);
	mt_clocks(test, in, true, true);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 4, 0x1000, 0, &r), MSM_MODEL_OK);
	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.unclocked_transfers, 1u);
	KUNIT_EXPECT_EQ(test, c.off_clock_accesses, 6u);
	/* The other instances' clocks are their own. */
	KUNIT_EXPECT_EQ(test, mt_counters(mt_get(test, MT_MDP)).off_clock_accesses, 0u);
}

static void mt_power_loss_resets(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_MDP);
	struct msm_model_counters c;
	struct msm_model_result r;
	struct page *data;
	struct mt_pt pt;
	u32 va = 0x40000000, p;

	mt_pt_init(test, &pt);
	p = mt_data_page(test, &data, 1);
	mt_map(test, &pt, va, p, MSM_MODEL_4K, MTP_RW);
	mt_route(in, 9, 2);
	mt_wr(in, MSM_MODEL_CBACR(2), 1u << MSM_MODEL_CBACR_IRPTNDX_SHIFT);
	mt_wr(in, MSM_MODEL_CR, 0x40);
	mt_ctx_enable(in, 2, &pt, 2, MT_IRQ);
	mt_cwr(in, 2, MSM_MODEL_FAR, 0x1234);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 9, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p);

	msm_model_set_power(in->m, false);
	KUNIT_EXPECT_FALSE(test, msm_model_powered(in->m));
	/* Off: registers read 0, writes dropped, transfers get an error. */
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_REV), 0u);
	mt_cwr(in, 2, MSM_MODEL_SCTLR, MSM_MODEL_SCTLR_M);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 9, va, 0, &r), MSM_MODEL_ERROR);

	msm_model_set_power(in->m, true);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_REV), MSM_MODEL_REV_VALUE);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_M2VCBR(9)), 0u);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_CBACR(2)), 0u);
	KUNIT_EXPECT_EQ(test, mt_rd(in, MSM_MODEL_CR), 0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_SCTLR), 0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_ACTLR), 0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_TTBR0), 0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_CONTEXTIDR), 0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_PRRR), 0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_FAR), 0u);
	/* MID 9 goes to context 0 again, which bypasses. */
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 9, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.ctx, 0);
	KUNIT_EXPECT_TRUE(test, r.bypassed);
	/* The TLB is empty: the same context again, walks off, is a TLB miss. */
	mt_route(in, 9, 2);
	mt_ctx_enable(in, 2, &pt, 2, 0);
	mt_cwr(in, 2, MSM_MODEL_ACTLR, 0);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 9, va, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_TLBMF);

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.power_offs, 1u);
	KUNIT_EXPECT_EQ(test, c.power_ons, 1u);
	KUNIT_EXPECT_EQ(test, c.off_accesses, 2u);
	KUNIT_EXPECT_EQ(test, c.tlb_misses, 2u);
}

/* The PM domain: runtime PM of the IOMMU's device powers the model. */
static void mt_runtime_pm_powers_model(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_VFE);
	struct msm_model_counters c;
	struct device *dev = msm_model_device(in->m);

	KUNIT_ASSERT_NOT_NULL(test, dev);
	if (dev->driver)
		kunit_skip(test, "a driver owns %s", dev_name(dev));
	pm_runtime_enable(dev);
	KUNIT_EXPECT_GE(test, pm_runtime_get_sync(dev), 0);
	KUNIT_EXPECT_TRUE(test, msm_model_powered(in->m));
	mt_cwr(in, 0, MSM_MODEL_CONTEXTIDR, 5);
	KUNIT_EXPECT_EQ(test, pm_runtime_put_sync(dev), 0);
	KUNIT_EXPECT_FALSE(test, msm_model_powered(in->m));
	KUNIT_EXPECT_GE(test, pm_runtime_get_sync(dev), 0);
	KUNIT_EXPECT_TRUE(test, msm_model_powered(in->m));
	KUNIT_EXPECT_EQ(test, mt_crd(in, 0, MSM_MODEL_CONTEXTIDR), 0u);
	pm_runtime_put_sync(dev);
	pm_runtime_disable(dev);

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.power_offs, 2u);
	KUNIT_EXPECT_EQ(test, c.power_ons, 1u);
	KUNIT_EXPECT_EQ(test, c.off_accesses, 0u);
}

/* M2VCBR picks the context bank of a MID. */
static void mt_routing_by_mid(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_MDP);
	struct msm_model_counters c;
	struct msm_model_result r;
	struct mt_pt pt1, pt2;
	u32 va = 0x10000000, p1 = 0x01000000, p2 = 0x02000000;

	mt_pt_init(test, &pt1);
	mt_pt_init(test, &pt2);
	mt_map(test, &pt1, va, p1, MSM_MODEL_1M, MTP_RW);
	mt_map(test, &pt2, va, p2, MSM_MODEL_1M, MTP_RW);
	mt_route(in, 5, 1);
	mt_route(in, 6, 2);
	mt_ctx_enable(in, 1, &pt1, 1, 0);
	mt_ctx_enable(in, 2, &pt2, 2, 0);

	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 5, va + 0x10, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.ctx, 1);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p1 + 0x10);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 6, va + 0x10, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.ctx, 2);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p2 + 0x10);
	/* A MID left alone maps to context 0, whose MMU is off: bypass. */
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 7, va + 0x10, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.ctx, 0);
	KUNIT_EXPECT_TRUE(test, r.bypassed);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)va + 0x10);
	/* Moving MID 5 to context 2. */
	mt_route(in, 5, 2);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 5, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p2);
	/* A context bank past qcom,ncb, a MID past the table: nowhere. */
	mt_wr(in, MSM_MODEL_M2VCBR(8), 4 << MSM_MODEL_M2VCBR_CBNDX_SHIFT);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 8, va, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.ctx, -1);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 300, va, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.ctx, -1);

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.unrouted, 2u);
	KUNIT_EXPECT_EQ(test, c.bypassed, 1u);
	KUNIT_EXPECT_EQ(test, c.faults, 0u);
}

/* Client models reach the IOMMU through the model bus, by "iommus". */
static void mt_model_bus(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_MDP), *gfx = mt_get(test, MT_GFX);
	struct device_node *client_c, *multi;
	struct model_bus_master bm[2], bg, none;
	struct model_bus_result br;
	struct model_bus_stats st;
	struct page *data;
	struct mt_pt pt;
	u32 va = 0x30000000, p;
	u8 buf[8];

	client_c = of_find_node_by_path("/msm-client-c");
	multi = of_find_node_by_path("/msm-client-multi");
	KUNIT_ASSERT_TRUE(test, client_c && multi);
	KUNIT_EXPECT_EQ(test, model_bus_master_of(client_c, 0, &bm[0]), 0);
	KUNIT_EXPECT_EQ(test, model_bus_master_of(client_c, 1, &bm[1]), 0);
	KUNIT_EXPECT_EQ(test, model_bus_master_of(multi, 1, &bg), 0);
	KUNIT_EXPECT_EQ(test, model_bus_master_of(client_c, 2, &none), -EINVAL);
	of_node_put(client_c);
	of_node_put(multi);
	KUNIT_EXPECT_EQ(test, bm[0].stream, 3u);
	KUNIT_EXPECT_EQ(test, bm[1].stream, 4u);
	KUNIT_EXPECT_PTR_EQ(test, bm[0].iommu, (void *)in->m);
	KUNIT_EXPECT_STREQ(test, model_bus_name(&bm[0]), "iommu@d4000000");
	KUNIT_EXPECT_PTR_EQ(test, bg.iommu, (void *)gfx->m);
	KUNIT_EXPECT_EQ(test, bg.stream, 2u);

	/* Both MIDs of client c on one context bank. */
	mt_pt_init(test, &pt);
	p = mt_data_page(test, &data, 0x21);
	mt_map(test, &pt, va, p, MSM_MODEL_4K, MTP_RW);
	mt_route(in, 3, 1);
	mt_route(in, 4, 1);
	mt_ctx_enable(in, 1, &pt, 1, MT_STALL);
	KUNIT_EXPECT_EQ(test, model_bus_read(&bm[0], va + 8, buf, 8, &br), MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, br.phys, (u64)p + 8);
	KUNIT_EXPECT_EQ(test, memcmp(buf, page_address(data) + 8, 8), 0);
	buf[0] = 0x99;
	KUNIT_EXPECT_EQ(test, model_bus_write(&bm[1], va, buf, 1, &br), MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, *(u8 *)page_address(data), 0x99);
	/* A stall of one MID holds the other: same context bank. */
	KUNIT_EXPECT_EQ(test, model_bus_read(&bm[0], va + 0x1000, buf, 1, &br),
			MODEL_BUS_STALLED);
	KUNIT_EXPECT_EQ(test, br.fault_addr, (u64)va + 0x1000);
	KUNIT_EXPECT_TRUE(test, model_bus_stalled(&bm[1]));
	KUNIT_EXPECT_EQ(test, model_bus_read(&bm[1], va, buf, 1, &br), MODEL_BUS_STALLED);
	/* ... but not the other instance. */
	KUNIT_EXPECT_FALSE(test, model_bus_stalled(&bg));

	model_bus_stats(&bm[0], &st);
	KUNIT_EXPECT_EQ(test, st.table_walks, 2u);
	KUNIT_EXPECT_EQ(test, st.walks_by_size[MODEL_BUS_4K], 1u);
	KUNIT_EXPECT_EQ(test, st.tlb_hits, 1u);
	KUNIT_EXPECT_EQ(test, st.faults, 1u);
	KUNIT_EXPECT_EQ(test, st.full_flushes, 1u);	/* mt_ctx_enable's TLBIALL */
	bm[0].ops->reset_stats(bm[0].iommu);
	model_bus_stats(&bm[0], &st);
	KUNIT_EXPECT_EQ(test, st.table_walks, 0u);

	/*
	 * Terminated: the master had MODEL_BUS_STALLED with a new fault for
	 * that transfer; unlike a C API caller its next transfer is served.
	 */
	mt_cwr(in, 1, MSM_MODEL_RESUME, MSM_MODEL_RESUME_TERMINATE);
	KUNIT_EXPECT_FALSE(test, model_bus_stalled(&bm[0]));
	KUNIT_EXPECT_EQ(test, model_bus_read(&bm[0], va, buf, 1, &br), MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, buf[0], 0x99);
}

static struct kunit_case mt_regs_cases[] = {
	KUNIT_CASE(mt_lookup),
	KUNIT_CASE(mt_reset_values),
	KUNIT_CASE(mt_window_layout),
	KUNIT_CASE(mt_clock_gating),
	KUNIT_CASE(mt_power_loss_resets),
	KUNIT_CASE(mt_runtime_pm_powers_model),
	KUNIT_CASE(mt_routing_by_mid),
	KUNIT_CASE(mt_model_bus),
	{}
};

struct kunit_suite mt_regs_suite = {
	.name = "socmmu_msm_model",
	.suite_init = mt_suite_init,
	.suite_exit = mt_suite_exit,
	.init = mt_case_init,
	.exit = mt_case_exit,
	.test_cases = mt_regs_cases,
};

kunit_test_suites(&mt_regs_suite, &mt_xlate_suite, &mt_fault_suite);

MODULE_DESCRIPTION("KUnit suites for the socmmu MSM IOMMU model");
MODULE_LICENSE("GPL");

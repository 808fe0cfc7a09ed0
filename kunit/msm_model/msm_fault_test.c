// SPDX-License-Identifier: GPL-2.0
/*
 * The MSM IOMMU model's faults: FSR/FAR/FSYNR, stall on fault and RESUME,
 * the error without stall, both fault interrupts, and the isolation of
 * context banks.
 */
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/mm.h>

#include "msm_test.h"

/* MID @mid on context bank @ctx of @in, tables @pt, ASID 1. */
static void mf_setup(struct kunit *test, struct mt_inst *in, struct mt_pt *pt, u32 mid,
		     unsigned int ctx, unsigned int flags)
{
	mt_pt_init(test, pt);
	mt_route(in, mid, ctx);
	mt_ctx_enable(in, ctx, pt, 1, flags);
}

static void mf_fault_syndrome(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_MDP);
	struct msm_model_counters c;
	struct msm_model_result r;
	struct mt_pt pt;

	mf_setup(test, in, &pt, 7, 3, 0);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 7, 0x12345678,
						  MSM_MODEL_ACC_WRITE | MSM_MODEL_ACC_PRIV, &r),
			MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_TF);
	KUNIT_EXPECT_EQ(test, r.fault_addr, 0x12345678u);
	KUNIT_EXPECT_EQ(test, r.ctx, 3);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FSR), MSM_MODEL_FSR_TF);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FAR), 0x12345678u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FSYNR0), 7u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FSYNR1),
			MSM_MODEL_FSYNR1_AWRITE | MSM_MODEL_FSYNR1_APRIV);
	/* A second fault before FSR is cleared: MULTI, the first one kept. */
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 7, 0x23456789, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FSR),
			MSM_MODEL_FSR_TF | MSM_MODEL_FSR_MULTI);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FAR), 0x12345678u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FSYNR1),
			MSM_MODEL_FSYNR1_AWRITE | MSM_MODEL_FSYNR1_APRIV);
	/* Cleared (write ones), the next fault is recorded afresh. */
	mt_cwr(in, 3, MSM_MODEL_FSR, MSM_MODEL_FSR_TF | MSM_MODEL_FSR_MULTI);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FSR), 0u);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 7, 0x3456789a, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FAR), 0x3456789au);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FSYNR1), 0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 0, MSM_MODEL_FSR), 0u);

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.faults, 3u);
	KUNIT_EXPECT_EQ(test, c.ctx_faults[3], 3u);
	KUNIT_EXPECT_EQ(test, c.ctx_faults[0] + c.ctx_faults[1] + c.ctx_faults[2], 0u);
	KUNIT_EXPECT_EQ(test, c.stalls, 0u);
}

/* Without ACTLR.CFCFG the faulting transfer gets its error at once. */
static void mf_no_stall_error(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_GFX);
	struct msm_model_counters c;
	struct msm_model_result r;
	struct page *data;
	struct mt_pt pt;
	u32 va = 0x20000000, p;
	u8 b;

	mf_setup(test, in, &pt, 1, 1, 0);
	p = mt_data_page(test, &data, 9);
	mt_map(test, &pt, va, p, MSM_MODEL_4K, MTP_RW);
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 1, va + 0x1000, &b, 1, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fault_addr, va + 0x1000);
	KUNIT_EXPECT_FALSE(test, msm_model_stalled(in->m, 1));
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_FSR), MSM_MODEL_FSR_TF | MSM_MODEL_FSR_SL);
	/* The context goes on with the next transfer. */
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 1, va, &b, 1, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, b, *(u8 *)page_address(data));
	/* RESUME with nothing stalled does nothing. */
	mt_cwr(in, 1, MSM_MODEL_RESUME, 0);
	mt_cwr(in, 1, MSM_MODEL_RESUME, MSM_MODEL_RESUME_TERMINATE);
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 1, va, &b, 1, &r), MSM_MODEL_OK);

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.faults, 1u);
	KUNIT_EXPECT_EQ(test, c.stalls, 0u);
	KUNIT_EXPECT_EQ(test, c.resumes_ignored, 2u);
	KUNIT_EXPECT_EQ(test, c.resumes_retry + c.resumes_terminate, 0u);
}

/* CFCFG: the master waits until RESUME; a retry succeeds once mapped. */
static void mf_stall_resume_retry(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_MDP);
	struct msm_model_counters c;
	struct msm_model_result r;
	struct page *data;
	struct mt_pt pt;
	u32 va = 0x30000000, va2 = 0x30010000, p;
	u8 buf[4];

	mf_setup(test, in, &pt, 1, 1, MT_STALL);
	mt_route(in, 2, 1);
	p = mt_data_page(test, &data, 0x70);
	mt_map(test, &pt, va2, p, MSM_MODEL_4K, MTP_RW);

	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 1, va + 4, buf, 4, &r), MSM_MODEL_STALLED);
	KUNIT_EXPECT_EQ(test, r.fault_addr, va + 4);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_TF | MSM_MODEL_FSR_SL);
	KUNIT_EXPECT_TRUE(test, msm_model_stalled(in->m, 1));
	KUNIT_EXPECT_TRUE(test, msm_model_stalled(in->m, 2));
	KUNIT_EXPECT_FALSE(test, msm_model_stalled(in->m, 3));	/* context 0 */
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_FSR),
			MSM_MODEL_FSR_TF | MSM_MODEL_FSR_SL | MSM_MODEL_FSR_SS);
	/* Every transfer of the context waits, mapped or not, any MID. */
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 2, va2, buf, 4, &r), MSM_MODEL_STALLED);
	KUNIT_EXPECT_EQ(test, r.fault_addr, va + 4);
	/* Clearing FSR, as mainline's handler does, releases nothing. */
	mt_cwr(in, 1, MSM_MODEL_FSR, 0x4000000f);
	mt_cwr(in, 1, MSM_MODEL_FSR, 0xffffffff);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_FSR), 0u);
	KUNIT_EXPECT_TRUE(test, msm_model_stalled(in->m, 1));

	/* Mapped now: the retry walks again and succeeds. */
	mt_map(test, &pt, va, p, MSM_MODEL_4K, MTP_RW);
	mt_cwr(in, 1, MSM_MODEL_RESUME, 0);
	KUNIT_EXPECT_FALSE(test, msm_model_stalled(in->m, 1));
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_FSR), 0u);
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 1, va + 4, buf, 4, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_TRUE(test, r.tlb_hit);	/* the retry's walk filled the TLB */
	KUNIT_EXPECT_EQ(test, memcmp(buf, page_address(data) + 4, 4), 0);
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 2, va2, buf, 4, &r), MSM_MODEL_OK);

	/* A retry of an access still unmapped faults and stalls again. */
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 1, va + 0x100000, buf, 1, &r),
			MSM_MODEL_STALLED);
	mt_cwr(in, 1, MSM_MODEL_RESUME, 0);
	KUNIT_EXPECT_TRUE(test, msm_model_stalled(in->m, 1));
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_FSR),
			MSM_MODEL_FSR_TF | MSM_MODEL_FSR_SS | MSM_MODEL_FSR_MULTI);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_FAR), va + 0x100000);

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.stalls, 3u);
	KUNIT_EXPECT_EQ(test, c.resumes_retry, 2u);
	KUNIT_EXPECT_EQ(test, c.resumes_terminate, 0u);
	KUNIT_EXPECT_EQ(test, c.faults, 3u);
}

/* RESUME with TNR: the stalled transfer gets its error, nothing else. */
static void mf_stall_resume_terminate(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_MDP);
	struct msm_model_counters c;
	struct msm_model_result r;
	struct page *data;
	struct mt_pt pt;
	u32 va = 0x40000000, va2 = 0x40001000, p;
	u8 b;

	mf_setup(test, in, &pt, 3, 2, MT_STALL);
	mt_route(in, 4, 2);
	p = mt_data_page(test, &data, 0x11);
	mt_map(test, &pt, va2, p, MSM_MODEL_4K, MTP_RW);

	KUNIT_EXPECT_EQ(test, msm_model_write(in->m, 3, va, &b, 1, &r), MSM_MODEL_STALLED);
	KUNIT_EXPECT_TRUE(test, msm_model_stalled(in->m, 4));
	mt_cwr(in, 2, MSM_MODEL_RESUME, MSM_MODEL_RESUME_TERMINATE);
	KUNIT_EXPECT_FALSE(test, msm_model_stalled(in->m, 3));
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_FSR), MSM_MODEL_FSR_TF | MSM_MODEL_FSR_SL);
	/* The other master of the context goes on. */
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 4, va2, &b, 1, &r), MSM_MODEL_OK);
	/* The faulting master gets the error of its terminated transfer... */
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 3, va2, &b, 1, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fault_addr, va);
	/* ... once. */
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 3, va2, &b, 1, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, b, *(u8 *)page_address(data));
	/* A RESUME now has nothing to act on. */
	mt_cwr(in, 2, MSM_MODEL_RESUME, 0);

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.stalls, 1u);
	KUNIT_EXPECT_EQ(test, c.resumes_terminate, 1u);
	KUNIT_EXPECT_EQ(test, c.resumes_retry, 0u);
	KUNIT_EXPECT_EQ(test, c.resumes_ignored, 1u);
}

/* Power loss drops a stalled transfer with everything else. */
static void mf_stall_lost_with_power(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_GFX);
	struct msm_model_result r;
	struct mt_pt pt;

	mf_setup(test, in, &pt, 1, 1, MT_STALL);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 1, 0x1000, 0, &r), MSM_MODEL_STALLED);
	msm_model_set_power(in->m, false);
	KUNIT_EXPECT_FALSE(test, msm_model_stalled(in->m, 1));
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 1, 0x1000, 0, &r), MSM_MODEL_ERROR);
	msm_model_set_power(in->m, true);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_FSR), 0u);
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 1, 0x1000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_TRUE(test, r.bypassed);
	/* The context restored, as a driver would: nothing of the stall is left. */
	mt_route(in, 1, 1);
	mt_ctx_enable(in, 1, &pt, 1, MT_STALL);
	mt_map(test, &pt, 0x1000, 0x01000000, MSM_MODEL_4K, MTP_RW);
	KUNIT_EXPECT_FALSE(test, msm_model_stalled(in->m, 1));
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 1, 0x1000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, 0x01000000ull);
}

/* ------------------------------------------------------- interrupts -- */

struct mf_line {
	struct mt_inst *in;
	unsigned int index;
	struct completion done;
	int calls;
	u32 fsr;
	bool hardirq;
};

/* A driver's handler: clear the FSR of every context routed to this line. */
static irqreturn_t mf_irq_handler(int irq, void *data)
{
	struct mf_line *l = data;
	unsigned int c;
	u32 any = 0;

	for (c = 0; c < msm_model_ncb(l->in->m); c++) {
		u32 fsr = mt_crd(l->in, c, MSM_MODEL_FSR);

		if (!fsr || (mt_rd(l->in, MSM_MODEL_CBACR(c)) >> MSM_MODEL_CBACR_IRPTNDX_SHIFT) !=
			    l->index)
			continue;
		any |= fsr;
		mt_cwr(l->in, c, MSM_MODEL_FSR, fsr);
	}
	if (!any)
		return IRQ_NONE;
	l->fsr = any;
	l->hardirq = in_hardirq();
	l->calls++;
	complete(&l->done);
	return IRQ_HANDLED;
}

static struct mf_line mf_lines[3];

static bool mf_wait(struct mf_line *l, unsigned long timeout)
{
	bool fired = wait_for_completion_timeout(&l->done, timeout) > 0;

	reinit_completion(&l->done);
	return fired;
}

static void mf_interrupts(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_MDP), *vfe = mt_get(test, MT_VFE);
	struct mf_line *ns = &mf_lines[0], *sec = &mf_lines[1], *vl = &mf_lines[2];
	struct msm_model_counters c;
	struct msm_model_result r;
	struct mt_pt pt1, pt2, pt3, ptv;
	unsigned int i;

	memset(mf_lines, 0, sizeof(mf_lines));
	for (i = 0; i < ARRAY_SIZE(mf_lines); i++)
		init_completion(&mf_lines[i].done);
	ns->in = in;
	sec->in = in;
	sec->index = 1;
	vl->in = vfe;
	mf_setup(test, in, &pt1, 1, 1, MT_IRQ);
	mf_setup(test, in, &pt2, 2, 2, MT_IRQ);
	mf_setup(test, in, &pt3, 3, 3, 0);
	mf_setup(test, vfe, &ptv, 1, 0, MT_IRQ);
	mt_wr(in, MSM_MODEL_CBACR(2), 1u << MSM_MODEL_CBACR_IRPTNDX_SHIFT);
	mt_wr(vfe, MSM_MODEL_CBACR(0), 1u << MSM_MODEL_CBACR_IRPTNDX_SHIFT);
	KUNIT_ASSERT_EQ(test, request_irq(msm_model_irq(in->m, 0), mf_irq_handler, 0,
					  "msm-model-test-ns", ns), 0);
	if (request_irq(msm_model_irq(in->m, 1), mf_irq_handler, 0, "msm-model-test-s", sec)) {
		free_irq(msm_model_irq(in->m, 0), ns);
		KUNIT_FAIL(test, "cannot request the secure interrupt");
		return;
	}
	if (request_irq(msm_model_irq(vfe->m, 0), mf_irq_handler, 0, "msm-model-test-vfe", vl)) {
		free_irq(msm_model_irq(in->m, 0), ns);
		free_irq(msm_model_irq(in->m, 1), sec);
		KUNIT_FAIL(test, "cannot request the VFE interrupt");
		return;
	}

	/* Context 1, IRPTNDX 0: the non-secure interrupt, in hard IRQ context. */
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 1, 0x1000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_TRUE(test, mf_wait(ns, HZ));
	KUNIT_EXPECT_EQ(test, ns->fsr, MSM_MODEL_FSR_TF);
	KUNIT_EXPECT_TRUE(test, ns->hardirq);
	KUNIT_EXPECT_EQ(test, mt_crd(in, 1, MSM_MODEL_FSR), 0u);
	/* Context 2, IRPTNDX 1: the secure one. */
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 2, 0x1000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_TRUE(test, mf_wait(sec, HZ));
	KUNIT_EXPECT_EQ(test, ns->calls, 1);
	/* Context 3 without CFEIE: FSR set, no interrupt until CFEIE is. */
	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, 3, 0x1000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_FALSE(test, mf_wait(ns, HZ / 10));
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FSR), MSM_MODEL_FSR_TF);
	mt_cwr(in, 3, MSM_MODEL_ACTLR, mt_crd(in, 3, MSM_MODEL_ACTLR) | MSM_MODEL_ACTLR_CFEIE);
	KUNIT_EXPECT_TRUE(test, mf_wait(ns, HZ));
	KUNIT_EXPECT_EQ(test, mt_crd(in, 3, MSM_MODEL_FSR), 0u);
	/* FSRRESTORE raises it as a fault does. */
	mt_cwr(in, 1, MSM_MODEL_FSRRESTORE, MSM_MODEL_FSR_APF);
	KUNIT_EXPECT_TRUE(test, mf_wait(ns, HZ));
	KUNIT_EXPECT_EQ(test, ns->fsr, MSM_MODEL_FSR_APF);
	KUNIT_EXPECT_EQ(test, ns->calls, 3);
	KUNIT_EXPECT_EQ(test, sec->calls, 1);

	/* The VFE has no secure interrupt: IRPTNDX 1 goes nowhere. */
	KUNIT_EXPECT_EQ(test, msm_model_translate(vfe->m, 1, 0x1000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_FALSE(test, mf_wait(vl, HZ / 10));
	mt_wr(vfe, MSM_MODEL_CBACR(0), 0);
	KUNIT_EXPECT_TRUE(test, mf_wait(vl, HZ));

	free_irq(msm_model_irq(in->m, 0), ns);
	free_irq(msm_model_irq(in->m, 1), sec);
	free_irq(msm_model_irq(vfe->m, 0), vl);
	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.irqs[0], 3u);
	KUNIT_EXPECT_EQ(test, c.irqs[1], 1u);
	c = mt_counters(vfe);
	KUNIT_EXPECT_EQ(test, c.irqs[0], 1u);
	KUNIT_EXPECT_EQ(test, c.irqs[1], 0u);
}

/* Two context banks of one instance: tables, TLBs, faults and stalls apart. */
static void mf_contexts_isolated(struct kunit *test)
{
	struct mt_inst *in = mt_get(test, MT_MDP), *gfx = mt_get(test, MT_GFX);
	struct page *d1, *d2;
	struct msm_model_counters c;
	struct msm_model_result r;
	struct mt_pt pt1, pt2;
	u32 va = 0x50000000, p1, p2;
	u8 b;

	mf_setup(test, in, &pt1, 1, 1, MT_STALL);
	mf_setup(test, in, &pt2, 2, 2, MT_STALL);	/* the same ASID */
	p1 = mt_data_page(test, &d1, 1);
	p2 = mt_data_page(test, &d2, 2);
	mt_map(test, &pt1, va, p1, MSM_MODEL_4K, MTP_RW);
	mt_map(test, &pt2, va, p2, MSM_MODEL_4K, MTP_RW);

	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 1, va, &b, 1, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p1);
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 2, va, &b, 1, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p2);
	/* Context 1 stalls; context 2 and the other instance go on. */
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 1, va + 0x1000, &b, 1, &r),
			MSM_MODEL_STALLED);
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 2, va, &b, 1, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p2);
	KUNIT_EXPECT_FALSE(test, msm_model_stalled(in->m, 2));
	KUNIT_EXPECT_EQ(test, mt_crd(in, 2, MSM_MODEL_FSR), 0u);
	KUNIT_EXPECT_EQ(test, msm_model_translate(gfx->m, 1, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_FALSE(test, msm_model_stalled(gfx->m, 1));
	/* Context 2's TLBIALL leaves context 1's TLB alone. */
	mt_cwr(in, 2, MSM_MODEL_CTX_TLBIALL, 0);
	mt_cwr(in, 1, MSM_MODEL_RESUME, MSM_MODEL_RESUME_TERMINATE);
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 1, va, &b, 1, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 1, va, &b, 1, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_TRUE(test, r.tlb_hit);
	KUNIT_EXPECT_EQ(test, b, *(u8 *)page_address(d1));
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, 2, va, &b, 1, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_FALSE(test, r.tlb_hit);
	KUNIT_EXPECT_EQ(test, b, *(u8 *)page_address(d2));

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.ctx_faults[1], 1u);
	KUNIT_EXPECT_EQ(test, c.ctx_faults[2], 0u);
	KUNIT_EXPECT_EQ(test, c.tlbialls[1], 1u);
	KUNIT_EXPECT_EQ(test, c.tlbialls[2], 2u);
}

static struct kunit_case mt_fault_cases[] = {
	KUNIT_CASE(mf_fault_syndrome),
	KUNIT_CASE(mf_no_stall_error),
	KUNIT_CASE(mf_stall_resume_retry),
	KUNIT_CASE(mf_stall_resume_terminate),
	KUNIT_CASE(mf_stall_lost_with_power),
	KUNIT_CASE(mf_interrupts),
	KUNIT_CASE(mf_contexts_isolated),
	{}
};

struct kunit_suite mt_fault_suite = {
	.name = "socmmu_msm_model_faults",
	.suite_init = mt_suite_init,
	.suite_exit = mt_suite_exit,
	.init = mt_case_init,
	.exit = mt_case_exit,
	.test_cases = mt_fault_cases,
};

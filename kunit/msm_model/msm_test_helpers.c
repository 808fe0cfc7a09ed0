// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers of the MSM IOMMU model's suites (msm_test.h): the fixture, the
 * register accessors, and ARMv7s descriptors built by hand in the format
 * of io-pgtable-arm-v7s.c.
 */
#include <linux/clk.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/module.h>

#include "msm_test.h"

#define L1_ORDER	2	/* 16 KB */

static struct mt_inst mt_insts[MT_NR];

/* Pages a case allocated: freed at its exit, whatever path it took. */
#define MT_MAX_PAGES	32
static struct {
	struct page *page;
	unsigned int order;
} mt_pages[MT_MAX_PAGES];

struct page *mt_alloc_pages(struct kunit *test, unsigned int order)
{
	unsigned int i;

	for (i = 0; i < MT_MAX_PAGES && mt_pages[i].page; i++)
		;
	KUNIT_ASSERT_LT(test, i, (unsigned int)MT_MAX_PAGES);
	mt_pages[i].page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
	KUNIT_ASSERT_NOT_NULL(test, mt_pages[i].page);
	mt_pages[i].order = order;
	return mt_pages[i].page;
}

void mt_free_pages(struct page *page)
{
	unsigned int i;

	for (i = 0; i < MT_MAX_PAGES; i++) {
		if (mt_pages[i].page == page) {
			__free_pages(page, mt_pages[i].order);
			mt_pages[i].page = NULL;
		}
	}
}

static void mt_free_all_pages(void)
{
	unsigned int i;

	for (i = 0; i < MT_MAX_PAGES; i++)
		if (mt_pages[i].page)
			mt_free_pages(mt_pages[i].page);
}

/* ---------------------------------------------------------- fixture -- */

int mt_suite_init(struct kunit_suite *suite)
{
	struct msm_model *m;
	unsigned int i;

	for (i = 0; i < MT_NR && (m = msm_model_get(i)); i++) {
		struct device *dev = msm_model_device(m);

		mt_insts[i].m = m;
		mt_insts[i].base = ioremap(msm_model_phys_base(m), MSM_MODEL_WINDOW);
		mt_insts[i].pclk = dev ? clk_get(dev, "smmu_pclk") : ERR_PTR(-ENODEV);
		mt_insts[i].clk = dev ? clk_get(dev, "iommu_clk") : ERR_PTR(-ENODEV);
	}
	return 0;
}

void mt_suite_exit(struct kunit_suite *suite)
{
	unsigned int i;

	for (i = 0; i < MT_NR; i++) {
		struct mt_inst *in = &mt_insts[i];

		if (in->base)
			iounmap(in->base);
		if (!IS_ERR_OR_NULL(in->pclk))
			clk_put(in->pclk);
		if (!IS_ERR_OR_NULL(in->clk))
			clk_put(in->clk);
		memset(in, 0, sizeof(*in));
	}
}

/* Every case starts and ends with each instance freshly reset, clocks off. */
static void mt_all_reset(void)
{
	unsigned int i;

	for (i = 0; i < MT_NR; i++) {
		struct mt_inst *in = &mt_insts[i];

		if (!in->m)
			continue;
		if (in->pclk_on)
			clk_disable_unprepare(in->pclk);
		if (in->clk_on)
			clk_disable_unprepare(in->clk);
		in->pclk_on = false;
		in->clk_on = false;
		msm_model_set_power(in->m, false);
		msm_model_set_power(in->m, true);
		msm_model_reset_counters(in->m);
	}
	msm_model_serve_off_clock(false);
}

int mt_case_init(struct kunit *test)
{
	/*
	 * make check always boots with the test device tree: a missing
	 * IOMMU means the bench is broken, which must fail, not skip.
	 */
	if (!msm_model_get(MT_NR - 1)) {
		KUNIT_FAIL(test, "the MSM IOMMUs of the test device tree are missing");
		return -ENODEV;
	}
	mt_all_reset();
	return 0;
}

void mt_case_exit(struct kunit *test)
{
	mt_all_reset();
	mt_free_all_pages();
}

/* Turn the instance's two clocks on or off through the clock framework. */
void mt_clocks(struct kunit *test, struct mt_inst *in, bool pclk, bool clk)
{
	if (pclk != in->pclk_on) {
		if (pclk)
			KUNIT_ASSERT_EQ(test, clk_prepare_enable(in->pclk), 0);
		else
			clk_disable_unprepare(in->pclk);
		in->pclk_on = pclk;
	}
	if (clk != in->clk_on) {
		if (clk)
			KUNIT_ASSERT_EQ(test, clk_prepare_enable(in->clk), 0);
		else
			clk_disable_unprepare(in->clk);
		in->clk_on = clk;
	}
}

/* An instance, mapped, with both clocks running and counters zeroed. */
struct mt_inst *mt_get(struct kunit *test, unsigned int which)
{
	struct mt_inst *in = &mt_insts[which];

	KUNIT_ASSERT_NOT_NULL(test, in->m);
	KUNIT_ASSERT_TRUE(test, in->base);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(in->pclk));
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(in->clk));
	mt_clocks(test, in, true, true);
	msm_model_reset_counters(in->m);
	return in;
}

/* -------------------------------------------------------- registers -- */

u32 mt_rd(struct mt_inst *in, u32 off)
{
	return readl(in->base + off);
}

void mt_wr(struct mt_inst *in, u32 off, u32 val)
{
	writel(val, in->base + off);
}

u32 mt_crd(struct mt_inst *in, unsigned int ctx, u32 off)
{
	return readl(in->base + ctx * MSM_MODEL_CTX_STRIDE + off);
}

void mt_cwr(struct mt_inst *in, unsigned int ctx, u32 off, u32 val)
{
	writel(val, in->base + ctx * MSM_MODEL_CTX_STRIDE + off);
}

/* M2VCBR as mainline's config_mids: VMID 0, CBNDX ctx, NSCFG 3. */
void mt_route(struct mt_inst *in, u32 mid, unsigned int ctx)
{
	mt_wr(in, MSM_MODEL_M2VCBR(mid), ctx << MSM_MODEL_M2VCBR_CBNDX_SHIFT |
	      3u << MSM_MODEL_M2VCBR_NSCFG_SHIFT);
}

/* As mainline's __program_context, with stall and interrupt per @flags. */
void mt_ctx_enable(struct mt_inst *in, unsigned int ctx, const struct mt_pt *pt, u8 asid,
		   unsigned int flags)
{
	u32 actlr = MSM_MODEL_ACTLR_TLBMCFG_WALK | MSM_MODEL_ACTLR_V2PCFG_WALK;

	if (flags & MT_STALL)
		actlr |= MSM_MODEL_ACTLR_CFCFG;
	if (flags & MT_IRQ)
		actlr |= MSM_MODEL_ACTLR_CFEIE;
	mt_cwr(in, ctx, MSM_MODEL_CONTEXTIDR, asid);
	mt_cwr(in, ctx, MSM_MODEL_TTBCR, 0);
	mt_cwr(in, ctx, MSM_MODEL_TTBR0, pt ? pt->l1_pa | BIT(1) : 0);
	mt_cwr(in, ctx, MSM_MODEL_TTBR1, 0);
	mt_cwr(in, ctx, MSM_MODEL_PRRR, MT_PRRR);
	mt_cwr(in, ctx, MSM_MODEL_NMRR, MT_NMRR);
	mt_cwr(in, ctx, MSM_MODEL_CTX_TLBIALL, 0);
	mt_cwr(in, ctx, MSM_MODEL_ACTLR, actlr);
	mt_cwr(in, ctx, MSM_MODEL_SCTLR, MSM_MODEL_SCTLR_M | MSM_MODEL_SCTLR_TRE |
	       MSM_MODEL_SCTLR_AFE);
}

struct msm_model_counters mt_counters(struct mt_inst *in)
{
	struct msm_model_counters c;

	msm_model_counters(in->m, &c);
	return c;
}

/* ----------------------------------------------------------- tables -- */

/* The pages are the case's: freed at its exit. */
void mt_pt_init(struct kunit *test, struct mt_pt *pt)
{
	unsigned int i;

	memset(pt, 0, sizeof(*pt));
	pt->l1_page = mt_alloc_pages(test, L1_ORDER);
	for (i = 0; i < ARRAY_SIZE(pt->l2_page); i++)
		pt->l2_page[i] = mt_alloc_pages(test, 0);
	pt->l1 = page_address(pt->l1_page);
	pt->l1_pa = page_to_phys(pt->l1_page);
}

static u32 *mt_l2(struct mt_pt *pt, unsigned int i)
{
	return (u32 *)page_address(pt->l2_page[i / 4]) + (i % 4) * 256;
}

/* The L2 table of va's 1 MB region, allocated and linked on first use. */
u32 mt_l2_pa(struct kunit *test, struct mt_pt *pt, u32 va)
{
	unsigned int i;
	u32 pa;

	for (i = 0; i < pt->nr_l2; i++)
		if (pt->l2_for[i] == (va >> 20) + 1)
			break;
	if (i == pt->nr_l2) {
		KUNIT_ASSERT_LT(test, pt->nr_l2, (unsigned int)MT_NR_L2);
		KUNIT_ASSERT_NOT_NULL(test, pt->l2_page[i / 4]);
		pt->l2_for[pt->nr_l2++] = (va >> 20) + 1;
	}
	pa = page_to_phys(pt->l2_page[i / 4]) + (i % 4) * 1024;
	pt->l1[va >> 20] = pa | 1;
	return pa;
}

/* The 8-bit attribute field of io-pgtable-arm-v7s (AP0 AP1 TEX AP2 S nG). */
u32 mt_attr(unsigned int prot)
{
	u32 a = BIT(6);			/* S */

	if (!(prot & MTP_NOAF))
		a |= BIT(0);		/* AP0: the access flag */
	if (!(prot & MTP_PRIV))
		a |= BIT(1);		/* AP1: unprivileged access */
	if (!(prot & MTP_W))
		a |= BIT(5);		/* AP2: read-only */
	if (!(prot & MTP_MMIO))
		a |= BIT(2);		/* TEX[0] */
	if (!(prot & MTP_GLOBAL))
		a |= BIT(7);		/* nG */
	return a;
}

static u32 mt_cb(unsigned int prot)
{
	if (prot & MTP_MMIO)
		return BIT(2);
	return prot & MTP_CACHE ? BIT(2) | BIT(3) : 0;
}

/* Map one page of @page size (enum msm_model_page) at va, replicas included. */
void mt_map(struct kunit *test, struct mt_pt *pt, u32 va, u32 pa, int page, unsigned int prot)
{
	u32 a = mt_attr(prot), d, *l2;
	unsigned int i;

	switch (page) {
	case MSM_MODEL_4K:
		mt_l2_pa(test, pt, va);
		for (i = 0; pt->l2_for[i] != (va >> 20) + 1; i++)
			;
		l2 = mt_l2(pt, i);
		d = (pa & 0xfffff000) | 2 | a << 4 | mt_cb(prot) | (prot & MTP_XN ? 1 : 0);
		l2[(va >> 12) & 0xff] = d;
		break;
	case MSM_MODEL_64K:
		mt_l2_pa(test, pt, va);
		for (i = 0; pt->l2_for[i] != (va >> 20) + 1; i++)
			;
		l2 = mt_l2(pt, i);
		/* TEX moves to [14:12] and XN to bit 15 (arm_v7s_pte_to_cont). */
		d = (pa & 0xffff0000) | 1 | (a & ~0x1cu) << 4 | ((a >> 2) & 7) << 12 |
		    mt_cb(prot) | (prot & MTP_XN ? BIT(15) : 0);
		for (i = 0; i < 16; i++)
			l2[((va >> 12) & 0xf0) + i] = d;
		break;
	case MSM_MODEL_1M:
		pt->l1[va >> 20] = (pa & 0xfff00000) | 2 | a << 10 | mt_cb(prot) |
				   (prot & MTP_XN ? BIT(4) : 0);
		break;
	default:
		d = (pa & 0xff000000) | BIT(18) | 2 | a << 10 | mt_cb(prot) |
		    (prot & MTP_XN ? BIT(4) : 0);
		for (i = 0; i < 16; i++)
			pt->l1[((va >> 20) & 0xff0) + i] = d;
		break;
	}
}

/* Clear what mt_map() wrote (the L2 table stays linked). */
void mt_unmap(struct kunit *test, struct mt_pt *pt, u32 va, int page)
{
	unsigned int i, n = (page == MSM_MODEL_64K || page == MSM_MODEL_16M) ? 16 : 1;
	u32 *l2;

	if (page == MSM_MODEL_1M || page == MSM_MODEL_16M) {
		for (i = 0; i < n; i++)
			pt->l1[((va >> 20) & ~(n - 1)) + i] = 0;
		return;
	}
	mt_l2_pa(test, pt, va);
	for (i = 0; pt->l2_for[i] != (va >> 20) + 1; i++)
		;
	l2 = mt_l2(pt, i);
	for (i = 0; i < n; i++)
		l2[(((va >> 12) & 0xff) & ~(n - 1)) + i] = 0;
}

/* A page of data with a pattern (the case's); returns its physical address. */
u32 mt_data_page(struct kunit *test, struct page **page, u8 seed)
{
	u8 *p;
	int i;

	*page = mt_alloc_pages(test, 0);
	p = page_address(*page);
	for (i = 0; i < PAGE_SIZE; i++)
		p[i] = seed + i * 7;
	return page_to_phys(*page);
}
